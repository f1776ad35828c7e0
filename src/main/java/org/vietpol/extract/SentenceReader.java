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

    /** {@code former}: introduced by "nguyên" and the like, so not held now. */
    record TitleItem(int from, int to, String role, OrgRef org, boolean former) implements Item {}

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

    Reading read(String text, Sentences.Span span, List<Token> tokens, List<String> known) {
        List<Item> items = items(text, tokens, known);
        List<Position> positions = new ArrayList<>();
        List<NameItem> names = new ArrayList<>();
        List<List<TitleItem>> chains = chains(items, tokens);
        boolean[] taken = new boolean[chains.size()];
        for (int c = 0; c < chains.size(); c++) {
            // "thôi giữ chức Chủ tịch ...", "nguyên Bí thư ...": not held now, tied to no one
            List<TitleItem> chain = chains.get(c);
            if (endsWith("leaving", tokens, chain.get(0).from())) taken[c] = true;
            chain.removeIf(TitleItem::former);
            if (chain.isEmpty()) taken[c] = true;
        }
        // chain then name
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item next = after(items, chain.get(chain.size() - 1));
            if (next instanceof NameItem n && n.from() == chain.get(chain.size() - 1).to() && !leaves(tokens, n.to())) {
                add(positions, n, chain, tokens, span, "title-before-name");
                taken[c] = true;
            }
        }
        // name, separator, chain
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            Item prev = before(items, chain.get(0));
            if (prev instanceof NameItem n && lex.onlyWords("name-separator", tokens, n.to(), chain.get(0).from())) {
                add(positions, n, chain, tokens, span, "name-then-titles");
                taken[c] = true;
            }
        }
        // name ... "được bầu giữ chức" / "giữ chức" / "là" chain
        for (int c = 0; c < chains.size(); c++) {
            if (taken[c]) continue;
            List<TitleItem> chain = chains.get(c);
            if (!endsWith("taking", tokens, chain.get(0).from())) continue;
            NameItem n = lastNameBefore(items, chain.get(0).from());
            if (n != null && chain.get(0).from() - n.to() <= TAKING_WINDOW) {
                add(positions, n, chain, tokens, span, "name-takes-titles");
            }
        }
        for (Item it : items) if (it instanceof NameItem n) names.add(n);
        return new Reading(items, positions, names);
    }

    private static final int TAKING_WINDOW = 16;

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
            return new TitleItem(i, j + p.end() - implied.size(), t.role(), p.org(), former);
        }
        // the title's last words may start the body: "Trưởng Ban" + "Ban Tổ chức", "Chánh Văn phòng" + "Văn phòng Tỉnh ủy"
        Places.Parsed best = null;
        for (int k = Math.max(i + 1, j - 2); k <= j; k++) {
            Places.Parsed p = places.body(tokens, k);
            if (p != null && (best == null || p.end() > best.end())) best = p;
        }
        return best == null ? null : new TitleItem(i, best.end(), t.role(), best.org(), former);
    }

    NameItem name(String text, List<Token> tokens, int i, boolean cued, List<String> known) {
        Token first = tokens.get(i);
        if (!first.nameLike()) return null;
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
