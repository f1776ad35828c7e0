package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five seed articles, read as a build reads them, lose their page clutter and keep their content. */
class SeedArticlesTest {
    /** The seeds ship with the project; a checkout next to the shared folder also has them there. */
    private static Path seeds() {
        for (Path p : List.of(Path.of("seeds"), Path.of("../shared/seeds"))) {
            if (Files.isDirectory(p)) return p;
        }
        return fail("seed folder not found: run the tests from the project folder (seeds/)");
    }

    private static Article seed(String name) throws IOException {
        CollectingSink sink = new CollectingSink();
        new TextArticleReader().read(seeds().resolve(name + ".txt"), sink);
        return sink.only();
    }

    private static List<String> lines(Article a) {
        return Arrays.asList(a.text().split("\n"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_c9986b01fe566dcc", "001_4637516c40e19d0c", "002_3a90effac3ee2126",
            "003_b540bd3bb0ae3ee5", "004_17876b7a40d704fd"})
    void everySeedBecomesOneTidyArticleWithItsHeadlineFirst(String name) throws IOException {
        Article a = seed(name);
        assertEquals(name, a.id());
        assertEquals(lines(a).get(0), a.title());
        assertTrue(Normalizer.isNormalized(a.text(), Normalizer.Form.NFC));
        for (String line : lines(a)) {
            assertEquals(line.strip(), line);
            assertFalse(line.isEmpty());
            assertFalse(line.contains("  "), line);
        }
        for (String byline : a.bylines()) assertFalse(a.text().contains(byline), byline);
    }

    @Test
    void seed000LosesItsDatelineAndControlsButGivesTheDate() throws IOException {
        Article a = seed("000_c9986b01fe566dcc");
        assertAll(
                () -> assertEquals(LocalDate.of(2023, 2, 3), a.published()),
                () -> assertEquals("Hội nghị tổng kết công tác xây dựng Đảng năm 2022 và triển khai phương hướng, "
                        + "nhiệm vụ năm 2023", a.title()),
                () -> assertFalse(a.text().contains("2:53:54 CH")),
                () -> assertFalse(a.text().contains("Xem cỡ chữ")),
                () -> assertFalse(a.text().contains("Đọc bài viết")),
                () -> assertTrue(a.text().contains("Tham dự có đồng chí Dương Quang Bằng - Phó Trưởng Ban Thường trực")),
                () -> assertTrue(lines(a).get(1).startsWith("Ngày 03/02/2023, Ban Thường vụ Thành ủy")),
                () -> assertTrue(lines(a).contains("Về phía lãnh đạo Thành phố có đồng chí Phan Thiên Định - UVTV Tỉnh "
                        + "ủy, Bí thư Thành ủy, Chủ tịch HĐND Thành phố; đồng chí Trần Hùng Nam - Phó Bí thư Thường trực "
                        + "Thành ủy cùng các đồng chí trong Ban Thường vụ Thành ủy, lãnh đạo các ban, UBKT, Văn phòng "
                        + "Thành ủy; lãnh đạo các phòng, ban, đoàn thể Thành phố và phường, xã.")),
                () -> assertEquals(List.of("Anh Thuần - Văn phòng Thành ủy Huế"), a.bylines()),
                () -> assertFalse(a.text().contains("Anh Thuần")));
    }

    @Test
    void seed001LosesImageNamePhotoCreditSourceTagAndRelatedNews() throws IOException {
        Article a = seed("001_4637516c40e19d0c");
        assertAll(
                () -> assertFalse(a.text().contains("2.png")),
                () -> assertFalse(a.text().contains("Ảnh: hanoi.gov.vn")),
                () -> assertFalse(a.text().contains("hanoi.gov.vn")),
                () -> assertFalse(a.text().contains("Cùng chuyên mục")),
                () -> assertFalse(a.text().contains("(BKTO)")),
                () -> assertTrue(a.bylines().contains("BKTO")),
                () -> assertEquals(1, count(a.text(), "Phấn đấu hoàn thành ở mức cao nhất các nhiệm vụ chính trị")),
                () -> assertTrue(lines(a).get(1).startsWith("Đây là nhấn mạnh của Bí thư Thành ủy Hà Nội Đinh Tiến Dũng")),
                () -> assertTrue(lines(a).contains("Các đại biểu thông qua Nghị quyết Hội nghị lần thứ 11 Ban Chấp hành "
                        + "Đảng bộ TP. Hà Nội.")),
                () -> assertTrue(lines(a).get(lines(a).size() - 1).endsWith("(17/3/1930)./.")),
                () -> assertNull(a.published()));
    }

    @Test
    void seed002KeepsItsSentencesOpeningWithTheoAndMovesBothSourceLinesToBylines() throws IOException {
        Article a = seed("002_3a90effac3ee2126");
        assertAll(
                () -> assertEquals(List.of("Bài, ảnh: Thanh Hương",
                        "Bài viết được đăng từ nguồn: Báo Thừa Thiên Huế online"), a.bylines()),
                () -> assertFalse(a.text().contains("Thanh Hương")),
                () -> assertFalse(a.text().contains("About Huế")),
                () -> assertFalse(a.text().contains("Check Also")),
                () -> assertFalse(a.text().contains("Một học sinh đuối nước")),
                () -> assertTrue(a.text().contains("Theo Bí thư Thành ủy Huế Phan Thiên Định, công tác chính trị")),
                () -> assertTrue(a.text().contains("Theo Phó Bí thư Thường trực Thành ủy Trần Hùng Nam, năm 2023")),
                () -> assertTrue(lines(a).contains("Sắp xếp bộ máy cán bộ")),
                () -> assertTrue(lines(a).get(lines(a).size() - 1).startsWith("Sẵn sàng cho phương án điều chỉnh")));
    }

    @Test
    void seed003DropsTheLoginBoxAndRepeatedCaptionsAndKeepsTheSecretaryStatement() throws IOException {
        Article a = seed("003_b540bd3bb0ae3ee5");
        assertAll(
                () -> assertEquals("TP Uông Bí: Quyết tâm thực hiện hiệu quả chủ đề công tác năm", a.title()),
                () -> assertFalse(a.text().contains("Đăng nhập")),
                () -> assertFalse(a.text().contains("Zalo")),
                () -> assertEquals(1, count(a.text(), "Đồng chí Trịnh Thị Minh Thanh, Phó Bí thư Tỉnh ủy, dự và phát biểu")),
                () -> assertEquals(1, count(a.text(), "Đô thị TP Uông Bí ngày một khang trang.")),
                () -> assertTrue(a.text().contains("Đồng chí Nghiêm Xuân Cường, Bí thư Thành ủy, Chủ tịch HĐND TP Uông Bí, "
                        + "cho biết")),
                () -> assertTrue(a.text().contains("Nghị quyết số 06-NQ/TU ngày 2/12/2022")),
                () -> assertEquals(List.of("Mạnh Trường"), a.bylines()),
                () -> assertFalse(a.text().contains("Mạnh Trường")));
    }

    @Test
    void seed004CutsPhotoCreditsKeepsEachCaptionOnceAndEndsBeforeTheComments() throws IOException {
        Article a = seed("004_17876b7a40d704fd");
        assertAll(
                () -> assertFalse(a.text().contains("(Ảnh: Việt Dũng)")),
                () -> assertFalse(a.text().contains("Việt Dũng")),
                () -> assertEquals(1, count(a.text(), "Nguyễn Văn Nên chủ trì")),
                () -> assertTrue(lines(a).contains("Bí thư Thành ủy TP. Hồ chí Minh Nguyễn Văn Nên chủ trì hội nghị.")),
                // Two spellings of one caption ("TPHCM", "TP. Hồ Chí Minh") are not exact repeats: both stay.
                () -> assertEquals(1, count(a.text(), "Các đồng chí lãnh đạo Thành ủy, HĐND, UBND TPHCM")),
                () -> assertEquals(1, count(a.text(), "Các đồng chí lãnh đạo Thành ủy, HĐND, UBND TP. Hồ Chí Minh")),
                () -> assertEquals(1, count(a.text().toLowerCase(), "lãnh đạo các cơ quan, đơn vị dự hội nghị")),
                () -> assertTrue(a.text().contains("Phan Văn Mãi - Ủy viên Trung ương Đảng, Phó Bí thư Thành ủy")),
                () -> assertTrue(lines(a).contains("4. Nâng cao chất lượng tổ chức cơ sở đảng, đảng viên")),
                () -> assertTrue(lines(a).get(lines(a).size() - 1).startsWith("10. Đẩy mạnh thực hiện")),
                () -> assertFalse(a.text().contains("Phản hồi")),
                () -> assertFalse(a.text().contains("Các tin khác")),
                () -> assertFalse(a.text().contains("Mới nhất")),
                () -> assertFalse(a.text().contains("Xem nhiều nhất")),
                () -> assertTrue(a.bylines().isEmpty()));
    }

    @Test
    void theSeedFolderIsReadInNameOrder() {
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(seeds()), sink);
        assertTrue(sink.problems.isEmpty(), sink.problems.toString());
        assertEquals(List.of("000_c9986b01fe566dcc", "001_4637516c40e19d0c", "002_3a90effac3ee2126",
                "003_b540bd3bb0ae3ee5", "004_17876b7a40d704fd"), sink.articles.stream().map(Article::id).toList());
    }
}
