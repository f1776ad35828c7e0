package org.vietpol.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * One real person as resolution knows it: the IRI, the identity form of the name, the spellings met (with how
 * often), and what the articles resolved to it said: bodies, provinces, and when.
 */
public final class PersonCluster {
    /** One article's statement of the person: its date, the provinces of its posts, whether it reports a change. */
    public record Stint(String article, LocalDate date, Set<Node> provinces, boolean changed) {}

    private final String iri;
    private final String key;
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final Set<Node> orgs = new LinkedHashSet<>();
    private final Set<Node> provinces = new LinkedHashSet<>();
    private final Set<Node> context = new LinkedHashSet<>();
    private final List<Stint> stints = new ArrayList<>();

    PersonCluster(String iri, String key) {
        this.iri = iri;
        this.key = key;
    }

    public String iri() { return iri; }
    public String key() { return key; }
    public Set<Node> orgs() { return orgs; }
    public Set<Node> provinces() { return provinces; }
    /** The provinces the articles of this person name at all. */
    public Set<Node> context() { return context; }
    public List<Stint> stints() { return stints; }
    public Map<String, Integer> names() { return names; }

    /** The spelling for {@code foaf:name}: the most frequent, the first met on a tie. */
    public String name() {
        String best = null;
        int n = -1;
        for (var e : names.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    public Set<String> articles() {
        Set<String> out = new LinkedHashSet<>();
        for (Stint s : stints) out.add(s.article());
        return out;
    }

    /** Adds an article's evidence; the same article again replaces what it said before (a rebuild adds nothing). */
    void add(PersonMention m) {
        boolean again = stints.removeIf(s -> s.article().equals(m.article()));
        for (String n : m.names()) names.merge(n, again ? 0 : 1, Integer::sum);
        orgs.addAll(m.orgs());
        orgs.addAll(m.left());
        provinces.addAll(m.provinces());
        context.addAll(m.context());
        stints.add(new Stint(m.article(), m.date(), m.provinces(), m.changed()));
    }

    /** Takes in another cluster found to be the same person. */
    void absorb(PersonCluster other) {
        other.names.forEach((n, c) -> names.merge(n, c, Integer::sum));
        orgs.addAll(other.orgs);
        provinces.addAll(other.provinces);
        context.addAll(other.context);
        for (Stint s : other.stints) {
            if (stints.stream().noneMatch(x -> x.article().equals(s.article()))) stints.add(s);
        }
    }

    @Override
    public String toString() {
        return iri + " " + names.keySet();
    }
}
