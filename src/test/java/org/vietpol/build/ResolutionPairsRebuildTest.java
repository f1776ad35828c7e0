package org.vietpol.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.resolve.Decisions;
import org.vietpol.store.GraphStore;

/**
 * The resolution graph's same-name pairs after incremental builds that take a person away from a name (the
 * article removed by --prune, or edited to another name): once the final input has been built again, the pairs are
 * a fresh build's, and none names a person no article states any more.
 */
class ResolutionPairsRebuildTest {
    @TempDir
    Path tmp;

    private static final String HUNG_A = "Huyện ủy Gio Linh ra quân\n15/02/2020\n\n"
            + "Ngày 15/2, Bí thư Huyện ủy Gio Linh Lê Văn Hùng dự lễ ra quân đầu năm tại huyện Gio Linh, tỉnh Quảng Trị.\n";
    private static final String HUNG_B = "Sở Tài chính Cà Mau họp giao ban\n12/10/2024\n\n"
            + "Ngày 12/10, ông Lê Văn Hùng, Giám đốc Sở Tài chính tỉnh Cà Mau, chủ trì cuộc họp giao ban tháng 10.\n";

    private static void write(Path dir, String id, String text) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve(id + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        // a new modification time even within the file system's time resolution
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + TICK++ * 1000));
    }

    private static long TICK = 1;

    private static BuildReport build(Path in, GraphStore gs, boolean prune) {
        BuildReport r = Build.create().prune(prune).build().run(List.of(in), gs);
        assertTrue(r.skipped().isEmpty(), () -> "every article is built: " + r.skipped());
        return r;
    }

    /** Every close match names two persons some article graph states. */
    private static void assertPairsNameStoredPersons(GraphStore gs) {
        Set<String> persons = PersonResolutionBuildTest.allPersons(gs);
        for (String pair : PersonResolutionBuildTest.closeMatches(gs)) {
            for (String p : pair.split(" ")) assertTrue(persons.contains(p), () -> pair + ": " + p + " is in no article");
        }
    }

    private static void assertAsFresh(Path in, GraphStore gs) {
        try (GraphStore fresh = GraphStore.inMemory()) {
            PersonResolutionBuildTest.build(in, fresh, Decisions.NONE);
            assertEquals(PersonResolutionBuildTest.persons(fresh, "Lê Văn Hùng"), PersonResolutionBuildTest.persons(gs, "Lê Văn Hùng"));
            assertEquals(PersonResolutionBuildTest.closeMatches(fresh), PersonResolutionBuildTest.closeMatches(gs),
                    "the same-name pairs of a fresh build of the final input");
        }
    }

    @Test
    void aNamesakePrunedLeavesNoPairBehind() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "hung-a", HUNG_A);
        write(in, "hung-b", HUNG_B);
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            build(in, gs, true);
            assertEquals(1, PersonResolutionBuildTest.closeMatches(gs).size(), "the two Lê Văn Hùng are left open");
            Files.delete(in.resolve("hung-b.txt"));
            build(in, gs, true); // the Cà Mau namesake's only article goes
            build(in, gs, true); // the final input once more
            assertPairsNameStoredPersons(gs);
            assertAsFresh(in, gs);
        }
    }

    @Test
    void aNamesakeRenamedByAnEditLeavesNoPairBehind() throws Exception {
        Path in = tmp.resolve("in");
        write(in, "hung-a", HUNG_A);
        write(in, "hung-b", HUNG_B);
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            build(in, gs, false);
            assertEquals(1, PersonResolutionBuildTest.closeMatches(gs).size(), "the two Lê Văn Hùng are left open");
            // the article is corrected: the Cà Mau director is Lê Văn Hưng, not Hùng (another identity form)
            write(in, "hung-b", HUNG_B.replace("Lê Văn Hùng", "Lê Văn Hưng"));
            build(in, gs, false);
            build(in, gs, false); // the final input once more
            assertPairsNameStoredPersons(gs);
            assertAsFresh(in, gs);
        }
    }
}
