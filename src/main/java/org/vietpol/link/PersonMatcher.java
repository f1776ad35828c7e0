package org.vietpol.link;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.vietpol.text.VietText;

/**
 * Scores Wikidata candidates for one of our persons. Points (out of 100), each for evidence that is easy to check:
 * <ul>
 *   <li>{@value #NAME}: the candidate's Vietnamese label is our name (compared after NFC, case folding and tone-mark
 *       placement), or {@value #ALIAS} when only an alias or another tone-mark spelling matched;</li>
 *   <li>{@value #PARTY}: member of the Communist Party of Vietnam (P102 Q427325);</li>
 *   <li>{@value #POSITION}: a position held (P39) is one of our memberships: the position item that links-central.tsv
 *       gives for that role and body, or a position whose Vietnamese label starts with our role's name ("Bí thư") and
 *       then names our body (by its label, "Thành ủy Hà Nội", or by its kind and place, "Ủy ban nhân dân … Hồ Chí
 *       Minh");</li>
 *   <li>{@value #JURISDICTION}: a position held concerns (P768, P1001) a unit where we see the person in office,
 *       or a unit containing it; the country does not count, as every candidate is a citizen.</li>
 * </ul>
 * {@value #SAME_AS} points or more gives owl:sameAs, {@value #CLOSE_MATCH} or more skos:closeMatch, less nothing.
 * Without the party, a candidate scores at most 75: a confident link needs it. Name and party alone (60) give a
 * closeMatch; name, party and a matching position (85) a sameAs. When two candidates both reach {@value #SAME_AS},
 * neither is sure: both become closeMatch.
 */
public final class PersonMatcher {
    public static final int NAME = 35, ALIAS = 25, PARTY = 25, POSITION = 25, JURISDICTION = 15;
    public static final int SAME_AS = 80, CLOSE_MATCH = 50;

    /**
     * One of our memberships, as the matcher compares it: the role (local name and Vietnamese label), the
     * organization (IRI, kind, Vietnamese labels of the body and its kind), the place's name and the Wikidata items
     * of the place and the units containing it (without the country).
     */
    public record Held(String role, String roleLabel, String org, String orgKind, String orgLabel, String kindLabel,
                       String placeName, Set<String> placeQids) {}

    public record Person(String iri, String name, List<Held> held) {}

    public record Score(Candidate candidate, int points, List<String> reasons) {
        public BigDecimal value() {
            return BigDecimal.valueOf(points, 2);
        }
    }

    public record Decision(Candidate candidate, Link.Relation relation, Score score) {}

    private final List<LinkTables.PositionItem> items;

    public PersonMatcher(List<LinkTables.PositionItem> items) {
        this.items = List.copyOf(items);
    }

    public Score score(Person p, Candidate c) {
        int points = 0;
        List<String> reasons = new ArrayList<>();
        if (c.label() != null && VietText.key(c.label()).equals(VietText.key(p.name()))) {
            points += NAME;
            reasons.add("Vietnamese label is the name");
        } else {
            points += ALIAS;
            reasons.add("an alias or spelling variant is the name");
        }
        if (c.parties().contains(ExternalIds.PARTY)) {
            points += PARTY;
            reasons.add("party " + ExternalIds.PARTY);
        }
        String position = null, place = null;
        for (Candidate.Position pos : c.positions()) {
            for (Held h : p.held()) {
                if (position == null && holds(h, pos)) position = pos.qid();
                if (place == null) place = pos.places().stream().filter(h.placeQids()::contains).sorted().findFirst().orElse(null);
            }
        }
        if (position != null) {
            points += POSITION;
            reasons.add("position " + position + " matches a membership");
        }
        if (place != null) {
            points += JURISDICTION;
            reasons.add("position concerns " + place);
        }
        return new Score(c, points, reasons);
    }

    /** The links for one person: one sameAs for a clear best candidate, else closeMatch for each plausible one. */
    public List<Decision> decide(Person p, List<Candidate> candidates) {
        List<Score> scores = new ArrayList<>();
        for (Candidate c : candidates) scores.add(score(p, c));
        scores.sort(Comparator.comparingInt(Score::points).reversed().thenComparing(s -> qidNumber(s.candidate().qid())));
        List<Decision> out = new ArrayList<>();
        if (scores.isEmpty()) return out;
        Score best = scores.get(0);
        boolean clear = best.points() >= SAME_AS && (scores.size() == 1 || scores.get(1).points() < SAME_AS);
        if (clear) {
            out.add(new Decision(best.candidate(), Link.Relation.SAME_AS, best));
            return out;
        }
        for (Score s : scores) {
            if (s.points() >= CLOSE_MATCH) out.add(new Decision(s.candidate(), Link.Relation.CLOSE_MATCH, s));
        }
        return out;
    }

    boolean holds(Held h, Candidate.Position pos) {
        for (LinkTables.PositionItem item : items) {
            if (item.qid().equals(pos.qid()) && item.matches(h.org(), h.orgKind(), h.role())) return true;
        }
        if (pos.label() == null || h.roleLabel() == null) return false;
        String label = VietText.key(pos.label()), role = VietText.key(h.roleLabel());
        if (!label.startsWith(role + " ")) return false;
        String rest = label.substring(role.length() + 1);
        if (h.orgLabel() != null && rest.contains(VietText.key(h.orgLabel()))) return true;
        return h.kindLabel() != null && h.placeName() != null
                && rest.contains(VietText.key(h.kindLabel())) && rest.contains(VietText.key(h.placeName()));
    }

    private static long qidNumber(String qid) {
        try {
            return Long.parseLong(qid.substring(1));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
