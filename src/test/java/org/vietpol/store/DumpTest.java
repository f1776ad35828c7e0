package org.vietpol.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/** The sorted dump spills runs to disk and merges them: the file is the one an in-memory sort gives. */
class DumpTest {
    private static List<Quad> quads() {
        Random r = new Random(16);
        List<Node> blanks = new ArrayList<>();
        for (int i = 0; i < 5; i++) blanks.add(NodeFactory.createBlankNode());
        List<Quad> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Node g = NodeFactory.createURI("https://w3id.org/vietpol/id/article/" + r.nextInt(20));
            Node s = r.nextInt(10) == 0 ? blanks.get(r.nextInt(5)) : NodeFactory.createURI("https://w3id.org/vietpol/id/person/" + r.nextInt(50));
            Node p = NodeFactory.createURI("http://xmlns.com/foaf/0.1/" + (r.nextBoolean() ? "name" : "nick"));
            Node o = switch (r.nextInt(3)) {
                case 0 -> NodeFactory.createLiteralLang("Nguyễn Văn " + r.nextInt(30), "vi");
                case 1 -> NodeFactory.createLiteralDT(Integer.toString(r.nextInt(100)), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
                default -> blanks.get(r.nextInt(5));
            };
            out.add(Quad.create(g, s, p, o));
        }
        return out.stream().distinct().toList();
    }

    private static String inMemory(List<Quad> quads, RDFFormat format, boolean asQuads) {
        List<Quad> sorted = new ArrayList<>();
        for (Quad q : quads) sorted.add(asQuads ? q : Quad.create(Quad.defaultGraphIRI, q.asTriple()));
        sorted.sort(Dump.ORDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(out, format);
        w.start();
        org.vietpol.graph.Vocab.prefixes().getNsPrefixMap().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> w.prefix(e.getKey(), e.getValue()));
        Quad last = null;
        for (Quad q : sorted) {
            if (q.equals(last)) continue;
            last = q;
            if (asQuads) w.quad(q);
            else w.triple(q.asTriple());
        }
        w.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void spilledAndMergedRunsGiveTheInMemorySort() throws Exception {
        List<Quad> quads = quads();
        for (RDFFormat f : List.of(RDFFormat.NQUADS_UTF8, RDFFormat.TRIG_BLOCKS)) {
            // 7 quads a run: some 280 runs, merged 32 at a time in two rounds
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long n = Dump.writeSorted(sink -> quads.forEach(sink), out, f, true, org.vietpol.graph.Vocab.prefixes(), 7);
            assertEquals(quads.size(), n);
            assertEquals(inMemory(quads, f, true), out.toString(StandardCharsets.UTF_8), f.toString());
        }
        ByteArrayOutputStream ttl = new ByteArrayOutputStream();
        long triples = Dump.writeSorted(sink -> quads.forEach(sink), ttl, RDFFormat.TURTLE_BLOCKS, false, org.vietpol.graph.Vocab.prefixes(), 50);
        assertTrue(triples < quads.size(), "a triple in several graphs is written once");
        assertEquals(inMemory(quads, RDFFormat.TURTLE_BLOCKS, false), ttl.toString(StandardCharsets.UTF_8));
    }
}
