package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server as a careless client uses it: malformed requests get 400 naming the problem, never 500, and leave no
 * stack trace in the log; the server answers the next request.
 */
class BadRequestsTest {
    static SparqlServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).host("127.0.0.1").port(0).queries(List.of()).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    /** Runs the request with the server's log (slf4j-simple writes to System.err) captured. */
    private record Answer(int status, String body, String log) {}

    private static Answer send(HttpRequest request) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Thread.sleep(200); // the log line, if any, is written after the response
            return new Answer(r.statusCode(), r.body(), log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private static HttpRequest form(byte[] body) {
        return HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void assertClientError(Answer a, String named) {
        assertEquals(400, a.status(), a.body());
        assertTrue(a.body().contains(named), a.body());
        assertFalse(a.log().contains("Exception") || a.log().contains("Error") || a.log().contains("\tat "),
                "no stack trace in the log: " + a.log());
    }

    private void theServerStillAnswers() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=ASK%7B%7D")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    @Test
    void invalidUtf8InTheUrlIs400() throws Exception {
        Answer a = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()
                + "?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22%FF%FE%22%7D")).build());
        assertClientError(a, "UTF-8");
        assertTrue(a.body().contains("URL"), a.body());
        theServerStillAnswers();
    }

    @Test
    void invalidUtf8InAFormBodyIs400WhetherEscapedOrRaw() throws Exception {
        Answer escaped = send(form("query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22%FF%22%7D".getBytes(StandardCharsets.US_ASCII)));
        assertClientError(escaped, "UTF-8");
        assertTrue(escaped.body().contains("form body"), escaped.body());
        byte[] raw = "query=SELECT * {?s ?p \"X\"}".getBytes(StandardCharsets.US_ASCII);
        raw[raw.length - 3] = (byte) 0xFF;
        assertClientError(send(form(raw)), "UTF-8");
        theServerStillAnswers();
    }

    @Test
    void aQueryNestedFiveThousandBracesDeepIs400WithoutAStackOverflow() throws Exception {
        String deep = "ASK " + "{".repeat(5000) + "}".repeat(5000);
        Answer inForm = send(form(("query=" + java.net.URLEncoder.encode(deep, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII)));
        assertClientError(inForm, "deep");
        Answer inBody = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(deep)).build());
        assertClientError(inBody, "deep");
        assertFalse(inBody.log().contains("StackOverflow"), inBody.log());
        theServerStillAnswers();
    }

    @Test
    void aQueryNestedAsDeepAsAllowedStillRuns() throws Exception {
        String q = "SELECT * " + "{".repeat(QueryDepth.MAX) + " ?s ?p ?o " + "}".repeat(QueryDepth.MAX) + " LIMIT 1";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(q)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void bracketsInStringsIrisAndCommentsDoNotCount() {
        assertEquals(1, QueryDepth.depth("SELECT * { ?s ?p \"{{{{(((\" . ?s ?q <http://x/a#b> . ?s ?r ?o # {{{{\n }"));
        assertEquals(2, QueryDepth.depth("SELECT * { FILTER(?x < 3 && ?y > 2) }"));
        assertEquals(1, QueryDepth.depth("ASK { ?s ?p '''{{{\n{{''' }"));
        assertTrue(BadRequestFilter.percentDecodesToUtf8("query=Qu%E1%BA%A3ng+Ninh"));
        assertFalse(BadRequestFilter.percentDecodesToUtf8("query=%FF"));
        assertFalse(BadRequestFilter.percentDecodesToUtf8("query=%F"));
    }
}
