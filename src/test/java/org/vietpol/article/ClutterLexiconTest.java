package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ClutterLexiconTest {
    private static ClutterLexicon parse(String tsv) throws IOException {
        return ClutterLexicon.parse(new StringReader(tsv), "test.tsv");
    }

    @Test
    void aSiteIsTaughtNewClutterByDataAlone() throws IOException {
        ClutterLexicon lexicon = parse("# a site of our own\nline\tNút thích\ntrailer\tTin mới đăng\n"
                + "prefix\tGhi chú:\nbyline-cue\tPhóng viên:\n");
        TextCleaner cleaner = TextCleaner.of(lexicon);
        CleanText c = cleaner.clean("Tiêu đề\nNút thích:\nGhi chú: ẩn\nNội dung bài.\nPhóng viên: Lan Anh\n"
                + "Tin mới đăng\nTin khác.");
        assertEquals("Tiêu đề\nNội dung bài.", c.text());
        assertEquals(java.util.List.of("Phóng viên: Lan Anh"), c.bylines());
    }

    @Test
    void wholeLineRulesIgnoreCaseBulletsAndAFinalColon() {
        ClutterLexicon lexicon = ClutterLexicon.defaults();
        assertTrue(lexicon.isTrailer("» TIN LIÊN QUAN:"));
        assertTrue(lexicon.isClutter("XEM CỠ CHỮ:"));
        assertFalse(lexicon.isClutter("Chia sẻ với phóng viên, ông Nam cho biết tỉnh sẽ làm tốt hơn."));
        assertFalse(lexicon.isClutter("Theodore phát biểu."));
    }

    @Test
    void htmlJunkNamesMatchWholeNamesOrTheirParts() {
        ClutterLexicon lexicon = ClutterLexicon.defaults();
        assertTrue(lexicon.isHtmlJunkName("box-tinlienquan"));
        assertTrue(lexicon.isHtmlJunkName("share_tools"));
        assertTrue(lexicon.isHtmlJunkName("font-size"));
        assertFalse(lexicon.isHtmlJunkName("detail-content"));
        assertFalse(lexicon.isHtmlJunkName("shared-content"));
    }

    @Test
    void leadSelectorsComeFromTheDataFile() throws IOException {
        ClutterLexicon lexicon = parse("html-lead\t.chapo\nhtml-lead-meta\tmeta[name=summary]\n");
        assertEquals(java.util.List.of(".chapo"), lexicon.htmlLeadSelectors());
        assertEquals(java.util.List.of("meta[name=summary]"), lexicon.htmlLeadMetaSelectors());
        assertTrue(ClutterLexicon.defaults().htmlLeadSelectors().contains("p.description"));
    }

    @Test
    void mistakesInTheFileAreReportedWithTheirLine() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> parse("line\tZalo\nlines\tFacebook\n"));
        assertTrue(kind.getMessage().startsWith("test.tsv:2:"), kind.getMessage());
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> parse("\n\npattern\t(unclosed\n"));
        assertTrue(regex.getMessage().startsWith("test.tsv:3:"), regex.getMessage());
        IllegalArgumentException stamp = assertThrows(IllegalArgumentException.class,
                () -> parse("timestamp\t(?<d>\\d+)/(?<m>\\d+)\n"));
        assertTrue(stamp.getMessage().contains("(?<y>"), stamp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("html-article\tdiv[[\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("html-lead\tdiv[[\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("line\n"));
    }
}
