package org.vietpol.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * The tenures the store derives from memberships and changes, on article graphs written by hand so that each rule
 * is seen on its own: what starts and ends a tenure, what a date rests on, succession, and that an incremental
 * computation gives what a fresh one gives.
 */
class TenuresTest {
    static final String ID = Vocab.ID;
    static final Node QN_COMMITTEE = Vocab.uri(ID + "org/quang-ninh/party-committee");
    static final Node SECRETARY = Vocab.uri(ID + "post/secretary/quang-ninh/party-committee");
    static final Node DEPUTY = Vocab.uri(ID + "post/deputy-secretary/quang-ninh/party-committee");
    static final Node A = Vocab.uri(ID + "person/nguyen-van-an-0001"), B = Vocab.uri(ID + "person/tran-minh-binh-0002");

    /** One article graph, written fact by fact. */
    static final class Article {
        final String id;
        final Node graph;
        final List<Quad> quads = new ArrayList<>();
        int mentions;

        Article(String id, String date) {
            this.id = id;
            this.graph = Vocab.uri(ID + "article/" + id);
            add(graph, Vocab.TYPE, Vocab.NEWS_ARTICLE);
            add(graph, Vocab.IDENTIFIER, NodeFactory.createLiteralString(id));
            if (date != null) add(graph, Vocab.ISSUED, date(date));
        }

        void add(Node s, Node p, Node o) {
            quads.add(Quad.create(graph, s, p, o));
        }

        Node mention(String sentence) {
            int start = 10 * mentions++;
            Node m = Vocab.uri(ID + "mention/" + id + "/" + start + "-" + (start + 5));
            add(m, Vocab.TYPE, Vocab.MENTION);
            add(m, Vocab.SENTENCE, NodeFactory.createLiteralLang(sentence, "vi"));
            add(m, Vocab.START, NodeFactory.createLiteralDT(Integer.toString(start), XSDDatatype.XSDint));
            add(m, Vocab.DERIVED_FROM, graph);
            return m;
        }

        void person(Node p) {
            add(p, Vocab.TYPE, Vocab.PERSON);
            add(p, Vocab.NAME, NodeFactory.createLiteralLang(p.equals(A) ? "Nguyễn Văn An" : "Trần Minh Bình", "vi"));
        }

        void post(Node post, String role) {
            add(QN_COMMITTEE, Vocab.TYPE, Vocab.vp("PartyCommittee"));
            add(QN_COMMITTEE, Vocab.PREF_LABEL, NodeFactory.createLiteralLang("Tỉnh ủy Quảng Ninh", "vi"));
            add(post, Vocab.TYPE, Vocab.POST);
            add(post, Vocab.ROLE, Vocab.vp(role));
            add(post, Vocab.POST_IN, QN_COMMITTEE);
            add(post, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(role + " Tỉnh ủy Quảng Ninh", "vi"));
        }

        /** The article states the person holding the post. */
        Article holds(Node person, Node post, String role, boolean acting) {
            person(person);
            post(post, role);
            Node m = membership(person, role, acting);
            add(m, Vocab.TYPE, Vocab.MEMBERSHIP);
            add(m, Vocab.MEMBER, person);
            add(m, Vocab.ORGANIZATION, QN_COMMITTEE);
            add(m, Vocab.ROLE, Vocab.vp(role));
            if (acting) add(m, Vocab.ACTING, TRUE);
            add(m, Vocab.DERIVED_FROM, graph);
            add(m, Vocab.EVIDENCE, mention("holds " + role));
            add(post, Vocab.HELD_BY, person);
            return this;
        }

        Article holds(Node person, Node post, String role) {
            return holds(person, post, role, false);
        }

        /** The article reports a change; {@code date} null for an undated one. */
        Article change(Node person, Node post, String role, boolean start, String kind, String date) {
            person(person);
            post(post, role);
            String local = person.getURI().substring((ID + "person/").length());
            Node c = Vocab.uri(date == null ? ID + "change/" + id + "/" + (mentions + 1)
                    : ID + "change/" + local + "/" + (start ? "start" : "end") + "/" + role + "/" + date);
            add(c, Vocab.TYPE, Vocab.POST_CHANGE);
            add(c, Vocab.CHANGE_PERSON, person);
            add(c, Vocab.CHANGE_POST, post);
            add(c, Vocab.CHANGE_TYPE, start ? Vocab.START_CHANGE : Vocab.END_CHANGE);
            add(c, Vocab.CHANGE_KIND, Vocab.vp(kind));
            if (date != null) add(c, Vocab.DATE, date(date));
            add(c, Vocab.DERIVED_FROM, graph);
            add(c, Vocab.EVIDENCE, mention((start ? "takes " : "leaves ") + role));
            return this;
        }

        ArticleGraph graph() {
            return new ArticleGraph(id, id, graph, quads);
        }
    }

    static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    static Node membership(Node person, String role, boolean acting) {
        String local = person.getURI().substring((ID + "person/").length());
        return Vocab.uri(ID + "membership/" + local + "/" + role + "/quang-ninh/party-committee" + (acting ? "/acting" : ""));
    }

    static Node date(String d) {
        return NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate);
    }

    static GraphStore store(Article... articles) {
        GraphStore gs = GraphStore.inMemory();
        List<ArticleGraph> graphs = new ArrayList<>();
        for (Article a : articles) graphs.add(a.graph());
        gs.replace(graphs);
        return gs;
    }

    /** A tenure as read back: "holder start/startBasis – end/endBasis [ongoing] [acting] pred→ succ→". */
    record Seen(Node iri, Node holder, String start, Node startBasis, String end, Node endBasis, boolean ongoing,
                boolean acting, Node predecessor, Node successor, Node startedBy, Node endedBy, Node startEvidence) {}

    static List<Seen> tenures(GraphStore gs, Node post) {
        return Txn.calculateRead(gs.dataset(), () -> {
            List<Seen> out = new ArrayList<>();
            var dsg = gs.dataset();
            Set<Node> ts = new TreeSet<>(java.util.Comparator.comparing(Node::getURI));
            dsg.find(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.TENURE_OF, post).forEachRemaining(q -> ts.add(q.getSubject()));
            for (Node t : ts) {
                out.add(new Seen(t, one(gs, t, Vocab.HOLDER), instant(gs, one(gs, t, Vocab.HAS_BEGINNING)), one(gs, t, Vocab.START_BASIS),
                        instant(gs, one(gs, t, Vocab.HAS_END)), one(gs, t, Vocab.END_BASIS), one(gs, t, Vocab.ONGOING) != null,
                        one(gs, t, Vocab.ACTING) != null, one(gs, t, Vocab.PREDECESSOR), one(gs, t, Vocab.SUCCESSOR),
                        one(gs, t, Vocab.STARTED_BY), one(gs, t, Vocab.ENDED_BY), one(gs, t, Vocab.START_EVIDENCE)));
            }
            out.sort(java.util.Comparator.comparing((Seen s) -> s.start == null ? "9999" : s.start).thenComparing(s -> s.iri.getURI()));
            return out;
        });
    }

    static Node one(GraphStore gs, Node s, Node p) {
        if (s == null) return null;
        Iterator<Quad> it = gs.dataset().find(ArticleGraph.MERGED_NODE, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    static String instant(GraphStore gs, Node instant) {
        Node d = one(gs, instant, Vocab.IN_XSD_DATE);
        return d == null ? null : d.getLiteralLexicalForm();
    }

    static Article elected2020() {
        return new Article("a2020", "2020-10-16").change(A, SECRETARY, "Secretary", true, "Elected", "2020-10-15")
                .holds(A, SECRETARY, "Secretary");
    }

    static Article stated2022() {
        return new Article("a2022", "2022-12-12").holds(A, SECRETARY, "Secretary");
    }

    static Article retiredAndReplaced2024() {
        return new Article("a2024", "2024-03-21").change(A, SECRETARY, "Secretary", false, "Retired", "2024-03-20")
                .change(B, SECRETARY, "Secretary", true, "Elected", "2024-03-20").holds(B, SECRETARY, "Secretary");
    }

    @Test
    void reportedChangesStartAndEndATenureAndTheNextHolderSucceeds() {
        GraphStore gs = store(elected2020(), stated2022(), retiredAndReplaced2024());
        List<Seen> ts = tenures(gs, SECRETARY);
        assertEquals(2, ts.size(), ts.toString());
        Seen a = ts.get(0), b = ts.get(1);
        assertEquals(A, a.holder());
        assertEquals(Vocab.uri(ID + "tenure/secretary/quang-ninh/party-committee/nguyen-van-an-0001/1"), a.iri());
        assertEquals("2020-10-15", a.start());
        assertEquals(Vocab.CHANGE_REPORTED, a.startBasis());
        assertEquals(Vocab.uri(ID + "change/nguyen-van-an-0001/start/Secretary/2020-10-15"), a.startedBy());
        assertEquals("2024-03-20", a.end());
        assertEquals(Vocab.CHANGE_REPORTED, a.endBasis());
        assertNotNull(a.endedBy());
        assertFalse(a.ongoing());
        assertEquals(b.iri(), a.successor());
        assertNull(a.predecessor());
        assertNotNull(a.startEvidence());
        assertTrue(a.startEvidence().getURI().startsWith(ID + "mention/a2020/"));

        assertEquals(B, b.holder());
        assertEquals("2024-03-20", b.start());
        assertEquals(Vocab.CHANGE_REPORTED, b.startBasis());
        assertEquals(a.iri(), b.predecessor());
        assertNull(b.successor());
        assertTrue(b.ongoing(), "nothing ended it");
        assertEquals("2024-03-21", b.end(), "for now, the last article stating it");
        assertEquals(Vocab.STATED_IN_ARTICLE, b.endBasis());

        // each membership: when the articles state it, and its tenure
        Txn.executeRead(gs.dataset(), () -> {
            Node m = membership(A, "Secretary", false);
            assertEquals("2020-10-16", one(gs, m, Vocab.FIRST_STATED).getLiteralLexicalForm());
            assertEquals("2022-12-12", one(gs, m, Vocab.LAST_STATED).getLiteralLexicalForm());
            assertEquals(a.iri(), one(gs, m, Vocab.MEMBER_DURING));
        });
    }

    @Test
    void withoutChangesATenureRunsFromTheFirstToTheLastArticleStatingIt() {
        GraphStore gs = store(new Article("x1", "2021-05-01").holds(A, SECRETARY, "Secretary"),
                new Article("x2", "2023-01-10").holds(A, SECRETARY, "Secretary"),
                new Article("x3", "2022-02-02").holds(A, SECRETARY, "Secretary"));
        List<Seen> ts = tenures(gs, SECRETARY);
        assertEquals(1, ts.size());
        Seen a = ts.get(0);
        assertEquals("2021-05-01", a.start());
        assertEquals(Vocab.STATED_IN_ARTICLE, a.startBasis());
        assertEquals("2023-01-10", a.end());
        assertEquals(Vocab.STATED_IN_ARTICLE, a.endBasis());
        assertTrue(a.ongoing());
        assertNull(a.startedBy());
        assertTrue(a.startEvidence().getURI().startsWith(ID + "mention/x1/"), "the first article's sentence");
    }

    @Test
    void aPostOnePersonHoldsEndsWhenTheSuccessorStarts() {
        GraphStore gs = store(new Article("y1", "2019-01-01").holds(A, SECRETARY, "Secretary"),
                new Article("y2", "2021-06-01").holds(A, SECRETARY, "Secretary"),
                new Article("y3", "2024-05-01").holds(B, SECRETARY, "Secretary"));
        List<Seen> ts = tenures(gs, SECRETARY);
        assertEquals(2, ts.size());
        Seen a = ts.get(0), b = ts.get(1);
        assertEquals("2024-05-01", a.end());
        assertEquals(Vocab.SUCCESSOR_STARTED, a.endBasis());
        assertFalse(a.ongoing());
        assertEquals(b.iri(), a.successor());
        assertTrue(b.ongoing());
    }

    @Test
    void articlesThatStateTheOldHolderAfterTheNewOneStartedKeepWhatTheyState() {
        GraphStore gs = store(new Article("z1", "2019-01-01").holds(A, SECRETARY, "Secretary"),
                new Article("z2", "2024-05-01").change(B, SECRETARY, "Secretary", true, "Elected", "2024-05-01"),
                new Article("z3", "2024-07-01").holds(A, SECRETARY, "Secretary"));
        Seen a = tenures(gs, SECRETARY).get(0);
        assertEquals(A, a.holder());
        assertEquals("2024-07-01", a.end());
        assertEquals(Vocab.STATED_IN_ARTICLE, a.endBasis());
        assertFalse(a.ongoing(), "a successor began: it is over, however late the articles say so");
    }

    @Test
    void aPostOfSeveralHoldersHasNoSuccession() {
        GraphStore gs = store(new Article("d1", "2020-10-15").holds(A, DEPUTY, "DeputySecretary"),
                new Article("d2", "2022-03-01").holds(B, DEPUTY, "DeputySecretary"));
        List<Seen> ts = tenures(gs, DEPUTY);
        assertEquals(2, ts.size());
        for (Seen t : ts) {
            assertNull(t.predecessor());
            assertNull(t.successor());
            assertTrue(t.ongoing());
        }
    }

    @Test
    void aHolderWhoLeavesAndComesBackHasTwoTenures() {
        GraphStore gs = store(new Article("r1", "2015-01-01").change(A, SECRETARY, "Secretary", true, "Elected", "2015-01-01"),
                new Article("r2", "2017-01-01").change(A, SECRETARY, "Secretary", false, "Dismissed", "2016-12-30"),
                new Article("r3", "2017-02-01").holds(B, SECRETARY, "Secretary"),
                new Article("r4", "2020-10-15").change(A, SECRETARY, "Secretary", true, "Elected", "2020-10-15"));
        List<Seen> ts = tenures(gs, SECRETARY);
        assertEquals(List.of(A, B, A), ts.stream().map(Seen::holder).toList());
        assertTrue(ts.get(2).iri().getURI().endsWith("/nguyen-van-an-0001/2"), ts.get(2).iri().getURI());
        assertEquals("2016-12-30", ts.get(0).end());
        assertEquals("2020-10-15", ts.get(1).end());
        assertEquals(Vocab.SUCCESSOR_STARTED, ts.get(1).endBasis());
        assertEquals(ts.get(1).iri(), ts.get(2).predecessor());
    }

    @Test
    void anEndReportedAloneEndsATenureOfUnknownBeginning() {
        GraphStore gs = store(new Article("e1", "2024-03-20").change(A, SECRETARY, "Secretary", false, "Retired", null));
        Seen a = tenures(gs, SECRETARY).get(0);
        assertNull(a.start(), "since when, the articles do not say");
        assertEquals("2024-03-20", a.end(), "an undated change takes the date of its article");
        assertEquals(Vocab.CHANGE_REPORTED, a.endBasis());
        assertFalse(a.ongoing());
    }

    @Test
    void aHolderKnownOnlyByTheEndIsTheSuccessorButDoesNotDateTheEndBeforeIt() {
        // the retirement of B reported alone: A came before, until the last article stating A
        GraphStore gs = store(new Article("k1", "2020-10-15").holds(A, SECRETARY, "Secretary"),
                new Article("k2", "2021-05-01").holds(A, SECRETARY, "Secretary"),
                new Article("k3", "2024-03-20").change(B, SECRETARY, "Secretary", false, "Retired", "2024-03-20"));
        List<Seen> ts = tenures(gs, SECRETARY);
        Seen a = ts.get(0), b = ts.get(1);
        assertEquals(List.of(A, B), ts.stream().map(Seen::holder).toList());
        assertEquals(b.iri(), a.successor());
        assertEquals("2021-05-01", a.end());
        assertEquals(Vocab.STATED_IN_ARTICLE, a.endBasis());
        assertFalse(a.ongoing());
        assertNull(b.start());
    }

    @Test
    void actingAndFullHoldingsAreTenuresOfTheirOwn() {
        GraphStore gs = store(new Article("q1", "2023-01-05").holds(A, SECRETARY, "Secretary", true),
                new Article("q2", "2023-06-01").change(A, SECRETARY, "Secretary", true, "Elected", "2023-06-01"));
        List<Seen> ts = tenures(gs, SECRETARY);
        assertEquals(2, ts.size());
        assertTrue(ts.get(0).acting());
        assertEquals("2023-06-01", ts.get(0).end());
        assertEquals(Vocab.SUCCESSOR_STARTED, ts.get(0).endBasis());
        assertFalse(ts.get(1).acting());
    }

    @Test
    void articlesWithoutADateBoundNothing() {
        GraphStore gs = store(new Article("u1", null).holds(A, SECRETARY, "Secretary"));
        Seen a = tenures(gs, SECRETARY).get(0);
        assertNull(a.start());
        assertNull(a.end());
        assertTrue(a.ongoing());
        Txn.executeRead(gs.dataset(), () -> assertNull(one(gs, membership(A, "Secretary", false), Vocab.FIRST_STATED)));
    }

    @Test
    void addingReplacingAndRemovingArticlesGivesWhatAFreshComputationGives() {
        Article a2020 = elected2020(), a2022 = stated2022(), a2024 = retiredAndReplaced2024();
        GraphStore gs = GraphStore.inMemory();
        gs.replace(List.of(a2024.graph()));
        gs.replace(List.of(a2022.graph()));
        gs.replace(List.of(a2020.graph()));
        assertEquals(derived(store(a2020, a2022, a2024)), derived(gs));

        // an edited article: B's election now stated a day later, and A no longer stated in 2022
        Article edited = new Article("a2024", "2024-03-22").change(A, SECRETARY, "Secretary", false, "Retired", "2024-03-20")
                .change(B, SECRETARY, "Secretary", true, "Elected", "2024-03-21").holds(B, SECRETARY, "Secretary");
        gs.replace(List.of(edited.graph(), new Article("a2022", "2022-12-12").holds(B, DEPUTY, "DeputySecretary").graph()));
        Set<Triple> afterEdit = derived(gs);
        assertEquals(derived(store(a2020, new Article("a2022", "2022-12-12").holds(B, DEPUTY, "DeputySecretary"), edited)), afterEdit);

        gs.removeGraphs(List.of(ID + "article/a2024"));
        assertEquals(derived(store(a2020, new Article("a2022", "2022-12-12").holds(B, DEPUTY, "DeputySecretary"))), derived(gs));
        gs.removeGraphs(List.of(ID + "article/a2020", ID + "article/a2022"));
        assertEquals(Set.of(), derived(gs), "no article, no tenure");
    }

    @Test
    void remergingRecomputesEveryTenure() {
        GraphStore gs = store(elected2020(), stated2022(), retiredAndReplaced2024());
        Set<Triple> before = derived(gs);
        assertFalse(before.isEmpty());
        GraphStore.remerge(gs.dataset());
        assertEquals(before, derived(gs));
    }

    @Test
    void theDerivedStatementsConformToTheirShapes() {
        GraphStore gs = store(elected2020(), stated2022(), retiredAndReplaced2024(),
                new Article("q1", "2023-01-05").holds(A, DEPUTY, "DeputySecretary", true),
                new Article("e1", "2024-03-20").change(B, DEPUTY, "DeputySecretary", false, "Retired", null));
        Txn.executeRead(gs.dataset(), () -> {
            Graph merged = gs.dataset().getGraph(ArticleGraph.MERGED_NODE);
            ValidationReport report = ShaclValidator.get().validate(derivedShapes(), merged);
            StringBuilder why = new StringBuilder();
            report.getEntries().forEach(e -> why.append(e.focusNode()).append(' ').append(e.message()).append('\n'));
            assertTrue(report.conforms(), why.toString());
            // and the shapes do look at them
            assertTrue(merged.find(Node.ANY, Vocab.TYPE, Vocab.TENURE).toList().size() >= 4);
        });
        // a tenure with two holders is caught
        Txn.executeWrite(gs.dataset(), () -> {
            Node t = gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.TENURE_OF, SECRETARY).next().getSubject();
            gs.dataset().add(ArticleGraph.MERGED_NODE, t, Vocab.HOLDER, B.equals(one(gs, t, Vocab.HOLDER)) ? A : B);
        });
        Txn.executeRead(gs.dataset(), () -> assertFalse(ShaclValidator.get()
                .validate(derivedShapes(), gs.dataset().getGraph(ArticleGraph.MERGED_NODE)).conforms()));
    }

    @Test
    void isDerivedTellsTheDerivedStatementsFromTheArticles() {
        Node t = Vocab.uri(ID + "tenure/secretary/x/y/1");
        assertTrue(Tenures.isDerived(Triple.create(t, Vocab.TYPE, Vocab.TENURE)));
        assertTrue(Tenures.isDerived(Triple.create(Vocab.uri(t.getURI() + "#end"), Vocab.IN_XSD_DATE, date("2020-01-01"))));
        assertTrue(Tenures.isDerived(Triple.create(membership(A, "Secretary", false), Vocab.FIRST_STATED, date("2020-01-01"))));
        assertFalse(Tenures.isDerived(Triple.create(membership(A, "Secretary", false), Vocab.ROLE, Vocab.vp("Secretary"))));
        assertTrue(Tenures.soleHolderRoles().contains(Vocab.vp("Secretary")));
        assertFalse(Tenures.soleHolderRoles().contains(Vocab.vp("DeputySecretary")));
    }

    /** Every statement of the merged graph Tenures derives. */
    static Set<Triple> derived(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<Triple> out = new HashSet<>();
            gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (Tenures.isDerived(q.asTriple())) out.add(q.asTriple());
            });
            return out;
        });
    }

    /** The shapes of the derived statements, taken out of ontology/shapes.ttl with everything they are made of. */
    static Shapes derivedShapes() {
        Graph all = GraphFactory.createDefaultGraph();
        try (InputStream in = TenuresTest.class.getResourceAsStream("/org/vietpol/ontology/shapes.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(all);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String vps = "https://w3id.org/vietpol/shapes#";
        Graph sub = GraphFactory.createDefaultGraph();
        Deque<Node> todo = new ArrayDeque<>();
        for (String s : List.of("TenureShape", "InstantShape", "MemberDuringShape", "StatedDatesShape")) todo.add(Vocab.uri(vps + s));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            all.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
                sub.add(t);
                Node o = t.getObject();
                if (o.isBlank() || o.isURI() && o.getURI().startsWith(vps)) todo.push(o);
            });
        }
        assertTrue(sub.size() > 50, "the shapes are there");
        return Shapes.parse(sub);
    }
}
