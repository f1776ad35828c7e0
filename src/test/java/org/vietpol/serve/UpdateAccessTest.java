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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPARQL Update and Graph Store writes: absent by default, behind HTTP Basic authentication when allowed. */
class UpdateAccessTest {

    @TempDir
    static Path dir;

    static DatasetGraph readOnlyStore;
    static DatasetGraph writableStore;
    static SparqlServer readOnly;
    static SparqlServer writable;
    static HttpClient http;

    static final String USER = "editor";
    static final String PASSWORD = "correct horse";

    @BeforeAll
    static void startServers() throws Exception {
        readOnlyStore = DatabaseMgr.connectDatasetGraph(dir.resolve("ro").toString());
        Txn.executeWrite(readOnlyStore, () -> TestGraphs.load(readOnlyStore));
        readOnly = SparqlServer.create().dataset(readOnlyStore).port(0).build().start();

        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "# who may write\n" + USER + ":" + PASSWORD + "\nother:pw2\n");
        writableStore = DatabaseMgr.connectDatasetGraph(dir.resolve("rw").toString());
        Txn.executeWrite(writableStore, () -> TestGraphs.load(writableStore));
        writable = SparqlServer.create().dataset(writableStore).port(0).allowUpdate(credentials).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServers() {
        if (readOnly != null)
            readOnly.stop();
        if (writable != null)
            writable.stop();
    }

    @Test
    void withoutAllowUpdateAnUpdateIsRefusedAndTheDataIsUnchanged() throws Exception {
        assertFalse(readOnly.updatable());
        String update = insert("http://example.org/x/ro");
        for (String url : List.of(readOnly.updateUrl(), readOnly.sparqlUrl(), readOnly.datasetUrl())) {
            int status = post(url, "application/sparql-update", update, basic(USER, PASSWORD)).statusCode();
            assertTrue(status >= 400 && status < 500, url + " gave " + status);
        }
        int put = send(HttpRequest.newBuilder(URI.create(readOnly.dataUrl() + "?graph=" + enc("http://example.org/x/ro")))
                .header("Content-Type", "text/turtle").header("Authorization", basic(USER, PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/x/s> <http://example.org/x/p> 1 .")).build()).statusCode();
        assertTrue(put >= 400 && put < 500, "PUT gave " + put);
        assertEquals(TestGraphs.QUAD_COUNT, quadCount(readOnlyStore));
    }

    @Test
    void anUpdateWithoutCredentialsIsChallengedAndChangesNothing() throws Exception {
        HttpResponse<String> resp = post(writable.updateUrl(), "application/sparql-update", insert("http://example.org/x/anon"), null);
        assertEquals(401, resp.statusCode());
        String challenge = resp.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Basic"), challenge);
        assertTrue(challenge.contains(SparqlServer.REALM), challenge);
        assertFalse(ask("http://example.org/x/anon"));
    }

    @Test
    void anUpdateWithWrongCredentialsIsRefusedAndChangesNothing() throws Exception {
        for (String auth : List.of(basic(USER, "wrong"), basic("nobody", PASSWORD), basic(USER, ""),
                "Basic not-base64", "Bearer " + PASSWORD)) {
            int status = post(writable.updateUrl(), "application/sparql-update", insert("http://example.org/x/wrong"), auth)
                    .statusCode();
            assertTrue(status == 401 || status == 403, auth + " gave " + status);
        }
        assertFalse(ask("http://example.org/x/wrong"));
    }

    @Test
    void anUpdateWithTheRightCredentialsChangesTheDataAndQueriesSeeIt() throws Exception {
        assertTrue(writable.updatable());
        assertFalse(ask("http://example.org/x/ok"));
        HttpResponse<String> resp = post(writable.updateUrl(), "application/sparql-update", insert("http://example.org/x/ok"),
                basic(USER, PASSWORD));
        assertTrue(resp.statusCode() == 200 || resp.statusCode() == 204, resp.statusCode() + " " + resp.body());
        assertTrue(ask("http://example.org/x/ok"), "a query without credentials sees the inserted graph");
        // form-encoded updates go through the same check
        HttpResponse<String> form = post(writable.updateUrl(), "application/x-www-form-urlencoded",
                "update=" + enc(insert("http://example.org/x/form")), basic("other", "pw2"));
        assertTrue(form.statusCode() == 200 || form.statusCode() == 204, form.statusCode() + " " + form.body());
        assertTrue(ask("http://example.org/x/form"));
    }

    @Test
    void aWriteToTheDefaultGraphIsKeptButQueriesSeeOnlyTheNamedGraphs() throws Exception {
        String triple = "<http://example.org/x/default-s> <http://example.org/x/p> \"d\"";
        HttpResponse<String> resp = post(writable.updateUrl(), "application/sparql-update",
                "INSERT DATA { " + triple + " }", basic(USER, PASSWORD));
        assertTrue(resp.statusCode() == 200 || resp.statusCode() == 204, resp.statusCode() + " " + resp.body());
        HttpResponse<String> seen = post(writable.sparqlUrl(), "application/sparql-query", "ASK { " + triple + " }", null);
        assertTrue(seen.body().contains("false"), "the default graph of queries is the union of the named graphs");
        assertTrue(Txn.calculateRead(writableStore, () -> writableStore.getDefaultGraph().size() == 1));
    }

    @Test
    void graphStoreWritesNeedCredentialsAndReadsStayOpen() throws Exception {
        String target = writable.dataUrl() + "?graph=" + enc("http://example.org/x/gsp");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(target)).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/x/s> <http://example.org/x/p> \"put\" ."));
        assertEquals(401, send(put.copy().build()).statusCode());
        assertFalse(ask("http://example.org/x/gsp"));
        int status = send(put.copy().header("Authorization", basic(USER, PASSWORD)).build()).statusCode();
        assertTrue(status == 200 || status == 201 || status == 204, "PUT gave " + status);
        assertTrue(ask("http://example.org/x/gsp"));
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(writable.datasetUrl() + "/get?graph="
                + enc("http://example.org/x/gsp"))).header("Accept", "application/n-triples").GET().build());
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("\"put\""), read.body());
        HttpRequest delete = HttpRequest.newBuilder(URI.create(target)).DELETE().build();
        assertEquals(401, send(delete).statusCode());
        assertTrue(ask("http://example.org/x/gsp"));
    }

    @Test
    void queryEndpointsNeitherAskForCredentialsNorAcceptUpdatesWithThem() throws Exception {
        HttpResponse<String> query = post(writable.sparqlUrl(), "application/sparql-query", TestGraphs.PERSONS_QUERY,
                null);
        assertEquals(200, query.statusCode());
        int status = post(writable.sparqlUrl(), "application/sparql-update", insert("http://example.org/x/via-query"),
                basic(USER, PASSWORD)).statusCode();
        assertTrue(status >= 400 && status < 500, "update at the query endpoint gave " + status);
        assertFalse(ask("http://example.org/x/via-query"));
    }

    @Test
    void aMissingOrEmptyCredentialsFileIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "# nobody\n\n");
        Path noPassword = Files.writeString(dir.resolve("nopassword"), "editor:\n");
        for (Path file : List.of(dir.resolve("absent"), empty, noPassword, dir))
            assertThrows(IllegalArgumentException.class,
                    () -> SparqlServer.create().dataset(readOnlyStore).port(0).allowUpdate(file), file::toString);
    }

    @Test
    void theCredentialsFileNamesItsUsersAndSaysWhetherOthersMayReadIt() throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "b: pw1\na=pw2, role\n");
        Credentials c = Credentials.read(file);
        assertEquals(List.of("a", "b"), c.users());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertFalse(c.readableByOthers());
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            assertTrue(c.readableByOthers());
        }
    }

    // --- support

    private static String insert(String graph) {
        return "INSERT DATA { GRAPH <" + graph + "> { <http://example.org/x/s> <http://example.org/x/p> \"o\" } }";
    }

    private static boolean ask(String graph) throws Exception {
        HttpResponse<String> resp = post(writable.sparqlUrl(), "application/sparql-query",
                "ASK { GRAPH <" + graph + "> { ?s ?p ?o } }", null);
        assertEquals(200, resp.statusCode(), resp.body());
        return resp.body().contains("true");
    }

    private static long quadCount(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String url, String contentType, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null)
            b.header("Authorization", auth);
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest req) throws Exception {
        return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
