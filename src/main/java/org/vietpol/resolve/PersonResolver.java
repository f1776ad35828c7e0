package org.vietpol.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Unit;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.text.VietText;

/**
 * Person resolution: the stage after extraction that gives one IRI to each real person across articles. Articles
 * are taken one at a time, in input order, against a registry of the persons met so far:
 * <ul>
 *   <li>the spellings of one name in one article (tone-mark placement, case, spacing) are one person;</li>
 *   <li>a person of the same identity form already met is the same person when the article shares evidence with
 *       it: a body of a post held, taken or left (so a transfer that leaves a post of one province and takes one
 *       of another joins the person of both), or, failing that, a province (one merged into the other in 2025
 *       counts, its new posts named up to {@value #MERGER_LEAD_DAYS} days before the merger), or, failing that, the
 *       one candidate whose province the article names (as the report of a move names where the person came from);</li>
 *   <li>posts one person cannot hold at once keep namesakes apart: posts in two different provinces stated within
 *       {@value #SAME_TIME_DAYS} days of each other, with no change reported in either article;</li>
 *   <li>a same-name person with no evidence either way is not merged: the new person gets a {@code skos:closeMatch}
 *       to it, with a score, for review; a decisions file settles such pairs for every later build.</li>
 * </ul>
 * Deterministic: the same articles in the same order give the same IRIs; a person's IRI, minted from the first
 * spelling met (and a namesake's from its first evidence too), never changes when articles that do not touch it are
 * added. {@link #register} rebuilds the registry from the article graphs a build stored.
 */
public final class PersonResolver {
    static final int SAME_TIME_DAYS = 45;
    /** How long before a merger of provinces took effect the new province's posts may be stated. */
    static final int MERGER_LEAD_DAYS = 31;
    /** The score of a same-name pair resolution could neither join nor tell apart. */
    public static final double UNDECIDED = 0.5;
    /** The score of a same-name pair with a province in common but no body (two persons of one province, or one). */
    public static final double SHARED_PROVINCE = 0.7;

    /** What resolving one article decided. */
    public record Result(Map<Node, Node> iris, Map<Node, String> names, List<CloseMatch> closeMatches,
                         List<Merge> merges) {}

    /** Two persons that may be one: same name, no evidence either way. */
    public record CloseMatch(String iri, String other, double score, String why) {}

    /** A person found to be another: the article linked both (a transfer), or a decision said so. */
    public record Merge(String from, String into) {}

    private final Map<String, List<PersonCluster>> byKey = new HashMap<>();
    private final Map<String, PersonCluster> byIri = new LinkedHashMap<>();
    private final Map<String, CloseMatch> open = new LinkedHashMap<>();
    private final Decisions decisions;
    private final Gazetteer gaz;
    /** Stored persons not yet in the registry, taken in when first needed ({@link StoredPersons}); none by default. */
    private StoredPersons stored = StoredPersons.NONE;

    /**
     * The stored persons of a store the registry was not rebuilt from in full: those of a name's identity form are
     * taken in, all at once, before a mention of that form is resolved, and the one an IRI names before the IRI is
     * minted; so the registry answers as if every stored person had been registered at the start.
     */
    interface StoredPersons {
        StoredPersons NONE = new StoredPersons() {
            @Override
            public void key(String key) {}

            @Override
            public void iri(String iri) {}
        };

        /** Registers the stored persons of this identity form, if not done yet. */
        void key(String key);

        /** Registers the stored person of this IRI (with the others of its form), if there is one and not done yet. */
        void iri(String iri);
    }

    void storedPersons(StoredPersons stored) {
        this.stored = stored;
    }

    public PersonResolver(Decisions decisions, Gazetteer gaz) {
        this.decisions = decisions;
        this.gaz = gaz;
    }

    /** An empty registry under the same decisions and gazetteer. */
    PersonResolver blank() {
        return new PersonResolver(decisions, gaz);
    }

    public Map<String, PersonCluster> persons() {
        return Collections.unmodifiableMap(byIri);
    }

    /** Same-name pairs left open (no decision), the most evidence first. */
    public List<CloseMatch> openPairs() {
        List<CloseMatch> out = new ArrayList<>();
        for (CloseMatch c : open.values()) {
            if (decisions.of(c.iri(), c.other()) == null && byIri.containsKey(c.iri()) && byIri.containsKey(c.other())) out.add(c);
        }
        out.sort((a, b) -> Integer.compare(weight(b), weight(a)));
        return out;
    }

    private int weight(CloseMatch c) {
        return byIri.get(c.iri()).stints().size() + byIri.get(c.other()).stints().size();
    }

    /**
     * Takes in the persons of an article graph a build resolved and stored before: the registry, rebuilt from the
     * store, so a later build resolves new articles against the persons already there and renames none of them.
     */
    public void register(ArticleGraph stored) {
        register(stored, null);
    }

    /** As {@link #register(ArticleGraph)}, for the persons of {@code only} in the graph (all when null). */
    void register(ArticleGraph stored, Set<Node> only) {
        for (PersonMention m : PersonMention.stored(stored)) {
            if (only != null && !only.contains(m.provisional())) continue;
            String iri = m.provisional().getURI();
            PersonCluster c = byIri.get(iri);
            if (c == null) {
                c = new PersonCluster(iri, m.key());
                byIri.put(iri, c);
                byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(c);
            }
            c.add(m);
        }
    }

    /**
     * The same-name pairs of the registry resolution left apart without evidence that they are two (no posts held
     * at once in two provinces) and no decision on: the close matches of the graph, the most evidence first, then
     * by IRI. Computed from the registry alone, so a build that changes nothing gives the same pairs.
     */
    public List<CloseMatch> sameNamePairs() {
        return sameNamePairs(null);
    }

    /** As {@link #sameNamePairs()}, for the persons of these identity forms only (all when null). */
    List<CloseMatch> sameNamePairs(Set<String> keys) {
        List<CloseMatch> out = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            List<PersonCluster> same = e.getValue();
            if (same.size() < 2 || keys != null && !keys.contains(e.getKey())) continue;
            List<PersonCluster> cs = new ArrayList<>(same);
            cs.sort(java.util.Comparator.comparing(PersonCluster::iri));
            for (int i = 0; i < cs.size(); i++) {
                for (int j = i + 1; j < cs.size(); j++) {
                    PersonCluster a = cs.get(i), b = cs.get(j);
                    if (decisions.of(a.iri(), b.iri()) != null || conflict(a, b)) continue;
                    boolean province = !disjoint(a.provinces(), b.provinces());
                    String why = "same name; " + (a.orgs().isEmpty() || b.orgs().isEmpty() ? "a side with no post stated"
                            : province ? "a province in common, no body" : "no body or province in common");
                    out.add(new CloseMatch(a.iri(), b.iri(), province ? SHARED_PROVINCE : UNDECIDED, why));
                }
            }
        }
        out.sort((x, y) -> {
            int w = Integer.compare(weight(y), weight(x));
            if (w != 0) return w;
            int c = x.iri().compareTo(y.iri());
            return c != 0 ? c : x.other().compareTo(y.other());
        });
        return out;
    }

    /** Two persons of one name stated in posts of two provinces within weeks of each other, neither in a change. */
    private static boolean conflict(PersonCluster a, PersonCluster b) {
        for (PersonCluster.Stint s : a.stints()) {
            if (s.date() == null || s.changed() || s.provinces().isEmpty()) continue;
            for (PersonCluster.Stint t : b.stints()) {
                if (t.date() == null || t.changed() || t.provinces().isEmpty()) continue;
                if (Math.abs(ChronoUnit.DAYS.between(s.date(), t.date())) <= SAME_TIME_DAYS && disjoint(s.provinces(), t.provinces())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Resolves the persons of one article graph and records its evidence. */
    public Result resolve(ArticleGraph g) {
        return resolve(PersonMention.of(g), PersonMention.provisionals(g));
    }

    /**
     * As {@link #resolve(ArticleGraph)}, from what was read off the graph beforehand ({@link PersonMention#of} and
     * {@link PersonMention#provisionals}): a loader that reads the graphs twice keeps only these in between.
     */
    public Result resolve(List<PersonMention> mentions, Map<String, List<Node>> provisional) {
        Map<Node, Node> iris = new LinkedHashMap<>();
        Map<Node, String> names = new LinkedHashMap<>();
        List<CloseMatch> close = new ArrayList<>();
        List<Merge> merges = new ArrayList<>();
        for (PersonMention m : mentions) {
            PersonCluster c = resolve(m, close, merges);
            Node iri = NodeFactory.createURI(c.iri());
            for (Node p : provisional.getOrDefault(m.key(), List.of(m.provisional()))) iris.put(p, iri);
            names.put(iri, c.name());
        }
        return new Result(iris, names, close, merges);
    }

    private PersonCluster resolve(PersonMention m, List<CloseMatch> close, List<Merge> merges) {
        stored.key(m.key());
        List<PersonCluster> candidates = byKey.getOrDefault(m.key(), List.of());
        List<PersonCluster> strong = new ArrayList<>(), medium = new ArrayList<>(), undecided = new ArrayList<>();
        for (PersonCluster c : candidates) {
            boolean sharesBody = !disjoint(c.orgs(), m.orgs()) || !disjoint(c.orgs(), m.left());
            boolean sharesProvince = sharesProvince(c, m);
            if (sharesBody) strong.add(c);
            else if (conflict(c, m)) continue;
            else if (sharesProvince) medium.add(c);
            else undecided.add(c);
        }
        PersonCluster into;
        if (!strong.isEmpty()) {
            into = strong.get(0);
            // one article stating bodies of several same-name persons (a transfer from one to the other) joins them
            for (PersonCluster other : strong.subList(1, strong.size())) {
                if (decisions.of(into.iri(), other.iri()) == Decisions.Judgement.DIFFERENT) continue;
                merge(other, into);
                merges.add(new Merge(other.iri(), into.iri()));
            }
        } else if (medium.size() == 1) {
            into = medium.get(0);
        } else if (medium.isEmpty() && named(undecided, m) != null) {
            into = named(undecided, m);
        } else {
            into = null;
        }
        if (into == null) {
            into = mint(m);
            for (PersonCluster c : medium.size() > 1 ? medium : undecided) {
                if (decisions.of(into.iri(), c.iri()) == Decisions.Judgement.DIFFERENT) continue;
                CloseMatch cm = new CloseMatch(into.iri(), c.iri(), UNDECIDED, why(c, m));
                close.add(cm);
                open.put(into.iri() + " " + c.iri(), cm);
            }
        }
        into.add(m);
        return applyDecisions(into, merges);
    }

    /**
     * The one same-name person whose province the article names (or whose articles name the article's province):
     * the article speaks of the place the person was in, as a report of a move names where the person came from.
     */
    private static PersonCluster named(List<PersonCluster> undecided, PersonMention m) {
        PersonCluster found = null;
        for (PersonCluster c : undecided) {
            if (!disjoint(c.provinces(), m.context()) || !disjoint(m.provinces(), c.context())) {
                if (found != null) return null;
                found = c;
            }
        }
        return found;
    }

    /** A "same" decision naming this person: it becomes the person the decision keeps. */
    private PersonCluster applyDecisions(PersonCluster c, List<Merge> merges) {
        String keep = decisions.canonical(c.iri());
        if (keep.equals(c.iri())) {
            // a person judged the same as this one, met before: taken in
            for (var e : decisions.sameAs().entrySet()) {
                if (e.getValue().equals(c.iri()) && byIri.containsKey(e.getKey())) {
                    merge(byIri.get(e.getKey()), c);
                    merges.add(new Merge(e.getKey(), c.iri()));
                }
            }
            return c;
        }
        PersonCluster target = byIri.get(keep);
        if (target == null) return c;
        merge(c, target);
        merges.add(new Merge(c.iri(), target.iri()));
        return target;
    }

    private void merge(PersonCluster from, PersonCluster into) {
        into.absorb(from);
        byIri.remove(from.iri());
        byKey.get(from.key()).remove(from);
    }

    private static String why(PersonCluster c, PersonMention m) {
        return "same name; " + (m.orgs().isEmpty() && m.left().isEmpty() ? "no post stated" : "no body or province in common");
    }

    /**
     * A province in common: the same, or one merged into the other (2025-07-01) with the person stated in the old
     * one before the merger and in the new one after ("Bí thư Tỉnh ủy Trà Vinh" in 2020, "Vĩnh Long" in 2025).
     */
    private boolean sharesProvince(PersonCluster c, PersonMention m) {
        if (!disjoint(c.provinces(), m.provinces())) return true;
        for (PersonCluster.Stint s : c.stints()) {
            if (mergedInto(s.provinces(), s.date(), m.provinces(), m.date()) || mergedInto(m.provinces(), m.date(), s.provinces(), s.date())) {
                return true;
            }
        }
        return false;
    }

    private boolean mergedInto(Set<Node> old, java.time.LocalDate then, Set<Node> now, java.time.LocalDate later) {
        if (then == null || later == null) return false;
        for (Node p : old) {
            Unit u = gaz.get(p.getURI().substring(UNIT.length())).orElse(null);
            if (u == null || u.successor() == null || u.validTo() == null) continue;
            // the merged provinces' leaders were named in the last days before the merger took effect
            if (!then.isAfter(u.validTo()) && later.isAfter(u.validTo().minusDays(MERGER_LEAD_DAYS)) && later.isAfter(then)
                    && now.contains(NodeFactory.createURI(UNIT + u.successor()))) {
                return true;
            }
        }
        return false;
    }

    private static final String UNIT = Vocab.ID + "unit/";

    /** Posts in two provinces at once: a same-name person of another province stated within weeks of this one. */
    private static boolean conflict(PersonCluster c, PersonMention m) {
        if (m.provinces().isEmpty() || m.changed() || m.date() == null) return false;
        for (PersonCluster.Stint s : c.stints()) {
            if (s.date() == null || s.changed() || s.provinces().isEmpty()) continue;
            if (Math.abs(ChronoUnit.DAYS.between(s.date(), m.date())) <= SAME_TIME_DAYS && disjoint(s.provinces(), m.provinces())) {
                return true;
            }
        }
        return false;
    }

    private PersonCluster mint(PersonMention m) {
        String first = m.names().get(0);
        // the first person of a name keeps the IRI the name gives (Iris.person: links and queries made before
        // resolution still find it); a namesake's is told apart by its first evidence, the same every time
        String iri = org.vietpol.graph.Iris.person(first);
        stored.iri(iri);
        if (byIri.containsKey(iri)) {
            String seed = m.key() + "|" + (m.orgs().isEmpty() && m.left().isEmpty() ? m.article()
                    : firstIri(m.orgs(), m.left()));
            String base = iri + "-" + hex(seed);
            iri = base;
            stored.iri(iri);
            for (int i = 2; byIri.containsKey(iri); i++) {
                iri = base + "-" + i;
                stored.iri(iri);
            }
        }
        PersonCluster c = new PersonCluster(iri, m.key());
        byIri.put(iri, c);
        byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(c);
        return c;
    }

    private static String firstIri(Set<Node> a, Set<Node> b) {
        String best = null;
        for (Set<Node> s : List.of(a, b)) {
            for (Node n : s) if (best == null || n.getURI().compareTo(best) < 0) best = n.getURI();
        }
        return best;
    }

    private static boolean disjoint(Set<Node> a, Set<Node> b) {
        for (Node x : a) if (b.contains(x)) return false;
        return true;
    }

    private static String hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%02x%02x", d[0], d[1]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
