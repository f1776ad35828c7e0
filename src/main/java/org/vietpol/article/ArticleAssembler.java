package org.vietpol.article;

import java.time.LocalDate;
import java.util.Optional;

/** Builds an {@link Article} from what a reader found, so that every input format is cleaned the same way. */
final class ArticleAssembler {
    private final TextCleaner cleaner;

    ArticleAssembler(TextCleaner cleaner) {
        this.cleaner = cleaner;
    }

    TextCleaner cleaner() {
        return cleaner;
    }

    /**
     * Cleans {@code title} + body; empty when no text is left. A known title becomes the first line (the
     * headline); the page's own date wins over one found in the text.
     */
    Optional<Article> assemble(String id, String source, String url, String title, LocalDate published,
                               String body) {
        return assemble(id, source, url, title, published, body, java.util.List.of());
    }

    /** As above, with the texts of the page that may name its outlet (kept as source notes when they do). */
    Optional<Article> assemble(String id, String source, String url, String title, LocalDate published,
                               String body, java.util.List<String> masthead) {
        String raw = title == null || title.isBlank() ? body : title + "\n" + body;
        CleanText clean = cleaner.clean(raw);
        if (clean.isEmpty()) return Optional.empty();
        LocalDate date = published != null ? published : clean.published();
        java.util.List<String> notes = new java.util.ArrayList<>(clean.bylines());
        for (String m : masthead) if (cleaner.lexicon().isMasthead(m) && !notes.contains(m)) notes.add(m);
        return Optional.of(new Article(id, source, blankToNull(url), clean.headline(), date, clean.text(), notes));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
