package org.vietpol.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;

/** The seed articles built once into an in-memory store, shared by the tests of this package, and what they do with it. */
final class SeedStore {
    private static GraphStore store;

    private SeedStore() {}

    static synchronized GraphStore get() {
        if (store == null) {
            GraphStore built = GraphStore.inMemory();
            Build.create().build().run(List.of(Path.of("seeds")), built);
            store = built;
        }
        return store;
    }

    /** A private copy of the seed store with the links of {@code links.nq} added (the shared store stays as built). */
    static DatasetGraph withLinks() {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        DatasetGraph seeds = get().dataset();
        Txn.executeRead(seeds, () -> Txn.executeWrite(copy,
                () -> seeds.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add)));
        try (InputStream in = SeedStore.class.getResourceAsStream("links.nq")) {
            Txn.executeWrite(copy, () -> RDFParser.source(in).lang(Lang.NQUADS).parse(copy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    static byte[] export(DatasetGraph dsg, Exporter exporter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.write(dsg, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] export(ExportFormat format) {
        return export(get().dataset(), Exporter.create().format(format).build());
    }

    /** A number computed by SPARQL over the dataset (the query binds ?n). */
    static long count(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query).build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    /** Distinct triples over all named graphs but the VoID graph, counted by SPARQL. */
    static long distinctTriples(DatasetGraph dsg) {
        return count(dsg, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o }"
                + " FILTER(?g != <" + VoidDescriber.GRAPH + ">) } }");
    }

    static Lang jenaLang(ExportFormat f) {
        return switch (f) {
            case TTL -> Lang.TURTLE;
            case NQ -> Lang.NQUADS;
            case TRIG -> Lang.TRIG;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
        };
    }

    static org.eclipse.rdf4j.rio.RDFFormat rioFormat(ExportFormat f) {
        return switch (f) {
            case TTL -> org.eclipse.rdf4j.rio.RDFFormat.TURTLE;
            case NQ -> org.eclipse.rdf4j.rio.RDFFormat.NQUADS;
            case TRIG -> org.eclipse.rdf4j.rio.RDFFormat.TRIG;
            case JSONLD -> org.eclipse.rdf4j.rio.RDFFormat.JSONLD;
            case RDFXML -> org.eclipse.rdf4j.rio.RDFFormat.RDFXML;
        };
    }
}
