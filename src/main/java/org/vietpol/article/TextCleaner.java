package org.vietpol.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.vietpol.text.VietText;

/**
 * Turns text copied from a news page into article text: one paragraph a line, the headline first, page
 * clutter, datelines, photo credits, repeated captions and trailing bylines taken out. Every word it looks
 * for comes from a {@link ClutterLexicon}; this class only holds the order of the steps. Immutable.
 */
public final class TextCleaner {
    /** Bylines sit in the last few lines; more than this many short lines in a row are content. */
    private static final int MAX_BYLINE_LINES = 4;

    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile(" +(?=[.,;:!?…])");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ClutterLexicon lexicon;
    private final BylineRule bylineRule;

    private TextCleaner(ClutterLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.bylineRule = new BylineRule(lexicon);
    }

    /** A cleaner with the project's own lexicon. */
    public static TextCleaner defaults() {
        return Default.INSTANCE;
    }

    public static TextCleaner of(ClutterLexicon lexicon) {
        return new TextCleaner(lexicon);
    }

    public ClutterLexicon lexicon() {
        return lexicon;
    }

    /** The date a dateline ("Thứ Sáu, 03/02/2023 14:53") gives, or null if the string is not one. */
    public LocalDate dateline(String s) {
        return lexicon.dateline(VietText.clean(s));
    }

    /** A line of running text rather than a headline: long, or a sentence ending in a full stop. */
    private static boolean isParagraph(String line) {
        int words = line.split("\\s+").length;
        return words >= 25 || words >= 12 && (line.endsWith(".") || line.endsWith("\""));
    }

    public CleanText clean(String raw) {
        List<String> content = new ArrayList<>();
        LocalDate published = null;
        boolean inBox = false;
        List<String> mastheads = new ArrayList<>();
        for (String line : paragraphs(raw)) {
            LocalDate date = lexicon.dateline(line);
            if (lexicon.isMasthead(line)) {
                // the outlet's name, wherever the page prints it: a source note, not text; a metadata bar
                // opening with it ("Báo Lào Cai điện tử | Thời sự | 31/3/2025") still dates the article
                if (!mastheads.contains(line)) mastheads.add(line);
                if (published == null) published = date;
                continue;
            }
            if (lexicon.isTrailer(line)) {
                // "Tin liên quan" and the like: a box of headlines, often in the middle of the article; what
                // follows is skipped until a real paragraph comes back (or nothing does: the page's tail)
                inBox = content.size() >= 2;
                continue;
            }
            if (inBox) {
                if (!isParagraph(line)) continue;
                inBox = false;
            }
            if (date != null) {
                if (published == null) published = date;
                continue;
            }
            if (lexicon.isClutter(line)) continue;
            String stripped = lexicon.stripCredits(line);
            boolean credit = !stripped.equals(line);
            String text = credit ? tidy(stripped) : line;
            if (!hasWord(text) || (credit && lexicon.isClutter(text))) continue;
            // A photo's caption often comes twice (alt text, then caption). Only exact repeats go: two captions
            // sharing most words may name two different people ("Đồng chí A phát biểu", "Đồng chí B phát biểu").
            if (!content.isEmpty() && sameLine(content.get(content.size() - 1), text)) continue;
            content.add(text);
        }
        List<String> bylines = new ArrayList<>();
        takeLeadNotes(content, bylines);
        takeTrailingBylines(content, bylines);
        bylines.addAll(mastheads);
        String headline = content.isEmpty() ? "" : content.get(0);
        return new CleanText(String.join("\n", content), headline, published, bylines);
    }

    /** Source notes above the text: a "(BKTO) - " tag opening the lead, a "Theo ..." line under the headline. */
    private void takeLeadNotes(List<String> content, List<String> bylines) {
        if (content.size() > 2 && bylineRule.isCueByline(content.get(1))) {
            bylines.add(content.remove(1));
        }
        if (content.size() > 1) {
            String[] tag = lexicon.splitLeadTag(content.get(1));
            if (tag != null) {
                bylines.add(tag[0]);
                content.set(1, tag[1]);
            }
        }
    }

    /** Moves bylines off the end, keeping the headline and at least one line of text. */
    private void takeTrailingBylines(List<String> content, List<String> bylines) {
        List<String> found = new ArrayList<>();
        while (content.size() > 2 && found.size() < MAX_BYLINE_LINES
                && bylineRule.isByline(content.get(content.size() - 1))) {
            found.add(0, content.remove(content.size() - 1));
        }
        bylines.addAll(found);
    }

    /** Normalised paragraphs: NFC, no control or invisible characters, ordinary spaces, no empty lines. */
    static List<String> paragraphs(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') continue;
                b.append('\n');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f' || c == '\u0085') {
                b.append('\n');
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                b.append(' ');
            } else if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                // NUL, BOM, zero-width and soft-hyphen characters: invisible, and they break matching.
            } else {
                b.append(c);
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : VietText.nfc(b.toString()).split("\n")) {
            String t = SPACE_RUN.matcher(line).replaceAll(" ").strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Closes the gap a cut credit leaves ("hội nghị ."). */
    private static String tidy(String s) {
        return SPACE_BEFORE_PUNCT.matcher(SPACE_RUN.matcher(s).replaceAll(" ")).replaceAll("").strip();
    }

    private static boolean hasWord(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Equal but for case, spacing and final punctuation. */
    private static boolean sameLine(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    private static String comparable(String s) {
        return NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static final class Default {
        static final TextCleaner INSTANCE = new TextCleaner(ClutterLexicon.defaults());
    }
}
