package org.vietpol.article;

import java.util.regex.Pattern;

import org.vietpol.text.VietText;

/**
 * Decides whether a line at the edge of an article is a byline or source note rather than content. Errs on
 * the side of keeping text: a line that reads as a sentence is never a byline.
 */
final class BylineRule {
    /** "Mạnh Trường", "Anh Thuần - Văn phòng Thành ủy Huế": short, and no sentence ends in it. */
    private static final int MAX_LINE_WORDS = 8;
    /** The person part of a byline: a Vietnamese full name has two to five syllables. */
    private static final int MAX_NAME_WORDS = 5;
    /** What follows a cue ("Theo", "Nguồn:") names a source, not a clause. */
    private static final int MAX_SOURCE_WORDS = 12;
    /** "Theo TTXVN." may end in a full stop; a longer line that does is a sentence. */
    private static final int MAX_SOURCE_WORDS_WITH_STOP = 6;

    private static final Pattern NAME_END = Pattern.compile("\\s+[-–—]\\s+|\\s*/\\s*|\\s*\\(|\\s*,\\s*");
    private static final Pattern CUE_PUNCT = Pattern.compile("^[\\s:,.\\-–—]+");
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}-]+\\.(?:vn|com|net|org|gov|info)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ClutterLexicon lexicon;

    BylineRule(ClutterLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A line opening with a byline cue whose rest names a source ("Bài, ảnh: Thanh Hương", "Theo TTXVN"). */
    boolean isCueByline(String line) {
        String cue = lexicon.bylineCue(line);
        if (cue == null) return false;
        String rest = CUE_PUNCT.matcher(line.substring(cue.length())).replaceFirst("");
        if (rest.isEmpty()) return true;
        int words = words(rest);
        if (words > MAX_SOURCE_WORDS) return false;
        if (!VietText.isCapitalised(rest) && !Character.isDigit(rest.codePointAt(0)) && !DOMAIN.matcher(rest).find()) {
            return false; // "Theo kế hoạch, ..." is a sentence
        }
        return !endsSentence(rest) || (words <= MAX_SOURCE_WORDS_WITH_STOP && !rest.contains(","));
    }

    /** A byline cue line, or a short line naming only a person, possibly with an organisation after a dash. */
    boolean isByline(String line) {
        if (isCueByline(line)) return true;
        if (words(line) > MAX_LINE_WORDS || endsSentence(line)) return false;
        String name = NAME_END.split(line, 2)[0].strip();
        String[] parts = name.split(" ");
        if (name.isEmpty() || parts.length > MAX_NAME_WORDS) return false;
        for (String p : parts) if (!VietText.isCapitalised(p)) return false;
        return true;
    }

    /** Words with a letter or digit in them (a dash between name and office is not a word). */
    static int words(String s) {
        int n = 0;
        for (String w : s.strip().split("\\s+")) {
            if (w.codePoints().anyMatch(Character::isLetterOrDigit)) n++;
        }
        return n;
    }

    /** Ends with sentence punctuation, looking through closing quotes and brackets. */
    static boolean endsSentence(String s) {
        int end = s.length();
        while (end > 0 && "”\"’')]»".indexOf(s.charAt(end - 1)) >= 0) end--;
        return end > 0 && ".!?…;:".indexOf(s.charAt(end - 1)) >= 0;
    }
}
