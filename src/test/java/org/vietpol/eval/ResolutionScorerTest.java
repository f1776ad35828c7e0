package org.vietpol.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairwise score of person resolution, on graphs written by hand so each figure can be counted. */
class ResolutionScorerTest {
    @TempDir
    Path dir;

    private static final String PREFIXES = """
            @prefix vp: <https://w3id.org/vietpol/ontology#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema: <https://schema.org/> . @prefix : <https://example.org/> .
            """;

    // gold: Hòa (a) and Hoà (b) are one person; the two Khải (a, c) are two people
    private static final String GOLD = """
            {"case": "R00", "kind": "mixed", "clusters": [
              {"person": "hoa", "mentions": [{"article": "a", "name": "Nguyễn Văn Hòa"}, {"article": "b", "name": "Nguyễn Văn Hoà"}]},
              {"person": "khai-1", "mentions": [{"article": "a", "name": "Trần Văn Khải"}]},
              {"person": "khai-2", "mentions": [{"article": "c", "name": "Trần Văn Khải"}]}]}
            """;

    private ResolutionScorer.Case writeCase(String gold) throws IOException {
        Path c = Files.createDirectories(dir.resolve("R00_test"));
        Files.writeString(c.resolve("gold.json"), gold);
        return ResolutionScorer.readCases(dir).get(0);
    }

    private static DatasetGraph graph(String ttl) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(PREFIXES + ":g {\n" + ttl + "\n}", Lang.TRIG).parse(dsg); // as a build stores it: in a named graph
        return dsg;
    }

    private static final String ARTICLES = """
            :A dcterms:identifier "a" . :B dcterms:identifier "b" . :C dcterms:identifier "c" .
            """;

    @Test
    void aGraphThatResolvesAsTheGoldScoresOne() throws IOException {
        DatasetGraph g = graph(ARTICLES + """
                :hoa a vp:Person ; foaf:name "Nguyễn Văn Hòa" ; skos:altLabel "Nguyễn Văn Hoà" .
                :k1 a vp:Person ; foaf:name "Trần Văn Khải" . :k2 a vp:Person ; foaf:name "Trần Văn Khải" .
                :A schema:mentions :hoa , :k1 . :B schema:mentions :hoa . :C schema:mentions :k2 .
                """);
        ResolutionScorer.Score s = ResolutionScorer.score(g, writeCase(GOLD));
        assertEquals(1, s.truePairs());
        assertEquals(0, s.falseMerges());
        assertEquals(0, s.falseSplits());
        assertEquals(1.0, s.f1());
        assertEquals(4, s.found());
    }

    @Test
    void namesakesPutTogetherCostPrecisionAndSpellingsKeptApartCostRecall() throws IOException {
        // one IRI per written name: the two Khải merged, Hòa and Hoà split
        DatasetGraph g = graph(ARTICLES + """
                :hoa1 a vp:Person ; foaf:name "Nguyễn Văn Hòa" . :hoa2 a vp:Person ; foaf:name "Nguyễn Văn Hoà" .
                :k a vp:Person ; foaf:name "Trần Văn Khải" .
                :A schema:mentions :hoa1 , :k . :B schema:mentions :hoa2 . :C schema:mentions :k .
                """);
        ResolutionScorer.Score s = ResolutionScorer.score(g, writeCase(GOLD));
        assertEquals(0, s.truePairs());
        assertEquals(1, s.falseMerges());
        assertEquals(1, s.falseSplits());
        assertEquals(0.0, s.precision());
        assertEquals(0.0, s.recall());
        assertTrue(s.errors().stream().anyMatch(e -> e.contains("merged Trần Văn Khải (a) and Trần Văn Khải (c)")), s.errors()::toString);
    }

    @Test
    void aMentionTheGraphLacksStandsAlone() throws IOException {
        DatasetGraph g = graph(ARTICLES + """
                :hoa a vp:Person ; foaf:name "Nguyễn Văn Hòa" . :k1 a vp:Person ; foaf:name "Trần Văn Khải" .
                :A schema:mentions :hoa , :k1 .
                """);
        ResolutionScorer.Score s = ResolutionScorer.score(g, writeCase(GOLD));
        assertEquals(2, s.found());
        assertEquals(1, s.falseSplits());
        assertTrue(s.errors().get(0).endsWith("(not found in the graph)"), s.errors()::toString);
    }

    @Test
    void aMentionInTwoPersonsIsAnError() throws IOException {
        String bad = """
                {"case": "R00", "clusters": [
                  {"person": "x", "mentions": [{"article": "a", "name": "Lê Văn A"}]},
                  {"person": "y", "mentions": [{"article": "a", "name": "Lê Văn A"}]}]}
                """;
        IOException e = assertThrows(IOException.class, () -> writeCase(bad));
        assertTrue(e.getMessage().contains("gold.json") && e.getMessage().contains("two persons"), e.getMessage());
    }
}
