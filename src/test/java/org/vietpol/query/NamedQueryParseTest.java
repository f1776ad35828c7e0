package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedQueryParseTest {
    private static final String BODY = String.join("\n",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "SELECT ?label WHERE {",
            "  ?place skos:prefLabel ?label .",
            "  FILTER(COALESCE(STR(?city), \"\") = \"\" || LCASE(STR(?label)) = LCASE(STR(?city)))",
            "  FILTER(COALESCE(STR(?since), \"\") = \"\" || ?since < \"2030-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>)",
            "} ORDER BY ?label", "");

    private static String header(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void readsTitleQuestionAndParamsFromTheHeader() {
        String text = header(
                "# title: Places",
                "# question: Which places are there?",
                "# param: city string optional  The place name, e.g. \"Huế\": label or altLabel",
                "# param: since date  A day: only before it",
                "# Note: free comment lines may hold colons too.") + BODY;
        NamedQuery q = NamedQuery.parse("places", text);
        assertEquals("places", q.name());
        assertEquals("Places", q.title());
        assertEquals("Which places are there?", q.question());
        assertEquals(List.of(
                new Param("city", Param.Type.STRING, true, "The place name, e.g. \"Huế\": label or altLabel"),
                new Param("since", Param.Type.DATE, false, "A day: only before it")), q.params());
        assertEquals(text, q.sparql());
    }

    @Test
    void paramsCannotBeChangedAfterParsing() {
        NamedQuery q = NamedQuery.parse("places", header("# title: T", "# question: Q?",
                "# param: city string optional  x", "# param: since date optional  y") + BODY);
        assertThrows(UnsupportedOperationException.class, () -> q.params().clear());
    }

    @Test
    void aMissingTitleIsRefusedNamingTheQueryAndLine() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                () -> NamedQuery.parse("places", header("# question: Q?") + "SELECT * { ?s ?p ?o } ORDER BY ?s"));
        assertEquals("places", e.queryName());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("query places, line 1: "), e.getMessage());
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void aMissingQuestionIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class,
                () -> NamedQuery.parse("places", header("# title: T") + "SELECT * { ?s ?p ?o }"));
        assertTrue(e.getMessage().contains("question"), e.getMessage());
    }

    @Test
    void aTitleAfterTheSparqlIsNotPartOfTheHeader() {
        assertThrows(QueryDefinitionException.class,
                () -> NamedQuery.parse("places", "SELECT * { ?s ?p ?o }\n# title: T\n# question: Q?\n"));
    }

    @Test
    void anUnknownParamTypeIsRefusedWithItsLine() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: city text optional  x") + BODY));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown parameter type 'text'"), e.getMessage());
    }

    @Test
    void aParamLineWithoutTypeIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: city") + BODY));
        assertEquals(3, e.line());
    }

    @Test
    void aParamNameThatIsNoVariableNameIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: the-city string  x") + BODY));
        assertEquals(3, e.line());
    }

    @Test
    void aParamDeclaredTwiceIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: city string  x", "# param: city string  y") + BODY));
        assertEquals(4, e.line());
    }

    @Test
    void unparsableSparqlIsRefusedWithTheLineOfTheError() {
        String text = header("# title: T", "# question: Q?", "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
                "SELECT ?x WHERE {", "  ?x skos:prefLabel ?l", "  FILTER(?l = )", "}");
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("broken", text));
        assertEquals("broken", e.queryName());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("query broken, line 6: the SPARQL does not parse"), e.getMessage());
    }

    @Test
    void anUpdateIsNotAQuery() {
        assertThrows(QueryDefinitionException.class,
                () -> NamedQuery.parse("wipe", header("# title: T", "# question: Q?") + "DROP ALL"));
    }

    @Test
    void aDeclaredParamTheQueryNeverUsesIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: town string  x") + "SELECT ?s { ?s ?p ?o } ORDER BY ?s"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("never uses ?town"), e.getMessage());
    }

    @Test
    void aParamTestedWithBoundIsRefusedBecauseAValueCannotStandThere() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: city string optional  x")
                        + "SELECT ?s { ?s ?p ?o FILTER(!BOUND(?city) || ?o = ?city) } ORDER BY ?s"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("cannot be filled in"), e.getMessage());
    }

    @Test
    void aParamAssignedByBindIsRefused() {
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQuery.parse("places",
                header("# title: T", "# question: Q?", "# param: city string optional  x")
                        + "SELECT ?s { ?s ?p ?o BIND(STR(?o) AS ?city) } ORDER BY ?s"));
        assertEquals(3, e.line());
    }

    @Test
    void aNameThatIsNotKebabCaseIsRefused() {
        assertThrows(QueryDefinitionException.class,
                () -> NamedQuery.parse("Officials_By_City", header("# title: T", "# question: Q?") + "SELECT * {}"));
        assertFalse(NamedQuery.isValidName("city--leadership"));
        assertTrue(NamedQuery.isValidName("city-role-matrix"));
    }

    @Test
    void aByteOrderMarkAndBlankLinesBeforeTheHeaderAreAccepted() {
        NamedQuery q = NamedQuery.parse("all", "\uFEFF\n# title: T\n\n# question: Q?\nSELECT * { ?s ?p ?o }");
        assertEquals("T", q.title());
        assertTrue(q.params().isEmpty());
    }
}
