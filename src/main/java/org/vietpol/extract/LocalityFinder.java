package org.vietpol.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Token;
import org.vietpol.extract.doc.Tokenizer;

/**
 * Decides which place an article is about, so bare "Thành ủy" or "UBND tỉnh" can be resolved: counts explicit
 * place names (after a level word or a body, or bare province names) in the text and bylines, picks the
 * province with most mentions (its districts count for it), then a district of it that is mentioned at least
 * as often as the province itself.
 */
final class LocalityFinder implements org.vietpol.extract.doc.Annotator {
    private final Lexicon lex;
    private final Gazetteer gaz;

    LocalityFinder(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    @Override public String name() { return "locality"; }
    @Override public Set<org.vietpol.extract.doc.Layer<?>> requires() { return Set.of(Layers.BYLINES, Layers.ARTICLE_DATE); }
    @Override public Set<org.vietpol.extract.doc.Layer<?>> provides() { return Set.of(Layers.LOCALITY, Layers.NATIONAL); }

    @Override
    public void annotate(org.vietpol.extract.doc.AnnotatedDocument doc) {
        List<List<Token>> sentences = new java.util.ArrayList<>();
        for (var s : doc.sentences()) sentences.add(doc.tokens().subList(s.from(), s.to()));
        Layers.Bylines b = doc.get(Layers.BYLINES);
        Found f = locality(sentences, b == null ? List.of() : b.lines(), doc.get(Layers.ARTICLE_DATE));
        if (f.unit() != null) doc.put(Layers.LOCALITY, f.unit());
        doc.put(Layers.NATIONAL, f.national());
    }

    /** The article's place, and whether it is national news that names places only in passing. */
    record Found(Unit unit, boolean national) {}

    Found locality(List<List<Token>> sentences, List<String> bylines, java.time.LocalDate on) {
        Map<Unit, Integer> counts = new HashMap<>();
        List<List<Unit>> ambiguous = new java.util.ArrayList<>();
        boolean headline = true;
        boolean headlinePlace = false;
        Places noLocality = new Places(lex, gaz, null, on);
        for (List<Token> s : sentences) {
            int before = ambiguous.size();
            Map<Unit, Integer> here = new HashMap<>();
            count(s, here, ambiguous, noLocality);
            // the headline names the article's place: it counts twice
            int weight = headline ? 2 : 1;
            if (headline) headlinePlace = here.keySet().stream().anyMatch(u -> !u.isCountry());
            here.forEach((u, k) -> counts.merge(u, k * weight, Integer::sum));
            if (headline) ambiguous.addAll(List.copyOf(ambiguous.subList(before, ambiguous.size())));
            headline = false;
        }
        // a commune or ward of the source notes and mastheads counts only when the text names it too (a commune's
        // website carries provincial news as well); otherwise its province does
        Map<Unit, Integer> notes = new HashMap<>();
        for (String b : bylines) count(Tokenizer.tokenize(b), notes, new java.util.ArrayList<>(), noLocality);
        notes.forEach((u, k) -> counts.merge(!"ward".equals(u.level()) || counts.containsKey(u) || province(u) == null
                ? u : province(u), k, Integer::sum));
        // national news (the Politburo, the Government, the National Assembly) naming a province in passing: a headline
        // naming no place, and central bodies named more than twice as often as any province (its meetings are
        // central bodies'; the province still places its bare titles)
        int central = counts.getOrDefault(gaz.country(), 0);
        counts.remove(gaz.country());
        if (counts.isEmpty()) return new Found(null, central > 0);

        Map<Unit, Integer> byProvince = byProvince(counts);
        int most = byProvince.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean national = !headlinePlace && central >= 3 && central > 2 * most;
        // a ward name several provinces have ("phường Tân Phú") is the one in the province the article names most,
        // when one does: it may then be the article's place, but never changes which province that is
        Unit leader = top(byProvince);
        if (!ambiguous.isEmpty() && leader != null && byProvince.values().stream().filter(
                v -> v.equals(byProvince.get(leader))).count() == 1) {
            for (List<Unit> c : ambiguous) {
                List<Unit> inLeader = c.stream().filter(u -> leader.equals(province(u))).toList();
                // one name for an old and a new unit of the province: the one that exists today
                if (inLeader.size() > 1) inLeader = inLeader.stream().filter(u -> u.validTo() == null).toList();
                if (inLeader.size() == 1) counts.merge(inLeader.get(0), 1, Integer::sum);
            }
        }
        Unit best = leader;
        if (best == null) return new Found(null, national);
        int direct = counts.getOrDefault(best, 0);
        Unit district = null;
        int districtCount = 0;
        for (Map.Entry<Unit, Integer> e : counts.entrySet()) {
            Unit u = e.getKey();
            if (u != best && best.equals(province(u))
                    && (e.getValue() > districtCount || e.getValue() == districtCount && district != null && u.id().compareTo(district.id()) < 0)) {
                district = u;
                districtCount = e.getValue();
            }
        }
        return new Found(district != null && districtCount >= direct ? district : best, national);
    }

    private Map<Unit, Integer> byProvince(Map<Unit, Integer> counts) {
        Map<Unit, Integer> byProvince = new HashMap<>();
        for (Map.Entry<Unit, Integer> e : counts.entrySet()) {
            Unit p = province(e.getKey());
            if (p != null) byProvince.merge(p, e.getValue(), Integer::sum);
        }
        return byProvince;
    }

    private Unit province(Unit u) {
        for (Unit x : gaz.lineage(u)) if ("province".equals(x.level())) return x;
        return null;
    }

    private static Unit top(Map<Unit, Integer> m) {
        Unit best = null;
        int n = 0;
        for (Map.Entry<Unit, Integer> e : m.entrySet()) {
            if (e.getValue() > n || e.getValue() == n && best != null && e.getKey().id().compareTo(best.id()) < 0) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    private void count(List<Token> tokens, Map<Unit, Integer> counts, List<List<Unit>> ambiguous, Places noLocality) {
        for (int i = 0; i < tokens.size(); ) {
            PhraseTable.Match<String> lv = lex.levels.longest(tokens, i);
            if (lv != null) {
                Places.Place p = noLocality.place(tokens, i + lv.length(), lv.value());
                if (p != null) {
                    counts.merge(p.unit(), 1, Integer::sum);
                    i = p.end();
                    continue;
                }
                // "xã Hải Dương": a name after a level word it does not fit is not that province either
                PhraseTable.Match<List<Unit>> other = gaz.match(tokens, i + lv.length());
                List<Unit> several = noLocality.ambiguous(tokens, i + lv.length(), lv.value());
                if (!several.isEmpty()) ambiguous.add(several);
                if (other != null) {
                    i += lv.length() + other.length();
                    continue;
                }
            }
            PhraseTable.Match<Lexicon.Body> b = lex.bodies.longest(tokens, i);
            if (b != null && b.value().central()) {
                counts.merge(gaz.country(), 1, Integer::sum);
                i += b.length();
                continue;
            }
            if (b != null) {
                String level = b.value().level();
                Places.Place p = noLocality.place(tokens, i + b.length(), level);
                if (p != null) {
                    counts.merge(p.unit(), 1, Integer::sum);
                    i = p.end();
                    continue;
                }
                i += b.length();
                continue;
            }
            if (tokens.get(i).capitalised()) {
                PhraseTable.Match<List<Unit>> m = gaz.match(tokens, i);
                // a province name closing a longer capitalised run is part of a person's name ("Phó Thủ tướng
                // Nguyễn Hòa Bình"), not the place: skip the run's words
                // ("Báo Bắc Kạn", "BÁO BẮC KẠN", "Đài PT-TH Sóc Trăng": an outlet's or an abbreviation's is a place)
                if (m != null && i > 0 && tokens.get(i - 1).nameLike() && lex.word("outlet", tokens, i - 1) == 0) {
                    i += m.length();
                    continue;
                }
                if (m != null) {
                    // bare names count only for provinces: "Hải Dương" may be a commune, "Hà Nội" is not
                    Unit u = gaz.pick(m.value(), Set.of(), null).orElse(null);
                    if (u != null && "province".equals(u.level())) counts.merge(u, 1, Integer::sum);
                    i += m.length();
                    continue;
                }
            }
            i++;
        }
    }
}
