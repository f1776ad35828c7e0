package org.vietpol.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;

/** The extractor on the five seed articles, scored against their gold annotations with the contract's score. */
class SeedEvaluationTest {
    static Map<String, Scorer.Score> scores;

    @BeforeAll
    static void buildAndScore() throws Exception {
        List<Gold> gold = Gold.readDirectory(Path.of("src/test/resources/gold/seeds"));
        assertEquals(5, gold.size());
        try (GraphStore gs = GraphStore.inMemory()) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
            scores = Scorer.score(gs.dataset(), gold);
        }
    }

    @Test
    void officialsF1AtLeast095() {
        assertTrue(scores.get("officials").f1() >= 0.95, () -> report("officials"));
    }

    @Test
    void meetingsF1AtLeast095() {
        assertTrue(scores.get("meetings").f1() >= 0.95, () -> report("meetings"));
    }

    @Test
    void documentsF1AtLeast095() {
        assertTrue(scores.get("documents").f1() >= 0.95, () -> report("documents"));
    }

    private static String report(String cat) {
        Scorer.Score s = scores.get(cat);
        return cat + " F1 " + s.f1() + " missed " + s.missed() + " spurious " + s.spurious();
    }

    @Test
    void scoreNormalisesPlacesAndTonePlacementTheContractWay() {
        Tuple gold = Tuple.of("officials", java.util.Arrays.asList("Nguyễn Văn Hoà", "Secretary", "PartyCommittee", "TP. Bà Rịa - Vũng Tàu"));
        Tuple got = Tuple.of("officials", java.util.Arrays.asList("nguyễn  văn hòa", "Secretary", "PartyCommittee", "Bà Rịa-Vũng Tàu"));
        assertTrue(gold.matches(got));
        Tuple other = Tuple.of("officials", java.util.Arrays.asList("Nguyễn Văn Hoà", "Secretary", "PartyCommittee", "Huế"));
        assertFalse(gold.matches(other));
    }

    @Test
    void aBareGoldNumberMatchesTheFullNumberButNotAnother() {
        Tuple gold = Tuple.of("documents", List.of("Resolution", "31"));
        assertTrue(gold.matches(Tuple.of("documents", List.of("Resolution", "31-NQ/TW"))));
        assertFalse(gold.matches(Tuple.of("documents", List.of("Resolution", "312-NQ/TW"))));
        assertFalse(gold.matches(Tuple.of("documents", List.of("Directive", "31-CT/TW"))));
    }
}
