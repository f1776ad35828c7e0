package org.vietpol.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One news article after reading and cleaning.
 *
 * @param id        the contract's identifier: file name without extension, or the JSON Lines {@code id}
 * @param source    where it came from, for messages: a path, or {@code path:line} for JSON Lines
 * @param url       the article's address when known, else null
 * @param title     the headline (also the first paragraph of {@code text})
 * @param published publication date when the page gives one, else null
 * @param text      cleaned content: NFC, page clutter, bylines and photo credits removed, one paragraph a line;
 *                  every extraction offset points into this string
 * @param bylines   lines removed as bylines or source notes ("Anh Thuần - Văn phòng Thành ủy Huế"): never a
 *                  source of persons, but they tell where an article comes from
 */
public record Article(String id, String source, String url, String title, LocalDate published, String text,
                      List<String> bylines) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        bylines = List.copyOf(bylines);
        if (id.isBlank()) throw new IllegalArgumentException("article id must not be blank (" + source + ")");
    }
}
