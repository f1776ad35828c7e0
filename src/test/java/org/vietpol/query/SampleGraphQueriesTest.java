package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named query over {@code sample.trig}, with the rows expected from its three articles. */
class SampleGraphQueriesTest {
    private static final String HUE_ARTICLE = "000_c9986b01fe566dcc";
    private static final String UONG_BI_ARTICLE = "003_b540bd3bb0ae3ee5";
    private static final String HCM_MEETING = "https://w3id.org/vietpol/id/meeting/004_17876b7a40d704fd/1";

    /** A value for every parameter any query declares, chosen to match something in the sample. */
    private static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("city", "Huế"),
            Map.entry("org", "Thành ủy Huế"),
            Map.entry("name", "Phan Thiên Định"),
            Map.entry("official", "Phan Văn Mãi"),
            Map.entry("year", "2023"),
            Map.entry("since", "2016-01-01"),
            Map.entry("meeting", "https://w3id.org/vietpol/id/meeting/hue/standing-committee/2023-02-03"),
            Map.entry("place", "Huế"),
            Map.entry("role", "Bí thư"),
            Map.entry("date", "2023-06-01"),
            Map.entry("from", "2020-01-01"),
            Map.entry("to", "2025-12-31"));

    /**
     * Queries that may rightly find nothing in the sample: no document is cited from two places, no change reported,
     * no term of office stated with a post (TermMembersQueryTest runs term-members on articles that state terms).
     */
    private static final Set<String> MAY_BE_EMPTY = Set.of("documents-cited-by-several-cities", "changes-in-place", "term-members");

    private static Dataset sample;
    private static NamedQueries queries;

    @BeforeAll
    static void load() {
        sample = SampleGraph.load();
        queries = NamedQueries.of(NamedQueries.fromDirectory(QueryFilesTest.QUERIES));
    }

    private static List<Map<String, String>> run(String name, Map<String, String> values) {
        return SampleGraph.select(sample, QueryBinder.bind(queries.get(name).orElseThrow(), values));
    }

    private static List<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).collect(Collectors.toList());
    }

    /** The rows restricted to some of their columns, to compare with expected rows. */
    private static List<Map<String, String>> project(List<Map<String, String>> rows, String... vars) {
        return rows.stream().map(r -> {
            Map<String, String> m = new HashMap<>();
            for (String v : vars) if (r.containsKey(v)) m.put(v, r.get(v));
            return m;
        }).collect(Collectors.toList());
    }

    static Stream<String> queryNames() {
        // queries that ask a remote endpoint (SERVICE) cannot run here: no internet in tests
        return NamedQueries.fromDirectory(QueryFilesTest.QUERIES).stream().filter(q -> !q.needsInternet()).map(NamedQuery::name);
    }

    @Test
    void theUnionDefaultGraphSeesEveryArticleGraph() {
        String count = "PREFIX schema: <https://schema.org/> SELECT (COUNT(?a) AS ?n) { ?a a schema:NewsArticle }";
        assertEquals("3", SampleGraph.select(sample, QueryFactory.create(count)).get(0).get("n"));
        Dataset plain = SampleGraph.load(SampleGraph.RESOURCE, false);
        assertEquals("0", SampleGraph.select(plain, QueryFactory.create(count)).get(0).get("n"),
                "without the union setting the default graph is empty: the setting is what the queries rely on");
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void everyQueryRunsWithOnlyItsRequiredParameters(String name) {
        NamedQuery q = queries.get(name).orElseThrow();
        Map<String, String> values = new HashMap<>();
        for (Param p : q.params()) if (!p.optional()) values.put(p.name(), SAMPLE_VALUES.get(p.name()));
        List<Map<String, String>> rows = SampleGraph.select(sample, QueryBinder.bind(q, values));
        if (!MAY_BE_EMPTY.contains(name)) assertFalse(rows.isEmpty(), name + " found nothing");
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void everyQueryRunsWithEveryParameterSet(String name) {
        NamedQuery q = queries.get(name).orElseThrow();
        Map<String, String> values = new HashMap<>();
        for (Param p : q.params()) values.put(p.name(), SAMPLE_VALUES.get(p.name()));
        List<Map<String, String>> rows = SampleGraph.select(sample, QueryBinder.bind(q, values));
        if (!MAY_BE_EMPTY.contains(name)) assertFalse(rows.isEmpty(), name + " found nothing");
    }

    @ParameterizedTest
    @MethodSource("queryNames")
    void everyQueryGivesTheSameRowsInTheSameOrderEachTime(String name) {
        NamedQuery q = queries.get(name).orElseThrow();
        Map<String, String> values = new HashMap<>();
        for (Param p : q.params()) if (!p.optional()) values.put(p.name(), SAMPLE_VALUES.get(p.name()));
        assertEquals(SampleGraph.select(sample, QueryBinder.bind(q, values)),
                SampleGraph.select(SampleGraph.load(), QueryBinder.bind(q, values)));
    }

    @Test
    void cityLeadershipOfHueListsPhanThienDinhAsSecretaryFirst() {
        List<Map<String, String>> rows = run("city-leadership", Map.of("city", "Huế"));
        assertEquals(List.of(
                Map.of("placeLabel", "Huế", "orgLabel", "Thành ủy Huế", "roleLabel", "Bí thư", "personName", "Phan Thiên Định"),
                Map.of("placeLabel", "Huế", "orgLabel", "Thành ủy Huế", "roleLabel", "Phó Bí thư Thường trực",
                        "personName", "Trần Hùng Nam"),
                Map.of("placeLabel", "Huế", "orgLabel", "HĐND Thành phố Huế", "roleLabel", "Chủ tịch",
                        "personName", "Phan Thiên Định")), rows);
    }

    @Test
    void cityLeadershipMatchesAnotherSpellingOfThePlaceIgnoringCase() {
        assertEquals(run("city-leadership", Map.of("city", "Huế")), run("city-leadership", Map.of("city", "THÀNH PHỐ HUẾ")));
        assertEquals(run("city-leadership", Map.of("city", "Huế")), run("city-leadership", Map.of("city", "hue")),
                "the English label is a spelling too");
        assertEquals(List.of(), run("city-leadership", Map.of("city", "Hué")), "tone marks count");
    }

    @Test
    void cityLeadershipOfUongBiLeavesOutTheProvincialOfficial() {
        List<Map<String, String>> rows = run("city-leadership", Map.of("city", "Uông Bí"));
        assertEquals(List.of("Nghiêm Xuân Cường", "Nghiêm Xuân Cường", "Hoàng Quốc Trung"), column(rows, "personName"));
        assertEquals(List.of("Thành ủy Uông Bí", "HĐND Thành phố Uông Bí", "Ban Tuyên giáo Thành ủy Uông Bí"),
                column(rows, "orgLabel"));
    }

    @Test
    void officialsByCityListsOnePlaceWhenGivenAndTheFirstPlacesOtherwise() {
        List<Map<String, String>> uongBi = run("officials-by-city", Map.of("city", "uông bí"));
        assertEquals(Set.of("Uông Bí"), Set.copyOf(column(uongBi, "placeLabel")));
        assertEquals(3, uongBi.size());
        List<Map<String, String>> all = run("officials-by-city", Map.of());
        assertEquals(List.of("Huế", "Hồ Chí Minh", "Quảng Ninh", "Thừa Thiên Huế", "Uông Bí", "Việt Nam"),
                column(all, "placeLabel").stream().distinct().collect(Collectors.toList()));
        assertEquals(16, all.size());
    }

    @Test
    void officialsByCityWithoutACityGivesTheFirstTwentyPlaces() {
        StringBuilder trig = new StringBuilder("""
                @prefix vp: <https://w3id.org/vietpol/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix id: <https://w3id.org/vietpol/id/> .
                <https://w3id.org/vietpol/id/article/a> {
                """);
        for (int i = 25; i >= 1; i--) {
            String n = String.format("%02d", i);
            trig.append("id:u").append(n).append(" a vp:AdministrativeUnit ; skos:prefLabel \"Nơi ").append(n).append("\"@vi .\n")
                    .append("id:o").append(n).append(" vp:jurisdiction id:u").append(n).append(" ; skos:prefLabel \"Tỉnh ủy ")
                    .append(n).append("\"@vi .\n")
                    .append("id:m").append(n).append(" a org:Membership ; org:organization id:o").append(n)
                    .append(" ; org:member id:p").append(n).append(" ; org:role vp:Secretary .\n")
                    .append("id:p").append(n).append(" foaf:name \"Người ").append(n).append("\"@vi .\n");
        }
        Dataset many = SampleGraph.fromTrig(trig.append("}\n").toString());
        Query q = QueryBinder.bind(queries.get("officials-by-city").orElseThrow(), Map.of());
        List<Map<String, String>> rows = SampleGraph.select(many, q);
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("Nơi %02d", i)).toList(),
                column(rows, "placeLabel"));
        assertEquals(List.of("Người 23"), column(SampleGraph.select(many,
                QueryBinder.bind(queries.get("officials-by-city").orElseThrow(), Map.of("city", "nơi 23"))), "personName"),
                "a place past the first page, by name");
    }

    @Test
    void aRoleWithoutVietnameseLabelShowsItsLocalName() {
        List<Map<String, String>> rows = run("officials-by-city", Map.of("city", "Thừa Thiên Huế"));
        assertTrue(rows.contains(Map.of("placeLabel", "Thừa Thiên Huế", "orgLabel", "Ban Tổ chức Tỉnh ủy Thừa Thiên Huế",
                "roleLabel", "StandingDeputyHead", "personName", "Dương Quang Bằng", "articles", "1")), rows.toString());
    }

    @Test
    void multiplePostsListsThePeopleWithTwoOrMorePostsInOneArticle() {
        List<Map<String, String>> rows = run("multiple-posts", Map.of());
        assertEquals(List.of("Phan Thiên Định", "Phan Văn Mãi", "Nghiêm Xuân Cường", "Nguyễn Thị Lệ"),
                column(rows, "personName").stream().distinct().collect(Collectors.toList()));
        assertEquals(List.of("3", "3", "3"), rows.stream().filter(r -> r.get("personName").equals("Phan Thiên Định"))
                .map(r -> r.get("posts")).collect(Collectors.toList()));
        assertFalse(column(rows, "personName").contains("Trần Hùng Nam"));
    }

    @Test
    void multiplePostsMeansPostsStatedTogetherByOneArticle() {
        Dataset ds = SampleGraph.fromTrig(String.join("\n",
                "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
                "PREFIX org: <http://www.w3.org/ns/org#>",
                "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
                "PREFIX prov: <http://www.w3.org/ns/prov#>",
                "PREFIX : <https://w3id.org/vietpol/id/>",
                "<https://w3id.org/vietpol/id/article/x> {",
                "  :x foaf:name \"Người X\"@vi . :y foaf:name \"Người Y\"@vi .",
                "  :o1 skos:prefLabel \"Cơ quan 1\"@vi . :o2 skos:prefLabel \"Cơ quan 2\"@vi .",
                "  :o3 skos:prefLabel \"Cơ quan 3\"@vi . :o4 skos:prefLabel \"Cơ quan 4\"@vi .",
                // X: three posts in article a, two in article b (one of them new).
                "  :m1 a org:Membership ; org:member :x ; org:role vp:Secretary ; org:organization :o1 ; prov:wasDerivedFrom :a , :b .",
                "  :m2 a org:Membership ; org:member :x ; org:role vp:Chairman ; org:organization :o2 ; prov:wasDerivedFrom :a .",
                "  :m3 a org:Membership ; org:member :x ; org:role vp:Member ; org:organization :o3 ; prov:wasDerivedFrom :a .",
                "  :m4 a org:Membership ; org:member :x ; org:role vp:Head ; org:organization :o4 ; prov:wasDerivedFrom :b .",
                // what the mapper states for them: a's three posts pairwise, b's two
                "  :m1 vp:statedWith :m2 , :m3 , :m4 . :m2 vp:statedWith :m1 , :m3 . :m3 vp:statedWith :m1 , :m2 . :m4 vp:statedWith :m1 .",
                // Y: two posts, never in the same article (one after the other, as far as the graph knows).
                "  :m5 a org:Membership ; org:member :y ; org:role vp:Chairman ; org:organization :o1 ; prov:wasDerivedFrom :c .",
                "  :m6 a org:Membership ; org:member :y ; org:role vp:Secretary ; org:organization :o2 ; prov:wasDerivedFrom :d .",
                "}"));
        List<Map<String, String>> rows = SampleGraph.select(ds,
                QueryBinder.bind(queries.get("multiple-posts").orElseThrow(), Map.of()));
        assertEquals(List.of(
                Map.of("orgLabel", "Cơ quan 1", "posts", "4", "articles", "2"),
                Map.of("orgLabel", "Cơ quan 2", "posts", "4", "articles", "1"),
                Map.of("orgLabel", "Cơ quan 3", "posts", "4", "articles", "1"),
                Map.of("orgLabel", "Cơ quan 4", "posts", "4", "articles", "1")),
                project(rows, "orgLabel", "posts", "articles"));
        assertEquals(Set.of("Người X"), Set.copyOf(column(rows, "personName")));
    }

    @Test
    void meetingsPerCityYearCountsTheHueMeetingIn2023AndKeepsUndatedOnes() {
        assertEquals(List.of(
                Map.of("placeLabel", "Huế", "meetingYear", "2023", "meetings", "1"),
                Map.of("placeLabel", "Hồ Chí Minh", "meetings", "1"),
                Map.of("placeLabel", "Uông Bí", "meetings", "1")), run("meetings-per-city-year", Map.of()));
        assertEquals(List.of(Map.of("placeLabel", "Huế", "meetingYear", "2023", "meetings", "1")),
                run("meetings-per-city-year", Map.of("year", "2023")));
        assertEquals(List.of(Map.of("placeLabel", "Uông Bí", "meetings", "1")),
                run("meetings-per-city-year", Map.of("city", "TP Uông Bí")));
        assertEquals(List.of(), run("meetings-per-city-year", Map.of("year", "2022")));
    }

    @Test
    void chairsAndAttendeesPutTheChairFirst() {
        List<Map<String, String>> rows = run("chairs-and-attendees", Map.of("meeting", "<" + HCM_MEETING + ">"));
        assertEquals(List.of(
                Map.of("part", "chair", "personName", "Nguyễn Văn Nên", "meeting", HCM_MEETING),
                Map.of("part", "attendee", "personName", "Nguyễn Thị Lệ", "meeting", HCM_MEETING),
                Map.of("part", "attendee", "personName", "Phan Văn Mãi", "meeting", HCM_MEETING)),
                project(rows, "part", "personName", "meeting"));
        // Without a meeting the query lists the most recent dated meetings only: of the sample's three
        // meetings just the Huế one, dated 2023-02-03, with its four attendees.
        List<Map<String, String>> latest = run("chairs-and-attendees", Map.of());
        assertEquals(4, latest.size());
        assertEquals(Set.of("2023-02-03"), Set.copyOf(column(latest, "date")));
    }

    @Test
    void bodyMembersFindsTheBodyByNameOrIriWithTheHeadFirst() {
        List<Map<String, String>> byName = run("body-members", Map.of("org", "thành ủy huế"));
        assertEquals(List.of(
                Map.of("bodyLabel", "Thành ủy Huế", "roleLabel", "Bí thư", "personName", "Phan Thiên Định", "articles", "1"),
                Map.of("bodyLabel", "Thành ủy Huế", "roleLabel", "Phó Bí thư Thường trực", "personName", "Trần Hùng Nam",
                        "articles", "1")), byName);
        assertEquals(byName, run("body-members", Map.of("org", "https://w3id.org/vietpol/id/org/hue/party-committee")));
        assertEquals(List.of("Phan Thiên Định", "Trần Hùng Nam"),
                column(run("body-members", Map.of("org", "Thành ủy Huế")), "personName"));
    }

    @Test
    void centralOfficialsAtLocalMeetingsFindsTheCentralCommitteeMemberAtTheHcmMeeting() {
        List<Map<String, String>> rows = run("central-officials-at-local-meetings", Map.of());
        assertEquals(List.of(Map.of("personName", "Phan Văn Mãi", "centralRoleLabel", "Ủy viên",
                "centralBodyLabel", "Ban Chấp hành Trung ương Đảng", "part", "attendee", "placeLabel", "Hồ Chí Minh",
                "organizerLabel", "Thành ủy TP. Hồ Chí Minh")),
                project(rows, "personName", "centralRoleLabel", "centralBodyLabel", "part", "placeLabel", "organizerLabel"));
        assertEquals("1", rows.get(0).get("meetings"));
        assertEquals(rows, run("central-officials-at-local-meetings", Map.of("official", "văn mãi")), "a part of the name, any case");
        assertEquals(List.of(), run("central-officials-at-local-meetings", Map.of("official", "Phan Thiên Định")),
                "a local official only");
    }

    @Test
    void articlesNamingPersonMatchesAPartOfTheNameIgnoringCase() {
        List<Map<String, String>> rows = run("articles-naming-person", Map.of("name", "phan thiên định"));
        assertEquals(List.of(HUE_ARTICLE), column(rows, "identifier"));
        assertEquals("2023-02-03", rows.get(0).get("issued"));
        assertEquals(List.of(UONG_BI_ARTICLE), column(run("articles-naming-person", Map.of("name", "Xuân Cường")), "identifier"));
        assertEquals(List.of(), run("articles-naming-person", Map.of("name", "Tô Lâm")));
    }

    @Test
    void cityRoleMatrixCountsTheRolesOfEachPlace() {
        List<Map<String, String>> rows = run("city-role-matrix", Map.of());
        assertEquals(Map.of("placeLabel", "Huế", "secretary", "1", "deputySecretary", "1", "chairman", "1",
                "viceChairman", "0", "head", "0", "deputyHead", "0", "member", "0", "other", "0", "total", "3"), rows.get(0));
        Map<String, String> hcm = rows.stream().filter(r -> r.get("placeLabel").equals("Hồ Chí Minh")).findFirst().orElseThrow();
        assertEquals(List.of("1", "2", "2", "5"),
                List.of(hcm.get("secretary"), hcm.get("deputySecretary"), hcm.get("chairman"), hcm.get("total")));
        assertEquals(6, rows.size());
    }

    @Test
    void documentsByIssuerGivesIssuerAndDateNewestFirst() {
        List<Map<String, String>> rows = run("documents-by-issuer", Map.of());
        assertEquals(List.of("06-NQ/TU", "05-CT/TW", "98/2023/QH15"), column(rows, "number"));
        assertEquals(Map.of("number", "05-CT/TW", "type", "Directive", "issued", "2016-05-15", "issuerLabel", "Bộ Chính trị",
                "issuerPlace", "Việt Nam", "articles", "1"), rows.get(1));
        assertEquals(List.of("06-NQ/TU"), column(run("documents-by-issuer", Map.of("since", "2020-01-01")), "number"));
    }

    @Test
    void positionEvidenceGivesTheSentenceEachPositionComesFrom() {
        List<Map<String, String>> rows = run("position-evidence", Map.of("name", "Trần Hùng Nam"));
        assertEquals(1, rows.size());
        assertEquals("Phó Bí thư Thường trực Thành ủy", rows.get(0).get("text"));
        assertTrue(rows.get(0).get("sentence").contains("đồng chí Trần Hùng Nam - Phó Bí thư Thường trực Thành ủy"));
        assertEquals(HUE_ARTICLE, rows.get(0).get("identifier"));
        assertEquals(10, run("position-evidence", Map.of()).size(), "every sample position with evidence");
    }

    @Test
    void documentsCitedBySeveralCitiesFindsNoneInTheSampleWhereEachPlaceCitesItsOwn() {
        assertEquals(List.of(), run("documents-cited-by-several-cities", Map.of()));
    }

    @Test
    void documentsCitedBySeveralCitiesCountsThePlaceEachArticleIsAbout() {
        Dataset ds = SampleGraph.fromTrig(String.join("\n",
                "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
                "PREFIX schema: <https://schema.org/>",
                "PREFIX prov: <http://www.w3.org/ns/prov#>",
                "PREFIX : <https://w3id.org/vietpol/id/>",
                "<https://w3id.org/vietpol/id/article/units> {",
                "  :vn skos:prefLabel \"Việt Nam\"@vi .",
                "  :hue skos:prefLabel \"Huế\"@vi . :ub skos:prefLabel \"Uông Bí\"@vi .",
                "  :ct05 a vp:Directive ; vp:documentNumber \"05-CT/TW\" .",
                "  :nq06 a vp:Resolution ; vp:documentNumber \"06-NQ/TU\" .",
                "  :kl01 a vp:Conclusion ; vp:documentNumber \"01-KL/TW\" .",
                "}",
                // About Huế: cites 05-CT/TW and 01-KL/TW.
                "<https://w3id.org/vietpol/id/article/a1> { :a1 schema:about :hue ; schema:mentions :ct05 , :kl01 .",
                "  :ct05 vp:citedFrom :hue ; prov:wasDerivedFrom :a1 . :kl01 vp:citedFrom :hue ; prov:wasDerivedFrom :a1 . }",
                // About Uông Bí: cites 05-CT/TW and 06-NQ/TU.
                "<https://w3id.org/vietpol/id/article/a2> { :a2 schema:about :ub ; schema:mentions :ct05 , :nq06 .",
                "  :ct05 vp:citedFrom :ub ; prov:wasDerivedFrom :a2 . :nq06 vp:citedFrom :ub ; prov:wasDerivedFrom :a2 . }",
                // About Uông Bí again: cites 06-NQ/TU, which so stays with one place.
                "<https://w3id.org/vietpol/id/article/a3> { :a3 schema:about :ub ; schema:mentions :nq06 . :nq06 vp:citedFrom :ub . }",
                // About the country as a whole: no place, so 01-KL/TW stays with Huế alone.
                "<https://w3id.org/vietpol/id/article/a4> { :a4 schema:about :vn ; schema:mentions :kl01 . }"));
        List<Map<String, String>> rows = SampleGraph.select(ds,
                QueryBinder.bind(queries.get("documents-cited-by-several-cities").orElseThrow(), Map.of()));
        assertEquals(List.of(
                Map.of("number", "05-CT/TW", "type", "Directive", "places", "2", "placeLabels", "Huế; Uông Bí", "articles", "2")),
                rows);
    }
}
