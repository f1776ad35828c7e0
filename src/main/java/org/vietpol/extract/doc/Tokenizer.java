package org.vietpol.extract.doc;

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
            if (isSpace(cp)) {
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
                // an en or em dash compares as a hyphen: "Bà Rịa – Vũng Tàu" is "Bà Rịa - Vũng Tàu"
                String key = cp == '–' || cp == '—' || cp == '‒' || cp == '−' ? "-" : p;
                out.add(new Token(p, i, i + n, key, false));
                i += n;
            }
        }
        return out;
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    private static boolean isWordChar(int cp) {
        return cp < TABLE ? KIND[cp] == WORD : Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isSpace(int cp) {
        return cp < TABLE ? KIND[cp] == SPACE : Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /* Each character of the first 12,288 code points classified once: the Character lookups per character were a
     * good part of tokenizing. */
    private static final int TABLE = 0x3000;
    private static final byte WORD = 1, SPACE = 2;
    private static final byte[] KIND = new byte[TABLE];

    static {
        for (int c = 0; c < TABLE; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) KIND[c] = SPACE;
            else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) KIND[c] = WORD;
        }
    }
}
