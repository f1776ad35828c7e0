package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryBinderTest {
    private static final String INJECTION = "Huế\" } ; DROP ALL ; #";

    private static NamedQueries queries;
    private static NamedQuery cityLeadership;
    private static NamedQuery officialsByCity;

    /** Every parameter type on one query, to check each conversion. */
    private static final NamedQuery TYPED = NamedQuery.parse("typed", String.join("\n",
            "# title: Typed",
            "# question: Does each type bind?",
            "# param: label string optional  A label",
            "# param: thing iri optional  An IRI",
            "# param: year integer optional  A year, e.g. 2023",
            "# param: day date optional  A day, YYYY-MM-DD",
            "SELECT ?s WHERE {",
            "  ?thing ?p ?o .",
            "  BIND(?thing AS ?s)",
            "  FILTER(COALESCE(STR(?label), \"\") = \"\" || STR(?o) = ?label)",
            "  FILTER(COALESCE(STR(?year), \"\") = \"\" || ?o = ?year)",
            "  FILTER(COALESCE(STR(?day), \"\") = \"\" || ?o = ?day)",
            "} ORDER BY ?s"));

    @BeforeAll
    static void load() {
        queries = NamedQueries.of(NamedQueries.fromDirectory(QueryFilesTest.QUERIES));
        cityLeadership = queries.get("city-leadership").orElseThrow();
        officialsByCity = queries.get("officials-by-city").orElseThrow();
    }

    private static Node term(String param, String value) {
        return QueryBinder.term(TYPED, TYPED.param(param).orElseThrow(), value);
    }

    @Test
    void anInjectionAttemptEndsUpAsOneLiteralAndFindsNothing() {
        Dataset ds = SampleGraph.load();
        long before = SampleGraph.size(ds);
        Query bound = QueryBinder.bind(cityLeadership, Map.of("city", INJECTION));

        String text = bound.toString();
        assertTrue(text.contains("\"Huế\\\" } ; DROP ALL ; #\""), text);
        assertFalse(text.contains("?city"), "the variable is replaced everywhere");
        Query reparsed = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        assertTrue(reparsed.isSelectType());
        assertEquals(bound, reparsed);

        assertEquals(List.of(), SampleGraph.select(ds, bound));
        assertEquals(before, SampleGraph.size(ds), "the data is untouched");
    }

    @Test
    void aStringBecomesAPlainXsdStringLiteral() {
        Node n = term("label", "  Huế ");
        assertTrue(n.isLiteral());
        assertEquals("Huế", n.getLiteralLexicalForm());
        assertEquals(XSDDatatype.XSDstring.getURI(), n.getLiteralDatatypeURI());
        assertEquals("", n.getLiteralLanguage());
    }

    @Test
    void aStringIsNormalisedToNfcAsTheGraphIs() {
        Node n = term("label", "Hue\u0302\u0301");
        assertEquals("Huế", n.getLiteralLexicalForm());
        List<Map<String, String>> rows = SampleGraph.select(SampleGraph.load(),
                QueryBinder.bind(cityLeadership, Map.of("city", "Hue\u0302\u0301")));
        assertFalse(rows.isEmpty());
    }

    @Test
    void anIriBecomesAnIriNodeWithOrWithoutAngleBrackets() {
        Node n = term("thing", "https://w3id.org/vietpol/id/unit/hue");
        assertTrue(n.isURI());
        assertEquals("https://w3id.org/vietpol/id/unit/hue", n.getURI());
        assertEquals(n, term("thing", "<https://w3id.org/vietpol/id/unit/hue>"));
        assertEquals("https://w3id.org/vietpol/ontology#Secretary", term("thing", "https://w3id.org/vietpol/ontology#Secretary").getURI());
    }

    @Test
    void aRelativeOrMalformedIriIsRefused() {
        for (String bad : List.of("hue", "/id/unit/hue", "http://a b/c", "https://x/<y>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> term("thing", bad), bad);
            assertTrue(e.getMessage().startsWith("query typed: parameter 'thing' must be an absolute IRI"), e.getMessage());
        }
    }

    @Test
    void anIntegerBecomesACanonicalXsdInteger() {
        Node n = term("year", " +02023 ");
        assertEquals("2023", n.getLiteralLexicalForm());
        assertEquals(XSDDatatype.XSDinteger.getURI(), n.getLiteralDatatypeURI());
        assertEquals("-5", term("year", "-5").getLiteralLexicalForm());
    }

    @Test
    void somethingOtherThanDigitsIsRefusedForAnInteger() {
        for (String bad : List.of("20x3", "2023.5", "2 023", "١٢", "năm 2023")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> term("year", bad), bad);
            assertTrue(e.getMessage().contains("parameter 'year' must be a whole number"), e.getMessage());
            assertTrue(e.getMessage().contains("(A year, e.g. 2023)"), e.getMessage());
        }
    }

    @Test
    void aDateBecomesAnXsdDate() {
        Node n = term("day", "2023-02-03");
        assertEquals("2023-02-03", n.getLiteralLexicalForm());
        assertEquals(XSDDatatype.XSDdate.getURI(), n.getLiteralDatatypeURI());
    }

    @Test
    void aDateNotWrittenYyyyMmDdOrNotOnTheCalendarIsRefused() {
        for (String bad : List.of("03/02/2023", "2023-02-30", "2023-2-3", "2023")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> term("day", bad), bad);
            assertTrue(e.getMessage().contains("parameter 'day' must be a date written YYYY-MM-DD"), e.getMessage());
        }
    }

    @Test
    void aMissingRequiredParameterIsRefusedWithItsDescription() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryBinder.bind(cityLeadership, Map.of()));
        String description = cityLeadership.param("city").orElseThrow().description();
        assertEquals("query city-leadership: parameter 'city' is required (" + description + ")", e.getMessage());
    }

    @Test
    void aBlankValueCountsAsUnset() {
        assertThrows(IllegalArgumentException.class, () -> QueryBinder.bind(cityLeadership, Map.of("city", "   ")));
        Query q = QueryBinder.bind(officialsByCity, Map.of("city", ""));
        assertTrue(q.toString().contains("?city"));
    }

    @Test
    void anUnknownParameterIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueryBinder.bind(cityLeadership, Map.of("city", "Huế", "town", "Huế")));
        assertEquals("query city-leadership has no parameter 'town'; its parameters are: city", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> QueryBinder.bind(queries.get("city-role-matrix").orElseThrow(), Map.of("city", "Huế")));
        assertTrue(none.getMessage().endsWith("it takes no parameters"), none.getMessage());
    }

    @Test
    void anOptionalParameterLeftUnsetStaysAVariable() {
        assertTrue(QueryBinder.bind(officialsByCity, Map.of()).toString().contains("?city"));
        assertTrue(QueryBinder.bind(officialsByCity, null).toString().contains("?city"));
        String bound = QueryBinder.bind(officialsByCity, Map.of("city", "Huế")).toString();
        assertFalse(bound.contains("?city"), bound);
        assertTrue(bound.contains("\"Huế\""), bound);
    }

    @Test
    void eachTypedValueIsSubstitutedAndTheQueryStillParses() {
        Map<String, String> values = new HashMap<>();
        values.put("label", "x");
        values.put("thing", "https://w3id.org/vietpol/id/unit/hue");
        values.put("year", "2023");
        values.put("day", "2023-02-03");
        String text = QueryBinder.bind(TYPED, values).toString();
        assertTrue(text.contains("<https://w3id.org/vietpol/id/unit/hue>"), text);
        assertTrue(text.contains("2023"), text);
        assertTrue(text.contains("\"2023-02-03\"^^"), text);
        QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    }

    @Test
    void aSubstitutedIriSelectsOnlyThatResource() {
        Dataset ds = SampleGraph.load();
        List<Map<String, String>> rows = SampleGraph.select(ds,
                QueryBinder.bind(TYPED, Map.of("thing", "https://w3id.org/vietpol/id/unit/hue", "label", "Huế")));
        assertEquals(List.of(Map.of("s", "https://w3id.org/vietpol/id/unit/hue")), rows);
    }
}
