package org.vietpol.article;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a written Vietnamese syllable from a string of letters that cannot be one: an onset, a rhyme from the
 * language's inventory, at most one tone mark, and only sắc or nặng on a rhyme closed by c, ch, p or t. Used to
 * judge which of several decodings of a file reads as Vietnamese; it never changes text.
 */
final class VietSyllables {
    private static final List<String> ONSETS = List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "");
    /** Rhymes without tone; "q" only takes those starting with the medial "u" ("qua", "quốc", "quyết"). */
    private static final Set<String> RHYMES = Set.of(
            "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
            "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
            "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
            "e", "ec", "em", "en", "eng", "eo", "ep", "et",
            "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
            "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
            "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
            "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
            "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
            "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
            "u", "uc", "ui", "um", "un", "ung", "up", "ut", "ua",
            "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
            "ư", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", "ưa",
            "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
            "y", "yêm", "yên", "yêt", "yêu",
            "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
            "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet",
            "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
            "uâc", "uân", "uâng", "uât", "uây", "uăc", "uăn", "uăng", "uăt",
            "uê", "uêch", "uên", "uênh", "uơ");

    private VietSyllables() {}

    /** True when {@code word} (letters only, any case, any tone placement) can be a Vietnamese syllable. */
    static boolean isSyllable(String word) {
        String d = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(d.length());
        char tone = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
                if (tone != 0) return false;
                tone = c;
            } else {
                base.append(c);
            }
        }
        String s = Normalizer.normalize(base, Normalizer.Form.NFC);
        if (s.isEmpty() || s.length() > 7) return false;
        for (String onset : ONSETS) {
            if (!s.startsWith(onset)) continue;
            String rhyme = s.substring(onset.length());
            if (!RHYMES.contains(rhyme)) continue;
            if (onset.equals("q") && rhyme.charAt(0) != 'u') continue;
            if (closed(rhyme) && tone != 0 && tone != '\u0301' && tone != '\u0323') continue;
            return true;
        }
        return false;
    }

    /** A rhyme closed by a stop takes only the rising or the heavy tone ("các", "học", never "càc"). */
    private static boolean closed(String rhyme) {
        char last = rhyme.charAt(rhyme.length() - 1);
        return last == 'c' || last == 'p' || last == 't' || rhyme.endsWith("ch");
    }

    /**
     * How much of {@code text} reads as Vietnamese: syllables among its words, with each stray symbol outside
     * ASCII (what a wrong decoding leaves: "¸", "¶", "©") counted as a word that is not one. 0 when no words.
     */
    static Score score(CharSequence text) {
        int words = 0, syllables = 0, strays = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                word.append(c);
                continue;
            }
            if (word.length() > 0) {
                words++;
                if (isSyllable(word.toString())) syllables++;
                word.setLength(0);
            }
            if (c >= 0x80 && !ordinaryPunctuation(c)) strays++;
        }
        return new Score(words, syllables, strays);
    }

    /** Words, syllables among them, and stray symbols. */
    record Score(int words, int syllables, int strays) {
        double share() {
            return words + strays == 0 ? 0 : (double) syllables / (words + strays);
        }
    }

    /** Punctuation and spaces outside ASCII that Vietnamese text uses in any encoding. */
    private static boolean ordinaryPunctuation(char c) {
        return Character.isSpaceChar(c) || Character.isDigit(c) || "“”‘’„–—…•°«»\uFFFD".indexOf(c) >= 0;
    }
}
