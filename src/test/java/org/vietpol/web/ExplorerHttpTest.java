package org.vietpol.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer over plain HTTP on the seed graph: search, the page's files, and a named query bound and run. */
class ExplorerHttpTest {

    @TempDir
    static Path tmp;

    static SeedServer seeds;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        seeds = SeedServer.start(tmp);
    }

    @AfterAll
    static void stop() {
        if (seeds != null)
            seeds.close();
    }

    @Test
    void searchWithoutDiacriticsFindsTheName() throws Exception {
        for (String q : List.of("nguyen van nen", "NGUYEN VAN NEN", "Nguyễn Văn Nên", "van nen")) {
            JsonArray hits = JSON.parse(get("api/search?q=" + enc(q)).body()).get("hits").getAsArray();
            assertFalse(hits.isEmpty(), q);
            JsonObject first = hits.get(0).getAsObject();
            assertEquals("Nguyễn Văn Nên", first.getString("label"), q);
            assertEquals("https://w3id.org/vietpol/id/person/nguyen-van-nen-9fbc", first.getString("iri"));
            assertEquals("person", first.getString("group"));
        }
        JsonArray places = JSON.parse(get("api/search?q=" + enc("thua thien hue")).body()).get("hits").getAsArray();
        assertEquals("Thừa Thiên Huế", places.get(0).getAsObject().getString("label"));
        assertEquals("place", places.get(0).getAsObject().getString("group"));
    }

    @Test
    void thePageAndEverythingItLoadsComeFromTheServer() throws Exception {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (refs.find())
            todo.add(refs.group(1));
        Pattern imports = Pattern.compile("(?m)^import .* from '([^']+)';$");
        while (!todo.isEmpty()) {
            String ref = todo.pop();
            if (ref.startsWith("data:") || ref.startsWith("#") || !seen.add(ref))
                continue;
            assertFalse(ref.matches("(?i)^(https?:)?//.*"), "nothing from another site: " + ref);
            String path = ref.startsWith("./") ? ref.substring(2) : ref;
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), ref);
            if (path.endsWith(".js")) {
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), ref);
                Matcher m = imports.matcher(r.body());
                while (m.find())
                    todo.add(m.group(1));
            }
        }
        assertTrue(seen.contains("app.js"), seen.toString());
        for (String module : List.of("./i18n.js", "./posts.js"))
            assertTrue(seen.contains(module), module + " in " + seen);
        assertTrue(seen.contains("./webjars/cytoscape/dist/cytoscape.esm.min.mjs"), seen.toString());
    }

    @Test
    void cityLeadershipBoundOnTheServerRunsAtTheEndpoint() throws Exception {
        HttpResponse<String> bound = HTTP.send(HttpRequest.newBuilder(URI.create(seeds.url() + "api/queries/city-leadership"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("city=" + enc("Huế"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, bound.statusCode(), bound.body());
        String sparql = JSON.parse(bound.body()).getString("sparql");
        HttpResponse<String> results = HTTP.send(HttpRequest.newBuilder(URI.create(seeds.server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(sparql))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, results.statusCode(), results.body());
        boolean found = false;
        for (JsonValue row : JSON.parse(results.body()).get("results").getAsObject().get("bindings").getAsArray()) {
            JsonObject o = row.getAsObject();
            found |= value(o, "personName").equals("Phan Thiên Định") && value(o, "orgLabel").equals("Thành ủy Huế")
                    && value(o, "roleLabel").equals("Bí thư");
        }
        assertTrue(found, results.body());
    }

    /**
     * Every interface string the page names, in index.html (data-i18n, data-i18n-placeholder ...) or in a script
     * (t('key')), is in the dictionary of i18n.js with a Vietnamese and an English text.
     */
    @Test
    void everyInterfaceStringIsInVietnameseAndEnglish() throws Exception {
        String dictionary = get("i18n.js").body();
        Map<String, List<String>> texts = new HashMap<>();
        Matcher entries = Pattern.compile("(?m)^\\s*'([\\w.]+)': \\[\\s*'((?:[^'\\\\]|\\\\.)*)',\\s*'((?:[^'\\\\]|\\\\.)*)'\\]")
                .matcher(dictionary);
        while (entries.find())
            texts.put(entries.group(1), List.of(entries.group(2), entries.group(3)));
        assertTrue(texts.size() > 100, "the dictionary read: " + texts.size());
        Set<String> used = new TreeSet<>();
        Matcher html = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"").matcher(get("").body());
        while (html.find())
            used.add(html.group(1));
        for (String script : List.of("app.js", "network.js", "details.js", "compare.js", "timeline.js", "queries.js",
                "search.js", "posts.js", "data.js")) {
            Matcher calls = Pattern.compile("\\bt\\('([\\w.]*\\w)'").matcher(get(script).body());
            while (calls.find())
                used.add(calls.group(1));
        }
        assertTrue(used.size() > 80, used.toString());
        for (String key : used) {
            assertTrue(texts.containsKey(key), "no text for " + key);
            assertFalse(texts.get(key).get(0).isBlank() || texts.get(key).get(1).isBlank(), key);
        }
        // The relations and kinds of node named by a computed key.
        for (String key : List.of("rel.organizer", "rel.chair", "rel.attendee", "rel.issuer", "rel.part", "rel.cites",
                "group.person", "group.organization", "group.meeting", "group.document", "group.article", "group.place"))
            assertTrue(texts.containsKey(key), key);
        assertEquals(List.of("Mạng lưới", "Network"), texts.get("tab.network"));
    }

    private static String value(JsonObject row, String var) {
        return row.hasKey(var) ? row.get(var).getAsObject().getString("value") : "";
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(seeds.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
