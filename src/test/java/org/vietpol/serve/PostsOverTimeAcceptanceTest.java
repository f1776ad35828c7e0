package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.export.OfficialsExporter;
import org.vietpol.export.OfficialsFormat;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.QueryBinder;
import org.vietpol.store.GraphStore;

/**
 * Issue 14, done when: three articles, one of 2020 reporting A elected Bí thư Tỉnh ủy Quảng Ninh, one of 2022
 * stating A as Bí thư, one of 2024 reporting A retiring and B elected in A's place, read by the real extractor.
 * The changes come out with their dates; holders-on-date gives A on 2023-01-01 and B, not A, on 2024-12-31;
 * post-holders gives A then B, B succeeding A; the Popolo membership and the FtM Occupancy of A carry 2020 and
 * 2024 dates. The queries run on a real Fuseki server over the built store.
 */
class PostsOverTimeAcceptanceTest {
    static final String A = "Nguyễn Văn An", B = "Trần Minh Bình";
    static final List<String> ARTICLES = List.of("posts-2020-quang-ninh-bau-bi-thu.txt",
            "posts-2022-quang-ninh-hoi-nghi-tinh-uy.txt", "posts-2024-quang-ninh-tan-bi-thu.txt");

    @TempDir
    static Path tmp;
    static GraphStore store;
    static SparqlServer server;
    static NamedQueries queries;

    @BeforeAll
    static void buildAndServe() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String a : ARTICLES) Files.copy(Path.of("src/test/resources/posts-over-time", a), in.resolve(a));
        store = GraphStore.open(tmp.resolve("store"));
        BuildReport report = Build.create().build().run(List.of(in), store);
        assertEquals(3, report.articlesLoaded(), report.skipped().toString());
        queries = NamedQueries.of(NamedQueries.fromDirectory(Path.of(NamedQueries.DIRECTORY)));
        server = SparqlServer.create().dataset(store.dataset()).port(0).queries(queries.all()).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    /** A named query, its parameters bound as RDF terms, run over HTTP: each row as column to text. */
    static List<Map<String, String>> run(String name, Map<String, String> params) {
        var query = QueryBinder.bind(queries.get(name).orElseThrow(), params);
        List<Map<String, String>> rows = new ArrayList<>();
        try (RDFConnection conn = RDFConnectionRemote.service(server.sparqlUrl()).build()) {
            conn.querySelect(query, row -> rows.add(text(row)));
        }
        return rows;
    }

    static Map<String, String> text(QuerySolution row) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        row.varNames().forEachRemaining(v -> {
            var n = row.get(v);
            out.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
        });
        return out;
    }

    @Test
    void theChangesComeOutWithTheirDates() {
        String q = """
                PREFIX vp: <https://w3id.org/vietpol/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX org: <http://www.w3.org/ns/org#>
                SELECT DISTINCT ?name ?type ?role ?date WHERE {
                  ?c a vp:PostChange ; vp:person/foaf:name ?name ; vp:changeType ?type ; vp:post/org:role ?role ;
                     dcterms:date ?date }""";
        Set<String> changes = Txn.calculateRead(store.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExecution qe = QueryExecution.create(q, org.apache.jena.query.DatasetFactory.wrap(store.dataset()))) {
                qe.execSelect().forEachRemaining(r -> out.add(r.getLiteral("name").getString() + " "
                        + r.getResource("type").getLocalName() + " " + r.getResource("role").getLocalName() + " "
                        + r.getLiteral("date").getLexicalForm()));
            }
            return out;
        });
        assertEquals(Set.of(A + " Start Secretary 2020-10-15", A + " End Secretary 2024-03-20",
                B + " Start Secretary 2024-03-20"), changes);
    }

    @Test
    void holdersOnDateGivesAIn2023AndOnlyBAtTheEndOf2024() {
        List<Map<String, String>> in2023 = run("holders-on-date", Map.of("place", "Quảng Ninh", "date", "2023-01-01"));
        assertEquals(List.of(A), secretaries(in2023), in2023.toString());
        List<Map<String, String>> end2024 = run("holders-on-date", Map.of("place", "Quảng Ninh", "date", "2024-12-31"));
        assertEquals(List.of(B), secretaries(end2024), end2024.toString());
        // on the day of the handover, the new holder only
        assertEquals(List.of(B), secretaries(run("holders-on-date", Map.of("place", "quảng ninh", "date", "2024-03-20"))));
        // before the election, nobody the articles know of
        assertEquals(List.of(), secretaries(run("holders-on-date", Map.of("place", "Quảng Ninh", "date", "2019-06-01"))));
    }

    private static List<String> secretaries(List<Map<String, String>> rows) {
        return rows.stream().filter(r -> r.get("roleLabel").equals("Bí thư") && r.get("orgLabel").equals("Tỉnh ủy Quảng Ninh"))
                .map(r -> r.get("personName")).toList();
    }

    @Test
    void postHoldersGivesAThenBWithBSucceedingA() {
        List<Map<String, String>> rows = run("post-holders", Map.of("place", "Quảng Ninh", "role", "Bí thư"));
        assertEquals(List.of(A, B), rows.stream().map(r -> r.get("personName")).toList(), rows.toString());
        Map<String, String> a = rows.get(0), b = rows.get(1);
        assertEquals("Bí thư Tỉnh ủy Quảng Ninh", a.get("postLabel"));
        assertEquals("2020-10-15", a.get("start"));
        assertEquals("ChangeReported", a.get("startBasis"));
        assertEquals("được bầu", a.get("startKind"));
        assertEquals("2024-03-20", a.get("end"));
        assertEquals("nghỉ hưu", a.get("endKind"));
        assertEquals(B, a.get("successor"));
        assertTrue(a.get("startSentence").contains("được bầu giữ chức Bí thư Tỉnh ủy Quảng Ninh"), a.get("startSentence"));
        assertTrue(a.get("endSentence").contains("nghỉ hưu"), a.get("endSentence"));
        assertEquals(A, b.get("predecessor"));
        assertEquals("2024-03-20", b.get("start"));
        assertEquals("true", b.get("ongoing"));
        // the role in English, the place in any case, give the same
        assertEquals(rows, run("post-holders", Map.of("place", "QUẢNG NINH", "role", "Secretary")));
    }

    @Test
    void thePopoloMembershipAndTheFtmOccupancyOfACarryTheir2020And2024Dates() throws Exception {
        JsonObject popolo = JsonParser.parseString(export(OfficialsFormat.POPOLO)).getAsJsonObject();
        String aId = null;
        for (JsonElement p : popolo.getAsJsonArray("persons"))
            if (p.getAsJsonObject().get("name").getAsString().equals(A)) aId = p.getAsJsonObject().get("id").getAsString();
        List<JsonObject> ofA = new ArrayList<>();
        for (JsonElement m : popolo.getAsJsonArray("memberships"))
            if (m.getAsJsonObject().get("person_id").getAsString().equals(aId)) ofA.add(m.getAsJsonObject());
        assertEquals(1, ofA.size(), ofA.toString());
        assertEquals("2020-10-15", ofA.get(0).get("start_date").getAsString());
        assertEquals("2024-03-20", ofA.get(0).get("end_date").getAsString());
        assertEquals("Bí thư", ofA.get(0).get("role").getAsString());

        List<JsonObject> occupancies = new ArrayList<>();
        String personId = null;
        for (String line : export(OfficialsFormat.FTM).split("\n")) {
            JsonObject e = JsonParser.parseString(line).getAsJsonObject();
            JsonObject props = e.getAsJsonObject("properties");
            if (e.get("schema").getAsString().equals("Person") && props.getAsJsonArray("name").get(0).getAsString().equals(A))
                personId = e.get("id").getAsString();
            if (e.get("schema").getAsString().equals("Occupancy")) occupancies.add(e);
        }
        final String holder = personId;
        List<JsonObject> occupanciesOfA = occupancies.stream()
                .filter(e -> e.getAsJsonObject("properties").getAsJsonArray("holder").get(0).getAsString().equals(holder)).toList();
        assertEquals(1, occupanciesOfA.size());
        JsonObject props = occupanciesOfA.get(0).getAsJsonObject("properties");
        assertEquals("2020-10-15", props.getAsJsonArray("startDate").get(0).getAsString());
        assertEquals("2024-03-20", props.getAsJsonArray("endDate").get(0).getAsString());
        assertEquals("ended", props.getAsJsonArray("status").get(0).getAsString());
    }

    private static String export(OfficialsFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OfficialsExporter.create().format(format).build().write(store.dataset(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
