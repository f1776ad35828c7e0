package org.vietpol.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import org.vietpol.graph.Vocab;
import org.vietpol.store.Dump;

/**
 * Writes the dataset in one RDF format, in a fixed order, so the same store always gives the same bytes.
 *
 * <pre>
 *   Exporter.create().format(ExportFormat.TTL).build().write(store.dataset(), out);
 * </pre>
 *
 * Triple formats (ttl, jsonld, rdfxml) carry the distinct triples of the union of the graphs; quad formats (nq,
 * trig) every named graph. The VoID description is computed afresh (a stored copy is ignored) and added to triple
 * exports, or written as the graph {@value VoidDescriber#GRAPH} in quad exports. With a graph IRI only that graph
 * is written and the description, which is about the whole dataset, is left out; asking for the VoID graph itself
 * gives the description alone.
 */
public final class Exporter {
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(Vocab.prefixes()).setNsPrefix("void", VoidDescriber.VOID).lock();

    private final ExportFormat format;
    private final String graph;
    private final boolean includeVoid;
    private final String sparqlEndpoint;

    private Exporter(Builder b) {
        this.format = Objects.requireNonNull(b.format, "format");
        this.graph = b.graph;
        this.includeVoid = b.includeVoid;
        this.sparqlEndpoint = b.sparqlEndpoint;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The contract's prefixes plus void:, used by every export. */
    public static PrefixMapping prefixes() {
        return PREFIXES;
    }

    public ExportFormat format() {
        return format;
    }

    /**
     * Writes the export to {@code out} (flushed, not closed) and returns the number of triples or quads written.
     * An IllegalArgumentException if the requested graph is not in the dataset.
     */
    public long write(DatasetGraph dsg, OutputStream out) throws IOException {
        Node voidGraph = Vocab.uri(VoidDescriber.GRAPH);
        Node only = graph == null ? null : Vocab.uri(graph);
        boolean voidOnly = voidGraph.equals(only);
        boolean withVoid = voidOnly || (only == null && includeVoid);

        List<Quad> quads = new ArrayList<>();
        Graph description = Txn.calculateRead(dsg, () -> {
            if (only != null && !voidOnly && !dsg.containsGraph(only)) {
                throw new IllegalArgumentException("no graph <" + graph + "> in the store");
            }
            if (!voidOnly) {
                Iterator<Quad> it = dsg.find(only == null ? Node.ANY : only, Node.ANY, Node.ANY, Node.ANY);
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (!voidGraph.equals(q.getGraph())) quads.add(q);
                }
            }
            return withVoid ? VoidDescriber.describe(VoidDescriber.union(dsg), sparqlEndpoint) : null;
        });
        if (description != null) description.find().forEachRemaining(t -> quads.add(Quad.create(voidGraph, t)));

        List<Quad> ordered = format.quads() ? quads : distinctTriples(quads);
        ordered.sort(Dump.ORDER);
        switch (format) {
            case TTL -> writeJena(ordered, RDFFormat.TURTLE_BLOCKS, false, out);
            case NQ -> writeJena(ordered, RDFFormat.NQUADS_UTF8, true, out);
            case TRIG -> writeJena(ordered, RDFFormat.TRIG_BLOCKS, true, out);
            case JSONLD -> writeRio(ordered, org.eclipse.rdf4j.rio.RDFFormat.JSONLD, out);
            case RDFXML -> writeRio(ordered, org.eclipse.rdf4j.rio.RDFFormat.RDFXML, out);
        }
        out.flush();
        return ordered.size();
    }

    /** Merges the graphs: each distinct triple once, as a quad of the default graph so that Dump.ORDER sorts it. */
    private static List<Quad> distinctTriples(List<Quad> quads) {
        Set<Triple> seen = new HashSet<>();
        List<Quad> triples = new ArrayList<>();
        for (Quad q : quads) {
            Triple t = q.asTriple();
            if (seen.add(t)) triples.add(Quad.create(Quad.defaultGraphIRI, t));
        }
        return triples;
    }

    private static void writeJena(List<Quad> ordered, RDFFormat jenaFormat, boolean quads, OutputStream out) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, jenaFormat);
        w.start();
        sortedPrefixes().forEach(e -> w.prefix(e.getKey(), e.getValue()));
        for (Quad q : ordered) {
            if (quads) w.quad(q);
            else w.triple(q.asTriple());
        }
        w.finish();
    }

    private static void writeRio(List<Quad> ordered, org.eclipse.rdf4j.rio.RDFFormat rioFormat, OutputStream out) {
        RDFWriter w = Rio.createWriter(rioFormat, out);
        w.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
        if (rioFormat == org.eclipse.rdf4j.rio.RDFFormat.JSONLD) {
            // compact form: the prefixes become the @context
            w.getWriterConfig().set(JSONLDSettings.JSONLD_MODE, JSONLDMode.COMPACT);
            w.getWriterConfig().set(JSONLDSettings.COMPACT_ARRAYS, true);
        }
        w.startRDF();
        sortedPrefixes().forEach(e -> w.handleNamespace(e.getKey(), e.getValue()));
        RioBridge bridge = new RioBridge();
        for (Quad q : ordered) w.handleStatement(bridge.statement(q.asTriple()));
        w.endRDF();
    }

    private static List<Map.Entry<String, String>> sortedPrefixes() {
        return PREFIXES.getNsPrefixMap().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    public static final class Builder {
        private ExportFormat format;
        private String graph;
        private boolean includeVoid = true;
        private String sparqlEndpoint;

        private Builder() {}

        public Builder format(ExportFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Only this named graph (an article's IRI, the links graph, ...); null for everything. */
        public Builder graph(String iri) {
            this.graph = iri == null || iri.isBlank() ? null : iri.strip();
            return this;
        }

        /** Whether to add the VoID description (default true). */
        public Builder includeVoid(boolean includeVoid) {
            this.includeVoid = includeVoid;
            return this;
        }

        /** The public SPARQL endpoint, stated in the VoID description when given. */
        public Builder sparqlEndpoint(String url) {
            this.sparqlEndpoint = url;
            return this;
        }

        public Exporter build() {
            if (format == null) throw new IllegalStateException("no format");
            return new Exporter(this);
        }
    }
}
