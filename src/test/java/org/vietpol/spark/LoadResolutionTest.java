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
 * line, into a new store and again after an incremental run that adds articles and changes one already stored.
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
        for (Path c : cases.subList(0, cases.size() / 2)) copy(c, in.resolve(c.getFileName().toString()));
        Path out = tmp.resolve("out");
        Path built = tmp.resolve("build-store"), loaded = tmp.resolve("load-store");
        step(in, out, built, loaded, "1");

        // the second: the other half added, one stored article changed (a person of another case's name added)
        for (Path c : cases.subList(cases.size() / 2, cases.size())) copy(c, in.resolve(c.getFileName().toString()));
        Path changed;
        try (Stream<Path> s = Files.walk(in.resolve(cases.get(1).getFileName().toString()))) {
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

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
