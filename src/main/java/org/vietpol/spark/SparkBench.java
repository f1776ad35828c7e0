package org.vietpol.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.build.ArticlePipeline;
import org.vietpol.graph.ContentHash;
import org.vietpol.store.GraphStore;

/**
 * {@code vietpol bench --engine spark}: the Spark job ({@link SparkJob}) over a generated corpus against the
 * single-machine rate measured in the same JVM on as many threads as Spark has task slots, then {@code vietpol
 * load} of the parts into a fresh TDB2 store (the serial step). The ratio is like for like: both sides take the
 * same files (the whole corpus, once each, after a warm-up on its first files) through the same stages, the
 * build's readers and cleaning, the content hash, the build's {@link ArticlePipeline} (extraction, mapping, SHACL
 * validation), N-Quads and gzip; Spark adds only its shuffle and its commit. The in-memory rate of the pipeline
 * alone (no reading, no writing) is printed beside it.
 */
public final class SparkBench {
    /** The figures of one run. */
    public record Result(String master, int slots, int articles, long mapped, long problems, long quads,
                         double sparkSeconds, double singlePerSec, double pipelinePerSec, double loadSeconds) {
        public double sparkPerSec() {
            return mapped / sparkSeconds;
        }

        /**
         * Spark's rate over the single-machine rate of the same stages on the same files and number of cores (the
         * issue's target: 0.80).
         */
        public double ratio() {
            return sparkPerSec() / singlePerSec;
        }

        /** Spark's rate over the in-memory rate of extraction, mapping and validation alone (no reading or writing). */
        public double pipelineRatio() {
            return sparkPerSec() / pipelinePerSec;
        }

        public double loadQuadsPerSec() {
            return quads / loadSeconds;
        }

        public String lastLine() {
            return String.format(Locale.ROOT,
                    "bench: engine=spark master=%s slots=%d articles=%d spark_per_s=%.0f single_per_s=%.0f ratio=%.2f"
                            + " pipeline_per_s=%.0f pipeline_ratio=%.2f spark_s=%.1f quads=%d load_s=%.1f"
                            + " load_quads_per_s=%.0f problems=%d",
                    master, slots, articles, sparkPerSec(), singlePerSec, ratio(), pipelinePerSec, pipelineRatio(),
                    sparkSeconds, quads, loadSeconds, loadQuadsPerSec(), problems);
        }
    }

    /** Articles the single-machine rate is measured on, and the Spark warm-up run reads. */
    private static final int SAMPLE = 3000, WARM_UP = 1000;

    private final Consumer<String> out;

    public SparkBench(Consumer<String> out) {
        this.out = out;
    }

    /** Starts a session on {@code master} (local mode embedded, or spark-submit's), runs, stops the session it started. */
    public Result run(String master, Path corpus, int articles, Path work) throws Exception {
        boolean joined = SparkSession.getDefaultSession().isDefined(); // one this JVM already runs is left running
        SparkSession spark = SparkRunner.session(master);
        try {
            return run(spark, spark.sparkContext().master(), corpus, articles, work);
        } finally {
            if (!joined) spark.stop();
        }
    }

    /** Runs on a corpus folder holding {@code articles/}; {@code work} gets the Spark output and the store. */
    public Result run(SparkSession spark, String master, Path corpus, int articles, Path work) throws Exception {
        Path articleDir = corpus.resolve("articles");
        int slots = spark.sparkContext().defaultParallelism();

        ArticlePipeline pipeline = ArticleProcessor.shared(); // the very object the local executor's tasks use
        List<Article> sample = sample(articleDir, SAMPLE);
        for (Article a : sample) pipeline.process(a); // warm-up
        double inMemory = median3(() -> rate(sample, pipeline, slots));
        out.accept(String.format(Locale.ROOT, "single machine, extraction, mapping, validation alone: %.0f articles/s on %d"
                + " threads (%d articles in memory, median of 3)", inMemory, slots, sample.size()));

        // both sides warm up on the first files (the JIT, the readers, Spark's own classes), then run once on all
        List<String> first;
        try (Stream<Path> s = Files.list(articleDir)) {
            first = s.filter(Files::isRegularFile).sorted().limit(WARM_UP).map(Path::toString).toList();
        }
        filesToParts(articleDir, first.size(), pipeline, slots, work.resolve("single-warm-up"));
        long ts = System.nanoTime();
        long singleMapped = filesToParts(articleDir, Integer.MAX_VALUE, pipeline, slots, work.resolve("single-out"));
        double singleSeconds = (System.nanoTime() - ts) / 1e9;
        double single = singleMapped / singleSeconds;
        out.accept(String.format(Locale.ROOT, "single machine, files to gzip N-Quads (the Spark job's stages but its shuffle):"
                + " %d articles, %.1f s, %.0f articles/s on %d threads", singleMapped, singleSeconds, single, slots));

        SparkJob.run(spark, new SparkJob.Options(first, work.resolve("spark-warm-up").toString(), null, true, -1));
        Path sparkOut = work.resolve("spark-out");
        long t0 = System.nanoTime();
        SparkJob.Report r = SparkJob.run(spark, new SparkJob.Options(List.of(articleDir.toString()), sparkOut.toString(),
                null, true, -1));
        double sparkSeconds = (System.nanoTime() - t0) / 1e9;
        out.accept(String.format(Locale.ROOT, "spark %s (%d slots), files to gzip N-Quads parts: %d articles, %d quads in %d"
                + " parts, %.1f s, %.0f articles/s", master, slots, r.mapped(), r.quads(), r.partitions(), sparkSeconds,
                r.mapped() / sparkSeconds));
        out.accept(String.format(Locale.ROOT, "ratio, like for like (the same files, stages and threads): %.2f;"
                + " against extraction, mapping and validation alone in memory: %.2f",
                r.mapped() / sparkSeconds / single, r.mapped() / sparkSeconds / inMemory));

        long t1 = System.nanoTime();
        try (GraphStore gs = GraphStore.open(work.resolve("store"))) {
            StoreLoader.load(gs, Parts.resolve(List.of(sparkOut)));
        }
        double loadSeconds = (System.nanoTime() - t1) / 1e9;
        out.accept(String.format(Locale.ROOT, "vietpol load of the parts into a fresh store: %.1f s, %.0f quads/s",
                loadSeconds, r.quads() / loadSeconds));
        return new Result(master, slots, articles, r.mapped(), r.problems(), r.quads(), sparkSeconds, single, inMemory,
                loadSeconds);
    }

    private interface Rate {
        double measure() throws Exception;
    }

    private static double median3(Rate rate) throws Exception {
        double[] runs = {rate.measure(), rate.measure(), rate.measure()};
        Arrays.sort(runs);
        return runs[1];
    }

    /** Articles per second through the pipeline on {@code threads} threads, at least 6,000 articles. */
    private static double rate(List<Article> sample, ArticlePipeline pipeline, int threads) throws Exception {
        int total = sample.size() * Math.max(1, 6000 / sample.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < total; ) pipeline.process(sample.get(i % sample.size()));
                }));
            }
            for (Future<?> f : fs) f.get();
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What the Spark job does to each article, on one machine without Spark: lists the folder (sorted), reads the
     * first {@code max} files with the build's readers (and their cleaning), hashes, extracts, maps and validates
     * each article, writes its graph as N-Quads and its hash line into gzip files (one pair per thread), on
     * {@code threads} threads taking files in turn. Gives the number of graphs written.
     */
    static long filesToParts(Path dir, int max, ArticlePipeline pipeline, int threads, Path out) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(f -> Inputs.kind(f.getFileName().toString()) != null)
                    .sorted(java.util.Comparator.comparing(Path::toString)).limit(max).toList();
        }
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Long>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String part = String.format(Locale.ROOT, "part-%05d", t);
                fs.add(pool.submit(() -> {
                    long mapped = 0;
                    try (Writer quads = gzip(out.resolve(part + ".nq.gz")); Writer hashes = gzip(out.resolve(part + ".tsv.gz"))) {
                        for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                            List<Item> items = new ArrayList<>(1);
                            Path f = files.get(i);
                            Inputs.readLocal(f, f.toString(), i, items::add);
                            for (Item item : items) {
                                if (item.kind != Item.ARTICLE) continue;
                                Article a = item.toArticle();
                                String hash = ContentHash.of(a);
                                ArticlePipeline.Result r = pipeline.process(a, hash);
                                if (r.graph() == null) continue;
                                quads.write(Processing.nquads(r.graph()));
                                hashes.write(PartsOutputFormat.tsv(a.id()) + '\t' + hash + '\t' + PartsOutputFormat.tsv(a.source()) + '\n');
                                mapped++;
                            }
                        }
                    }
                    return mapped;
                }));
            }
            long mapped = 0;
            for (Future<Long> f : fs) mapped += f.get();
            return mapped;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Writer gzip(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(p), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static List<Article> sample(Path dir, int max) {
        List<Article> got = new ArrayList<>();
        ArticleSources.read(List.of(dir), new ArticleSink() {
            @Override
            public void article(Article a) {
                if (got.size() < max) got.add(a);
            }

            @Override
            public void problem(InputProblem p) {}
        });
        return got;
    }

    /** Appends a run to BENCHMARKS.md. */
    public static void record(Path file, String command, Result r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("\n## ").append(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0)).append(" (Spark)\n\n");
        sb.append("- command: `").append(command).append("`\n");
        sb.append(String.format(Locale.ROOT, "- machine: %d cores, Java %s, max heap %d MB, load average %.1f when recorded%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        sb.append("| figure | value |\n| --- | --- |\n");
        sb.append(String.format(Locale.ROOT, "| articles | %d (%d mapped, %d problems) |%n", r.articles(), r.mapped(), r.problems()));
        sb.append(String.format(Locale.ROOT, "| single machine, %d threads, extraction, mapping, validation in memory | %.0f articles/s |%n", r.slots(), r.pipelinePerSec()));
        sb.append(String.format(Locale.ROOT, "| single machine, %d threads, the same files to gzip N-Quads (the job's stages but its shuffle) | %.0f articles/s |%n", r.slots(), r.singlePerSec()));
        sb.append(String.format(Locale.ROOT, "| Spark %s, files to gzip parts | %.1f s, %.0f articles/s |%n", r.master(), r.sparkSeconds(), r.sparkPerSec()));
        sb.append(String.format(Locale.ROOT, "| ratio Spark / single machine, like for like | %.2f |%n", r.ratio()));
        sb.append(String.format(Locale.ROOT, "| ratio Spark / extraction, mapping, validation in memory | %.2f |%n", r.pipelineRatio()));
        sb.append(String.format(Locale.ROOT, "| vietpol load, fresh store | %.1f s, %d quads, %.0f quads/s |%n", r.loadSeconds(), r.quads(), r.loadQuadsPerSec()));
        sb.append("\n`").append(r.lastLine()).append("`\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
