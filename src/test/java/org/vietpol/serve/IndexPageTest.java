package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;

/** The index page on its own: structure, escaping and links. */
class IndexPageTest {

    private static final NamedQuery HOSTILE = new NamedQuery("hostile",
            "\"><img src=x onerror=alert(1)>", "Q & A <b>?</b>",
            List.of(new Param("who", Param.Type.IRI, false, "</td><script>x</script>")),
            "# title: \"><img src=x>\nSELECT * WHERE { ?s ?p '</pre><script>' }");

    @Test
    void escapesEverythingTakenFromQueries() {
        String html = new IndexPage(List.of(HOSTILE)).render("http://127.0.0.1:3030/", "</textarea><script>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>?</b>"), html);
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("Q &amp; A &lt;b&gt;?&lt;/b&gt;"));
        assertTrue(html.contains("&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(html.contains("SELECT * WHERE { ?s ?p &#39;&lt;/pre&gt;&lt;script&gt;&#39; }"));
        assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;</textarea>"));
    }

    @Test
    void showsEndpointFormAndDefaultQuery() {
        String html = new IndexPage(List.of()).render("http://example.org:8080/", null);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<code>http://example.org:8080/vietpol/sparql</code>"));
        assertTrue(html.contains("http://example.org:8080/vietpol/get?graph=IRI"));
        assertTrue(html.contains("<form method=\"get\" action=\"vietpol/sparql\">"));
        assertTrue(html.contains("<select id=\"format\" name=\"format\">"));
        assertTrue(html.contains(IndexPage.esc(IndexPage.DEFAULT_QUERY)));
        assertTrue(html.contains("href=\"style.css\""));
        assertTrue(html.contains("Không có truy vấn nào"));
    }

    @Test
    void queryWithRequiredParameterGetsNoRunLinkButAnEditLink() {
        String html = new IndexPage(List.of(HOSTILE)).render("http://h/", null);
        assertFalse(html.contains("class=\"run\""));
        assertTrue(html.contains("href=\"?query=%23+title"));
        assertTrue(html.contains("<code>who</code>"));
        assertTrue(html.contains("<td>iri</td>"));
        assertTrue(html.contains("bắt buộc"));
    }

    @Test
    void runLinkCarriesTheWholeQueryUrlEncoded() {
        NamedQuery q = new NamedQuery("all-things", "All", "Everything?", List.of(),
                "SELECT * WHERE { ?s ?p \"a&b #c\" }");
        String html = new IndexPage(List.of(q)).render("http://h/", null);
        assertTrue(html.contains("<a class=\"run\" href=\"vietpol/sparql?query="
                + "SELECT+*+WHERE+%7B+%3Fs+%3Fp+%22a%26b+%23c%22+%7D&amp;format=text\""), html);
        assertTrue(html.contains("id=\"q-all-things\""));
    }

    @Test
    void escapeHandlesAllMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                IndexPage.esc("<a href=\"x\" title='y'>&</a>"));
        assertEquals("", IndexPage.esc(null));
        assertEquals("Phan Thiên Định", IndexPage.esc("Phan Thiên Định"));
    }
}
