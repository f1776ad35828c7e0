package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

class CandidateQueryTest {
    @Test
    void toneMarksMoveBetweenTheOldAndNewPlacement() {
        assertEquals("Hoà", CandidateQuery.otherToneSpelling("Hòa"));
        assertEquals("Hòa", CandidateQuery.otherToneSpelling("Hoà"));
        assertEquals("Thuỷ", CandidateQuery.otherToneSpelling("Thủy"));
        assertEquals("Khoẻ", CandidateQuery.otherToneSpelling("Khỏe"));
        assertNull(CandidateQuery.otherToneSpelling("Quý"), "in qu + y the tone is always on y");
        assertNull(CandidateQuery.otherToneSpelling("Hoàng"), "with a final consonant the placement is fixed");
        assertNull(CandidateQuery.otherToneSpelling("Hoa"), "no tone mark");
        assertNull(CandidateQuery.otherToneSpelling("Dũng"));
    }

    @Test
    void aNameIsAskedInAllItsSpellings() {
        assertEquals(List.of("Nguyễn Thị Thủy Hòa", "Nguyễn Thị Thuỷ Hòa", "Nguyễn Thị Thủy Hoà", "Nguyễn Thị Thuỷ Hoà"),
                CandidateQuery.spellings("Nguyễn  Thị Thủy Hòa"));
        assertEquals(List.of("Đinh Tiến Dũng"), CandidateQuery.spellings("Đinh Tiến Dũng"));
    }

    @Test
    void theQueryIsValidSparqlAndTheSameForTheSameNamesInAnyOrder() {
        String a = CandidateQuery.text(List.of("Tô Lâm", "Phan Văn Mãi", "O\"Brien"));
        assertEquals(a, CandidateQuery.text(Set.of("Phan Văn Mãi", "O\"Brien", "Tô Lâm")));
        Query q = QueryFactory.create(a);
        assertTrue(q.isSelectType());
        assertTrue(a.contains("\"Phan Văn Mãi\"@vi") && a.contains("wdt:P27 wd:Q881"), a);
    }
}
