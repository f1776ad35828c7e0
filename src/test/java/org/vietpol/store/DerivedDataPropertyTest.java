package org.vietpol.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.Txn;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The derived data ({@link Derived}: the merged graph, article counts, tallies, tenures) depends on the final input
 * only: a fresh build and any sequence of incremental builds (articles added, edited, removed, through the bulk
 * loader and through replacement, with and without --prune) over the same final input end with the same derived
 * data, tenures included.
 */
class DerivedDataPropertyTest {
    private static final Extractor EXTRACTOR = Extractor.create().build();

    /** The articles an input may hold: the seeds, the posts-over-time articles and a few of the dev corpus. */
    private static final List<Path> SOURCES = sources();

    /** A version of one article: absent (0), as written (1), or edited (2: a holder renamed, 3: a sentence added). */
    record Input(List<Integer> versions) {}

    /** One step of a build sequence: the input then, and whether the build prunes. */
    record Step(Input input, boolean prune) {}

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Input> inputs = Arbitraries.integers().between(0, 3).list().ofSize(SOURCES.size()).map(Input::new);
        Arbitrary<Step> steps = Combinators.combine(inputs, Arbitraries.of(true, false)).as(Step::new);
        return steps.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 10, seed = "16")
    void freshAndIncrementalBuildsOfTheSameInputDeriveTheSameData(@ForAll("sequences") List<Step> steps) throws IOException {
        Path work = Files.createTempDirectory("vietpol-derived");
        try {
            Path in = Files.createDirectories(work.resolve("in"));
            Input last = steps.get(steps.size() - 1).input();
            try (GraphStore incremental = GraphStore.open(work.resolve("incremental"))) {
                for (Step s : steps) {
                    write(in, s.input());
                    BuildReport r = Build.create().extractor(EXTRACTOR).prune(s.prune()).build().run(List.of(in), incremental);
                    // the summary's size, when a build counts it (a whole build), is the store's; an incremental
                    // build does not count it
                    if (r.quads() >= 0) assertEquals(incremental.quadCount(), r.quads(), "quads after a step of " + steps);
                }
                // the final input once more, pruned: what the store must now hold is the final input's
                write(in, last);
                BuildReport r = Build.create().extractor(EXTRACTOR).prune(true).build().run(List.of(in), incremental);
                if (r.quads() >= 0) assertEquals(incremental.quadCount(), r.quads(), "quads after the last build");
                try (GraphStore fresh = GraphStore.open(work.resolve("fresh"))) {
                    Build.create().extractor(EXTRACTOR).build().run(List.of(in), fresh);
                    Set<String> expected = derived(fresh), actual = derived(incremental);
                    if (last.versions().stream().anyMatch(v -> v > 0)) assertTrue(expected.size() > 50, "derived data");
                    assertEquals(difference(expected, actual), difference(actual, expected),
                            "in the fresh build only (expected) vs in the incremental build only (actual), steps " + steps);
                }
            }
        } finally {
            delete(work);
        }
    }

    /** The merged graph's statements (with counts, tallies and tenures), as N-Triples lines. */
    static Set<String> derived(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> out.add(line(q.asTriple())));
            return out;
        });
    }

    private static String line(Triple t) {
        return t.getSubject() + " " + t.getPredicate() + " " + t.getObject();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** Writes the input folder for these versions (a changed file gets a new time, so the build reads it). */
    private static void write(Path in, Input input) throws IOException {
        for (int i = 0; i < SOURCES.size(); i++) {
            Path src = SOURCES.get(i), dst = in.resolve(src.getFileName());
            int v = input.versions().get(i);
            if (v == 0) {
                Files.deleteIfExists(dst);
                continue;
            }
            String text = Files.readString(src, StandardCharsets.UTF_8);
            if (v == 2) text = text.replace("Nguyễn Văn An", "Trần Minh Bình").replace("Đinh Tiến Dũng", "Trần Sỹ Thanh")
                    .replace("Nguyễn", "Lê");
            if (v == 3) {
                int line = text.indexOf('\n') + 1;
                text = text.substring(0, line) + "Bài viết được cập nhật lúc 8 giờ sáng.\n\n" + text.substring(line);
            }
            if (Files.exists(dst) && Files.readString(dst, StandardCharsets.UTF_8).equals(text)) continue;
            Files.writeString(dst, text, StandardCharsets.UTF_8);
            // a new modification time even within the file system's time resolution
            Files.setLastModifiedTime(dst, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + TICK++ * 1000));
        }
    }

    private static long TICK = 1;

    private static List<Path> sources() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            s.sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path posts = Path.of("src/test/resources/posts-over-time");
        for (String f : List.of("posts-2020-quang-ninh-bau-bi-thu.txt", "posts-2022-quang-ninh-hoi-nghi-tinh-uy.txt",
                "posts-2024-quang-ninh-tan-bi-thu.txt", "posts-2024-ha-giang-bau-chu-tich-ubnd.txt"))
            out.add(posts.resolve(f));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/corpus/dev"))) {
            s.filter(f -> f.getFileName().toString().matches("1\\d\\d_.*\\.txt")).sorted().limit(3).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new HashSet<>();
        for (Path p : out) assertTrue(names.add(p.getFileName().toString()), "one file name per article: " + p);
        return List.copyOf(out);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
