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
import java.util.Map;

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
                // the source tag and byline, then the outlet's name from the page's title and footer
                () -> assertEquals(List.of("BNO", "Quang Thế", "Báo Bắc Ninh điện tử", "Báo Bắc Ninh"), a.bylines()));
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

    /** Counts how often {@code part} occurs in {@code text}. */
    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void aLeadBesideTheBodyIsReadOnceBetweenHeadlineAndBodyAndTeasersStayOut() throws IOException {
        // SGGP-like: the lead (div.sapo) and the body (div.content-detail) are siblings in the article; teasers
        // of other stories carry the same "sapo" class, above the headline and in a box after the body.
        String html = "<html><head><meta property='og:title' content='Khai mạc Đại hội Đảng bộ tỉnh Hòa Bình'>"
                + "<meta name='description' content='Đại hội Đảng bộ tỉnh Hòa Bình khai mạc, mô tả ngắn khác lời dẫn.'>"
                + "</head><body><div class='top-news'><h3><a href='/x'>Tin nổi bật hôm nay</a></h3>"
                + "<div class='sapo'>Một bài khác: Hà Nam tổng kết công tác xây dựng Đảng năm 2024 và bàn việc mới.</div>"
                + "</div><article class='detail'><h1>Khai mạc Đại hội Đảng bộ tỉnh Hòa Bình</h1>"
                + "<div class='sapo'>Sáng 10/10, Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII khai mạc tại "
                + "Trung tâm Hội nghị tỉnh.</div>"
                + "<figure><figcaption>Quang cảnh phiên khai mạc Đại hội.</figcaption></figure>"
                + "<div class='content-detail'><p>Dự đại hội có 350 đại biểu đại diện cho hơn 70.000 đảng viên "
                + "trong toàn Đảng bộ tỉnh.</p><figure><figcaption>Đại biểu biểu quyết thông qua chương trình làm "
                + "việc.</figcaption></figure><p>Đồng chí Nguyễn Phi Long, Bí thư Tỉnh ủy, phát biểu khai mạc Đại "
                + "hội và nêu các nhiệm vụ trọng tâm của nhiệm kỳ mới.</p></div></article>"
                + "<div class='box-cate'><h3>Cùng chủ đề</h3><ul><li><h4>Sơn La chuẩn bị đại hội</h4>"
                + "<p class='sapo'>Tỉnh ủy Sơn La họp bàn công tác chuẩn bị đại hội đảng bộ tỉnh nhiệm kỳ mới.</p>"
                + "</li></ul><div class='sapo'><a href='/y'>Lào Cai tổ chức hội nghị cán bộ chủ chốt toàn tỉnh "
                + "để quán triệt nghị quyết</a></div></div></body></html>";
        Article a = read("hb.html", html).only();
        assertEquals(List.of(
                "Khai mạc Đại hội Đảng bộ tỉnh Hòa Bình",
                "Sáng 10/10, Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII khai mạc tại Trung tâm Hội nghị tỉnh.",
                "Dự đại hội có 350 đại biểu đại diện cho hơn 70.000 đảng viên trong toàn Đảng bộ tỉnh.",
                "Đại biểu biểu quyết thông qua chương trình làm việc.",
                "Đồng chí Nguyễn Phi Long, Bí thư Tỉnh ủy, phát biểu khai mạc Đại hội và nêu các nhiệm vụ trọng tâm "
                        + "của nhiệm kỳ mới."), List.of(a.text().split("\\n")));
        for (String teaser : List.of("Hà Nam", "Sơn La", "Lào Cai", "mô tả ngắn")) {
            assertFalse(a.text().contains(teaser), teaser);
        }
    }

    @Test
    void theLeadsOfTheMainNewsSitesAreFoundOutsideTheirBodies() throws IOException {
        String lead = "Chiều 5/3, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị công bố quyết định về công tác cán bộ.";
        String body = "<p>Đồng chí Nguyễn Đức Trung, Bí thư Tỉnh ủy, chủ trì hội nghị và trao quyết định cho các "
                + "đồng chí được điều động.</p><p>Các đồng chí nhận quyết định hứa sẽ nỗ lực hoàn thành nhiệm vụ "
                + "được giao trong thời gian tới.</p>";
        Map<String, String> sites = Map.of(
                "vnexpress", "<h1 class='title-detail'>H</h1><p class='description'>" + lead + "</p>"
                        + "<article class='fck_detail'>" + body + "</article>",
                "dantri", "<h1 class='title-page'>H</h1><h2 class='singular-sapo'>" + lead + "</h2>"
                        + "<div class='singular-content'>" + body + "</div>",
                "tuoitre", "<h1 class='detail-title'>H</h1><h2 class='detail-sapo'>" + lead + "</h2>"
                        + "<div class='detail-content afcbc-body'>" + body + "</div>",
                "vietnamnet", "<h1 class='content-detail-title'>H</h1><h2 class='content-detail-sapo'>" + lead
                        + "</h2><div class='maincontent main-content'>" + body + "</div>",
                "vietnamnet-old", "<h1>H</h1><div class='newFeature__main-textBold'>" + lead + "</div>"
                        + "<div id='maincontent'>" + body + "</div>",
                "nhandan", "<h1 class='article__title'>H</h1><div class='article__sapo'>" + lead + "</div>"
                        + "<div class='article__body'>" + body + "</div>",
                "qdnd", "<h1 class='post-title'>H</h1><div class='post-summary'><h2>" + lead + "</h2></div>"
                        + "<div class='post-content'>" + body + "</div>",
                "vov", "<h1 class='article__title'>H</h1><div class='row'><div class='article__sapo'>" + lead
                        + "</div></div><div class='row'><div class='article__body'>" + body + "</div></div>");
        for (Map.Entry<String, String> site : sites.entrySet()) {
            String html = "<html><head><title>H</title></head><body><div class='main'>" + site.getValue()
                    + "</div></body></html>";
            Article a = read(site.getKey() + ".html", html).only();
            List<String> lines = List.of(a.text().split("\\n"));
            assertEquals(4, lines.size(), site.getKey() + ": " + a.text());
            assertEquals(lead, lines.get(1), site.getKey());
        }
    }

    @Test
    void aLeadTheBodyRepeatsOrHoldsIsNotReadTwice() throws IOException {
        String lead = "Sáng 3/4, HĐND tỉnh Nghệ An khai mạc kỳ họp thứ 20 khóa XVIII, nhiệm kỳ 2021-2026.";
        String rest = "<p>Đồng chí Thái Thanh Quý, Chủ tịch HĐND tỉnh, điều hành kỳ họp và nêu các nội dung cần "
                + "thảo luận.</p>";
        String repeated = "<html><body><h1>Kỳ họp thứ 20 HĐND tỉnh Nghệ An</h1><h2 class='detail-sapo'>" + lead
                + "</h2><div class='detail-content'><p>" + lead + "</p>" + rest + "</div></body></html>";
        String inside = "<html><body><article><h1>Kỳ họp thứ 20 HĐND tỉnh Nghệ An</h1><div class='article__sapo'>"
                + lead + "</div><div class='article__body'>" + rest + "</div></article></body></html>";
        for (String html : List.of(repeated, inside)) {
            Article a = read("na.html", html).only();
            assertEquals(1, count(a.text(), "khai mạc kỳ họp thứ 20"), a.text());
            assertEquals(3, a.text().split("\\n").length, a.text());
        }
    }

    @Test
    void withNoLeadBlockTheMetaDescriptionIsTheLeadUnlessTheBodySaysIt() throws IOException {
        String body = "<div class='detail-content'><p>Đồng chí Lê Quang Tùng, Bí thư Tỉnh ủy, chủ trì hội nghị và "
                + "kết luận các nội dung được thảo luận.</p></div>";
        String meta = "<meta name='description' content='Chiều 12/1, Tỉnh ủy Quảng Trị tổ chức hội nghị lần thứ 8 "
                + "Ban Chấp hành Đảng bộ tỉnh khóa XVII.'>";
        Article a = read("qt.html", "<html><head><title>Hội nghị Tỉnh ủy Quảng Trị</title>" + meta
                + "</head><body><h1>Hội nghị Tỉnh ủy Quảng Trị</h1>" + body + "</body></html>").only();
        assertEquals(List.of("Hội nghị Tỉnh ủy Quảng Trị",
                "Chiều 12/1, Tỉnh ủy Quảng Trị tổ chức hội nghị lần thứ 8 Ban Chấp hành Đảng bộ tỉnh khóa XVII.",
                "Đồng chí Lê Quang Tùng, Bí thư Tỉnh ủy, chủ trì hội nghị và kết luận các nội dung được thảo luận."),
                List.of(a.text().split("\\n")));
        // cut short by the site ("..."), and said by the body: not added
        String cut = "<meta name='description' content='Đồng chí Lê Quang Tùng, Bí thư Tỉnh ủy, chủ trì hội nghị và "
                + "kết lu...'>";
        Article b = read("qt2.html", "<html><head><title>Hội nghị Tỉnh ủy Quảng Trị</title>" + cut
                + "</head><body><h1>Hội nghị Tỉnh ủy Quảng Trị</h1>" + body + "</body></html>").only();
        assertEquals(2, b.text().split("\\n").length, b.text());
    }
}
