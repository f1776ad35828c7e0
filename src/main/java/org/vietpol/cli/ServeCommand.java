package org.vietpol.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.vietpol.query.NamedQueries;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the store with an embedded Apache Jena Fuseki: read-only SPARQL at /vietpol/sparql",
                "(the union of all article graphs), Graph Store reads at /vietpol/get, a start page at /."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(store.store)) {
            throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' (or 'vietpol up') first");
        }
        serve(GraphStore.open(store.store), server);
        return Main.OK;
    }

    static void serve(GraphStore gs, ServerOptions opts) {
        SparqlServer s = SparqlServer.create().dataset(gs.dataset()).host(opts.host).port(opts.port)
                .queries(NamedQueries.defaults().all()).build().start();
        System.out.println("SPARQL endpoint: " + s.sparqlUrl());
        System.out.println("Start page:      " + s.url());
        System.out.println("Press Ctrl-C to stop.");
        s.join();
    }
}
