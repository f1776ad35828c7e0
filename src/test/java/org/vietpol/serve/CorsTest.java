package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cross-origin requests: no CORS headers by default; with an origin configured, for that origin only. */
class CorsTest {

    static final String ALLOWED = "https://explorer.example.org";
    static final String OTHER = "https://evil.example.com";

    static SparqlServer withCors;
    static SparqlServer without;
    static HttpClient http;

    @BeforeAll
    static void startServers() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        TestGraphs.load(dsg);
        withCors = SparqlServer.create().dataset(dsg).port(0).corsOrigin(ALLOWED).build().start();
        without = SparqlServer.create().dataset(dsg).port(0).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServers() {
        if (withCors != null)
            withCors.stop();
        if (without != null)
            without.stop();
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredForReadingMethods() throws Exception {
        HttpResponse<String> resp = preflight(withCors, ALLOWED);
        assertEquals(200, resp.statusCode());
        assertEquals(ALLOWED, header(resp, "Access-Control-Allow-Origin"));
        String methods = header(resp, "Access-Control-Allow-Methods");
        assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
        assertFalse(methods.contains("PUT") || methods.contains("DELETE"), methods);
        assertTrue(header(resp, "Access-Control-Allow-Headers").toLowerCase().contains("content-type"));
        assertEquals("", header(resp, "Access-Control-Allow-Credentials"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> resp = preflight(withCors, OTHER);
        assertEquals("", header(resp, "Access-Control-Allow-Origin"));
        assertEquals("", header(resp, "Access-Control-Allow-Methods"));
    }

    @Test
    void aPlainRequestFromTheAllowedOriginMayBeReadByItsPage() throws Exception {
        for (String path : List.of("vietpol/sparql?query=" + enc(TestGraphs.PERSONS_QUERY), "api/queries", "void")) {
            HttpResponse<String> resp = get(withCors, path, ALLOWED);
            assertEquals(200, resp.statusCode(), path);
            assertEquals(ALLOWED, header(resp, "Access-Control-Allow-Origin"), path);
        }
        HttpResponse<String> query = get(withCors, "vietpol/sparql?query=" + enc(TestGraphs.PERSONS_QUERY), ALLOWED);
        assertTrue(header(query, "Access-Control-Expose-Headers").contains(LimitedQueryService.HEADER));
    }

    @Test
    void aPlainRequestFromAnotherOriginIsServedWithoutCorsHeaders() throws Exception {
        HttpResponse<String> resp = get(withCors, "vietpol/sparql?query=" + enc(TestGraphs.PERSONS_QUERY), OTHER);
        assertEquals(200, resp.statusCode());
        assertEquals("", header(resp, "Access-Control-Allow-Origin"));
    }

    @Test
    void withoutTheOptionNoOriginGetsCorsHeaders() throws Exception {
        for (String origin : List.of(ALLOWED, OTHER)) {
            assertEquals("", header(preflight(without, origin), "Access-Control-Allow-Origin"));
            HttpResponse<String> resp = get(without, "vietpol/sparql?query=" + enc(TestGraphs.PERSONS_QUERY), origin);
            assertEquals(200, resp.statusCode());
            assertEquals("", header(resp, "Access-Control-Allow-Origin"));
        }
    }

    @Test
    void theOriginMustBeOneWebOrigin() {
        assertEquals("https://example.org:8443", CorsFilter.checkOrigin(" HTTPS://Example.org:8443 "));
        for (String bad : List.of("*", "", "example.org", "https://example.org/path", "ftp://example.org",
                "https://*.example.org", "https://user@example.org"))
            assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().corsOrigin(bad), bad);
    }

    // --- support

    private static HttpResponse<String> preflight(SparqlServer s, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.sparqlUrl())).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(SparqlServer s, String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url() + path)).header("Origin", origin)
                .header("Accept", "application/sparql-results+json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> resp, String name) {
        return resp.headers().firstValue(name).orElse("");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
