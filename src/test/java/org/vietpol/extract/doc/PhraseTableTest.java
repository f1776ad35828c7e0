package org.vietpol.extract.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
    /** A table looks tokens up by their key alone: tokens made before the table was built match like any other. */
    @Test
    void tokensMadeBeforeTheTableIsBuiltMatch() {
        List<Token> early = Tokenizer.tokenize("Bí thư Tỉnh ủy Nghệ An");
        PhraseTable<String> titles = PhraseTable.<String>builder().put("bí thư", "secretary").build();
        PhraseTable<String> bodies = PhraseTable.<String>builder().put("tỉnh ủy", "committee").build();
        PhraseTable.Match<String> title = titles.longest(early, 0);
        assertNotNull(title);
        assertEquals(2, title.length());
        assertEquals("committee", bodies.longest(early, 2).value());
        assertEquals("secretary", titles.longest(Tokenizer.tokenize("BÍ THƯ"), 0).value());
    }
}
