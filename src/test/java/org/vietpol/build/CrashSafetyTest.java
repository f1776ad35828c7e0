package org.vietpol.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.vietpol.store.GraphStore;

/**
 * A build killed with SIGKILL in the middle leaves the store at its last committed state, and the next build
 * completes. The build runs in a real child process, killed while it loads.
 */
@Tag("slow")
class CrashSafetyTest {
    @TempDir
    Path tmp;

    private static long articleCount(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            long n = 0;
            var it = gs.dataset().find(Node.ANY, Node.ANY, org.vietpol.graph.Vocab.CONTENT_HASH, Node.ANY);
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    private static String log(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Whether the child's log shows the load's transaction begun and at least 100 articles loaded into it. */
    private static boolean midLoad(String log) {
        int begun = log.indexOf("build: load begun");
        if (begun < 0) return false;
        int loaded = 0;
        for (int at = log.indexOf("build: loaded ", begun); at >= 0; at = log.indexOf("build: loaded ", at + 1)) loaded++;
        return loaded >= 100;
    }

    @Test
    void aKilledBuildLeavesTheLastCommittedStateAndTheNextBuildCompletes() throws Exception {
        Path store = tmp.resolve("store");
        try (GraphStore gs = GraphStore.open(store)) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
            assertEquals(5, articleCount(gs));
        }
        // many articles, so the child is still loading when it is killed
        Path big = Files.createDirectories(tmp.resolve("big"));
        List<Path> seeds;
        try (var s = Files.list(Path.of("seeds"))) {
            seeds = s.sorted().toList();
        }
        for (int i = 0; i < 4000; i++) {
            Path src = seeds.get(i % seeds.size());
            Files.writeString(big.resolve(String.format("copy%05d.txt", i)),
                    Files.readString(src).replace("Huế", i % 2 == 0 ? "Huế" : "Hue"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire puts the test classpath here; elsewhere it is the JVM's own
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, "org.vietpol.cli.Main",
                "build", "--progress-lines", "--store", store.toString(), big.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        // killed once the load's transaction has begun and a hundred articles went into it: mid-load, not before
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!midLoad(log(tmp.resolve("child.log")))) {
            assertTrue(child.isAlive(), () -> "the child ended before it was killed: " + log(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, () -> "no load under way after 120 s: " + log(tmp.resolve("child.log")));
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), () -> "the child should still be building when killed: " + log(tmp.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL
        String seen = log(tmp.resolve("child.log"));
        assertFalse(seen.contains("articles:"), "killed before the summary, that is before the commit: " + seen);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (GraphStore gs = GraphStore.open(store)) {
            assertEquals(5, articleCount(gs), "the killed build committed nothing; the earlier build is intact");
            BuildReport r = Build.create().build().run(List.of(Path.of("seeds"), big), gs);
            assertTrue(r.skipped().isEmpty(), r.skipped().toString());
            assertEquals(4005, articleCount(gs), "the next build completes");
        }
    }
}
