package org.vietpol.build;

import java.time.Duration;
import java.util.List;
import org.vietpol.article.InputProblem;

/**
 * What a build did: articles read and loaded, inputs skipped (with reasons), warnings, and the graph's size: its
 * quads are counted only by a whole build (into an empty store, or under other rules), -1 after an incremental one,
 * whose cost must follow what changed (counting walks the whole quad index).
 */
public record BuildReport(int articlesRead, int articlesLoaded, List<InputProblem> skipped, List<String> warnings,
                          long persons, long organizations, long positions, long meetings, long documents, long quads,
                          Duration elapsed) {
    public BuildReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("articles: %d read, %d loaded, %d skipped%n", articlesRead, articlesLoaded, skipped.size()));
        for (InputProblem p : skipped) sb.append("  skipped ").append(p).append(System.lineSeparator());
        for (String w : warnings) sb.append("  warning: ").append(w).append(System.lineSeparator());
        sb.append(String.format("persons: %d, organizations: %d, positions: %d, meetings: %d, documents: %d%n",
                persons, organizations, positions, meetings, documents));
        if (quads >= 0) sb.append(String.format("quads: %d, ", quads));
        sb.append(String.format("seconds: %.1f", elapsed.toMillis() / 1000.0));
        return sb.toString();
    }
}
