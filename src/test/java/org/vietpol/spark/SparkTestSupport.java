package org.vietpol.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.vietpol.build.Build;
import org.vietpol.store.Dump;
import org.vietpol.store.GraphStore;

/** One Spark local[2] session for the Spark tests of a JVM, and the helpers they share. */
final class SparkTestSupport {
    private SparkTestSupport() {}

    private static SparkSession spark;

    /** Spark local mode on two threads, tasks retried as on a cluster (local[2] becomes local[2,4]). */
    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkRunner.session("local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }

    static SparkJob.Report run(Path out, List<Path> inputs, Integer partitions, int failOnce) throws IOException {
        return SparkJob.run(spark(), new SparkJob.Options(inputs.stream().map(Path::toString).toList(), out.toString(),
                partitions, false, failOnce));
    }

    /** The single-machine build of the inputs, dumped sorted. */
    static List<String> buildDump(Path tmp, List<Path> inputs) throws IOException {
        Path dump = tmp.resolve("build.nq");
        try (GraphStore gs = GraphStore.open(tmp.resolve("build-store"))) {
            Build.create().build().run(inputs, gs);
            Dump.write(gs.dataset(), dump);
        }
        return Files.readAllLines(dump);
    }

    /** `vietpol load` of a Spark output folder into a new store, dumped sorted. */
    static List<String> loadDump(Path tmp, Path out, String name) throws IOException {
        Path dump = tmp.resolve(name + ".nq");
        try (GraphStore gs = GraphStore.open(tmp.resolve(name + "-store"))) {
            StoreLoader.load(gs, Parts.resolve(List.of(out)));
            Dump.write(gs.dataset(), dump);
        }
        return Files.readAllLines(dump);
    }

    /** The lines of the gzip parts in one folder of the last generation, by part file name. */
    static TreeMap<String, List<String>> parts(Path out, String what) throws IOException {
        Path dir = Parts.lastGeneration(out).resolve(what);
        TreeMap<String, List<String>> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".gz")).toList()) {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
                        StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) lines.add(l);
                }
                m.put(p.getFileName().toString(), lines);
            }
        }
        return m;
    }

    /** Every line of one kind of part, in part order. */
    static List<String> allLines(Path out, String what) throws IOException {
        List<String> all = new ArrayList<>();
        parts(out, what).values().forEach(all::addAll);
        return all;
    }
}
