package org.vietpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vietpol review} lists the same-name pairs the build left open, and a decision closes one. */
class ReviewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reviewListsTheOpenPairWithItsEvidenceAndALineForTheDecisionsFile() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("hung-a.txt"), "Huyện ủy Gio Linh ra quân\n15/02/2020\n\nNgày 15/2, Bí thư Huyện ủy Gio Linh "
                + "Lê Văn Hùng dự lễ ra quân đầu năm tại huyện Gio Linh, tỉnh Quảng Trị.\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("hung-b.txt"), "Sở Tài chính Cà Mau họp giao ban\n12/10/2024\n\nNgày 12/10, ông Lê Văn Hùng, "
                + "Giám đốc Sở Tài chính tỉnh Cà Mau, chủ trì cuộc họp giao ban tháng 10.\n", StandardCharsets.UTF_8);
        String store = tmp.resolve("store").toString();
        assertEquals(0, EndToEndTest.cli("build", "--store", store, in.toString()).exit());

        EndToEndTest.Run review = EndToEndTest.cli("review", "--store", store);
        assertEquals(0, review.exit(), review.err());
        assertTrue(review.out().contains("# 1 open pairs"), review.out());
        assertTrue(review.out().contains("Lê Văn Hùng / Lê Văn Hùng"), review.out());
        assertTrue(review.out().contains("Tỉnh ủy") || review.out().contains("Huyện ủy Gio Linh"), review.out());
        assertTrue(review.out().contains("articles: hung-a") && review.out().contains("articles: hung-b"), review.out());
        List<String> lines = review.out().lines().filter(l -> l.endsWith("\tsame|different")).toList();
        assertEquals(1, lines.size(), review.out());

        // pasted into the decisions file with the judgement chosen, the pair is settled
        Path decisions = tmp.resolve("decisions.tsv");
        Files.writeString(decisions, lines.get(0).replace("same|different", "different") + "\n", StandardCharsets.UTF_8);
        EndToEndTest.Run after = EndToEndTest.cli("review", "--store", store, "--decisions", decisions.toString());
        assertTrue(after.out().contains("# 0 open pairs"), after.out());
        assertEquals(0, EndToEndTest.cli("build", "--store", store, "--decisions", decisions.toString(), in.toString()).exit());
        assertTrue(EndToEndTest.cli("review", "--store", store).out().contains("# 0 open pairs"), "the build applied it");

        // left undecided, the line is refused with a reason
        Files.writeString(decisions, lines.get(0) + "\n", StandardCharsets.UTF_8);
        EndToEndTest.Run refused = EndToEndTest.cli("build", "--store", store, "--decisions", decisions.toString(), in.toString());
        assertEquals(Main.USAGE, refused.exit());
        assertTrue(refused.err().contains("choose 'same' or 'different'"), refused.err());
    }

    @Test
    void evalScoresPersonResolutionOnAResolutionSet() {
        EndToEndTest.Run eval = EndToEndTest.cli("eval", "--resolution", "src/test/resources/resolution");
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("person resolution: 42 cases"), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.startsWith("persons ")), eval.out());
    }
}
