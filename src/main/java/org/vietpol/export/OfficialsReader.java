package org.vietpol.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * Reads the officials out of a store: the tenures of the merged graph, with the articles they rest on, the posts,
 * persons, bodies and units they involve (the bodies' parents and the units' parents too, so every reference resolves), role labels from the
 * ontology graph and Wikidata ids from the links graph.
 */
final class OfficialsReader {
    private static final Node MERGED = ArticleGraph.MERGED_NODE;
    private static final Node ONTOLOGY = Vocab.uri(GraphStore.ONTOLOGY_GRAPH);
    private static final Node SAME_AS = Vocab.uri(Vocab.OWL + "sameAs");
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";

    private final DatasetGraph dsg;

    private OfficialsReader(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    static Officials read(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> new OfficialsReader(dsg).officials());
    }

    private Officials officials() {
        List<Officials.Tenure> tenures = new ArrayList<>();
        Set<Node> posts = new TreeSet<>(ORDER), persons = new TreeSet<>(ORDER);
        for (Node t : sorted(subjects(Vocab.TYPE, Vocab.TENURE))) {
            Node post = one(t, Vocab.TENURE_OF), person = one(t, Vocab.HOLDER);
            if (post == null || person == null) continue;
            posts.add(post);
            persons.add(person);
            List<Officials.Source> sources = new ArrayList<>();
            for (Node a : sources(t)) {
                Node url = one(a, Vocab.URL);
                sources.add(new Officials.Source(a.getURI(), lexical(one(a, Vocab.IDENTIFIER)), url == null ? null : url.getURI()));
            }
            tenures.add(new Officials.Tenure(t.getURI(), post.getURI(), person.getURI(), instant(one(t, Vocab.HAS_BEGINNING)),
                    instant(one(t, Vocab.HAS_END)), isTrue(one(t, Vocab.ONGOING)), isTrue(one(t, Vocab.ACTING)),
                    lexical(one(t, Vocab.LABEL)), sources));
        }
        Set<Node> orgs = new TreeSet<>(ORDER), units = new TreeSet<>(ORDER);
        List<Officials.Post> postList = new ArrayList<>();
        for (Node p : posts) {
            Node role = one(p, Vocab.ROLE), org = one(p, Vocab.POST_IN);
            Node area = org == null ? null : one(org, Vocab.JURISDICTION);
            if (org != null) orgs.add(org);
            postList.add(new Officials.Post(p.getURI(), label(MERGED, p, "vi"), role == null ? null : role.getURI(),
                    roleLabel(role, "vi"), roleLabel(role, "en"), org == null ? null : org.getURI(), uri(area)));
        }
        // the bodies' parents, then every unit any of them answers to, with the units' parents
        List<Node> pending = new ArrayList<>(orgs);
        while (!pending.isEmpty()) {
            Node parent = one(pending.remove(pending.size() - 1), Vocab.SUB_ORGANIZATION_OF);
            if (parent != null && parent.isURI() && orgs.add(parent)) pending.add(parent);
        }
        List<Officials.Organization> orgList = new ArrayList<>();
        for (Node o : orgs) {
            Node area = one(o, Vocab.JURISDICTION), parent = one(o, Vocab.SUB_ORGANIZATION_OF);
            if (area != null && area.isURI()) units.add(area);
            orgList.add(new Officials.Organization(o.getURI(), label(MERGED, o, "vi"), label(MERGED, o, "en"), kind(o),
                    uri(area), uri(parent), wikidata(o)));
        }
        pending = new ArrayList<>(units);
        while (!pending.isEmpty()) {
            Node parent = one(pending.remove(pending.size() - 1), Vocab.PARENT_UNIT);
            if (parent != null && parent.isURI() && units.add(parent)) pending.add(parent);
        }
        List<Officials.Area> areas = new ArrayList<>();
        for (Node u : units) {
            Node level = one(u, Vocab.LEVEL);
            String l = level == null ? null : level.getLocalName().replaceFirst("Level$", "").toLowerCase(java.util.Locale.ROOT);
            areas.add(new Officials.Area(u.getURI(), label(MERGED, u, "vi"), label(MERGED, u, "en"), l,
                    uri(one(u, Vocab.PARENT_UNIT)), lexical(one(u, Vocab.GSO_CODE))));
        }
        List<Officials.Person> personList = new ArrayList<>();
        for (Node p : persons) {
            Set<String> others = new TreeSet<>();
            for (Node alt : objects(MERGED, p, Vocab.ALT_LABEL)) if (alt.isLiteral()) others.add(alt.getLiteralLexicalForm());
            String name = lexical(one(p, Vocab.NAME));
            others.remove(name);
            personList.add(new Officials.Person(p.getURI(), name, List.copyOf(others), wikidata(p)));
        }
        return new Officials(personList, orgList, areas, postList, tenures);
    }

    /**
     * The articles a tenure rests on: those reporting the changes that began and ended it, and those of the mentions
     * its beginning and end rest on (a mention is described in its article's graph).
     */
    private Set<Node> sources(Node tenure) {
        Set<Node> out = new TreeSet<>(ORDER);
        for (Node by : List.of(Vocab.STARTED_BY, Vocab.ENDED_BY)) {
            Node change = one(tenure, by);
            if (change != null) out.addAll(objects(MERGED, change, Vocab.DERIVED_FROM));
        }
        for (Node ev : List.of(Vocab.START_EVIDENCE, Vocab.END_EVIDENCE)) {
            Node mention = one(tenure, ev);
            if (mention == null) continue;
            for (Iterator<Quad> it = dsg.find(Node.ANY, mention, Vocab.DERIVED_FROM, Node.ANY); it.hasNext(); ) {
                Node a = it.next().getObject();
                if (a.isURI() && ArticleGraph.isArticleGraph(a)) out.add(a);
            }
        }
        return out;
    }

    /** The organization kind: the one type in the project's namespace. */
    private String kind(Node org) {
        for (Node t : sorted(objects(MERGED, org, Vocab.TYPE)))
            if (t.isURI() && t.getURI().startsWith(Vocab.VP)) return t.getLocalName();
        return null;
    }

    private String roleLabel(Node role, String lang) {
        if (role == null) return null;
        String l = label(ONTOLOGY, role, lang);
        return l != null ? l : role.getLocalName();
    }

    /** Wikidata ids from any graph (the links graph): "Q1765001". */
    private List<String> wikidata(Node s) {
        Set<String> out = new TreeSet<>();
        for (Iterator<Quad> it = dsg.find(Node.ANY, s, SAME_AS, Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (o.isURI() && o.getURI().startsWith(WIKIDATA)) out.add(o.getURI().substring(WIKIDATA.length()));
        }
        return List.copyOf(out);
    }

    private String label(Node graph, Node s, String lang) {
        Set<String> found = new TreeSet<>();
        for (Node l : objects(graph, s, Vocab.PREF_LABEL))
            if (l.isLiteral() && lang.equals(l.getLiteralLanguage())) found.add(l.getLiteralLexicalForm());
        return found.isEmpty() ? null : found.iterator().next();
    }

    private String instant(Node instant) {
        return instant == null ? null : lexical(one(instant, Vocab.IN_XSD_DATE));
    }

    private Node one(Node s, Node p) {
        List<Node> all = sorted(objects(MERGED, s, p));
        return all.isEmpty() ? null : all.get(0);
    }

    private List<Node> objects(Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        for (Iterator<Quad> it = dsg.find(g, s, p, Node.ANY); it.hasNext(); ) out.add(it.next().getObject());
        return out;
    }

    private List<Node> subjects(Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        for (Iterator<Quad> it = dsg.find(MERGED, Node.ANY, p, o); it.hasNext(); ) out.add(it.next().getSubject());
        return new ArrayList<>(out);
    }

    private static boolean isTrue(Node n) {
        return n != null && n.isLiteral() && "true".equals(n.getLiteralLexicalForm());
    }

    private static String lexical(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static String uri(Node n) {
        return n != null && n.isURI() ? n.getURI() : null;
    }

    private static final Comparator<Node> ORDER = Comparator.comparing(Node::toString);

    private static List<Node> sorted(List<Node> nodes) {
        nodes.sort(ORDER);
        return nodes;
    }
}
