package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** Label search on its own: folding, ranking, what counts as a hit, and the cap on hits. */
class LabelSearchTest {

    @Test
    void ranksWholeLabelsFirstThenStartsThenWordsThenInsideWords() {
        String[] one = {"nen"};
        assertEquals(0, LabelSearch.rank("nen", "nen", one));
        assertEquals(1, LabelSearch.rank("nen van", "nen", one));
        assertEquals(2, LabelSearch.rank("nguyen van nen", "nen", one));
        assertEquals(3, LabelSearch.rank("thanen", "nen", one));
        assertEquals(-1, LabelSearch.rank("nguyen van phuong", "nen", one));
        assertEquals(4, LabelSearch.rank("nguyen van nen", "nen nguyen", new String[] {"nen", "nguyen"}));
        assertEquals(-1, LabelSearch.rank("nguyen van nen", "nen tran", new String[] {"nen", "tran"}));
    }

    @Test
    void onlyDataResourcesOfKnownKindsAreHits() {
        assertEquals("person", LabelSearch.group(TestGraphs.ID + "person/x"));
        assertEquals("organization", LabelSearch.group(TestGraphs.ID + "org/hue/party-committee"));
        assertEquals("place", LabelSearch.group(TestGraphs.ID + "unit/hue"));
        assertEquals("meeting", LabelSearch.group(TestGraphs.ID + "meeting/hue/x"));
        assertEquals("document", LabelSearch.group(TestGraphs.ID + "document/05-ct-tw"));
        assertNull(LabelSearch.group(TestGraphs.ID + "membership/a/b/c"));
        assertNull(LabelSearch.group(TestGraphs.ID + "mention/a/1-2"));
        assertNull(LabelSearch.group(TestGraphs.VP + "Secretary"));
    }

    @Test
    void findsNamesWhateverTheAccentsAndSkipsVocabulary() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = TestGraphs.iri("https://w3id.org/vietpol/graph/ontology");
        Txn.executeWrite(dsg, () -> {
            TestGraphs.load(dsg);
            // A role of the ontology named like a person must not be offered as one.
            dsg.add(g, TestGraphs.iri(TestGraphs.VP + "Secretary"), TestGraphs.iri(TestGraphs.SKOS + "prefLabel"),
                    NodeFactory.createLiteralLang("Phan Thiên Định", "vi"));
        });
        LabelSearch search = new LabelSearch(SparqlServer.unionDefaultGraph(dsg));
        LabelSearch.Result r = search.search("phan thien dinh");
        assertTrue(r.complete());
        assertEquals(1, r.hits().size(), r.toString());
        assertEquals(TestGraphs.DINH.getURI(), r.hits().get(0).iri());
        assertEquals(0, r.hits().get(0).rank());
        assertEquals(List.of(), search.search(" ").hits());
        assertEquals(List.of(), search.search(null).hits());
    }

    @Test
    void answersAtMostFiftyHitsBestFirst() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node a = TestGraphs.ARTICLE_1;
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 80; i++) {
                Node p = TestGraphs.iri(TestGraphs.ID + "person/nguyen-van-an-" + i);
                dsg.add(a, p, RDF.Nodes.type, TestGraphs.iri(TestGraphs.VP + "Person"));
                dsg.add(a, p, TestGraphs.iri(TestGraphs.FOAF + "name"),
                        NodeFactory.createLiteralLang("Nguyễn Văn An " + i, "vi"));
            }
            Node exact = TestGraphs.iri(TestGraphs.ID + "person/an");
            dsg.add(a, exact, TestGraphs.iri(TestGraphs.FOAF + "name"), NodeFactory.createLiteralLang("Ân", "vi"));
        });
        List<LabelSearch.Hit> hits = new LabelSearch(SparqlServer.unionDefaultGraph(dsg)).search("an").hits();
        assertEquals(LabelSearch.MAX_HITS, hits.size());
        assertEquals("Ân", hits.get(0).label());
        assertEquals(2, hits.get(1).rank());
    }
}
