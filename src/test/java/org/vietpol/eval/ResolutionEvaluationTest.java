package org.vietpol.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.store.GraphStore;

/**
 * Person resolution on the resolution set (src/test/resources/resolution: cases of real news with gold person
 * clusters), each case built on its own as a user would build those articles, scored pairwise.
 */
class ResolutionEvaluationTest {
    static final Path SET = Path.of("src/test/resources/resolution");

    static ResolutionScorer.Score score() throws Exception {
        List<ResolutionScorer.Score> scores = new ArrayList<>();
        for (ResolutionScorer.Case c : ResolutionScorer.readCases(SET)) {
            try (GraphStore gs = GraphStore.inMemory()) {
                BuildReport r = Build.create().build().run(List.of(c.dir()), gs);
                assertTrue(r.skipped().isEmpty(), c.id() + ": every article is read: " + r.skipped());
                scores.add(ResolutionScorer.score(gs.dataset(), c));
            }
        }
        ResolutionScorer.Score t = ResolutionScorer.total(scores);
        System.out.printf("resolution: %d cases, %d mentions (%d found), pairs P=%.3f R=%.3f F1=%.3f%n", scores.size(),
                t.mentions(), t.found(), t.precision(), t.recall(), t.f1());
        t.errors().forEach(e -> System.out.println("  " + e));
        return t;
    }

    @Test
    void namesakesStayApartAndOnePersonIsOne() throws Exception {
        ResolutionScorer.Score t = score();
        assertTrue(t.precision() >= 0.98, () -> "pairwise precision " + t.precision());
        assertTrue(t.recall() >= 0.95, () -> "pairwise recall " + t.recall());
    }
}
