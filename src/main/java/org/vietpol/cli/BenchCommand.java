package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vietpol.bench.Bench;
import org.vietpol.generate.ArticleWriter;
import org.vietpol.generate.Generator;
import org.vietpol.spark.LocalSpark;
import org.vietpol.spark.SparkBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a corpus and measures extraction throughput (1 thread and all cores), the end-to-end",
                "build against Jena's own TDB2 bulk loader on the same quads, peak heap, store size, every named query",
                "over HTTP (median and 95th percentile), a load test (20 clients, 30 s: queries/s and p95), the",
                "rebuild after one edited article and the F1 on the generated gold. Appends the figures to",
                "BENCHMARKS.md; the last line printed is the summary.",
                "--engine spark: the Spark job on the corpus (local[2] unless --master says otherwise) against the",
                "single-machine rate on as many threads, and the load of its parts (ratio=spark/single)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "20000", paramLabel = "N", description = "Corpus size (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Working folder (default: a temporary one, removed after).")
    Path work;

    @Option(names = "--record", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
            description = "Where to append the figures (default: ${DEFAULT-VALUE}; 'none' to skip).")
    String record;

    @Option(names = "--extraction-only", description = "Measure extraction throughput only (a quick check after a rule or data change).")
    boolean extractionOnly;

    @Option(names = "--engine", defaultValue = "single", paramLabel = "ENGINE",
            description = {"single (default): the full bench above; spark: the Spark job (files to gzip parts: reading,",
                    "extraction, mapping, validation, N-Quads) against the single machine doing the same to the same files",
                    "on as many threads as Spark has slots, then `vietpol load` of the parts."})
    String engine;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL",
            description = "With --engine spark: the Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles < 1) throw new Main.UserError("--articles must be positive");
        if (!engine.equals("single") && !engine.equals("spark")) throw new Main.UserError("--engine is single or spark");
        if (engine.equals("spark") && !LocalSpark.present()) {
            // Spark is provided, not in vietpol.jar: the whole command again in a JVM that has Spark's jars
            String missing = LocalSpark.missing();
            if (missing != null) throw new Main.UserError(missing);
            List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            if (args.isEmpty() || !args.get(0).equals("bench")) args.add(0, "bench");
            return LocalSpark.relaunch(args);
        }
        if (extractionOnly) record = "none";
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("vietpol-bench") : Files.createDirectories(work);
        try {
            Path corpus = dir.resolve("corpus");
            long t0 = System.nanoTime();
            Generator.builder().seed(seed).build().generate(articles, ArticleWriter.toDirectory(corpus));
            System.out.printf("generated %d articles in %.1f s%n", articles, (System.nanoTime() - t0) / 1e9);
            if (engine.equals("spark")) {
                SparkBench.Result r = new SparkBench(System.out::println).run(master, corpus, articles, dir);
                if (!record.equals("none")) {
                    SparkBench.record(Path.of(record), "vietpol bench --engine spark --master " + master
                            + " --articles " + articles + " --seed " + seed, r);
                    System.out.println("figures appended to " + record);
                }
                System.out.println(r.lastLine());
                return Main.OK;
            }
            if (extractionOnly) {
                new Bench(System.out::println).extraction(corpus);
                return Main.OK;
            }
            Bench.Result r = new Bench(System.out::println).run(corpus, articles, dir);
            if (!record.equals("none")) {
                Bench.record(Path.of(record), "vietpol bench --articles " + articles + " --seed " + seed, r);
                System.out.println("figures appended to " + record);
            }
            System.out.println(r.lastLine());
            return Main.OK;
        } finally {
            if (temporary) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
