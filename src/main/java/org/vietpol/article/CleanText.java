package org.vietpol.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TextCleaner} makes of a page's text.
 *
 * @param text      the article: NFC, one paragraph a line, the headline first; empty when nothing was left
 * @param headline  the first line of {@code text} (empty when {@code text} is)
 * @param published the date a dateline line gave, else null
 * @param bylines   removed bylines and source notes, in page order
 */
public record CleanText(String text, String headline, LocalDate published, List<String> bylines) {
    public CleanText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(headline, "headline");
        bylines = List.copyOf(bylines);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
