package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinksFileTest {
    static final String P = "https://w3id.org/vietpol/id/person/";
    @TempDir
    Path tmp;

    LinksFile read(String text) throws IOException {
        Path f = tmp.resolve("links.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return LinksFile.read(f);
    }

    @Test
    void readsDecisionsInAnyColumnOrderWithCommentsAndQuotes() throws IOException {
        LinksFile f = read("\uFEFFstatus,note,iri,qid\n"
                + "# checked 2025-08\n"
                + "accepted,\"Secretary, Hà Nội\"," + P + "dinh-tien-dung,Q99000006\n"
                + "\n"
                + "REJECTED,,person/to-lam,http://www.wikidata.org/entity/Q5\n"
                + "rejected,,person/nguyen-van-nen,\n");
        assertEquals(3, f.entries().size());
        assertEquals(List.of("Q99000006"), f.accepted(P + "dinh-tien-dung"));
        assertTrue(f.rejects(P + "to-lam", "Q5"));
        assertFalse(f.rejects(P + "to-lam", "Q6"));
        assertFalse(f.rejectsAll(P + "to-lam"));
        assertTrue(f.rejectsAll(P + "nguyen-van-nen"));
        assertTrue(f.rejects(P + "nguyen-van-nen", "Q6"));
        assertFalse(f.rejects(P + "dinh-tien-dung", "Q99000006"));
    }

    @Test
    void anAcceptedItemBeatsRejectingAllOthers() throws IOException {
        LinksFile f = read("iri,qid,status\n" + P + "a,,rejected\n" + P + "a,Q7,accepted\n");
        assertFalse(f.rejects(P + "a", "Q7"));
        assertTrue(f.rejects(P + "a", "Q8"));
    }

    @Test
    void mistakesNameTheFileAndLine() {
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid\n")).getMessage().endsWith(":1: the first line must be the header iri,qid,status"));
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid,status\n" + P + "a,Q1,maybe\n")).getMessage().contains(":2: status"));
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid,status\nhttp://example.org/x,Q1,accepted\n")).getMessage().contains(":2: not an IRI"));
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid,status\n" + P + "a,X1,accepted\n")).getMessage().contains("not a Wikidata id"));
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid,status\n" + P + "a,,accepted\n")).getMessage().contains("needs a qid"));
        assertTrue(assertThrows(LinksFile.FormatException.class, () -> read("iri,qid,status\n" + P + "a,Q1,accepted\n" + P + "a,Q1,rejected\n"))
                .getMessage().contains(":3: contradicts line 2"));
    }
}
