package org.vietpol.extract;

import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Token;
import java.util.List;
import java.util.Set;

/**
 * Reads organizations and places in token sequences: "Ban Tổ chức Tỉnh ủy", "HĐND TP Uông Bí",
 * "Thành ủy TP. Hồ Chí Minh", resolving bare ones ("Tỉnh ủy") against the article's locality.
 */
final class Places {
    /**
     * A body parsed over tokens [from, end). {@code explicit}: its place is named in the text (or it is central);
     * otherwise it was resolved from the article's place at {@code level} (null: the place itself), and a place
     * named later in the same title chain may resolve it again ({@link #reresolve}).
     */
    record Parsed(OrgRef org, int end, boolean explicit, String level, Lexicon.Body pending) {
        Parsed(OrgRef org, int end) {
            this(org, end, true, null, null);
        }

        Parsed(OrgRef org, int end, boolean explicit, String level) {
            this(org, end, explicit, level, null);
        }
    }

    /** A level word and/or place parsed over tokens up to {@code end}; either may be null. */
    record LevelPlace(String level, Unit unit, int end) {}

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Unit locality;
    private final java.time.LocalDate on;

    Places(Lexicon lex, Gazetteer gaz, Unit locality) {
        this(lex, gaz, locality, null);
    }

    /** {@code on}: the article's date; of units of one name, those that existed on it are meant (null: any). */
    Places(Lexicon lex, Gazetteer gaz, Unit locality, java.time.LocalDate on) {
        this.lex = lex;
        this.gaz = gaz;
        this.locality = locality;
        this.on = on;
    }

    /** The nearest unit, from the locality upwards, of a type the level admits ("Tỉnh ủy" in Uông Bí: Quảng Ninh). */
    Unit resolveLevel(String level) {
        if (locality == null || level == null) return locality;
        Set<String> types = lex.typesOfLevel(level);
        for (Unit u : gaz.lineage(locality)) if (types.contains(u.type())) return u;
        return provinceFallback(level, gaz.lineage(locality));
    }

    /**
     * Types change over time (Huế, Đồng Nai became centrally governed cities), but "tỉnh" and "Tỉnh ủy" in an
     * article written before still name them: any province-level unit will do for the province level.
     */
    private static Unit provinceFallback(String level, List<Unit> units) {
        if (!"province".equals(level)) return null;
        for (Unit u : units) if ("province".equals(u.level())) return u;
        return null;
    }

    Parsed body(List<Token> tokens, int at) {
        Parsed p = bodyOrPending(tokens, at);
        return p == null || p.org() == null ? null : p;
    }

    /**
     * Like {@link #body}, but a local body whose place cannot be found from the article ("Bí thư Thị ủy" in an
     * article about the province) comes back with a null org and its head in {@code pending}: a place named later
     * in the same title chain may still resolve it.
     */
    Parsed bodyOrPending(List<Token> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).word()) return null;
        PhraseTable.Match<Lexicon.Body> m = lex.bodies.longest(tokens, at);
        if (m == null || m.value().none()) return null;
        Parsed p = complete(m.value(), tokens, at + m.length());
        if (p != null) return p;
        if (m.value().sub()) return null;
        LevelPlace lp = levelPlace(tokens, at + m.length(), m.value().level());
        if (lp.unit() != null || "commune".equals(lp.level()) && unknownName(tokens, lp.end())) return null;
        String level = lp.level() != null ? lp.level() : m.value().defaultLevel();
        return new Parsed(null, lp.end(), false, level, m.value());
    }

    /** The rest of a body after its head words: parent, level word, place. */
    Parsed complete(Lexicon.Body b, List<Token> tokens, int j) {
        if (b.central()) {
            if (lex.foreign.longest(tokens, j) != null) return null; // "Bộ Chính trị Đảng Nhân dân Cách mạng Lào"
            return new Parsed(new OrgRef(b.kind(), gaz.country(), b.name(), null), j);
        }
        if (b.sub()) {
            Parsed parent = body(tokens, j);
            if (parent != null && !parent.org().kind().equals(b.kind())) {
                // the Standing Committee of an agency's or the army's Party committee ("Ủy viên Thường vụ Quân ủy
                // Trung ương") is of its kind, Other, and named after it
                // and its Ban Chấp hành is that Party committee itself ("Ban Chấp hành Đảng ủy Quốc hội")
                if (b.kind().equals("PartyCommittee") && parent.org().kind().equals("Other") && parent.org().name() != null) {
                    return new Parsed(parent.org(), parent.end(), parent.explicit(), parent.level());
                }
                if (b.kind().equals("StandingCommittee") && parent.org().kind().equals("Other") && parent.org().name() != null) {
                    return new Parsed(new OrgRef("Other", parent.org().unit(), "Ban Thường vụ " + parent.org().name(), parent.org()),
                            parent.end(), parent.explicit(), parent.level());
                }
                return new Parsed(new OrgRef(b.kind(), parent.org().unit(), b.name(), parent.org()), parent.end(),
                        parent.explicit(), parent.level());
            }
            LevelPlace lp = levelPlace(tokens, j, null);
            if (lp.unit() != null) return new Parsed(new OrgRef(b.kind(), lp.unit(), b.name(), partyCommittee(lp.unit())), lp.end());
            if ("commune".equals(lp.level()) && unknownName(tokens, lp.end())) return null;
            Unit u = lp.level() != null ? resolveLevel(lp.level()) : locality;
            if (u == null) return null;
            return new Parsed(new OrgRef(b.kind(), u, b.name(), partyCommittee(u)), lp.end(), false, lp.level());
        }
        LevelPlace lp = levelPlace(tokens, j, b.level());
        if (lp.unit() != null) return new Parsed(new OrgRef(b.kind(), lp.unit(), b.name(), null), lp.end());
        // "HĐND xã X" of an X we cannot find is not the article's place; a bare "HĐND phường" in an article about a
        // ward is that ward's
        if ("commune".equals(lp.level()) && unknownName(tokens, lp.end())) return null;
        String level = lp.level() != null ? lp.level() : b.defaultLevel();
        Unit u = level != null ? resolveLevel(level) : locality;
        if (u == null) return null;
        return new Parsed(new OrgRef(b.kind(), u, b.name(), null), lp.end(), false, level);
    }

    /**
     * Of the units of one name, those that existed on the article's date, and of those, the ones whose type the word
     * before the name gives ("phường Tân Định": the ward, not the commune "xã Tân Định" of another province).
     */
    private List<Unit> narrow(List<Unit> units, Token before) {
        List<Unit> out = units;
        if (on != null) {
            List<Unit> current = out.stream().filter(u -> (u.validFrom() == null || !u.validFrom().isAfter(on))
                    && (u.validTo() == null || !u.validTo().isBefore(on))).toList();
            if (!current.isEmpty()) out = current;
        }
        if (before != null && before.word()) {
            List<Unit> typed = out.stream().filter(u -> u.type() != null && u.type().equalsIgnoreCase(before.text())).toList();
            if (!typed.isEmpty()) out = typed;
        }
        return out;
    }

    /**
     * A district whose kind changed (huyện to thị xã to phường) is still named by its older level word in articles of
     * its time ("Huyện ủy Kim Bảng" in 2023): any district-level unit of that name will do for a district level.
     */
    private static Unit districtFallback(String level, List<Unit> units) {
        if (level == null || !List.of("huyen", "quan", "thixa").contains(level)) return null;
        for (Unit u : units) if ("district".equals(u.level())) return u;
        return null;
    }

    /**
     * A capitalised word right after a level word: the name of a place the gazetteer does not know; unless it starts
     * a person's name ("Chủ tịch HĐND phường Tạ Hồng Quang").
     */
    private boolean unknownName(List<Token> tokens, int at) {
        return at < tokens.size() && tokens.get(at).capitalised() && !lex.isSurname(tokens.get(at));
    }

    /**
     * A unit named like a person whose name runs on ("Phó Chủ tịch HĐND phường Phan Tiến Đức"): the words are the
     * person's, the level word's place is the article's.
     */
    private boolean personAfterLevel(List<Token> tokens, int at, int length) {
        int after = at + length;
        return lex.isSurname(tokens.get(at)) && after < tokens.size() && tokens.get(after).nameLike()
                && !lex.isSurname(tokens.get(after)) && gaz.match(tokens, after) == null
                && lex.bodies.longest(tokens, after) == null && lex.titles.longest(tokens, after) == null;
    }

    /** The units of a commune-level name the date and level allow, when there are several: for the caller to choose. */
    List<Unit> ambiguous(List<Token> tokens, int at, String level) {
        if (at >= tokens.size() || !tokens.get(at).capitalised() || level == null) return List.of();
        PhraseTable.Match<List<Unit>> m = gaz.match(tokens, at);
        if (m == null) return List.of();
        Set<String> types = lex.typesOfLevel(level);
        List<Unit> c = narrow(m.value(), at > 0 ? tokens.get(at - 1) : null).stream()
                .filter(u -> types.contains(u.type()) && "ward".equals(u.level())).toList();
        return c.size() > 1 ? c : List.of();
    }

    /**
     * Resolves an implicitly placed body again from another place: in "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
     * Quảng Trị" the bare "Tỉnh ủy" is Quảng Trị's. Null when the level does not fit that place.
     */
    OrgRef resolvePending(Lexicon.Body head, String level, Unit base) {
        OrgRef draft = new OrgRef(head.kind(), base, head.name(), null);
        return reresolve(draft, level, base);
    }

    OrgRef reresolve(OrgRef org, String level, Unit base) {
        Unit u = null;
        if (level == null) {
            u = base;
        } else {
            Set<String> types = lex.typesOfLevel(level);
            for (Unit x : gaz.lineage(base)) if (types.contains(x.type())) { u = x; break; }
            if (u == null) u = provinceFallback(level, gaz.lineage(base));
        }
        if (u == null) return null;
        OrgRef p = org.parent();
        return new OrgRef(org.kind(), u, org.name(), p == null ? null : new OrgRef(p.kind(), u, p.name(), null));
    }

    OrgRef partyCommittee(Unit u) {
        return new OrgRef("PartyCommittee", u, null, null);
    }

    /** An optional level word ("tỉnh", "TP.") then an optional place name admitted by that level. */
    LevelPlace levelPlace(List<Token> tokens, int j, String expected) {
        String level = null;
        int k = j;
        PhraseTable.Match<String> lv = k < tokens.size() ? lex.levels.longest(tokens, k) : null;
        if (lv != null) {
            level = lv.value();
            k += lv.length();
        }
        Place p = place(tokens, k, level != null ? level : expected);
        if (p != null) return new LevelPlace(level, p.unit(), p.end());
        if (level != null && isFullLevelWord(tokens, j, k)) {
            return new LevelPlace(level, null, k);
        }
        if ("commune".equals(level)) return new LevelPlace(level, null, k); // "xã X" of an unknown X: unresolved
        return new LevelPlace(null, null, j);
    }

    private static boolean isFullLevelWord(List<Token> tokens, int j, int k) {
        // "HĐND Thành phố", "UBND tỉnh", "UBND TP" name the level; a lone letter ("H.", "Q.") without a place does not
        for (int i = j; i < k; i++) if (!tokens.get(i).word()) return false;
        return tokens.get(j).text().length() >= 2;
    }

    /**
     * A commune or ward name several units share, in an article with no place of its own: the one unit of that
     * name that existed on the article's day, if only one did (most names repeat across provinces only among the
     * communes that the 2025 reorganisation merged away).
     */
    private Unit onlyOneOnTheDay(List<Unit> candidates, Set<String> types) {
        if (on == null) return null;
        List<Unit> alive = candidates.stream()
                .filter(u -> "ward".equals(u.level()) && (types.isEmpty() || types.contains(u.type())))
                .filter(u -> (u.validFrom() == null || !u.validFrom().isAfter(on)) && (u.validTo() == null || !u.validTo().isBefore(on)))
                .toList();
        return alive.size() == 1 ? alive.get(0) : null;
    }

    /** A place name at {@code at} (its first word capitalised), of a type the level admits when one is given. */
    record Place(Unit unit, int end) {}

    Place place(List<Token> tokens, int at, String level) {
        if (at >= tokens.size() || !tokens.get(at).capitalised()) return null;
        PhraseTable.Match<List<Unit>> m = gaz.match(tokens, at);
        if (m == null || personAfterLevel(tokens, at, m.length())) return null;
        Set<String> types = level == null ? Set.of() : lex.typesOfLevel(level);
        List<Unit> candidates = narrow(m.value(), at > 0 ? tokens.get(at - 1) : null);
        Unit u = gaz.pick(candidates, types, locality).orElse(null);
        if (u == null && locality == null) u = onlyOneOnTheDay(candidates, types);
        if (u == null) u = provinceFallback(level, m.value());
        if (u == null) u = districtFallback(level, m.value());
        if (u == null) return null;
        return new Place(u, at + m.length());
    }
}
