package org.vietpol.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Token;
import org.vietpol.extract.doc.Tokenizer;

/**
 * The Vietnamese language knowledge the extractor uses, read from the data files under
 * {@code org/vietpol/lexicon/}: titles, bodies, level words, names, documents, meetings. Immutable.
 */
public final class Lexicon {
    /** A title: the role it gives and, optionally, the body phrase it already names ("UVTV": Ban Thường vụ). */
    public record Title(String role, String implies, String alone, boolean acting, String placed) {}

    /** A body: its kind, how its jurisdiction is found, and its own name for named kinds (departments). */
    public record Body(String kind, String scope, String name) {
        public boolean central() { return scope.equals("central"); }
        public boolean sub() { return scope.equals("sub"); }
        /** A body whose posts are not posts of the graph ("chi bộ", a Party cell): a title before it gives nothing. */
        public boolean none() { return scope.equals("none"); }
        public String level() { return scope.startsWith("level:") ? scope.substring(6) : null; }
        /** The level when neither a level word nor a place follows: "local:commune" for a bare "Đảng ủy". */
        public String defaultLevel() { return scope.startsWith("local:") ? scope.substring(6) : level(); }
    }

    /** Labels of an organization kind. */
    public record Kind(String name, String slug, String localLabel, String centralLabel, String enLabel, String termFamily,
                       boolean keptOnTransfer, boolean membersListed) {}

    /** Words for a unit type. */
    public record UnitWords(String shortWord, String party) {}

    /** An issuer suffix of document numbers. */
    public record Issuer(String suffix, boolean central, List<String> bodies, boolean bare) {}

    final PhraseTable<Title> titles;
    final PhraseTable<Body> bodies;
    final PhraseTable<String> levels;
    final Map<String, Set<String>> levelTypes;
    final Set<String> surnames;
    private final List<String> surnamePrefixes;
    /** Middle names that make the capitalised word before them a family name ("Văn Thị Bạch Tuyết"). */
    private final Set<String> middleNames = new HashSet<>();
    final PhraseTable<String> personWords;
    final PhraseTable<String> notNames;
    /** Words after a central body that make it a foreign one (foreign.tsv). */
    final PhraseTable<String> foreign;
    private final PhraseTable<List<Layers.Sense>> senses;
    private final Set<String> senseKinds;
    final PhraseTable<String> docWords;
    final Map<String, String> docCodes;
    private final Map<String, String> docWordOf = new HashMap<>();
    final Map<String, Issuer> issuers;
    final Set<String> abbreviations;
    private final Map<String, PhraseTable<String>> words = new HashMap<>();
    final Map<String, Kind> kinds;
    final Map<String, UnitWords> unitWords;

    private Lexicon() {
        Vocabulary vocab = Vocabulary.defaults();
        PhraseTable.Builder<Title> t = PhraseTable.builder();
        for (DataFile.Row r : DataFile.table("titles.tsv")) {
            if (!vocab.isRole(r.get(1))) throw r.error("unknown role " + r.get(1) + " (roles of the ontology: " + vocab.roles() + ")");
            if (!r.get(4).isEmpty() && !r.get(4).equals("acting")) throw r.error("the fifth column is empty or 'acting', not " + r.get(4));
            t.put(r.get(0), titleOf(r));
        }
        List<String[]> longForms = new ArrayList<>();
        for (DataFile.Row r : DataFile.table("long-forms.tsv")) longForms.add(new String[] {r.get(0), r.get(1)});
        for (DataFile.Row r : DataFile.table("titles.tsv")) {
            for (String v : spelledOut(r.get(0), longForms)) t.merge(v, titleOf(r), (listed, derived) -> listed);
        }
        titles = t.build();

        kinds = new LinkedHashMap<>();
        for (DataFile.Row r : DataFile.table("kinds.tsv")) {
            if (!vocab.isKind(r.get(0))) throw r.error("unknown organization kind " + r.get(0) + " (kinds of the ontology: " + vocab.kinds() + ")");
            kinds.put(r.get(0), new Kind(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6).equals("kept"),
                    r.get(7).equals("listed")));
        }
        for (String k : vocab.kinds()) {
            if (!kinds.containsKey(k)) throw new DataFile.DataException("kinds.tsv: no row for the organization kind " + k + " of the ontology");
        }

        PhraseTable.Builder<Body> b = PhraseTable.builder();
        for (DataFile.Row r : DataFile.table("bodies.tsv")) {
            if (!kinds.containsKey(r.get(1))) throw r.error("unknown organization kind " + r.get(1));
            if (!r.get(2).matches("central|sub|local|none|(local|level):(province|city|huyen|quan|thixa|commune)")) {
                throw r.error("unknown scope " + r.get(2) + " (central, sub, local, local:LEVEL, level:LEVEL, none)");
            }
            // named kinds keep the phrase as their own name ("Ban Kinh tế Trung ương")
            boolean named = kinds.get(r.get(1)).localLabel().contains("{name}");
            b.put(r.get(0), new Body(r.get(1), r.get(2), named ? r.get(0) : null));
        }
        for (DataFile.Row r : DataFile.table("departments.tsv")) {
            b.put(r.get(0), new Body("Department", r.get(1), r.get(2).isEmpty() ? r.get(0) : r.get(2)));
        }
        for (DataFile.Row r : DataFile.table("bodies.tsv")) {
            boolean named = kinds.get(r.get(1)).localLabel().contains("{name}");
            for (String v : spelledOut(r.get(0), longForms)) b.merge(v, new Body(r.get(1), r.get(2), named ? r.get(0) : null), (listed, derived) -> listed);
        }
        for (DataFile.Row r : DataFile.table("departments.tsv")) {
            for (String v : spelledOut(r.get(0), longForms)) {
                b.merge(v, new Body("Department", r.get(1), r.get(2).isEmpty() ? r.get(0) : r.get(2)), (listed, derived) -> listed);
            }
        }
        bodies = b.build();
        for (DataFile.Row r : DataFile.table("titles.tsv")) {
            if (!r.get(2).isEmpty() && bodies.longest(Tokenizer.tokenize(r.get(2)), 0) == null) {
                throw r.error("implied body does not start with a body of bodies.tsv: " + r.get(2));
            }
            if (!r.get(5).isEmpty() && bodies.longest(Tokenizer.tokenize(r.get(5)), 0) == null) {
                throw r.error("the body before a place is not a body of bodies.tsv: " + r.get(5));
            }
        }

        PhraseTable.Builder<String> l = PhraseTable.builder();
        for (DataFile.Row r : DataFile.table("levels.tsv")) l.put(r.get(0), r.get(1));
        levels = l.build();
        levelTypes = new HashMap<>();
        for (DataFile.Row r : DataFile.table("unit-types.tsv")) {
            levelTypes.computeIfAbsent(r.get(0), k -> new HashSet<>()).add(r.get(1));
        }
        unitWords = new HashMap<>();
        for (DataFile.Row r : DataFile.table("unit-words.tsv")) unitWords.put(r.get(0), new UnitWords(r.get(1), r.get(2)));

        surnames = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String s : DataFile.list("surnames.txt")) {
            // "H'" lists a prefix: H'Yim, H'Hen
            if (s.endsWith("'")) prefixes.add(org.vietpol.text.VietText.key(s.substring(0, s.length() - 1)) + "'");
            else surnames.add(PhraseTable.keyOf(s));
        }
        surnamePrefixes = List.copyOf(prefixes);
        Map<String, PhraseTable.Builder<String>> sb = new LinkedHashMap<>();
        PhraseTable.Builder<List<Layers.Sense>> all = PhraseTable.builder();
        Set<String> senseKinds = new java.util.LinkedHashSet<>();
        PhraseTable.Builder<String> p = PhraseTable.builder(), nn = PhraseTable.builder();
        for (DataFile.Row r : DataFile.table("persons.tsv")) {
            switch (r.get(1)) {
                case "cue", "excluded" -> p.put(r.get(0), r.get(1));
                case "rank", "plural" -> p.put(r.get(0), "cue");
                case "not-name" -> nn.put(r.get(0), r.get(1));
                case "middle" -> middleNames.add(PhraseTable.keyOf(r.get(0)));
                default -> throw r.error("unknown kind " + r.get(1) + " (cue, rank, plural, excluded, not-name, middle)");
            }
            if (r.get(1).equals("rank") || r.get(1).equals("plural")) sense(all, senseKinds, "cue", r.get(0), "");
            if (!r.get(1).equals("not-name") && !r.get(1).equals("middle")) sense(all, senseKinds, r.get(1), r.get(0), "");
        }
        personWords = p.build();
        notNames = nn.build();
        PhraseTable.Builder<String> fo = PhraseTable.builder();
        for (DataFile.Row r : DataFile.table("foreign.tsv")) fo.put(r.get(0), r.get(0));
        foreign = fo.build();

        PhraseTable.Builder<String> dw = PhraseTable.builder();
        docCodes = new HashMap<>();
        for (DataFile.Row r : DataFile.table("documents.tsv")) {
            if (!vocab.isDocumentType(r.get(2))) throw r.error("unknown document type " + r.get(2) + " (types of the ontology: " + vocab.documentTypes() + ")");
            if (!List.of("word", "code", "generic").contains(r.get(0))) throw r.error("unknown kind " + r.get(0) + " (word, code, generic)");
            sense(all, senseKinds, r.get(0).equals("word") ? "doc-type" : r.get(0).equals("code") ? "doc-code" : "doc-generic", r.get(1), r.get(2));
            if (r.get(0).equals("generic")) continue;
            if (r.get(0).equals("word")) {
                dw.put(r.get(1), r.get(2));
                docWordOf.putIfAbsent(r.get(2), r.get(1));
            }
            else docCodes.put(r.get(1), r.get(2));
        }
        docWords = dw.build();
        Map<String, Issuer> is = new HashMap<>();
        for (DataFile.Row r : DataFile.table("issuers.tsv")) {
            Issuer old = is.get(r.get(0));
            List<String> bs = new ArrayList<>(old == null ? List.of() : old.bodies());
            bs.add(r.get(2));
            is.put(r.get(0), new Issuer(r.get(0), r.get(1).equals("central"), List.copyOf(bs),
                    r.get(3).equals("yes") || old != null && old.bare()));
        }
        issuers = is;

        for (DataFile.Row r : DataFile.table("meetings.tsv")) {
            if (!List.of("noun", "cue", "not-before", "chair", "attend", "verb", "visit", "vote").contains(r.get(0))) {
                throw r.error("unknown meeting word kind " + r.get(0) + " (noun, cue, not-before, chair, attend, verb, visit, vote)");
            }
            sense(all, senseKinds, "meeting-" + r.get(0), r.get(1), List.of("noun", "verb", "visit", "vote").contains(r.get(0)) ? r.get(1) : "");
        }
        abbreviations = new HashSet<>(DataFile.list("abbreviations.txt"));
        Map<String, PhraseTable.Builder<String>> wb = new HashMap<>();
        for (DataFile.Row r : DataFile.table("words.tsv")) {
            if (!r.get(0).matches("[a-z][a-z-]*")) throw r.error("a kind is lower-case words joined by '-': " + r.get(0));
            String value = r.get(2);
            if (!value.isEmpty() && !vocab.isChangeKind(value)) {
                throw r.error("unknown change kind " + value + " (change kinds of the ontology: " + vocab.changeKinds() + ")");
            }
            wb.computeIfAbsent(r.get(0), k -> PhraseTable.builder()).merge(r.get(1), r.get(1), (first, again) -> first); // "–" and "-" are one key
            sense(all, senseKinds, r.get(0), r.get(1), value);
        }
        wb.forEach((k, v) -> words.put(k, v.build()));
        this.senses = all.build();
        this.senseKinds = Set.copyOf(senseKinds);
    }

    private static Title titleOf(DataFile.Row r) {
        return new Title(r.get(1), r.get(2).isEmpty() ? null : r.get(2), r.get(3).isEmpty() ? null : r.get(3),
                r.get(4).equals("acting"), r.get(5).isEmpty() ? null : r.get(5));
    }

    /**
     * The other ways of writing a phrase: each abbreviation of long-forms.tsv written out (words compared by their
     * keys: case and tone-mark placement ignored).
     */
    static Set<String> spelledOut(String phrase, List<String[]> longForms) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(phrase));
        while (!todo.isEmpty() && seen.size() < 16) {
            String p = todo.poll();
            if (!seen.add(p)) continue;
            for (String[] f : longForms) {
                String v = replaceWords(p, f[0], f[1]);
                if (v != null && !seen.contains(v)) todo.add(v);
            }
        }
        seen.remove(phrase);
        return seen;
    }

    /** The phrase with the words of {@code from} (as keys, whole words) replaced by {@code to}; null when absent. */
    private static String replaceWords(String phrase, String from, String to) {
        String[] words = phrase.split(" "), pattern = from.split(" ");
        for (int i = 0; i + pattern.length <= words.length; i++) {
            boolean same = true;
            for (int j = 0; j < pattern.length && same; j++) same = PhraseTable.keyOf(words[i + j]).equals(PhraseTable.keyOf(pattern[j]));
            if (!same) continue;
            List<String> out = new ArrayList<>(List.of(words).subList(0, i));
            out.add(to);
            out.addAll(List.of(words).subList(i + pattern.length, words.length));
            return String.join(" ", out);
        }
        return null;
    }

    private static void sense(PhraseTable.Builder<List<Layers.Sense>> all, Set<String> kinds, String kind, String phrase, String value) {
        kinds.add(kind);
        all.merge(phrase, List.of(new Layers.Sense(kind, value)), (a, b) -> {
            List<Layers.Sense> out = new ArrayList<>(a);
            for (Layers.Sense x : b) {
                out.removeIf(y -> y.kind().equals(x.kind()));
                out.add(x);
            }
            return List.copyOf(out);
        });
    }

    /** Every phrase of the word lists with its senses (kind and value), for one walk per token. */
    PhraseTable<List<Layers.Sense>> senses() {
        return senses;
    }

    /** The kinds of {@link #senses()}: the layer names the lexicon finder provides. */
    Set<String> senseKinds() {
        return senseKinds;
    }

    private static volatile Lexicon defaults;

    /** The lexicon shipped with the tool (loaded once). */
    public static Lexicon defaults() {
        Lexicon l = defaults;
        if (l == null) {
            synchronized (Lexicon.class) {
                if (defaults == null) defaults = new Lexicon();
                l = defaults;
            }
        }
        return l;
    }

    public Kind kind(String name) {
        Kind k = kinds.get(name);
        if (k == null) throw new IllegalArgumentException("unknown organization kind " + name);
        return k;
    }

    public UnitWords unitWords(String unitType) {
        return unitWords.getOrDefault(unitType, new UnitWords("", "Đảng ủy"));
    }

    /** The usual Vietnamese word for a document type ("Nghị quyết" for Resolution). */
    public String documentWord(String type) {
        return docWordOf.getOrDefault(type, type);
    }

    /** Length of the function word of {@code kind} (words.tsv) starting at {@code at}, or 0. */
    public int word(String kind, List<Token> tokens, int at) {
        PhraseTable<String> t = words.get(kind);
        if (t == null) throw new IllegalArgumentException("words.tsv has no kind " + kind);
        if (at < 0 || at >= tokens.size()) return 0;
        PhraseTable.Match<String> m = t.longest(tokens, at);
        return m == null ? 0 : m.length();
    }

    /** True when a function word of {@code kind} starts anywhere in [from, to). */
    public boolean anyWord(String kind, List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) if (word(kind, tokens, i) > 0) return true;
        return false;
    }

    /** True when tokens [from, to) are one or more function words of {@code kind}, nothing else. */
    public boolean onlyWords(String kind, List<Token> tokens, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; ) {
            int n = word(kind, tokens, i);
            if (n == 0 || i + n > to) return false;
            i += n;
        }
        return true;
    }

    /** A family name from surnames.txt, or a syllable with a listed prefix ("H'Yim" for "H'"). */
    public boolean isSurname(Token t) {
        if (surnames.contains(t.key())) return true;
        for (String p : surnamePrefixes) if (t.key().startsWith(p) && t.key().length() > p.length()) return true;
        return false;
    }

    /** A middle name that marks the word before it as a family name our list lacks ("Văn Thị ..."). */
    public boolean isMiddleName(Token t) {
        return middleNames.contains(t.key());
    }

    public Set<String> typesOfLevel(String level) {
        return levelTypes.getOrDefault(level, Set.of());
    }
}
