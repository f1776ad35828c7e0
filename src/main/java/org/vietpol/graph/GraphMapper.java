package org.vietpol.graph;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.article.Article;
import org.vietpol.extract.Change;
import org.vietpol.extract.DocumentFact;
import org.vietpol.extract.Extraction;
import org.vietpol.extract.Extractor;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Lexicon;
import org.vietpol.extract.MeetingFact;
import org.vietpol.extract.Mention;
import org.vietpol.extract.OrgRef;
import org.vietpol.extract.Position;
import org.vietpol.extract.Terms;
import org.vietpol.extract.Unit;
import org.vietpol.extract.Vocabulary;
import org.vietpol.text.VietText;

/**
 * Maps one article's extraction to RDF under the contract's terms. Everything the article states, with the
 * labels of every resource it touches, goes into the article's own named graph, so each graph is
 * self-contained and the union of all graphs merges entities by IRI.
 */
public final class GraphMapper {
    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Iris iris;
    private final java.util.concurrent.ConcurrentMap<String, Node> confidences = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<Double, Node> byValue = new java.util.concurrent.ConcurrentHashMap<>();

    private final Vocabulary vocab = Vocabulary.defaults();

    public GraphMapper(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
        this.iris = new Iris(lex);
    }

    /** Maps an extraction, recording the article's content hash ({@link ContentHash}) with it. */
    public ArticleGraph map(Extraction x) {
        return map(x, ContentHash.of(x.article()));
    }

    /** Maps an extraction whose article's content hash the caller has computed already. */
    public ArticleGraph map(Extraction x, String contentHash) {
        Article a = x.article();
        Node g = Vocab.uri(Iris.article(a.id()));
        Out out = new Out(g);
        out.add(g, Vocab.TYPE, Vocab.NEWS_ARTICLE);
        out.add(g, Vocab.IDENTIFIER, NodeFactory.createLiteralString(a.id()));
        out.add(g, Vocab.TITLE, vi(a.title()));
        if (a.published() != null) out.add(g, Vocab.ISSUED, date(a.published()));
        if (a.url() != null && WEB_URL.matcher(a.url()).matches()) out.add(g, Vocab.URL, Vocab.uri(a.url()));
        out.add(g, Vocab.CONTENT_HASH, NodeFactory.createLiteralString(contentHash));

        // the place the article is about: what the named queries group articles by
        Node about = x.locality() == null ? null : unit(out, x.locality());
        if (about != null) out.add(g, Vocab.ABOUT, about);

        Set<String> people = new LinkedHashSet<>();
        java.util.Map<Node, List<Node>> postsOf = new java.util.LinkedHashMap<>();
        for (Position p : x.positions()) {
            Node person = person(out, g, p.person(), people);
            Node org = org(out, g, p.org());
            Node m = Vocab.uri(iris.membershipOf(person.getURI(), p.role(), p.org(), p.acting()));
            List<Node> posts = postsOf.computeIfAbsent(person, k -> new java.util.ArrayList<>());
            if (!posts.contains(m)) posts.add(m);
            out.add(m, Vocab.TYPE, Vocab.MEMBERSHIP);
            out.add(m, Vocab.MEMBER, person);
            out.add(m, Vocab.ORGANIZATION, org);
            out.add(m, Vocab.ROLE, Vocab.vp(p.role()));
            if (p.acting()) out.add(m, Vocab.ACTING, TRUE);
            out.add(m, Vocab.DERIVED_FROM, g);
            out.add(m, Vocab.EVIDENCE, mention(out, g, a, p.mention()));
            if (p.term() != null) out.add(m, Vocab.DURING_TERM, term(out, g, p.org(), org, p.term()));
            Node post = post(out, g, p.role(), p.org(), org);
            out.add(post, Vocab.HELD_BY, person);
        }
        int changeIndex = 0;
        for (Change ch : x.changes()) {
            Node person = person(out, g, ch.person(), people);
            Node org = org(out, g, ch.org());
            Node post = post(out, g, ch.role(), ch.org(), org);
            Node n = Vocab.uri(iris.change(person.getURI(), ch.type(), ch.role(), ch.org(), ch.date(), a.id(), ++changeIndex));
            out.add(n, Vocab.TYPE, Vocab.POST_CHANGE);
            out.add(n, Vocab.CHANGE_PERSON, person);
            out.add(n, Vocab.CHANGE_POST, post);
            out.add(n, Vocab.CHANGE_TYPE, Vocab.vp(ch.type().equals(Change.START) ? "Start" : "End"));
            if (ch.kind() != null) out.add(n, Vocab.CHANGE_KIND, Vocab.uri(vocab.changeKindIri(ch.kind())));
            if (ch.date() != null) out.add(n, Vocab.DATE, date(ch.date()));
            if (ch.acting()) out.add(n, Vocab.ACTING, TRUE);
            out.add(n, Vocab.LABEL, vi(ch.person() + (ch.type().equals(Change.START) ? " nhận chức " : " thôi chức ")
                    + postLabel(ch.role(), ch.org()) + (ch.date() == null ? "" : ", " + ch.date())));
            out.add(n, Vocab.DERIVED_FROM, g);
            out.add(n, Vocab.EVIDENCE, mention(out, g, a, ch.mention()));
            if (ch.term() != null) out.add(n, Vocab.DURING_TERM, term(out, g, ch.org(), org, ch.term()));
            out.add(g, Vocab.MENTIONS, n);
        }
        // past posts: the person is named, the post is not held (no membership); what resolution joins careers by
        for (Position p : x.formerPositions()) {
            Node person = person(out, g, p.person(), people);
            out.add(person, Vocab.FORMERLY_HELD, post(out, g, p.role(), p.org(), org(out, g, p.org())));
        }
        // posts of one person stated together by this article (terms of office come only where the text states
        // them; this is the nearest the graph comes to "held at the same time")
        for (List<Node> posts : postsOf.values()) {
            for (Node a1 : posts) for (Node a2 : posts) if (!a1.equals(a2)) out.add(a1, Vocab.STATED_WITH, a2);
        }
        int n = 0;
        for (MeetingFact mt : x.meetings()) {
            n++;
            Node e = Vocab.uri(iris.meeting(mt.organizer(), mt.date(), mt.type(), a.id(), n));
            Node org = org(out, g, mt.organizer());
            out.add(e, Vocab.TYPE, Vocab.MEETING);
            out.add(e, Vocab.ORGANIZER, org);
            if (mt.date() != null) out.add(e, Vocab.DATE, date(mt.date()));
            if (mt.type() != null) out.add(e, Vocab.MEETING_TYPE, vi(mt.type()));
            out.add(e, Vocab.LABEL, vi(capitalise(mt.type() == null ? "hội nghị" : mt.type()) + " – " + orgLabel(mt.organizer())
                    + (mt.date() == null ? "" : ", " + mt.date())));
            for (String c : mt.chairs()) out.add(e, Vocab.CHAIR, person(out, g, c, people));
            for (String at : mt.attendees()) out.add(e, Vocab.ATTENDEE, person(out, g, at, people));
            out.add(e, Vocab.DERIVED_FROM, g);
            out.add(g, Vocab.MENTIONS, e);
            if (mt.mention() != null) out.add(e, Vocab.EVIDENCE, mention(out, g, a, mt.mention()));
        }
        for (DocumentFact d : x.documents()) {
            Node doc = Vocab.uri(Iris.document(d, x.locality()));
            out.add(doc, Vocab.TYPE, Vocab.vp(d.type()));
            out.add(doc, Vocab.DOCUMENT_NUMBER, NodeFactory.createLiteralString(d.number()));
            out.add(doc, Vocab.LABEL, vi(lex.documentWord(d.type()) + " " + d.number()));
            if (d.issued() != null) out.add(doc, Vocab.ISSUED, date(d.issued()));
            if (d.issuer() != null) out.add(doc, Vocab.ISSUER, org(out, g, d.issuer()));
            out.add(doc, Vocab.DERIVED_FROM, g);
            if (about != null && !x.locality().isCountry()) out.add(doc, Vocab.CITED_FROM, about);
            out.add(doc, Vocab.EVIDENCE, mention(out, g, a, d.mention()));
            out.add(g, Vocab.MENTIONS, doc);
        }
        return new ArticleGraph(a.id(), a.source(), g, List.copyOf(out.quads));
    }

    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    /** The post (role in an organization), with its labels, once per article graph. */
    private Node post(Out out, Node g, String role, OrgRef o, Node org) {
        Node n = Vocab.uri(iris.post(role, o));
        if (out.seen.add(n)) {
            out.add(n, Vocab.TYPE, Vocab.POST);
            out.add(n, Vocab.ROLE, Vocab.vp(role));
            out.add(n, Vocab.POST_IN, org);
            out.add(n, Vocab.PREF_LABEL, vi(postLabel(role, o)));
        }
        return n;
    }

    /**
     * A body's term of office ("Tỉnh ủy Quảng Ninh khóa XV", "HĐND tỉnh Gia Lai nhiệm kỳ 2021-2026"): its number and
     * years as this article states them, labelled by what identifies it, once per article graph.
     */
    private Node term(Out out, Node g, OrgRef o, Node org, Terms.Term t) {
        Node n = Vocab.uri(iris.term(o, t));
        if (out.seen.add(n)) {
            out.add(n, Vocab.TYPE, Vocab.TERM_OF_OFFICE);
            out.add(n, Vocab.TYPE, Vocab.PROPER_INTERVAL);
            out.add(n, Vocab.TERM_OF, org);
            String years = t.startYear() + (t.endYear() > 0 ? "-" + t.endYear() : "");
            if (t.number() > 0) {
                out.add(n, Vocab.TERM_NUMBER, NodeFactory.createLiteralDT(Integer.toString(t.number()), XSDDatatype.XSDinteger));
                out.add(n, Vocab.PREF_LABEL, vi(orgLabel(o) + " khóa " + roman(t.number())));
                out.add(n, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(orgLabelEn(o) + ", term " + roman(t.number()), "en"));
            } else {
                out.add(n, Vocab.PREF_LABEL, vi(orgLabel(o) + " nhiệm kỳ " + years));
                out.add(n, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(orgLabelEn(o) + ", term " + years, "en"));
            }
            if (t.startYear() > 0) out.add(n, Vocab.START_YEAR, NodeFactory.createLiteralDT(Integer.toString(t.startYear()), XSDDatatype.XSDgYear));
            if (t.endYear() > 0) out.add(n, Vocab.END_YEAR, NodeFactory.createLiteralDT(Integer.toString(t.endYear()), XSDDatatype.XSDgYear));
            out.add(g, Vocab.MENTIONS, n);
        }
        return n;
    }

    /** 19 to "XIX": how the numbers of terms are written. */
    static String roman(int n) {
        int[] values = {100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] letters = {"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) for (; n >= values[i]; n -= values[i]) b.append(letters[i]);
        return b.toString();
    }

    /** "Bí thư Tỉnh ủy Quảng Ninh": the role's Vietnamese label and the body's. */
    private String postLabel(String role, OrgRef o) {
        return vocab.label(role, "vi") + " " + orgLabel(o);
    }

    private Node person(Out out, Node g, String name, Set<String> seen) {
        // an article names the same people many times: make each one's IRI (a slug and a hash) once
        Node p = out.persons.computeIfAbsent(name, k -> Vocab.uri(Iris.person(k)));
        if (seen.add(name)) {
            out.add(p, Vocab.TYPE, Vocab.PERSON);
            out.add(p, Vocab.NAME, vi(name));
            out.add(g, Vocab.MENTIONS, p);
        }
        return p;
    }

    private Node org(Out out, Node g, OrgRef o) {
        Node n = Vocab.uri(iris.org(o));
        if (out.seen.add(n)) {
            out.add(n, Vocab.TYPE, Vocab.vp(o.kind()));
            out.add(n, Vocab.PREF_LABEL, vi(orgLabel(o)));
            out.add(n, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(orgLabelEn(o), "en"));
            out.add(n, Vocab.JURISDICTION, unit(out, o.unit()));
            OrgRef parent = o.parent();
            if (parent != null && !parent.sameAs(o)) out.add(n, Vocab.SUB_ORGANIZATION_OF, org(out, g, parent));
            out.add(g, Vocab.MENTIONS, n);
        }
        return n;
    }

    private Node unit(Out out, Unit u) {
        Node n = Vocab.uri(Iris.unit(u));
        if (out.seen.add(n)) {
            describeUnit(u, gaz, (p, o) -> out.add(n, p, o));
            gaz.parent(u).ifPresent(p -> unit(out, p));
        }
        return n;
    }

    /**
     * What every graph says of an administrative unit (type, labels, type word, GSO code, level, parent): the
     * article graphs and the links graph describe units alike, through this one method.
     */
    public static void describeUnit(Unit u, Gazetteer gaz, java.util.function.BiConsumer<Node, Node> out) {
        out.accept(Vocab.TYPE, Vocab.ADMIN_UNIT);
        out.accept(Vocab.PREF_LABEL, vi(u.name()));
        if (u.nameEn() != null) out.accept(Vocab.PREF_LABEL, NodeFactory.createLiteralLang(u.nameEn(), "en"));
        for (String v : u.variants()) out.accept(Vocab.ALT_LABEL, vi(v));
        if (u.type() != null && !u.type().isEmpty()) out.accept(Vocab.UNIT_TYPE, vi(u.type()));
        if (u.gso() != null) out.accept(Vocab.GSO_CODE, NodeFactory.createLiteralString(u.gso()));
        out.accept(Vocab.LEVEL, Vocab.vp(levelName(u.level())));
        gaz.parent(u).ifPresent(p -> out.accept(Vocab.PARENT_UNIT, Vocab.uri(Iris.unit(p))));
    }

    private static String levelName(String level) {
        switch (level) {
            case "country": return "CountryLevel";
            case "province": return "ProvinceLevel";
            case "district": return "DistrictLevel";
            default: return "WardLevel";
        }
    }

    private Node mention(Out out, Node g, Article a, Mention m) {
        Node n = Vocab.uri(Iris.mention(a.id(), m.start(), m.end()));
        if (out.seen.add(n)) {
            out.add(n, Vocab.TYPE, Vocab.MENTION);
            out.add(n, Vocab.SENTENCE, vi(a.text().substring(m.sentenceStart(), m.sentenceEnd())));
            out.add(n, Vocab.START, NodeFactory.createLiteralDT(Integer.toString(m.start()), XSDDatatype.XSDint));
            out.add(n, Vocab.END, NodeFactory.createLiteralDT(Integer.toString(m.end()), XSDDatatype.XSDint));
            out.add(n, Vocab.MATCHED, vi(a.text().substring(m.start(), m.end())));
            out.add(n, Vocab.RULE, NodeFactory.createLiteralString(m.rule()));
            out.add(n, Vocab.CONFIDENCE, confidence(m.confidence()));
            out.add(n, Vocab.GENERATED_BY, activity(out));
            out.add(n, Vocab.DERIVED_FROM, g);
        }
        return n;
    }

    private static final Node ACTIVITY = Vocab.uri(Vocab.ID + "activity/extraction/" + Extractor.VERSION);
    private static final Node AGENT = Vocab.uri(Vocab.ID + "agent/vietpol-extractor/" + Extractor.VERSION);
    private static final Node ACTIVITY_LABEL =
            NodeFactory.createLiteralLang("Extraction by the VietPol KG extractor " + Extractor.VERSION, "en");
    private static final Node AGENT_LABEL = NodeFactory.createLiteralLang("VietPol KG extractor " + Extractor.VERSION, "en");
    private static final java.util.regex.Pattern WEB_URL = java.util.regex.Pattern.compile("https?://\\S+");

    /** The extraction activity of this extractor version, shared by every article graph it writes. */
    private static Node activity(Out out) {
        Node act = ACTIVITY;
        if (out.seen.add(act)) {
            Node agent = AGENT;
            out.add(act, Vocab.TYPE, Vocab.ACTIVITY);
            out.add(act, Vocab.LABEL, ACTIVITY_LABEL);
            out.add(act, Vocab.ASSOCIATED_WITH, agent);
            out.add(agent, Vocab.TYPE, Vocab.SOFTWARE_AGENT);
            out.add(agent, Vocab.LABEL, AGENT_LABEL);
        }
        return act;
    }

    /** A rule's confidence literal; rules are few, so each literal is made once. */
    private Node confidence(double c) {
        Node n = byValue.get(c); // String.format on every mention was a good part of mapping
        if (n == null) byValue.put(c, n = confidences.computeIfAbsent(String.format(java.util.Locale.ROOT, "%.2f", c), r -> decimal(new java.math.BigDecimal(r))));
        return n;
    }

    /** "Thành ủy Huế", "Ban Tổ chức Tỉnh ủy Thừa Thiên Huế", "Bộ Chính trị": from the templates in kinds.tsv. */
    public String orgLabel(OrgRef o) {
        Lexicon.Kind k = lex.kind(o.kind());
        Unit u = o.unit();
        String template = u.isCountry() ? k.centralLabel() : k.localLabel();
        Lexicon.UnitWords w = lex.unitWords(u.type());
        return VietText.clean(template.replace("{party}", w.party()).replace("{short}", w.shortWord())
                .replace("{place}", u.name()).replace("{name}", o.name() == null ? "" : o.name()));
    }

    private String orgLabelEn(OrgRef o) {
        Unit u = o.unit();
        String placeEn = u.nameEn() != null ? u.nameEn() : VietText.fold(u.name());
        String name = o.name() == null ? "" : o.name();
        return VietText.clean(lex.kind(o.kind()).enLabel().replace("{place_en}", placeEn).replace("{name}", name));
    }

    /**
     * An xsd:decimal in canonical form. TDB2 stores decimals by value and gives them back canonical ("0.9" for
     * "0.90"); a non-canonical literal could then not be found again to delete when an article is rebuilt.
     */
    public static Node decimal(java.math.BigDecimal d) {
        return org.apache.jena.sparql.expr.NodeValue.makeDecimal(d).asNode();
    }

    private static Node vi(String s) {
        return NodeFactory.createLiteralLang(VietText.clean(s), "vi");
    }

    private static Node date(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    /** Collects quads without duplicates, in a stable order. */
    private static final class Out {
        final Node graph;
        final Set<Quad> quads = new LinkedHashSet<>();
        final Set<Node> seen = new HashSet<>();
        final java.util.Map<String, Node> persons = new java.util.HashMap<>();

        Out(Node graph) {
            this.graph = graph;
        }

        void add(Node s, Node p, Node o) {
            quads.add(Quad.create(graph, s, p, o));
        }
    }
}
