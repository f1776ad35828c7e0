package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;

/** The server over real HTTP, backed by a TDB2 store on disk. */
class SparqlServerTest {

    @TempDir
    static Path storeDir;

    static DatasetGraph dsg;
    static SparqlServer server;
    static HttpClient http;

    static final NamedQuery PERSONS = new NamedQuery("persons",
            "Persons <script>alert('x')</script> & co", "Ai được nhắc đến?", List.of(), TestGraphs.PERSONS_QUERY);
    static final NamedQuery MEMBERSHIPS = new NamedQuery("memberships-of",
            "Chức vụ của một người", "Người này giữ những chức vụ nào?",
            List.of(new Param("person", Param.Type.IRI, false, "IRI <người>")),
            "SELECT ?m WHERE { ?m <http://www.w3.org/ns/org#member> ?person }");
    static final NamedQuery NAMED = new NamedQuery("persons-named",
            "Persons by name", "Who has this name?",
            List.of(new Param("name", Param.Type.STRING, true, "leave unset for everyone")),
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?p WHERE { ?p foaf:name ?n FILTER(!BOUND(?name) || STR(?n) = ?name) }");

    @BeforeAll
    static void startServer() {
        dsg = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).host("127.0.0.1").port(0)
                .queries(List.of(PERSONS, MEMBERSHIPS, NAMED)).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServer() {
        if (server != null)
            server.stop();
    }

    @Test
    void reportsTheActualPortAndUrlWhenStartedOnPortZero() {
        assertNotEquals(0, server.port());
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.url());
        assertEquals(server.url() + "vietpol/sparql", server.sparqlUrl());
    }

    @Test
    void jenaConnectionSeesBothNamedGraphsWithoutGraphClause() {
        List<String> rows = jenaRows(TestGraphs.PERSONS_QUERY, "sparql");
        assertEquals(List.of(
                TestGraphs.PHUONG.getURI() + " Nguyễn Văn Phương@vi",
                TestGraphs.DINH.getURI() + " Phan Thiên Định@vi"), rows);
    }

    @Test
    void queryAliasEndpointAnswersLikeSparqlEndpoint() {
        assertEquals(jenaRows(TestGraphs.PERSONS_QUERY, "sparql"), jenaRows(TestGraphs.PERSONS_QUERY, "query"));
    }

    @Test
    void rdf4jRepositoryGetsTheSameRowsAsJena() {
        SPARQLRepository repo = new SPARQLRepository(server.sparqlUrl());
        repo.init();
        List<String> rows = new ArrayList<>();
        try (RepositoryConnection conn = repo.getConnection();
             TupleQueryResult result = conn.prepareTupleQuery(QueryLanguage.SPARQL, TestGraphs.PERSONS_QUERY).evaluate()) {
            for (BindingSet b : result) {
                org.eclipse.rdf4j.model.Literal name = (org.eclipse.rdf4j.model.Literal) b.getValue("name");
                rows.add(b.getValue("person").stringValue() + " " + name.getLabel() + "@" + name.getLanguage().orElse(""));
            }
        } finally {
            repo.shutDown();
        }
        assertEquals(2, rows.size(), rows::toString);
        assertEquals(jenaRows(TestGraphs.PERSONS_QUERY, "sparql"), rows);
    }

    @Test
    void graphStoreReadReturnsExactlyTheRequestedNamedGraph() throws Exception {
        String url = server.datasetUrl() + "/get?graph=" + enc(TestGraphs.ARTICLE_2.getURI());
        HttpResponse<String> resp = get(url, "text/turtle");
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(resp.body(), Lang.TURTLE).parse(g);
        Graph expected = Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(TestGraphs.ARTICLE_2).find().forEach(copy::add);
            return copy;
        });
        assertEquals(7, g.size());
        assertTrue(g.isIsomorphicWith(expected));
        assertFalse(g.contains(Triple.create(TestGraphs.ARTICLE_1, org.apache.jena.vocabulary.RDF.Nodes.type,
                TestGraphs.iri(TestGraphs.SCHEMA + "NewsArticle"))));
    }

    @Test
    void graphStoreReadAnswersNotFoundForUnknownGraph() throws Exception {
        HttpResponse<String> resp = get(server.datasetUrl() + "/get?graph=" + enc(TestGraphs.ID + "article/none"), "text/turtle");
        assertEquals(404, resp.statusCode());
    }

    @Test
    void updatesAndUploadsAreRefusedAndDataIsUnchanged() throws Exception {
        String update = "INSERT DATA { GRAPH <" + TestGraphs.ID + "article/X> { <urn:x:s> <urn:x:p> \"o\" } } ;"
                + " DROP ALL";
        String base = server.datasetUrl();
        List<HttpResponse<String>> responses = List.of(
                post(base + "/update", "application/sparql-update", update),
                post(base + "/sparql", "application/sparql-update", update),
                post(base + "/query", "application/sparql-update", update),
                post(base + "/sparql", "application/x-www-form-urlencoded", "update=" + enc(update)),
                post(base, "application/sparql-update", update),
                post(base + "/get?graph=" + enc(TestGraphs.ARTICLE_1.getURI()), "text/turtle", "<urn:x:s> <urn:x:p> 1 ."),
                send(HttpRequest.newBuilder(URI.create(base + "/get?graph=" + enc(TestGraphs.ARTICLE_1.getURI())))
                        .DELETE().build()),
                post(base + "/upload", "text/turtle", "<urn:x:s> <urn:x:p> 1 ."),
                post(server.url(), "application/sparql-update", update));
        for (HttpResponse<String> r : responses)
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500,
                    () -> r.request().method() + " " + r.uri() + " gave " + r.statusCode());

        assertEquals(List.of(String.valueOf(TestGraphs.QUAD_COUNT)), jenaRows(TestGraphs.COUNT_QUERY, "sparql"));
        assertEquals(TestGraphs.QUAD_COUNT, (long) Txn.calculateRead(dsg, () -> Iter.count(dsg.find())));
    }

    @Test
    void queriesPageListsNamedQueriesWithTheirTextEscaped() throws Exception {
        HttpResponse<String> resp = get(server.url() + "queries.html", "text/html");
        assertEquals(200, resp.statusCode());
        assertEquals("text/html;charset=utf-8",
                resp.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        String html = resp.body();
        assertAll(
                () -> assertTrue(html.startsWith("<!DOCTYPE html>")),
                () -> assertTrue(html.contains(server.sparqlUrl()), "endpoint URL shown"),
                () -> assertTrue(html.contains("Truy vấn có sẵn"), "Vietnamese heading"),
                () -> assertTrue(html.contains("Named queries"), "English heading"),
                () -> assertTrue(html.contains("<textarea")),
                () -> assertTrue(html.contains("persons")),
                () -> assertTrue(html.contains("memberships-of")),
                () -> assertTrue(html.contains("Người này giữ những chức vụ nào?")),
                () -> assertTrue(html.contains("<code>person</code>"), "parameter listed"),
                () -> assertTrue(html.contains("IRI &lt;người&gt;"), "parameter description escaped"),
                () -> assertTrue(html.contains("Persons &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")),
                () -> assertFalse(html.contains("<script")),
                () -> assertTrue(html.contains("SELECT ?person ?name WHERE { ?person a vp:Person ; foaf:name ?name }")),
                () -> assertTrue(html.contains("PREFIX vp: &lt;https://w3id.org/vietpol/ontology#&gt;")));
        assertTrue(resp.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'none'"));
    }

    @Test
    void rootIsTheExplorerPage() throws Exception {
        HttpResponse<String> resp = get(server.url(), "text/html");
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(resp.body().contains("<script type=\"module\" src=\"app.js\"></script>"), resp.body());
        assertTrue(resp.body().contains("href=\"queries.html\""), "links to the page that needs no scripts");
        String policy = resp.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertEquals(resp.body(), get(server.url() + "index.html", "text/html").body());
    }

    @Test
    void queriesPageRunLinksExistForQueriesThatNeedNoParameterValue() throws Exception {
        String html = get(server.url() + "queries.html", "text/html").body();
        List<String> links = runLinks(html);
        assertEquals(2, links.size(), "links for the parameter-less and the all-optional query only");
        HttpResponse<String> persons = get(server.url() + links.get(0), "*/*");
        assertEquals(200, persons.statusCode());
        assertTrue(persons.body().contains("Phan Thiên Định"), persons.body());
        assertTrue(persons.body().contains("Nguyễn Văn Phương"), persons.body());
        HttpResponse<String> named = get(server.url() + links.get(1), "*/*");
        assertEquals(200, named.statusCode());
        assertTrue(named.body().contains(TestGraphs.PHUONG.getURI()), named.body());
    }

    @Test
    void refusedWritesDoNotBreakTheNextRequestOnAReusedConnection() throws Exception {
        // One client, so that connections are pooled and reused between the refusal and the query.
        String url = server.sparqlUrl();
        for (int i = 0; i < 25; i++) {
            assertEquals(415, post(url, "application/sparql-update", "CLEAR ALL").statusCode());
            assertEquals(200, post(url, "application/sparql-query", TestGraphs.PERSONS_QUERY).statusCode());
        }
    }

    @Test
    void queriesPageFormPrefillsQueryFromRequestEscaped() throws Exception {
        String html = get(server.url() + "queries.html?query=" + enc("ASK { </textarea><b>x</b> }"), "text/html").body();
        assertTrue(html.contains("ASK { &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt; }"));
        assertFalse(html.contains("<b>x</b>"));
    }

    @Test
    void formatParameterSelectsResultSyntax() throws Exception {
        String q = "?query=" + enc(TestGraphs.PERSONS_QUERY);
        assertTrue(get(server.sparqlUrl() + q + "&format=json", "*/*").headers().firstValue("Content-Type")
                .orElse("").startsWith("application/sparql-results+json"));
        HttpResponse<String> csv = get(server.sparqlUrl() + q + "&format=csv", "*/*");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("person,name"), csv.body());
    }

    @Test
    void styleSheetIsServedFromClasspathAndMissingFilesAre404() throws Exception {
        HttpResponse<String> css = get(server.url() + "style.css", "text/css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("body"));
        assertEquals(404, get(server.url() + "no-such-file.js", "*/*").statusCode());
        assertEquals(404, get(server.url() + "org/vietpol/web/style.css", "*/*").statusCode());
    }

    @Test
    void browserLibrariesAreServedFromWebJars() throws Exception {
        HttpResponse<String> lib = get(server.url() + "webjars/cytoscape/dist/cytoscape.esm.min.mjs", "*/*");
        assertEquals(200, lib.statusCode());
        assertTrue(lib.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(lib.body().contains("export"));
        for (String path : List.of("webjars/", "webjars/cytoscape/", "webjars/cytoscape", "webjars/cytoscape/dist/",
                "webjars/cytoscape/.github/SECURITY.md", "webjars/none/dist/x.js", "webjars/org/vietpol/web/style.css"))
            assertEquals(404, get(server.url() + path, "*/*").statusCode(), path);
        assertEquals(405, post(server.url() + "webjars/cytoscape/dist/cytoscape.min.js", "text/plain", "x").statusCode());
    }

    @Test
    void pagesAndAssetsRefuseWritesAndHeadWorks() throws Exception {
        HttpResponse<String> postIndex = post(server.url(), "text/plain", "x");
        assertEquals(405, postIndex.statusCode());
        assertEquals("GET, HEAD, OPTIONS", postIndex.headers().firstValue("Allow").orElse(""));
        assertEquals(405, send(HttpRequest.newBuilder(URI.create(server.url() + "style.css"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());
        assertEquals(404, post(server.url() + "nothing-here", "text/plain", "x").statusCode());
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(server.url() + "style.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void onlyTheReadEndpointsAreExposed() throws Exception {
        for (String path : List.of("vietpol/data?default", "vietpol/update", "vietpol/upload", "vietpol/shacl",
                "$/ping", "$/stats", "$/datasets", "$/server", "$/compact/vietpol", "$/tasks"))
            assertEquals(404, get(server.url() + path, "*/*").statusCode(), path);
    }

    @Test
    void pathTraversalDoesNotEscapeTheWebFolder() throws Exception {
        for (String path : List.of("%2e%2e/serve/SparqlServer.class", "..%2Fserve%2FSparqlServer.class",
                ".%2e/.%2e/vietpol/serve/SparqlServer.class", "%2e%2e%2f%2e%2e%2fvietpol%2fserve%2fSparqlServer.class",
                "..%5cserve%5cSparqlServer.class")) {
            int status = rawGetStatus("/" + path);
            assertTrue(status == 400 || status == 404, path + " gave " + status);
        }
    }

    @Test
    void bindsTheLoopbackAddressOnly() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), 2000);
            assertTrue(s.isConnected());
        }
        assertEquals(200, get("http://127.0.0.1:" + server.port() + "/", "text/html").statusCode());
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "no non-loopback interface to compare with");
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other.get(), server.port()), 2000);
            }
        });
    }

    // --- helpers

    private static List<String> jenaRows(String query, String endpoint) {
        List<String> rows = new ArrayList<>();
        try (RDFConnection conn = RDFConnectionRemote.service(server.datasetUrl()).queryEndpoint(endpoint).build()) {
            conn.querySelect(query, (QuerySolution row) -> {
                List<String> cells = new ArrayList<>();
                row.varNames().forEachRemaining(v -> {
                    var node = row.get(v).asNode();
                    cells.add(node.isLiteral()
                            ? node.getLiteralLexicalForm() + (node.getLiteralLanguage().isEmpty() ? "" : "@" + node.getLiteralLanguage())
                            : node.toString());
                });
                rows.add(String.join(" ", cells));
            });
        }
        return rows;
    }

    private static List<String> runLinks(String html) {
        Matcher m = Pattern.compile("<a class=\"run\" href=\"([^\"]+)\"").matcher(html);
        List<String> links = new ArrayList<>();
        while (m.find())
            links.add(m.group(1).replace("&amp;", "&"));
        return links;
    }

    private static int rawGetStatus(String rawPath) throws IOException {
        // java.net.URI would normalise the path; write the request line by hand.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback())
                continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses()))
                if (a instanceof Inet4Address && !a.isLoopbackAddress())
                    return Optional.of(a);
        }
        return Optional.empty();
    }

    private static HttpResponse<String> get(String url, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build());
    }

    private static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest req) throws Exception {
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
