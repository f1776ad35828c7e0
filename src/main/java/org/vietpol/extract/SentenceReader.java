package org.vietpol.extract;

import java.util.ArrayList;
import java.util.List;
import org.vietpol.text.VietText;

/**
 * Reads one sentence into items (titles, person names, bodies) and ties titles to names:
 * <ul>
 *   <li>a title chain right before a name: "Bí thư Thành ủy Hà Nội Đinh Tiến Dũng";</li>
 *   <li>a name, then a dash, comma or parenthesis, then a chain: "đồng chí X - UVTV Tỉnh ủy, Bí thư Thành ủy",
 *       "Đồng chí X, Phó Bí thư Tỉnh ủy, dự ...".</li>
 * </ul>
 * Titles in a chain are joined by commas or "kiêm". A chain followed directly by a name belongs to that name.
 */
final class SentenceReader {
    sealed interface Item permits TitleItem, NameItem, BodyItem {
        int from();
        int to();
    }

    /**
     * {@code former}: introduced by "nguyên" and the like, so not held now; {@code explicit}, {@code level}: how
     * its place was found (see {@link Places.Parsed}); {@code term}: the term written after it, or null.
     */
    record TitleItem(int from, int to, String role, OrgRef org, boolean former, boolean explicit, String level,
                     Terms.Term term, Lexicon.Body pending) implements Item {
        TitleItem(int from, int to, String role, OrgRef org, boolean former, boolean explicit, String level, Terms.Term term) {
            this(from, to, role, org, former, explicit, level, term, null);
        }

        TitleItem withOrg(OrgRef o) {
            return new TitleItem(from, to, role, o, former, explicit, level, term, null);
        }
    }

    /** {@code resolved}: a short reference ("ông Dũng") resolved to a full name named earlier. */
    record NameItem(int from, int to, String name, boolean resolved) implements Item {}

    record BodyItem(int from, int to, OrgRef org) implements Item {}

    /** What a sentence says: its items, and the positions tied to names (with the chain each came from). */
    record Reading(List<Item> items, List<Position> positions, List<NameItem> names) {}

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Places places;

    SentenceReader(Lexicon lex, Gazetteer gaz, Places places) {
        this.lex = lex;
        this.gaz = gaz;
        this.places = places;
    }

    Reading read(String text, Sentences.Span span, List<Token> tokens, List<Item> items, Terms terms) {
        List<Position> positions = new ArrayList<>();
        List<NameItem> names = new ArrayList<>();
        List<List<TitleItem>> chains = chains(items, tokens);
        boolean[] taken = new boolean[chains.size()];
        for (int c = 0; c < chains.size(); c++) {
            // "thôi giữ chức Chủ tịch ...", "nguyên Bí thư ...", "Bí thư khóa XVIII" at the XIX congress: not held now
            List<TitleItem> chain = placeFromChain(chains.get(c));
            chains.set(c, chain);
            if (chain.isEmpty()) {
                taken[c] = true;
                continue;
            }
            if (endsWith("leaving", tokens, chain.get(0).from())) taken[c] = true;
            chain.removeIf(t -> t.former() || terms.past(t));
            if (chain.isEmpty()) taken[c] = true;
        }
        // chain then name: "Bí thư Thành ủy Hà Nội Đinh Tiến Dũng" (a rank may stand between: "... Đại tướng X")
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item next = after(items, chain.get(chain.size() - 1));
            if (next instanceof NameItem n && onlyCues(tokens, last(chain).to(), n.from()) && !leaves(tokens, n.to())) {
                add(positions, n, chain, tokens, span, "title-before-name");
                taken[c] = true;
            }
        }
        // name, separator, chain: "đồng chí X - UVTV Tỉnh ủy, Bí thư Thành ủy"
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item prev = before(items, chain.get(0));
            NameItem n = prev instanceof NameItem ni && lex.onlyWords("name-separator", tokens, ni.to(), chain.get(0).from())
                    ? ni : unlistedName(text, items, tokens, chain.get(0).from());
            if (n != null) {
                if (!objectOfLeaving(tokens, n.from())) add(positions, n, chain, tokens, span, "name-then-titles");
                taken[c] = true;
            }
        }
        // chain, dash, name in a list: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh – Nguyễn Văn Út;"
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item next = after(items, last(chain));
            if (next instanceof NameItem n && lex.onlyWords("title-name-separator", tokens, last(chain).to(), n.from())
                    && (n.to() == tokens.size() || lex.word("list-end", tokens, n.to()) > 0)) {
                add(positions, n, chain, tokens, span, "titles-then-name");
                taken[c] = true;
            }
        }
        // name ... "được bầu giữ chức" / "giữ chức" / "là" chain; not for what will happen ("sẽ bầu ông X giữ chức")
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            if (!endsWith("taking", tokens, chain.get(0).from())) continue;
            NameItem n = lastNameBefore(items, chain.get(0).from());
            if (n != null && chain.get(0).from() - n.to() <= TAKING_WINDOW
                    && !lex.anyWord("future", tokens, n.to(), chain.get(0).from())) {
                add(positions, n, chain, tokens, span, "name-takes-titles");
                taken[c] = true;
            }
        }
        // a post, then the people who hold it: "ba Phó Bí thư Tỉnh ủy, gồm các ông A, B và C"
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            int intro = listIntro(tokens, last(chain).to());
            if (intro < 0) continue;
            for (Item it : items) {
                if (it instanceof NameItem n && n.from() >= intro) add(positions, n, chain, tokens, span, "titles-then-list");
            }
        }
        for (Item it : items) if (it instanceof NameItem n) names.add(n);
        return new Reading(items, positions, names);
    }

    /** The terms the article gives for its bodies ("Ban Chấp hành Đảng bộ tỉnh khóa XIX"), read before the sentences. */
    Terms terms(List<List<Token>> sentences, List<List<Item>> items) {
        Terms terms = new Terms(lex);
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i);
            for (Item it : items.get(i)) {
                if (it instanceof TitleItem t) terms.saw(t.org(), t.term());
                if (it instanceof BodyItem b) terms.saw(b.org(), Terms.after(lex, tokens, b.to()));
            }
        }
        return terms;
    }

    private static TitleItem last(List<TitleItem> chain) {
        return chain.get(chain.size() - 1);
    }

    /**
     * A name whose family name is not in our list, recognised by its shape: two to five capitalised words
     * standing alone in a list, then a separator and titles ("...; Nghe Minh Hồng, Tỉnh ủy viên, ...").
     */
    private NameItem unlistedName(String text, List<Item> items, List<Token> tokens, int chainFrom) {
        int k = chainFrom;
        while (k > 0 && lex.word("name-separator", tokens, k - 1) == 1) k--;
        if (k == chainFrom) return null;
        int end = k;
        while (k > 0 && end - k < 5 && tokens.get(k - 1).nameLike() && !covered(items, k - 1)) k--;
        if (end - k < 2) return null;
        boolean boundary = k == 0 || lex.word("list-end", tokens, k - 1) > 0 || tokens.get(k - 1).text().equals(":")
                || lex.personWords.longest(tokens, k - 1) != null || lex.word("name-list-joiner", tokens, k - 1) > 0;
        if (!boundary || gaz.match(tokens, k) != null && gaz.match(tokens, k).length() == end - k) return null;
        String name = VietText.clean(text.substring(tokens.get(k).start(), tokens.get(end - 1).end()));
        return new NameItem(k, end, name, false);
    }

    private static boolean covered(List<Item> items, int token) {
        for (Item it : items) if (it.from() <= token && token < it.to()) return true;
        return false;
    }

    /** Only person cues (ranks, "đồng chí") or nothing between two tokens. */
    private boolean onlyCues(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; ) {
            PhraseTable.Match<String> m = lex.personWords.longest(tokens, i);
            if (m == null || !m.value().equals("cue")) return false;
            i += m.length();
        }
        return true;
    }

    /** "miễn nhiệm chức vụ ... đối với ông X, ...": X's titles that follow are the ones being left. */
    private boolean objectOfLeaving(List<Token> tokens, int nameFrom) {
        int k = nameFrom;
        while (k > 0 && lex.personWords.longest(tokens, k - 1) != null) k--;
        if (!endsWith("leaving-object", tokens, k)) return false;
        return lex.anyWord("leaving", tokens, 0, k);
    }

    /**
     * Where a list of holders starts after a post: "gồm (các ông)", "là", "được giao cho", within a few words of
     * the chain, directly followed by a name. -1 when there is none.
     */
    private int listIntro(List<Token> tokens, int from) {
        for (int k = from; k < tokens.size() && k <= from + LIST_INTRO_WINDOW; k++) {
            int n = lex.word("list-intro", tokens, k);
            if (n == 0) continue;
            int j = k + n;
            while (j < tokens.size() && (lex.personWords.longest(tokens, j) != null || tokens.get(j).text().equals(":"))) {
                PhraseTable.Match<String> m = lex.personWords.longest(tokens, j);
                j += m == null ? 1 : m.length();
            }
            return j;
        }
        return -1;
    }

    private static final int LIST_INTRO_WINDOW = 6;

    /**
     * A bare body in a chain takes the place named later in the same chain: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
     * Quảng Trị" is Quảng Trị's Tỉnh ủy whatever the article is about.
     */
    private List<TitleItem> placeFromChain(List<TitleItem> chain) {
        List<TitleItem> out = new ArrayList<>(chain);
        Unit named = null;
        for (int i = out.size() - 1; i >= 0; i--) {
            TitleItem t = out.get(i);
            if (t.org() == null) {
                OrgRef again = named == null ? null : places.resolvePending(t.pending(), t.level(), named);
                if (again != null) out.set(i, t.withOrg(again));
            } else if (t.explicit()) {
                if (!t.org().unit().isCountry()) named = t.org().unit();
            } else if (named != null) {
                OrgRef again = places.reresolve(t.org(), t.level(), named);
                if (again != null) out.set(i, t.withOrg(again));
            }
        }
        out.removeIf(t -> t.org() == null); // a body nothing could place
        return out;
    }

    private static final int TAKING_WINDOW = 24;

    /** A function word of {@code kind} ends right before token {@code at}. */
    private boolean endsWith(String kind, List<Token> tokens, int at) {
        for (int len = 1; len <= 5 && at - len >= 0; len++) {
            if (lex.word(kind, tokens, at - len) == len) return true;
        }
        return false;
    }

    /** "Chủ tịch UBND tỉnh Nguyễn Văn A thôi giữ chức": the name is followed by a leaving word. */
    private boolean leaves(List<Token> tokens, int at) {
        return lex.word("leaving", tokens, at) > 0;
    }

    private static NameItem lastNameBefore(List<Item> items, int at) {
        NameItem last = null;
        for (Item it : items) if (it instanceof NameItem n && n.to() <= at) last = n;
        return last;
    }

    private void add(List<Position> out, NameItem n, List<TitleItem> chain, List<Token> tokens, Sentences.Span span,
                     String rule) {
        int from = Math.min(n.from(), chain.get(0).from());
        int to = Math.max(n.to(), chain.get(chain.size() - 1).to());
        String r = n.resolved() ? rule + "+coreference" : rule;
        Mention m = new Mention(tokens.get(from).start(), tokens.get(to - 1).end(), span.start(), span.end(), r);
        for (TitleItem t : chain) out.add(new Position(n.name(), t.role(), t.org(), m));
    }

    private static Item after(List<Item> items, Item it) {
        int i = items.indexOf(it);
        return i + 1 < items.size() ? items.get(i + 1) : null;
    }

    private static Item before(List<Item> items, Item it) {
        int i = items.indexOf(it);
        return i > 0 ? items.get(i - 1) : null;
    }

    private List<List<TitleItem>> chains(List<Item> items, List<Token> tokens) {
        List<List<TitleItem>> chains = new ArrayList<>();
        List<TitleItem> cur = null;
        Item prev = null;
        for (Item it : items) {
            if (it instanceof TitleItem t) {
                if (cur != null && prev instanceof TitleItem p && lex.onlyWords("chain-joiner", tokens, p.to(), t.from())) {
                    cur.add(t);
                } else {
                    cur = new ArrayList<>();
                    cur.add(t);
                    chains.add(cur);
                }
            } else {
                cur = null;
            }
            prev = it;
        }
        return chains;
    }

    List<Item> items(String text, List<Token> tokens, List<String> known) {
        List<Item> items = new ArrayList<>();
        boolean cued = false;
        for (int i = 0; i < tokens.size(); ) {
            PhraseTable.Match<String> pw = lex.personWords.longest(tokens, i);
            if (pw != null && pw.value().equals("cue")) {
                cued = true;
                i += pw.length();
                continue;
            }
            if (pw != null && pw.value().equals("excluded")) {
                cued = false;
                i += pw.length();
                continue;
            }
            int join = lex.word("joining", tokens, i);
            if (join > 0) {
                List<TitleItem> joined = joined(tokens, i, i + join);
                if (!joined.isEmpty()) {
                    items.addAll(joined);
                    i = joined.get(joined.size() - 1).to();
                    continue;
                }
            }
            TitleItem t = title(tokens, i);
            if (t != null) {
                items.add(t);
                i = t.to();
                continue;
            }
            NameItem n = name(text, tokens, i, cued, known);
            if (n != null) {
                items.add(n);
                i = n.to();
                cued = false;
                continue;
            }
            Places.Parsed b = places.body(tokens, i);
            if (b != null) {
                items.add(new BodyItem(i, b.end(), b.org()));
                i = b.end();
                continue;
            }
            if (tokens.get(i).word() && !tokens.get(i).capitalised()) cued = false;
            i++;
        }
        return items;
    }

    /** "tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy": membership of each body, the first item from "tham gia". */
    private List<TitleItem> joined(List<Token> tokens, int start, int j) {
        List<TitleItem> out = new ArrayList<>();
        int from = start;
        while (j < tokens.size()) {
            Places.Parsed b = places.body(tokens, j);
            if (b == null) break;
            out.add(new TitleItem(from, b.end(), "Member", b.org(), false, b.explicit(), b.level(), Terms.after(lex, tokens, b.end())));
            j = b.end();
            if (j + 1 < tokens.size() && tokens.get(j).text().equals(",") && places.body(tokens, j + 1) != null) {
                j++;
                from = j;
            } else {
                break;
            }
        }
        return out;
    }

    TitleItem title(List<Token> tokens, int i) {
        if (!tokens.get(i).word()) return null;
        PhraseTable.Match<Lexicon.Title> m = lex.titles.longest(tokens, i);
        if (m == null) return null;
        Lexicon.Title t = m.value();
        int j = i + m.length();
        boolean former = lex.word("former", tokens, i - 1) == 1 || lex.word("former", tokens, i - 2) == 2;
        if (t.implies() != null) {
            // "UVTV Tỉnh ủy" reads as "Ủy viên" + "Ban Thường vụ" + "Tỉnh ủy": parse the implied words, then the text
            List<Token> implied = Tokenizer.tokenize(t.implies());
            List<Token> combined = new ArrayList<>(implied);
            combined.addAll(tokens.subList(j, tokens.size()));
            Places.Parsed p = places.body(combined, 0);
            if (p == null || p.end() < implied.size()) return null;
            int end = j + p.end() - implied.size();
            return new TitleItem(i, end, t.role(), p.org(), former, p.explicit(), p.level(), Terms.after(lex, tokens, end));
        }
        j += lex.word("title-infix", tokens, j);
        // the title's last words may start the body: "Trưởng Ban" + "Ban Tổ chức", "Chánh Văn phòng" + "Văn phòng Tỉnh ủy"
        Places.Parsed best = null;
        for (int k = Math.max(i + 1, j - 2); k <= j; k++) {
            Places.Parsed p = places.bodyOrPending(tokens, k);
            if (p != null && (best == null || p.end() > best.end() || p.end() == best.end() && best.org() == null)) best = p;
        }
        if (best == null && t.alone() != null && (j >= tokens.size() || !tokens.get(j).capitalised())) {
            // "3 Phó Bí thư là ...": a party title alone is of the article's own committee; never before a
            // capitalised word, which may be a body we do not know
            List<Token> alone = Tokenizer.tokenize(t.alone());
            Places.Parsed p = places.body(alone, 0);
            if (p == null) return null;
            return new TitleItem(i, j, t.role(), p.org(), former, false, p.level(), Terms.after(lex, tokens, j));
        }
        if (best == null) return null;
        return new TitleItem(i, best.end(), t.role(), best.org(), former, best.explicit(), best.level(),
                Terms.after(lex, tokens, best.end()), best.pending());
    }

    NameItem name(String text, List<Token> tokens, int i, boolean cued, List<String> known) {
        Token first = tokens.get(i);
        if (!first.nameLike() || lex.titles.longest(tokens, i) != null) return null;
        if (!cued && !lex.isSurname(first)) return null;
        // a province or district in front of a name ("Hà Nội Đinh Tiến Dũng"): the name starts after it; commune
        // names ("Dương Quang") look like personal names and do not count
        PhraseTable.Match<List<Unit>> place = gaz.match(tokens, i);
        if (place != null && place.length() >= 2 && place.value().stream().anyMatch(u -> !"ward".equals(u.level()))
                && (i + place.length() >= tokens.size() || !tokens.get(i + place.length()).nameLike()
                    || lex.isSurname(tokens.get(i + place.length())))) {
            return null;
        }
        int n = 1;
        while (i + n < tokens.size() && n < 6 && tokens.get(i + n).nameLike()) {
            if (n >= 2 && (lex.titles.longest(tokens, i + n) != null || lex.bodies.longest(tokens, i + n) != null)) break;
            n++;
        }
        String name = VietText.clean(text.substring(first.start(), tokens.get(i + n - 1).end()));
        if (n < 2 || cued && n == 2) {
            // "ông Dũng", "đồng chí Văn Nên": a person already named in full
            String full = cued ? resolve(name, known) : null;
            if (full != null) return new NameItem(i, i + n, full, true);
            if (n < 2) return null;
        }
        return new NameItem(i, i + n, name, false);
    }

    /** The one known full name ending with these words, or null when none or several do. */
    private static String resolve(String shortName, List<String> known) {
        String key = VietText.key(shortName);
        String found = null;
        for (String k : known) {
            String kk = VietText.key(k);
            if (!kk.equals(key) && kk.endsWith(" " + key)) {
                if (found != null && !found.equals(k)) return null;
                found = k;
            }
        }
        return found;
    }
}
