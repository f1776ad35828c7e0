package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.vietpol.graph.TermsOfOfficeTest;
import org.vietpol.store.GraphStore;

/** term-members on two articles stating terms of office of Hà Tĩnh's bodies, built into a store. */
class TermMembersQueryTest {
    @TempDir
    static Path tmp;
    static GraphStore store;
    static NamedQueries queries;

    @BeforeAll
    static void build() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("terms-2020-ha-tinh.txt"), TermsOfOfficeTest.ELECTION, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("terms-2022-ha-tinh.txt"), TermsOfOfficeTest.VISIT, StandardCharsets.UTF_8);
        store = GraphStore.open(tmp.resolve("store"));
        Build.create().build().run(List.of(in), store);
        queries = NamedQueries.of(NamedQueries.fromDirectory(Path.of(NamedQueries.DIRECTORY)));
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    /** The rows, each as its columns joined by " | " (an unbound one empty). */
    private static List<String> rows(Map<String, String> params) {
        var query = QueryBinder.bind(queries.get("term-members").orElseThrow(), params);
        return Txn.calculateRead(store.dataset(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(store.dataset()))) {
                qe.execSelect().forEachRemaining(r -> {
                    List<String> cells = new ArrayList<>();
                    for (String v : List.of("termLabel", "termNumber", "startYear", "endYear", "roleLabel", "personName", "how")) {
                        cells.add(r.get(v) == null ? "" : r.get(v).isLiteral() ? r.getLiteral(v).getLexicalForm() : r.get(v).toString());
                    }
                    out.add(String.join(" | ", cells));
                });
            }
            return out;
        });
    }

    @Test
    void theMembersOfATermByItsNumberInEitherNumerals() {
        List<String> expected = List.of(
                "Tỉnh ủy Hà Tĩnh khóa XIX | 19 |  |  | Bí thư | Hoàng Trung Dũng | held",
                "Tỉnh ủy Hà Tĩnh khóa XIX | 19 |  |  | Bí thư | Hoàng Trung Dũng | start");
        assertEquals(expected, rows(Map.of("org", "Tỉnh ủy Hà Tĩnh", "term", "XIX")));
        assertEquals(expected, rows(Map.of("org", "tỉnh ủy hà tĩnh", "term", "19")));
        assertEquals(expected, rows(Map.of("org", "https://w3id.org/vietpol/id/org/ha-tinh/party-committee")));
        assertEquals(List.of(), rows(Map.of("org", "Tỉnh ủy Hà Tĩnh", "term", "XVIII")));
    }

    @Test
    void theMembersOfATermByItsYears() {
        List<String> expected = List.of(
                "UBND tỉnh Hà Tĩnh nhiệm kỳ 2021-2026 |  | 2021 | 2026 | Chủ tịch | Võ Trọng Hải | held",
                "UBND tỉnh Hà Tĩnh nhiệm kỳ 2021-2026 |  | 2021 | 2026 | Chủ tịch | Võ Trọng Hải | start");
        assertEquals(expected, rows(Map.of("org", "UBND tỉnh Hà Tĩnh", "term", "2021-2026")));
        assertEquals(expected, rows(Map.of("org", "UBND tỉnh Hà Tĩnh", "term", "2021 – 2026")));
        assertEquals(expected, rows(Map.of("org", "UBND tỉnh Hà Tĩnh", "term", "2021")));
        assertEquals(List.of("HĐND tỉnh Hà Tĩnh khóa XVIII | 18 | 2021 | 2026 | Phó Chủ tịch | Trần Thị Hoa | held"),
                rows(Map.of("org", "HĐND tỉnh Hà Tĩnh", "term", "2021-2026")));
    }

    @Test
    void theMergedGraphHoldsEachTermOnce() {
        String q = "PREFIX vp: <https://w3id.org/vietpol/ontology#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/vietpol/graph/merged> {"
                + " ?t a vp:TermOfOffice ; vp:termOf ?o } }";
        String n = Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(q, DatasetFactory.wrap(store.dataset()))) {
                return qe.execSelect().next().getLiteral("n").getLexicalForm();
            }
        });
        assertEquals("3", n);
    }
}
