package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provincial portals built on ASP.NET wrap the whole page in one form: the article inside must still be read. */
class FormWrappedPageTest {
    @TempDir
    Path tmp;

    @Test
    void anArticleInsideAPageWideFormIsRead() throws Exception {
        Path page = tmp.resolve("portal.html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Họp Ban Thường vụ Thị ủy</title></head><body>
                <form id="aspnetForm" method="post" action="Default.aspx">
                  <ul class="topmenu"><li>Trang chủ</li><li>Tin tức</li></ul>
                  <div class="news-detail"><h1>Họp Ban Thường vụ Thị ủy</h1>
                    <div class="content">
                      <p>Ông Dương Sà Kha - Bí thư Thị ủy Vĩnh Châu chủ trì cuộc họp của Ban Thường vụ Thị ủy.</p>
                      <p>Cuộc họp thống nhất các nội dung quan trọng của thị xã trong năm.</p>
                    </div>
                  </div>
                  <form class="search"><input name="q"><p>Tìm kiếm</p></form>
                </form></body></html>
                """);
        List<Article> got = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new HtmlArticleReader().read(page, new ArticleSink() {
            public void article(Article a) { got.add(a); }
            public void problem(InputProblem p) { problems.add(p); }
        });
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(1, got.size());
        assertTrue(got.get(0).text().contains("Ông Dương Sà Kha - Bí thư Thị ủy Vĩnh Châu chủ trì"), got.get(0).text());
        assertFalse(got.get(0).text().contains("Tìm kiếm"), got.get(0).text());
        assertFalse(got.get(0).text().contains("Trang chủ"), got.get(0).text());
    }
}
