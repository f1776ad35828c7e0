package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.store.Dump;
import org.vietpol.store.GraphStore;

/**
 * `vietpol load` resolves persons before loading, as the build does, on the resolution set (same-name persons,
 * spellings, transfers and namesakes spread over several parts): the loaded store equals the build's dump line for
 * line, into a new store and again after an incremental run that adds articles and changes one already stored;
 * the input's order is the reverse of the articles' IRIs, so resolving in any other order shows.
 */
class LoadResolutionTest {
    @TempDir
    Path tmp;

    private static final Path CASES = Path.of("src/test/resources/resolution");

    @Test
    void anIncrementalLoadResolvesPersonsAsAnIncrementalBuild() throws Exception {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        // the first run: half the cases
        for (int i = 0; i < cases.size() / 2; i++) copy(cases.get(i), in, cases.size() - i);
        Path out = tmp.resolve("out");
        Path built = tmp.resolve("build-store"), loaded = tmp.resolve("load-store");
        step(in, out, built, loaded, "1");

        // the second: the other half added, one stored article changed (a person of another case's name added)
        for (int i = cases.size() / 2; i < cases.size(); i++) copy(cases.get(i), in, cases.size() - i);
        Path changed;
        try (Stream<Path> s = Files.walk(in.resolve(String.format("%03d", cases.size() - 1)))) {
            changed = s.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(changed, "\nHội nghị có sự tham dự của đồng chí Trần Hồng Minh, Bí thư Tỉnh ủy Cao Bằng.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        StoreLoader.Report r = step(in, out, built, loaded, "2");
        assertEquals(1, r.replaced(), r.summary());
        assertTrue(r.loaded() > 0 && r.unchanged() > 0, r.summary());
    }

    /** Builds {@code in} into one store, runs Spark on it and loads the parts into the other; the dumps are equal. */
    private StoreLoader.Report step(Path in, Path out, Path built, Path loaded, String name) throws Exception {
        List<String> expected;
        try (GraphStore gs = GraphStore.open(built)) {
            Build.create().build().run(List.of(in), gs);
            expected = dump(gs, "build-" + name);
        }
        SparkJob.Report s = SparkTestSupport.run(out, List.of(in), 3, -1);
        assertEquals(0, s.problems(), s.summary());
        Parts.Resolved parts = Parts.resolve(List.of(out));
        StoreLoader.Report r;
        List<String> got;
        try (GraphStore gs = GraphStore.open(loaded)) {
            r = StoreLoader.load(gs, parts);
            got = dump(gs, "load-" + name);
            // the persons are resolved: some article graph in the store is not as the Spark job wrote it
            Set<String> written = new HashSet<>();
            for (Path f : parts.files()) Parts.read(f, g -> g.quads().forEach(q -> written.add(q.toString())));
            long persons = Txn.calculateRead(gs.dataset(), () -> {
                long[] n = {0};
                gs.dataset().find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> {
                    if (ArticleGraph.isArticleGraph(q.getGraph()) && !written.contains(q.toString())) n[0]++;
                });
                return n[0];
            });
            assertNotEquals(0, persons, "some person was renamed by resolution");
        }
        assertEquals(expected.size(), got.size(), "run " + name);
        assertEquals(expected, got, "run " + name);
        return r;
    }

    private List<String> dump(GraphStore gs, String name) throws Exception {
        Path f = tmp.resolve(name + ".nq");
        Dump.write(gs.dataset(), f);
        return Files.readAllLines(f);
    }

    /**
     * Copies a case's articles into {@code in}, in folders that make the input's order the reverse of the articles'
     * IRIs (ids are file names): the cases last to first, within a case the articles last to first. The load must
     * resolve in the input's order, not in the order of the IRIs (or of the parts).
     */
    private static void copy(Path from, Path in, int rank) throws Exception {
        List<Path> articles;
        try (Stream<Path> s = Files.list(from)) {
            articles = s.filter(p -> p.toString().matches(".*\\.(txt|html|jsonl)$")).sorted().toList();
        }
        for (int i = 0; i < articles.size(); i++) {
            Path dir = in.resolve(String.format("%03d", rank)).resolve(String.format("%02d", articles.size() - i));
            Files.createDirectories(dir);
            Files.copy(articles.get(i), dir.resolve(articles.get(i).getFileName().toString()));
        }
    }
}
