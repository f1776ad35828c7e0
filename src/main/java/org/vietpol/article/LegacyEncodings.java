package org.vietpol.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vietpol.text.VietText;

/**
 * Vietnamese text saved in the encodings that came before Unicode: Windows-1258 (tone marks as combining
 * characters), TCVN3 ("ABC") and VNI (font encodings that put Vietnamese letters on Latin-1 codes). A file that is
 * not UTF-8 is decoded in each; the one whose words read as Vietnamese syllables ({@link VietSyllables}) wins,
 * if it does so clearly. The TCVN3 and VNI tables are data files next to this class.
 */
final class LegacyEncodings {
    static final String WINDOWS_1258 = "Windows-1258";
    static final String TCVN3 = "TCVN3";
    static final String VNI = "VNI";

    /** The winner's words must be at least this share of syllables ... */
    static final double ACCEPT = 0.75;
    /** ... and this far ahead of the next reading. */
    static final double MARGIN = 0.2;
    /** Below this share no reading looks Vietnamese: the file is simply not UTF-8. */
    static final double LOOKS = 0.5;
    /** Fewer words than this decide nothing. */
    static final int MIN_WORDS = 3;
    /** How much of a file is scored; decoding covers it all. */
    private static final int SAMPLE = 256 * 1024;

    private LegacyEncodings() {}

    /**
     * What a file that is not UTF-8 most likely is: {@code encoding} and {@code text} when one reading wins
     * clearly; else {@code lookalike} names the best reading when it looks Vietnamese without being sure, and all
     * are null when nothing does. {@code share} is the best reading's share of syllables.
     */
    record Guess(String encoding, String text, String lookalike, double share) {
        static final Guess NONE = new Guess(null, null, null, 0);
    }

    /** Guesses the encoding of the whole of {@code bytes}, scoring a sample. */
    static Guess guess(byte[] bytes) {
        return guess(bytes, bytes);
    }

    /**
     * Scores the readings of {@code sample} (for a page: its text without markup) and decodes {@code bytes} with
     * the winner.
     */
    static Guess guess(byte[] sample, byte[] bytes) {
        int n = Math.min(sample.length, SAMPLE);
        record Reading(String encoding, VietSyllables.Score score) {}
        List<Reading> readings = new ArrayList<>();
        for (String enc : List.of(WINDOWS_1258, TCVN3, VNI)) {
            readings.add(new Reading(enc, VietSyllables.score(decode(enc, sample, 0, n))));
        }
        readings.sort(Comparator.comparingDouble((Reading r) -> r.score().share()).reversed());
        Reading best = readings.get(0), next = readings.get(1);
        double share = best.score().share();
        if (best.score().words() >= MIN_WORDS && share >= ACCEPT && share - next.score().share() >= MARGIN) {
            return new Guess(best.encoding(), decode(best.encoding(), bytes, 0, bytes.length), null, share);
        }
        if (share >= LOOKS) {
            String like = next.score().share() >= LOOKS ? best.encoding() + " or " + next.encoding() : best.encoding();
            return new Guess(null, null, like, share);
        }
        return new Guess(null, null, null, share);
    }

    /** The text of {@code len} bytes at {@code off} read in {@code encoding}, in NFC. */
    static String decode(String encoding, byte[] b, int off, int len) {
        return switch (encoding) {
            case WINDOWS_1258 -> VietText.nfc(new String(b, off, len, Tables.WINDOWS_1258));
            case TCVN3 -> Tables.TCVN3.decode(b, off, len);
            case VNI -> Tables.VNI.decode(b, off, len);
            default -> throw new IllegalArgumentException("unknown encoding " + encoding);
        };
    }

    /** A font encoding: one-byte letters and two-byte sequences (base letter and mark); other bytes as Windows-1252. */
    static final class FontTable {
        private static final char[] CP1252 = cp1252();
        private final String[] single = new String[256];
        private final Map<Integer, String> pairs = new HashMap<>();

        /** Reads rows of hex bytes (one or two), a tab, and the letter; '#' starts a comment line. */
        static FontTable load(String resource) {
            InputStream in = LegacyEncodings.class.getResourceAsStream(resource);
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            FontTable t = new FontTable();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String row;
                int n = 0;
                while ((row = r.readLine()) != null) {
                    n++;
                    if (row.isBlank() || row.startsWith("#")) continue;
                    String[] cols = row.split("\t");
                    String[] hex = cols[0].strip().split(" ");
                    if (cols.length != 2 || hex.length > 2 || cols[1].isEmpty()) {
                        throw new IllegalStateException(resource + ":" + n + ": expected BYTES<TAB>LETTER");
                    }
                    String letter = VietText.nfc(cols[1].strip());
                    if (hex.length == 1) t.single[Integer.parseInt(hex[0], 16)] = letter;
                    else t.pairs.put(Integer.parseInt(hex[0], 16) << 8 | Integer.parseInt(hex[1], 16), letter);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return t;
        }

        String decode(byte[] b, int off, int len) {
            StringBuilder out = new StringBuilder(len);
            int end = off + len;
            for (int i = off; i < end; i++) {
                int c = b[i] & 0xFF;
                if (i + 1 < end) {
                    String pair = pairs.get(c << 8 | (b[i + 1] & 0xFF));
                    if (pair != null) {
                        out.append(pair);
                        i++;
                        continue;
                    }
                }
                if (single[c] != null) out.append(single[c]);
                else out.append(CP1252[c]);
            }
            return VietText.nfc(out.toString());
        }

        /** Windows-1252, with its five unassigned codes read as Latin-1. */
        private static char[] cp1252() {
            char[] t = new char[256];
            Charset cs = Charset.forName("windows-1252");
            for (int i = 0; i < 256; i++) {
                String s = new String(new byte[] {(byte) i}, cs);
                t[i] = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) i;
            }
            return t;
        }
    }

    private static final class Tables {
        static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
        static final FontTable TCVN3 = FontTable.load("/org/vietpol/article/tcvn3.tsv");
        static final FontTable VNI = FontTable.load("/org/vietpol/article/vni.tsv");
    }
}
