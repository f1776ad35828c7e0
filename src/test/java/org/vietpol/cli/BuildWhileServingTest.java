package org.vietpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.graph.Iris;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.serve.LoadTest;
import org.vietpol.store.GraphStore;
import picocli.CommandLine;

/**
 * {@code serve --build}: 50 HTTP clients run the named queries in loops while a build of a few thousand articles runs
 * in the same process on the same store. One scenario, run once; each test checks one property of it.
 */
@Tag("slow")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BuildWhileServingTest {

    static final int CLIENTS = 50;
    static final int COPIES = 2_000;
    static final Path SEEDS = Path.of("seeds");

    @TempDir
    static Path dir;

    static List<Path> seedFiles;
    static BuildReport report;
    static Throwable buildFailure;
    static long buildStart;
    static long buildEnd;
    static final AtomicLong answered = new AtomicLong();
    static final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    /** When each answer arrived, in nanoseconds. */
    static final ConcurrentLinkedQueue<Long> answerTimes = new ConcurrentLinkedQueue<>();
    static ServeCommand.Serving serving;
    static String endpoint;
    static HttpClient afterwards;

    @BeforeAll
    static void serveWhileBuilding() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "run from the project directory");
        try (Stream<Path> s = Files.list(SEEDS)) {
            seedFiles = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        Path store = dir.resolve("store");
        try (GraphStore gs = GraphStore.open(store)) {
            Build.create().build().run(List.of(SEEDS), gs);
        }
        Path copies = Files.createDirectories(dir.resolve("copies"));
        for (int i = 0; i < COPIES; i++) {
            Path seed = seedFiles.get(i % seedFiles.size());
            Files.copy(seed, copies.resolve(String.format("copy%04d-%s", i, seed.getFileName())));
        }

        List<NamedQuery> queries = NamedQueries.defaults().all().stream().filter(q -> !q.needsInternet()).toList();
        // No query timeout: 50 clients and a build share few cores here; this is about answers, not speed.
        ServerOptions opts = CommandLine.populateCommand(new ServerOptions(), "--port", "0", "--timeout", "0");
        buildStart = System.nanoTime();
        serving = ServeCommand.start(store, opts, List.of(copies));
        endpoint = serving.server().sparqlUrl();

        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int first = c;
            Thread t = new Thread(() -> runClient(queries, first), "client-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        try {
            report = serving.build().get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            buildFailure = e.getCause();
        }
        buildEnd = System.nanoTime();
        for (Thread t : clients)
            t.join(TimeUnit.MINUTES.toMillis(3));
        afterwards = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (serving != null)
            serving.close();
    }

    private static void runClient(List<NamedQuery> queries, int first) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Query> bound = queries.stream().map(LoadTest::bindSample).toList();
        int next = first % queries.size();
        while (!serving.build().isDone()) {
            int i = next;
            next = (next + 1) % queries.size();
            long t0 = System.nanoTime();
            String failure = ask(http, bound.get(i));
            long t1 = System.nanoTime();
            if (failure == null) {
                answered.incrementAndGet();
                answerTimes.add(t1);
            } else {
                errors.add(String.format("%s after %d ms, %d ms into the build: %s", queries.get(i).name(),
                        (t1 - t0) / 1_000_000, (t1 - buildStart) / 1_000_000, failure));
            }
        }
    }

    /** Runs one query; null when the answer was a 200 whose results parse. */
    private static String ask(HttpClient http, Query q) {
        boolean table = q.isSelectType() || q.isAskType();
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", table ? "application/sparql-results+json" : "application/n-triples")
                .POST(HttpRequest.BodyPublishers.ofString(q.toString(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = resp.body()) {
                if (resp.statusCode() != 200)
                    return resp.statusCode() + " " + new String(body.readNBytes(300), StandardCharsets.UTF_8);
                if (q.isSelectType())
                    ResultSetMgr.read(body, ResultSetLang.RS_JSON).forEachRemaining(row -> {});
                else if (q.isAskType())
                    ResultSetMgr.readBoolean(body, ResultSetLang.RS_JSON);
                else
                    RDFParser.source(body).lang(Lang.NTRIPLES).parse(StreamRDFLib.sinkNull());
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void theBuildCompletesWhileTheServerRuns() {
        assertNull(buildFailure, () -> "build failed: " + buildFailure);
        assertNotNull(report);
        assertEquals(COPIES, report.articlesLoaded(), report::summary);
        assertTrue(report.skipped().isEmpty(), () -> report.skipped().toString());
    }

    @Test
    void everyResponseDuringTheBuildIsA200WithParseableResults() {
        List<String> sample = new ArrayList<>(errors);
        assertEquals(0, sample.size(), () -> sample.size() + " errors, e.g. " + sample.subList(0, Math.min(5, sample.size())));
        assertTrue(answered.get() > CLIENTS, "answers: " + answered.get());
    }

    @Test
    void queriesAreAnsweredThroughoutTheBuild() {
        // Readers must see the last committed state, not wait for the writer: every fifth of the build has answers.
        int slices = 5;
        long span = (buildEnd - buildStart) / slices;
        long[] perSlice = new long[slices];
        for (long t : answerTimes) {
            int slice = (int) ((t - buildStart) / Math.max(1, span));
            if (slice >= 0 && slice < slices)
                perSlice[slice]++;
        }
        List<Long> counts = new ArrayList<>();
        for (long n : perSlice)
            counts.add(n);
        assertTrue(Collections.min(counts) > 0,
                "answers per fifth of the " + (buildEnd - buildStart) / 1_000_000 + " ms build: " + counts);
    }

    @Test
    void afterTheBuildTheNewArticlesAreVisible() throws Exception {
        assumeTrue(report != null, "the build did not finish");
        String last = String.format("copy%04d-%s", COPIES - 1, seedFiles.get((COPIES - 1) % seedFiles.size())
                .getFileName().toString().replaceFirst("\\.txt$", ""));
        String ask = "ASK { GRAPH <" + Iris.article(last) + "> { ?s ?p ?o } }";
        String count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g <" + org.vietpol.graph.Vocab.CONTENT_HASH.getURI()
                + "> ?h } }";
        HttpResponse<String> yes = afterwards.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ask)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, yes.statusCode());
        assertTrue(yes.body().contains("true"), yes.body());
        HttpResponse<String> n = afterwards.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(count)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, n.statusCode());
        assertEquals(String.valueOf(COPIES + seedFiles.size()), n.body().lines().skip(1).findFirst().orElse("").strip());
    }
}
