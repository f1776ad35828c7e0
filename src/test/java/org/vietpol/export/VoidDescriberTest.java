package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.vietpol.graph.Vocab;

class VoidDescriberTest {
    static final String V = VoidDescriber.VOID;
    static final Node DATASET = Vocab.uri(VoidDescriber.DATASET);

    static Node v(String local) {
        return Vocab.uri(V + local);
    }

    static Node one(Graph g, Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        assertEquals(1, ts.size(), "one " + p + " of " + s + ", got " + ts);
        return ts.get(0).getObject();
    }

    static long number(Graph g, Node s, Node p) {
        return Long.parseLong(one(g, s, p).getLiteralLexicalForm());
    }

    /** void:entities of each class partition, by class IRI. */
    static Map<String, Long> partitions(Graph g) {
        Map<String, Long> m = new HashMap<>();
        for (Triple t : g.find(DATASET, v("classPartition"), Node.ANY).toList()) {
            m.put(one(g, t.getObject(), v("class")).getURI(), number(g, t.getObject(), v("entities")));
        }
        return m;
    }

    @Test
    void triplesAreTheDistinctTriplesOfTheUnion() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Graph g = VoidDescriber.describe(dsg, null);
        assertTrue(g.contains(DATASET, Vocab.TYPE, v("Dataset")));
        long distinct = SeedStore.distinctTriples(dsg);
        assertTrue(distinct < SeedStore.get().quadCount(), "the seeds share persons and bodies across graphs");
        assertEquals(distinct, number(g, DATASET, v("triples")));
    }

    @Test
    void personsArePartitionedWithTheirCount() {
        DatasetGraph dsg = SeedStore.get().dataset();
        long persons = SeedStore.count(dsg, "PREFIX vp: <" + Vocab.VP + "> "
                + "SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?p a vp:Person } }");
        assertEquals(14, persons);
        assertEquals(persons, partitions(VoidDescriber.describe(dsg, null)).get(Vocab.VP + "Person"));
    }

    @Test
    void everyClassOfTheDataHasAPartitionWithItsEntityCount() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Map<String, Long> partitions = partitions(VoidDescriber.describe(dsg, null));
        Map<String, Long> bySparql = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            try (var qe = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(
                    "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) { GRAPH ?g { ?x a ?c } "
                            + "FILTER(STRSTARTS(STR(?x), '" + Vocab.ID + "')) } GROUP BY ?c").build()) {
                qe.execSelect().forEachRemaining(r -> bySparql.put(r.getResource("c").getURI(), r.getLiteral("n").getLong()));
            }
        });
        assertEquals(bySparql, partitions);
        for (String c : List.of("Person", "Meeting", "AdministrativeUnit", "PartyCommittee", "Resolution")) {
            assertTrue(partitions.containsKey(Vocab.VP + c), c);
        }
        assertTrue(partitions.containsKey(Vocab.ORG + "Membership"));
        assertTrue(partitions.containsKey(Vocab.SCHEMA + "NewsArticle"));
        assertEquals(5, partitions.get(Vocab.SCHEMA + "NewsArticle"));
        assertFalse(partitions.containsKey(Vocab.OWL + "Class"), "the ontology's terms are not entities");
    }

    @Test
    void entitiesAreTheSubjectsInTheUriSpace() {
        DatasetGraph dsg = SeedStore.get().dataset();
        long entities = SeedStore.count(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(isIRI(?s) && STRSTARTS(STR(?s), '" + Vocab.ID + "')) }");
        Graph g = VoidDescriber.describe(dsg, null);
        assertEquals(entities, number(g, DATASET, v("entities")));
        assertEquals(Vocab.ID, one(g, DATASET, v("uriSpace")).getLiteralLexicalForm());
    }

    @Test
    void propertyPartitionsCountTriplesPerProperty() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Graph g = VoidDescriber.describe(dsg, null);
        long names = SeedStore.count(dsg, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?o { GRAPH ?g { ?s <"
                + Vocab.FOAF + "name> ?o } } }");
        Node part = Vocab.uri(VoidDescriber.DATASET + "/property/foaf-name");
        assertTrue(g.contains(DATASET, v("propertyPartition"), part));
        assertEquals(Vocab.FOAF + "name", one(g, part, v("property")).getURI());
        assertEquals(names, number(g, part, v("triples")));
        long sum = 0;
        for (Triple t : g.find(DATASET, v("propertyPartition"), Node.ANY).toList()) sum += number(g, t.getObject(), v("triples"));
        assertEquals(number(g, DATASET, v("triples")), sum);
    }

    @Test
    void describesTitleLicenceAndTheVocabulariesUsed() {
        Graph g = VoidDescriber.describe(SeedStore.get().dataset(), null);
        assertFalse(g.find(DATASET, Vocab.TITLE, Node.ANY).toList().isEmpty());
        assertFalse(g.find(DATASET, Vocab.uri(Vocab.DCT + "description"), Node.ANY).toList().isEmpty());
        assertEquals(VoidDescriber.LICENSE, one(g, DATASET, Vocab.uri(Vocab.DCT + "license")).getURI());
        Set<String> vocabularies = new TreeSet<>();
        g.find(DATASET, v("vocabulary"), Node.ANY).forEachRemaining(t -> vocabularies.add(t.getObject().getURI()));
        for (String ns : List.of(Vocab.VP, Vocab.ORG, Vocab.FOAF, Vocab.SKOS, Vocab.PROV, Vocab.DCT, Vocab.SCHEMA)) {
            assertTrue(vocabularies.contains(ns), ns + " in " + vocabularies);
        }
        assertFalse(vocabularies.contains(Vocab.ID), "the data namespace is not a vocabulary");
    }

    @Test
    void theSparqlEndpointIsStatedOnlyWhenKnown() {
        DatasetGraph dsg = SeedStore.get().dataset();
        assertFalse(VoidDescriber.describe(dsg, null).contains(DATASET, v("sparqlEndpoint"), Node.ANY));
        Graph g = VoidDescriber.describe(dsg, "http://127.0.0.1:3030/vietpol/sparql");
        assertEquals("http://127.0.0.1:3030/vietpol/sparql", one(g, DATASET, v("sparqlEndpoint")).getURI());
    }

    @Test
    void twoLinksetsToWikidataAndGeoNamesHaveNoLinksBeforeLinking() {
        Graph g = VoidDescriber.describe(SeedStore.get().dataset(), null);
        List<Triple> linksets = g.find(Node.ANY, Vocab.TYPE, v("Linkset")).toList();
        assertEquals(2, linksets.size());
        Map<String, String> targets = Map.of(VoidDescriber.LINKSET_WIKIDATA, "https://www.wikidata.org/",
                VoidDescriber.LINKSET_GEONAMES, "https://www.geonames.org/");
        for (Map.Entry<String, String> e : targets.entrySet()) {
            Node ls = Vocab.uri(e.getKey()), target = Vocab.uri(e.getValue());
            assertTrue(g.contains(ls, Vocab.TYPE, v("Linkset")));
            assertEquals(DATASET, one(g, ls, v("subjectsTarget")));
            assertEquals(target, one(g, ls, v("objectsTarget")));
            assertEquals(Vocab.OWL + "sameAs", one(g, ls, v("linkPredicate")).getURI());
            assertEquals(0, number(g, ls, v("triples")));
            assertTrue(g.contains(target, Vocab.TYPE, v("Dataset")));
            assertNotNull(one(g, target, Vocab.TITLE));
            assertTrue(g.contains(DATASET, v("subset"), ls));
        }
        assertEquals("http://www.wikidata.org/entity/",
                one(g, Vocab.uri("https://www.wikidata.org/"), v("uriSpace")).getLiteralLexicalForm());
    }

    @Test
    void linksetsCountTheSameAsLinksOfTheLinksGraph() {
        DatasetGraph dsg = SeedStore.withLinks();
        Graph g = VoidDescriber.describe(dsg, null);
        assertEquals(4, number(g, Vocab.uri(VoidDescriber.LINKSET_WIKIDATA), v("triples")));
        assertEquals(2, number(g, Vocab.uri(VoidDescriber.LINKSET_GEONAMES), v("triples")));
        assertEquals(SeedStore.distinctTriples(dsg), number(g, DATASET, v("triples")));
    }

    @Test
    void aStoredDescriptionIsNotDescribedAgain() {
        DatasetGraph dsg = SeedStore.withLinks();
        Graph before = VoidDescriber.describe(dsg, null);
        Node voidGraph = Vocab.uri(VoidDescriber.GRAPH);
        Txn.executeWrite(dsg, () -> before.find().forEachRemaining(t -> dsg.add(voidGraph, t.getSubject(),
                t.getPredicate(), t.getObject())));
        assertTrue(before.isIsomorphicWith(VoidDescriber.describe(dsg, null)));
    }

    @Test
    void describingWorksInsideTheCallersTransactionAndOnAnEmptyDataset() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Graph outside = VoidDescriber.describe(dsg, null);
        Graph inside = Txn.calculateRead(dsg, () -> VoidDescriber.describe(dsg, null));
        assertTrue(outside.isIsomorphicWith(inside));
        Graph empty = VoidDescriber.describe(DatasetGraphFactory.createTxnMem(), null);
        assertEquals(0, number(empty, DATASET, v("triples")));
        assertEquals(2, empty.find(Node.ANY, Vocab.TYPE, v("Linkset")).toList().size());
    }

    @Test
    void termsGetReadableStablePartitionNames() {
        assertEquals("vp-Person", VoidDescriber.slug(Vocab.VP + "Person"));
        assertEquals("org-Membership", VoidDescriber.slug(Vocab.ORG + "Membership"));
        String other = VoidDescriber.slug("http://purl.org/vocab/vann/preferredNamespaceUri");
        assertTrue(other.matches("ns-[0-9a-f]{8}-preferredNamespaceUri"), other);
        assertEquals("http://purl.org/vocab/vann/", VoidDescriber.namespace("http://purl.org/vocab/vann/preferredNamespaceUri"));
    }
}
