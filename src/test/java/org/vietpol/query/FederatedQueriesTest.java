package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries that ask Wikidata through SERVICE are known as such, so tools and tests can tell them apart. */
class FederatedQueriesTest {
    @Test
    void exactlyTheWikidataQueriesNeedInternet() {
        List<String> online = NamedQueries.fromDirectory(QueryFilesTest.QUERIES).stream()
                .filter(NamedQuery::needsInternet).map(NamedQuery::name).sorted().toList();
        assertEquals(List.of("wikidata-officials-birth-dates", "wikidata-provinces-population"), online);
    }
}
