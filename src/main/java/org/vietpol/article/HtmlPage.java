package org.vietpol.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.vietpol.text.VietText;

/**
 * What a saved news page says about its article: title, address, date, and the lines of the element that
 * holds the story (the one with most paragraph text), without menus, scripts and share bars.
 *
 * @param title     og:title, else the page's main h1, else its title element; null if none
 * @param url       canonical link or og:url, else null
 * @param published the ISO date of article:published_time or a time element, else null
 * @param datelines short texts of date-like elements, for when no machine-readable date is given
 * @param lines     the article body, one block a line
 * @param masthead  texts that may name the outlet: og:site_name, the parts of the title element, the lines of
 *                  header and footer elements (the cleaner keeps those its masthead rules accept)
 */
record HtmlPage(String title, String url, LocalDate published, List<String> datelines, List<String> lines,
                List<String> masthead) {
    /** Never article text, wherever they are. */
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, svg, canvas, nav, header, "
            + "footer, aside, button, select, input, textarea, object, embed, video, audio, img, picture, "
            + "map, dialog";
    /** Blocks whose class or id may mark them as furniture; inline elements are left, to keep sentences whole. */
    private static final String BLOCKS = "div, section, ul, ol, table, dl";
    private static final String DATE_META = "meta[property=article:published_time], meta[itemprop=datePublished], "
            + "meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name=dc.date.issued], "
            + "meta[property=og:published_time]";
    private static final Set<String> BREAKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "figure", "figcaption", "blockquote", "section", "article", "main", "table",
            "tr", "td", "th", "caption", "pre", "address", "hr", "br", "center", "details", "summary");
    private static final Pattern ISO_DATE = Pattern.compile("^\\s*(\\d{4})-(\\d{2})-(\\d{2})");
    /** Known article containers must hold at least this share of the page's paragraph text. */
    private static final double KNOWN_SHARE = 0.5;
    /** A container holding this share of its best known rival's text is preferred when it is tighter. */
    private static final double NEAR_BEST = 0.9;
    /** Walking down from body, a child holding this share of its parent's paragraph text is the story. */
    private static final double DESCEND_SHARE = 0.8;
    private static final int MAX_DATELINE_CHARS = 100;
    /** Shorter blocks are labels ("Thời sự"), not a lead. */
    private static final int MIN_LEAD_CHARS = 40;
    /** A line of at least this many words is running text, not a label, source note or dateline. */
    private static final int PARAGRAPH_WORDS = 12;
    /** How far into the body's lines a repeated headline is looked for. */
    private static final int HEADLINE_WITHIN = 5;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    HtmlPage {
        datelines = List.copyOf(datelines);
        lines = List.copyOf(lines);
        masthead = List.copyOf(masthead);
    }

    /** Reads the page; the document is pruned in place. */
    static HtmlPage of(Document doc, ClutterLexicon lexicon) {
        String title = title(doc);
        String url = url(doc);
        List<String> datelines = new ArrayList<>();
        LocalDate published = published(doc, datelines);
        List<String> masthead = masthead(doc);
        Element body = doc.body();
        body.select(NOT_TEXT).remove();
        removeForms(body);
        removeFurniture(body, lexicon);
        Element container = container(body, lexicon);
        return new HtmlPage(title, url, published, datelines, withLead(doc, body, container, title, lexicon), masthead);
    }

    private static List<String> masthead(Document doc) {
        List<String> out = new ArrayList<>(doc.select("meta[property=og:site_name]").eachAttr("content"));
        for (String part : doc.title().split(" [-|–—] ")) out.add(part);
        for (Element e : doc.select("header, footer")) {
            for (String line : e.wholeText().split("\\n")) if (!line.isBlank()) out.add(line);
            for (Element block : e.select("p, div, span, li, strong, b, a")) if (block.childrenSize() == 0) out.add(block.text());
        }
        return out.stream().map(VietText::clean).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /**
     * The body's lines with the lead put after the headline: most sites print the lead ("sapo") between the
     * headline and the body, outside the element holding the body; a page with no lead block may give it in its
     * meta description. A lead the body already says is not repeated.
     */
    private static List<String> withLead(Document doc, Element body, Element container, String title,
                                         ClutterLexicon lexicon) {
        List<String> text = lines(container);
        Element block = leadBlock(body, container, lexicon);
        List<String> lead;
        if (block == null) {
            lead = metaLead(doc, lexicon);
        } else if (block == container || isAncestor(container, block)) {
            return text; // read with the body already
        } else {
            lead = lines(block);
        }
        String said = comparable(String.join(" ", text));
        List<String> kept = new ArrayList<>();
        for (String l : lead) {
            String c = comparable(l);
            if (c.isEmpty() || title != null && c.equals(comparable(title)) || said.contains(c)
                    || said.contains(c.replaceFirst(" \\S+$", ""))) { // a description cut short mid-word
                continue;
            }
            kept.add(l);
        }
        if (kept.isEmpty()) return text;
        // after the headline when the body element opens with it (under a section label, say)
        int at = 0;
        for (int i = 0; title != null && i < Math.min(text.size(), HEADLINE_WITHIN); i++) {
            if (comparable(text.get(i)).equals(comparable(title))) at = i + 1;
        }
        // and after the short lines under it (a source note, a dateline), before the first paragraph
        for (int limit = Math.min(text.size(), at + HEADLINE_WITHIN); at < limit; at++) {
            if (text.get(at).split("\\s+").length >= PARAGRAPH_WORDS) break;
        }
        if (at == text.size()) at = 0;
        List<String> out = new ArrayList<>(text.subList(0, at));
        out.addAll(kept);
        out.addAll(text.subList(at, text.size()));
        return out;
    }

    /**
     * The page's lead block: the first lead element after the headline (the page's h1, when it stands before the
     * body) that is not inside the body, else the last one before the body; one inside the body is returned as
     * it is (it needs nothing). Teasers of other articles are not leads: they sit in list items or links, or
     * before the headline, or after the body.
     */
    private static Element leadBlock(Element body, Element container, ClutterLexicon lexicon) {
        List<Element> candidates = new ArrayList<>();
        for (String css : lexicon.htmlLeadSelectors()) {
            for (Element e : body.select(css)) if (isLead(e)) candidates.add(e);
        }
        if (candidates.isEmpty()) return null;
        for (Element e : candidates) if (e == container || isAncestor(container, e)) return e;
        Map<Element, Integer> order = documentOrder(body);
        int bodyAt = order.get(container);
        int headlineAt = -1;
        for (Element h : body.select("h1")) {
            int at = order.get(h);
            if (at < bodyAt && !isAncestor(container, h) && !h.text().isBlank()) headlineAt = Math.max(headlineAt, at);
        }
        Element best = null;
        for (Element e : candidates) {
            int at = order.get(e);
            if (at >= bodyAt || isAncestor(e, container)) continue; // after the body, or wrapping it
            if (headlineAt >= 0 ? at > headlineAt && (best == null || at < order.get(best))
                    : best == null || at > order.get(best)) {
                best = e;
            }
        }
        return best;
    }

    /** Enough text to be a lead, and not a teaser: not in a list item, a link or a figure, not mostly links. */
    private static boolean isLead(Element e) {
        String text = e.text().strip();
        if (text.length() < MIN_LEAD_CHARS) return false;
        for (Element p = e; p != null; p = p.parent()) {
            String n = p.normalName();
            if (n.equals("li") || n.equals("a") || n.equals("figure") || n.equals("figcaption")) return false;
        }
        int linked = 0;
        for (Element a : e.select("a")) linked += a.text().length();
        return linked * 2 < text.length();
    }

    /** The meta description, when it is more than a few words. */
    private static List<String> metaLead(Document doc, ClutterLexicon lexicon) {
        for (String css : lexicon.htmlLeadMetaSelectors()) {
            for (String v : doc.select(css).eachAttr("content")) {
                String t = VietText.clean(v);
                if (t.length() >= MIN_LEAD_CHARS) return List.of(t);
            }
        }
        return List.of();
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    private static Map<Element, Integer> documentOrder(Element root) {
        Map<Element, Integer> order = new IdentityHashMap<>();
        for (Element e : root.getAllElements()) order.put(e, order.size());
        return order;
    }

    /** Lower case words only, so that a lead the body repeats is found whatever its punctuation. */
    private static String comparable(String s) {
        return NON_WORD.matcher(VietText.clean(s).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String title(Document doc) {
        String og = VietText.clean(doc.select("meta[property=og:title], meta[name=og:title], meta[name=twitter:title]")
                .eachAttr("content").stream().filter(s -> !s.isBlank()).findFirst().orElse(""));
        String h1 = "";
        for (Element e : doc.select("h1")) {
            String t = VietText.clean(e.text());
            if (t.length() > h1.length()) h1 = t; // a site logo in an h1 is shorter than the headline
        }
        if (!og.isEmpty()) {
            // og:title often carries the site name: "Headline - Báo X"; the h1 has the headline alone.
            return !h1.isEmpty() && og.length() > h1.length() && og.startsWith(h1) ? h1 : og;
        }
        if (!h1.isEmpty()) return h1;
        String t = VietText.clean(doc.title());
        int bar = t.indexOf(" | ");
        t = bar > 0 ? t.substring(0, bar) : t;
        return t.isEmpty() ? null : t;
    }

    private static String url(Document doc) {
        String canonical = doc.select("link[rel=canonical]").attr("href").strip();
        String og = doc.select("meta[property=og:url]").attr("content").strip();
        if (canonical.startsWith("http")) return canonical;
        if (og.startsWith("http")) return og;
        return !canonical.isEmpty() ? canonical : og.isEmpty() ? null : og;
    }

    private static LocalDate published(Document doc, List<String> datelines) {
        List<String> values = new ArrayList<>(doc.select(DATE_META).eachAttr("content"));
        values.addAll(doc.select("time[datetime], [itemprop=datePublished][datetime]").eachAttr("datetime"));
        LocalDate date = null;
        for (String v : values) {
            date = isoDate(v);
            if (date != null) break;
            datelines.add(v); // "03/02/2023 14:53" in a meta: a dateline for the cleaner
        }
        for (Element e : doc.select("time, [class*=date], [class*=time], [itemprop=datePublished]")) {
            String t = VietText.clean(e.text());
            if (!t.isEmpty() && t.length() <= MAX_DATELINE_CHARS) datelines.add(t);
        }
        return date;
    }

    private static LocalDate isoDate(String s) {
        Matcher m = ISO_DATE.matcher(s);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Search and login forms go, but not a form wrapping the whole page, as ASP.NET portals (many provincial
     * sites) do: that one holds the article.
     */
    private static void removeForms(Element body) {
        Map<Element, Integer> text = paragraphText(body);
        int total = text.getOrDefault(body, 0);
        for (Element f : body.select("form")) {
            if (f.parent() != null && (total == 0 || text.getOrDefault(f, 0) < KNOWN_SHARE * total)) f.remove();
        }
    }

    /** Removes share bars, related-news boxes and the like, but never a block holding most of the text. */
    private static void removeFurniture(Element body, ClutterLexicon lexicon) {
        Map<Element, Integer> text = paragraphText(body);
        int total = text.getOrDefault(body, 0);
        for (Element e : body.select(BLOCKS)) {
            if (e.parent() == null || !isFurniture(e, lexicon)) continue;
            if (total > 0 && text.getOrDefault(e, 0) >= KNOWN_SHARE * total) continue; // a wrapper: "has-sidebar"
            e.remove();
        }
    }

    private static boolean isFurniture(Element e, ClutterLexicon lexicon) {
        if (!e.id().isEmpty() && lexicon.isHtmlJunkName(e.id())) return true;
        for (String c : e.classNames()) if (lexicon.isHtmlJunkName(c)) return true;
        return false;
    }

    /** The element holding the story: a known container if one holds most of the text, else the tightest. */
    private static Element container(Element body, ClutterLexicon lexicon) {
        Map<Element, Integer> text = paragraphText(body);
        int total = text.getOrDefault(body, 0);
        if (total == 0) return body;
        List<Element> known = new ArrayList<>();
        int best = 0;
        for (String css : lexicon.htmlArticleSelectors()) {
            for (Element e : body.select(css)) {
                int t = text.getOrDefault(e, 0);
                if (t >= KNOWN_SHARE * total) {
                    known.add(e);
                    best = Math.max(best, t);
                }
            }
        }
        Element chosen = null;
        for (Element e : known) {
            if (text.get(e) >= NEAR_BEST * best && (chosen == null || depth(e) > depth(chosen))) chosen = e;
        }
        if (chosen != null) return chosen;
        Element e = body;
        while (true) {
            Element next = null;
            for (Element c : e.children()) {
                if (next == null || text.getOrDefault(c, 0) > text.getOrDefault(next, 0)) next = c;
            }
            if (next == null || text.getOrDefault(next, 0) < DESCEND_SHARE * text.getOrDefault(e, 0)) return e;
            e = next;
        }
    }

    private static int depth(Element e) {
        int d = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) d++;
        return d;
    }

    /** Characters of paragraph text under each element. */
    private static Map<Element, Integer> paragraphText(Element root) {
        Map<Element, Integer> text = new IdentityHashMap<>();
        for (Element p : root.select("p")) {
            int n = p.text().length();
            for (Element e = p; e != null; e = e.parent()) {
                text.merge(e, n, Integer::sum);
                if (e == root) break;
            }
        }
        return text;
    }

    /** The element's text, a line per block (paragraph, heading, list item, caption, line break). */
    private static List<String> lines(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) line.append(t.getWholeText());
                else if (node instanceof Element e && BREAKS.contains(e.normalName())) flush(line, out);
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BREAKS.contains(e.normalName())) flush(line, out);
            }
        });
        flush(line, out);
        return out;
    }

    private static void flush(StringBuilder line, List<String> out) {
        String s = line.toString().replaceAll("\\s+", " ").strip();
        if (!s.isEmpty()) out.add(s);
        line.setLength(0);
    }
}
