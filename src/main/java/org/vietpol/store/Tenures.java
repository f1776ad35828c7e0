package org.vietpol.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * Who held each post when: the tenures the build derives, in the merged graph, from the memberships the articles
 * state and the changes they report. One place computes them, post by post, from what the merged graph holds; a
 * fresh build computes every post's, an incremental one those of the posts its articles touch, so both end the
 * same.
 *
 * <p>For each holder of a post (a person, acting or not), the dated facts in date order (a start change, a statement
 * of the holding, an end change; on one day in that order) make the tenures: a start change or, failing one, the
 * first article stating the holding opens a tenure ({@code vp:startBasis vp:ChangeReported} or
 * {@code vp:StatedInArticle}); an end change closes it ({@code vp:endBasis vp:ChangeReported}); a fact after the
 * close opens the next. A change's date is its own ({@code dcterms:date}), else the date of the earliest article
 * reporting it; articles without a date bound nothing. Where one person at a time holds the post (its role is
 * {@code vp:soleHolder} in the ontology: Bí thư, Chủ tịch, Trưởng ...), tenures follow one another: each has the
 * next as {@code vp:successor} (and is its {@code vp:predecessor}), and one not closed by an end change ends when
 * the successor starts ({@code vp:SuccessorStarted}), or on its last statement when that comes later. A tenure still
 * open after that ends, for now, with the last article stating it ({@code vp:StatedInArticle}) and is
 * {@code vp:ongoing}: nothing reported its end. Each membership also gets {@code vp:firstStated} and
 * {@code vp:lastStated}, and {@code org:memberDuring} its tenures.
 *
 * <p>Callers hold a write transaction.
 */
public final class Tenures {
    private static final Node MERGED = ArticleGraph.MERGED_NODE;
    private static final String TENURE_PREFIX = Vocab.ID + "tenure/";
    private static final String POST_PREFIX = Vocab.ID + "post/";
    private static final String PERSON_PREFIX = Vocab.ID + "person/";
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
    private static final String ONTOLOGY = "/org/vietpol/ontology/vietpol.ttl";

    private Tenures() {}

    /**
     * Whether a statement of the merged graph is one this class derives (a tenure, its instants, a membership's
     * {@code org:memberDuring}, {@code vp:firstStated}, {@code vp:lastStated}) rather than one an article makes.
     */
    public static boolean isDerived(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate();
        return s.isURI() && s.getURI().startsWith(TENURE_PREFIX) || p.equals(Vocab.MEMBER_DURING)
                || p.equals(Vocab.FIRST_STATED) || p.equals(Vocab.LAST_STATED);
    }

    /** The roles whose post one person holds at a time: those marked {@code vp:soleHolder true} in the ontology. */
    public static Set<Node> soleHolderRoles() {
        return SoleHolders.ROLES;
    }

    /**
     * Recomputes the tenures of the posts that statements about these subjects, or the removed statements, touch:
     * posts themselves, the posts of memberships (same role and organization) and of changes.
     */
    static void update(DatasetGraph dsg, Collection<Node> subjects, Collection<Triple> removed) {
        Set<Node> posts = new HashSet<>();
        for (Triple t : removed) {
            if (t.getPredicate().equals(Vocab.POST_IN)) posts.add(t.getSubject());
            else if (t.getPredicate().equals(Vocab.CHANGE_POST)) posts.add(t.getObject());
        }
        for (Node s : subjects) {
            if (!s.isURI()) continue;
            if (dsg.find(MERGED, s, Vocab.POST_IN, Node.ANY).hasNext()) posts.add(s);
            objects(dsg, s, Vocab.CHANGE_POST).forEach(posts::add);
            if (dsg.contains(MERGED, s, Vocab.TYPE, Vocab.MEMBERSHIP)) {
                for (Node o : objects(dsg, s, Vocab.ORGANIZATION))
                    for (Node r : objects(dsg, s, Vocab.ROLE)) posts.addAll(postsOf(dsg, o, r));
            }
        }
        Context cx = new Context(dsg);
        for (Node post : sorted(posts)) recompute(cx, post, false);
    }

    /** Recomputes every tenure (a fresh store, or a merged graph rebuilt from scratch). */
    static void all(DatasetGraph dsg) {
        for (Node t : subjects(dsg, Vocab.TYPE, Vocab.TENURE)) deleteTenure(dsg, t);
        dsg.deleteAny(MERGED, Node.ANY, Vocab.MEMBER_DURING, Node.ANY);
        dsg.deleteAny(MERGED, Node.ANY, Vocab.FIRST_STATED, Node.ANY);
        dsg.deleteAny(MERGED, Node.ANY, Vocab.LAST_STATED, Node.ANY);
        Context cx = new Context(dsg);
        for (Node post : sorted(subjects(dsg, Vocab.TYPE, Vocab.POST))) recompute(cx, post, true);
    }

    /** Per run: article dates looked up once. */
    private static final class Context {
        final DatasetGraph dsg;
        final Map<Node, LocalDate> issued = new HashMap<>();
        final Set<Node> undated = new HashSet<>();

        Context(DatasetGraph dsg) {
            this.dsg = dsg;
        }

        LocalDate issued(Node article) {
            LocalDate d = issued.get(article);
            if (d != null || undated.contains(article)) return d;
            for (Node n : objects(dsg, article, Vocab.ISSUED)) {
                LocalDate x = date(n);
                if (x != null && (d == null || x.isBefore(d))) d = x;
            }
            if (d == null) undated.add(article);
            else issued.put(article, d);
            return d;
        }
    }

    /** One holding of a post, as the facts give it. */
    private static final class Tenure {
        final Node person;
        final boolean acting;
        LocalDate begin, end, firstStated, lastStated;
        Node startBasis, endBasis, startedBy, endedBy, startEvidence, endEvidence;
        Node firstArticle, lastArticle;
        boolean closed;
        Tenure predecessor, successor;

        Tenure(Node person, boolean acting) {
            this.person = person;
            this.acting = acting;
        }

        LocalDate key() {
            return begin != null ? begin : end;
        }

        void stated(LocalDate d, Node article) {
            if (firstStated == null || d.isBefore(firstStated)) {
                firstStated = d;
                firstArticle = article;
            }
            if (lastStated == null || !d.isBefore(lastStated)) {
                lastStated = d;
                lastArticle = article;
            }
        }
    }

    private enum Kind { START, STATED, END }

    /**
     * A dated or undated fact about one holder: a change (source = the change, article = the earliest reporting it) or
     * a statement (source = the membership, article = the article stating it).
     */
    private record Fact(Kind kind, LocalDate date, Node source, Node article) {}

    private record Holder(Node person, boolean acting) {}

    /** Derives a post's tenures afresh; {@code clean} when nothing was derived before (no old statements to delete). */
    private static void recompute(Context cx, Node post, boolean clean) {
        DatasetGraph dsg = cx.dsg;
        // what was derived before, including for memberships no article states any more
        if (!clean) for (Node t : subjects(dsg, Vocab.TENURE_OF, post)) {
            for (Node m : subjects(dsg, Vocab.MEMBER_DURING, t)) {
                dsg.delete(MERGED, m, Vocab.MEMBER_DURING, t);
                dsg.deleteAny(MERGED, m, Vocab.FIRST_STATED, Node.ANY);
                dsg.deleteAny(MERGED, m, Vocab.LAST_STATED, Node.ANY);
            }
            deleteTenure(dsg, t);
        }
        Node role = first(objects(dsg, post, Vocab.ROLE)), org = first(objects(dsg, post, Vocab.POST_IN));
        if (role == null || org == null) return; // the post is gone

        Map<Holder, List<Fact>> facts = new LinkedHashMap<>();
        Map<Holder, Node> membershipOf = new HashMap<>();
        for (Node m : sorted(subjects(dsg, Vocab.ORGANIZATION, org))) {
            if (!dsg.contains(MERGED, m, Vocab.ROLE, role) || !dsg.contains(MERGED, m, Vocab.TYPE, Vocab.MEMBERSHIP)) continue;
            Node person = first(objects(dsg, m, Vocab.MEMBER));
            if (person == null) continue;
            Holder h = new Holder(person, dsg.contains(MERGED, m, Vocab.ACTING, TRUE));
            membershipOf.put(h, m);
            if (!clean) {
                dsg.deleteAny(MERGED, m, Vocab.FIRST_STATED, Node.ANY);
                dsg.deleteAny(MERGED, m, Vocab.LAST_STATED, Node.ANY);
            }
            LocalDate first = null, last = null;
            List<Fact> of = facts.computeIfAbsent(h, k -> new ArrayList<>());
            for (Node a : sorted(objects(dsg, m, Vocab.DERIVED_FROM))) {
                LocalDate d = cx.issued(a);
                of.add(new Fact(Kind.STATED, d, m, a));
                if (d == null) continue;
                if (first == null || d.isBefore(first)) first = d;
                if (last == null || d.isAfter(last)) last = d;
            }
            if (first != null) {
                dsg.add(MERGED, m, Vocab.FIRST_STATED, xsdDate(first));
                dsg.add(MERGED, m, Vocab.LAST_STATED, xsdDate(last));
            }
        }
        for (Node c : sorted(subjects(dsg, Vocab.CHANGE_POST, post))) {
            if (!dsg.contains(MERGED, c, Vocab.TYPE, Vocab.POST_CHANGE)) continue;
            Node person = first(objects(dsg, c, Vocab.CHANGE_PERSON));
            Node type = first(objects(dsg, c, Vocab.CHANGE_TYPE));
            if (person == null || type == null) continue;
            List<Node> articles = sorted(objects(dsg, c, Vocab.DERIVED_FROM));
            articles.sort(Comparator.comparing((Node a) -> cx.issued(a), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(IRI_ORDER));
            LocalDate d = date(first(objects(dsg, c, Vocab.DATE)));
            if (d == null && !articles.isEmpty()) d = cx.issued(articles.get(0));
            Kind kind = type.equals(Vocab.START_CHANGE) ? Kind.START : Kind.END;
            facts.computeIfAbsent(new Holder(person, dsg.contains(MERGED, c, Vocab.ACTING, TRUE)), k -> new ArrayList<>())
                    .add(new Fact(kind, d, c, articles.isEmpty() ? null : articles.get(0)));
        }

        List<Tenure> all = new ArrayList<>();
        Map<Tenure, Integer> numbers = new HashMap<>();
        facts.forEach((h, fs) -> {
            List<Tenure> ts = holdings(cx, h, fs);
            for (int i = 0; i < ts.size(); i++) numbers.put(ts.get(i), i + 1);
            all.addAll(ts);
        });
        all.sort(Comparator.comparing(Tenure::key, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(t -> t.begin != null) // one that only ended on a day comes before one begun on it
                .thenComparing(t -> t.person, IRI_ORDER)
                .thenComparing(t -> t.acting)
                .thenComparing(numbers::get));
        if (SoleHolders.ROLES.contains(role)) {
            List<Tenure> dated = all.stream().filter(t -> t.key() != null).toList();
            for (int i = 0; i + 1 < dated.size(); i++) {
                Tenure a = dated.get(i), b = dated.get(i + 1);
                a.successor = b;
                b.predecessor = a;
                if (a.closed) continue;
                a.closed = true;
                if (b.begin != null && (a.lastStated == null || !b.begin.isBefore(a.lastStated))) {
                    a.end = b.begin;
                    a.endBasis = Vocab.SUCCESSOR_STARTED;
                } else if (a.lastStated != null) {
                    // stated after the successor began (the articles disagree: keep what they state), or followed by
                    // one known only by its end (when that began, the articles do not say)
                    a.end = a.lastStated;
                    a.endBasis = Vocab.STATED_IN_ARTICLE;
                    a.endEvidence = evidence(dsg, membershipOf.get(new Holder(a.person, a.acting)), a.lastArticle);
                }
            }
        }
        String postLabel = label(dsg, post, Vocab.PREF_LABEL);
        for (Tenure t : all) {
            if (!t.closed && t.lastStated != null) {
                t.end = t.lastStated;
                t.endBasis = Vocab.STATED_IN_ARTICLE;
                t.endEvidence = evidence(dsg, membershipOf.get(new Holder(t.person, t.acting)), t.lastArticle);
            }
        }
        Map<Tenure, Node> iris = new HashMap<>();
        for (Tenure t : all) iris.put(t, Vocab.uri(iri(post, t.person, t.acting, numbers.get(t))));
        for (Tenure t : all) write(dsg, post, postLabel, t, iris, membershipOf.get(new Holder(t.person, t.acting)));
    }

    /** One holder's tenures of a post, in order: dated facts first, then (if nothing is dated) one undated tenure. */
    private static List<Tenure> holdings(Context cx, Holder h, List<Fact> facts) {
        List<Fact> dated = new ArrayList<>(), undated = new ArrayList<>();
        for (Fact f : facts) (f.date() != null ? dated : undated).add(f);
        dated.sort(Comparator.comparing(Fact::date).thenComparing(Fact::kind).thenComparing(Fact::source, IRI_ORDER)
                .thenComparing(f -> f.article() == null ? "" : f.article().getURI()));
        List<Tenure> out = new ArrayList<>();
        Tenure cur = null;
        for (Fact f : dated) {
            switch (f.kind()) {
                case START -> {
                    if (cur == null || cur.closed) {
                        cur = new Tenure(h.person(), h.acting());
                        cur.begin = f.date();
                        cur.startBasis = Vocab.CHANGE_REPORTED;
                        cur.startedBy = f.source();
                        cur.startEvidence = evidence(cx.dsg, f.source(), f.article());
                        out.add(cur);
                    }
                }
                case STATED -> {
                    if (cur == null || cur.closed) {
                        cur = new Tenure(h.person(), h.acting());
                        cur.begin = f.date();
                        cur.startBasis = Vocab.STATED_IN_ARTICLE;
                        cur.startEvidence = evidence(cx.dsg, f.source(), f.article());
                        out.add(cur);
                    }
                    cur.stated(f.date(), f.article());
                }
                case END -> {
                    if (cur == null) { // held until then, since when the articles do not say
                        cur = new Tenure(h.person(), h.acting());
                        out.add(cur);
                    }
                    if (!cur.closed) {
                        cur.closed = true;
                        cur.end = f.date();
                        cur.endBasis = Vocab.CHANGE_REPORTED;
                        cur.endedBy = f.source();
                        cur.endEvidence = evidence(cx.dsg, f.source(), f.article());
                    }
                }
            }
        }
        if (out.isEmpty() && !undated.isEmpty()) {
            Tenure t = new Tenure(h.person(), h.acting());
            for (Fact f : undated) {
                if (f.kind() == Kind.START && t.startedBy == null) {
                    t.startedBy = f.source();
                    t.startEvidence = evidence(cx.dsg, f.source(), f.article());
                } else if (f.kind() == Kind.END && t.endedBy == null) {
                    t.endedBy = f.source();
                    t.endEvidence = evidence(cx.dsg, f.source(), f.article());
                    t.closed = true;
                }
            }
            out.add(t);
        }
        return out;
    }

    private static void write(DatasetGraph dsg, Node post, String postLabel, Tenure t, Map<Tenure, Node> iris,
                              Node membership) {
        Node n = iris.get(t);
        add(dsg, n, Vocab.TYPE, Vocab.TENURE);
        add(dsg, n, Vocab.TYPE, Vocab.PROPER_INTERVAL);
        add(dsg, n, Vocab.TENURE_OF, post);
        add(dsg, n, Vocab.HOLDER, t.person);
        if (t.acting) add(dsg, n, Vocab.ACTING, TRUE);
        if (membership != null) add(dsg, membership, Vocab.MEMBER_DURING, n);
        String name = label(dsg, t.person, Vocab.NAME);
        add(dsg, n, Vocab.LABEL, NodeFactory.createLiteralLang((name == null ? "?" : name) + " – "
                + (t.acting ? "Quyền " : "") + (postLabel == null ? "?" : postLabel)
                + " (" + (t.begin == null ? "…" : t.begin) + " – " + (t.end == null || !t.closed ? "…" : t.end) + ")", "vi"));
        if (t.begin != null) {
            Node b = Vocab.uri(n.getURI() + "#beginning");
            add(dsg, n, Vocab.HAS_BEGINNING, b);
            add(dsg, b, Vocab.TYPE, Vocab.INSTANT);
            add(dsg, b, Vocab.IN_XSD_DATE, xsdDate(t.begin));
        }
        if (t.startBasis != null) add(dsg, n, Vocab.START_BASIS, t.startBasis);
        if (t.startedBy != null) add(dsg, n, Vocab.STARTED_BY, t.startedBy);
        if (t.startEvidence != null) add(dsg, n, Vocab.START_EVIDENCE, t.startEvidence);
        if (t.end != null) {
            Node e = Vocab.uri(n.getURI() + "#end");
            add(dsg, n, Vocab.HAS_END, e);
            add(dsg, e, Vocab.TYPE, Vocab.INSTANT);
            add(dsg, e, Vocab.IN_XSD_DATE, xsdDate(t.end));
        }
        if (t.endBasis != null) add(dsg, n, Vocab.END_BASIS, t.endBasis);
        if (t.endedBy != null) add(dsg, n, Vocab.ENDED_BY, t.endedBy);
        if (t.endEvidence != null) add(dsg, n, Vocab.END_EVIDENCE, t.endEvidence);
        if (!t.closed) add(dsg, n, Vocab.ONGOING, TRUE);
        if (t.predecessor != null) add(dsg, n, Vocab.PREDECESSOR, iris.get(t.predecessor));
        if (t.successor != null) add(dsg, n, Vocab.SUCCESSOR, iris.get(t.successor));
    }

    /** {@code id/tenure/{role}/{organization}/{person}[/acting]/{n}}: the post's path, the holder, the holder's n-th tenure. */
    private static String iri(Node post, Node person, boolean acting, int number) {
        String p = post.getURI(), who = person.getURI();
        String postPath = p.startsWith(POST_PREFIX) ? p.substring(POST_PREFIX.length()) : Integer.toHexString(p.hashCode());
        String personPath = who.startsWith(PERSON_PREFIX) ? who.substring(PERSON_PREFIX.length()) : Integer.toHexString(who.hashCode());
        return TENURE_PREFIX + postPath + "/" + personPath + (acting ? "/acting" : "") + "/" + number;
    }

    /** The mention supporting a fact in one article: the earliest in its text. */
    private static Node evidence(DatasetGraph dsg, Node subject, Node article) {
        if (subject == null || article == null || !article.isURI()) return null;
        Node best = null;
        long at = Long.MAX_VALUE;
        for (Iterator<Quad> it = dsg.find(article, subject, Vocab.EVIDENCE, Node.ANY); it.hasNext(); ) {
            Node m = it.next().getObject();
            long start = Long.MAX_VALUE - 1;
            Iterator<Quad> s = dsg.find(article, m, Vocab.START, Node.ANY);
            if (s.hasNext()) {
                try {
                    start = Long.parseLong(s.next().getObject().getLiteralLexicalForm());
                } catch (NumberFormatException | UnsupportedOperationException e) {
                    // no usable offset: ordered by IRI
                }
            }
            if (start < at || start == at && m.getURI().compareTo(best.getURI()) < 0) {
                best = m;
                at = start;
            }
        }
        return best;
    }

    private static void deleteTenure(DatasetGraph dsg, Node t) {
        dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
        dsg.deleteAny(MERGED, Vocab.uri(t.getURI() + "#beginning"), Node.ANY, Node.ANY);
        dsg.deleteAny(MERGED, Vocab.uri(t.getURI() + "#end"), Node.ANY, Node.ANY);
    }

    private static List<Node> postsOf(DatasetGraph dsg, Node org, Node role) {
        List<Node> out = new ArrayList<>();
        for (Node p : subjects(dsg, Vocab.POST_IN, org)) if (dsg.contains(MERGED, p, Vocab.ROLE, role)) out.add(p);
        return out;
    }

    private static String label(DatasetGraph dsg, Node s, Node p) {
        String any = null;
        for (Node l : objects(dsg, s, p)) {
            if (!l.isLiteral()) continue;
            if ("vi".equals(l.getLiteralLanguage())) return l.getLiteralLexicalForm();
            if (any == null) any = l.getLiteralLexicalForm();
        }
        return any;
    }

    static LocalDate date(Node n) {
        if (n == null || !n.isLiteral()) return null;
        String s = n.getLiteralLexicalForm();
        if (s.length() < 10) return null;
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Node xsdDate(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }

    private static final Comparator<Node> IRI_ORDER = Comparator.comparing(n -> n.isURI() ? n.getURI() : n.toString());

    private static List<Node> sorted(Collection<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes);
        out.sort(IRI_ORDER);
        return out;
    }

    private static Node first(List<Node> nodes) {
        return nodes.isEmpty() ? null : sorted(nodes).get(0);
    }

    private static List<Node> subjects(DatasetGraph dsg, Node p, Node o) {
        List<Node> out = new ArrayList<>();
        for (Iterator<Quad> it = dsg.find(MERGED, Node.ANY, p, o); it.hasNext(); ) out.add(it.next().getSubject());
        return out;
    }

    private static List<Node> objects(DatasetGraph dsg, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        for (Iterator<Quad> it = dsg.find(MERGED, s, p, Node.ANY); it.hasNext(); ) out.add(it.next().getObject());
        return out;
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.add(MERGED, s, p, o);
    }

    /** The sole-holder roles, read once from the packaged ontology. */
    private static final class SoleHolders {
        static final Set<Node> ROLES = load();

        private static Set<Node> load() {
            try (InputStream in = Tenures.class.getResourceAsStream(ONTOLOGY)) {
                if (in == null) throw new IllegalStateException("missing " + ONTOLOGY + " on the classpath");
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.source(in).lang(Lang.TURTLE).parse(g);
                Set<Node> out = new HashSet<>();
                g.find(Node.ANY, Vocab.SOLE_HOLDER, TRUE).forEachRemaining(t -> out.add(t.getSubject()));
                if (out.isEmpty()) throw new IllegalStateException(ONTOLOGY + " marks no role vp:soleHolder");
                return Set.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
