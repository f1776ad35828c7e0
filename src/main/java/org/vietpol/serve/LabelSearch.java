package org.vietpol.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.vietpol.graph.Vocab;
import org.vietpol.text.VietText;

/**
 * Search of names and labels that ignores case and diacritics ("nguyen van nen" finds "Nguyễn Văn Nên").
 * <p>
 * SPARQL alone cannot fold Vietnamese diacritics, and the graph holds no folded copy of its labels; rather than
 * ship every label to the browser, this scans the label triples of the union graph once per request inside a
 * read transaction, folding each with {@link VietText#fold}. Only labels are read (one index range per label
 * property, a few entries per resource), so the cost grows with the number of resources, not of articles; a
 * time budget and a cap on candidates bound it on any graph, and the answer says when it was cut short.
 */
final class LabelSearch {

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

    private record Candidate(Node subject, String group, int rank, String matched) {}

    private final DatasetGraph dataset;

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
        Map<Node, Candidate> best = new HashMap<>();
        // Names repeat across articles; folding each distinct string once is most of the work saved.
        Map<String, String> folded = new HashMap<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        boolean complete = true;
        long seen = 0;
        scan:
        for (Node property : LABELS) {
            ExtendedIterator<Triple> it = union.find(Node.ANY, property, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    if ((++seen & 1023) == 0 && System.nanoTime() > deadline) {
                        complete = false;
                        break scan;
                    }
                    Node s = t.getSubject(), o = t.getObject();
                    if (!s.isURI() || !o.isLiteral())
                        continue;
                    String group = group(s.getURI());
                    if (group == null)
                        continue;
                    String lexical = o.getLiteralLexicalForm();
                    String f = folded.size() < 200_000 ? folded.computeIfAbsent(lexical, VietText::fold)
                            : VietText.fold(lexical);
                    int rank = rank(f, needle, words);
                    if (rank < 0)
                        continue;
                    Candidate old = best.get(s);
                    if (old == null || rank < old.rank()) {
                        best.put(s, new Candidate(s, group, rank, lexical));
                        if (best.size() > MAX_CANDIDATES) {
                            complete = false;
                            break scan;
                        }
                    }
                }
            } finally {
                it.close();
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
