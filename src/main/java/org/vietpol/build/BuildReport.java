package org.vietpol.build;

import java.time.Duration;
import java.util.List;
import org.vietpol.article.InputProblem;

/** What a build did: articles read and loaded, inputs skipped (with reasons), warnings, and the graph's size. */
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
        sb.append(String.format("quads: %d, seconds: %.1f", quads, elapsed.toMillis() / 1000.0));
        return sb.toString();
    }
}
