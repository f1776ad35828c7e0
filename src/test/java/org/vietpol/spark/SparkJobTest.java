package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] on a small mixed input (quick, in every test run): text, JSON Lines and Parquet
 * articles, bad files and records as problem rows, a re-run that reuses unchanged articles, the store the parts
 * load into equal to the single-machine build's.
 */
class SparkJobTest {
    @TempDir
    Path tmp;

    private static final Path SEEDS = Path.of("seeds");

    @Test
    void badInputsBecomeProblemRowsAndRerunsSkipUnchangedArticles() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> seeds;
        try (var s = Files.list(SEEDS)) {
            seeds = s.sorted().toList();
        }
        Files.copy(seeds.get(0), in.resolve(seeds.get(0).getFileName()));
        Files.copy(seeds.get(1), in.resolve(seeds.get(1).getFileName()));
        // a bad file: binary; an empty one; a JSON Lines file with one good and one malformed record
        Files.write(in.resolve("broken.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        Files.writeString(in.resolve("empty.txt"), "");
        String third = Files.readString(seeds.get(2), StandardCharsets.UTF_8);
        String title = third.lines().findFirst().orElseThrow();
        Files.writeString(in.resolve("more.jsonl"), "{\"id\": \"jl-1\", \"title\": " + json(title) + ", \"published\": \"2025-05-01\", \"text\": "
                + json(third) + "}\n{\"id\": \"jl-2\", \"text\": \n");
        // a Parquet table with the JSON Lines fields: one good row, one without text
        String fourth = Files.readString(seeds.get(3), StandardCharsets.UTF_8);
        StructType schema = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("published", DataTypes.DateType).add("text", DataTypes.StringType);
        List<Row> rows = List.of(RowFactory.create("pq-1", fourth.lines().findFirst().orElseThrow(), Date.valueOf("2025-06-02"), fourth),
                RowFactory.create("pq-2", "no text", null, null));
        Path table = tmp.resolve("table");
        SparkTestSupport.spark().createDataFrame(rows, schema).coalesce(1).write().parquet(table.toString());

        Path out = tmp.resolve("out");
        SparkJob.Report r = SparkTestSupport.run(out, List.of(in, table, tmp.resolve("missing")), 3, -1);
        assertEquals(4, r.mapped(), r.summary());
        assertEquals(0, r.reused());
        List<String> problems = SparkTestSupport.allLines(out, Layout.PROBLEMS);
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertEquals(5, r.problems());
        Map<String, String> byFile = new HashMap<>();
        for (String p : problems) {
            String[] f = p.split("\t", -1);
            assertEquals(3, f.length, p);
            byFile.put(f[1].replaceFirst("^.*/", ""), f[0] + "|" + f[2]);
        }
        assertTrue(byFile.get("broken.txt").startsWith("broken|"), byFile.toString());
        assertTrue(byFile.get("empty.txt").startsWith("empty|"), byFile.toString());
        assertTrue(byFile.get("more.jsonl:2").contains("malformed JSON"), byFile.toString());
        assertTrue(byFile.keySet().stream().anyMatch(k -> k.contains(".parquet:2")), byFile.toString());
        assertTrue(byFile.get("missing").endsWith("no such file or folder"), byFile.toString());
        List<String> hashes = SparkTestSupport.allLines(out, Layout.HASHES);
        assertEquals(4, hashes.size());
        assertTrue(hashes.stream().anyMatch(h -> h.startsWith("pq-1\t") && h.contains(".parquet:1")), hashes.toString());
        assertTrue(hashes.stream().anyMatch(h -> h.startsWith("jl-1\t") && h.endsWith("more.jsonl:1")), hashes.toString());

        // the store the parts load into is the build's (the build reads no Parquet: the table's article as JSON Lines)
        Path same = Files.createDirectories(tmp.resolve("same"));
        for (Path f : List.of(seeds.get(0), seeds.get(1))) Files.copy(f, same.resolve(f.getFileName()));
        Files.copy(in.resolve("more.jsonl"), same.resolve("more.jsonl"));
        Files.writeString(same.resolve("table.jsonl"), "{\"id\": \"pq-1\", \"title\": " + json(fourth.lines().findFirst().orElseThrow())
                + ", \"published\": \"2025-06-02\", \"text\": " + json(fourth) + "}\n");
        assertEquals(SparkTestSupport.buildDump(tmp, List.of(same)), SparkTestSupport.loadDump(tmp, out, "load"));

        // the next run reads every input again but extracts only what changed
        List<String> before = SparkTestSupport.allLines(out, Layout.QUADS);
        SparkJob.Report again = SparkTestSupport.run(out, List.of(in, table, tmp.resolve("missing")), null, -1);
        assertEquals(0, again.mapped(), again.summary());
        assertEquals(4, again.reused());
        assertEquals(before, SparkTestSupport.allLines(out, Layout.QUADS));
        assertTrue(again.generation().endsWith("gen-00002"));
        assertFalse(Files.exists(out.resolve("gen-00001")), "the older generation is removed");

        // a changed headline changes the article's content hash
        String second = Files.readString(seeds.get(1), StandardCharsets.UTF_8);
        int eol = second.indexOf('\n');
        Files.writeString(in.resolve(seeds.get(1).getFileName()), second.substring(0, eol) + " (cập nhật)" + second.substring(eol),
                StandardCharsets.UTF_8);
        SparkJob.Report changed = SparkTestSupport.run(out, List.of(in, table), null, -1);
        assertEquals(1, changed.mapped(), changed.summary());
        assertEquals(3, changed.reused());
    }

    private static String json(String s) {
        com.google.gson.JsonPrimitive p = new com.google.gson.JsonPrimitive(s);
        return p.toString();
    }

    @Test
    void partitionsHaveDeterministicNamesAndEachArticleOnce() throws Exception {
        Path out = tmp.resolve("out");
        SparkJob.Report r = SparkTestSupport.run(out, List.of(SEEDS), 3, -1);
        assertEquals(5, r.mapped());
        var quads = SparkTestSupport.parts(out, Layout.QUADS);
        assertEquals(List.of("part-r-00000.nq.gz", "part-r-00001.nq.gz", "part-r-00002.nq.gz"), new ArrayList<>(quads.keySet()));
        Map<String, Integer> graphs = new HashMap<>();
        for (List<String> lines : quads.values()) {
            String last = null;
            for (String l : lines) {
                String g = Processing.PreviousPart.graphOf(l);
                if (!g.equals(last)) graphs.merge(g, 1, Integer::sum);
                last = g;
            }
        }
        assertEquals(5, graphs.size());
        graphs.forEach((g, n) -> assertEquals(1, n, g + " appears in one block of one part"));
    }

    @Test
    void aTaskThatFailsOnceLeavesTheOutputUnchanged() throws Exception {
        Path out = tmp.resolve("out");
        SparkJob.Report r = SparkTestSupport.run(out, List.of(SEEDS), 3, -1);
        // the injected failure comes after a partition's first output row: a partition with two or more
        int index = -1;
        List<List<String>> hashes = new ArrayList<>(SparkTestSupport.parts(out, Layout.HASHES).values());
        for (int i = 0; i < hashes.size() && index < 0; i++) if (hashes.get(i).size() >= 2) index = i;
        assertTrue(index >= 0, "some partition holds two articles");
        // its task throws on its first attempt, half way through; Spark runs it again
        AtomicInteger injected = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure e && e.toErrorString().contains("injected failure")) {
                    injected.incrementAndGet();
                }
            }
        };
        SparkTestSupport.spark().sparkContext().addSparkListener(listener);
        Path failed = tmp.resolve("failed");
        SparkJob.Report f;
        try {
            f = SparkTestSupport.run(failed, List.of(SEEDS), 3, index);
            // Spark's listener bus is asynchronous
            for (int i = 0; i < 100 && injected.get() == 0; i++) Thread.sleep(100);
        } finally {
            SparkTestSupport.spark().sparkContext().removeSparkListener(listener);
        }
        assertEquals(1, injected.get(), "one attempt failed");
        assertEquals(r.mapped(), f.mapped(), "the failed attempt's counts are not counted: " + f.summary());
        assertEquals(r.quads(), f.quads());
        assertEquals(SparkTestSupport.parts(out, Layout.QUADS), SparkTestSupport.parts(failed, Layout.QUADS));
        assertEquals(SparkTestSupport.parts(out, Layout.HASHES), SparkTestSupport.parts(failed, Layout.HASHES));
        assertEquals(SparkTestSupport.parts(out, Layout.PROBLEMS), SparkTestSupport.parts(failed, Layout.PROBLEMS));
        try (var s = Files.walk(failed)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("_temporary")), "nothing left of the failed attempt");
        }
    }
}
