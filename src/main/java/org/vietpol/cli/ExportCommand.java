package org.vietpol.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vietpol.export.ExportFormat;
import org.vietpol.export.Exporter;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the knowledge graph as RDF with a VoID description of the dataset.",
                "ttl, jsonld and rdfxml hold the union of all graphs; nq and trig keep the",
                "named graphs, the description in https://w3id.org/vietpol/graph/void.",
                "The same store always gives the same bytes.",
                "Example: vietpol export --format ttl --out vietpol.ttl"})
public final class ExportCommand implements Callable<Integer> {
    /** Formats planned for graph visualisation tools, refused until they exist. */
    private static final Set<String> NOT_YET = Set.of("dot", "graphml", "cytoscape-json");

    @Mixin
    StoreOption store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "ttl, nq, trig, jsonld or rdfxml.")
    String format;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Only this named graph (e.g. an article's IRI), without the VoID description.")
    String graph;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--no-void", description = "Leave out the VoID description.")
    boolean noVoid;

    @Option(names = "--sparql-endpoint", paramLabel = "URL",
            description = "Public SPARQL endpoint to state in the VoID description.")
    String sparqlEndpoint;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = parseFormat(format);
        if (graph != null && graph.startsWith("<") && graph.endsWith(">")) graph = graph.substring(1, graph.length() - 1);
        if (graph != null && !graph.contains(":")) {
            throw new Main.UserError("--graph takes an IRI, e.g. https://w3id.org/vietpol/id/article/ID; got '" + graph + "'");
        }
        if (!Files.isDirectory(store.store)) {
            throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' first");
        }
        Exporter exporter = Exporter.create().format(f).graph(graph).includeVoid(!noVoid)
                .sparqlEndpoint(sparqlEndpoint).build();
        try (GraphStore gs = GraphStore.open(store.store)) {
            if (out == null) {
                exporter.write(gs.dataset(), System.out);
            } else {
                write(exporter, gs, out);
            }
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        return Main.OK;
    }

    /** Through a temporary file, so a failed export never leaves half a file under the real name. */
    private static void write(Exporter exporter, GraphStore gs, Path file) throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            exporter.write(gs.dataset(), os);
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static ExportFormat parseFormat(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (NOT_YET.contains(n)) {
            throw new Main.UserError("--format " + n + " is not yet supported; use one of " + ExportFormat.names());
        }
        try {
            return ExportFormat.of(n);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
    }
}
