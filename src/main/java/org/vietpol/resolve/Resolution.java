package org.vietpol.resolve;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vietpol.extract.Gazetteer;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * Person resolution as a build runs it, on the loading side, one article at a time in input order:
 * <ol>
 *   <li>{@link #open}: the registry of persons is rebuilt from the article graphs already in the store (when they
 *       were resolved by these rules and decisions; otherwise the build redoes every article and starts afresh);</li>
 *   <li>{@link #apply}: each article graph, before it is loaded, gets the resolved person IRIs and names;</li>
 *   <li>{@link #finish}: once loaded, articles stored earlier that name a person this build joined to another, or
 *       whose name (the most frequent spelling) changed, are rewritten; and the resolution graph
 *       ({@value #GRAPH}) is written anew: a {@code skos:closeMatch} and a {@code vp:Link} with its score for each
 *       same-name pair left open (a {@code vp:PersonMatch}).</li>
 * </ol>
 * A person no new article touches is never renamed, and a build that changes nothing writes nothing different.
 */
public final class Resolution {
    /** Named graph of the same-name pairs resolution left open, for review. */
    public static final String GRAPH = "https://w3id.org/vietpol/graph/resolution";
    public static final Node GRAPH_NODE = Vocab.uri(GRAPH);
    /** Bumped when resolution decides differently: a store resolved by other rules is resolved again. */
    static final String VERSION = "resolution 1";

    private static final Node CLOSE_MATCH = Vocab.uri(Vocab.SKOS + "closeMatch");
    private static final Node LINK = Vocab.vp("Link");
    private static final Node PERSON_MATCH = Vocab.vp("PersonMatch");
    private static final Node SUBJECT = Vocab.vp("subject");
    private static final Node TARGET = Vocab.vp("target");
    private static final Node RELATION = Vocab.vp("relation");
    private static final Node SCORE = Vocab.vp("score");
    private static final Node COMMENT = Vocab.uri(Vocab.RDFS + "comment");
    private static final String PERSON = Vocab.ID + "person/";
    /** What the registry needs of a stored article graph: persons, their posts and changes, places, the date. */
    private static final List<Node> EVIDENCE = List.of(Vocab.NAME, Vocab.ALT_LABEL, Vocab.MEMBER, Vocab.ORGANIZATION,
            Vocab.FORMERLY_HELD, Vocab.POST_IN, Vocab.CHANGE_PERSON, Vocab.CHANGE_POST, Vocab.CHANGE_TYPE,
            Vocab.JURISDICTION, Vocab.LEVEL, Vocab.PARENT_UNIT, Vocab.IDENTIFIER, Vocab.ISSUED);
    private static final int BATCH = 500;

    private final GraphStore store;
    private final PersonResolver resolver;
    private final String fingerprint;
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private int registered;
    /** The stored persons not yet registered, when the registry is filled as needed ({@link #openForBuild}). */
    private Lazy lazy;

    private Resolution(GraphStore store, PersonResolver resolver, String fingerprint) {
        this.store = store;
        this.resolver = resolver;
        this.fingerprint = fingerprint;
    }

    /**
     * Opens resolution for a build into {@code store}: the persons already stored make the registry when the store
     * was resolved with the same rules and decisions ({@link #fingerprint()} at the end of the store's fingerprint).
     */
    public static Resolution open(GraphStore store, Decisions decisions, Gazetteer gazetteer) {
        String fp = VERSION + " decisions " + decisions.fingerprint();
        Resolution r = new Resolution(store, new PersonResolver(decisions, gazetteer), fp);
        String was = store.fingerprint();
        if (was != null && was.endsWith(";" + fp)) {
            for (ArticleGraph g : storedPersons(store.dataset())) {
                r.resolver.register(g);
                r.registered++;
            }
        }
        return r;
    }

    /**
     * As {@link #open}, for a build, whose work should follow what changed rather than the size of the store: the
     * stored persons are taken into the registry by name as the articles built need them, not all at once (reading
     * every stored person out of a store of 10^5 articles takes most of a minute). The registry then answers as
     * {@link #open}'s does: a name's stored persons are registered together, in the same order, from the articles as
     * the store held them when the build began ({@link #replacing} keeps those the build replaces), and the
     * resolution graph is rewritten for the names the build touched. Falls back to {@link #open}'s full reading when
     * decisions join persons (they may join persons of two names) or when a stored person goes by more than one name.
     * The caller reads the rest in ({@link #registerAll}) before anything keeps it from reading the store.
     */
    public static Resolution openForBuild(GraphStore store, Decisions decisions, Gazetteer gazetteer) {
        String fp = VERSION + " decisions " + decisions.fingerprint();
        String was = store.fingerprint();
        if (was == null || !was.endsWith(";" + fp) || !decisions.sameAs().isEmpty()) return open(store, decisions, gazetteer);
        Map<String, String> keyOfPerson = storedNames(store.dataset());
        if (keyOfPerson == null) return open(store, decisions, gazetteer);
        Resolution r = new Resolution(store, new PersonResolver(decisions, gazetteer), fp);
        r.lazy = new Lazy(r, keyOfPerson);
        r.resolver.storedPersons(r.lazy);
        return r;
    }

    /** Part of the build's fingerprint: a change of the resolution rules or of the decisions re-resolves the store. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The resolver, with its registry (persons stored and resolved so far). */
    public PersonResolver resolver() {
        return resolver;
    }

    /** Article graphs whose persons were read back from the store when opened. */
    public int registered() {
        return registered;
    }

    /**
     * What resolution reads of an article graph: its persons' mentions and provisional IRIs, without the rest of the
     * graph. Small: a loader that reads its input twice keeps these for every graph between the two readings.
     */
    public record Persons(List<PersonMention> mentions, Map<String, List<Node>> provisionals) {
        public static final Persons NONE = new Persons(List.of(), Map.of());

        public static Persons of(ArticleGraph g) {
            List<PersonMention> ms = PersonMention.of(g);
            return ms.isEmpty() ? NONE : new Persons(ms, PersonMention.provisionals(g));
        }

        public boolean isEmpty() {
            return mentions.isEmpty();
        }
    }

    /** What resolving one article graph decided: the person IRIs and names to put into it. */
    public record Renames(Map<Node, Node> iris, Map<Node, String> names) {
        public static final Renames NONE = new Renames(Map.of(), Map.of());

        /** The graph with the resolved person IRIs and names ({@link Rewriter}). */
        public ArticleGraph applyTo(ArticleGraph g) {
            return Rewriter.rewrite(g, iris, names);
        }
    }

    /** Resolves an article graph's persons: the graph to load, person IRIs and names rewritten. Input order. */
    public ArticleGraph apply(ArticleGraph g) {
        replacing(List.of(g.graph()));
        return resolve(Persons.of(g)).applyTo(g);
    }

    /**
     * As {@link #apply}, from the persons read off the graph beforehand: the renames to apply to the graph when it
     * is read again. Input order, as {@link #apply}; the two may be mixed.
     */
    public Renames resolve(Persons persons) {
        if (persons.isEmpty()) return Renames.NONE;
        settlement = null;
        PersonResolver.Result res = resolver.resolve(persons.mentions(), persons.provisionals());
        for (PersonResolver.Merge m : res.merges()) mergedInto.put(m.from(), m.into());
        for (Node n : res.iris().values()) touched.add(n.getURI());
        return new Renames(res.iris(), res.names());
    }

    /**
     * A graph resolved ({@link #apply} or {@link #resolve}) and not yet stored, once every article of the load has
     * been resolved: as {@link #finish} would rewrite it in the store (a person joined to another or renamed by a
     * later article). A loader that resolves everything before it stores anything stores graphs so settled, and
     * {@link #finish} then only has the articles stored before to rewrite: the same store, without rewriting the
     * new graphs one transaction at a time.
     */
    public ArticleGraph settle(ArticleGraph g) {
        Renames s = settlement();
        if (s.iris().isEmpty() && s.names().isEmpty()) return g;
        for (Quad q : g.quads()) {
            Node p = q.getPredicate();
            if (p.equals(Vocab.TYPE) && q.getObject().equals(Vocab.PERSON) && s.iris().containsKey(q.getSubject())) {
                return s.applyTo(g);
            }
            if (p.equals(Vocab.NAME) && s.names().containsKey(q.getSubject()) && q.getObject().isLiteral()
                    && !q.getObject().getLiteralLexicalForm().equals(s.names().get(q.getSubject()))) {
                return s.applyTo(g);
            }
        }
        return g;
    }

    private Renames settlement;

    /** The renames {@link #finish} applies to the stored articles: merged persons to their targets, final names. */
    private Renames settlement() {
        if (settlement != null) return settlement;
        Map<Node, Node> iris = new LinkedHashMap<>();
        for (String from : new java.util.TreeSet<>(mergedInto.keySet())) iris.put(Vocab.uri(from), Vocab.uri(target(from)));
        Map<Node, String> names = new LinkedHashMap<>();
        for (String t : touched) {
            PersonCluster c = resolver.persons().get(target(t));
            if (c != null) names.put(Vocab.uri(c.iri()), c.name());
        }
        settlement = new Renames(iris, names);
        return settlement;
    }

    /**
     * Resolves the persons of every article graph in the store, in the order of their IRIs, and replaces each graph
     * (article graphs loaded by other means, such as Jena's tdb2.xloader, whose persons are as the mapper named
     * them); then {@link #finish}. Opened on a store that was not resolved, the registry starts empty.
     */
    public void resolveStored() {
        DatasetGraph dsg = store.dataset();
        resolveStored(Txn.calculateRead(dsg, () -> {
            List<Node> out = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (ArticleGraph.isArticleGraph(g)) out.add(g);
            });
            out.sort(Comparator.comparing(Node::getURI));
            return out;
        }));
    }

    /** As {@link #resolveStored()}, for these article graphs of the store, in this order (the order of the input). */
    public void resolveStored(List<Node> graphs) {
        DatasetGraph dsg = store.dataset();
        for (int i = 0; i < graphs.size(); i += BATCH) {
            List<Node> part = graphs.subList(i, Math.min(graphs.size(), i + BATCH));
            List<ArticleGraph> read = Txn.calculateRead(dsg, () -> {
                List<ArticleGraph> out = new ArrayList<>();
                for (Node g : part) {
                    List<Quad> qs = new ArrayList<>();
                    dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(qs::add);
                    out.add(new ArticleGraph(articleId(g, qs), null, g, qs));
                }
                return out;
            });
            List<ArticleGraph> resolved = new ArrayList<>();
            for (ArticleGraph g : read) {
                ArticleGraph r = apply(g);
                // a graph resolution leaves as it was (persons as the mapper named them) is not written again
                if (r != g && !new java.util.HashSet<>(r.quads()).equals(new java.util.HashSet<>(g.quads()))) resolved.add(r);
            }
            store.replace(resolved);
        }
        finish();
    }

    /**
     * After the build has loaded its articles: rewrites the stored articles that name a person joined to another or
     * renamed by this build, and writes the resolution graph.
     */
    public void finish() {
        DatasetGraph dsg = store.dataset();
        // the names whose pairs may change, registered before the rewrites below change the stored articles
        Set<String> keys = lazy == null ? null : lazy.touchedKeys();
        Map<Node, Node> iris = settlement().iris();
        Map<Node, String> names = settlement().names();
        Map<Node, List<Quad>> affected = Txn.calculateRead(dsg, () -> {
            Set<Node> graphs = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
            for (Node from : iris.keySet()) {
                dsg.find(Node.ANY, from, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> graphs.add(q.getGraph()));
            }
            names.forEach((p, name) -> dsg.find(Node.ANY, p, Vocab.NAME, Node.ANY).forEachRemaining(q -> {
                if (!q.getObject().getLiteralLexicalForm().equals(name)) graphs.add(q.getGraph());
            }));
            graphs.removeIf(g -> !ArticleGraph.isArticleGraph(g));
            Map<Node, List<Quad>> out = new LinkedHashMap<>();
            for (Node g : graphs) {
                List<Quad> qs = new ArrayList<>();
                dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(qs::add);
                out.put(g, qs);
            }
            return out;
        });
        List<ArticleGraph> batch = new ArrayList<>();
        for (var e : affected.entrySet()) {
            ArticleGraph g = new ArticleGraph(articleId(e.getKey(), e.getValue()), null, e.getKey(), e.getValue());
            batch.add(Rewriter.rewrite(g, iris, names));
            if (batch.size() >= BATCH) {
                store.replace(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) store.replace(batch);
        // the pairs of the store as the build leaves it: not the registry's, which still holds the articles the
        // build replaced or pruned as they were (persons no article states any more, evidence no longer stated)
        List<Quad> pairs = closeMatches(pairsAsStored(keys));
        Txn.executeWrite(dsg, () -> {
            if (keys == null) dsg.deleteAny(GRAPH_NODE, Node.ANY, Node.ANY, Node.ANY);
            else for (String p : lazy.personsOf(keys)) deletePairsOf(dsg, Vocab.uri(p));
            pairs.forEach(dsg::add);
        });
    }

    /** The same-name pairs of these forms (all when null) among the persons the store's article graphs now state. */
    private List<PersonResolver.CloseMatch> pairsAsStored(Set<String> keys) {
        PersonResolver now = resolver.blank();
        DatasetGraph dsg = store.dataset();
        if (keys == null) {
            for (ArticleGraph g : storedPersons(dsg)) now.register(g);
            return now.sameNamePairs();
        }
        Set<Node> persons = new java.util.HashSet<>();
        for (String p : lazy.personsOf(keys)) persons.add(Vocab.uri(p));
        List<ArticleGraph> graphs = Txn.calculateRead(dsg, () -> {
            List<ArticleGraph> out = new ArrayList<>();
            for (Node g : graphsStating(dsg, persons)) {
                ArticleGraph cut = storedPersonsOf(dsg, g);
                if (cut != null) out.add(cut);
            }
            return out;
        });
        for (ArticleGraph g : graphs) now.register(g, persons);
        return now.sameNamePairs(keys);
    }

    /** Takes the pairs naming a person out of the resolution graph: its close matches and their links. */
    private static void deletePairsOf(DatasetGraph dsg, Node person) {
        List<Node> links = new ArrayList<>();
        for (Node role : List.of(SUBJECT, TARGET))
            dsg.find(GRAPH_NODE, Node.ANY, role, person).forEachRemaining(q -> links.add(q.getSubject()));
        for (Node n : links) dsg.deleteAny(GRAPH_NODE, n, Node.ANY, Node.ANY);
        dsg.deleteAny(GRAPH_NODE, person, CLOSE_MATCH, Node.ANY);
        dsg.deleteAny(GRAPH_NODE, Node.ANY, CLOSE_MATCH, person);
    }

    /**
     * Article graphs about to be replaced or removed by the build: in a registry filled as needed ({@link
     * #openForBuild}), their persons are read from them as they are now, as {@link #open} read them at the start.
     */
    public void replacing(java.util.Collection<Node> graphs) {
        if (lazy != null) lazy.keep(graphs);
    }

    /**
     * Registers every stored person not registered yet: the registry is then {@link #open}'s. For a build about to
     * stop reading the store until it commits (Jena's bulk loader holds it in exclusive mode).
     */
    public void registerAll() {
        if (lazy != null) lazy.all();
    }

    /** The person a merged one now is (itself when not merged). */
    private String target(String iri) {
        String x = iri;
        for (int i = 0; i < 64 && mergedInto.containsKey(x); i++) x = mergedInto.get(x);
        return x;
    }

    /** The resolution graph's statements for these pairs. */
    static List<Quad> closeMatches(List<PersonResolver.CloseMatch> pairs) {
        List<Quad> out = new ArrayList<>();
        for (PersonResolver.CloseMatch c : pairs) {
            Node a = Vocab.uri(c.iri()), b = Vocab.uri(c.other());
            out.add(Quad.create(GRAPH_NODE, a, CLOSE_MATCH, b));
            Node n = Vocab.uri(Vocab.ID + "match/" + segment(c.iri()) + "/" + segment(c.other()));
            out.add(Quad.create(GRAPH_NODE, n, Vocab.TYPE, LINK));
            out.add(Quad.create(GRAPH_NODE, n, Vocab.TYPE, PERSON_MATCH));
            out.add(Quad.create(GRAPH_NODE, n, SUBJECT, a));
            out.add(Quad.create(GRAPH_NODE, n, TARGET, b));
            out.add(Quad.create(GRAPH_NODE, n, RELATION, CLOSE_MATCH));
            out.add(Quad.create(GRAPH_NODE, n, SCORE, NodeFactory.createLiteralDT(
                    BigDecimal.valueOf(c.score()).toPlainString(), XSDDatatype.XSDdecimal)));
            out.add(Quad.create(GRAPH_NODE, n, COMMENT, NodeFactory.createLiteralLang(c.why(), "en")));
        }
        return out;
    }

    private static String segment(String personIri) {
        return personIri.startsWith(PERSON) ? personIri.substring(PERSON.length()) : Integer.toHexString(personIri.hashCode());
    }

    /** The stored article graphs, cut down to what the registry reads, in IRI order. */
    static List<ArticleGraph> storedPersons(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<Node, List<Quad>> byGraph = new TreeMap<>(Comparator.comparing(Node::getURI));
            dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> {
                if (ArticleGraph.isArticleGraph(q.getGraph())) byGraph.computeIfAbsent(q.getGraph(), k -> new ArrayList<>()).add(q);
            });
            for (Node p : EVIDENCE) {
                dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    List<Quad> qs = byGraph.get(q.getGraph());
                    if (qs != null) qs.add(q);
                });
            }
            List<ArticleGraph> out = new ArrayList<>();
            byGraph.forEach((g, qs) -> out.add(new ArticleGraph(articleId(g, qs), null, g, qs)));
            return out;
        });
    }

    /**
     * Each stored person's identity form (the key of its {@code foaf:name}), read off the merged graph, which states
     * each person and name once; null when a person has more than one name there (its articles disagree, and which
     * one the registry keys it by is the first article's to say).
     */
    static Map<String, String> storedNames(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> out = new HashMap<>();
            Set<Node> persons = new java.util.HashSet<>();
            dsg.find(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> persons.add(q.getSubject()));
            var it = dsg.find(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.NAME, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (!persons.contains(q.getSubject()) || !q.getSubject().isURI() || !q.getObject().isLiteral()) continue;
                String key = org.vietpol.text.VietText.key(org.vietpol.text.VietText.clean(q.getObject().getLiteralLexicalForm()));
                String was = out.put(q.getSubject().getURI(), key);
                if (was != null && !was.equals(key)) return null;
            }
            return out;
        });
    }

    /** The article graphs that state any of these persons, in IRI order (the order {@link #open} reads them in). */
    private static Set<Node> graphsStating(DatasetGraph dsg, Set<Node> persons) {
        Set<Node> gs = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        for (Node p : persons) dsg.find(Node.ANY, p, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> {
            if (ArticleGraph.isArticleGraph(q.getGraph())) gs.add(q.getGraph());
        });
        return gs;
    }

    /** One stored article graph cut down as {@link #storedPersons} cuts it (same statements, same order); null if none. */
    private static ArticleGraph storedPersonsOf(DatasetGraph dsg, Node g) {
        List<Quad> qs = new ArrayList<>();
        dsg.find(g, Node.ANY, Vocab.TYPE, Vocab.PERSON).forEachRemaining(qs::add);
        if (qs.isEmpty()) return null;
        for (Node p : EVIDENCE) dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(qs::add);
        return new ArticleGraph(articleId(g, qs), null, g, qs);
    }

    /**
     * The stored persons of a registry filled as needed: by identity form, as the merged graph named them when the
     * build began, with the articles stating them as the store held them then.
     */
    private static final class Lazy implements PersonResolver.StoredPersons {
        private final Resolution r;
        private final Map<String, String> keyOfPerson;
        private final Map<String, List<String>> personsOfKey = new HashMap<>();
        private final Set<String> registeredKeys = new java.util.HashSet<>();
        /** Article graphs as stored before the build replaced or removed them (null: none was stored). */
        private final Map<Node, ArticleGraph> before = new HashMap<>();
        private boolean all;

        Lazy(Resolution r, Map<String, String> keyOfPerson) {
            this.r = r;
            this.keyOfPerson = keyOfPerson;
            keyOfPerson.forEach((p, k) -> personsOfKey.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
        }

        @Override
        public void key(String key) {
            register(Set.of(key));
        }

        @Override
        public void iri(String iri) {
            String key = keyOfPerson.get(iri);
            if (key != null) key(key);
        }

        void keep(java.util.Collection<Node> graphs) {
            if (all) return;
            DatasetGraph dsg = r.store.dataset();
            Txn.executeRead(dsg, () -> {
                for (Node g : graphs) if (!before.containsKey(g)) before.put(g, storedPersonsOf(dsg, g));
            });
        }

        /** Registers the stored persons of these forms not registered yet, in the order {@link #open} would. */
        private void register(Set<String> keys) {
            if (all) return;
            Set<Node> persons = new java.util.HashSet<>();
            for (String k : keys) {
                if (!registeredKeys.add(k)) continue;
                for (String p : personsOfKey.getOrDefault(k, List.of())) persons.add(Vocab.uri(p));
            }
            if (persons.isEmpty()) return;
            DatasetGraph dsg = r.store.dataset();
            List<ArticleGraph> graphs = Txn.calculateRead(dsg, () -> {
                Set<Node> gs = graphsStating(dsg, persons);
                // graphs the build replaced: as they were, whoever they name now
                before.forEach((g, was) -> {
                    if (was != null && was.quads().stream().anyMatch(q -> persons.contains(q.getSubject()))) gs.add(g);
                });
                List<ArticleGraph> out = new ArrayList<>();
                for (Node g : gs) {
                    ArticleGraph cut = before.containsKey(g) ? before.get(g) : storedPersonsOf(dsg, g);
                    if (cut != null) out.add(cut);
                }
                return out;
            });
            for (ArticleGraph g : graphs) r.resolver.register(g, persons);
        }

        /**
         * Registers every stored person not registered yet: one pass over the store, as {@link #open} reads it, with
         * the graphs the build replaced as they were.
         */
        void all() {
            if (all) return;
            Set<Node> persons = new java.util.HashSet<>();
            personsOfKey.forEach((k, ps) -> {
                if (registeredKeys.add(k)) ps.forEach(p -> persons.add(Vocab.uri(p)));
            });
            all = true;
            if (persons.isEmpty()) return;
            Map<String, ArticleGraph> graphs = new TreeMap<>();
            for (ArticleGraph g : storedPersons(r.store.dataset())) graphs.put(g.graph().getURI(), g);
            before.forEach((g, was) -> {
                if (was == null) graphs.remove(g.getURI());
                else graphs.put(g.getURI(), was);
            });
            for (ArticleGraph g : graphs.values()) r.resolver.register(g, persons);
        }

        /**
         * The forms whose same-name pairs the build may change, registered now: those of the persons it resolved and
         * of the persons the articles it replaced or removed stated.
         */
        Set<String> touchedKeys() {
            Set<String> keys = new java.util.HashSet<>(registeredKeys);
            for (ArticleGraph g : before.values()) {
                if (g == null) continue;
                for (Quad q : g.quads()) {
                    String k = q.getPredicate().equals(Vocab.TYPE) ? keyOfPerson.get(q.getSubject().getURI()) : null;
                    if (k != null) keys.add(k);
                }
            }
            register(keys);
            if (all) return null; // every form registered: the whole graph is written again, as open's is
            return keys;
        }

        /** The persons of these forms, stored when the build began or registered since. */
        Set<String> personsOf(Set<String> keys) {
            Set<String> out = new java.util.HashSet<>();
            for (String k : keys) out.addAll(personsOfKey.getOrDefault(k, List.of()));
            for (PersonCluster c : r.resolver.persons().values()) if (keys.contains(c.key())) out.add(c.iri());
            return out;
        }
    }

    private static String articleId(Node graph, List<Quad> quads) {
        for (Quad q : quads) {
            if (q.getSubject().equals(graph) && q.getPredicate().equals(Vocab.IDENTIFIER)) return q.getObject().getLiteralLexicalForm();
        }
        return graph.getURI();
    }
}
