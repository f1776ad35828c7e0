package org.vietpol.extract;

import java.util.List;
import org.vietpol.article.Article;

/** Everything extracted from one article. {@code locality} is the place the article is about, or null. */
public record Extraction(Article article, Unit locality, List<Position> positions, List<MeetingFact> meetings,
                         List<DocumentFact> documents) {
    public Extraction {
        positions = List.copyOf(positions);
        meetings = List.copyOf(meetings);
        documents = List.copyOf(documents);
    }
}
