package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class LegacyEncodingsTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** Bytes as a Windows-1252 editor shows them: how TCVN3 and VNI text looks without its font. */
    private static byte[] shown(String s) {
        return s.getBytes(CP1252);
    }

    private static String decode(String encoding, byte[] b) {
        return LegacyEncodings.decode(encoding, b, 0, b.length);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyEncodingsTest.class.getResourceAsStream("bad/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void tcvn3ReadsTheFamiliarHeading() {
        assertEquals("Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", decode(LegacyEncodings.TCVN3,
                shown("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc")));
        assertEquals("Bộ Giáo dục và Đào tạo; Uỷ ban nhân dân; Quyết định; Trường; được; nắm; đặc biệt; bằng",
                decode(LegacyEncodings.TCVN3, shown("Bé Gi¸o dôc vµ §µo t¹o; Uû ban nh©n d©n; QuyÕt ®Þnh; Tr\u00ADêng; "
                        + "®\u00ADîc; n¾m; ®Æc biÖt; b»ng")));
    }

    @Test
    void vniReadsBaseLettersFollowedByTheirMarks() {
        assertEquals("Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", decode(LegacyEncodings.VNI,
                shown("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc")));
        assertEquals("ỦY BAN NHÂN DÂN QUYẾT ĐỊNH; Đà Nẵng; Đắk Lắk; Quảng Trị; Bình Dương; khẳng định; người",
                decode(LegacyEncodings.VNI, shown("UÛY BAN NHAÂN DAÂN QUYEÁT ÑÒNH; Ñaø Naüng; Ñaék Laék; Quaûng Trò; "
                        + "Bình Döông; khaúng ñònh; ngöôøi")));
    }

    @Test
    void windows1258ComposesItsToneMarks() {
        // "ộ" is "ô" followed by a combining dot below in Windows-1258
        byte[] b = {'H', (byte) 0xF4, (byte) 0xF2, 'i', ' ', 'n', 'g', 'h', 'i', (byte) 0xF2};
        String s = decode(LegacyEncodings.WINDOWS_1258, b);
        assertEquals("Hội nghị", s);
        assertTrue(Normalizer.isNormalized(s, Normalizer.Form.NFC));
    }

    @Test
    void theReadingThatGivesVietnameseWins() throws IOException {
        String expected = new String(resource("legacy-expected.txt"), StandardCharsets.UTF_8);
        for (String[] c : new String[][] {{"windows-1258.txt", LegacyEncodings.WINDOWS_1258},
                {"tcvn3.txt", LegacyEncodings.TCVN3}, {"vni.txt", LegacyEncodings.VNI}}) {
            LegacyEncodings.Guess g = LegacyEncodings.guess(resource(c[0]));
            assertEquals(c[1], g.encoding(), c[0]);
            assertEquals(expected, g.text(), c[0]);
            assertTrue(g.share() > 0.9, c[0] + " " + g.share());
        }
    }

    @Test
    void aMixtureIsNotGuessedAndOtherLanguagesDoNotLookVietnamese() throws IOException {
        LegacyEncodings.Guess mixed = LegacyEncodings.guess(resource("tcvn3-and-vni.txt"));
        assertNull(mixed.encoding());
        assertEquals("TCVN3 or VNI", mixed.lookalike());
        LegacyEncodings.Guess french = LegacyEncodings.guess(
                "Le comité s'est réuni lundi; les élus ont approuvé le budget à l'unanimité.".getBytes(CP1252));
        assertNull(french.encoding());
        assertNull(french.lookalike());
    }

    @Test
    void syllablesHaveAnOnsetARhymeAndOneToneThatFitsTheRhyme() {
        for (String s : new String[] {"Hội", "nghị", "Nguyễn", "quyết", "giữa", "gì", "khuya", "thuở", "hoà", "hòa",
                "thuỷ", "xoong", "Đảng", "ủy", "ương", "tỉnh"}) {
            assertTrue(VietSyllables.isSyllable(s), s);
        }
        for (String s : new String[] {"héi", "nghÞ", "coäng", "hoøa", "tàc", "hồị", "UBND", "fan", "strength", "ea"}) {
            assertFalse(VietSyllables.isSyllable(s), s);
        }
    }
}
