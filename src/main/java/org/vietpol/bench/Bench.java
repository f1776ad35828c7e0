package org.vietpol.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.eval.Gold;
import org.vietpol.eval.Scorer;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.GraphMapper;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;
import org.vietpol.query.QueryBinder;
import org.vietpol.serve.LoadTest;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.Dump;
import org.vietpol.store.GraphStore;

/**
 * Measures the whole tool on a generated corpus: extraction throughput (one thread, all cores), the end-to-end
 * build into a fresh TDB2 store against Jena's own bulk loader loading the same quads (the floor), peak heap,
 * store size, every named query over HTTP, and the F1 on the generated gold. Prints each figure as it goes.
 */
public final class Bench {
    /** The figures of one run. */
    public record Result(int articles, double extractPerSecOne, double extractPerSecAll, double mbPerSecAll,
                         double buildSeconds, double loaderSeconds, long quads, long heapMb, long storeMb,
                         Map<String, double[]> queryMillis, double queryP50, double queryP95,
                         Map<String, Scorer.Score> scores, double rebuildOneSeconds, LoadTest.Result load) {
        public double ratio() {
            return buildSeconds / loaderSeconds;
        }

        public String lastLine() {
            return String.format(java.util.Locale.ROOT,
                    "bench: articles=%d extract_per_s=%.0f build_s=%.1f loader_s=%.1f ratio=%.2f query_p50_ms=%.1f"
                            + " query_p95_ms=%.1f rebuild_one_s=%.1f heap_mb=%d load_qps=%.1f load_p95_ms=%.1f"
                            + " load_errors=%d f1_officials=%.3f",
                    articles, extractPerSecAll, buildSeconds, loaderSeconds, ratio(), queryP50, queryP95,
                    rebuildOneSeconds, heapMb, load == null ? 0 : load.qps(), load == null ? 0 : load.p95Millis(),
                    load == null ? 0 : load.errors(), scores.get("officials").f1());
        }
    }

    private static final int EXTRACT_SAMPLE = 3000;
    private static final int QUERY_RUNS = 10;
    /** The load test the bench runs against the served store: {@code vietpol load-test}'s defaults. */
    private static final int LOAD_CLIENTS = 20, LOAD_SECONDS = 30;

    private final Consumer<String> out;

    public Bench(Consumer<String> out) {
        this.out = out;
    }

    /** Extraction and mapping throughput on a sample of the corpus: articles/s on one thread and on all cores, MB/s. */
    public double[] extraction(Path corpus) throws Exception {
        Extractor extractor = Extractor.create().build();
        GraphMapper mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        List<Article> sample = readSample(corpus.resolve("articles"), EXTRACT_SAMPLE);
        long sampleBytes = sample.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
        for (Article a : sample) mapper.map(extractor.extract(a)); // warm-up
        double one = throughput(sample, extractor, mapper, 1);
        int cores = Runtime.getRuntime().availableProcessors();
        double all = throughput(sample, extractor, mapper, cores);
        double mbAll = all * sampleBytes / sample.size() / 1e6;
        out.accept(String.format("extraction: %.0f articles/s on 1 thread, %.0f articles/s (%.1f MB/s) on %d cores",
                one, all, mbAll, cores));
        return new double[] {one, all, mbAll};
    }

    /** Runs on a corpus folder holding {@code articles/} and {@code gold/}; {@code work} gets the stores. */
    public Result run(Path corpus, int articles, Path work) throws Exception {
        Extractor extractor = Extractor.create().build();
        GraphMapper mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        Path articleDir = corpus.resolve("articles");
        double[] rates = extraction(corpus);
        double one = rates[0], all = rates[1], mbAll = rates[2];

        Path storeDir = work.resolve("store");
        System.gc();
        HeapSampler heap = new HeapSampler();
        long t0 = System.nanoTime();
        BuildReport report;
        try (GraphStore gs = GraphStore.open(storeDir)) {
            report = Build.create().extractor(extractor).build().run(List.of(articleDir), gs);
        } finally {
            heap.stop();
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heapMb = heap.peakMb();
        out.accept(String.format("build: %d articles, %d quads in %.1f s (%d skipped), peak heap %d MB",
                report.articlesLoaded(), report.quads(), buildSeconds, report.skipped().size(), heapMb));

        Path nq = work.resolve("all.nq");
        try (GraphStore gs = GraphStore.open(storeDir)) {
            Dump.stream(gs.dataset(), nq);
        }
        Path floorDir = work.resolve("loader-store");
        long t1 = System.nanoTime();
        DatasetGraph floor = DatabaseMgr.connectDatasetGraph(floorDir.toString());
        DataLoader loader = LoaderFactory.phasedLoader(floor, (fmt, args) -> {});
        loader.startBulk();
        loader.load(nq.toString());
        loader.finishBulk();
        double loaderSeconds = (System.nanoTime() - t1) / 1e9;
        org.apache.jena.tdb2.sys.TDBInternal.expel(floor);
        out.accept(String.format("Jena phased bulk loader, same quads, fresh store: %.1f s; build / loader = %.2f",
                loaderSeconds, buildSeconds / loaderSeconds));
        long storeMb = size(storeDir) / (1024 * 1024);
        out.accept("store size: " + storeMb + " MB");

        Map<String, String> found;
        try (GraphStore gs = GraphStore.open(storeDir)) {
            found = requiredValues(gs);
        }
        LoadTest.Result[] load = new LoadTest.Result[1];
        Map<String, double[]> queryMillis = queries(storeDir, work, found, load);
        Map<String, Scorer.Score> scores;
        try (GraphStore gs = GraphStore.open(storeDir)) {
            scores = Scorer.score(gs.dataset(), goldSample(Gold.readDirectory(corpus.resolve("gold"))));
        }
        double p50 = queryMillis.values().stream().mapToDouble(v -> v[0]).max().orElse(0);
        double p95 = queryMillis.values().stream().mapToDouble(v -> v[1]).max().orElse(0);
        scores.values().forEach(s -> out.accept(String.format("F1 %-10s %.3f (P %.3f, R %.3f) over the gold of %d articles",
                s.category(), s.f1(), s.precision(), s.recall(), Math.min(articles, GOLD_SAMPLE))));

        // incremental: one article edited, the same store built again from the same folder
        Path edited;
        try (Stream<Path> files = Files.list(articleDir)) {
            edited = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        // a sentence before the first one of the body (text after the page's footer would be cut as clutter)
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        int line = text.lastIndexOf('\n', Math.max(0, text.indexOf(".\n"))) + 1;
        Files.writeString(edited, text.substring(0, line) + "Bài viết được cập nhật lúc 8 giờ sáng.\n\n"
                + text.substring(line), StandardCharsets.UTF_8);
        long t2 = System.nanoTime();
        BuildReport again;
        try (GraphStore gs = GraphStore.open(storeDir)) {
            again = Build.create().extractor(extractor).build().run(List.of(articleDir), gs);
        }
        double rebuildOne = (System.nanoTime() - t2) / 1e9;
        out.accept(String.format("rebuild after editing one article: %.1f s (%d article rebuilt, %d kept)", rebuildOne,
                again.articlesLoaded(), articles - again.articlesLoaded()));
        return new Result(articles, one, all, mbAll, buildSeconds, loaderSeconds, report.quads(), heapMb, storeMb,
                queryMillis, p50, p95, scores, rebuildOne, load[0]);
    }

    private static final int GOLD_SAMPLE = 20_000;

    /** Every gold file up to 20,000 articles, an evenly spread 20,000 beyond: the score's memory stays bounded. */
    static List<Gold> goldSample(List<Gold> all) {
        if (all.size() <= GOLD_SAMPLE) return all;
        List<Gold> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(Gold::id));
        List<Gold> out = new ArrayList<>();
        for (int i = 0; i < GOLD_SAMPLE; i++) out.add(sorted.get((int) ((long) i * sorted.size() / GOLD_SAMPLE)));
        return out;
    }

    private static List<Article> readSample(Path dir, int max) {
        List<Article> out = new ArrayList<>();
        ArticleSources.read(List.of(dir), new ArticleSink() {
            @Override
            public void article(Article a) {
                if (out.size() < max) out.add(a);
            }

            @Override
            public void problem(InputProblem p) {}
        });
        return out;
    }

    /**
     * Articles per second through extraction and mapping, over the sample, on {@code threads} threads: the median
     * of three runs (the JIT keeps compiling through the first).
     */
    private static double throughput(List<Article> sample, Extractor x, GraphMapper m, int threads) throws Exception {
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) runs[i] = throughputOnce(sample, x, m, threads);
        java.util.Arrays.sort(runs);
        return runs[1];
    }

    private static double throughputOnce(List<Article> sample, Extractor x, GraphMapper m, int threads) throws Exception {
        int rounds = Math.max(1, 6000 / sample.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            int total = sample.size() * rounds;
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < total; ) m.map(x.extract(sample.get(i % sample.size())));
                }));
            }
            for (Future<?> f : fs) f.get();
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Values the store holds for the required parameters, so that each query has real work to do. */
    private Map<String, String> requiredValues(GraphStore gs) {
        String place = lookup(gs, "?o vp:jurisdiction ?x . ?x skos:prefLabel ?v FILTER(LANG(?v) = 'vi')", "Hà Nội");
        Map<String, String> found = Map.of(
                "name", lookup(gs, "?m org:member ?x . ?x foaf:name ?v", place),
                "org", lookup(gs, "?m org:organization ?x . ?x skos:prefLabel ?v FILTER(LANG(?v) = 'vi')", place),
                "city", place,
                "place", place,
                "role", "Bí thư");
        out.accept("required parameters: " + found);
        return found;
    }

    /**
     * Median and 95th percentile (ms) of each named query run over HTTP against {@code vietpol serve}, started on
     * the store in its own process as a user starts it (with this JVM's options), not in the JVM that just built.
     */
    private Map<String, double[]> queries(Path storeDir, Path work, Map<String, String> found, LoadTest.Result[] load)
            throws Exception {
        List<NamedQuery> named = NamedQueries.defaults().all().stream().filter(q -> !q.needsInternet()).toList();
        String place = found.get("city");
        Map<String, double[]> res = new LinkedHashMap<>();
        try (ServeProcess server = ServeProcess.start(storeDir, work.resolve("serve.log"))) {
            HttpClient http = HttpClient.newHttpClient();
            for (NamedQuery q : named) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Param p : q.params()) {
                    if (p.optional()) continue;
                    values.put(p.name(), switch (p.type()) {
                        case STRING -> found.getOrDefault(p.name(), place);
                        case INTEGER -> "2024";
                        case DATE -> "2024-01-01";
                        case IRI -> "https://w3id.org/vietpol/id/unit/ha-noi";
                    });
                }
                Query bound = QueryBinder.bind(q, values);
                String body = "query=" + URLEncoder.encode(bound.serialize(), StandardCharsets.UTF_8);
                List<Double> ms = new ArrayList<>();
                int failed = 0;
                for (int i = 0; i < QUERY_RUNS + 2; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(server.sparqlUrl())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/sparql-results+json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    double took = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                        // a timeout or an error counts at its full time, and is reported: the figures stay honest
                        failed++;
                        if (i == 0) { // a query that cannot answer once is not run 20 more times
                            ms.add(took);
                            break;
                        }
                    }
                    if (i >= 2) ms.add(took); // two warm-up runs
                }
                Collections.sort(ms);
                double[] pq = {percentile(ms, 50), percentile(ms, 95), failed};
                res.put(q.name(), pq);
                out.accept(String.format("query %-38s median %7.1f ms  p95 %7.1f ms%s", q.name(), pq[0], pq[1],
                        failed > 0 ? "  (" + failed + " failed: HTTP error or timeout)" : ""));
            }
            // then vietpol load-test against the same server: 20 clients for 30 s over the same named queries
            load[0] = LoadTest.create().endpoint(server.sparqlUrl()).clients(LOAD_CLIENTS)
                    .duration(java.time.Duration.ofSeconds(LOAD_SECONDS)).queries(named).build().run();
            out.accept(load[0].summaryLine());
        }
        return res;
    }

    /** {@code vietpol serve} on a store, in a child JVM on a free localhost port; stopped on close. */
    private record ServeProcess(Process process, URI sparqlUrl) implements AutoCloseable {
        static ServeProcess start(Path storeDir, Path log) throws Exception {
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
                if (arg.startsWith("-X") || arg.startsWith("-D")) command.add(arg);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.vietpol.cli.Main", "serve",
                    "--store", storeDir.toString(), "--port", Integer.toString(port)));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI url = URI.create("http://127.0.0.1:" + port + "/" + SparqlServer.DATASET + "/sparql");
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (true) {
                if (!p.isAlive())
                    throw new IllegalStateException("vietpol serve stopped (exit " + p.exitValue() + "): " + Files.readString(log));
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "?query=ASK%7B%7D")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return new ServeProcess(p, url);
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("vietpol serve did not answer within 120 s: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM; the server only read the store, so there is nothing to flush
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }


    /** The first value of ?v in the merged graph matching {@code pattern}, or {@code fallback}. */
    private static String lookup(GraphStore gs, String pattern, String fallback) {
        String q = "PREFIX vp: <https://w3id.org/vietpol/ontology#> PREFIX org: <http://www.w3.org/ns/org#> "
                + "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT ?v { GRAPH <" + org.vietpol.graph.ArticleGraph.MERGED + "> { " + pattern + " } } LIMIT 1";
        return org.apache.jena.system.Txn.calculateRead(gs.dataset(), () -> {
            try (var qe = org.apache.jena.query.QueryExecution.create(q, org.apache.jena.query.DatasetFactory.wrap(gs.dataset()))) {
                var rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("v").getString() : fallback;
            }
        });
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /**
     * The most heap in use at once during the build, sampled every 50 ms (the pools' own peaks are reached at
     * different times, so their sum overstates it). Run with -Xmx1g to show the build fits in 1 GiB.
     */
    private static final class HeapSampler {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "vietpol-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Appends a run to BENCHMARKS.md (creating it with its explanation when missing). */
    public static void record(Path file, String command, Result r) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(file)) {
            sb.append("# Benchmarks\n\n")
              .append("Measured with `./vietpol bench`, which generates a corpus (`vietpol generate`), measures extraction\n")
              .append("throughput on one thread and on all cores, builds the corpus into a fresh TDB2 store, loads the same quads\n")
              .append("with Jena's own phased bulk loader into another fresh store (the floor the build is compared with), runs\n")
              .append("every named query over HTTP against `vietpol serve` in its own process (median and 95th percentile of 10 runs after 2\n")
              .append("warm-up runs), and scores the build against the generated gold. Newest run last.\n");
        }
        sb.append("\n## ").append(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0)).append("\n\n");
        sb.append("- command: `").append(command).append("`\n");
        sb.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
          .append(osMemory()).append(", ").append(System.getProperty("os.name")).append(' ')
          .append(System.getProperty("os.arch")).append(", Java ").append(System.getProperty("java.version"))
          .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB")
          .append(String.format(java.util.Locale.ROOT, ", load average %.1f when recorded (other work on the machine slows every figure)",
                  ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
          .append("\n\n");
        sb.append("| figure | value |\n| --- | --- |\n");
        sb.append(String.format(java.util.Locale.ROOT, "| articles | %d |%n", r.articles()));
        sb.append(String.format(java.util.Locale.ROOT, "| extraction, 1 thread | %.0f articles/s |%n", r.extractPerSecOne()));
        sb.append(String.format(java.util.Locale.ROOT, "| extraction, all cores | %.0f articles/s, %.1f MB/s |%n", r.extractPerSecAll(), r.mbPerSecAll()));
        sb.append(String.format(java.util.Locale.ROOT, "| build (end to end, fresh store) | %.1f s, %d quads |%n", r.buildSeconds(), r.quads()));
        sb.append(String.format(java.util.Locale.ROOT, "| Jena phased loader, same quads | %.1f s |%n", r.loaderSeconds()));
        sb.append(String.format(java.util.Locale.ROOT, "| ratio build / loader | %.2f |%n", r.ratio()));
        sb.append(String.format(java.util.Locale.ROOT, "| peak heap during build | %d MB |%n", r.heapMb()));
        sb.append(String.format(java.util.Locale.ROOT, "| store size | %d MB |%n", r.storeMb()));
        sb.append(String.format(java.util.Locale.ROOT, "| worst query median / p95 | %.1f ms / %.1f ms |%n", r.queryP50(), r.queryP95()));
        sb.append(String.format(java.util.Locale.ROOT, "| rebuild after editing one article | %.1f s |%n", r.rebuildOneSeconds()));
        if (r.load() != null) {
            sb.append(String.format(java.util.Locale.ROOT, "| load test (%d clients, %d s, named queries) | %.1f queries/s, p50 %.1f ms, p95 %.1f ms, %d errors |%n",
                    r.load().clients(), r.load().duration().toSeconds(), r.load().qps(), r.load().p50Millis(),
                    r.load().p95Millis(), r.load().errors()));
        }
        for (Scorer.Score s : r.scores().values()) {
            sb.append(String.format(java.util.Locale.ROOT, "| F1 %s (generated gold, at most 20,000 articles scored) | %.3f |%n", s.category(), s.f1()));
        }
        sb.append("\n| query | median ms | p95 ms |\n| --- | --- | --- |\n");
        r.queryMillis().forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f%s |%n", k, v[0], v[1],
                v.length > 2 && v[2] > 0 ? " (" + (int) v[2] + " failed)" : "")));
        sb.append("\n`").append(r.lastLine()).append("`\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static String osMemory() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return (os.getTotalMemorySize() / (1024L * 1024 * 1024)) + " GiB memory";
        } catch (RuntimeException | LinkageError e) {
            return "memory unknown";
        }
    }

}
