package org.vietpol.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.vietpol.spark.GspSender;
import org.vietpol.spark.Parts;
import org.vietpol.spark.StoreLoader;
import org.vietpol.store.Dump;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads the N-Quads parts of `vietpol spark` into the TDB2 store with Jena's bulk loader and computes",
                "the merged graph, the article counts, the tallies and the tenures: the store is the one `vietpol build`",
                "makes of the same input. PARTS: a spark output folder (its last complete run), a run's folder, a quads",
                "folder or .nq/.nq.gz files, on this machine. With --endpoint, sends the article graphs to a SPARQL 1.1",
                "Graph Store Protocol endpoint instead (PUT per graph, in batches, with retries), persons resolved as",
                "in a new store (the endpoint's persons are not consulted) and the resolution graph last; the derived",
                "data is then the endpoint's business.",
                "Exit status: 0 loaded, 2 usage error, 3 internal failure."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    DecisionsOption decisions;

    @Option(names = "--dump", paramLabel = "FILE", description = "Also write the whole dataset to FILE (.nq or .trig), sorted, as `build --dump` does.")
    Path dump;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A Graph Store Protocol endpoint (e.g. http://host:3030/ds/data) to send the article graphs to instead of the store.")
    URI endpoint;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Graphs per batch sent to the endpoint (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "4", description = "Requests at once within a batch (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5", description = "Retries of a failed request, with a growing pause (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--credentials", paramLabel = "FILE", description = "A file whose first line is user:password, for HTTP Basic authentication at the endpoint.")
    Path credentials;

    @Option(names = "--unresolved", description = {"With --endpoint: send the article graphs as the Spark job wrote them, persons",
            "unresolved (by default they are resolved as a load into a new store resolves them, and the resolution",
            "graph is sent too)."})
    boolean unresolved;

    @Option(names = "--derive-only", description = {"The article graphs are in the store already (loaded by tdb2.xloader):",
            "compute only the merged graph, counts, tallies and tenures. PARTS, if given, only tell the rules' fingerprint."})
    boolean deriveOnly;

    @Parameters(arity = "0..*", paramLabel = "PARTS", description = "Spark output folder, run folder, quads folder or part files.")
    List<Path> parts = List.of();

    @Override
    public Integer call() throws Exception {
        if (dump != null) Dump.formatFor(dump); // refuse a bad name before the work, not after
        if (parts.isEmpty() && !deriveOnly) throw new Main.UserError("give the parts to load (a spark output folder or part files)");
        Parts.Resolved resolved = parts.isEmpty() ? new Parts.Resolved(List.of(), null) : Parts.resolve(parts);
        if (endpoint != null) {
            if (dump != null || deriveOnly) throw new Main.UserError("--dump and --derive-only need a store: leave out --endpoint");
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                throw new Main.UserError("--endpoint must be an http or https URL: " + endpoint);
            }
            String auth = credentials == null ? null : Files.readAllLines(credentials).stream().findFirst().orElse("").strip();
            GspSender sender = new GspSender(endpoint, batch, connections, retries, Duration.ofMillis(500), auth);
            if (!unresolved) sender.resolving(decisions.read());
            GspSender.Report r = sender.send(resolved);
            System.out.println(r.summary());
            System.out.println("endpoint: " + endpoint);
            return Main.OK;
        }
        if (deriveOnly && !Files.isDirectory(store.store)) throw new Main.UserError("no store at " + store.store);
        StoreLoader.Report r;
        try (GraphStore gs = GraphStore.open(store.store)) {
            r = deriveOnly ? StoreLoader.derive(gs, resolved.fingerprint(), decisions.read()) : StoreLoader.load(gs, resolved, decisions.read());
            if (dump != null) Dump.write(gs.dataset(), dump);
        }
        System.out.println(r.summary());
        System.out.println("store: " + store.store + (dump == null ? "" : ", dump: " + dump));
        return Main.OK;
    }
}
