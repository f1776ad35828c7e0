package org.vietpol.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.serve.LoadTest;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load-test", mixinStandardHelpOptions = true,
        description = {"Runs the named queries from N concurrent clients for S seconds against a SPARQL",
                "endpoint on this machine (--url), or against a server it starts on a free",
                "loopback port over --store, then stops. Only loopback addresses are accepted.",
                "Required query parameters get sample values (a string: Huế).",
                "Prints throughput, latency (median, p95, p99, max) and errors; the last line is",
                "load-test: clients= seconds= queries= qps= p50_ms= p95_ms= p99_ms= errors=",
                "Exit status: 0 no errors, 1 some queries failed, 2 usage error."})
final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL",
            description = "SPARQL endpoint on this machine, e.g. http://127.0.0.1:3030/vietpol/sparql (a bare server URL means its /vietpol/sparql).")
    URI url;

    @Option(names = "--store", paramLabel = "DIR",
            description = "TDB2 store to serve for the test when no --url is given (default: data/store); not open in another process.")
    Path store;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "20", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "How long to run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--queries", paramLabel = "NAME", split = ",",
            description = "Named queries to run (default: all that need no internet).")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        if (url != null && store != null) throw new Main.UserError("give --url or --store, not both");
        List<NamedQuery> queries = chooseQueries();
        LoadTest.Builder b;
        try {
            b = LoadTest.create().clients(clients).duration(Duration.ofSeconds(seconds)).queries(queries);
            if (url != null) b.endpoint(url);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        LoadTest.Result result;
        if (url != null) {
            result = b.build().run();
        } else {
            Path dir = store != null ? store : Path.of("data/store");
            if (!Files.isDirectory(dir)) throw new Main.UserError("no store at " + dir + ": run 'vietpol build' first");
            try (GraphStore gs = GraphStore.open(dir)) {
                SparqlServer server = SparqlServer.create().dataset(gs.dataset()).host("127.0.0.1").port(0)
                        .queries(NamedQueries.defaults().all()).build().start();
                try {
                    result = b.endpoint(URI.create(server.sparqlUrl())).build().run();
                } finally {
                    server.stop();
                }
            }
        }
        System.out.print(result.report());
        return result.errors() == 0 ? Main.OK : Main.SKIPPED;
    }

    private List<NamedQuery> chooseQueries() {
        NamedQueries all = NamedQueries.defaults();
        if (names == null || names.isEmpty()) {
            List<NamedQuery> local = all.all().stream().filter(q -> !q.needsInternet()).toList();
            if (local.isEmpty()) throw new Main.UserError("no named queries to run");
            return local;
        }
        List<NamedQuery> chosen = new ArrayList<>();
        for (String n : names) {
            NamedQuery q = all.get(n.strip()).orElseThrow(() -> new Main.UserError("no named query '" + n.strip()
                    + "'; 'vietpol query --list' shows them"));
            if (q.needsInternet()) throw new Main.UserError("query " + q.name() + " calls a remote endpoint; a load test stays on this machine");
            chosen.add(q);
        }
        return chosen;
    }
}
