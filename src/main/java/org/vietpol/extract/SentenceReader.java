package org.vietpol.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    record TitleItem(int from, int to, String role, OrgRef org) implements Item {}

    record NameItem(int from, int to, String name) implements Item {}

    record BodyItem(int from, int to, OrgRef org) implements Item {}

    /** What a sentence says: its items, and the positions tied to names (with the chain each came from). */
    record Reading(List<Item> items, List<Position> positions, List<NameItem> names) {}

    private static final Set<String> CHAIN_JOINERS = Set.of(",", "kiêm");
    private static final Set<String> NAME_TITLE_SEPARATORS = Set.of("-", "–", "—", ",", "(", ":");

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Places places;

    SentenceReader(Lexicon lex, Gazetteer gaz, Places places) {
        this.lex = lex;
        this.gaz = gaz;
        this.places = places;
    }

    Reading read(String text, Sentences.Span span, List<Token> tokens) {
        List<Item> items = items(text, tokens);
        List<Position> positions = new ArrayList<>();
        List<NameItem> names = new ArrayList<>();
        List<List<TitleItem>> chains = chains(items, tokens);
        boolean[] taken = new boolean[chains.size()];
        // chain then name
        for (int c = 0; c < chains.size(); c++) {
            List<TitleItem> chain = chains.get(c);
            Item next = after(items, chain.get(chain.size() - 1));
            if (next instanceof NameItem n && n.from() == chain.get(chain.size() - 1).to()) {
                add(positions, n, chain, tokens, span, "title-before-name");
                taken[c] = true;
            }
        }
        // name, separator, chain
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item prev = before(items, chain.get(0));
            if (prev instanceof NameItem n && onlySeparators(tokens, n.to(), chain.get(0).from())) {
                add(positions, n, chain, tokens, span, "name-then-titles");
            }
        }
        for (Item it : items) if (it instanceof NameItem n) names.add(n);
        return new Reading(items, positions, names);
    }

    private void add(List<Position> out, NameItem n, List<TitleItem> chain, List<Token> tokens, Sentences.Span span,
                     String rule) {
        int from = Math.min(n.from(), chain.get(0).from());
        int to = Math.max(n.to(), chain.get(chain.size() - 1).to());
        Mention m = new Mention(tokens.get(from).start(), tokens.get(to - 1).end(), span.start(), span.end(), rule);
        for (TitleItem t : chain) out.add(new Position(n.name(), t.role(), t.org(), m));
    }

    private static boolean onlySeparators(List<Token> tokens, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) if (!NAME_TITLE_SEPARATORS.contains(tokens.get(i).text())) return false;
        return true;
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
                if (cur != null && prev instanceof TitleItem p && joiners(tokens, p.to(), t.from())) {
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

    private static boolean joiners(List<Token> tokens, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) if (!CHAIN_JOINERS.contains(tokens.get(i).key())) return false;
        return true;
    }

    List<Item> items(String text, List<Token> tokens) {
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
            TitleItem t = title(tokens, i);
            if (t != null) {
                items.add(t);
                i = t.to();
                continue;
            }
            NameItem n = name(text, tokens, i, cued);
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

    TitleItem title(List<Token> tokens, int i) {
        if (!tokens.get(i).word()) return null;
        PhraseTable.Match<Lexicon.Title> m = lex.titles.longest(tokens, i);
        if (m == null) return null;
        Lexicon.Title t = m.value();
        int j = i + m.length();
        if (t.implies() != null) {
            Lexicon.Body b = lex.bodies.get(t.implies());
            Places.Parsed p = places.complete(b, tokens, j);
            return p == null ? null : new TitleItem(i, p.end(), t.role(), p.org());
        }
        // the title's last words may start the body: "Trưởng Ban" + "Ban Tổ chức", "Chánh Văn phòng" + "Văn phòng Tỉnh ủy"
        Places.Parsed best = null;
        for (int k = Math.max(i + 1, j - 2); k <= j; k++) {
            Places.Parsed p = places.body(tokens, k);
            if (p != null && (best == null || p.end() > best.end())) best = p;
        }
        return best == null ? null : new TitleItem(i, best.end(), t.role(), best.org());
    }

    NameItem name(String text, List<Token> tokens, int i, boolean cued) {
        Token first = tokens.get(i);
        if (!first.nameLike()) return null;
        if (!cued && !lex.surnames.contains(first.key())) return null;
        // a place name in front of a name ("Hà Nội Đinh Tiến Dũng"): the name starts after it
        PhraseTable.Match<List<Unit>> place = gaz.match(tokens, i);
        if (place != null && place.length() >= 2) return null;
        int n = 1;
        while (i + n < tokens.size() && n < 5 && tokens.get(i + n).nameLike()) {
            if (n >= 2 && (lex.titles.longest(tokens, i + n) != null || lex.bodies.longest(tokens, i + n) != null)) break;
            n++;
        }
        if (n < 2) return null;
        String name = text.substring(first.start(), tokens.get(i + n - 1).end());
        return new NameItem(i, i + n, org.vietpol.text.VietText.clean(name));
    }
}
