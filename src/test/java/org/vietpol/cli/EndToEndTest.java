package org.vietpol.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;

/**
 * The user's path: build the seeds with the command line into a TDB2 store, serve it with the real Fuseki on a
 * free port, ask it over HTTP with two independent clients, read the dump with RDF4J, rebuild, run every named
 * query, and feed it broken files.
 */
class EndToEndTest {
    @TempDir
    static Path tmp;
    static Path store;
    static Path dump;
    static String buildOutput;
    static int buildExit;
    static SparqlServer server;
    static GraphStore graphStore;

    static final String OFFICIALS = String.join("\n",
            "PREFIX org: <http://www.w3.org/ns/org#>",
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
            "SELECT ?place ?name ?role WHERE {",
            "  ?m org:member ?p ; org:role ?role ; org:organization ?o . ?p foaf:name ?name .",
            "  ?o vp:jurisdiction ?u . ?u skos:prefLabel ?place FILTER(LANG(?place) = 'vi') }");

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = Main.commandLine();
            cl.setOut(new java.io.PrintWriter(System.out, true));
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void buildAndServe() throws Exception {
        store = tmp.resolve("store");
        dump = tmp.resolve("dump.nq");
        Run r = cli("build", "--store", store.toString(), "--dump", dump.toString(), "seeds");
        buildExit = r.exit();
        buildOutput = r.out() + r.err();
        graphStore = GraphStore.open(store);
        server = SparqlServer.create().dataset(graphStore.dataset()).port(0)
                .queries(NamedQueries.defaults().all()).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (graphStore != null) graphStore.close();
    }

    @Test
    void buildLoadsAllFiveSeedsAndPrintsASummary() {
        assertEquals(0, buildExit, buildOutput);
        assertTrue(buildOutput.contains("articles: 5 read, 5 loaded, 0 skipped"), buildOutput);
        assertTrue(buildOutput.matches("(?s).*persons: \\d+, organizations: \\d+, positions: \\d+, meetings: 4, documents: \\d+.*"),
                buildOutput);
    }

    @Test
    void fusekiAnswersOverHttpWithJenaAndRdf4jAlike() {
        Set<String> jena = new TreeSet<>();
        try (RDFConnection conn = RDFConnection.queryConnect(server.sparqlUrl())) {
            conn.querySelect(OFFICIALS, (QuerySolution s) -> jena.add(s.getLiteral("place").getString() + " | "
                    + s.getLiteral("name").getString() + " | " + s.getResource("role").getLocalName()));
        }
        Set<String> rdf4j = new TreeSet<>();
        SPARQLRepository repo = new SPARQLRepository(server.sparqlUrl());
        try (RepositoryConnection c = repo.getConnection();
             TupleQueryResult res = c.prepareTupleQuery(OFFICIALS).evaluate()) {
            for (BindingSet b : res) {
                String role = b.getValue("role").stringValue();
                rdf4j.add(b.getValue("place").stringValue() + " | " + b.getValue("name").stringValue() + " | "
                        + role.substring(role.indexOf('#') + 1));
            }
        } finally {
            repo.shutDown();
        }
        assertEquals(jena, rdf4j);
        assertTrue(jena.contains("Huế | Phan Thiên Định | Secretary"), jena.toString());
        assertTrue(jena.contains("Hà Nội | Đinh Tiến Dũng | Secretary"), jena.toString());
        assertTrue(jena.contains("Uông Bí | Nghiêm Xuân Cường | Secretary"), jena.toString());
        assertTrue(jena.contains("Hồ Chí Minh | Nguyễn Văn Nên | Secretary"), jena.toString());
        assertTrue(jena.contains("Quảng Ninh | Trịnh Thị Minh Thanh | DeputySecretary"), jena.toString());
    }

    @Test
    void theServerDescribesTheDatasetWithVoid() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var resp = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "void")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode());
        org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFParser.fromString(resp.body(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        org.apache.jena.graph.Node ds = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/vietpol/id/dataset");
        org.apache.jena.graph.Node triples = org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#triples");
        long n = Long.parseLong(g.find(ds, triples, org.apache.jena.graph.Node.ANY).next().getObject().getLiteralLexicalForm());
        assertTrue(n > 1000, "void:triples of the seed graph: " + n);
    }

    @Test
    void aPersonNamedInTwoArticlesIsOneResource() {
        try (RDFConnection conn = RDFConnection.queryConnect(server.sparqlUrl())) {
            List<String> ids = new ArrayList<>();
            conn.querySelect("PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#> "
                    + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                    + "SELECT DISTINCT ?p ?id WHERE { ?p foaf:name 'Phan Thiên Định'@vi . ?m org:member ?p ; "
                    + "prov:wasDerivedFrom ?a . ?a dcterms:identifier ?id } ORDER BY ?id",
                    s -> ids.add(s.getResource("p").getURI() + " " + s.getLiteral("id").getString()));
            assertEquals(List.of("https://w3id.org/vietpol/id/person/phan-thien-dinh-2f9c 000_c9986b01fe566dcc",
                    "https://w3id.org/vietpol/id/person/phan-thien-dinh-2f9c 002_3a90effac3ee2126"), ids);
        }
    }

    @Test
    void theDumpParsesWithRdf4jRioAndHoldsEveryQuad() throws Exception {
        Model m;
        try (InputStream in = Files.newInputStream(dump)) {
            m = Rio.parse(in, "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
        }
        assertEquals(graphStore.quadCount(), m.size());
        Path trig = tmp.resolve("again.trig");
        assertEquals(0, cli("build", "--store", tmp.resolve("store-trig").toString(), "--dump", trig.toString(), "seeds").exit());
        Model t;
        try (InputStream in = Files.newInputStream(trig)) {
            t = Rio.parse(in, "", org.eclipse.rdf4j.rio.RDFFormat.TRIG);
        }
        assertEquals(m.size(), t.size());
        assertTrue(m.contexts().size() >= 6, "one named graph per article plus the ontology");
    }

    @Test
    void theStreamedDumpHoldsTheSameQuadsAsTheSortedOne() throws Exception {
        Path streamed = tmp.resolve("streamed.nq");
        org.vietpol.store.Dump.stream(graphStore.dataset(), streamed);
        Model sorted, unsorted;
        try (InputStream a = Files.newInputStream(dump); InputStream b = Files.newInputStream(streamed)) {
            sorted = Rio.parse(a, "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
            unsorted = Rio.parse(b, "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
        }
        assertEquals(sorted.size(), unsorted.size());
        assertTrue(org.eclipse.rdf4j.model.util.Models.isomorphic(sorted, unsorted));
    }

    @Test
    void rebuildingTheSameInputGivesAByteIdenticalDump() throws Exception {
        Path again = tmp.resolve("again.nq");
        assertEquals(0, cli("build", "--store", tmp.resolve("store-2").toString(), "--dump", again.toString(), "seeds").exit());
        assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(again));
        Path third = tmp.resolve("third.nq");
        Path sameStore = tmp.resolve("store-2");
        assertEquals(0, cli("build", "--store", sameStore.toString(), "--dump", third.toString(), "seeds").exit());
        assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(third), "a rebuild into the same store changes nothing");
    }

    @Test
    void everyNamedQueryRunsOnTheSeedGraph() {
        for (NamedQuery q : NamedQueries.defaults().all()) {
            if (q.needsInternet()) continue; // SERVICE to Wikidata: no internet here
            List<String> args = new ArrayList<>(List.of("query", "--store", tmp.resolve("store-q").toString(), q.name(), "--format", "csv"));
            q.params().stream().filter(p -> !p.optional()).forEach(p -> {
                args.add("--param");
                args.add(p.name() + "=" + switch (p.name()) {
                    case "city" -> "Huế";
                    case "name" -> "Phan Thiên Định";
                    case "org" -> "Thành ủy Huế";
                    case "place" -> "Huế";
                    case "role" -> "Bí thư";
                    case "date" -> "2023-02-03";
                    default -> "x";
                });
            });
            if (!Files.exists(tmp.resolve("store-q"))) {
                assertEquals(0, cli("build", "--store", tmp.resolve("store-q").toString(), "seeds").exit());
            }
            Run r = cli(args.toArray(String[]::new));
            assertEquals(0, r.exit(), q.name() + ": " + r.err());
        }
    }

    @Test
    void namedQueriesReturnTheSeedFacts() {
        Path s = tmp.resolve("store-n");
        assertEquals(0, cli("build", "--store", s.toString(), "seeds").exit());
        String hue = cli("query", "--store", s.toString(), "city-leadership", "--param", "city=Huế", "--format", "csv").out();
        assertTrue(hue.contains("Phan Thiên Định") && hue.contains("Trần Hùng Nam"), hue);
        assertFalse(hue.contains("Nguyễn Văn Nên"), hue);
        String multi = cli("query", "--store", s.toString(), "multiple-posts", "--format", "csv").out();
        assertTrue(multi.contains("Phan Văn Mãi") && multi.contains("Nghiêm Xuân Cường"), multi);
        assertFalse(multi.contains("Đinh Tiến Dũng"), multi);
        String articles = cli("query", "--store", s.toString(), "articles-naming-person", "--param", "name=Phan Thiên Định",
                "--format", "csv").out();
        assertTrue(articles.contains("000_c9986b01fe566dcc") && articles.contains("002_3a90effac3ee2126"), articles);
        String injected = cli("query", "--store", s.toString(), "city-leadership", "--param",
                "city=Huế\" } UNION { ?x ?y ?z } #", "--format", "csv").out();
        assertEquals(1, injected.strip().lines().count(), "an injection attempt matches nothing: " + injected);
    }

    @Test
    void brokenInputsAreNamedAndSkippedAndTheRestIsBuilt() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("mixed"));
        Files.copy(Path.of("seeds/001_4637516c40e19d0c.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("empty.txt"), "");
        Files.write(in.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0, 0, (byte) 0xff, 0, 0, 5, 6, 0, 0});
        Files.write(in.resolve("latin1.txt"), "Bí thư Thành ủy\nđồng chí".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("lines.jsonl"), "{\"id\":\"j1\",\"title\":\"Tin\",\"text\":\"Bí thư Thành ủy Hà Nội Đinh Tiến Dũng dự.\"}\n"
                + "{not json\n{\"title\":\"no id\",\"text\":\"x\"}\n");
        Run r = cli("build", "--store", tmp.resolve("store-bad").toString(), in.toString());
        String all = r.out() + r.err();
        assertEquals(1, r.exit(), all);
        assertTrue(all.contains("2 loaded"), all);
        for (String f : List.of("empty.txt", "binary.txt", "latin1.txt", "lines.jsonl:2", "lines.jsonl:3")) {
            assertTrue(all.contains(f), f + " should be named: " + all);
        }
        assertFalse(all.contains("Exception"), all);
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
    }

    @Test
    void usageErrorsAreOneLineWithoutAStackTrace() {
        Run r = cli("build", "--store", tmp.resolve("s").toString(), "no/such/folder");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file or folder: no/such/folder"), r.err());
        Run q = cli("query", "--store", tmp.resolve("s").toString(), "no-such-query");
        assertEquals(2, q.exit());
        assertFalse(ownLines(q.err()).contains("\tat "), q.err());
    }

    /**
     * What the command wrote, without what other threads of this JVM logged meanwhile (a file scanner a server of an
     * earlier test class left running warns, with its stack trace, about its deleted credentials file).
     */
    private static String ownLines(String err) {
        StringBuilder out = new StringBuilder();
        boolean foreign = false;
        for (String line : err.split("\n", -1)) {
            if (line.startsWith("[Scanner-")) foreign = true;
            else if (!(line.startsWith("\t") || line.startsWith("Caused by") || line.startsWith("java.")
                    || line.startsWith("\t..."))) foreign = false;
            if (!foreign) out.append(line).append('\n');
        }
        return out.toString();
    }
}
