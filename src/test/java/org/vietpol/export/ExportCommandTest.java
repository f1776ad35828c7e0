package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vietpol.build.Build;
import org.vietpol.cli.ExportCommand;
import org.vietpol.cli.Main;
import org.vietpol.store.GraphStore;
import picocli.CommandLine;

/** {@code vietpol export} on a TDB2 store built from the seeds, through the real command line and its error handling. */
class ExportCommandTest {
    @TempDir
    static Path tmp;
    static Path store;
    static long quads;
    static long distinct;
    static long voidTriples;

    record Run(int exit, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void buildStore() {
        store = tmp.resolve("store");
        try (GraphStore gs = GraphStore.open(store)) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
            quads = gs.quadCount();
            distinct = SeedStore.distinctTriples(gs.dataset());
            voidTriples = VoidDescriber.describe(gs.dataset(), null).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = Main.commandLine();
            if (!cl.getSubcommands().containsKey("export")) cl.addSubcommand(new ExportCommand());
            cl.setOut(new PrintWriter(System.out, true));
            cl.setErr(new PrintWriter(System.err, true));
            int code = cl.execute(args);
            System.out.flush();
            return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static byte[] exportToFile(String name, String... options) throws Exception {
        Path file = tmp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("export", "--store", store.toString(), "--out", file.toString()));
        args.addAll(List.of(options));
        Run r = cli(args.toArray(String[]::new));
        assertEquals(Main.OK, r.exit(), r.err());
        assertFalse(Files.exists(tmp.resolve(name + ".tmp")), "no temporary file left");
        return Files.readAllBytes(file);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void eachFormatIsWrittenToAFileAndMatchesTheStore(ExportFormat f) throws Exception {
        byte[] bytes = exportToFile("all." + f.cliName(), "--format", f.cliName());
        if (f.quads()) {
            DatasetGraph d = ExporterTest.parseDataset(bytes, f);
            assertEquals(quads + voidTriples, ExporterTest.count(d));
            assertEquals(quads + voidTriples, ExporterTest.parseWithRio(bytes, f).size());
        } else {
            assertEquals(distinct + voidTriples, ExporterTest.parseGraph(bytes, f).size());
        }
        assertArrayEquals(bytes, exportToFile("again." + f.cliName(), "--format", f.cliName()), "same bytes twice");
    }

    @Test
    void standardOutputGetsTheSameBytesAsAFile() throws Exception {
        byte[] file = exportToFile("stdout-check.trig", "--format", "trig");
        Run r = cli("export", "--store", store.toString(), "--format", "trig");
        assertEquals(Main.OK, r.exit(), r.err());
        assertArrayEquals(file, r.out());
    }

    @Test
    void graphLimitsTheExportToOneArticle() throws Exception {
        String article = ExporterTest.ARTICLE;
        long inStore;
        try (GraphStore gs = GraphStore.open(store)) {
            inStore = SeedStore.count(gs.dataset(), "SELECT (COUNT(*) AS ?n) { GRAPH <" + article + "> { ?s ?p ?o } }");
        }
        Graph g = ExporterTest.parseGraph(exportToFile("one.ttl", "--format", "ttl", "--graph", article), ExportFormat.TTL);
        assertEquals(inStore, g.size());
        DatasetGraph d = ExporterTest.parseDataset(exportToFile("one.nq", "--format", "nq", "--graph", article), ExportFormat.NQ);
        assertEquals(inStore, ExporterTest.count(d));
    }

    @Test
    void noVoidLeavesTheDescriptionOut() throws Exception {
        Graph g = ExporterTest.parseGraph(exportToFile("novoid.rdf", "--format", "rdfxml", "--no-void"), ExportFormat.RDFXML);
        assertEquals(distinct, g.size());
    }

    @ParameterizedTest
    @EnumSource(GraphFormat.class)
    void graphFormatsAreWrittenToAFileLikeTheExporterWritesThem(GraphFormat f) throws Exception {
        byte[] bytes = exportToFile("all." + f.extension(), "--format", f.cliName());
        assertArrayEquals(GraphExportTest.export(f, null), bytes, "the TDB2 store and the in-memory store agree");
        assertArrayEquals(bytes, exportToFile("again." + f.extension(), "--format", f.cliName()), "same bytes twice");
        Run r = cli("export", "--store", store.toString(), "--format", f.cliName());
        assertEquals(Main.OK, r.exit(), r.err());
        assertArrayEquals(bytes, r.out(), "standard output gets the same bytes");
    }

    @Test
    void placeCutsTheGraphExport() throws Exception {
        String text = new String(exportToFile("hue.graphml", "--format", "graphml", "--place", "hue"), StandardCharsets.UTF_8);
        assertTrue(text.contains(">Phan Thiên Định<"), "Phan Thiên Định kept");
        assertFalse(text.contains(">Nguyễn Văn Nên<"), "Nguyễn Văn Nên left out");
        String noUnits = new String(exportToFile("hue-no-units.dot", "--format", "dot", "--place", "Huế", "--no-units"),
                StandardCharsets.UTF_8);
        assertFalse(noUnits.contains("type=\"unit\""), "no unit nodes");
        assertTrue(noUnits.contains("Phan Thiên Định"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "nq", "trig", "jsonld", "rdfxml"})
    void placeIsRefusedForRdfFormats(String format) {
        Run r = cli("export", "--store", store.toString(), "--format", format, "--place", "Huế");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("--place applies only to the graph formats (dot, graphml, cytoscape-json)"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void rdfOnlyOptionsAreRefusedForGraphFormats() {
        Run r = cli("export", "--store", store.toString(), "--format", "dot", "--graph", ExporterTest.ARTICLE);
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("--graph applies only to the RDF formats"), r.err());
        r = cli("export", "--store", store.toString(), "--format", "ttl", "--no-units");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("--no-units applies only to the graph formats"), r.err());
    }

    @Test
    void anUnknownPlaceIsAUsageErrorAndLeavesNoFile() {
        Path file = tmp.resolve("atlantis.dot");
        Run r = cli("export", "--store", store.toString(), "--format", "dot", "--place", "Atlantis", "--out", file.toString());
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("no place named 'Atlantis'"), r.err());
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(tmp.resolve("atlantis.dot.tmp")));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run r = cli("export", "--store", store.toString(), "--format", "n3");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("ttl, nq, trig, jsonld, rdfxml, dot, graphml, cytoscape-json"), r.err());
    }

    @Test
    void theFormatIsRequired() {
        Run r = cli("export", "--store", store.toString());
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void aMissingStoreIsAUsageError() {
        Run r = cli("export", "--store", tmp.resolve("nowhere").toString(), "--format", "ttl");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("no store"), r.err());
        assertFalse(Files.exists(tmp.resolve("nowhere")), "a missing store is not created");
    }

    @Test
    void anUnknownGraphIsAUsageErrorAndLeavesNoFile() {
        Path file = tmp.resolve("missing-graph.ttl");
        Run r = cli("export", "--store", store.toString(), "--format", "ttl", "--out", file.toString(),
                "--graph", "https://w3id.org/vietpol/id/article/nope");
        assertEquals(Main.USAGE, r.exit());
        assertTrue(r.err().contains("no graph"), r.err());
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(tmp.resolve("missing-graph.ttl.tmp")));
    }

    @Test
    void theSparqlEndpointGoesIntoTheDescription() throws Exception {
        String text = new String(exportToFile("endpoint.ttl", "--format", "ttl", "--sparql-endpoint",
                "https://example.org/vietpol/sparql"), StandardCharsets.UTF_8);
        assertTrue(text.contains("<https://example.org/vietpol/sparql>"), "endpoint stated");
    }
}
