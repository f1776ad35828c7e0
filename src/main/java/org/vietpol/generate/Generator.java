package org.vietpol.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Unit;

/**
 * Writes synthetic political news articles with their gold files: scenarios of templates.txt filled with
 * officials of a {@link Population}. The same seed gives the same articles, byte for byte.
 */
public final class Generator {
    private final long seed;
    private final Templates templates;
    private final Names names;
    private final Population population;
    private final int totalWeight;

    private Generator(long seed) {
        this.seed = seed;
        this.templates = Templates.load();
        this.names = Names.load();
        this.population = Population.create(seed, Gazetteer.load(), names, templates);
        int w = 0;
        for (Templates.Scenario s : templates.scenarios) w += s.weight();
        this.totalWeight = w;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long seed = 1;

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Generator build() {
            return new Generator(seed);
        }
    }

    public Population population() {
        return population;
    }

    /** Writes articles 000001 .. n (every tenth as a saved HTML page). */
    public void generate(int n, ArticleWriter out) throws IOException {
        SplittableRandom master = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        for (int i = 1; i <= n; i++) out.write(article(master.split(), id(i), i % 10 == 0));
    }

    private static String id(int i) {
        String s = Integer.toString(i);
        return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
    }

    private GeneratedArticle article(SplittableRandom r, String id, boolean html) {
        Templates.Scenario sc = scenario(r);
        List<Unit> ps = population.provinces();
        Unit province = ps.get(r.nextInt(ps.size()));
        Unit focus = province;
        if (sc.level().equals("district")) {
            List<Unit> ds = population.districts(province.id());
            focus = ds.get(r.nextInt(ds.size()));
        }
        LocalDate to = sc.to();
        if (province.validTo() != null && province.validTo().isBefore(to)) to = province.validTo();
        LocalDate pub = sc.from().plusDays(r.nextInt((int) (to.toEpochDay() - sc.from().toEpochDay()) + 1));
        if (pub.getDayOfYear() <= 20) pub = pub.plusDays(20);
        Story s = new Story(templates, population, names, r, focus, province, pub);
        Page page = new Page();
        List<Templates.Item> items = sc.items();
        page.headline = s.section(items.get(0).section());
        if (r.nextInt(10) < 3) page.before = s.section("top");
        page.stamp = s.section("stamp");
        for (int k = r.nextInt(3); k > 0; k--) page.top.add(s.section("top"));
        for (Templates.Item it : items.subList(1, items.size())) {
            if (it.p() < 1 && r.nextDouble() >= it.p()) continue;
            int count = it.min() + r.nextInt(it.max() - it.min() + 1);
            for (int k = 0; k < count; k++) page.add(s.section(it.section()), it.section().startsWith("caption"));
        }
        page.byline = s.section("byline");
        if (r.nextBoolean()) page.bottom.add(s.section("bottom"));
        page.relatedHead = s.section("related.head");
        String bullet = new String[] {"", "- ", "› ", "• "}[r.nextInt(4)];
        for (int k = 0; k < 3; k++) page.related.add(bullet + s.section("related"));
        page.relatedAt = r.nextInt(10) < 3 ? page.body.size() / 2 : -1;
        page.blank = r.nextInt(10) < 6;
        s.finish();
        Facts f = s.facts;
        String content = html ? page.html(pub, s.hour, s.minute) : page.text();
        return new GeneratedArticle(id, html ? "html" : "txt", content, f.json(id, focus.name()), f.officials(),
                f.meetingCount(), f.documentCount());
    }

    private Templates.Scenario scenario(SplittableRandom r) {
        int k = r.nextInt(totalWeight);
        for (Templates.Scenario s : templates.scenarios) {
            if (k < s.weight()) return s;
            k -= s.weight();
        }
        throw new IllegalStateException("no scenario");
    }

    /** The parts of a page, written as plain text or as a small saved HTML page. */
    static final class Page {
        String headline, before, stamp, byline, relatedHead;
        final List<String> top = new ArrayList<>(), bottom = new ArrayList<>(), related = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<Boolean> caption = new ArrayList<>();
        int relatedAt;
        boolean blank;

        void add(String paragraph, boolean isCaption) {
            body.add(paragraph);
            caption.add(isCaption);
        }

        String text() {
            StringBuilder sb = new StringBuilder(8192);
            sb.append(headline).append('\n');
            if (before != null) sb.append(before).append('\n');
            sb.append(stamp).append('\n');
            for (String t : top) sb.append(t).append('\n');
            for (int i = 0; i < body.size(); i++) {
                boolean afterBox = i == relatedAt;
                if (afterBox) relatedBlock(sb.append('\n'));
                sb.append(blank || i == 0 || afterBox ? "\n" : "").append(body.get(i)).append('\n');
            }
            sb.append('\n').append(byline).append('\n');
            for (String b : bottom) sb.append('\n').append(b).append('\n');
            if (relatedAt < 0) relatedBlock(sb.append('\n'));
            return sb.toString();
        }

        private void relatedBlock(StringBuilder sb) {
            sb.append(relatedHead).append('\n');
            for (String r : related) sb.append(r).append('\n');
        }

        String html(LocalDate pub, int hour, int minute) {
            StringBuilder sb = new StringBuilder(12288);
            sb.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(esc(headline)).append("</title>\n<meta property=\"article:published_time\" content=\"")
                    .append(pub).append(String.format("T%02d:%02d:00+07:00", hour, minute)).append("\">\n</head>\n<body>\n");
            sb.append("<div class=\"toolbar\">");
            if (before != null) sb.append("<span>").append(esc(before)).append("</span> ");
            for (String t : top) sb.append("<span>").append(esc(t)).append("</span> ");
            sb.append("</div>\n<h1 class=\"title\">").append(esc(headline)).append("</h1>\n<div class=\"date\">")
                    .append(esc(stamp)).append("</div>\n<div class=\"detail-content\">\n");
            for (int i = 0; i < body.size(); i++) {
                for (String para : body.get(i).split("\n")) {
                    if (caption.get(i)) sb.append("<figure><figcaption>").append(esc(para)).append("</figcaption></figure>\n");
                    else sb.append("<p>").append(esc(para)).append("</p>\n");
                }
            }
            sb.append("<p class=\"author\">").append(esc(byline)).append("</p>\n</div>\n<div class=\"related\"><h3>")
                    .append(esc(relatedHead)).append("</h3><ul>");
            for (String r : related) sb.append("<li>").append(esc(r.startsWith("- ") || r.startsWith("› ") || r.startsWith("• ") ? r.substring(2) : r)).append("</li>");
            sb.append("</ul></div>\n<div class=\"share\">");
            for (String b : bottom) sb.append(esc(b));
            return sb.append("</div>\n</body>\n</html>\n").toString();
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
