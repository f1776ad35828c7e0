package org.vietpol.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vietpol.extract.Unit;
import org.vietpol.generate.Population.Person;
import org.vietpol.generate.Population.Post;

/** Writes persons with their titles, lists of them, and documents; records what is stated. */
final class Titles {
    private final Story s;
    private final Facts facts;
    private final SplittableRandom r;
    private final Map<String, String> docs = new HashMap<>();

    Titles(Story s, Facts facts) {
        this.s = s;
        this.facts = facts;
        this.r = s.r;
    }

    String person(String kind, Story.Pick p) {
        Person x = p.person();
        return switch (kind) {
            case "tx" -> chain(p, r.nextInt(10) < 5) + " " + x.name();
            case "xt" -> x.name() + ", " + chain(p, r.nextInt(10) < 6);
            case "xd" -> x.name() + s.dash + chain(p, r.nextInt(10) < 6);
            case "name" -> x.name();
            case "ref" -> honorific(x) + x.ref();
            case "Ref" -> capital(honorific(x)) + x.ref();
            case "hon" -> x.female() ? "bà" : "ông";
            case "Hon" -> x.female() ? "Bà" : "Ông";
            case "join" -> join(p);
            case "title" -> title(p.primary(), placed(p.primary(), true));
            case "post" -> titles(x, List.of(p.primary()));
            case "other" -> other(p);
            case "was" -> was(p);
            default -> throw new IllegalStateException(kind);
        };
    }

    /** "X, T; Y, T" (list), "đồng chí X - T; đồng chí Y - T" (dlist), or lines "T – X;" (lines). */
    String list(String kind, String specs) {
        List<String> parts = new ArrayList<>();
        List<Person> seen = new ArrayList<>();
        for (String spec : specs.split(",")) {
            if (spec.startsWith("?")) {
                if (r.nextBoolean()) continue;
                spec = spec.substring(1);
            }
            Story.Pick p = s.pick(spec);
            if (seen.stream().anyMatch(q -> q == p.person())) continue;
            seen.add(p.person());
            String name = p.person().name(), c = chain(p, r.nextInt(10) < 7);
            parts.add(switch (kind) {
                case "list" -> name + ", " + c;
                case "dlist" -> "đồng chí " + name + s.dash + c;
                default -> c + s.dash + name;
            });
        }
        return kind.equals("lines") ? String.join(";\n", parts) + "." : String.join("; ", parts);
    }

    private String honorific(Person x) {
        if (r.nextInt(10) < 3) return "đồng chí ";
        return x.female() ? "bà " : "ông ";
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private String chain(Story.Pick p, boolean full) {
        List<Post> sel = new ArrayList<>();
        for (Post q : p.person().posts()) if (q == p.primary() || full || r.nextInt(10) < 4) sel.add(q);
        return titles(p.person(), sel);
    }

    /** ", T1, T2," for the posts other than the primary one, or nothing. */
    private String other(Story.Pick p) {
        List<Post> sel = new ArrayList<>();
        for (Post q : p.person().posts()) if (q != p.primary()) sel.add(q);
        return sel.isEmpty() ? "" : ", " + titles(p.person(), sel) + ",";
    }

    /** Titles joined by commas; a unit's name closes each run of titles of the same unit where it is needed. */
    private String titles(Person x, List<Post> sel) {
        boolean named = r.nextInt(100) < 35;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sel.size(); i++) {
            Post q = sel.get(i);
            boolean last = i == sel.size() - 1 || sel.get(i + 1).unit() != q.unit();
            boolean place = q.unit() != null && (s.home(q.unit()) ? named && last : last || r.nextBoolean());
            if (i > 0) sb.append(", ");
            sb.append(title(q, place));
            facts.official(x.name(), q.role(), q.kind(), q.place());
        }
        return sb.toString();
    }

    private boolean placed(Post q, boolean last) {
        return q.unit() != null && (!s.home(q.unit()) || (last && r.nextInt(100) < 35));
    }

    /** Joining the committees of the unit of the primary post: members of both. */
    private String join(Story.Pick p) {
        Unit u = p.primary().unit();
        String name = p.person().name();
        facts.official(name, "Member", "PartyCommittee", u.name());
        facts.official(name, "Member", "StandingCommittee", u.name());
        return "tham gia Ban Chấp hành, Ban Thường vụ " + Places.uy(u) + (s.home(u) ? "" : " " + Places.name(u, r));
    }

    /** A post of the same unit the person does not hold, for "nguyên ...", "từng giữ chức ...". */
    private String was(Story.Pick p) {
        Post pr = p.primary();
        String level = pr.unit() == null ? "central" : pr.unit().level();
        List<Templates.Office> cands = new ArrayList<>();
        for (Templates.Office o : s.t.offices.values()) {
            boolean fits = o.level().equals(level) || (pr.unit() != null && o.level().equals("local"));
            if (fits && !o.role().equals("Member") && p.person().post(o.key(), pr.unit()) == null) cands.add(o);
        }
        Templates.Office o = cands.get(r.nextInt(cands.size()));
        String detail = null;
        if (o.forms().get(0).contains("{SO}")) {
            List<String> d = s.t.section("so." + o.key());
            detail = d.get(r.nextInt(d.size()));
        }
        Post fake = new Post(o.key(), o.role(), o.kind(), pr.unit(), detail);
        return title(fake, placed(fake, true));
    }

    private String title(Post q, boolean place) {
        List<String> forms = s.t.office(q.office()).forms();
        String f = forms.get(r.nextInt(forms.size()));
        if (place && f.indexOf('@') < 0) {
            List<String> with = new ArrayList<>();
            for (String g : forms) if (g.indexOf('@') >= 0) with.add(g);
            if (!with.isEmpty()) f = with.get(r.nextInt(with.size()));
        }
        return render(f, q.unit(), q.detail(), place);
    }

    private String render(String form, Unit u, String detail, boolean place) {
        if (form.indexOf('{') < 0) return form;
        StringBuilder sb = new StringBuilder(form.length() + 24);
        int i = 0;
        while (i < form.length()) {
            int open = form.indexOf('{', i);
            if (open < 0) { sb.append(form, i, form.length()); break; }
            sb.append(form, i, open);
            int close = form.indexOf('}', open);
            switch (form.substring(open + 1, close)) {
                case "UY@" -> sb.append(Places.uy(u)).append(place ? " " + Places.name(u, r) : "");
                case "LV@" -> sb.append(place ? Places.lvName(u, r) : Places.lv(u));
                case "@LV" -> sb.append(place ? " " + Places.lvName(u, r) : "");
                case "UY" -> sb.append(Places.uy(u));
                case "LV" -> sb.append(Places.lv(u));
                case "UYP" -> sb.append(Places.uy(u)).append(' ').append(Places.name(u, r));
                case "LVP" -> sb.append(Places.lvName(u, r));
                case "P" -> sb.append(Places.name(u, r));
                case "SO" -> sb.append(detail);
                default -> throw new IllegalStateException("templates.txt: unknown token in " + form);
            }
            i = close + 1;
        }
        return sb.toString();
    }

    /** A document cited by its number ("[scope.]key[#tag]"); cited again, by word and number alone. */
    String doc(String spec) {
        String known = docs.get(spec);
        if (known != null) return known;
        char scope = 'f';
        String key = spec;
        if (spec.length() > 2 && spec.charAt(1) == '.') { scope = spec.charAt(0); key = spec.substring(2); }
        int hash = key.indexOf('#');
        if (hash >= 0) key = key.substring(0, hash);
        Templates.Doc d = s.t.docs.get(key);
        if (d == null) throw new IllegalStateException("templates.txt: no doc " + key);
        Unit u = d.number().contains("{TU}") || !d.issuers().isEmpty() ? s.unit(scope) : null;
        int span = d.yearsBack() == 0 ? 120 : d.yearsBack() * 365;
        LocalDate date = s.pub.minusDays(3 + r.nextInt(span));
        String number;
        do number = number(d, date, u); while (facts.hasNumber(number));
        String word = d.words().get(r.nextInt(d.words().size()));
        boolean showDate = r.nextInt(100) < 55;
        StringBuilder sb = new StringBuilder(word).append(r.nextInt(10) < 7 ? " số " : " ").append(number);
        if (showDate) sb.append(r.nextBoolean() ? ", ngày " : " ngày ")
                .append(Dates.fill(s.t.section("date.doc").get(r.nextInt(s.t.section("date.doc").size())), date, 0, 0, false));
        boolean bare = number.chars().allMatch(Character::isDigit); // "Nghị quyết 31" needs its issuer
        if (!d.issuers().isEmpty() && (bare || r.nextInt(10) < 6)) {
            sb.append(" của ").append(render(d.issuers().get(r.nextInt(d.issuers().size())), u, null, false));
        }
        facts.document(d.type(), number, showDate ? date : null);
        docs.put(spec, word + " " + number);
        return sb.toString();
    }

    private String number(Templates.Doc d, LocalDate date, Unit u) {
        String n = Integer.toString(1 + r.nextInt(d.max()));
        String p = d.number().replace("{n}", n).replace("{y}", Integer.toString(date.getYear()))
                .replace("{QH}", date.isBefore(LocalDate.of(2021, 7, 20)) ? "QH14" : "QH15");
        return u == null ? p : p.replace("{TU}", Places.code(u));
    }
}
