package org.vietpol.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.GraphStore;
import org.vietpol.text.VietText;

/** Person resolution as the build runs it: one IRI per real person, stable across incremental builds, decisions applied. */
class PersonResolutionBuildTest {
    @TempDir
    Path tmp;

    /** Short news items, each written as a .txt article (title, date line, body). */
    static final Map<String, String[]> ARTICLES = Map.of(
            "hoa-a", new String[] {"Huyện ủy Hướng Hóa sơ kết quý I", "02/03/2023",
                    "Ngày 2/3, Bí thư Huyện ủy Hướng Hóa Nguyễn Văn Hòa chủ trì hội nghị sơ kết quý I."},
            "hoa-b", new String[] {"Hướng Hóa triển khai nhiệm vụ quý II", "05/04/2023",
                    "Ngày 5/4, đồng chí Nguyễn Văn Hoà, Bí thư Huyện ủy Hướng Hóa, phát biểu chỉ đạo hội nghị."},
            "hoa-c", new String[] {"Hướng Hóa kiểm tra sản xuất", "10/05/2023",
                    "Ngày 10/5, Bí thư Huyện ủy Hướng Hóa Nguyễn Văn Hoà kiểm tra sản xuất vụ hè thu tại xã Tân Hợp."},
            "khai-a", new String[] {"Nghi Lộc tiếp xúc cử tri", "06/05/2024",
                    "Sáng 6/5, Chủ tịch UBND huyện Nghi Lộc Trần Văn Khải tiếp xúc cử tri xã Nghi Thạch, tỉnh Nghệ An."},
            "khai-b", new String[] {"Sở Y tế Cà Mau kiểm tra bệnh viện", "09/05/2024",
                    "Ngày 9/5, ông Trần Văn Khải, Phó Giám đốc Sở Y tế tỉnh Cà Mau, dẫn đoàn kiểm tra Bệnh viện Đa khoa tỉnh."},
            "phong-a", new String[] {"Bình Thuận sơ kết 6 tháng", "10/06/2023",
                    "Ngày 10/6, Phó Bí thư Tỉnh ủy Bình Thuận Đặng Xuân Phong phát biểu tại hội nghị sơ kết 6 tháng đầu năm."},
            "phong-b", new String[] {"Điều động Phó Bí thư Tỉnh ủy Bình Thuận", "05/01/2024",
                    "Ngày 5/1, Bộ Chính trị điều động ông Đặng Xuân Phong, Phó Bí thư Tỉnh ủy Bình Thuận, giữ chức Bí thư Tỉnh ủy Vĩnh Phúc."},
            "phong-c", new String[] {"Vĩnh Phúc tổng kết", "20/09/2024",
                    "Ngày 20/9, Bí thư Tỉnh ủy Vĩnh Phúc Đặng Xuân Phong chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh."},
            // one name, two provinces years apart, nothing either way: left open for review
            "hung-a", new String[] {"Huyện ủy Gio Linh ra quân", "15/02/2020",
                    "Ngày 15/2, Bí thư Huyện ủy Gio Linh Lê Văn Hùng dự lễ ra quân đầu năm tại huyện Gio Linh, tỉnh Quảng Trị."},
            "hung-b", new String[] {"Sở Tài chính Cà Mau họp giao ban", "12/10/2024",
                    "Ngày 12/10, ông Lê Văn Hùng, Giám đốc Sở Tài chính tỉnh Cà Mau, chủ trì cuộc họp giao ban tháng 10."});

    Path write(Path dir, String... ids) throws Exception {
        Files.createDirectories(dir);
        for (String id : ids) {
            String[] a = ARTICLES.get(id);
            Files.writeString(dir.resolve(id + ".txt"), a[0] + "\n" + a[1] + "\n\n" + a[2] + "\n", StandardCharsets.UTF_8);
        }
        return dir;
    }

    static BuildReport build(Path input, GraphStore gs, Decisions d) {
        BuildReport r = Build.create().decisions(d).build().run(List.of(input), gs);
        assertTrue(r.skipped().isEmpty(), () -> "every article is built: " + r.skipped());
        return r;
    }

    /** Per article id, the IRIs of the persons it names whose name or alternate spelling is {@code name} (tone-insensitive). */
    static Map<String, Set<String>> persons(GraphStore gs, String name) {
        String q = "PREFIX vp: <https://w3id.org/vietpol/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                + "SELECT ?id ?p ?n { GRAPH ?g { ?p a vp:Person { ?p foaf:name ?n } UNION { ?p skos:altLabel ?n } "
                + "?g dcterms:identifier ?id } }";
        Map<String, Set<String>> out = new TreeMap<>();
        Txn.executeRead(gs.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(q, DatasetFactory.wrap(gs.dataset()))) {
                qe.execSelect().forEachRemaining(s -> {
                    if (VietText.key(s.getLiteral("n").getString()).equals(VietText.key(name))) {
                        out.computeIfAbsent(s.getLiteral("id").getString(), k -> new TreeSet<>()).add(s.getResource("p").getURI());
                    }
                });
            }
        });
        return out;
    }

    static Set<String> iris(Map<String, Set<String>> byArticle) {
        Set<String> out = new TreeSet<>();
        byArticle.values().forEach(out::addAll);
        return out;
    }

    static Set<String> values(GraphStore gs, String person, Node predicate) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            gs.dataset().find(ArticleGraph.MERGED_NODE, Vocab.uri(person), predicate, Node.ANY)
                    .forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
            return out;
        });
    }

    static Set<Quad> quads(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<Quad> out = new HashSet<>();
            gs.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
            return out;
        });
    }

    static Set<String> closeMatches(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            gs.dataset().find(Resolution.GRAPH_NODE, Node.ANY, Vocab.uri(Vocab.SKOS + "closeMatch"), Node.ANY)
                    .forEachRemaining(q -> out.add(pair(q.getSubject().getURI(), q.getObject().getURI())));
            return out;
        });
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    /** The merged graph's persons are those the article graphs name, each with one foaf:name: none left behind by a rewrite. */
    static void assertPersonsInStep(GraphStore gs) {
        Txn.executeRead(gs.dataset(), () -> {
            Set<String> inArticles = new TreeSet<>();
            gs.dataset().find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PERSON).forEachRemaining(q -> {
                if (ArticleGraph.isArticleGraph(q.getGraph())) inArticles.add(q.getSubject().getURI());
            });
            assertEquals(inArticles, allPersons(gs));
            for (String p : inArticles) assertEquals(1, values(gs, p, Vocab.NAME).size(), p + " has one foaf:name");
        });
    }

    @Test
    void theIssuesExamplesGiveOnePersonTwoPersonsAndOnePerson() throws Exception {
        Path in = write(tmp.resolve("in"), "hoa-a", "hoa-b", "hoa-c", "khai-a", "khai-b", "phong-a", "phong-b", "phong-c");
        try (GraphStore gs = GraphStore.inMemory()) {
            build(in, gs, Decisions.NONE);
            Map<String, Set<String>> hoa = persons(gs, "Nguyễn Văn Hòa");
            assertEquals(Set.of("hoa-a", "hoa-b", "hoa-c"), hoa.keySet(), hoa::toString);
            assertEquals(1, iris(hoa).size(), () -> "both spellings of the Huyện ủy secretary are one person: " + hoa);
            String p = iris(hoa).iterator().next();
            assertEquals(Set.of("Nguyễn Văn Hoà"), values(gs, p, Vocab.NAME), "exactly one foaf:name, the most frequent spelling");
            Set<String> spellings = new TreeSet<>(values(gs, p, Vocab.NAME));
            spellings.addAll(values(gs, p, Vocab.ALT_LABEL));
            assertEquals(Set.of("Nguyễn Văn Hòa", "Nguyễn Văn Hoà"), spellings, "the other spelling is a skos:altLabel");

            Map<String, Set<String>> khai = persons(gs, "Trần Văn Khải");
            assertEquals(2, iris(khai).size(), () -> "a Nghệ An district chairman and a Cà Mau deputy director the same week: " + khai);
            assertNotEquals(khai.get("khai-a"), khai.get("khai-b"));

            Map<String, Set<String>> phong = persons(gs, "Đặng Xuân Phong");
            assertEquals(Set.of("phong-a", "phong-b", "phong-c"), phong.keySet(), phong::toString);
            assertEquals(1, iris(phong).size(), () -> "one person before and after the transfer: " + phong);
        }
    }

    @Test
    void anIncrementalBuildResolvesAgainstTheStoredPersonsAndRenamesNoneItDoesNotTouch() throws Exception {
        Path in = write(tmp.resolve("in"), "khai-a", "phong-a", "phong-c", "hoa-a", "hung-a");
        Path dir = tmp.resolve("store");
        Map<String, Set<String>> names = new TreeMap<>();
        Set<String> firstPersons;
        try (GraphStore gs = GraphStore.open(dir)) {
            build(in, gs, Decisions.NONE);
            firstPersons = allPersons(gs);
            for (String p : firstPersons) names.put(p, values(gs, p, Vocab.NAME));
            assertEquals(2, iris(persons(gs, "Đặng Xuân Phong")).size(), "Bình Thuận and Vĩnh Phúc: nothing joins them yet");
        }
        write(in, "khai-b", "phong-b", "hoa-b", "hoa-c", "hung-b");
        try (GraphStore gs = GraphStore.open(dir)) {
            BuildReport r = build(in, gs, Decisions.NONE);
            assertEquals(5, r.articlesLoaded(), "the five new articles are loaded, the five stored kept as they are");
            String hoa = iris(persons(gs, "Nguyễn Văn Hòa")).iterator().next();
            Set<String> phong = iris(persons(gs, "Đặng Xuân Phong"));
            assertEquals(1, phong.size(), "the transfer joins the person of Bình Thuận and of Vĩnh Phúc, stored apart");
            for (String p : firstPersons) {
                if (!p.equals(phong.iterator().next()) && p.startsWith(Vocab.ID + "person/dang-xuan-phong")) continue; // joined
                // the secretary the new articles name twice as "Hoà" keeps the IRI and takes that spelling as the name
                Set<String> name = p.equals(hoa) ? Set.of("Nguyễn Văn Hoà") : names.get(p);
                assertEquals(name, values(gs, p, Vocab.NAME), () -> p + " keeps its IRI and its name");
            }
            assertEquals(Set.of("Nguyễn Văn Hòa"), names.get(hoa), "named as written before");
            assertEquals(Set.of("hoa-a", "hoa-b", "hoa-c"), persons(gs, "Nguyễn Văn Hòa").keySet());
            assertEquals(1, iris(persons(gs, "Nguyễn Văn Hòa")).size());
            assertEquals(2, iris(persons(gs, "Trần Văn Khải")).size(), "the namesake of another province is another person");
            assertEquals(firstPersons.size() + 2 - 1, allPersons(gs).size(), "two new persons (the other Khải, the other Hùng), one joined");
            assertPersonsInStep(gs);
            // what a fresh build of all nine articles gives
            try (GraphStore fresh = GraphStore.inMemory()) {
                build(in, fresh, Decisions.NONE);
                for (String n : List.of("Đặng Xuân Phong", "Nguyễn Văn Hòa", "Trần Văn Khải", "Lê Văn Hùng")) {
                    assertEquals(persons(fresh, n), persons(gs, n), n);
                }
                assertEquals(closeMatches(fresh), closeMatches(gs));
            }
        }
    }

    static Set<String> allPersons(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Vocab.TYPE, Vocab.PERSON)
                    .forEachRemaining(q -> out.add(q.getSubject().getURI()));
            return out;
        });
    }

    @Test
    void theSameBuildTwiceChangesNothing() throws Exception {
        Path in = write(tmp.resolve("in"), "hoa-a", "hoa-b", "khai-a", "khai-b", "hung-a", "hung-b");
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            build(in, gs, Decisions.NONE);
            Set<Quad> first = quads(gs);
            assertEquals(1, closeMatches(gs).size(), "the two Lê Văn Hùng are left open");
            build(in, gs, Decisions.NONE);
            assertEquals(first, quads(gs));
            assertPersonsInStep(gs);
        }
    }

    @Test
    void aDecisionsFileJoinsOrSeparatesAnOpenPair() throws Exception {
        Path in = write(tmp.resolve("in"), "hung-a", "hung-b");
        Path dir = tmp.resolve("store");
        String a, b;
        try (GraphStore gs = GraphStore.open(dir)) {
            build(in, gs, Decisions.NONE);
            Map<String, Set<String>> hung = persons(gs, "Lê Văn Hùng");
            assertEquals(2, iris(hung).size(), hung::toString);
            a = hung.get("hung-a").iterator().next();
            b = hung.get("hung-b").iterator().next();
            assertEquals(Set.of(pair(a, b)), closeMatches(gs), "an open pair, for review");
        }
        Path same = tmp.resolve("same.tsv");
        Files.writeString(same, "# reviewed\n" + a + "\t" + b + "\tsame\n");
        try (GraphStore gs = GraphStore.open(dir)) {
            build(in, gs, Decisions.read(same)); // the same store: a changed decisions file resolves it again
            assertEquals(Set.of(a), iris(persons(gs, "Lê Văn Hùng")), "judged the same: one person, the IRI named first");
            assertEquals(Set.of(), closeMatches(gs));
            assertPersonsInStep(gs);
        }
        Path different = tmp.resolve("different.tsv");
        Files.writeString(different, b + "\t" + a + "\tdifferent\n");
        try (GraphStore gs = GraphStore.open(dir)) {
            build(in, gs, Decisions.read(different));
            assertEquals(Set.of(a, b), iris(persons(gs, "Lê Văn Hùng")), "judged different: two persons");
            assertEquals(Set.of(), closeMatches(gs), "and the pair is no longer open");
        }
    }
}
