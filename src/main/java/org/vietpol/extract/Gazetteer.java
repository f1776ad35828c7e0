package org.vietpol.extract;

import java.time.LocalDate;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Administrative units with their parents and name variants, loaded from units.tsv. Immutable. */
public final class Gazetteer {
    private final Map<String, Unit> byId;
    private final PhraseTable<List<Unit>> names;
    private final Unit country;

    private Gazetteer(Map<String, Unit> byId) {
        this.byId = Map.copyOf(byId);
        PhraseTable.Builder<List<Unit>> b = PhraseTable.builder();
        Unit c = null;
        for (Unit u : byId.values()) {
            if (u.isCountry()) c = u;
            b.merge(u.name(), List.of(u), Gazetteer::concat);
            for (String v : u.variants()) b.merge(v, List.of(u), Gazetteer::concat);
        }
        if (c == null) throw new DataFile.DataException("units.tsv: no row of level country");
        this.country = c;
        this.names = b.build();
    }

    private static List<Unit> concat(List<Unit> a, List<Unit> b) {
        List<Unit> out = new ArrayList<>(a);
        for (Unit u : b) if (!out.contains(u)) out.add(u);
        out.sort((x, y) -> x.id().compareTo(y.id()));
        return List.copyOf(out);
    }

    public static Gazetteer load() {
        Map<String, Unit> units = new LinkedHashMap<>();
        read("units.tsv", units);
        if (DataFile.exists("wards.tsv")) read("wards.tsv", units);
        for (Unit u : units.values()) {
            if (u.parent() != null && !units.containsKey(u.parent())) {
                throw new DataFile.DataException("gazetteer: unit " + u.id() + " has unknown parent " + u.parent());
            }
        }
        return new Gazetteer(units);
    }

    private static void read(String file, Map<String, Unit> units) {
        for (DataFile.Row r : DataFile.table(file)) {
            try {
                Unit u = new Unit(r.get(0), r.get(1), r.get(2), r.get(3), blankToNull(r.get(4)), blankToNull(r.get(5)),
                        date(r.get(6)), date(r.get(7)), blankToNull(r.get(8)), blankToNull(r.get(9)),
                        blankToNull(r.get(10)), blankToNull(r.get(11)),
                        r.get(12).isEmpty() ? List.of() : Arrays.asList(r.get(12).split("\\|")));
                if (units.put(u.id(), u) != null) throw r.error("duplicate unit id " + u.id());
            } catch (RuntimeException e) {
                if (e instanceof DataFile.DataException) throw e;
                throw r.error(e.getMessage());
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    public Unit country() {
        return country;
    }

    public Optional<Unit> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Unit> parent(Unit u) {
        return get(u.parent());
    }

    /** The unit itself, then its parent, up to the country. */
    public List<Unit> lineage(Unit u) {
        List<Unit> out = new ArrayList<>();
        for (Unit x = u; x != null; x = x.parent() == null ? null : byId.get(x.parent())) out.add(x);
        return out;
    }

    /** Longest place name starting at {@code at}; the candidates are all units of that name. */
    public PhraseTable.Match<List<Unit>> match(List<Token> tokens, int at) {
        return names.longest(tokens, at);
    }

    /**
     * The best of several units of one name: of a type the level admits (any when {@code types} is empty),
     * inside the article's place when one is ("xã Hải Dương" in a Huế article), then the larger unit (a
     * province over its namesake capital), then the one valid latest.
     */
    public Optional<Unit> pick(List<Unit> candidates, Set<String> types, Unit near) {
        List<Unit> ok = candidates.stream().filter(u -> types.isEmpty() || types.contains(u.type())).toList();
        if (ok.isEmpty()) return Optional.empty();
        if (near != null) {
            List<Unit> around = gazetteerScope(near);
            List<Unit> inside = ok.stream().filter(u -> lineage(u).stream().anyMatch(around::contains)).toList();
            if (!inside.isEmpty()) ok = inside;
            // a commune name outside the article's province is another commune only when it is the one of its name
            else if (ok.size() > 1 && ok.stream().allMatch(u -> "ward".equals(u.level()))) return Optional.empty();
        } else if (ok.stream().allMatch(u -> "ward".equals(u.level())) && ok.size() > 1) {
            return Optional.empty(); // a commune name alone, without a place around it, is too ambiguous
        }
        return ok.stream().min((a, b) -> {
            int c = Integer.compare(rank(a), rank(b));
            if (c != 0) return c;
            LocalDate ea = a.validTo() == null ? LocalDate.MAX : a.validTo(), eb = b.validTo() == null ? LocalDate.MAX : b.validTo();
            c = eb.compareTo(ea);
            return c != 0 ? c : a.id().compareTo(b.id());
        });
    }

    /** The province of a unit and the unit itself: where its communes are looked for. */
    private List<Unit> gazetteerScope(Unit near) {
        List<Unit> l = lineage(near);
        for (Unit u : l) if ("province".equals(u.level())) return List.of(u, near);
        return List.of(near);
    }

    static int rank(Unit u) {
        switch (u.level()) {
            case "country": return 0;
            case "province": return 1;
            case "district": return 2;
            default: return 3;
        }
    }

    public int size() {
        return byId.size();
    }

    /** For tests and tools: all units by id. */
    public Map<String, Unit> units() {
        return new HashMap<>(byId);
    }
}
