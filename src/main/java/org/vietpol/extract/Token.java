package org.vietpol.extract;

/**
 * A word or a punctuation mark of a sentence, with its character offsets in the article text; {@code firsts}
 * tells which phrase tables have a phrase starting with it (see {@link PhraseTable}).
 */
public record Token(String text, int start, int end, String key, boolean word, long firsts) {
    public Token {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad token offsets " + start + ".." + end);
    }

    public Token(String text, int start, int end, String key, boolean word) {
        this(text, start, end, key, word, PhraseTable.firstWordBits(key));
    }

    /** Starts with an upper-case letter. */
    public boolean capitalised() {
        return word && Character.isUpperCase(text.codePointAt(0));
    }

    /** Like a syllable of a personal name: a capital then letters (no digits, not all capitals unless one letter). */
    public boolean nameLike() {
        if (!capitalised()) return false;
        int upper = 0, letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) return false;
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) upper++;
            }
        }
        if (letters == 0) return false;
        // "Nên", "Y", "H'Yim", "K'Nham"; not "UBND", "HĐND"
        return upper == 1 || letters == 1 || (upper == 2 && text.indexOf('\'') > 0);
    }
}
