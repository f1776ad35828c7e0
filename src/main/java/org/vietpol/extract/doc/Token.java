package org.vietpol.extract.doc;

/**
 * A word or a punctuation mark, with its character offsets in the article text and its comparison key (lower
 * case, one tone-mark placement).
 */
public record Token(String text, int start, int end, String key, boolean word) {
    public Token {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad token offsets " + start + ".." + end);
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

    /** Digits only. */
    public boolean digits() {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) if (!Character.isDigit(text.charAt(i))) return false;
        return true;
    }
}
