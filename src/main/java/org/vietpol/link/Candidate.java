package org.vietpol.link;

import java.util.List;
import java.util.Set;

/**
 * A Wikidata item that may be one of our persons: its Vietnamese label, parties (P102) and positions held (P39),
 * each with the places the statement or the position concerns (qualifiers P768 electoral district and P1001
 * jurisdiction, or the position's own P1001). Its citizenship (P27 Q881) was required by the query.
 */
public record Candidate(String qid, String label, Set<String> parties, List<Position> positions) {
    public record Position(String qid, String label, Set<String> places) {
        public Position {
            places = Set.copyOf(places);
        }
    }

    public Candidate {
        parties = Set.copyOf(parties);
        positions = List.copyOf(positions);
    }
}
