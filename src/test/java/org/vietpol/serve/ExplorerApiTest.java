package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;

/** The explorer's JSON API over HTTP: the named queries, binding their parameters, and label search. */
class ExplorerApiTest {

    static final NamedQuery PERSONS_NAMED = new NamedQuery("persons-named", "Persons by name", "Who has this name?",
            List.of(new Param("name", Param.Type.STRING, false, "a full name <b>exactly</b>")),
            "# title: Persons by name\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                    + "SELECT ?p WHERE { ?p foaf:name ?n FILTER(STR(?n) = ?name) }");
    static final NamedQuery SINCE = new NamedQuery("articles-since", "Articles since", "Which articles since a day?",
            List.of(new Param("since", Param.Type.DATE, true, "")),
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                    + "SELECT ?a WHERE { ?a dcterms:issued ?d FILTER(COALESCE(STR(?since), \"\") = \"\" || ?d >= ?since) }");

    static DatasetGraph dsg;
    static SparqlServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).port(0).queries(List.of(PERSONS_NAMED, SINCE)).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    @Test
    void listsTheNamedQueriesWithTheirParameters() throws Exception {
        HttpResponse<String> resp = get("api/queries");
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("nosniff", resp.headers().firstValue("X-Content-Type-Options").orElse(""));
        JsonArray list = JSON.parse(resp.body()).get("queries").getAsArray();
        assertEquals(2, list.size());
        JsonObject first = list.get(0).getAsObject();
        assertEquals("articles-since", first.getString("name"));
        JsonObject named = list.get(1).getAsObject();
        assertEquals("persons-named", named.getString("name"));
        assertEquals("Persons by name", named.getString("title"));
        assertEquals("Who has this name?", named.getString("question"));
        assertEquals(PERSONS_NAMED.sparql(), named.getString("sparql"));
        JsonObject param = named.get("params").getAsArray().get(0).getAsObject();
        assertEquals("name", param.getString("name"));
        assertEquals("string", param.getString("type"));
        assertFalse(param.get("optional").getAsBoolean().value());
        assertEquals("a full name <b>exactly</b>", param.getString("description"));
    }

    @Test
    void bindsParametersAsTermsAndTheBoundQueryRunsAtTheEndpoint() throws Exception {
        HttpResponse<String> resp = post("api/queries/persons-named", "name=" + enc("Phan  Thiên Định "));
        assertEquals(200, resp.statusCode(), resp.body());
        String sparql = JSON.parse(resp.body()).getString("sparql");
        assertTrue(sparql.contains("\"Phan Thiên Định\""), sparql);
        assertFalse(sparql.contains("?name"), sparql);
        assertEquals(List.of(TestGraphs.DINH.getURI()), column(run(sparql), "p"));

        HttpResponse<String> all = post("api/queries/articles-since", "");
        assertEquals(200, all.statusCode(), all.body());
        assertEquals(1, column(run(JSON.parse(all.body()).getString("sparql")), "a").size());
        HttpResponse<String> later = post("api/queries/articles-since", "since=2025-02-01");
        assertEquals(200, later.statusCode(), later.body());
        assertEquals(List.of(), column(run(JSON.parse(later.body()).getString("sparql")), "a"));
    }

    @Test
    void aHostileValueIsJustAnOddString() throws Exception {
        String value = "x\" } ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> } #";
        HttpResponse<String> resp = post("api/queries/persons-named", "name=" + enc(value));
        assertEquals(200, resp.statusCode(), resp.body());
        String sparql = JSON.parse(resp.body()).getString("sparql");
        assertEquals(List.of(), column(run(sparql), "p"));
        assertEquals(TestGraphs.QUAD_COUNT, (long) Txn.calculateRead(dsg, () -> Iter.count(dsg.find())));
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        HttpResponse<String> missing = post("api/queries/persons-named", "");
        assertEquals(400, missing.statusCode());
        assertTrue(JSON.parse(missing.body()).getString("error").contains("required"), missing.body());
        assertEquals(400, post("api/queries/persons-named", "name=a&who=b").statusCode());
        assertEquals(400, post("api/queries/persons-named", "name=a&name=b").statusCode());
        assertEquals(400, post("api/queries/articles-since", "since=yesterday").statusCode());
        assertEquals(404, post("api/queries/no-such-query", "").statusCode());
        assertEquals(404, post("api/queries/Persons_Named", "").statusCode());
        assertEquals(404, get("api/nothing").statusCode());
        HttpResponse<String> getNamed = get("api/queries/persons-named");
        assertEquals(405, getNamed.statusCode());
        assertEquals("POST", getNamed.headers().firstValue("Allow").orElse(""));
        assertEquals(405, post("api/queries", "").statusCode());
        for (String method : List.of("PUT", "DELETE", "TRACE", "PATCH")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/queries/persons-named"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), method);
        }
        assertEquals(405, post("api/search", "q=x").statusCode());
    }

    @Test
    void searchFoldsCaseAndDiacritics() throws Exception {
        for (String q : List.of("phan thien dinh", "PHAN THIÊN ĐỊNH", "Phan Thiên Định", "thien dinh", "dinh")) {
            JsonArray hits = search(q);
            assertEquals(1, hits.size(), q);
            JsonObject hit = hits.get(0).getAsObject();
            assertEquals(TestGraphs.DINH.getURI(), hit.getString("iri"));
            assertEquals("Phan Thiên Định", hit.getString("label"));
            assertEquals("person", hit.getString("group"));
            assertEquals("Person", hit.getString("kind"));
        }
        JsonObject org = search("thanh uy hue").get(0).getAsObject();
        assertEquals(TestGraphs.THANH_UY_HUE.getURI(), org.getString("iri"));
        assertEquals("organization", org.getString("group"));
        assertEquals("PartyCommittee", org.getString("kind"));
        assertEquals(0, search("").size());
        assertEquals(0, search("n").size(), "one letter is too little to search for");
        assertEquals(0, search("trần").size());
        JsonValue body = JSON.parse(get("api/search?q=" + enc("nguyen")).body());
        assertTrue(body.getAsObject().get("complete").getAsBoolean().value());
    }

    // --- helpers

    private static JsonArray search(String q) throws Exception {
        HttpResponse<String> resp = get("api/search?q=" + enc(q));
        assertEquals(200, resp.statusCode(), resp.body());
        return JSON.parse(resp.body()).get("hits").getAsArray();
    }

    private static JsonObject run(String sparql) throws Exception {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(sparql))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, resp.statusCode(), resp.body());
        return JSON.parse(resp.body());
    }

    private static List<String> column(JsonObject results, String var) {
        List<String> values = new ArrayList<>();
        for (JsonValue row : results.get("results").getAsObject().get("bindings").getAsArray())
            values.add(row.getAsObject().get(var).getAsObject().getString("value"));
        return values;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
