package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.query.NamedQueries;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store with an embedded Apache Jena Fuseki: SPARQL at /vietpol/sparql",
                "(the union of all article graphs), Graph Store reads at /vietpol/get, a start",
                "page at /. Read only unless --allow-update.",
                "With --build, articles are built into the store in the background while it is",
                "served; queries see the store as it was at its last commit.",
                "A TDB2 store takes many readers and one writer, all in one process: two",
                "processes cannot share a store. Stop the server before 'vietpol build' on its",
                "store, or build through 'serve --build'."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    ServerOptions server;

    @Option(names = "--build", arity = "1..*", paramLabel = "PATH",
            description = "Article files or folders to build into the store while serving it.")
    List<Path> build;

    @Override
    public Integer call() throws Exception {
        boolean building = build != null && !build.isEmpty();
        if (!building && !Files.isDirectory(store.store)) {
            throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' (or 'vietpol up') first,"
                    + " or give --build PATH");
        }
        serve(store.store, server, building ? build : List.of());
        return Main.OK;
    }

    /** A running server and, when asked for, the build running beside it (a null report when there is none). */
    record Serving(SparqlServer server, GraphStore store, CompletableFuture<BuildReport> build) implements AutoCloseable {
        /** Stops the server, lets the build finish (TDB2 commits or discards it whole), releases the store. */
        @Override
        public void close() {
            server.stop();
            try {
                build.join();
            } catch (RuntimeException e) {
                // reported where the build is awaited
            }
            store.close();
        }
    }

    /** Serves the store until the process ends, building {@code inputs} (if any) in the background. */
    static void serve(Path storeDir, ServerOptions opts, List<Path> inputs) throws Exception {
        Serving s = start(storeDir, opts, inputs);
        System.out.println("SPARQL endpoint: " + s.server().sparqlUrl());
        if (s.server().updatable())
            System.out.println("SPARQL Update:   " + s.server().updateUrl() + " (Graph Store: " + s.server().dataUrl() + ")");
        System.out.println("Start page:      " + s.server().url());
        if (!inputs.isEmpty()) {
            System.out.println("Building " + inputs + " in the background; queries see the last committed state.");
            s.build().whenComplete((report, failure) -> {
                if (failure != null) {
                    System.err.println("vietpol: the build failed, the store keeps its last committed state: "
                            + (failure.getCause() != null ? failure.getCause() : failure));
                } else {
                    System.out.println(report.summary());
                    System.out.println("build finished; the server answers from the new state");
                }
            });
        }
        System.out.println("Press Ctrl-C to stop.");
        s.server().join();
    }

    /**
     * Starts the server on the store at once and, if there are inputs, the build in a background thread of this
     * process (TDB2's one writer); the build's outcome is the returned future.
     */
    static Serving start(Path storeDir, ServerOptions opts, List<Path> inputs) throws Exception {
        for (Path p : inputs) if (!Files.exists(p)) throw new Main.UserError("no such file or folder: " + p);
        SparqlServer.Builder builder = opts.configure(SparqlServer.create(), System.err::println);
        GraphStore gs = GraphStore.open(storeDir).sharedWithReaders(true);
        SparqlServer server;
        try {
            server = builder.dataset(gs.dataset()).queries(NamedQueries.defaults().all()).build().start();
        } catch (RuntimeException e) {
            gs.close();
            throw e;
        }
        CompletableFuture<BuildReport> report = new CompletableFuture<>();
        if (inputs.isEmpty()) {
            report.complete(null);
        } else {
            List<Path> in = List.copyOf(inputs);
            org.vietpol.resolve.Decisions decisions = DecisionsOption.read(null);
            Thread t = new Thread(() -> {
                try {
                    report.complete(Build.create().decisions(decisions).build().run(in, gs));
                } catch (Throwable e) {
                    report.completeExceptionally(e);
                }
            }, "vietpol-build");
            t.setDaemon(true);
            t.start();
        }
        return new Serving(server, gs, report);
    }
}
