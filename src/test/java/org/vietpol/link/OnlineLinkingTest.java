package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vietpol.link.LinkTestSupport.ID;
import static org.vietpol.link.LinkTestSupport.WD;
import static org.vietpol.link.LinkTestSupport.select;
import static org.vietpol.link.LinkTestSupport.selectLinks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;

/** Linking persons against a real local Fuseki serving Wikidata-shaped data, reached through a counting proxy. */
class OnlineLinkingTest {
    static SparqlServer fuseki;
    GraphStore store;
    LinkTestSupport.CountingProxy proxy;
    @TempDir
    Path tmp;

    @BeforeAll
    static void startEndpoint() {
        fuseki = SparqlServer.create().dataset(LinkTestSupport.fixtureDataset()).port(0).build().start();
    }

    @AfterAll
    static void stopEndpoint() {
        fuseki.stop();
    }

    @BeforeEach
    void setUp() throws IOException {
        store = LinkTestSupport.seedStore();
        proxy = new LinkTestSupport.CountingProxy(fuseki.sparqlUrl());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        store.close();
    }

    private LinkReport link(LinksFile file) throws IOException {
        return link(file, WikidataClient.create(proxy.url()).build());
    }

    private LinkReport link(LinksFile file, WikidataClient client) throws IOException {
        return Linker.create().client(client).cacheDir(tmp.resolve("cache")).linksFile(file).build().run(store);
    }

    /** Person slug to "relation QID score". */
    private Map<String, String> personLinks() {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : selectLinks(store.dataset(), """
                SELECT ?p ?rel ?q ?score WHERE { ?l vp:subject ?p ; vp:relation ?rel ; vp:target ?q
                  OPTIONAL { ?l vp:score ?score } FILTER(STRSTARTS(STR(?p), "https://w3id.org/vietpol/id/person/")) }""",
                "p", "rel", "q", "score")) {
            String rel = r.get(1).endsWith("sameAs") ? "sameAs" : "closeMatch";
            String score = r.get(3).isEmpty() ? "" : " " + new BigDecimal(r.get(3)).stripTrailingZeros().toPlainString();
            out.merge(r.get(0).substring((ID + "person/").length()), rel + " " + r.get(2).substring(WD.length()) + score, (a, b) -> a + ", " + b);
        }
        return out;
    }

    @Test
    void confidentCandidatesGetSameAsAndUncertainOnesCloseMatchWithTheirScore() throws IOException {
        LinkReport r = link(LinksFile.empty());
        assertEquals(Map.of(
                "nguyen-phu-trong-6951", "sameAs Q318458 0.85",
                "phan-van-mai-2c5f", "sameAs Q99000003 1",
                "dinh-tien-dung-92d7", "sameAs Q99000006 1",
                "nguyen-phuoc-loc-3403", "closeMatch Q10799404 0.75",
                "nguyen-van-nen-9fbc", "closeMatch Q99000005 0.6",
                "nghiem-xuan-cuong-88e9", "closeMatch Q99000008 0.65"), personLinks());
        // the plain triples are there for queries over the union graph
        assertEquals(Set.of(List.of(ID + "person/dinh-tien-dung-92d7", WD + "Q99000006"), List.of(ID + "person/nguyen-phu-trong-6951", WD + "Q318458"),
                List.of(ID + "person/phan-van-mai-2c5f", WD + "Q99000003")),
                Set.copyOf(select(store.dataset(), "SELECT ?p ?q WHERE { ?p a vp:Person ; owl:sameAs ?q }", "p", "q")));
        assertEquals(3, select(store.dataset(), "SELECT ?p ?q WHERE { ?p a vp:Person ; skos:closeMatch ?q }", "p", "q").size());
        assertEquals(3, r.personsSameAs());
        assertEquals(3, r.personsCloseMatch());
        assertEquals(14, r.personsAsked());
    }

    @Test
    void aNamesakeWithAnotherCitizenshipIsNeverLinked() throws IOException {
        link(LinksFile.empty());
        assertTrue(select(store.dataset(), "SELECT ?p WHERE { ?p owl:sameAs|skos:closeMatch <http://www.wikidata.org/entity/Q99000004> }", "p")
                .isEmpty());
        assertTrue(select(store.dataset(), "SELECT ?q WHERE { <https://w3id.org/vietpol/id/person/hoang-quoc-trung-4c96> owl:sameAs|skos:closeMatch ?q }", "q")
                .isEmpty(), "a name alone (0.35) is not enough");
    }

    @Test
    void personLinksRecordWhenWhereWhichQueryAndScore() throws IOException {
        link(LinksFile.empty());
        Set<List<String>> prov = selectLinks(store.dataset(), """
                SELECT ?score ?endpoint ?query ?when ?comment WHERE {
                  ?l a vp:Link ; vp:subject <https://w3id.org/vietpol/id/person/nguyen-phu-trong-6951> ;
                     vp:target <http://www.wikidata.org/entity/Q318458> ; vp:relation owl:sameAs ; vp:score ?score ;
                     vp:endpoint ?endpoint ; vp:query ?query ; prov:generatedAtTime ?when ; rdfs:comment ?comment ;
                     prov:wasGeneratedBy [ a prov:Activity ; vp:endpoint ?endpoint ] }""", "score", "endpoint", "query", "when", "comment");
        assertEquals(1, prov.size());
        List<String> row = prov.iterator().next();
        assertEquals(0, new BigDecimal("0.85").compareTo(new BigDecimal(row.get(0))));
        assertEquals(proxy.url(), row.get(1));
        assertTrue(row.get(2).contains("\"Nguyễn Phú Trọng\"@vi") && row.get(2).contains("wdt:P27 wd:Q881"), row.get(2));
        assertTrue(row.get(3).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), row.get(3));
        assertTrue(row.get(4).contains("position Q99000101"), row.get(4));
    }

    @Test
    void allNamesGoInOneBatchedRequestWithADescriptiveUserAgent() throws IOException {
        LinkReport r = link(LinksFile.empty());
        assertEquals(1, proxy.requests.get());
        assertEquals(1, r.requestsSent());
        assertEquals(List.of(WikidataClient.USER_AGENT), proxy.userAgents);
        assertTrue(proxy.queries.get(0).contains("\"Phan Thiên Định\"@vi") && proxy.queries.get(0).contains("\"Đinh Tiến Dũng\"@vi"));
    }

    @Test
    void smallBatchesSplitTheNamesOverSeveralRequests() throws IOException {
        Linker.create().client(WikidataClient.create(proxy.url()).build()).batchSize(5).cacheDir(tmp.resolve("c")).build().run(store);
        assertEquals(3, proxy.requests.get(), "14 names, 5 a request");
        assertEquals(6, personLinks().size());
    }

    @Test
    void aSecondRunAsksNothingAndGivesTheSameLinks() throws IOException {
        link(LinksFile.empty());
        Map<String, String> first = personLinks();
        int sent = proxy.requests.get();
        LinkReport again = link(LinksFile.empty());
        assertEquals(sent, proxy.requests.get(), "no request on the second run");
        assertEquals(0, again.requestsSent());
        assertEquals(14, again.cacheHits());
        assertEquals(first, personLinks());
        assertEquals(14, new QueryCache(tmp.resolve("cache")).size(), "one cached answer per name");
    }

    @Test
    void aNewPersonAloneIsAskedWhenTheOthersAreCached() throws IOException {
        link(LinksFile.empty());
        QueryCache cache = new QueryCache(tmp.resolve("cache"));
        Files.delete(cache.resultsFile(CandidateQuery.text(CandidateQuery.spellings("Phan Văn Mãi"))));
        LinkReport again = link(LinksFile.empty());
        assertEquals(1, again.requestsSent());
        assertEquals(13, again.cacheHits());
        assertTrue(proxy.queries.get(1).contains("\"Phan Văn Mãi\"@vi") && !proxy.queries.get(1).contains("Đinh Tiến Dũng"));
        assertEquals(14, cache.size());
    }

    @Test
    void after429WithRetryAfterTheLinkerWaitsAndSucceeds() throws IOException {
        proxy.failFirst = 1;
        proxy.retryAfter = "1";
        LinkReport r = link(LinksFile.empty());
        assertEquals(2, proxy.requests.get());
        assertEquals(2, r.requestsSent());
        long waited = proxy.times.get(1) - proxy.times.get(0);
        assertTrue(waited >= Duration.ofMillis(950).toNanos(), "waited " + waited / 1_000_000 + " ms");
        assertEquals(3, r.personsSameAs());
    }

    @Test
    void persistent503EndsAfterBoundedAttemptsAndKeepsThePreviousLinks() throws IOException {
        Linker.create().offline(true).build().run(store);
        long before = LinkTestSupport.count(store.dataset(), LinkGraph.GRAPH);
        proxy.failFirst = Integer.MAX_VALUE;
        proxy.failStatus = 503;
        proxy.retryAfter = null;
        WikidataClient client = WikidataClient.create(proxy.url()).maxAttempts(3).backoff(Duration.ofMillis(10)).build();
        IOException e = assertThrows(IOException.class, () -> link(LinksFile.empty(), client));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        assertEquals(3, proxy.requests.get());
        assertEquals(before, LinkTestSupport.count(store.dataset(), LinkGraph.GRAPH));
    }

    @Test
    void aRetryAfterLongerThanAllowedStopsAtOnce() {
        proxy.failFirst = Integer.MAX_VALUE;
        proxy.retryAfter = "3600";
        WikidataClient client = WikidataClient.create(proxy.url()).maxWait(Duration.ofSeconds(30)).build();
        IOException e = assertThrows(IOException.class, () -> link(LinksFile.empty(), client));
        assertTrue(e.getMessage().contains("3600"), e.getMessage());
        assertEquals(1, proxy.requests.get());
    }

    @Test
    void theLinksFileOverridesTheMatcherAndStaysByteIdentical() throws IOException {
        Path csv = tmp.resolve("links.csv");
        Files.writeString(csv, String.join("\n",
                "iri,qid,status",
                "# the matcher is sure of this one (1.00); the user knows better",
                ID + "person/dinh-tien-dung-92d7,Q99000006,rejected",
                // no candidate at all on the endpoint
                ID + "person/tran-hung-nam-6a59,Q99000099,accepted",
                // never link this person to anything
                ID + "person/nguyen-van-nen-9fbc,,rejected",
                ""), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(csv);
        LinkReport r = link(LinksFile.read(csv));
        assertArrayEquals(before, Files.readAllBytes(csv));
        Map<String, String> links = personLinks();
        assertTrue(!links.containsKey("dinh-tien-dung-92d7"), links.toString());
        assertTrue(!links.containsKey("nguyen-van-nen-9fbc"), links.toString());
        assertEquals("sameAs Q99000099", links.get("tran-hung-nam-6a59"));
        assertEquals("sameAs Q318458 0.85", links.get("nguyen-phu-trong-6951"));
        assertEquals(1, r.rejectedByFile());
        assertEquals(1, r.personsFromFile());
        assertEquals(12, r.personsAsked(), "the file settles two persons; the rest are asked");
        assertTrue(proxy.queries.get(0).contains("Đinh Tiến Dũng") && !proxy.queries.get(0).contains("Trần Hùng Nam"));
    }
}
