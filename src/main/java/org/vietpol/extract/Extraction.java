package org.vietpol.extract;

import java.util.List;
import java.util.Set;
import org.vietpol.article.Article;

/**
 * Everything extracted from one article: {@code locality} is the place the article is about, or null; the
 * positions held once the reported events are over, the changes of post in those events, meetings, documents,
 * the names of the grammar rules that fired, and the posts stated as past ("nguyên Bí thư Tỉnh ủy X"): not held,
 * kept as what tells one person's career from a namesake's.
 */
public record Extraction(Article article, Unit locality, List<Position> positions, List<Change> changes,
                         List<MeetingFact> meetings, List<DocumentFact> documents, Set<String> rulesFired,
                         List<Position> formerPositions) {
    public Extraction {
        formerPositions = List.copyOf(formerPositions);
        positions = List.copyOf(positions);
        changes = List.copyOf(changes);
        meetings = List.copyOf(meetings);
        documents = List.copyOf(documents);
        rulesFired = Set.copyOf(rulesFired);
    }
}
