package org.vietpol.extract;

import java.util.ArrayList;
import java.util.List;
import org.vietpol.text.VietText;

/** Splits text into words (letters, digits, marks, inner apostrophes) and single punctuation marks. */
public final class Tokenizer {
    private Tokenizer() {}

    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            if (isWordChar(cp)) {
                int start = i;
                while (i < to) {
                    int c = text.codePointAt(i);
                    if (isWordChar(c)) {
                        i += Character.charCount(c);
                    } else if ((c == '\'' || c == '’') && i + 1 < to && i > start && isWordChar(text.codePointAt(i + 1))) {
                        i++; // H'Yim, K'Nham: one name syllable
                    } else {
                        break;
                    }
                }
                String w = text.substring(start, i);
                out.add(new Token(w, start, i, VietText.key(w), true));
            } else {
                int n = Character.charCount(cp);
                String p = text.substring(i, i + n);
                out.add(new Token(p, i, i + n, p, false));
                i += n;
            }
        }
        return out;
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
