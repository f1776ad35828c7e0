package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vietpol.link.LinkTestSupport.ID;
import static org.vietpol.link.LinkTestSupport.WD;
import static org.vietpol.link.LinkTestSupport.select;
import static org.vietpol.link.LinkTestSupport.selectLinks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.store.GraphStore;

class OfflineLinkingTest {
    static GraphStore store;

    @BeforeAll
    static void build() {
        store = LinkTestSupport.seedStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static LinkReport offline(LinksFile file) throws Exception {
        return Linker.create().offline(true).linksFile(file).build().run(store);
    }

    @Test
    void offlineSeedGraphGivesExactlyTheListedSameAsToWikidata() throws Exception {
        LinkReport r = offline(LinksFile.empty());
        // what the seed articles name (and the Party, which the linker adds), linked to Wikidata
        Set<List<String>> got = LinkTestSupport.selectGraphs(store.dataset(), """
                SELECT DISTINCT ?x ?q WHERE {
                  GRAPH ?lg { ?x owl:sameAs ?q } FILTER(STRSTARTS(STR(?q), "http://www.wikidata.org/entity/"))
                  { GRAPH ?g { [] schema:mentions|vp:jurisdiction|vp:parentUnit ?x } FILTER(?g != <https://w3id.org/vietpol/graph/links>) }
                  UNION { VALUES ?x { <https://w3id.org/vietpol/id/org/viet-nam/party> } }
                }""", "x", "q");
        Set<List<String>> expected = Set.of(
                List.of(ID + "unit/hue", WD + "Q36167"),
                List.of(ID + "unit/thua-thien-hue", WD + "Q36399"),
                List.of(ID + "unit/ha-noi", WD + "Q1858"),
                List.of(ID + "unit/ho-chi-minh", WD + "Q1854"),
                List.of(ID + "unit/uong-bi", WD + "Q7897883"),
                List.of(ID + "unit/quang-ninh", WD + "Q33396"),
                List.of(ID + "unit/viet-nam", WD + "Q881"),
                List.of(ID + "org/viet-nam/party", WD + "Q427325"),
                // the National Assembly is named in a seed and is in links-central.tsv
                List.of(ID + "org/viet-nam/national-assembly", WD + "Q1765001"));
        assertEquals(new TreeSet<>(expected.stream().map(Object::toString).toList()),
                new TreeSet<>(got.stream().map(Object::toString).toList()));
        assertTrue(select(store.dataset(), "SELECT ?p WHERE { ?p a vp:Person ; owl:sameAs|skos:closeMatch ?q }", "p").isEmpty(),
                "offline, without a links file, no person is linked");
        assertEquals(3, r.centralLinked());
        assertEquals(0, r.requestsSent());
    }

    @Test
    void everyProvinceBeforeAndAfterTheReorganisationIsDescribed() throws Exception {
        offline(LinksFile.empty());
        Set<List<String>> provinces = select(store.dataset(), """
                SELECT ?u ?gso ?parent ?thru ?merged ?wd ?gn WHERE {
                  ?u vp:level vp:ProvinceLevel ; vp:gsoCode ?gso ; vp:parentUnit ?parent .
                  OPTIONAL { ?u schema:validThrough ?thru }
                  OPTIONAL { ?u vp:mergedInto ?merged }
                  OPTIONAL { ?u owl:sameAs ?wd FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q")) }
                  OPTIONAL { ?u owl:sameAs ?gn FILTER(STRSTARTS(STR(?gn), "https://sws.geonames.org/")) }
                }""", "u", "gso", "parent", "thru", "merged", "wd", "gn");
        assertEquals(63, provinces.size(), "the 63 provinces before 2025-07-01 (the 34 after are among them)");
        assertTrue(provinces.stream().allMatch(r -> r.get(2).equals(ID + "unit/viet-nam")));
        assertTrue(provinces.stream().allMatch(r -> r.get(6).matches("https://sws\\.geonames\\.org/[0-9]+/")), "all have GeoNames");
        assertEquals(61, provinces.stream().filter(r -> !r.get(5).isEmpty()).count(), "all but the two doubtful QIDs");
        List<List<String>> ended = provinces.stream().filter(r -> !r.get(3).isEmpty()).toList();
        assertEquals(29 + 1, ended.size(), "29 merged away on 2025-07-01, and Thừa Thiên Huế");
        assertTrue(ended.stream().allMatch(r -> !r.get(4).isEmpty()), "every ended province names its successor");
        assertTrue(provinces.contains(List.of(ID + "unit/ha-giang", "02", ID + "unit/viet-nam", "2025-06-30", ID + "unit/tuyen-quang",
                WD + "Q36685", "https://sws.geonames.org/1581030/")));
        assertTrue(provinces.contains(List.of(ID + "unit/thua-thien-hue", "46", ID + "unit/viet-nam", "2024-12-31", ID + "unit/hue",
                WD + "Q36399", "https://sws.geonames.org/1565033/")));
        Set<String> after = provinces.stream().filter(r -> r.get(3).isEmpty()).map(r -> r.get(0)).collect(Collectors.toSet());
        assertEquals(33, after.size(), "34 provinces after 2025-07-01: 33 rows of level province, and Huế");
    }

    @Test
    void unitDescriptionsAgreeWithTheArticleGraphs() throws Exception {
        offline(LinksFile.empty());
        // a functional property with two values in the union would mean the links graph contradicts an article
        Set<List<String>> clashes = select(store.dataset(), """
                SELECT DISTINCT ?u ?p WHERE {
                  VALUES ?p { vp:gsoCode vp:parentUnit vp:level vp:unitType }
                  ?u a vp:AdministrativeUnit ; ?p ?a , ?b FILTER(?a != ?b)
                }""", "u", "p");
        assertTrue(clashes.isEmpty(), clashes.toString());
        Set<List<String>> labels = select(store.dataset(), """
                SELECT ?u WHERE { ?u a vp:AdministrativeUnit ; skos:prefLabel ?a , ?b
                  FILTER(LANG(?a) = "vi" && LANG(?b) = "vi" && ?a != ?b) }""", "u");
        assertTrue(labels.isEmpty(), "one @vi prefLabel per unit: " + labels);
    }

    @Test
    void theDistrictsTheArticlesNameAreLinkedWithTheirParents() throws Exception {
        offline(LinksFile.empty());
        assertEquals(Set.of(List.of(ID + "unit/quang-ninh", "196", "https://sws.geonames.org/1563241/", "2025-06-30")),
                select(store.dataset(), """
                        SELECT ?parent ?gso ?gn ?thru WHERE { <https://w3id.org/vietpol/id/unit/uong-bi> vp:parentUnit ?parent ;
                          vp:gsoCode ?gso ; owl:sameAs ?gn ; schema:validThrough ?thru FILTER(STRSTARTS(STR(?gn), "https://sws")) }""",
                        "parent", "gso", "gn", "thru"));
    }

    @Test
    void thePartyGetsItsNodeAndItsCentralBodies() throws Exception {
        offline(LinksFile.empty());
        assertEquals(Set.of(List.of("Đảng Cộng sản Việt Nam")), select(store.dataset(), """
                SELECT ?l WHERE { <https://w3id.org/vietpol/id/org/viet-nam/party> a vp:Other ; skos:prefLabel ?l ;
                  vp:jurisdiction <https://w3id.org/vietpol/id/unit/viet-nam> FILTER(LANG(?l) = "vi") }""", "l"));
        assertEquals(Set.of(List.of(ID + "org/viet-nam/central-committee"), List.of(ID + "org/viet-nam/politburo")),
                select(store.dataset(), "SELECT ?o WHERE { ?o org:subOrganizationOf <https://w3id.org/vietpol/id/org/viet-nam/party> }", "o"));
    }

    @Test
    void everyLinkSaysWhatItRestsOn() throws Exception {
        offline(LinksFile.empty());
        Set<List<String>> bare = selectLinks(store.dataset(), """
                SELECT ?s ?t WHERE { ?s owl:sameAs ?t
                  FILTER NOT EXISTS { ?l a vp:Link , prov:Entity ; vp:subject ?s ; vp:target ?t ; vp:relation owl:sameAs ;
                    prov:generatedAtTime ?when ; prov:wasGeneratedBy ?act ; dcterms:source ?src . ?act a prov:Activity } }""", "s", "t");
        assertTrue(bare.isEmpty(), "links without provenance: " + bare);
        Set<List<String>> sources = selectLinks(store.dataset(), """
                SELECT ?src WHERE { ?l vp:subject <https://w3id.org/vietpol/id/unit/viet-nam> ;
                  vp:target <http://www.wikidata.org/entity/Q881> ; dcterms:source ?src }""", "src");
        assertEquals(2, sources.size(), "the country rests on units.tsv and links-central.tsv: " + sources);
    }

    @Test
    void aRerunReplacesTheLinksGraphAndLeavesTheArticlesAlone() throws Exception {
        offline(LinksFile.empty());
        long all = LinkTestSupport.count(store.dataset(), Node.ANY), links = LinkTestSupport.count(store.dataset(), LinkGraph.GRAPH);
        LinkReport again = offline(LinksFile.empty());
        assertEquals(all, LinkTestSupport.count(store.dataset(), Node.ANY));
        assertEquals(links, LinkTestSupport.count(store.dataset(), LinkGraph.GRAPH));
        assertEquals(links, again.triples());
        assertTrue(links > 1000);
    }

    @Test
    void offlineSendsNothingEvenWithAnEndpointGiven() throws Exception {
        try (LinkTestSupport.CountingProxy proxy = new LinkTestSupport.CountingProxy("http://127.0.0.1:9/none")) {
            LinkReport r = Linker.create().offline(true).endpoint(proxy.url()).build().run(store);
            assertEquals(0, proxy.requests.get());
            assertEquals(0, r.requestsSent());
        }
    }

    @Test
    void theLinksFileAcceptsAndRejectsOfflineAndIsNeverWritten(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("links.csv");
        String text = "iri,qid,status,note\n"
                + "https://w3id.org/vietpol/id/person/tran-hung-nam-6a59,Q99000099,accepted,checked by hand\n"
                + "https://w3id.org/vietpol/id/unit/hue,Q36167,rejected,\n"
                + "person/nguyen-phu-trong-6951,wd:Q318458,accepted,\n";
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(csv);
        LinkReport r = offline(LinksFile.read(csv));
        assertArrayEquals(before, Files.readAllBytes(csv));
        Set<List<String>> persons = select(store.dataset(), "SELECT ?p ?q WHERE { ?p a vp:Person ; owl:sameAs ?q }", "p", "q");
        assertEquals(Set.of(List.of(ID + "person/nguyen-phu-trong-6951", WD + "Q318458"), List.of(ID + "person/tran-hung-nam-6a59", WD + "Q99000099"))
                .stream().map(Object::toString).collect(Collectors.toSet()), persons.stream().map(Object::toString).collect(Collectors.toSet()));
        assertFalse(select(store.dataset(), "SELECT ?q WHERE { <https://w3id.org/vietpol/id/unit/hue> owl:sameAs ?q }", "q")
                .contains(List.of(WD + "Q36167")));
        assertTrue(select(store.dataset(), "SELECT ?q WHERE { <https://w3id.org/vietpol/id/unit/hue> owl:sameAs ?q }", "q")
                .contains(List.of("https://sws.geonames.org/1580240/")), "only the rejected item is dropped");
        assertEquals(2, r.personsSameAs());
        assertEquals(2, r.personsFromFile());
        assertEquals(1, r.rejectedByFile());
        assertTrue(selectLinks(store.dataset(), """
                SELECT ?src WHERE { ?l vp:subject <https://w3id.org/vietpol/id/person/tran-hung-nam-6a59> ; dcterms:source ?src }""", "src")
                .contains(List.of("links.csv, line 2: accepted")));
    }
}
