package org.vietpol.resolve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.text.VietText;

/**
 * What one article says of one person, read off its graph: the names written, the bodies of the posts held,
 * taken or left, and the provinces they are in, on the article's date. The evidence person resolution weighs;
 * read from RDF so a graph made anywhere (a build, a Spark job) is resolved alike.
 *
 * @param provisional the person's IRI in the article graph as mapped (one per written name)
 * @param key         the identity form of the name: NFC, case folded, one tone-mark placement
 * @param names       the spellings written, in order
 * @param orgs        bodies of posts held or taken
 * @param left        bodies of posts left (an end change: a transfer's old post) or held before ("nguyên ...")
 * @param provinces   provinces of the local bodies among both (central bodies have none)
 * @param changed     the article reports a change of this person's posts
 * @param context     the provinces the article names at all (of any body in it, or as places)
 */
public record PersonMention(String article, Node provisional, String key, List<String> names, LocalDate date,
                            Set<Node> orgs, Set<Node> left, Set<Node> provinces, boolean changed, Set<Node> context) {

    /** The persons of one article graph, those of one identity form taken together. */
    public static List<PersonMention> of(ArticleGraph g) {
        Index x = new Index(g);
        LocalDate date = x.date();
        Map<String, Builder> byKey = new LinkedHashMap<>();
        for (Node p : x.subjects(Vocab.TYPE, Vocab.PERSON)) {
            for (Node name : x.objects(p, Vocab.NAME)) {
                String written = VietText.clean(name.getLiteralLexicalForm());
                Builder b = byKey.computeIfAbsent(VietText.key(written), k -> new Builder(g.articleId(), k, date));
                if (!b.names.contains(written)) b.names.add(written);
                if (!b.persons.contains(p)) b.persons.add(p);
            }
        }
        return mentions(x, byKey.values());
    }

    /**
     * The persons of an article graph as a build stored it, persons already resolved: one mention per person IRI,
     * its key that of its {@code foaf:name}, its names the spellings the article wrote (the {@code skos:altLabel}s
     * when the resolved name is not one of them, else the name).
     */
    public static List<PersonMention> stored(ArticleGraph g) {
        Index x = new Index(g);
        LocalDate date = x.date();
        List<Builder> bs = new ArrayList<>();
        for (Node p : x.subjects(Vocab.TYPE, Vocab.PERSON)) {
            List<Node> name = x.objects(p, Vocab.NAME);
            if (name.isEmpty()) continue;
            Builder b = new Builder(g.articleId(), VietText.key(VietText.clean(name.get(0).getLiteralLexicalForm())), date);
            for (Node alt : x.objects(p, Vocab.ALT_LABEL)) b.names.add(VietText.clean(alt.getLiteralLexicalForm()));
            if (b.names.isEmpty()) b.names.add(VietText.clean(name.get(0).getLiteralLexicalForm()));
            b.persons.add(p);
            bs.add(b);
        }
        return mentions(x, bs);
    }

    private static List<PersonMention> mentions(Index x, java.util.Collection<Builder> builders) {
        List<PersonMention> result = new ArrayList<>();
        Set<Node> context = x.provinces();
        for (Builder b : builders) {
            for (Node p : b.persons) {
                for (Node m : x.subjects(Vocab.MEMBER, p)) b.orgs.addAll(x.objects(m, Vocab.ORGANIZATION));
                for (Node post : x.objects(p, Vocab.FORMERLY_HELD)) b.left.addAll(x.objects(post, Vocab.POST_IN));
                for (Node c : x.subjects(Vocab.CHANGE_PERSON, p)) {
                    b.changed = true;
                    boolean end = x.objects(c, Vocab.CHANGE_TYPE).contains(Vocab.END_CHANGE);
                    for (Node post : x.objects(c, Vocab.CHANGE_POST)) {
                        for (Node o : x.objects(post, Vocab.POST_IN)) (end ? b.left : b.orgs).add(o);
                    }
                }
            }
            b.orgs.removeAll(b.left);
            for (Node o : b.orgs) b.provinces.addAll(x.province(o));
            for (Node o : b.left) b.provinces.addAll(x.province(o));
            result.add(new PersonMention(b.article, b.persons.get(0), b.key, List.copyOf(b.names), b.date,
                    Set.copyOf(b.orgs), Set.copyOf(b.left), Set.copyOf(b.provinces), b.changed, context));
        }
        return result;
    }

    /** All provisional IRIs of the persons of this identity form in the article (one per spelling). */
    public static Map<String, List<Node>> provisionals(ArticleGraph g) {
        Index x = new Index(g);
        Map<String, List<Node>> out = new LinkedHashMap<>();
        for (Node p : x.subjects(Vocab.TYPE, Vocab.PERSON)) {
            for (Node name : x.objects(p, Vocab.NAME)) {
                List<Node> ps = out.computeIfAbsent(VietText.key(VietText.clean(name.getLiteralLexicalForm())), k -> new ArrayList<>());
                if (!ps.contains(p)) ps.add(p);
            }
        }
        return out;
    }

    private static final class Builder {
        final String article;
        final String key;
        final LocalDate date;
        final List<Node> persons = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final Set<Node> orgs = new LinkedHashSet<>(), left = new LinkedHashSet<>(), provinces = new LinkedHashSet<>();
        boolean changed;

        Builder(String article, String key, LocalDate date) {
            this.article = article;
            this.key = key;
            this.date = date;
        }
    }

    /** The article graph's statements by subject and by object, for the few lookups resolution makes. */
    private static final class Index {
        private final Map<Node, Map<Node, List<Node>>> bySubject = new HashMap<>();
        private final Map<Node, Map<Node, List<Node>>> byObject = new HashMap<>();
        private final ArticleGraph g;

        Index(ArticleGraph g) {
            this.g = g;
            for (Quad q : g.quads()) {
                bySubject.computeIfAbsent(q.getSubject(), k -> new HashMap<>())
                        .computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(q.getObject());
                byObject.computeIfAbsent(q.getObject(), k -> new HashMap<>())
                        .computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(q.getSubject());
            }
        }

        List<Node> objects(Node s, Node p) {
            return bySubject.getOrDefault(s, Map.of()).getOrDefault(p, List.of());
        }

        List<Node> subjects(Node p, Node o) {
            return byObject.getOrDefault(o, Map.of()).getOrDefault(p, List.of());
        }

        LocalDate date() {
            for (Node a : subjects(Vocab.IDENTIFIER, org.apache.jena.graph.NodeFactory.createLiteralString(g.articleId()))) {
                for (Node d : objects(a, Vocab.ISSUED)) {
                    try {
                        return LocalDate.parse(d.getLiteralLexicalForm());
                    } catch (RuntimeException e) {
                        return null;
                    }
                }
            }
            return null;
        }

        /** Every province the graph names: as a unit of the province level, or through a body's jurisdiction. */
        Set<Node> provinces() {
            Set<Node> out = new LinkedHashSet<>();
            for (Node o : byObject.keySet()) {
                if (o.isURI() && !subjects(Vocab.JURISDICTION, o).isEmpty()) {
                    for (Node org : subjects(Vocab.JURISDICTION, o)) out.addAll(province(org));
                }
            }
            return Set.copyOf(out);
        }

        /** The province a body's jurisdiction lies in; none for a central body. */
        Set<Node> province(Node org) {
            Set<Node> out = new LinkedHashSet<>();
            for (Node u : objects(org, Vocab.JURISDICTION)) {
                Node x = u;
                for (int i = 0; x != null && i < 6; i++) {
                    List<Node> level = objects(x, Vocab.LEVEL);
                    if (level.contains(Vocab.vp("ProvinceLevel"))) {
                        out.add(x);
                        break;
                    }
                    List<Node> parent = objects(x, Vocab.PARENT_UNIT);
                    x = parent.isEmpty() ? null : parent.get(0);
                }
            }
            return out;
        }
    }
}
