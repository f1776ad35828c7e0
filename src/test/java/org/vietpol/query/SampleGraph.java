package org.vietpol.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.vietpol.store.GraphStore;

/**
 * The test graph {@code sample.trig} in an in-memory TDB2 dataset answering over the union of its named
 * graphs, as the Fuseki endpoint does, and a method that runs a SELECT into plain rows.
 */
final class SampleGraph {
    static final String RESOURCE = "sample.trig";

    private SampleGraph() {}

    /** The sample graph with the union of the named graphs as default graph. */
    static Dataset load() {
        return load(RESOURCE, true);
    }

    static Dataset load(String resource, boolean unionDefaultGraph) {
        Dataset ds = TDB2Factory.createDataset();
        try (InputStream in = SampleGraph.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("test resource " + resource + " is missing");
            ds.executeWrite(() -> RDFParser.source(in).lang(Lang.TRIG).parse(ds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the merged graph, as a build writes it
        GraphStore.remerge(ds.asDatasetGraph());
        if (unionDefaultGraph) ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        return ds;
    }

    /** A dataset holding the given TriG text, union default graph on. */
    static Dataset fromTrig(String trig) {
        Dataset ds = TDB2Factory.createDataset();
        ds.executeWrite(() -> RDFParser.fromString(trig, Lang.TRIG).parse(ds));
        GraphStore.remerge(ds.asDatasetGraph());
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        return ds;
    }

    /**
     * The rows of a SELECT, in order: variable to value, literals as their lexical form, IRIs as strings;
     * unbound variables are absent from a row.
     */
    static List<Map<String, String>> select(Dataset ds, Query query) {
        return ds.calculateRead(() -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
                ResultSet rs = qe.execSelect();
                List<String> vars = rs.getResultVars();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars) {
                        RDFNode n = s.get(v);
                        if (n == null) continue;
                        row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** The number of quads in all named graphs plus the stored default graph. */
    static long size(Dataset ds) {
        return ds.calculateRead(() -> ds.asDatasetGraph().stream().count());
    }
}
