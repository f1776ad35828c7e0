package org.vietpol.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.vietpol.graph.Vocab;
import org.vietpol.text.VietText;

/**
 * Search of names and labels that ignores case and diacritics ("nguyen van nen" finds "Nguyễn Văn Nên").
 * <p>
 * SPARQL alone cannot fold Vietnamese diacritics, and the graph holds no folded copy of its labels. Rather than
 * ship every label to the browser, each request reads, inside one read transaction, the distinct label strings of
 * the union graph (a few tens of thousands on 100k articles: a name is stored once per article naming the person,
 * but is one string), folds them with {@link VietText#fold}, and then looks up who carries the best matches.
 * Nothing is kept between requests. A time budget and a cap on candidates bound the work on any graph, and the
 * answer says when it was cut short.
 */
final class LabelSearch {

    static {
        // The label properties below are Jena nodes; Jena must be set up before they are made.
        JenaSystem.init();
    }

    static final int MAX_HITS = 50;
    static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_CANDIDATES = 5_000;
    private static final long BUDGET_NANOS = 2_000_000_000L;

    private static final List<Node> LABELS = List.of(Vocab.NAME, Vocab.PREF_LABEL, Vocab.ALT_LABEL, Vocab.LABEL,
            Vocab.DOCUMENT_NUMBER);

    /** What a hit is, by the path of its IRI; anything else (memberships, mentions ...) is never a hit. */
    private static final Map<String, String> GROUPS = Map.of(
            "person/", "person", "org/", "organization", "unit/", "place", "meeting/", "meeting",
            "document/", "document");
    private static final List<String> GROUP_ORDER = List.of("person", "organization", "place", "document", "meeting");

    /**
     * One resource found.
     *
     * @param iri     the resource
     * @param label   its display name (the Vietnamese name or label)
     * @param group   person, organization, place, meeting or document
     * @param kind    local name of its class in the project ontology, e.g. PartyCommittee; may be empty
     * @param context a few words that tell namesakes apart: a body's place, a place's enclosing unit, a date
     * @param rank    0 whole label, 1 start of the label, 2 start of a word, 3 inside a word, 4 all words
     */
    record Hit(String iri, String label, String group, String kind, String context, int rank) {}

    /** The best hits, and whether every label was looked at. */
    record Result(List<Hit> hits, boolean complete) {}

    private record Match(Node property, Node label, int rank) {}

    private record Candidate(Node subject, String group, int rank, String matched) {}

    private final DatasetGraph dataset;

    /** @param dataset the dataset as served: its default graph is the union of the article graphs */
    LabelSearch(DatasetGraph dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** At most {@link #MAX_HITS} hits, best first; none for a query of fewer than two letters. */
    Result search(String query) {
        String needle = query == null ? "" : VietText.fold(query);
        if (needle.length() < 2 || needle.length() > MAX_QUERY_LENGTH)
            return new Result(List.of(), true);
        return Txn.calculateRead(dataset, () -> run(needle));
    }

    private Result run(String needle) {
        Graph union = dataset.getUnionGraph();
        String[] words = needle.split(" ");
        long deadline = System.nanoTime() + BUDGET_NANOS;
        boolean complete = true;
        // First the distinct label strings of each property: far fewer than the statements carrying them (a name
        // recurs in every article naming the person), and the store answers DISTINCT without decoding subjects.
        List<Match> matches = new ArrayList<>();
        for (Node property : LABELS) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                complete = false;
                break;
            }
            String query = "SELECT DISTINCT ?l WHERE { ?s <" + property.getURI() + "> ?l }";
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).timeout(left, TimeUnit.MILLISECONDS).build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    Node l = rows.next().get("l");
                    if (l == null || !l.isLiteral())
                        continue;
                    int rank = rank(VietText.fold(l.getLiteralLexicalForm()), needle, words);
                    if (rank >= 0)
                        matches.add(new Match(property, l, rank));
                }
            } catch (QueryCancelledException e) {
                complete = false;
                break;
            }
        }
        // Then the resources carrying the best matching labels.
        matches.sort(Comparator.comparingInt(Match::rank)
                .thenComparingInt(m -> m.label().getLiteralLexicalForm().length()));
        Map<Node, Candidate> best = new HashMap<>();
        scan:
        for (Match m : matches) {
            ExtendedIterator<Triple> it = union.find(Node.ANY, m.property(), m.label());
            try {
                while (it.hasNext()) {
                    Node s = it.next().getSubject();
                    String group = s.isURI() ? group(s.getURI()) : null;
                    if (group == null)
                        continue;
                    Candidate old = best.get(s);
                    if (old == null || m.rank() < old.rank())
                        best.put(s, new Candidate(s, group, m.rank(), m.label().getLiteralLexicalForm()));
                }
            } finally {
                it.close();
            }
            if (best.size() >= MAX_CANDIDATES || System.nanoTime() > deadline) {
                complete = m == matches.get(matches.size() - 1);
                break scan;
            }
        }
        List<Candidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparingInt(c -> GROUP_ORDER.indexOf(c.group()))
                .thenComparingInt(c -> c.matched().length())
                .thenComparing(Candidate::matched)
                .thenComparing(c -> c.subject().getURI()));
        List<Hit> hits = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(MAX_HITS, ranked.size())))
            hits.add(describe(union, c));
        return new Result(List.copyOf(hits), complete);
    }

    /** How well a folded label matches, or -1 when it does not. */
    static int rank(String label, String needle, String[] words) {
        if (label.equals(needle))
            return 0;
        int at = label.indexOf(needle);
        if (at == 0)
            return 1;
        if (at > 0)
            return label.contains(" " + needle) ? 2 : 3;
        if (words.length < 2)
            return -1;
        for (String w : words) {
            if (!w.isEmpty() && !(label.startsWith(w) || label.contains(" " + w)))
                return -1;
        }
        return 4;
    }

    static String group(String iri) {
        if (!iri.startsWith(Vocab.ID))
            return null;
        String rest = iri.substring(Vocab.ID.length());
        for (Map.Entry<String, String> e : GROUPS.entrySet()) {
            if (rest.startsWith(e.getKey()))
                return e.getValue();
        }
        return null;
    }

    private static Hit describe(Graph g, Candidate c) {
        Node s = c.subject();
        String label = first(g, s, Vocab.NAME);
        if (label == null)
            label = vietnamese(g, s, Vocab.PREF_LABEL);
        if (label == null)
            label = vietnamese(g, s, Vocab.LABEL);
        if (label == null)
            label = c.matched();
        String kind = "";
        ExtendedIterator<Triple> types = g.find(s, Vocab.TYPE, Node.ANY);
        try {
            while (types.hasNext()) {
                Node t = types.next().getObject();
                if (t.isURI() && t.getURI().startsWith(Vocab.VP)) {
                    kind = t.getURI().substring(Vocab.VP.length());
                    break;
                }
            }
        } finally {
            types.close();
        }
        String context = switch (c.group()) {
            case "organization" -> labelOf(g, object(g, s, Vocab.JURISDICTION));
            case "place" -> labelOf(g, object(g, s, Vocab.PARENT_UNIT));
            case "meeting" -> nz(first(g, s, Vocab.DATE));
            case "document" -> nz(first(g, s, Vocab.ISSUED));
            default -> "";
        };
        return new Hit(s.getURI(), label, c.group(), kind, context, c.rank());
    }

    private static Node object(Graph g, Node s, Node p) {
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String labelOf(Graph g, Node n) {
        return n == null ? "" : nz(vietnamese(g, n, Vocab.PREF_LABEL));
    }

    private static String first(Graph g, Node s, Node p) {
        Node o = object(g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static String vietnamese(Graph g, Node s, Node p) {
        String any = null;
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral())
                    continue;
                String lang = o.getLiteralLanguage();
                if (lang.equalsIgnoreCase("vi"))
                    return o.getLiteralLexicalForm();
                if (any == null && lang.isEmpty())
                    any = o.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return any;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
