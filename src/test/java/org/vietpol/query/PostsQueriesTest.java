package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.link.LinksFile;
import org.vietpol.link.Linker;
import org.vietpol.store.GraphStore;

/**
 * The named queries of posts over time (changes-in-place, career, post-holders, holders-on-date) on the articles of
 * {@code src/test/resources/posts-over-time}: Quảng Ninh's secretaries, a chairman of Hà Giang (merged into Tuyên
 * Quang on 2025-07-01) and a Party secretary of the commune of Lũng Cú in Tuyên Quang, with the offline links.
 */
class PostsQueriesTest {
    @TempDir
    static Path tmp;
    static GraphStore store;
    static NamedQueries queries;

    @BeforeAll
    static void build() throws Exception {
        store = GraphStore.open(tmp.resolve("store"));
        Build.create().build().run(List.of(Path.of("src/test/resources/posts-over-time")), store);
        Linker.create().offline(true).linksFile(LinksFile.empty()).build().run(store);
        queries = NamedQueries.of(NamedQueries.fromDirectory(Path.of(NamedQueries.DIRECTORY)));
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    static List<Map<String, String>> run(String name, Map<String, String> params) {
        var query = QueryBinder.bind(queries.get(name).orElseThrow(), params);
        return Txn.calculateRead(store.dataset(), () -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(store.dataset()))) {
                qe.execSelect().forEachRemaining(r -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    r.varNames().forEachRemaining(v -> row.put(v, r.get(v).isLiteral() ? r.getLiteral(v).getLexicalForm() : r.get(v).toString()));
                    rows.add(row);
                });
            }
            return rows;
        });
    }

    static List<String> column(List<Map<String, String>> rows, String... names) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String n : names) cells.add(r.getOrDefault(n, ""));
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    @Test
    void changesInPlaceCoverTheProvinceItsCommunesAndTheProvincesMergedIntoIt() {
        List<Map<String, String>> rows = run("changes-in-place", Map.of("place", "Tuyên Quang"));
        assertEquals(List.of(
                "2024-08-15 | Hà Giang | Chủ tịch UBND tỉnh Hà Giang | Lê Quang Huy | nhận chức | được bầu",
                "2025-08-12 | Lũng Cú | Bí thư Đảng ủy xã Lũng Cú | Vàng Seo Dìn | nhận chức | được chỉ định"),
                column(rows, "date", "placeLabel", "postLabel", "personName", "type", "kind"));
        assertTrue(rows.get(0).get("sentence").contains("Lê Quang Huy"), rows.get(0).get("sentence"));
        assertEquals("posts-2024-ha-giang-bau-chu-tich-ubnd", rows.get(0).get("article"));
        assertEquals("1", rows.get(0).get("articles"));
        // Hà Giang's own changes do not include Tuyên Quang's communes
        assertEquals(List.of("Lê Quang Huy"), column(run("changes-in-place", Map.of("place", "Hà Giang")), "personName"));
    }

    @Test
    void changesInPlaceKeepToThePeriodAsked() {
        List<String> all = column(run("changes-in-place", Map.of("place", "Quảng Ninh")), "date", "personName", "type");
        assertEquals(List.of("2020-10-15 | Nguyễn Văn An | nhận chức", "2024-03-20 | Nguyễn Văn An | thôi chức",
                "2024-03-20 | Trần Minh Bình | nhận chức"), all);
        assertEquals(all.subList(1, 3), column(run("changes-in-place",
                Map.of("place", "Quảng Ninh", "from", "2021-01-01", "to", "2024-12-31")), "date", "personName", "type"));
        assertEquals(all.subList(0, 1), column(run("changes-in-place",
                Map.of("place", "Quảng Ninh", "to", "2024-03-19")), "date", "personName", "type"));
        assertEquals(List.of(), run("changes-in-place", Map.of("place", "Quảng Ninh", "from", "2025-01-01")));
    }

    @Test
    void careerListsAPersonsPostsInOrder() {
        List<Map<String, String>> rows = run("career", Map.of("name", "Lê Quang Huy"));
        assertEquals(List.of("Phó Bí thư Tỉnh ủy Hà Giang | Hà Giang", "Chủ tịch UBND tỉnh Hà Giang | Hà Giang")
                        .stream().sorted().toList(),
                column(rows, "postLabel", "placeLabel").stream().sorted().toList());
        rows.forEach(r -> assertEquals("2024-08-15", r.get("start")));
        List<Map<String, String>> an = run("career", Map.of("name", "nguyễn văn an"));
        assertEquals(List.of("2020-10-15 | 2024-03-20 | Bí thư Tỉnh ủy Quảng Ninh | false | Trần Minh Bình"),
                column(an, "start", "end", "postLabel", "ongoing", "successor"));
        assertEquals(List.of(), run("career", Map.of("name", "Nguyễn Văn")), "a full name, not a part of one");
    }

    @Test
    void holdersOnDateListsEveryLeadingPostOfThePlace() {
        List<String> rows = column(run("holders-on-date", Map.of("place", "Hà Giang", "date", "2025-01-01")),
                "orgLabel", "roleLabel", "personName", "ongoing");
        assertEquals(List.of("Tỉnh ủy Hà Giang | Phó Bí thư | Lê Quang Huy | true",
                "UBND tỉnh Hà Giang | Chủ tịch | Lê Quang Huy | true"), rows);
        assertTrue(run("holders-on-date", Map.of("place", "Hà Giang", "date", "2024-08-14")).isEmpty(), "not yet elected");
    }

    @Test
    void postHoldersNeedsAKnownRole() {
        assertFalse(run("post-holders", Map.of("place", "Lũng Cú", "role", "Bí thư")).isEmpty());
        assertEquals(List.of(), run("post-holders", Map.of("place", "Lũng Cú", "role", "Chủ tịch")));
        assertEquals(List.of(), run("post-holders", Map.of("place", "Quảng Ninh", "role", "no such role")));
    }
}
