package org.vietpol.link;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Unit;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * Links the graph to Wikidata and GeoNames and replaces the links graph with the result, in one write transaction
 * (a failure leaves the previous links in place).
 * <ol>
 *   <li>Administrative units from the gazetteer, the country, the Party and the central bodies from
 *       links-central.tsv.</li>
 *   <li>The user's links file: accepted links are added, rejected ones removed, whatever their origin.</li>
 *   <li>Online only: persons not settled by the links file are looked up on the endpoint and scored by
 *       {@link PersonMatcher}.</li>
 * </ol>
 */
public final class Linker {
    public static final int DEFAULT_BATCH = 25;
    private static final String PERSON_BASE = Vocab.ID + "person/";
    private static final String UNIT_BASE = Vocab.ID + "unit/";
    /** The Party's central bodies, which belong to the Party (org:subOrganizationOf). */
    private static final List<String> PARTY_BODIES = List.of("CentralCommittee", "Politburo", "Secretariat");

    private final LinkTables tables;
    private final LinksFile linksFile;
    private final boolean offline;
    private final WikidataClient client;
    private final Path cacheDir;
    private final int batchSize;
    private final Clock clock;

    private Linker(Builder b) {
        this.tables = b.tables != null ? b.tables : LinkTables.load();
        this.linksFile = b.linksFile;
        this.offline = b.offline;
        this.client = b.offline ? null : b.client != null ? b.client : WikidataClient.create(b.endpoint).build();
        this.cacheDir = b.cacheDir;
        this.batchSize = b.batchSize;
        this.clock = b.clock;
    }

    public static Builder create() {
        return new Builder();
    }

    public LinkReport run(GraphStore store) throws IOException {
        return run(store.dataset());
    }

    public LinkReport run(DatasetGraph dsg) throws IOException {
        StoreFacts facts = Txn.calculateRead(dsg, () -> StoreFacts.read(dsg));
        LinkGraph out = new LinkGraph(clock.instant(), offline ? null : client.endpoint());
        Links links = new Links();

        UnitLinker units = new UnitLinker(tables.gazetteer());
        for (Link l : units.describe(units.select(facts.units), out)) links.offer(l);

        Set<String> central = new LinkedHashSet<>();
        describeParty(out, facts);
        for (LinkTables.Body b : tables.bodies()) {
            // a body the articles never named would be a bare IRI; the Party and the country are always described
            if (b.subject().equals(LinkTables.PARTY) || b.subject().startsWith(UNIT_BASE) || facts.orgs.containsKey(b.subject())) {
                if (links.offer(Link.fromTable(b.subject(), ExternalIds.wikidata(b.qid()), LinkTables.CENTRAL_FILE + ": " + b.source())))
                    central.add(b.subject());
            }
        }

        String fileName = linksFile.path() == null ? "links file" : linksFile.path().getFileName().toString();
        for (LinksFile.Entry e : linksFile.entries()) {
            if (e.status() == LinksFile.Status.ACCEPTED)
                links.accept(Link.fromTable(e.iri(), ExternalIds.wikidata(e.qid()), fileName + ", line " + e.line() + ": accepted"));
        }

        int asked = 0, requests = 0, hits = 0;
        if (!offline) {
            List<StoreFacts.Person> toAsk = new ArrayList<>();
            for (StoreFacts.Person p : facts.persons.values()) {
                if (!linksFile.rejectsAll(p.iri()) && linksFile.accepted(p.iri()).isEmpty()) toAsk.add(p);
            }
            CandidateSearch search = new CandidateSearch(client, cacheDir == null ? null : new QueryCache(cacheDir), batchSize, clock);
            Map<String, CandidateSearch.Answer> answers = search.find(toAsk.stream().map(StoreFacts.Person::name).toList());
            PersonMatcher matcher = new PersonMatcher(tables.positions());
            OntologyLabels labels = OntologyLabels.load();
            for (StoreFacts.Person p : toAsk) {
                CandidateSearch.Answer a = answers.get(p.name());
                PersonMatcher.Person mp = forMatcher(p, labels);
                List<Candidate> allowed = new ArrayList<>();
                for (Candidate c : a.candidates()) {
                    if (!linksFile.rejects(p.iri(), c.qid())) allowed.add(c);
                    else if (matcher.score(mp, c).points() >= PersonMatcher.CLOSE_MATCH) links.rejected++;
                }
                for (PersonMatcher.Decision d : matcher.decide(mp, allowed)) {
                    Link l = new Link(p.iri(), d.relation(), ExternalIds.wikidata(d.candidate().qid()), d.score().value(),
                            List.of(), a.endpoint(), a.query());
                    if (links.offer(l)) links.comments.put(l, "Matcher: " + String.join("; ", d.score().reasons()) + ".");
                }
            }
            asked = toAsk.size();
            requests = search.requestsSent();
            hits = search.cacheHits();
        }

        for (Link l : links.all.values()) out.add(l);
        links.comments.forEach(out::comment);
        List<Quad> quads = out.quads();
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(LinkGraph.GRAPH, Node.ANY, Node.ANY, Node.ANY);
            for (Quad q : quads) dsg.add(q);
        });

        Set<String> unitSubjects = new HashSet<>(), sameAs = new HashSet<>(), close = new HashSet<>(), fromFile = new HashSet<>();
        Set<String> centralLinked = new HashSet<>();
        for (Link l : links.all.values()) {
            if (l.subject().startsWith(UNIT_BASE)) unitSubjects.add(l.subject());
            if (central.contains(l.subject()) && ExternalIds.qidOfIri(l.target()) != null) centralLinked.add(l.subject());
            if (!l.subject().startsWith(PERSON_BASE)) continue;
            if (l.relation() == Link.Relation.SAME_AS) sameAs.add(l.subject());
            else close.add(l.subject());
            if (l.score() == null) fromFile.add(l.subject());
        }
        close.removeAll(sameAs);
        return new LinkReport(offline, unitSubjects.size(), centralLinked.size(), sameAs.size(), fromFile.size(), close.size(),
                links.rejected, asked, requests, hits, quads.size());
    }

    /** The Party's own node, and its central bodies that the articles name attached to it. */
    private void describeParty(LinkGraph out, StoreFacts facts) {
        Node party = Vocab.uri(LinkTables.PARTY);
        Gazetteer gaz = tables.gazetteer();
        for (LinkTables.Body b : tables.bodies()) {
            if (!b.subject().equals(LinkTables.PARTY)) continue;
            out.add(party, Vocab.TYPE, Vocab.vp("Other"));
            out.add(party, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(b.label(), "vi"));
            if (!b.labelEn().isEmpty()) out.add(party, Vocab.PREF_LABEL, NodeFactory.createLiteralLang(b.labelEn(), "en"));
            out.add(party, Vocab.JURISDICTION, Vocab.uri(UNIT_BASE + gaz.country().id()));
        }
        facts.orgs.forEach((org, kind) -> {
            if (PARTY_BODIES.contains(kind) && org.startsWith(Vocab.ID + "org/" + gaz.country().id() + "/"))
                out.add(Vocab.uri(org), Vocab.SUB_ORGANIZATION_OF, party);
        });
    }

    private PersonMatcher.Person forMatcher(StoreFacts.Person p, OntologyLabels labels) {
        Gazetteer gaz = tables.gazetteer();
        List<PersonMatcher.Held> held = new ArrayList<>();
        for (StoreFacts.Membership m : p.memberships()) {
            String role = m.role().startsWith(Vocab.VP) ? m.role().substring(Vocab.VP.length()) : m.role();
            Unit unit = gaz.get(m.unit()).orElse(null);
            Set<String> places = new LinkedHashSet<>();
            if (unit != null) {
                for (Unit u : gaz.lineage(unit)) if (!u.isCountry() && ExternalIds.isQid(u.wikidata())) places.add(u.wikidata());
            }
            held.add(new PersonMatcher.Held(role, labels.vi(role), m.org(), m.orgKind(), m.orgLabel(), labels.vi(m.orgKind()),
                    unit == null ? null : unit.name(), places));
        }
        return new PersonMatcher.Person(p.iri(), p.name(), held);
    }

    /** The links of a run, one per (subject, relation, target), minus what the links file rejects. */
    private final class Links {
        final Map<String, Link> all = new LinkedHashMap<>();
        final Map<Link, String> comments = new HashMap<>();
        int rejected;

        /** Adds a link unless the links file rejects it; a second source of the same link is recorded on it. */
        boolean offer(Link l) {
            if (linksFile.rejects(l.subject(), ExternalIds.qidOfIri(l.target()))) {
                rejected++;
                return false;
            }
            all.merge(key(l), l, (a, b) -> {
                Link merged = a;
                for (String src : b.sources()) merged = merged.withSource(src);
                return merged;
            });
            return true;
        }

        /** A link the user accepted: it replaces whatever else links the subject to the same item. */
        void accept(Link l) {
            for (Link.Relation r : Link.Relation.values()) all.remove(l.subject() + " " + r + " " + l.target());
            all.put(key(l), l);
        }

        private String key(Link l) {
            return l.subject() + " " + l.relation() + " " + l.target();
        }
    }

    public static final class Builder {
        private LinkTables tables;
        private LinksFile linksFile = LinksFile.empty();
        private boolean offline;
        private String endpoint = WikidataClient.DEFAULT_ENDPOINT;
        private WikidataClient client;
        private Path cacheDir;
        private int batchSize = DEFAULT_BATCH;
        private Clock clock = Clock.systemUTC();

        public Builder tables(LinkTables tables) {
            this.tables = tables;
            return this;
        }

        public Builder linksFile(LinksFile linksFile) {
            this.linksFile = linksFile == null ? LinksFile.empty() : linksFile;
            return this;
        }

        /** Shipped tables and links file only: nothing is sent anywhere. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** The SPARQL endpoint to ask (default: the Wikidata Query Service). */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** A configured client (its endpoint wins over {@link #endpoint}). */
        public Builder client(WikidataClient client) {
            this.client = client;
            return this;
        }

        /** Where answers are kept between runs; null keeps none. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** Names per request. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batchSize < 1");
            this.batchSize = batchSize;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Linker build() {
            return new Linker(this);
        }
    }
}
