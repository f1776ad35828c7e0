package org.vietpol.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;
import org.vietpol.extract.doc.Tokenizer;
import org.vietpol.text.VietText;

/**
 * Reads each sentence left to right into titles (a role phrase and the body it names, "Phó Trưởng Ban Thường
 * trực" + "Ban Tổ chức" + "Tỉnh ủy"), person names and bodies standing alone; the three do not overlap. Names
 * start with a family name from the list or follow a cue ("ông", "đồng chí", a rank); a short name ("ông Dũng")
 * resolves to a person named in full earlier in the article. Capitalised words standing where a name stands in
 * a list go to {@code name-shape}, for the grammar to take or leave.
 */
final class ItemAnnotator implements Annotator {
    private final Lexicon lex;
    private final Gazetteer gaz;

    ItemAnnotator(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    @Override public String name() { return "items"; }
    private static final Layer<Layers.Sense> CUE = Layers.sense("cue"), EXCLUDED = Layers.sense("excluded"),
            JOINING = Layers.sense("joining"), JOINING_AFTER_ACT = Layers.sense("joining-after-act"),
            ACT = Layers.sense("appointing"), INFIX = Layers.sense("title-infix"), THOSE = Layers.sense("those-are"),
            COUNT = Layers.sense("count"), HANDOVER = Layers.sense("handover");

    private static final Layer<Layers.Sense> TOPIC_PLACE = Layers.sense("topic-place");

    @Override public Set<Layer<?>> requires() {
        return Set.of(Layers.LOCALITY, Layers.ARTICLE_DATE, CUE, EXCLUDED, JOINING, JOINING_AFTER_ACT, ACT, INFIX, TOPIC_PLACE,
                THOSE, COUNT, HANDOVER);
    }
    @Override public Set<Layer<?>> provides() {
        return Set.of(Layers.TITLE, Layers.BARE_TITLE, Layers.NAME, Layers.NAME_SHAPE, Layers.BODY);
    }

    @Override
    public void annotate(AnnotatedDocument doc) {
        Places places = new Places(lex, gaz, doc.get(Layers.LOCALITY), doc.get(Layers.ARTICLE_DATE));
        List<String> known = new ArrayList<>();
        String antecedent = null;
        Layers.Title lastPost = null;
        for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
            List<Token> tokens = doc.tokens().subList(s.from(), s.to());
            List<int[]> covered = new ArrayList<>();
            // "Hai Phó Chủ tịch HĐND tỉnh ... đều tái đắc cử. Đó là ông A, ... và ông B, ...": the opening words
            // stand for the post the sentence before counted
            Span<Layers.Sense> those = doc.at(THOSE, s.from());
            if (those != null && lastPost != null) {
                add(doc, Layers.TITLE, s.from(), 0, those.length() - 1, lastPost, covered);
            }
            Unit topic = topicPlace(doc, s.from(), tokens);
            Places here = topic == null ? places : new Places(lex, gaz, topic, doc.get(Layers.ARTICLE_DATE));
            items(doc, s.from(), tokens, here, known, covered, antecedent);
            shapes(doc, s.from(), tokens, covered);
            // the one person a sentence names is who a following "Đồng chí ...", "Ông ..." with no name means
            java.util.Set<String> named = new java.util.LinkedHashSet<>();
            for (Span<Layers.Name> n : doc.within(Layers.NAME, s.from(), s.to())) named.add(n.value().name());
            if (named.size() == 1) antecedent = named.iterator().next();
            else if (named.size() > 1) antecedent = null;
            lastPost = countedPost(doc, s);
        }
    }

    /**
     * A province a sentence opens with as its topic ("Ở Hà Nam, người đứng đầu Tỉnh ủy là bà A"): the place of the
     * sentence's bare bodies; null when the sentence does not open so.
     */
    private Unit topicPlace(AnnotatedDocument doc, int base, List<Token> tokens) {
        Span<Layers.Sense> w = doc.at(TOPIC_PLACE, base);
        if (w == null) return null;
        int at = w.length();
        PhraseTable.Match<List<Unit>> m = gaz.match(tokens, at);
        if (m == null || at + m.length() >= tokens.size() || !tokens.get(at + m.length()).text().equals(",")) return null;
        List<Unit> provinces = m.value().stream().filter(u -> "province".equals(u.level())).toList();
        return provinces.size() == 1 ? provinces.get(0) : null;
    }

    private void items(AnnotatedDocument doc, int base, List<Token> tokens, Places places, List<String> known, List<int[]> covered,
                       String antecedent) {
        String text = doc.text();
        boolean cued = false;
        int actObject = -1; // where "chỉ định đồng chí" ends: "vào Ban Chấp hành" after it joins as after the act
        for (int i = 0; i < tokens.size(); ) {
            Span<Layers.Sense> cue = doc.at(CUE, base + i), excluded = doc.at(EXCLUDED, base + i);
            // a sentence opening with "Đồng chí" or "Ông" and no name: the person the sentence before named
            if (i == 0 && cue != null && excluded == null && antecedent != null && cue.length() < tokens.size()
                    && lex.word("refers-back", tokens, cue.length()) > 0) {
                add(doc, Layers.NAME, base, 0, cue.length(), new Layers.Name(antecedent, true), covered);
                i = cue.length();
                continue;
            }
            // "Ban Thường vụ chỉ định đồng chí vào Ban Chấp hành ...", "Bộ Chính trị cho bà thôi giữ chức ...": no name
            // after the act, the same person again
            String same;
            if (i > 0 && cue != null && excluded == null && i + cue.length() < tokens.size()
                    && lowerCase(tokens.get(i + cue.length())) && (endsAct(doc, base, i) || doc.at(HANDOVER, base + i - 1) != null)
                    && (same = namedBefore(doc, base, i, antecedent)) != null) {
                add(doc, Layers.NAME, base, i, i + cue.length(), new Layers.Name(same, true), covered);
                i += cue.length();
                actObject = i;
                continue;
            }
            // "Bà Rịa - Vũng Tàu", "Bà Điểm": a place that starts with a form of address
            if (cue != null) {
                PhraseTable.Match<List<Unit>> place = gaz.match(tokens, i);
                if (place != null && place.length() > cue.length()) {
                    i += place.length();
                    cued = false;
                    continue;
                }
            }
            if (cue != null || excluded != null) {
                Span<Layers.Sense> pw = cue == null || excluded != null && excluded.length() >= cue.length() ? excluded : cue;
                cued = pw == cue;
                i += pw.length();
                continue;
            }
            Span<Layers.Sense> joining = doc.at(JOINING, base + i);
            // "chỉ định vào Ban Chấp hành, Ban Thường vụ": "vào" joins only right after the act
            if (joining == null && i > 0 && (endsAct(doc, base, i) || i == actObject)) joining = doc.at(JOINING_AFTER_ACT, base + i);
            int join = joining == null ? 0 : joining.length();
            if (join > 0) {
                List<Span<Layers.Title>> joined = joined(places, tokens, i, i + join);
                if (!joined.isEmpty()) {
                    for (Span<Layers.Title> t : joined) add(doc, Layers.TITLE, base, t.from(), t.to(), t.value(), covered);
                    i = joined.get(joined.size() - 1).to();
                    continue;
                }
            }
            Span<Layers.Title> t = title(doc, base, places, tokens, i);
            if (t != null && restated(doc, base, tokens, t)) {
                i = t.to();
                continue;
            }
            if (t != null) {
                add(doc, Layers.TITLE, base, t.from(), t.to(), t.value(), covered);
                i = t.to();
                continue;
            }
            PhraseTable.Match<Lexicon.Title> bare = tokens.get(i).word() ? lex.titles.longest(tokens, i) : null;
            if (bare != null) {
                add(doc, Layers.BARE_TITLE, base, i, i + bare.length(), new Layers.Title(bare.value().role(), null, false,
                        null, null, null, bare.value().acting()), covered);
                i += bare.length();
                continue;
            }
            Span<Layers.Name> n = name(text, tokens, i, cued, known);
            if (n != null) {
                add(doc, Layers.NAME, base, n.from(), n.to(), n.value(), covered);
                if (!n.value().resolved() && !known.contains(n.value().name())) known.add(n.value().name());
                i = n.to();
                cued = false;
                continue;
            }
            Places.Parsed b = places.body(tokens, i);
            if (b != null) {
                add(doc, Layers.BODY, base, i, b.end(), new Layers.Body(b.org(), b.explicit()), covered);
                i = b.end();
                continue;
            }
            if (tokens.get(i).word() && !tokens.get(i).capitalised()) cued = false;
            i++;
        }
    }

    private static <T> void add(AnnotatedDocument doc, Layer<T> layer, int base, int from, int to, T value, List<int[]> covered) {
        doc.add(layer, base + from, base + to, value);
        covered.add(new int[] {from, to});
    }

    /**
     * Two to five capitalised words no other item took, not a place: a name whose family name is not in our list
     * ("Nghe Minh Hồng", "Y Thanh Hà Niê Kđăm" where the list lacks it). The grammar decides where such a shape
     * counts as a name (in a list, before titles).
     */
    private void shapes(AnnotatedDocument doc, int base, List<Token> tokens, List<int[]> covered) {
        boolean[] taken = new boolean[tokens.size()];
        for (int[] c : covered) for (int k = c[0]; k < c[1]; k++) taken[k] = true;
        for (int i = 0; i < tokens.size(); ) {
            int j = i;
            while (j < tokens.size() && j - i < 5 && !taken[j] && tokens.get(j).nameLike()
                    && lex.personWords.longest(tokens, j) == null) j++;
            // "Phường Kinh Môn", "Xã Gào": a unit, not a name; "Ban Tuyên giáo": a body
            if (j - i >= 2 && lex.levels.longest(tokens, i) == null && lex.bodies.longest(tokens, i) == null) {
                PhraseTable.Match<List<Unit>> place = gaz.match(tokens, i);
                if (place == null || place.length() != j - i) {
                    String name = VietText.clean(doc.text().substring(tokens.get(i).start(), tokens.get(j - 1).end()));
                    doc.add(Layers.NAME_SHAPE, base + i, base + j, new Layers.Name(name, false));
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    /**
     * "tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy": membership of each body, each title over its body (the
     * grammar reads "tham gia" as a taking word: "được chỉ định tham gia ...", "thôi tham gia ...").
     */
    private List<Span<Layers.Title>> joined(Places places, List<Token> tokens, int start, int j) {
        List<Span<Layers.Title>> out = new ArrayList<>();
        List<Places.Parsed> bodies = new ArrayList<>();
        int from = j;
        while (j < tokens.size()) {
            Places.Parsed b = places.body(tokens, j);
            if (b == null) break;
            out.add(new Span<>(from, b.end(), new Layers.Title("Member", b.org(), b.explicit(), b.level(),
                    Terms.after(lex, tokens, b.end()), null, false)));
            bodies.add(b);
            j = b.end();
            // "Ban Chấp hành, Ban Thường vụ Tỉnh ủy" and "Ban Chấp hành và Ban Thường vụ Tỉnh ủy": one list
            boolean joiner = j + 1 < tokens.size() && lex.word("name-list-joiner", tokens, j) == 1;
            if (joiner && places.body(tokens, j + 1) != null) {
                j++;
                from = j;
            } else {
                break;
            }
        }
        // the place the list's last body names is its earlier bodies' too ("thôi tham gia Ban Chấp hành và Ban
        // Thường vụ Tỉnh ủy Thừa Thiên Huế" in an article about Lạng Sơn)
        Places.Parsed last = bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
        if (last != null && last.explicit() && last.org().unit() != null && !last.org().unit().isCountry()) {
            for (int k = 0; k < out.size() - 1; k++) {
                Places.Parsed b = bodies.get(k);
                if (b.explicit() || b.org().unit() == null || b.org().unit().equals(last.org().unit())) continue;
                OrgRef moved = new OrgRef(b.org().kind(), last.org().unit(), b.org().name(), b.org().parent());
                Span<Layers.Title> t = out.get(k);
                out.set(k, new Span<>(t.from(), t.to(), new Layers.Title("Member", moved, false, b.level(),
                        t.value().term(), null, false)));
            }
        }
        return out;
    }

    private Span<Layers.Title> title(AnnotatedDocument doc, int base, Places places, List<Token> tokens, int i) {
        if (!tokens.get(i).word()) return null;
        PhraseTable.Match<Lexicon.Title> m = lex.titles.longest(tokens, i);
        if (m == null) return null;
        Lexicon.Title t = m.value();
        int j = i + m.length();
        if (t.implies() != null) {
            // "UVTV Tỉnh ủy" reads as "Ủy viên" + "Ban Thường vụ" + "Tỉnh ủy": parse the implied words, then the text
            List<Token> implied = Tokenizer.tokenize(t.implies());
            List<Token> combined = new ArrayList<>(implied);
            combined.addAll(tokens.subList(j, tokens.size()));
            Places.Parsed p = places.body(combined, 0);
            if (p == null || p.end() < implied.size()) return null;
            int end = j + p.end() - implied.size();
            return new Span<>(i, end, new Layers.Title(t.role(), p.org(), p.explicit(), p.level(),
                    Terms.after(lex, tokens, end), null, t.acting()));
        }
        Span<Layers.Sense> infix = j < tokens.size() ? doc.at(INFIX, base + j) : null;
        if (infix != null) j += infix.length();
        PhraseTable.Match<Lexicon.Body> cell = lex.bodies.longest(tokens, j);
        if (cell != null && cell.value().none()) return null; // "Phó bí thư chi bộ": no post of the graph
        // the title's last words may start the body: "Trưởng Ban" + "Ban Tổ chức", "Chánh Văn phòng" + "Văn phòng Tỉnh ủy"
        Places.Parsed best = null;
        for (int k = Math.max(i + 1, j - 2); k <= j; k++) {
            Places.Parsed p = places.bodyOrPending(tokens, k);
            if (p != null && (best == null || p.end() > best.end() || p.end() == best.end() && best.org() == null)) best = p;
        }
        if (best == null && t.placed() != null) {
            // "Bí thư Vĩnh Long Ngô Chí Cường": a province's name, then a person's name
            PhraseTable.Match<List<Unit>> place = gaz.match(tokens, j);
            int after = place == null ? -1 : j + place.length();
            if (place != null && place.value().stream().anyMatch(u -> "province".equals(u.level()))
                    && after < tokens.size() && lex.isSurname(tokens.get(after))) {
                List<Token> combined = new ArrayList<>(Tokenizer.tokenize(t.placed()));
                int head = combined.size();
                combined.addAll(tokens.subList(j, after));
                Places.Parsed p = places.body(combined, 0);
                if (p != null && p.end() == combined.size()) {
                    return new Span<>(i, after, new Layers.Title(t.role(), p.org(), true, p.level(), null, null, t.acting()));
                }
            }
        }
        if (best == null && t.alone() != null && (j >= tokens.size() || !tokens.get(j).capitalised())) {
            // "3 Phó Bí thư là ...": a party title alone is of the article's own committee; never before a
            // capitalised word, which may be a body we do not know
            List<Token> alone = Tokenizer.tokenize(t.alone());
            Places.Parsed p = places.body(alone, 0);
            if (p == null) return null;
            return new Span<>(i, j, new Layers.Title(t.role(), p.org(), false, p.level(), Terms.after(lex, tokens, j), null, t.acting()));
        }
        if (best == null) return null;
        return new Span<>(i, best.end(), new Layers.Title(t.role(), best.org(), best.explicit(), best.level(),
                Terms.after(lex, tokens, best.end()), best.pending(), t.acting()));
    }

    private Span<Layers.Name> name(String text, List<Token> tokens, int i, boolean cued, List<String> known) {
        Token first = tokens.get(i);
        if (!first.nameLike() || lex.titles.longest(tokens, i) != null) return null;
        if (!cued && !lex.isSurname(first)
                && !(i + 2 < tokens.size() && lex.isMiddleName(tokens.get(i + 1)) && tokens.get(i + 2).nameLike())) return null;
        // a province or district in front of a name ("Hà Nội Đinh Tiến Dũng"): the name starts after it; commune
        // names ("Dương Quang") look like personal names and do not count
        PhraseTable.Match<List<Unit>> place = cued ? null : gaz.match(tokens, i); // "ông Mai Sơn" is a person
        if (place != null && place.length() >= 2 && place.value().stream().anyMatch(u -> !"ward".equals(u.level()))
                && (i + place.length() >= tokens.size() || !tokens.get(i + place.length()).nameLike()
                    || lex.isSurname(tokens.get(i + place.length())))) {
            return null;
        }
        if (lex.notNames.longest(tokens, i) != null) return null;
        // after a level word the words are the unit's name when a unit of that name exists: "ở xã Lưu Vệ" (but
        // "Bí thư Đảng ủy xã Phạm Hùng Vinh" names a person)
        if (!cued && afterLevelWord(tokens, i) && place != null
                && (i + place.length() >= tokens.size() || !tokens.get(i + place.length()).nameLike())) return null;
        int n = 1;
        while (i + n < tokens.size() && n < 6 && tokens.get(i + n).nameLike()) {
            if (n >= 2 && (lex.titles.longest(tokens, i + n) != null || lex.bodies.longest(tokens, i + n) != null)) break;
            n++;
        }
        String name = VietText.clean(text.substring(first.start(), tokens.get(i + n - 1).end()));
        if (n < 2 || cued && n == 2) {
            // "ông Dũng", "đồng chí Văn Nên": a person already named in full
            String full = cued ? resolve(name, known) : null;
            if (full != null) return new Span<>(i, i + n, new Layers.Name(full, true));
            if (n < 2) return null;
        }
        return new Span<>(i, i + n, new Layers.Name(name, false));
    }

    /** The post a sentence counts ("Hai Phó Chủ tịch HĐND tỉnh ..."), when it names no one: null otherwise. */
    private Layers.Title countedPost(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        if (!doc.within(Layers.NAME, s.from(), s.to()).isEmpty()) return null;
        Layers.Title found = null;
        for (Span<Layers.Title> t : doc.within(Layers.TITLE, s.from(), s.to())) {
            // "bầu hai Phó Chủ tịch UBND tỉnh", "bầu bổ sung Ủy viên UBND tỉnh": the post the sentence fills
            if (t.from() > s.from() && (doc.at(COUNT, t.from() - 1) != null || endsAct(doc, 0, t.from()))) found = t.value();
        }
        return found;
    }

    /** The one person named earlier in the sentence, else (none named there) the sentence before's; else null. */
    private static String namedBefore(AnnotatedDocument doc, int base, int i, String antecedent) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Span<Layers.Name> n : doc.within(Layers.NAME, base, base + i)) named.add(n.value().name());
        return named.isEmpty() ? antecedent : named.size() == 1 ? named.iterator().next() : null;
    }

    /** "Đoàn đại biểu Quốc hội (ĐBQH) tỉnh ...": a short form in brackets right after a body restates it, no title. */
    private static boolean restated(AnnotatedDocument doc, int base, List<Token> tokens, Span<Layers.Title> t) {
        int from = t.from(), to = t.to();
        if (from < 2 || to >= tokens.size() || !tokens.get(from - 1).text().equals("(") || !tokens.get(to).text().equals(")")) {
            return false;
        }
        for (Span<Layers.Body> b : doc.within(Layers.BODY, base, base + from - 1)) if (b.to() == base + from - 1) return true;
        return false;
    }

    private static boolean lowerCase(Token t) {
        return !t.text().isEmpty() && Character.isLowerCase(t.text().codePointAt(0));
    }

    private static boolean endsAct(AnnotatedDocument doc, int base, int i) {
        for (int k = 1; k <= 3 && i - k >= 0; k++) {
            Span<Layers.Sense> a = doc.at(ACT, base + i - k);
            if (a != null && a.to() == base + i) return true;
        }
        return false;
    }

    private boolean afterLevelWord(List<Token> tokens, int i) {
        for (int k = 1; k <= 3 && i - k >= 0; k++) {
            PhraseTable.Match<String> m = lex.levels.longest(tokens, i - k);
            if (m != null && m.length() == k) return true;
        }
        return false;
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
