package org.vietpol.extract;

import java.util.List;
import java.util.Set;

/**
 * Reads organizations and places in token sequences: "Ban Tổ chức Tỉnh ủy", "HĐND TP Uông Bí",
 * "Thành ủy TP. Hồ Chí Minh", resolving bare ones ("Tỉnh ủy") against the article's locality.
 */
final class Places {
    /** A body parsed over tokens [from, end). */
    record Parsed(OrgRef org, int end) {}

    /** A level word and/or place parsed over tokens up to {@code end}; either may be null. */
    record LevelPlace(String level, Unit unit, int end) {}

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Unit locality;

    Places(Lexicon lex, Gazetteer gaz, Unit locality) {
        this.lex = lex;
        this.gaz = gaz;
        this.locality = locality;
    }

    /** The nearest unit, from the locality upwards, of a type the level admits ("Tỉnh ủy" in Uông Bí: Quảng Ninh). */
    Unit resolveLevel(String level) {
        if (locality == null || level == null) return locality;
        Set<String> types = lex.typesOfLevel(level);
        for (Unit u : gaz.lineage(locality)) if (types.contains(u.type())) return u;
        return null;
    }

    Parsed body(List<Token> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).word()) return null;
        PhraseTable.Match<Lexicon.Body> m = lex.bodies.longest(tokens, at);
        if (m == null) return null;
        return complete(m.value(), tokens, at + m.length());
    }

    /** The rest of a body after its head words: parent, level word, place. */
    Parsed complete(Lexicon.Body b, List<Token> tokens, int j) {
        if (b.central()) return new Parsed(new OrgRef(b.kind(), gaz.country(), b.name(), null), j);
        if (b.sub()) {
            Parsed parent = body(tokens, j);
            if (parent != null && !parent.org().kind().equals(b.kind())) {
                return new Parsed(new OrgRef(b.kind(), parent.org().unit(), b.name(), parent.org()), parent.end());
            }
            LevelPlace lp = levelPlace(tokens, j, null);
            Unit u = lp.unit() != null ? lp.unit() : lp.level() != null ? resolveLevel(lp.level()) : locality;
            if (u == null) return null;
            return new Parsed(new OrgRef(b.kind(), u, b.name(), partyCommittee(u)), lp.end());
        }
        String level = b.level();
        LevelPlace lp = levelPlace(tokens, j, level);
        Unit u;
        if (lp.unit() != null) u = lp.unit();
        else if ("commune".equals(lp.level())) return null; // a commune we cannot find is not the article's place
        else if (lp.level() != null) u = resolveLevel(lp.level());
        else if (level != null) u = resolveLevel(level);
        else u = locality;
        if (u == null) return null;
        return new Parsed(new OrgRef(b.kind(), u, b.name(), null), lp.end());
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
        // "HĐND Thành phố", "UBND tỉnh" name the level; a lone abbreviation ("TP", "H.") without a place does not
        for (int i = j; i < k; i++) if (!tokens.get(i).word()) return false;
        return tokens.get(j).text().length() > 2;
    }

    /** A place name at {@code at} (its first word capitalised), of a type the level admits when one is given. */
    record Place(Unit unit, int end) {}

    Place place(List<Token> tokens, int at, String level) {
        if (at >= tokens.size() || !tokens.get(at).capitalised()) return null;
        PhraseTable.Match<List<Unit>> m = gaz.match(tokens, at);
        if (m == null) return null;
        Set<String> types = level == null ? Set.of() : lex.typesOfLevel(level);
        Unit u = gaz.pick(m.value(), types, locality).orElse(null);
        if (u == null) return null;
        return new Place(u, at + m.length());
    }
}
