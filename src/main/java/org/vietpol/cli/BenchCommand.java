package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vietpol.bench.Bench;
import org.vietpol.generate.ArticleWriter;
import org.vietpol.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a corpus and measures extraction throughput (1 thread and all cores), the end-to-end",
                "build against Jena's own TDB2 bulk loader on the same quads, peak heap, store size, every named query",
                "over HTTP (median and 95th percentile), a load test (20 clients, 30 s: queries/s and p95), the",
                "rebuild after one edited article and the F1 on the generated gold. Appends the figures to",
                "BENCHMARKS.md; the last line printed is the summary."})
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

    @Override
    public Integer call() throws Exception {
        if (articles < 1) throw new Main.UserError("--articles must be positive");
        if (extractionOnly) record = "none";
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("vietpol-bench") : Files.createDirectories(work);
        try {
            Path corpus = dir.resolve("corpus");
            long t0 = System.nanoTime();
            Generator.builder().seed(seed).build().generate(articles, ArticleWriter.toDirectory(corpus));
            System.out.printf("generated %d articles in %.1f s%n", articles, (System.nanoTime() - t0) / 1e9);
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
