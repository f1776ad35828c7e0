package org.vietpol.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.build.Build;
import org.vietpol.eval.Gold;
import org.vietpol.eval.Scorer;
import org.vietpol.store.GraphStore;
import org.vietpol.text.VietText;

class GeneratorTest {
    static final Set<String> ROLES = Set.of("Secretary", "DeputySecretary", "StandingDeputySecretary",
            "GeneralSecretary", "Chairman", "ViceChairman", "StandingViceChairman", "Head", "DeputyHead",
            "StandingDeputyHead", "Member", "AlternateMember", "PrimeMinister", "DeputyPrimeMinister", "Minister",
            "DeputyMinister", "President", "Other");
    static final Set<String> KINDS = Set.of("PartyCommittee", "StandingCommittee", "PeoplesCouncil",
            "PeoplesCommittee", "OrganizationBoard", "PropagandaBoard", "MassMobilizationBoard",
            "InternalAffairsBoard", "InspectionCommission", "PartyOffice", "Politburo", "Secretariat",
            "CentralCommittee", "NationalAssembly", "Government", "FatherlandFront", "PartyCadresCommittee",
            "NationalAssemblyDelegation", "Department", "Other");
    static final Set<String> TYPES = Set.of("Resolution", "Directive", "Conclusion", "Regulation", "Decision",
            "Plan", "Program", "Scheme", "Law", "Other");
    static final int N = 200;

    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("seed7");
        Generator.builder().seed(7).build().generate(N, ArticleWriter.toDirectory(dir));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path again = tmp.resolve("again"), other = tmp.resolve("other");
        Generator.builder().seed(7).build().generate(N, ArticleWriter.toDirectory(again));
        Generator.builder().seed(8).build().generate(N, ArticleWriter.toDirectory(other));
        List<Path> files = files(dir);
        assertEquals(2 * N, files.size());
        assertEquals(N / 10, files.stream().filter(f -> f.toString().endsWith(".html")).count());
        int differ = 0;
        for (Path f : files) {
            Path rel = dir.relativize(f);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(rel)), rel.toString());
            Path o = other.resolve(rel);
            if (!Files.exists(o) || !Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(o))) differ++;
        }
        assertTrue(differ > N, "another seed writes other articles");
    }

    @Test
    void goldParsesWithTheContractsFieldsAndEveryNameIsInItsArticle() throws IOException {
        int officials = 0, meetings = 0, documents = 0;
        for (Path g : files(dir.resolve("gold"))) {
            String id = g.getFileName().toString().replace(".json", "");
            String text = VietText.nfc(article(id));
            JsonObject o = JsonParser.parseString(Files.readString(g, StandardCharsets.UTF_8)).getAsJsonObject();
            assertEquals(id, o.get("id").getAsString());
            assertTrue(text.contains(o.get("place").getAsString()), id + ": the article names its place");
            for (JsonElement e : o.getAsJsonArray("officials")) {
                JsonObject x = e.getAsJsonObject();
                String name = x.get("name").getAsString();
                assertTrue(text.contains(name), id + ": " + name + " not in the article");
                assertTrue(ROLES.contains(x.get("role").getAsString()), x.toString());
                assertTrue(KINDS.contains(x.get("orgKind").getAsString()), x.toString());
                assertFalse(x.get("place").getAsString().isBlank());
                officials++;
            }
            for (JsonElement e : o.getAsJsonArray("meetings")) {
                JsonObject x = e.getAsJsonObject();
                assertTrue(x.get("date").isJsonNull() || x.get("date").getAsString().matches("\\d{4}-\\d{2}-\\d{2}"));
                assertTrue(KINDS.contains(x.get("organizerKind").getAsString()), x.toString());
                assertFalse(x.get("place").getAsString().isBlank());
                meetings++;
            }
            for (JsonElement e : o.getAsJsonArray("documents")) {
                JsonObject x = e.getAsJsonObject();
                assertTrue(TYPES.contains(x.get("type").getAsString()), x.toString());
                assertTrue(text.contains(x.get("number").getAsString()), id + ": " + x);
                documents++;
            }
        }
        assertTrue(officials > 3 * N && meetings > N / 2 && documents > N / 2,
                officials + " officials, " + meetings + " meetings, " + documents + " documents");
    }

    @Test
    void articlesReadWithoutProblems() {
        List<Article> read = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        ArticleSources.read(List.of(dir), new ArticleSink() {
            public void article(Article a) { read.add(a); }
            public void problem(InputProblem p) { problems.add(p); }
        });
        assertEquals(List.of(), problems);
        assertEquals(N, read.size());
        for (Article a : read) {
            assertNotNull(a.published(), a.id() + ": no publication date");
            assertFalse(a.title().isBlank());
        }
    }

    @Test
    void extractorScoresOnAHundredArticles() throws IOException {
        Path small = tmp.resolve("hundred");
        Generator.builder().seed(11).build().generate(100, ArticleWriter.toDirectory(small));
        Map<String, Scorer.Score> scores;
        try (GraphStore gs = GraphStore.inMemory()) {
            Build.create().build().run(List.of(small.resolve("articles")), gs);
            scores = Scorer.score(gs.dataset(), Gold.readDirectory(small.resolve("gold")));
        }
        // the generated gold annotates officials, meetings and documents, not changes
        for (Scorer.Score x : scores.values()) System.out.printf("generated corpus %-10s F1 %.3f%n", x.category(), x.f1());
        assertTrue(scores.get("officials").f1() > 0.5, () -> "officials F1 " + scores.get("officials").f1());
    }

    private static String article(String id) throws IOException {
        Path txt = dir.resolve("articles").resolve(id + ".txt");
        Path p = Files.exists(txt) ? txt : dir.resolve("articles").resolve(id + ".html");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
