package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.cli.LinkCommand;
import org.vietpol.cli.Main;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine;

/** {@code vietpol link} on a TDB2 store built from the seeds. */
class LinkCommandTest {
    @TempDir
    Path tmp;
    Path store;
    final StringWriter err = new StringWriter();
    String out;

    @BeforeEach
    void buildStore() throws Exception {
        store = tmp.resolve("data/store");
        try (GraphStore gs = GraphStore.open(store)) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
        }
    }

    int run(String... args) {
        CommandLine cl = Main.commandLine();
        if (!cl.getSubcommands().containsKey("link")) cl.addSubcommand(new LinkCommand()); // until Main lists it
        cl.setErr(new PrintWriter(err, true));
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return cl.execute(args);
        } finally {
            System.setOut(old);
            out = buf.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void offlineLinkOnTheSeedStoreLinksUnitsAndCentralBodies() throws Exception {
        assertEquals(Main.OK, run("link", "--store", store.toString(), "--offline"), err.toString());
        assertTrue(out.contains("central bodies linked: 3"), out);
        assertTrue(out.contains("offline: no requests sent"), out);
        try (GraphStore gs = GraphStore.open(store)) {
            assertEquals(8, LinkTestSupport.select(gs.dataset(), """
                    SELECT ?x WHERE { VALUES (?x ?q) {
                      (<https://w3id.org/vietpol/id/unit/hue> <http://www.wikidata.org/entity/Q36167>)
                      (<https://w3id.org/vietpol/id/unit/thua-thien-hue> <http://www.wikidata.org/entity/Q36399>)
                      (<https://w3id.org/vietpol/id/unit/ha-noi> <http://www.wikidata.org/entity/Q1858>)
                      (<https://w3id.org/vietpol/id/unit/ho-chi-minh> <http://www.wikidata.org/entity/Q1854>)
                      (<https://w3id.org/vietpol/id/unit/uong-bi> <http://www.wikidata.org/entity/Q7897883>)
                      (<https://w3id.org/vietpol/id/unit/quang-ninh> <http://www.wikidata.org/entity/Q33396>)
                      (<https://w3id.org/vietpol/id/unit/viet-nam> <http://www.wikidata.org/entity/Q881>)
                      (<https://w3id.org/vietpol/id/org/viet-nam/party> <http://www.wikidata.org/entity/Q427325>) }
                      ?x owl:sameAs ?q }""", "x").size());
        }
        assertTrue(Files.notExists(tmp.resolve("data/link-cache")), "offline touches no cache");
    }

    @Test
    void aLinksFileGivenIsReadAndLeftAsItWas() throws Exception {
        Path csv = tmp.resolve("mine.csv");
        Files.writeString(csv, "iri,qid,status\nhttps://w3id.org/vietpol/id/person/phan-thien-dinh,Q99000042,accepted\n");
        byte[] before = Files.readAllBytes(csv);
        assertEquals(Main.OK, run("link", "--store", store.toString(), "--offline", "--links-file", csv.toString()), err.toString());
        assertTrue(out.contains("persons: 1 owl:sameAs (1 from the links file)"), out);
        assertArrayEquals(before, Files.readAllBytes(csv));
    }

    @Test
    void onlineTheCacheSitsNextToTheStoreAndASecondRunAsksNothing() throws Exception {
        SparqlServer fuseki = SparqlServer.create().dataset(LinkTestSupport.fixtureDataset()).port(0).build().start();
        try {
            assertEquals(Main.OK, run("link", "--store", store.toString(), "--endpoint", fuseki.sparqlUrl()), err.toString());
            assertTrue(out.contains("persons: 3 owl:sameAs (0 from the links file), 3 skos:closeMatch"), out);
            assertTrue(out.contains("requests sent: 1, cache hits: 0"), out);
            assertTrue(Files.isDirectory(tmp.resolve("data/link-cache")), out);
            assertEquals(Main.OK, run("link", "--store", store.toString(), "--endpoint", fuseki.sparqlUrl()), err.toString());
            assertTrue(out.contains("requests sent: 0, cache hits: 14"), out);
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void userMistakesGiveOneLineAndExitStatus2() throws Exception {
        assertEquals(Main.USAGE, run("link", "--store", tmp.resolve("nowhere").toString(), "--offline"));
        assertTrue(err.toString().contains("no store at"), err.toString());
        assertEquals(Main.USAGE, run("link", "--store", store.toString(), "--offline", "--links-file", tmp.resolve("none.csv").toString()));
        assertTrue(err.toString().contains("no such links file"), err.toString());
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "iri,qid,status\nperson/x,Q1,perhaps\n");
        assertEquals(Main.USAGE, run("link", "--store", store.toString(), "--offline", "--links-file", bad.toString()));
        assertTrue(err.toString().contains("bad.csv:2: status must be accepted or rejected"), err.toString());
        assertEquals(Main.USAGE, run("link", "--store", store.toString(), "--endpoint", "ftp://example.org/sparql"));
        assertTrue(err.toString().contains("--endpoint"), err.toString());
    }
}
