package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's limits on query time, result size and request size, over real HTTP. */
class LimitsTest {

    @TempDir
    static Path storeDir;

    static DatasetGraph dsg;
    /** One-second timeout, five rows, 2,000-byte requests. */
    static SparqlServer limited;
    /** Everything at its default. */
    static SparqlServer defaults;
    static HttpClient http;

    static final int FILLER = 300;
    static final int MAX_ROWS = 5;
    static final int MAX_BYTES = 2_000;

    // Four-way cross product of the triples, filtered on a computed value that is never true: no answer for ages.
    static final String SLOW_QUERY = """
            SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h
              FILTER(STRLEN(CONCAT(STR(?a), STR(?c), STR(?e), STR(?g), STR(?h))) < 0) }
            """;
    static final String ALL_QUADS = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }";

    @BeforeAll
    static void startServers() {
        dsg = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        Txn.executeWrite(dsg, () -> {
            TestGraphs.load(dsg);
            Node g = NodeFactory.createURI(TestGraphs.ID + "article/filler");
            for (int i = 0; i < FILLER; i++)
                dsg.add(g, NodeFactory.createURI(TestGraphs.ID + "thing/" + i),
                        NodeFactory.createURI(TestGraphs.VP + "rank"), NodeFactory.createLiteralString("n" + i));
        });
        limited = SparqlServer.create().dataset(dsg).port(0).queryTimeout(Duration.ofSeconds(1))
                .maxResultRows(MAX_ROWS).maxRequestBytes(MAX_BYTES).build().start();
        defaults = SparqlServer.create().dataset(dsg).port(0).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServers() {
        if (limited != null)
            limited.stop();
        if (defaults != null)
            defaults.stop();
    }

    // --- query timeout

    @Test
    void aSlowQueryIsStoppedByTheTimeoutAndTheServerAnswersTheNextQuery() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> slow = query(limited, SLOW_QUERY, "");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(slow.statusCode() >= 500, "the slow query gave " + slow.statusCode() + ": " + slow.body());
        assertTrue(seconds < 20, "the timeout took " + seconds + " s");
        HttpResponse<String> next = query(limited, TestGraphs.PERSONS_QUERY, "");
        assertEquals(200, next.statusCode());
        assertEquals(2, rows(next).size());
    }

    @Test
    void aClientCannotAskForMoreTimeThanTheServerGives() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> slow = query(limited, SLOW_QUERY, "&timeout=600");
        assertTrue(slow.statusCode() >= 500, "gave " + slow.statusCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000_000L < 20);
    }

    @Test
    void moreConcurrentSlowQueriesThanFusekisDefaultThreadsAreAllAnswered() throws Exception {
        SparqlServer s = SparqlServer.create().dataset(dsg).port(0).queryTimeout(Duration.ofSeconds(2)).build();
        // A request left waiting for a thread longer than the idle timeout is dropped unanswered: make that quick.
        ((ServerConnector) serverConnectors(s)[0]).setIdleTimeout(1_000);
        s.start();
        try {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> pending = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++)
                pending.add(HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(s.sparqlUrl()
                        + "?query=" + enc(SLOW_QUERY))).GET().build(), HttpResponse.BodyHandlers.ofString()));
            for (var p : pending) {
                HttpResponse<String> resp = p.get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertEquals(503, resp.statusCode(), resp.body());
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void timeoutsMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().queryTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().maxResultRows(-1));
        assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().maxRequestBytes(-1));
    }

    // --- result rows

    @Test
    void aQueryWithoutLimitGetsTheServersLimitAndIsToldSo() throws Exception {
        HttpResponse<String> resp = query(limited, ALL_QUADS, "");
        assertEquals(200, resp.statusCode());
        assertEquals(MAX_ROWS, rows(resp).size());
        assertEquals(String.valueOf(MAX_ROWS), resp.headers().firstValue(LimitedQueryService.HEADER).orElse(""));
    }

    @Test
    void aQueryWithALargerLimitIsCappedAndASmallerOneIsLeftAlone() throws Exception {
        HttpResponse<String> larger = query(limited, ALL_QUADS + " LIMIT 50", "");
        assertEquals(MAX_ROWS, rows(larger).size());
        assertTrue(larger.headers().firstValue(LimitedQueryService.HEADER).isPresent());
        HttpResponse<String> smaller = query(limited, ALL_QUADS + " LIMIT 3 OFFSET 2", "");
        assertEquals(3, rows(smaller).size());
        assertFalse(smaller.headers().firstValue(LimitedQueryService.HEADER).isPresent());
    }

    @Test
    void constructResultsAreCappedBySolutionsAndAskIsUntouched() throws Exception {
        HttpResponse<String> construct = send(HttpRequest.newBuilder(URI.create(limited.sparqlUrl() + "?query="
                + enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")))
                .header("Accept", "application/n-triples").GET().build());
        assertEquals(200, construct.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(construct.body(), Lang.NTRIPLES).parse(g);
        assertTrue(g.size() >= 1 && g.size() <= MAX_ROWS, "triples: " + g.size());
        assertTrue(construct.headers().firstValue(LimitedQueryService.HEADER).isPresent());

        HttpResponse<String> ask = query(limited, "ASK { GRAPH ?g { ?s ?p ?o } }", "");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("true"));
        assertFalse(ask.headers().firstValue(LimitedQueryService.HEADER).isPresent());

        HttpResponse<String> describe = send(HttpRequest.newBuilder(URI.create(limited.sparqlUrl() + "?query="
                + enc("DESCRIBE <" + TestGraphs.DINH.getURI() + ">"))).header("Accept", "text/turtle").GET().build());
        assertEquals(200, describe.statusCode());
    }

    @Test
    void theDefaultServerReturnsEveryRowBelowAHundredThousand() throws Exception {
        HttpResponse<String> resp = query(defaults, ALL_QUADS, "");
        assertEquals(TestGraphs.QUAD_COUNT + FILLER, rows(resp).size());
        assertEquals("100000", resp.headers().firstValue(LimitedQueryService.HEADER).orElse(""));
    }

    // --- request size

    @Test
    void aRequestBodyAboveTheLimitIsRefusedWith413AndOneBelowIsServed() throws Exception {
        assertEquals(200, postQuery(limited, padded(TestGraphs.PERSONS_QUERY, MAX_BYTES - 100)).statusCode());
        assertEquals(413, postQuery(limited, padded(TestGraphs.PERSONS_QUERY, MAX_BYTES + 100)).statusCode());
        // the connection pool survives the refusal
        assertEquals(200, postQuery(limited, TestGraphs.PERSONS_QUERY).statusCode());
    }

    @Test
    void aChunkedOrFormEncodedBodyAboveTheLimitIsRefusedToo() throws Exception {
        byte[] big = padded(TestGraphs.PERSONS_QUERY, MAX_BYTES * 3).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(limited.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertEquals(413, chunked.statusCode());
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(limited.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(new String(big, StandardCharsets.UTF_8))))
                .build());
        assertEquals(413, form.statusCode());
        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(limited.url() + "api/queries/x"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("v=" + "x".repeat(MAX_BYTES * 2))).build());
        assertEquals(413, api.statusCode());
        assertEquals(200, postQuery(limited, TestGraphs.PERSONS_QUERY).statusCode());
    }

    @Test
    void theDefaultRequestLimitIsOneMebibyteForFormsAsWell() throws Exception {
        assertEquals(1L << 20, SparqlServer.DEFAULT_MAX_REQUEST_BYTES);
        // above Jetty's own 200 kB form limit, below ours
        String form = "query=" + enc(padded(TestGraphs.PERSONS_QUERY, 300_000));
        HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(defaults.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(413, postQuery(defaults, padded(TestGraphs.PERSONS_QUERY, (1 << 20) + 10)).statusCode());
    }

    @Test
    void aClientWaitingForContinueIsRefusedBeforeItSendsTheBody() throws Exception {
        // written by hand: the JDK 17 client never returns when the answer to "Expect" is not 100
        try (Socket s = new Socket("127.0.0.1", defaults.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /vietpol/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/sparql-query\r\nContent-Length: " + (3 << 20) + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }
    }

    // --- defaults

    @Test
    void theDefaultsAreThirtySecondsAndAHundredThousandRowsOnTheLoopbackAddress() {
        assertEquals(Duration.ofSeconds(30), SparqlServer.DEFAULT_QUERY_TIMEOUT);
        assertEquals(100_000, SparqlServer.DEFAULT_MAX_RESULT_ROWS);
        assertEquals("127.0.0.1", defaults.host());
        assertEquals("http://127.0.0.1:" + defaults.port() + "/", defaults.url());
        SparqlServer unstarted = SparqlServer.create().dataset(dsg).port(0).build();
        assertEquals("127.0.0.1", unstarted.host());
    }

    @Test
    void bothServersStillListenOnlyOnTheLoopbackConnector() throws Exception {
        for (SparqlServer s : List.of(limited, defaults)) {
            var connectors = List.of(serverConnectors(s));
            assertEquals(1, connectors.size());
            assertEquals("127.0.0.1", ((ServerConnector) connectors.get(0)).getHost());
        }
    }

    // --- support

    private static Connector[] serverConnectors(SparqlServer s) throws Exception {
        var f = SparqlServer.class.getDeclaredField("fuseki");
        f.setAccessible(true);
        return ((org.apache.jena.fuseki.main.FusekiServer) f.get(s)).getJettyServer().getConnectors();
    }

    private static String padded(String query, int bytes) {
        StringBuilder sb = new StringBuilder(query);
        while (sb.length() < bytes)
            sb.append("\n# ").append("x".repeat(Math.min(70, Math.max(0, bytes - sb.length() - 3))));
        return sb.toString();
    }

    private static List<Object> rows(HttpResponse<String> resp) {
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(resp.body().getBytes(StandardCharsets.UTF_8)));
        List<Object> out = new java.util.ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }

    private static HttpResponse<String> query(SparqlServer s, String query, String extra) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.sparqlUrl() + "?query=" + enc(query) + extra))
                .header("Accept", "application/sparql-results+json").GET().build());
    }

    private static HttpResponse<String> postQuery(SparqlServer s, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.sparqlUrl()))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
    }

    private static HttpResponse<String> send(HttpRequest req) throws Exception {
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
