package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * {@code vietpol export --format popolo} and {@code --format ftm} on the seeds and the posts-over-time articles:
 * every Popolo object valid against its published schema, every FollowTheMoney entity against the published model,
 * every reference resolving, the same bytes from the same store.
 */
class OfficialsExportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LINKS = "https://w3id.org/vietpol/graph/links";

    @TempDir
    static Path tmp;
    static Path storeDir;
    static DatasetGraph dsg;
    static long tenures;

    @BeforeAll
    static void build() {
        storeDir = tmp.resolve("store");
        try (GraphStore gs = GraphStore.open(storeDir)) {
            Build.create().build().run(List.of(Path.of("seeds"), Path.of("src/test/resources/posts-over-time")), gs);
            // a Wikidata link for a person and a body, as "vietpol link" writes them
            Node links = Vocab.uri(LINKS), sameAs = Vocab.uri(Vocab.OWL + "sameAs");
            Txn.executeWrite(gs.dataset(), () -> {
                gs.dataset().add(links, Vocab.uri(Vocab.ID + "person/nguyen-van-an-299c"), sameAs, Vocab.uri("http://www.wikidata.org/entity/Q100"));
                gs.dataset().add(links, Vocab.uri(Vocab.ID + "org/quang-ninh/party-committee"), sameAs, Vocab.uri("http://www.wikidata.org/entity/Q200"));
            });
            tenures = Txn.calculateRead(gs.dataset(), () -> gs.count(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.TYPE, Vocab.TENURE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] export(OfficialsFormat format) throws Exception {
        try (GraphStore gs = GraphStore.open(storeDir)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OfficialsExporter.create().format(format).build().write(gs.dataset(), out);
            return out.toByteArray();
        }
    }

    @Test
    void everyPopoloObjectIsValidAgainstItsPublishedSchemaAndEveryReferenceResolves() throws Exception {
        JsonNode popolo = JSON.readTree(export(OfficialsFormat.POPOLO));
        PopoloSchemas schemas = new PopoloSchemas();
        Map<String, String> types = Map.of("persons", "person", "organizations", "organization", "areas", "area",
                "posts", "post", "memberships", "membership");
        Map<String, Set<String>> ids = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (var e : types.entrySet()) {
            assertTrue(popolo.get(e.getKey()).isArray(), e.getKey());
            assertFalse(popolo.get(e.getKey()).isEmpty(), e.getKey());
            Set<String> seen = ids.computeIfAbsent(e.getKey(), k -> new HashSet<>());
            for (JsonNode o : popolo.get(e.getKey())) {
                for (String p : schemas.problems(e.getValue(), o)) problems.add(e.getValue() + " " + o.path("id") + ": " + p);
                assertTrue(seen.add(o.get("id").asText()), "one id per object: " + o.get("id"));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(tenures, popolo.get("memberships").size(), "one membership per tenure");
        // every id a membership, post, body or area gives is one of the export's
        for (JsonNode m : popolo.get("memberships")) {
            assertTrue(ids.get("persons").contains(m.get("person_id").asText()), m.toString());
            assertTrue(ids.get("posts").contains(m.get("post_id").asText()), m.toString());
            assertTrue(ids.get("organizations").contains(m.get("organization_id").asText()), m.toString());
            if (m.has("area_id")) assertTrue(ids.get("areas").contains(m.get("area_id").asText()), m.toString());
            if (m.has("start_date") && m.has("end_date"))
                assertTrue(m.get("start_date").asText().compareTo(m.get("end_date").asText()) <= 0, m.toString());
        }
        for (JsonNode p : popolo.get("posts")) assertTrue(ids.get("organizations").contains(p.get("organization_id").asText()));
        for (JsonNode o : popolo.get("organizations")) {
            if (o.has("parent_id")) assertTrue(ids.get("organizations").contains(o.get("parent_id").asText()), o.toString());
            if (o.has("area_id")) assertTrue(ids.get("areas").contains(o.get("area_id").asText()), o.toString());
        }
        for (JsonNode a : popolo.get("areas"))
            if (a.has("parent_id")) assertTrue(ids.get("areas").contains(a.get("parent_id").asText()), a.toString());
        // the links graph's Wikidata ids become identifiers
        assertTrue(popolo.get("persons").toString().contains("{\"identifier\":\"Q100\",\"scheme\":\"wikidata\"}"));
        assertTrue(popolo.get("organizations").toString().contains("{\"identifier\":\"Q200\",\"scheme\":\"wikidata\"}"));
    }

    @Test
    void thePopoloSchemasRejectWhatTheyShould() throws Exception {
        PopoloSchemas schemas = new PopoloSchemas();
        JsonNode good = JSON.readTree("{\"id\":\"m\",\"person_id\":\"p\",\"post_id\":\"s\",\"start_date\":\"2020-10-15\",\"sources\":[{\"url\":\"https://example.org/a\"}]}");
        assertEquals(List.of(), schemas.problems("membership", good));
        assertFalse(schemas.problems("membership", JSON.readTree("{\"start_date\":\"15/10/2020\"}")).isEmpty(), "a date pattern");
        assertFalse(schemas.problems("membership", JSON.readTree("{\"sources\":[{\"note\":\"no url\"}]}")).isEmpty(), "a required url");
        assertFalse(schemas.problems("person", JSON.readTree("{\"other_names\":[{\"note\":\"x\"}]}")).isEmpty(), "through a $ref");
        assertFalse(schemas.problems("post", JSON.readTree("{\"label\":7}")).isEmpty(), "a type");
    }

    @Test
    void everyFtmEntityFitsThePublishedModel() throws Exception {
        String text = new String(export(OfficialsFormat.FTM), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        List<JsonNode> entities = new ArrayList<>();
        Map<String, Integer> bySchema = new HashMap<>();
        for (String line : text.split("\n")) {
            JsonNode e = JSON.readTree(line);
            entities.add(e);
            bySchema.merge(e.get("schema").asText(), 1, Integer::sum);
            assertTrue(e.get("id").asText().length() <= FtmWriter.MAX_ID);
        }
        assertEquals(List.of(), FtmModel.published().problems(entities));
        assertEquals(Set.of("Person", "Organization", "Position", "Occupancy"), bySchema.keySet());
        assertEquals(tenures, bySchema.get("Occupancy").longValue(), "one Occupancy per tenure");
        assertTrue(text.contains("\"wikidataId\":[\"Q100\"]"));
    }

    @Test
    void theSameStoreGivesTheSameBytes() throws Exception {
        for (OfficialsFormat f : OfficialsFormat.values()) assertArrayEquals(export(f), export(f), f.cliName());
    }

    @Test
    void longIrisGiveShortStableFtmIds() {
        String iri = Vocab.ID + "tenure/" + "x".repeat(300);
        String id = FtmWriter.id(iri);
        assertTrue(id.length() <= FtmWriter.MAX_ID);
        assertEquals(id, FtmWriter.id(iri));
        assertFalse(id.equals(FtmWriter.id(iri + "y")));
        assertEquals("vp.person.nguyen-van-an-299c", FtmWriter.id(Vocab.ID + "person/nguyen-van-an-299c"));
    }

    @Test
    void theCommandLineWritesBothFormatsAndRefusesOptionsOfOthers() throws Exception {
        Path popolo = tmp.resolve("officials.json"), ftm = tmp.resolve("officials.ftm.json");
        ExportCommandTest.Run r = ExportCommandTest.cli("export", "--store", storeDir.toString(), "--format", "popolo", "--out", popolo.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(export(OfficialsFormat.POPOLO), Files.readAllBytes(popolo));
        r = ExportCommandTest.cli("export", "--store", storeDir.toString(), "--format", "FTM", "--out", ftm.toString());
        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(export(OfficialsFormat.FTM), Files.readAllBytes(ftm));
        r = ExportCommandTest.cli("export", "--store", storeDir.toString(), "--format", "ftm", "--place", "Huế");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--place does not apply to ftm"), r.err());
        r = ExportCommandTest.cli("export", "--store", storeDir.toString(), "--format", "popolo", "--graph", "https://w3id.org/x");
        assertEquals(2, r.exit());
        r = ExportCommandTest.cli("export", "--store", storeDir.toString(), "--format", "popolo-json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("popolo, ftm"), r.err());
    }
}
