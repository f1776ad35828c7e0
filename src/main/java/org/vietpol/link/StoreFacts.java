package org.vietpol.link;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * What the linker needs from the store: the persons with their names and memberships, the units and organizations
 * the articles name. Read from every graph except the links graph (which this run replaces) and the ontology.
 * Call inside a read transaction.
 */
final class StoreFacts {
    /** One position: role and organization IRIs, the organization's kind, Vietnamese label and jurisdiction (unit id). */
    record Membership(String role, String org, String orgKind, String orgLabel, String unit) {}

    record Person(String iri, String name, List<Membership> memberships) {}

    private static final Node LINKS = LinkGraph.GRAPH;
    private static final Node ONTOLOGY = Vocab.uri(GraphStore.ONTOLOGY_GRAPH);
    private static final String UNIT_BASE = Vocab.ID + "unit/";

    final Map<String, Person> persons = new TreeMap<>();
    /** Gazetteer ids of the units the articles name. */
    final Set<String> units = new TreeSet<>();
    /** Organization IRI to its kind's local name. */
    final Map<String, String> orgs = new TreeMap<>();

    private final DatasetGraph dsg;

    private StoreFacts(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    static StoreFacts read(DatasetGraph dsg) {
        StoreFacts f = new StoreFacts(dsg);
        f.load();
        return f;
    }

    private void load() {
        for (Node u : subjects(Vocab.TYPE, Vocab.ADMIN_UNIT)) {
            if (u.isURI() && u.getURI().startsWith(UNIT_BASE)) units.add(u.getURI().substring(UNIT_BASE.length()));
        }
        for (Node o : subjects(Vocab.JURISDICTION, Node.ANY)) {
            String kind = kind(o);
            if (o.isURI() && kind != null) orgs.put(o.getURI(), kind);
        }
        for (Node p : subjects(Vocab.TYPE, Vocab.PERSON)) {
            if (!p.isURI()) continue;
            String name = objects(p, Vocab.NAME).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                    .sorted().findFirst().orElse(null);
            if (name == null) continue;
            Set<Membership> ms = new LinkedHashSet<>();
            for (Node m : subjects(Vocab.MEMBER, p)) {
                for (Node role : objects(m, Vocab.ROLE)) {
                    for (Node org : objects(m, Vocab.ORGANIZATION)) {
                        if (!role.isURI() || !org.isURI()) continue;
                        String unit = objects(org, Vocab.JURISDICTION).stream().filter(Node::isURI).map(Node::getURI)
                                .filter(s -> s.startsWith(UNIT_BASE)).map(s -> s.substring(UNIT_BASE.length())).findFirst().orElse(null);
                        String label = objects(org, Vocab.PREF_LABEL).stream()
                                .filter(l -> l.isLiteral() && "vi".equals(l.getLiteralLanguage())).map(Node::getLiteralLexicalForm)
                                .findFirst().orElse(null);
                        ms.add(new Membership(role.getURI(), org.getURI(), kind(org), label, unit));
                    }
                }
            }
            persons.put(p.getURI(), new Person(p.getURI(), name, List.copyOf(ms)));
        }
    }

    private String kind(Node org) {
        for (Node t : objects(org, Vocab.TYPE)) {
            if (t.isURI() && t.getURI().startsWith(Vocab.VP)) return t.getURI().substring(Vocab.VP.length());
        }
        return null;
    }

    private Set<Node> subjects(Node p, Node o) {
        Set<Node> out = new TreeSet<>(StoreFacts::compare);
        for (Quad q : find(Node.ANY, p, o)) out.add(q.getSubject());
        return out;
    }

    private List<Node> objects(Node s, Node p) {
        Set<Node> out = new TreeSet<>(StoreFacts::compare);
        for (Quad q : find(s, p, Node.ANY)) out.add(q.getObject());
        return new ArrayList<>(out);
    }

    private List<Quad> find(Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, o);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!q.getGraph().equals(LINKS) && !q.getGraph().equals(ONTOLOGY)) out.add(q);
        }
        return out;
    }

    private static int compare(Node a, Node b) {
        return a.toString().compareTo(b.toString());
    }
}
