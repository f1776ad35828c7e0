package org.vietpol.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;

/**
 * The HTML page of the endpoint, served at {@code /queries.html}: endpoint URLs, a query form and the named
 * queries, usable without scripts. Every piece of text that comes from queries, parameters or the request is
 * escaped.
 */
final class IndexPage {

    /** Path of the query endpoint relative to the page (which lives at the server root). */
    static final String SPARQL_PATH = SparqlServer.DATASET + "/sparql";

    static final String DEFAULT_QUERY = """
            PREFIX vp: <https://w3id.org/vietpol/ontology#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>

            SELECT ?person ?name WHERE {
              ?person a vp:Person ;
                      foaf:name ?name .
            }
            ORDER BY ?name
            LIMIT 50
            """;

    private static final String[][] FORMATS = {
            {"text", "Bảng văn bản / Text table"},
            {"json", "JSON"},
            {"xml", "XML"},
            {"csv", "CSV"},
            {"tsv", "TSV"},
    };

    private final List<NamedQuery> queries;

    IndexPage(List<NamedQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    /**
     * @param baseUrl absolute URL of the server root as the client sees it, ending in "/"
     * @param initialQuery text for the query box, or null for the default example
     */
    String render(String baseUrl, String initialQuery) {
        String endpoint = baseUrl + SPARQL_PATH;
        String gsp = baseUrl + SparqlServer.DATASET + "/get";
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
         .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .append("<title>VietPol KG — SPARQL</title>\n")
         .append("<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n");

        h.append("<header>\n<h1>VietPol KG</h1>\n")
         .append("<p class=\"subtitle\">Đồ thị tri thức chính trị Việt Nam · <span lang=\"en\">Vietnamese political knowledge graph</span></p>\n")
         .append("<p class=\"nav\"><a href=\"./\">Khám phá đồ thị · <span lang=\"en\">Graph explorer</span></a></p>\n")
         .append("</header>\n<main>\n");

        h.append("<section id=\"endpoint\">\n<h2>Điểm truy vấn SPARQL · <span lang=\"en\">SPARQL endpoint</span></h2>\n")
         .append("<p class=\"endpoint\"><code>").append(esc(endpoint)).append("</code></p>\n")
         .append("<ul>\n")
         .append("<li>SPARQL 1.1 Query (GET/POST): <code>").append(esc(endpoint)).append("</code>, <code>")
         .append(esc(baseUrl + SparqlServer.DATASET + "/query")).append("</code></li>\n")
         .append("<li>Graph Store Protocol (chỉ đọc · <span lang=\"en\">read only</span>): <code>")
         .append(esc(gsp)).append("?graph=IRI</code></li>\n")
         .append("</ul>\n")
         .append("<p>Đồ thị mặc định là hợp của mọi đồ thị có tên (mỗi bài báo một đồ thị), nên truy vấn không cần <code>GRAPH</code>.<br>\n")
         .append("<span lang=\"en\">The default graph is the union of all named graphs (one per article), so queries need no <code>GRAPH</code> clause. ")
         .append("The endpoint is read only.</span></p>\n</section>\n");

        h.append("<section id=\"editor\">\n<h2>Truy vấn · <span lang=\"en\">Query</span></h2>\n")
         .append("<form method=\"get\" action=\"").append(SPARQL_PATH).append("\">\n")
         .append("<label for=\"query\" class=\"visually-hidden\">SPARQL</label>\n")
         .append("<textarea id=\"query\" name=\"query\" rows=\"14\" spellcheck=\"false\">")
         .append(esc(initialQuery == null ? DEFAULT_QUERY : initialQuery)).append("</textarea>\n")
         .append("<div class=\"controls\">\n<label for=\"format\">Định dạng · <span lang=\"en\">Format</span></label>\n")
         .append("<select id=\"format\" name=\"format\">\n");
        for (String[] f : FORMATS)
            h.append("<option value=\"").append(f[0]).append("\">").append(esc(f[1])).append("</option>\n");
        h.append("</select>\n<button type=\"submit\">Chạy · <span lang=\"en\">Run</span></button>\n</div>\n")
         .append("<p class=\"hint\">Với CONSTRUCT/DESCRIBE, “Bảng văn bản” trả về Turtle. ")
         .append("<span lang=\"en\">For CONSTRUCT/DESCRIBE, “Text table” returns Turtle.</span></p>\n")
         .append("</form>\n</section>\n");

        h.append("<section id=\"named-queries\">\n<h2>Truy vấn có sẵn · <span lang=\"en\">Named queries</span></h2>\n");
        if (queries.isEmpty())
            h.append("<p>Không có truy vấn nào · <span lang=\"en\">No named queries.</span></p>\n");
        else {
            h.append("<nav><ul class=\"toc\">\n");
            for (NamedQuery q : queries)
                h.append("<li><a href=\"#").append(esc(anchor(q.name()))).append("\">").append(esc(q.name()))
                 .append("</a> — ").append(esc(nz(q.title()))).append("</li>\n");
            h.append("</ul></nav>\n");
            for (NamedQuery q : queries)
                renderQuery(h, q);
        }
        h.append("</section>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void renderQuery(StringBuilder h, NamedQuery q) {
        String sparql = nz(q.sparql());
        List<Param> params = q.params() == null ? List.of() : q.params();
        h.append("<article class=\"named-query\" id=\"").append(esc(anchor(q.name()))).append("\">\n")
         .append("<h3><code>").append(esc(q.name())).append("</code> ").append(esc(nz(q.title()))).append("</h3>\n");
        if (!nz(q.question()).isBlank())
            h.append("<p class=\"question\">").append(esc(q.question())).append("</p>\n");

        if (params.isEmpty())
            h.append("<p class=\"params none\">Không có tham số · <span lang=\"en\">No parameters</span></p>\n");
        else {
            h.append("<table class=\"params\">\n<thead><tr><th>Tham số · <span lang=\"en\">Parameter</span></th>")
             .append("<th>Kiểu · <span lang=\"en\">Type</span></th><th></th>")
             .append("<th>Mô tả · <span lang=\"en\">Description</span></th></tr></thead>\n<tbody>\n");
            for (Param p : params) {
                h.append("<tr><td><code>").append(esc(p.name())).append("</code></td><td>")
                 .append(esc(p.type().name().toLowerCase(Locale.ROOT))).append("</td><td>")
                 .append(p.optional() ? "tùy chọn · <span lang=\"en\">optional</span>"
                                      : "bắt buộc · <span lang=\"en\">required</span>")
                 .append("</td><td>").append(esc(nz(p.description()))).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }

        h.append("<pre><code>").append(esc(sparql)).append("</code></pre>\n<p class=\"actions\">");
        // An optional parameter left unset stays a variable, so such a query runs as written.
        if (params.stream().allMatch(Param::optional)) {
            String run = SPARQL_PATH + "?query=" + enc(sparql) + "&format=";
            h.append("<a class=\"run\" href=\"").append(esc(run + "text")).append("\">Chạy · <span lang=\"en\">Run</span></a>")
             .append(" (<a href=\"").append(esc(run + "json")).append("\">JSON</a>, <a href=\"")
             .append(esc(run + "csv")).append("\">CSV</a>) · ");
        }
        h.append("<a href=\"").append(esc("?query=" + enc(sparql) + "#editor"))
         .append("\">Sửa trong biểu mẫu · <span lang=\"en\">Edit in the form</span></a></p>\n</article>\n");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null)
            return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // Fragment identifiers stay simple whatever a query is called.
    static String anchor(String name) {
        return "q-" + nz(name).replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
