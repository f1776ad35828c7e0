package org.vietpol.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vietpol.export.VoidDescriber;
import org.vietpol.graph.Vocab;
import org.vietpol.store.Dump;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vietpol.export.ExportFormat;
import org.vietpol.export.Exporter;
import org.vietpol.export.GraphExporter;
import org.vietpol.export.GraphFormat;
import org.vietpol.export.OfficialsExporter;
import org.vietpol.export.OfficialsFormat;
import org.vietpol.export.PropertyGraph;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the knowledge graph as RDF with a VoID description of the dataset,",
                "or as a property graph for Graphviz (dot), Gephi and yEd (graphml) or",
                "Cytoscape (cytoscape-json), or as officials data: who held which post when,",
                "as Popolo JSON (popolo) or FollowTheMoney entities in JSON lines (ftm).",
                "ttl, jsonld and rdfxml hold the union of all graphs; nq and trig keep the",
                "named graphs, the description in https://w3id.org/vietpol/graph/void.",
                "dot, graphml and cytoscape-json hold persons, organizations, units, meetings",
                "and documents as typed, labelled nodes; positions (labelled with the role),",
                "organizers, chairs, attendees, issuers and jurisdictions as edges.",
                "popolo and ftm hold persons, bodies, posts and tenures with their dates",
                "(Popolo memberships, FtM Occupancies), and Popolo areas.",
                "The same store always gives the same bytes.",
                "Examples: vietpol export --format ttl --out vietpol.ttl",
                "          vietpol export --format graphml --place Huế --out hue.graphml",
                "          vietpol export --format popolo --out officials.json"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "ttl, nq, trig, jsonld or rdfxml (RDF); dot, graphml or cytoscape-json (property graph);"
                    + " popolo or ftm (officials data).")
    String format;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "RDF formats: only this named graph (e.g. an article's IRI), without the VoID description.")
    String graph;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--no-void", description = "RDF formats: leave out the VoID description.")
    boolean noVoid;

    @Option(names = "--sparql-endpoint", paramLabel = "URL",
            description = "RDF formats: public SPARQL endpoint to state in the VoID description.")
    String sparqlEndpoint;

    @Option(names = "--place", paramLabel = "NAME",
            description = "dot, graphml, cytoscape-json: only the organizations whose jurisdiction (or its"
                    + " parent unit) is named NAME, with their people, meetings and documents. Accents and case"
                    + " are optional: \"hue\" finds Huế.")
    String place;

    @Option(names = "--no-units", description = "dot, graphml, cytoscape-json: leave out the administrative units.")
    boolean noUnits;

    @Override
    public Integer call() throws Exception {
        OfficialsFormat of = OfficialsFormat.find(format);
        if (of != null) return exportOfficials(of);
        GraphFormat gf = GraphFormat.find(format);
        if (gf != null) return exportGraph(gf);
        ExportFormat f = parseFormat(format);
        if (place != null) throw new Main.UserError(onlyGraphFormats("--place", f));
        if (noUnits) throw new Main.UserError(onlyGraphFormats("--no-units", f));
        if (graph != null && graph.startsWith("<") && graph.endsWith(">")) graph = graph.substring(1, graph.length() - 1);
        if (graph != null && !graph.contains(":")) {
            throw new Main.UserError("--graph takes an IRI, e.g. https://w3id.org/vietpol/id/article/ID; got '" + graph + "'");
        }
        requireStore();
        Exporter exporter = Exporter.create().format(f).graph(graph).includeVoid(!noVoid)
                .sparqlEndpoint(sparqlEndpoint).build();
        try (GraphStore gs = GraphStore.open(store.store)) {
            // N-Quads, TriG and Turtle stream through the store's external sort; JSON-LD and RDF/XML are built whole
            Body body = f == ExportFormat.NQ || f == ExportFormat.TRIG || f == ExportFormat.TTL
                    ? os -> streamSorted(gs.dataset(), f, os)
                    : os -> exporter.write(gs.dataset(), os);
            if (out == null) {
                body.writeTo(System.out);
                System.out.flush();
            } else {
                write(body, out);
            }
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        return Main.OK;
    }

    /** The property-graph formats: the graph is read in full before any output, so a bad --place writes nothing. */
    private Integer exportGraph(GraphFormat gf) throws Exception {
        if (graph != null) throw new Main.UserError("--graph applies only to the RDF formats (" + ExportFormat.names() + ")");
        if (sparqlEndpoint != null) {
            throw new Main.UserError("--sparql-endpoint applies only to the RDF formats (" + ExportFormat.names() + ")");
        }
        if (place != null && place.isBlank()) throw new Main.UserError("--place needs a place name, e.g. --place Huế");
        requireStore();
        GraphExporter exporter = GraphExporter.create().format(gf).place(place).units(!noUnits).build();
        PropertyGraph g;
        try (GraphStore gs = GraphStore.open(store.store)) {
            g = exporter.read(gs.dataset());
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        if (out == null) {
            exporter.write(g, System.out);
        } else {
            write(os -> exporter.write(g, os), out);
        }
        return Main.OK;
    }

    /** Popolo and FollowTheMoney: read from the tenures of the merged graph. */
    private Integer exportOfficials(OfficialsFormat of) throws Exception {
        for (String[] o : new String[][] {{"--graph", graph}, {"--sparql-endpoint", sparqlEndpoint}, {"--place", place},
                {"--no-units", noUnits ? "" : null}, {"--no-void", noVoid ? "" : null}}) {
            if (o[1] != null) throw new Main.UserError(o[0] + " does not apply to " + of.cliName());
        }
        requireStore();
        OfficialsExporter exporter = OfficialsExporter.create().format(of).build();
        try (GraphStore gs = GraphStore.open(store.store)) {
            if (out == null) {
                exporter.write(gs.dataset(), System.out);
            } else {
                write(os -> exporter.write(gs.dataset(), os), out);
            }
        }
        return Main.OK;
    }

    private static String onlyGraphFormats(String option, ExportFormat f) {
        return option + " applies only to the graph formats (" + GraphFormat.names() + "), not to " + f.cliName();
    }

    private void requireStore() {
        if (!Files.isDirectory(store.store)) {
            throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' first");
        }
    }

    /**
     * What {@link Exporter} writes for N-Quads, TriG and Turtle (the quads, or each distinct triple once, sorted, with
     * the VoID description unless left out), through {@link Dump#writeSorted}: runs of quads sorted in memory and
     * merged from disk, so the heap does not hold the dataset (the VoID description still counts distinct triples).
     */
    private void streamSorted(DatasetGraph dsg, ExportFormat f, OutputStream os) throws IOException {
        Node voidGraph = Vocab.uri(VoidDescriber.GRAPH);
        Node only = graph == null ? null : Vocab.uri(graph);
        boolean voidOnly = voidGraph.equals(only);
        boolean withVoid = voidOnly || (only == null && !noVoid);
        if (only != null && !voidOnly && !Txn.calculateRead(dsg, () -> dsg.containsGraph(only)))
            throw new IllegalArgumentException("no graph <" + graph + "> in the store");
        Graph description = withVoid ? VoidDescriber.describe(dsg, sparqlEndpoint) : null;
        RDFFormat format = switch (f) {
            case NQ -> RDFFormat.NQUADS_UTF8;
            case TRIG -> RDFFormat.TRIG_BLOCKS;
            default -> RDFFormat.TURTLE_BLOCKS;
        };
        Dump.writeSorted(sink -> {
            if (!voidOnly) Txn.executeRead(dsg, () -> dsg.find(only == null ? Node.ANY : only, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> {
                        if (!voidGraph.equals(q.getGraph())) sink.accept(q);
                    }));
            if (description != null) description.find().forEachRemaining(t -> sink.accept(Quad.create(voidGraph, t)));
        }, os, format, f.quads(), Exporter.prefixes());
    }

    /** Writes to an output stream. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream os) throws IOException;
    }

    /** Through a temporary file, so a failed export never leaves half a file under the real name. */
    private static void write(Body body, Path file) throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            body.writeTo(os);
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An RDF format by name; a usage error listing every format, RDF and graph, otherwise. */
    static ExportFormat parseFormat(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        try {
            return ExportFormat.of(n);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("unknown export format '" + name + "'; choose one of " + ExportFormat.names()
                    + ", " + GraphFormat.names() + ", " + OfficialsFormat.names());
        }
    }
}
