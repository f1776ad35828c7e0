package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlArticleReaderTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(HtmlArticleReaderTest.class.getResource(name).toURI());
    }

    private CollectingSink read(String name, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        new HtmlArticleReader().read(file, sink);
        return sink;
    }

    @Test
    void aSavedNewsPageGivesTitleAddressDateAndArticleTextOnly() throws Exception {
        CollectingSink sink = new CollectingSink();
        new HtmlArticleReader().read(fixture("news-page.html"), sink);
        Article a = sink.only();
        List<String> lines = List.of(a.text().split("\n"));
        assertAll(
                () -> assertEquals("news-page", a.id()),
                () -> assertEquals("Bắc Ninh: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", a.title()),
                () -> assertEquals("https://baobacninh.example.vn/hoi-nghi-bch-dang-bo-tinh-lan-thu-15-123456.html",
                        a.url()),
                () -> assertEquals(LocalDate.of(2024, 3, 15), a.published()),
                () -> assertEquals(List.of(
                        "Bắc Ninh: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15",
                        "Sáng 15/3, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 15 để đánh giá kết quả thực "
                                + "hiện nhiệm vụ quý I.",
                        "Đồng chí Nguyễn Anh Tuấn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh chủ "
                                + "trì hội nghị.",
                        "Đồng chí Nguyễn Anh Tuấn phát biểu tại hội nghị.",
                        "Tham dự hội nghị có các đồng chí:",
                        "Vương Quốc Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh;",
                        "Nguyễn Quốc Chung, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh.",
                        "Hội nghị đã thảo luận, cho ý kiến vào dự thảo Báo cáo tình hình thực hiện Nghị quyết của "
                                + "Tỉnh ủy quý I năm 2024.",
                        "Phát biểu kết luận, Bí thư Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tập trung hoàn thành các "
                                + "chỉ tiêu đề ra."), lines),
                () -> assertEquals(List.of("BNO", "Quang Thế"), a.bylines()));
        for (String menu : List.of("Thời sự", "Trang chủ", "Đăng nhập", "Facebook", "Zalo", "In bài", "Quảng cáo",
                "Tin liên quan", "công bố quyết định", "Đọc nhiều", "thời tiết", "Bản quyền", "dataLayer", "loadAds",
                "Báo Bắc Ninh", "Từ khóa", "Bình luận")) {
            assertFalse(a.text().contains(menu), menu);
        }
    }

    @Test
    void withoutAKnownContainerTheBlockWithMostParagraphTextIsTaken() throws IOException {
        String html = "<html><head><title>Tỉnh ủy Quảng Ninh họp phiên thường kỳ | Báo X</title></head><body>"
                + "<div class='xk1'><p>Liên kết nhanh</p><p>Thời tiết hôm nay</p></div>"
                + "<div class='zz'><div class='q7'>"
                + "<p>Sáng 6/2, Ban Thường vụ Tỉnh ủy Quảng Ninh họp phiên thường kỳ tháng 2 năm 2023.</p>"
                + "<p>Đồng chí Nguyễn Xuân Ký, Bí thư Tỉnh ủy, chủ trì phiên họp và kết luận các nội dung.</p>"
                + "<p>Ban Thường vụ Tỉnh ủy thống nhất ban hành kế hoạch thực hiện nghị quyết năm 2023.</p>"
                + "</div><div class='r2'><span class='post-time'>06/02/2023 10:15</span></div></div></body></html>";
        Article a = read("qn.htm", html).only();
        assertEquals("Tỉnh ủy Quảng Ninh họp phiên thường kỳ", a.title());
        assertEquals(4, a.text().split("\n").length, a.text());
        assertFalse(a.text().contains("Thời tiết"));
        assertEquals(LocalDate.of(2023, 2, 6), a.published());
    }

    @Test
    void anOgTitleCarryingTheSiteNameGivesWayToTheHeadline() throws IOException {
        String html = "<html><head><meta property='og:title' content='Hội nghị Tỉnh ủy lần thứ 10 - Báo Hà Tĩnh'>"
                + "<meta property='og:url' content='https://baohatinh.example.vn/a.html'></head><body><article>"
                + "<h1>Hội nghị Tỉnh ủy lần thứ 10</h1><time datetime='2023-01-30T09:00:00+07:00'>30/01/2023</time>"
                + "<p>Chiều 30/1, Tỉnh ủy Hà Tĩnh tổ chức hội nghị lần thứ 10.</p></article></body></html>";
        Article a = read("ht.html", html).only();
        assertEquals("Hội nghị Tỉnh ủy lần thứ 10", a.title());
        assertEquals("Hội nghị Tỉnh ủy lần thứ 10\nChiều 30/1, Tỉnh ủy Hà Tĩnh tổ chức hội nghị lần thứ 10.", a.text());
        assertEquals("https://baohatinh.example.vn/a.html", a.url());
        assertEquals(LocalDate.of(2023, 1, 30), a.published());
    }

    @Test
    void theMetaCharsetDecidesTheEncodingAndTheTextComesOutInNfc() throws IOException {
        // How windows-1258 writes "Hà Nội" and "Thành ủy": a base letter followed by a combining tone mark.
        String title = "H\u00E0 N\u00F4\u0323i";
        String body = "Th\u00E0nh u\u0309y H\u00E0 N\u00F4\u0323i ho\u0323p.";
        String html = "<html><head><meta charset='windows-1258'><title>" + title + "</title></head><body><p>" + body
                + "</p></body></html>";
        Path file = dir.resolve("legacy.html");
        Files.write(file, html.getBytes("windows-1258"));
        CollectingSink sink = new CollectingSink();
        new HtmlArticleReader().read(file, sink);
        Article a = sink.only();
        assertEquals("Hà Nội", a.title());
        assertEquals("Hà Nội\nThành ủy Hà Nội họp.", a.text());
    }

    @Test
    void aPageWithoutTextOrAnEmptyFileIsReported() throws IOException {
        assertTrue(read("empty.html", "").onlyProblem().reason().contains("empty"));
        InputProblem p = read("nav.html", "<html><body><nav><a>Trang chủ</a></nav><script>x()</script></body></html>")
                .onlyProblem();
        assertTrue(p.reason().contains("no article text"), p.reason());
        String scripted = "<html><head><title>Hội nghị Tỉnh ủy</title></head><body><div id='app'></div>"
                + "<script>render()</script></body></html>";
        assertTrue(read("spa.html", scripted).onlyProblem().reason().contains("no article text"));
    }
}
