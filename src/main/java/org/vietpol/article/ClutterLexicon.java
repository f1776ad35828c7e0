package org.vietpol.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.select.QueryParser;
import org.vietpol.text.VietText;

/**
 * The words and patterns that tell page clutter from article text, read from a tab-separated data file
 * ({@code org/vietpol/lexicon/clutter.tsv}) so that new sites are handled by editing data, not code.
 * Immutable; the file's header documents each rule kind.
 */
public final class ClutterLexicon {
    /** Where {@link #defaults()} reads from. */
    public static final String DEFAULT_RESOURCE = "/org/vietpol/lexicon/clutter.tsv";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final Set<String> lines;
    private final List<String> prefixes;
    private final List<Pattern> patterns;
    private final Set<String> trailers;
    private final List<String> bylineCues;
    private final List<Pattern> credits;
    private final List<Pattern> leadTags;
    private final List<String> timestampPrefixes;
    private final List<Pattern> timestamps;
    private final List<String> htmlArticle;
    private final Set<String> htmlJunk;
    private final List<String> htmlLead;
    private final List<String> htmlLeadMeta;
    private final List<Pattern> mastheads;
    private static final int MAX_MASTHEAD_CHARS = 120;

    private ClutterLexicon(Builder b) {
        lines = Set.copyOf(b.lines);
        prefixes = List.copyOf(b.prefixes);
        patterns = List.copyOf(b.patterns);
        trailers = Set.copyOf(b.trailers);
        bylineCues = List.copyOf(b.bylineCues);
        credits = List.copyOf(b.credits);
        leadTags = List.copyOf(b.leadTags);
        timestampPrefixes = List.copyOf(b.timestampPrefixes);
        timestamps = List.copyOf(b.timestamps);
        htmlArticle = List.copyOf(b.htmlArticle);
        htmlJunk = Set.copyOf(b.htmlJunk);
        htmlLead = List.copyOf(b.htmlLead);
        htmlLeadMeta = List.copyOf(b.htmlLeadMeta);
        mastheads = List.copyOf(b.mastheads);
    }

    /** The lexicon shipped with the project. */
    public static ClutterLexicon defaults() {
        return Default.INSTANCE;
    }

    /** Reads a lexicon in the clutter.tsv format; {@code name} appears in error messages. */
    public static ClutterLexicon parse(Reader reader, String name) throws IOException {
        Builder b = new Builder();
        BufferedReader in = new BufferedReader(reader);
        String row;
        int n = 0;
        while ((row = in.readLine()) != null) {
            n++;
            if (n == 1 && row.startsWith("\uFEFF")) row = row.substring(1);
            if (row.isBlank() || row.stripLeading().startsWith("#")) continue;
            String[] cols = row.split("\t");
            if (cols.length < 2 || cols[1].isBlank()) {
                throw new IllegalArgumentException(name + ":" + n + ": expected KIND<TAB>VALUE, got '" + row + "'");
            }
            try {
                b.add(cols[0].strip(), VietText.nfc(cols[1].strip()));
            } catch (IllegalArgumentException e) { // bad regex or unknown kind
                throw new IllegalArgumentException(name + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return new ClutterLexicon(b);
    }

    // ---- line rules ------------------------------------------------------------------------------------

    /** A line that is page furniture: a button, a label line, an image file name, a bare photo credit. */
    public boolean isClutter(String line) {
        String key = key(line);
        if (lines.contains(key)) return true;
        String lower = VietText.clean(line).toLowerCase(Locale.ROOT);
        for (String p : prefixes) if (startsWithWord(lower, p) || startsWithWord(key, p)) return true;
        for (Pattern p : patterns) if (p.matcher(line).matches()) return true;
        return false;
    }

    /**
     * A line naming the outlet or its publisher ("Báo Bắc Kạn điện tử", "Cơ quan chủ quản: Tỉnh ủy Bắc Kạn"):
     * not article text, but it tells where the article comes from when the text never names its own province.
     */
    public boolean isMasthead(String line) {
        String s = VietText.clean(line);
        if (s.length() > MAX_MASTHEAD_CHARS) return false;
        for (Pattern p : mastheads) if (p.matcher(s).matches()) return true;
        return false;
    }

    /** A heading after which the page holds no more article text ("Tin liên quan", "Check Also"). */
    public boolean isTrailer(String line) {
        return trailers.contains(key(line));
    }

    /** The byline cue the line opens with, or null. */
    public String bylineCue(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String cue : bylineCues) if (startsWithWord(lower, cue)) return cue;
        return null;
    }

    /** The line without photo credits; the caption sentence stays. */
    public String stripCredits(String line) {
        String s = line;
        for (Pattern p : credits) s = p.matcher(s).replaceAll("");
        return s.strip();
    }

    /** Splits a source tag off the start of a lead paragraph: {tag, rest}, or null when there is none. */
    public String[] splitLeadTag(String line) {
        for (Pattern p : leadTags) {
            Matcher m = p.matcher(line);
            if (m.lookingAt() && m.end() < line.length()) {
                String tag = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                return new String[] {tag.strip(), line.substring(m.end()).strip()};
            }
        }
        return null;
    }

    /** The date a dateline line gives ("03/02/2023 2:53:54 CH"), or null when the line is not a dateline. */
    public LocalDate dateline(String line) {
        LocalDate whole = datelineSegment(line);
        if (whole != null || line.indexOf('|') < 0 || line.split("\\s+").length > 16) return whole;
        // a metadata bar: "Báo Tuyên Quang | 09/04/2024 08:05", "12-11-2020 - 14:09 | Thời sự"
        for (String segment : line.split("\\|")) {
            LocalDate d = datelineSegment(segment);
            if (d != null) return d;
        }
        return null;
    }

    private LocalDate datelineSegment(String line) {
        String s = line.strip();
        // the longest label: "Cập nhật ngày:" rather than "Cập nhật"
        String label = "";
        for (String p : timestampPrefixes) {
            if (p.length() > label.length() && startsWithWord(s.toLowerCase(Locale.ROOT), p)) label = p;
        }
        s = s.substring(label.length()).strip();
        for (Pattern p : timestamps) {
            Matcher m = p.matcher(s);
            if (!m.matches()) continue;
            try {
                return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                        Integer.parseInt(m.group("d")));
            } catch (DateTimeException | IllegalArgumentException e) {
                // Not a real date ("31/02/2023"): not a dateline either.
            }
        }
        return null;
    }

    // ---- HTML rules ------------------------------------------------------------------------------------

    /** CSS selectors of elements that hold the article body on known sites. */
    public List<String> htmlArticleSelectors() {
        return htmlArticle;
    }

    /** CSS selectors of the lead paragraph ("sapo") that sites print beside, not inside, the article body. */
    public List<String> htmlLeadSelectors() {
        return htmlLead;
    }

    /** CSS selectors of meta elements whose content is the lead, for pages with no lead block. */
    public List<String> htmlLeadMetaSelectors() {
        return htmlLeadMeta;
    }

    /** True when a class or id names page furniture ("box-tinlienquan", "share"). */
    public boolean isHtmlJunkName(String classOrId) {
        String name = classOrId.toLowerCase(Locale.ROOT);
        if (htmlJunk.contains(name)) return true;
        for (String part : name.split("[-_]+")) if (htmlJunk.contains(part)) return true;
        return false;
    }

    // ---- matching --------------------------------------------------------------------------------------

    /** How whole-line rules compare: lower case, single spaces, no bullet in front, no colon behind. */
    static String key(String line) {
        String s = VietText.clean(line).toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < s.length() && "»•·▸►>*".indexOf(s.charAt(start)) >= 0) start++;
        int end = s.length();
        while (end > start && (s.charAt(end - 1) == ':' || s.charAt(end - 1) == ' ')) end--;
        return s.substring(start, end).strip();
    }

    /** Prefix match that does not cut a word: "Theo" matches "Theo TTXVN" but not "Theodore". */
    private static boolean startsWithWord(String lower, String prefix) {
        if (!lower.startsWith(prefix)) return false;
        if (lower.length() == prefix.length()) return true;
        if (!Character.isLetterOrDigit(prefix.codePointBefore(prefix.length()))) return true;
        return !Character.isLetterOrDigit(lower.codePointAt(prefix.length()));
    }

    private static final class Builder {
        final Set<String> lines = new LinkedHashSet<>();
        final List<String> prefixes = new ArrayList<>();
        final List<Pattern> patterns = new ArrayList<>();
        final Set<String> trailers = new LinkedHashSet<>();
        final List<String> bylineCues = new ArrayList<>();
        final List<Pattern> credits = new ArrayList<>();
        final List<Pattern> leadTags = new ArrayList<>();
        final List<String> timestampPrefixes = new ArrayList<>();
        final List<Pattern> timestamps = new ArrayList<>();
        final List<String> htmlArticle = new ArrayList<>();
        final Set<String> htmlJunk = new LinkedHashSet<>();
        final List<String> htmlLead = new ArrayList<>();
        final List<String> htmlLeadMeta = new ArrayList<>();
        final List<Pattern> mastheads = new ArrayList<>();

        void add(String kind, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            switch (kind) {
                case "line" -> lines.add(key(value));
                case "prefix" -> prefixes.add(lower);
                case "pattern" -> patterns.add(Pattern.compile(value, FLAGS));
                case "trailer" -> trailers.add(key(value));
                case "byline-cue" -> bylineCues.add(lower);
                case "credit" -> credits.add(Pattern.compile(value, FLAGS));
                case "lead-tag" -> leadTags.add(Pattern.compile(value, FLAGS));
                case "timestamp-prefix" -> timestampPrefixes.add(lower);
                case "timestamp" -> timestamps.add(timestamp(value));
                case "html-article" -> htmlArticle.add(selector(value));
                case "html-junk" -> htmlJunk.add(lower);
                case "html-lead" -> htmlLead.add(selector(value));
                case "html-lead-meta" -> htmlLeadMeta.add(selector(value));
                case "masthead" -> mastheads.add(Pattern.compile(value, FLAGS));
                default -> throw new IllegalArgumentException("unknown rule kind '" + kind + "'");
            }
        }

        /** Fails on load, not on the first page, when a selector is mistyped. */
        private static String selector(String css) {
            try {
                QueryParser.parse(css);
                return css;
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("bad CSS selector '" + css + "': " + e.getMessage(), e);
            }
        }

        private static Pattern timestamp(String regex) {
            Pattern p = Pattern.compile(regex, FLAGS);
            for (String group : List.of("(?<d>", "(?<m>", "(?<y>")) {
                if (!regex.contains(group)) {
                    throw new IllegalArgumentException("timestamp pattern lacks the named group " + group + "...)");
                }
            }
            return p;
        }
    }

    /** Loaded on first use, once: the file does not change while the program runs. */
    private static final class Default {
        static final ClutterLexicon INSTANCE = load();

        private static ClutterLexicon load() {
            InputStream in = ClutterLexicon.class.getResourceAsStream(DEFAULT_RESOURCE);
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(r, DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
