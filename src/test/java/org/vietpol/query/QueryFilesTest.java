package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's own query files, in {@code queries/} of the project directory. */
class QueryFilesTest {
    static final Path QUERIES = Path.of(NamedQueries.DIRECTORY);

    static Stream<Path> queryFiles() throws IOException {
        assertTrue(Files.isDirectory(QUERIES), "run the tests from the project directory: no " + QUERIES.toAbsolutePath());
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.toString().endsWith(".rq")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void everyQueryFileParsesWithTitleAndQuestion(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".rq".length());
        NamedQuery q = NamedQuery.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(name, q.name());
        assertFalse(q.title().isBlank(), name + " has no title");
        assertFalse(q.question().isBlank(), name + " has no question");
        assertTrue(q.question().endsWith("?"), name + ": the question should read as one");
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void everyQueryFileStartsWithTitleThenQuestionThenParams(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# title: "), file + " line 1");
        assertTrue(lines.get(1).startsWith("# question: "), file + " line 2");
        boolean paramsOver = false;
        for (String line : lines.subList(2, lines.size())) {
            if (!line.startsWith("#")) break;
            if (line.startsWith("# param: ")) {
                assertFalse(paramsOver, file + ": '# param:' lines come right after the question");
            } else {
                paramsOver = true;
            }
        }
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void everyQueryIsASelectWithDeterministicOrderAndDescribedParams(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".rq".length());
        NamedQuery q = NamedQuery.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        Query query = QueryFactory.create(q.sparql(), Syntax.syntaxSPARQL_11);
        assertTrue(query.isSelectType(), name + " is not a SELECT");
        assertTrue(query.hasOrderBy(), name + " has no ORDER BY");
        for (Param p : q.params()) assertFalse(p.description().isEmpty(), name + ": parameter " + p.name() + " undescribed");
        // the union graph, or the merged and ontology graphs every build writes; no article graph is named
        assertFalse(q.sparql().replace("GRAPH vpg:merged", "").replace("GRAPH vpg:ontology", "")
                        .replaceAll("GRAPH \\?\\w+", "").contains("GRAPH"),
                name + ": a GRAPH clause other than the merged graph's, the ontology's or a variable");
        if (q.sparql().contains("GRAPH vpg:")) {
            assertEquals("https://w3id.org/vietpol/graph/", query.getPrefixMapping().getNsPrefixURI("vpg"), name);
        }
    }

    @Test
    void theRequiredQueriesAreAllThere() throws IOException {
        Set<String> names = queryFiles().map(f -> f.getFileName().toString().replace(".rq", "")).collect(Collectors.toSet());
        for (String required : List.of("officials-by-city", "multiple-posts", "city-leadership", "meetings-per-city-year",
                "documents-cited-by-several-cities", "chairs-and-attendees", "body-members",
                "central-officials-at-local-meetings", "articles-naming-person", "city-role-matrix",
                "post-holders", "holders-on-date", "changes-in-place", "career", "term-members")) {
            assertTrue(names.contains(required), "missing query " + required);
        }
        assertTrue(names.size() >= 11, "expected at least 11 queries, found " + names);
        for (String n : names) assertTrue(NamedQuery.isValidName(n), n + " is not kebab-case");
    }

    @Test
    void cityLeadershipRequiresItsCityAndOfficialsByCityMakesItOptional() {
        NamedQueries all = NamedQueries.of(NamedQueries.fromDirectory(QUERIES));
        Param leadership = all.get("city-leadership").orElseThrow().param("city").orElseThrow();
        assertFalse(leadership.optional());
        assertEquals(Param.Type.STRING, leadership.type());
        assertTrue(all.get("officials-by-city").orElseThrow().param("city").orElseThrow().optional());
        assertFalse(all.get("body-members").orElseThrow().param("org").orElseThrow().optional());
        assertFalse(all.get("articles-naming-person").orElseThrow().param("name").orElseThrow().optional());
    }
}
