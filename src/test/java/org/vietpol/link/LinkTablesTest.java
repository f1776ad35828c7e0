package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTablesTest {
    static final String ID = "https://w3id.org/vietpol/id/";

    @Test
    void theCentralTableLinksTheCountryThePartyAndTheNationalAssembly() {
        LinkTables t = LinkTables.load();
        assertEquals(List.of(ID + "unit/viet-nam Q881", ID + "org/viet-nam/party Q427325", ID + "org/viet-nam/national-assembly Q1765001"),
                t.bodies().stream().map(b -> b.subject() + " " + b.qid()).toList());
        assertEquals("Đảng Cộng sản Việt Nam", t.bodies().get(1).label());
        assertTrue(t.bodies().stream().allMatch(b -> !b.source().isEmpty()));
    }

    @Test
    void positionRowsNameABodyOrAKindAndARole() {
        LinkTables t = LinkTables.load();
        assertTrue(t.positions().stream().anyMatch(p -> p.qid().equals("Q866680") && p.org().equals(ID + "org/viet-nam/other/nha-nuoc")));
        assertTrue(t.positions().stream().anyMatch(p -> p.qid().equals("Q1043568") && p.matches(ID + "org/viet-nam/government", "Government", "PrimeMinister")));
    }

    @Test
    void theGazetteerGivesTheHandCheckedUnitIds() {
        var g = LinkTables.load().gazetteer();
        assertEquals("Q36167", g.get("hue").orElseThrow().wikidata());
        assertEquals("1580240", g.get("hue").orElseThrow().geonames());
        assertEquals("Q7897883", g.get("uong-bi").orElseThrow().wikidata());
        assertEquals("hue", g.get("thua-thien-hue").orElseThrow().successor());
    }
}
