package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {
    private final TextCleaner cleaner = TextCleaner.defaults();

    private static final String HEAD = "Hội nghị Ban Chấp hành Đảng bộ tỉnh";
    private static final String BODY = "Sáng 3/2, Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2022.";

    @Test
    void normalisesCharactersSpacesAndLineBreaks() {
        String raw = "Ho\u0300a Bi\u0300nh\r\n\r\n  Đồng\u00A0chí   Nguyễn\u2009Văn\u200BA\u0000 phát biểu.\t\r"
                + "Kết\u202Fthúc.";
        CleanText c = cleaner.clean(raw);
        assertEquals("Hòa Bình\nĐồng chí Nguyễn VănA phát biểu.\nKết thúc.", c.text());
        assertEquals("Hòa Bình", c.headline());
    }

    @Test
    void dropsClutterLinesWhereverTheyAre() {
        CleanText c = cleaner.clean("Đăng nhập\nZalo\nTrang chủ » Chính trị\n" + HEAD
                + "\nXem cỡ chữ:\nA-\nA+\nChia sẻ\nFacebook\n"
                + "In bài\n" + BODY + "\nTags: Tỉnh ủy, hội nghị\nTừ khóa: Đảng bộ\nVề đầu trang\nanh-1.jpg\n|");
        assertEquals(HEAD + "\n" + BODY, c.text());
    }

    @Test
    void aTrailerEndsTheArticle() {
        CleanText c = cleaner.clean(HEAD + "\n" + BODY + "\nTIN LIÊN QUAN\nTỉnh ủy họp bàn công tác cán bộ.");
        assertEquals(HEAD + "\n" + BODY, c.text());
    }

    @Test
    void aTrailerWordAboveTheArticleIsOnlyAMenuEntry() {
        CleanText c = cleaner.clean("Mới nhất\n" + HEAD + "\n" + BODY);
        assertEquals(HEAD + "\n" + BODY, c.text());
    }

    @Test
    void aRelatedLinkInsideTheTextIsDroppedButTheTextGoesOn() {
        CleanText c = cleaner.clean(HEAD + "\n" + BODY
                + "\nXem thêm: Tỉnh ủy họp bàn công tác cán bộ\nHội nghị bế mạc.");
        assertEquals(HEAD + "\n" + BODY + "\nHội nghị bế mạc.", c.text());
    }

    @Test
    void photoCreditsAreCutFromCaptionsAndTheCaptionKept() {
        CleanText c = cleaner.clean(HEAD + "\nBí thư Tỉnh ủy chủ trì hội nghị (Ảnh: Việt Dũng).\n"
                + "Các đại biểu dự hội nghị (Ảnh Minh Anh).\nQuang cảnh hội nghị. Ảnh: TTXVN\n"
                + "Đại biểu biểu quyết - Ảnh: Thanh Hà\nẢnh: hanoi.gov.vn\n(Ảnh minh họa)\n" + BODY);
        assertEquals(List.of(HEAD, "Bí thư Tỉnh ủy chủ trì hội nghị.", "Các đại biểu dự hội nghị.",
                "Quang cảnh hội nghị.", "Đại biểu biểu quyết", BODY), List.of(c.text().split("\n")));
    }

    @Test
    void wordsThatOnlyLookLikeCreditsStay() {
        String line = "Ảnh hưởng của dịch bệnh (ảnh hưởng kéo dài) đã giảm.";
        assertEquals(HEAD + "\n" + line, cleaner.clean(HEAD + "\n" + line).text());
    }

    @Test
    void aCaptionRepeatedWithOtherCaseOrCreditIsKeptOnce() {
        CleanText c = cleaner.clean(HEAD + "\nĐồng chí Nguyễn Văn Nên chủ trì hội nghị (Ảnh: Việt Dũng).\n\n"
                + "Đồng chí Nguyễn Văn Nên chủ trì Hội nghị (Ảnh: Việt Dũng).\n" + BODY);
        assertEquals(HEAD + "\nĐồng chí Nguyễn Văn Nên chủ trì hội nghị.\n" + BODY, c.text());
    }

    @Test
    void captionsThatShareMostWordsButNameDifferentPeopleAreBothKept() {
        CleanText c = cleaner.clean(HEAD + "\nĐồng chí Nguyễn Văn An phát biểu tại hội nghị (Ảnh: A).\n"
                + "Đồng chí Nguyễn Văn Bình phát biểu tại hội nghị (Ảnh: A).\n" + BODY);
        assertEquals(HEAD + "\nĐồng chí Nguyễn Văn An phát biểu tại hội nghị.\n"
                + "Đồng chí Nguyễn Văn Bình phát biểu tại hội nghị.\n" + BODY, c.text());
    }

    @Test
    void differentCaptionsInARowAreBothKept() {
        String text = HEAD + "\nCác đại biểu dự hội nghị.\nLãnh đạo các cơ quan, đơn vị dự hội nghị.";
        assertEquals(text, cleaner.clean(HEAD + "\nCác đại biểu dự hội nghị (Ảnh: A).\n"
                + "Lãnh đạo các cơ quan, đơn vị dự hội nghị (Ảnh: A).").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"03/02/2023 2:53:54 CH", "Thứ Sáu, 03/02/2023 14:53", "03/02/2023 14:53 GMT+7",
            "2023-02-03", "Cập nhật: 3/2/2023 lúc 14:53", "Thứ sáu, ngày 3 tháng 2 năm 2023",
            "14:53 | 03/02/2023", "Chủ nhật, 03-02-2023, 08:00 (GMT+7)", "2023-02-03T14:53:00+07:00",
            "Cập nhật: 14:53, 03/02/2023 (GMT+7)", "Đăng lúc 14:53 ngày 03/02/2023", "3 tháng 2, 2023"})
    void aDatelineGivesTheDateAndLeavesTheText(String dateline) {
        CleanText c = cleaner.clean(HEAD + "\n" + dateline + "\n" + BODY);
        assertEquals(LocalDate.of(2023, 2, 3), c.published());
        assertEquals(HEAD + "\n" + BODY, c.text());
    }

    @Test
    void aSentenceWithADateIsNotADateline() {
        String line = "Ngày 03/02/2023, Ban Thường vụ Thành ủy tổ chức hội nghị.";
        CleanText c = cleaner.clean(HEAD + "\n" + line);
        assertNull(c.published());
        assertEquals(HEAD + "\n" + line, c.text());
        assertNull(cleaner.dateline("31/02/2023"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mạnh Trường", "Anh Thuần - Văn phòng Thành ủy Huế", "Bài, ảnh: Thanh Hương",
            "Bài và ảnh: Minh Anh", "Theo TTXVN", "Theo Báo Nhân Dân.", "Nguồn: baochinhphu.vn",
            "Bài viết được đăng từ nguồn: Báo Thừa Thiên Huế online", "Thu Hà/VOV", "Hoàng Giang (TTXVN)"})
    void aShortLastLineNamingAPersonOrSourceIsAByline(String byline) {
        CleanText c = cleaner.clean(HEAD + "\n" + BODY + "\n" + byline);
        assertEquals(HEAD + "\n" + BODY, c.text());
        assertEquals(List.of(byline), c.bylines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Theo kế hoạch, hội nghị sẽ họp vào tháng tới.", "Theo Bộ trưởng, năm nay sẽ khó khăn.",
            "Sắp xếp bộ máy cán bộ", "5. Công tác cán bộ thực hiện chặt chẽ, đồng bộ", "Hội nghị bế mạc.",
            "Đồng chí Nguyễn Văn A phát biểu.", "Theo Bí thư Thành ủy Huế Phan Thiên Định, công tác chính trị tư "
            + "tưởng đã được đổi mới theo hướng chủ động, kịp thời"})
    void aLastLineThatReadsAsContentStays(String line) {
        CleanText c = cleaner.clean(HEAD + "\n" + BODY + "\n" + line);
        assertEquals(HEAD + "\n" + BODY + "\n" + line, c.text());
        assertTrue(c.bylines().isEmpty());
    }

    @Test
    void severalBylineLinesAreTakenInPageOrder() {
        CleanText c = cleaner.clean(HEAD + "\n" + BODY + "\nBài, ảnh: Thanh Hương\nAbout Huế\n"
                + "Bài viết được đăng từ nguồn: Báo Thừa Thiên Huế online\nCheck Also\nMột tin khác");
        assertEquals(HEAD + "\n" + BODY, c.text());
        assertEquals(List.of("Bài, ảnh: Thanh Hương", "Bài viết được đăng từ nguồn: Báo Thừa Thiên Huế online"),
                c.bylines());
    }

    @Test
    void theHeadlineAndOneLineOfTextAreNeverTakenForBylines() {
        CleanText c = cleaner.clean("Mạnh Trường\nNguyễn Văn Nên");
        assertEquals("Mạnh Trường\nNguyễn Văn Nên", c.text());
        assertTrue(c.bylines().isEmpty());
    }

    @Test
    void aSourceTagOpeningTheLeadBecomesASourceNote() {
        CleanText c = cleaner.clean(HEAD + "\n(Chinhphu.vn) - " + BODY);
        assertEquals(HEAD + "\n" + BODY, c.text());
        assertEquals(List.of("Chinhphu.vn"), c.bylines());
        CleanText d = cleaner.clean(HEAD + "\nHÀ NỘI (TTXVN) - " + BODY);
        assertEquals(HEAD + "\n" + BODY, d.text());
        assertEquals(List.of("TTXVN"), d.bylines());
    }

    @Test
    void emptyOrClutterOnlyInputGivesEmptyText() {
        assertTrue(cleaner.clean("").isEmpty());
        assertTrue(cleaner.clean(" \n\u00A0\n\u0000").isEmpty());
        CleanText c = cleaner.clean("Đăng nhập\nZalo\nChia sẻ\n");
        assertTrue(c.isEmpty());
        assertEquals("", c.headline());
    }
}
