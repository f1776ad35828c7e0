package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds and the dev corpus on Spark local[2]: the loaded store's dump equals `build --dump` line for line,
 * and a task that fails once (on its first attempt, half way through writing its partition) leaves the output
 * byte for byte as it was, each article in it once.
 */
@Tag("slow")
class SparkCorpusTest {
    @TempDir
    Path tmp;

    private static final List<Path> INPUTS = List.of(Path.of("seeds"), Path.of("src/test/resources/corpus/dev"));

    @Test
    void theLoadedStoreIsTheBuildsQuadForQuadAndARetriedTaskChangesNothing() throws Exception {
        Path out = tmp.resolve("out");
        SparkJob.Report r = SparkTestSupport.run(out, INPUTS, 4, -1);
        assertEquals(0, r.problems(), r.summary());
        assertTrue(r.mapped() > 100, r.summary());
        List<String> built = SparkTestSupport.buildDump(tmp, INPUTS);
        List<String> loaded = SparkTestSupport.loadDump(tmp, out, "load");
        assertEquals(built.size(), loaded.size());
        assertEquals(built, loaded);

        // the tdb2.xloader path: the parts as they are into an empty store by one of Jena's loaders, then the derived data
        Path x = tmp.resolve("xloaded");
        try (org.vietpol.store.GraphStore gs = org.vietpol.store.GraphStore.open(x)) {
            var loader = org.apache.jena.tdb2.loader.LoaderFactory.phasedLoader(gs.dataset(), (fmt, args) -> {});
            loader.startBulk();
            loader.load(Parts.resolve(List.of(out)).files().stream().map(Path::toString).toArray(String[]::new));
            loader.finishBulk();
            StoreLoader.derive(gs, Parts.resolve(List.of(out)).fingerprint());
            Path dump = tmp.resolve("xloaded.nq");
            org.vietpol.store.Dump.write(gs.dataset(), dump);
            assertEquals(built, Files.readAllLines(dump));
        }

        // the same run with partition 1's task failing once: Spark retries it, the committer keeps one attempt
        Path failed = tmp.resolve("failed");
        SparkJob.Report f = SparkTestSupport.run(failed, INPUTS, 4, 1);
        assertEquals(r.mapped(), f.mapped(), "the failed attempt's counts are not counted: " + f.summary());
        assertEquals(r.quads(), f.quads());
        var expected = SparkTestSupport.parts(out, Layout.QUADS);
        var got = SparkTestSupport.parts(failed, Layout.QUADS);
        assertEquals(expected, got);
        assertEquals(SparkTestSupport.parts(out, Layout.HASHES), SparkTestSupport.parts(failed, Layout.HASHES));
        try (var s = Files.walk(failed)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("_temporary")), "nothing left of the failed attempt");
        }
        long distinct = SparkTestSupport.allLines(failed, Layout.HASHES).stream().map(l -> l.split("\t")[0]).distinct().count();
        assertEquals(r.mapped(), distinct);
        assertEquals(r.mapped(), SparkTestSupport.allLines(failed, Layout.HASHES).size(), "each article once");
    }
}
