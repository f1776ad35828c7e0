package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vietpol.graph.Iris;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

class ExporterTest {
    static final String ARTICLE = Iris.article("000_c9986b01fe566dcc");

    static Graph parseGraph(byte[] bytes, ExportFormat f) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(SeedStore.jenaLang(f)).parse(g);
        return g;
    }

    static DatasetGraph parseDataset(byte[] bytes, ExportFormat f) {
        DatasetGraph d = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(SeedStore.jenaLang(f)).parse(d);
        return d;
    }

    /** The union of the seed store's graphs plus its VoID description, built without the exporter. */
    static Graph expectedUnionWithVoid(DatasetGraph dsg) {
        Graph expected = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> expected.add(q.asTriple())));
        VoidDescriber.describe(dsg, null).find().forEachRemaining(expected::add);
        return expected;
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"TTL", "JSONLD", "RDFXML"})
    void tripleFormatsHoldTheUnionOfTheGraphsAndTheVoidDescription(ExportFormat f) {
        DatasetGraph dsg = SeedStore.get().dataset();
        byte[] bytes = SeedStore.export(f);
        Graph parsed = parseGraph(bytes, f);
        Graph voidGraph = VoidDescriber.describe(dsg, null);
        assertEquals(SeedStore.distinctTriples(dsg) + voidGraph.size(), parsed.size());
        assertTrue(expectedUnionWithVoid(dsg).isIsomorphicWith(parsed), f + " export differs from the store");
        Model rio = parseWithRio(bytes, f);
        assertEquals(parsed.size(), rio.size());
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"NQ", "TRIG"})
    void quadFormatsKeepEveryNamedGraphAndAddTheVoidGraph(ExportFormat f) {
        GraphStore store = SeedStore.get();
        DatasetGraph dsg = store.dataset();
        byte[] bytes = SeedStore.export(f);
        DatasetGraph parsed = parseDataset(bytes, f);
        long voidSize = VoidDescriber.describe(dsg, null).size();
        assertEquals(store.quadCount() + voidSize, count(parsed));
        Set<Node> graphs = Txn.calculateRead(dsg, () -> {
            Set<Node> gs = new HashSet<>();
            dsg.listGraphNodes().forEachRemaining(gs::add);
            return gs;
        });
        for (Node g : graphs) {
            long inStore = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(g).size());
            assertEquals(inStore, parsed.getGraph(g).size(), "graph " + g);
        }
        assertEquals(voidSize, parsed.getGraph(Vocab.uri(VoidDescriber.GRAPH)).size());
        Model rio = parseWithRio(bytes, f);
        assertEquals(store.quadCount() + voidSize, rio.size());
        assertEquals(graphs.size() + 1, rio.contexts().size());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportingTwiceGivesTheSameBytes(ExportFormat f) {
        assertArrayEquals(SeedStore.export(f), SeedStore.export(f));
    }

    @Test
    void theOrderDoesNotDependOnTheOrderTheStoreReturnsQuadsIn() {
        DatasetGraph dsg = SeedStore.get().dataset();
        DatasetGraph reversed = DatasetGraphFactory.createTxnMem();
        java.util.List<Quad> quads = new java.util.ArrayList<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add));
        java.util.Collections.reverse(quads);
        Txn.executeWrite(reversed, () -> quads.forEach(reversed::add));
        for (ExportFormat f : ExportFormat.values()) {
            Exporter e = Exporter.create().format(f).build();
            assertArrayEquals(SeedStore.export(dsg, e), SeedStore.export(reversed, e), f.cliName());
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aGraphIriLimitsTheExportToThatArticle(ExportFormat f) {
        DatasetGraph dsg = SeedStore.get().dataset();
        Node article = Vocab.uri(ARTICLE);
        long inStore = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(article).size());
        byte[] bytes = SeedStore.export(dsg, Exporter.create().format(f).graph(ARTICLE).build());
        if (f.quads()) {
            DatasetGraph parsed = parseDataset(bytes, f);
            assertEquals(inStore, count(parsed));
            assertEquals(inStore, parsed.getGraph(article).size());
        } else {
            assertEquals(inStore, parseGraph(bytes, f).size());
        }
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("void#Dataset"), "no VoID in a one-graph export");
    }

    @Test
    void anUnknownGraphIsRefused() {
        Exporter e = Exporter.create().format(ExportFormat.TTL).graph(Vocab.ID + "article/no-such-article").build();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> e.write(SeedStore.get().dataset(), new java.io.ByteArrayOutputStream()));
        assertTrue(ex.getMessage().contains("no-such-article"), ex.getMessage());
    }

    @Test
    void theVoidGraphIriGivesTheDescriptionAlone() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Graph description = VoidDescriber.describe(dsg, null);
        Graph ttl = parseGraph(SeedStore.export(dsg,
                Exporter.create().format(ExportFormat.TTL).graph(VoidDescriber.GRAPH).build()), ExportFormat.TTL);
        assertTrue(description.isIsomorphicWith(ttl));
        DatasetGraph nq = parseDataset(SeedStore.export(dsg,
                Exporter.create().format(ExportFormat.NQ).graph(VoidDescriber.GRAPH).build()), ExportFormat.NQ);
        assertEquals(description.size(), count(nq));
        assertTrue(description.isIsomorphicWith(nq.getGraph(Vocab.uri(VoidDescriber.GRAPH))));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void withoutVoidOnlyTheStoreIsWritten(ExportFormat f) {
        GraphStore store = SeedStore.get();
        byte[] bytes = SeedStore.export(store.dataset(), Exporter.create().format(f).includeVoid(false).build());
        if (f.quads()) {
            DatasetGraph parsed = parseDataset(bytes, f);
            assertEquals(store.quadCount(), count(parsed));
            assertFalse(parsed.containsGraph(Vocab.uri(VoidDescriber.GRAPH)));
        } else {
            assertEquals(SeedStore.distinctTriples(store.dataset()), parseGraph(bytes, f).size());
        }
    }

    @Test
    void theLinksGraphIsExportedLikeAnyOtherGraph() {
        DatasetGraph dsg = SeedStore.withLinks();
        Node links = Vocab.uri(Iris.GRAPH_LINKS);
        long inStore = Txn.calculateRead(dsg, () -> (long) dsg.getGraph(links).size());
        assertEquals(7, inStore);
        DatasetGraph trig = parseDataset(SeedStore.export(dsg, Exporter.create().format(ExportFormat.TRIG).build()),
                ExportFormat.TRIG);
        assertEquals(inStore, trig.getGraph(links).size());
        Graph ttl = parseGraph(SeedStore.export(dsg, Exporter.create().format(ExportFormat.TTL).build()), ExportFormat.TTL);
        Node sameAs = Vocab.uri(Vocab.OWL + "sameAs");
        assertTrue(ttl.contains(Vocab.uri(Vocab.ID + "unit/hue"), sameAs, Vocab.uri("http://www.wikidata.org/entity/Q36167")));
        Graph single = parseGraph(SeedStore.export(dsg,
                Exporter.create().format(ExportFormat.RDFXML).graph(Iris.GRAPH_LINKS).build()), ExportFormat.RDFXML);
        assertEquals(inStore, single.size());
    }

    @Test
    void jsonLdIsCompactWithTheContractPrefixesAsContext() {
        String json = new String(SeedStore.export(ExportFormat.JSONLD), StandardCharsets.UTF_8);
        JsonObject doc;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            doc = r.readObject();
        }
        JsonObject context = doc.getJsonObject("@context");
        for (Map.Entry<String, String> e : Vocab.prefixes().getNsPrefixMap().entrySet()) {
            assertEquals(e.getValue(), context.getString(e.getKey()), "@context entry " + e.getKey());
        }
        assertEquals("https://w3id.org/vietpol/ontology#", context.getString("vp"));
        assertTrue(doc.containsKey("@graph"));
        assertTrue(json.contains("\"@type\": \"vp:Person\""), "types are compacted with the prefixes");
        assertTrue(json.contains("\"foaf:name\""), "properties are compacted with the prefixes");
    }

    @Test
    void rdfXmlDeclaresTheContractPrefixes() {
        String xml = new String(SeedStore.export(ExportFormat.RDFXML), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : Vocab.prefixes().getNsPrefixMap().entrySet()) {
            assertTrue(xml.contains("xmlns:" + e.getKey() + "=\"" + e.getValue() + "\""), "xmlns:" + e.getKey());
        }
        assertTrue(xml.contains("<foaf:name xml:lang=\"vi\">"), "properties use the prefixes");
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"TTL", "TRIG"})
    void turtleAndTrigDeclareTheContractPrefixes(ExportFormat f) {
        String text = new String(SeedStore.export(f), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : Vocab.prefixes().getNsPrefixMap().entrySet()) {
            assertTrue(text.contains("PREFIX " + e.getKey() + ": <" + e.getValue() + ">"), "prefix " + e.getKey());
        }
        assertTrue(text.contains("foaf:name"));
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertEquals(ExportFormat.RDFXML, ExportFormat.of("RdfXml"));
        assertEquals("ttl, nq, trig, jsonld, rdfxml", ExportFormat.names());
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.of("n3"));
    }

    static Model parseWithRio(byte[] bytes, ExportFormat f) {
        try {
            return Rio.parse(new ByteArrayInputStream(bytes), "", SeedStore.rioFormat(f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long count(DatasetGraph d) {
        long n = 0;
        var it = d.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }
}
