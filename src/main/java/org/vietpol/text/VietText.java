package org.vietpol.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text normalisation: the one place that decides when two spellings are "the same".
 *
 * <p>Vietnamese has two accepted tone-mark placements ("hoà"/"hòa", "thuỷ"/"thủy"); {@link #key} erases
 * that difference by moving each syllable's tone to a trailing digit, so lookups and identity never depend
 * on the writer's habit.
 */
public final class VietText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern SLUG_JUNK = Pattern.compile("[^a-z0-9]+");

    private VietText() {}

    /** NFC, no control characters, single spaces, trimmed. Keeps case and tone marks as written. */
    public static String clean(String s) {
        // most strings are clean already (text from the cleaner, names, labels): check before rewriting
        if (isClean(s)) return s;
        return SPACES.matcher(nfc(s)).replaceAll(" ").strip();
    }

    public static String nfc(String s) {
        return isNfc(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** What {@link #clean} would leave unchanged: NFC, no SPACES but single ' ', nothing to strip at the ends. */
    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0) return true;
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) return false;
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? prev == ' ' : isSpace(c)) return false;
            prev = c;
        }
        return isNfc(s);
    }

    /** The characters {@link #SPACES} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
                || c == '\uFEFF';
    }

    /*
     * A string is NFC when each of its characters is NFC on its own and cannot combine with the one before (NFC
     * quick check "yes", combining class 0). Below U+0300 every character is; up to NFC_TABLE a table built once
     * from Normalizer says which are (combining marks and Hangul jamo are not); past it, Normalizer decides.
     */
    private static final int NFC_TABLE = 0x3000;
    private static final boolean[] NFC_SAFE = new boolean[NFC_TABLE];

    static {
        for (int c = 0; c < NFC_TABLE; c++) {
            int type = Character.getType(c);
            NFC_SAFE[c] = c < 0x300 || !Character.isSurrogate((char) c) && type != Character.NON_SPACING_MARK
                    && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && (c < 0x1100 || c > 0x11FF) && Normalizer.isNormalized(String.valueOf((char) c), Normalizer.Form.NFC);
        }
    }

    private static boolean isNfc(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= NFC_TABLE || !NFC_SAFE[c]) return Normalizer.isNormalized(s, Normalizer.Form.NFC);
        }
        return true;
    }

    /**
     * A comparison key: NFC, case-folded, single spaces, hyphens as spaces, and each syllable's tone mark
     * moved to the end of the syllable (so "Hoà" and "Hòa" share the key "hoa2").
     */
    public static String key(String s) {
        String fast = wordKey(s);
        return fast != null ? fast : computeKey(s);
    }

    /*
     * The key of one word is computed a character at a time from two tables built once: each precomposed letter's
     * lower-case form without its tone ("ầ" to "â") and its tone digit. Tokens are keyed this way millions of
     * times per build; Normalizer is only used to build the tables and for text the tables do not cover.
     */
    private static final int TABLE = 0x1F00;
    private static final char[] BASE = new char[TABLE];
    private static final byte[] TONE = new byte[TABLE];

    static {
        for (int c = 0; c < TABLE; c++) {
            if (!Character.isLetterOrDigit(c)) continue;
            String d = Normalizer.normalize(String.valueOf((char) c).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
            StringBuilder b = new StringBuilder();
            char tone = 0;
            for (int i = 0; i < d.length(); i++) {
                char t = toneDigit(d.charAt(i));
                if (t != 0) tone = t;
                else b.append(d.charAt(i));
            }
            String base = Normalizer.normalize(b.toString(), Normalizer.Form.NFC);
            if (base.length() == 1) {
                BASE[c] = base.charAt(0);
                TONE[c] = (byte) tone;
            }
        }
    }

    /** The key of a single word (letters, digits, inner apostrophes), or null when the tables cannot give it. */
    private static String wordKey(String s) {
        int n = s.length();
        if (n == 0) return null;
        char[] out = new char[n + 1];
        int len = 0;
        byte tone = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '’') {
                out[len++] = c;
                continue;
            }
            if (c >= TABLE || BASE[c] == 0) return null;
            out[len++] = BASE[c];
            if (TONE[c] != 0) tone = TONE[c];
        }
        if (tone != 0) out[len++] = (char) tone;
        return new String(out, 0, len);
    }

    private static String computeKey(String s) {
        String lower = clean(s).toLowerCase(Locale.ROOT).replace('‐', '-').replace('–', '-').replace('—', '-');
        lower = lower.replace("-", " ");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 8);
        char tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            char t = toneDigit(c);
            if (t != 0) {
                tone = t;
                continue;
            }
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                out.append(c);
            } else {
                if (tone != 0) { out.append(tone); tone = 0; }
                if (c == ' ') {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
                } else {
                    out.append(c);
                }
            }
        }
        if (tone != 0) out.append(tone);
        return Normalizer.normalize(out.toString().strip(), Normalizer.Form.NFC);
    }

    /** Lower case, no diacritics at all, đ to d: for search that ignores accents ("nguyen van nen"). */
    public static String fold(String s) {
        String d = Normalizer.normalize(clean(s).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' ? 'd' : c);
        }
        return out.toString();
    }

    /** An ASCII slug for IRIs: "Phan Thiên Định" to "phan-thien-dinh", "06-NQ/TU" to "06-nq-tu". */
    public static String slug(String s) {
        String fast = fastSlug(s);
        if (fast != null) return fast;
        String slug = SLUG_JUNK.matcher(fold(s)).replaceAll("-");
        int start = 0, end = slug.length();
        while (start < end && slug.charAt(start) == '-') start++;
        while (end > start && slug.charAt(end - 1) == '-') end--;
        return slug.substring(start, end);
    }

    /*
     * Each character's part of a slug, from fold() of the character alone with anything but [a-z0-9] as '-'; null
     * where the character's fold may depend on its neighbours (spaces that clean() collapses, case changes that are
     * not one character), which leaves the string to the general path. IRIs are built from names many times per
     * article.
     */
    private static final String[] SLUG_PART = new String[NFC_TABLE];

    static {
        for (int c = 0; c < NFC_TABLE; c++) {
            String one = String.valueOf((char) c);
            if (Character.isSurrogate((char) c) || isSpace((char) c) || Character.isWhitespace(c)) continue;
            if (!one.toLowerCase(Locale.ROOT).equals(String.valueOf(Character.toLowerCase((char) c)))) continue;
            StringBuilder part = new StringBuilder();
            for (char f : fold(one).toCharArray()) part.append(f >= 'a' && f <= 'z' || f >= '0' && f <= '9' ? f : '-');
            SLUG_PART[c] = part.toString();
        }
    }

    private static String fastSlug(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean junk = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String part = c < NFC_TABLE ? SLUG_PART[c] : null;
            if (part == null) {
                if (c != ' ') return null;
                part = "-"; // a single space between words: clean() keeps it, and it is junk in a slug
            }
            for (int k = 0; k < part.length(); k++) {
                char p = part.charAt(k);
                if (p == '-') {
                    junk = true;
                } else {
                    if (junk && b.length() > 0) b.append('-');
                    junk = false;
                    b.append(p);
                }
            }
        }
        return b.toString();
    }

    /** Tone marks: grave, acute, hook above, tilde, dot below. Other diacritics (â, ă, ơ, ư) are letters. */
    private static char toneDigit(char c) {
        switch (c) {
            case '\u0300': return '2';
            case '\u0301': return '1';
            case '\u0309': return '3';
            case '\u0303': return '4';
            case '\u0323': return '5';
            default: return 0;
        }
    }

    /** True when the word starts with an upper-case letter (Vietnamese capitals included). */
    public static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }
}
