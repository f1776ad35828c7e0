package org.vietpol.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vietpol.extract.Unit;
import org.vietpol.generate.Population.Person;
import org.vietpol.generate.Population.Post;

/**
 * One article being written: fills the slots of templates.txt and records in {@link Facts} each fact the text
 * states. Scopes of slots: f the article's unit, p its province, d a district (the article's, else one of the
 * province's), o another province, c central.
 */
final class Story {
    record Pick(Person person, Post primary) {}

    final Templates t;
    private final Population pop;
    private final Names names;
    final SplittableRandom r;
    final Unit focus, province, other;
    private Unit district;
    final LocalDate pub;
    private final LocalDate[] mdate = new LocalDate[2];
    private final boolean[] dated = new boolean[2];
    private final boolean plannedDate;
    final Facts facts = new Facts();
    private final Map<String, Pick> persons = new HashMap<>();
    private final Set<Person> chosen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<String, String> memo = new HashMap<>();
    private final Map<String, BitSet> used = new HashMap<>();
    final String dash;
    private final String termSep;
    final boolean upperDay;
    final int hour, minute;
    private final Titles titles;

    Story(Templates t, Population pop, Names names, SplittableRandom r, Unit focus, Unit province, LocalDate pub) {
        this.t = t;
        this.pop = pop;
        this.names = names;
        this.r = r;
        this.focus = focus;
        this.province = province;
        this.pub = pub;
        List<Unit> ps = pop.provinces();
        Unit o;
        do o = ps.get(r.nextInt(ps.size()));
        while (o == province || (o.validTo() != null && o.validTo().isBefore(pub)));
        this.other = o;
        if (focus != province) district = focus;
        mdate[0] = pub.minusDays(r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        mdate[1] = mdate[0].minusDays(1 + r.nextInt(12));
        plannedDate = r.nextInt(100) < 85;
        dash = r.nextBoolean() ? " - " : " – ";
        termSep = new String[] {"-", " - ", " – "}[r.nextInt(3)];
        upperDay = r.nextBoolean();
        hour = 6 + r.nextInt(16);
        minute = r.nextInt(60);
        titles = new Titles(this, facts);
    }

    /** A line of a section not yet used in this article (all used: any), filled in. */
    String section(String name) {
        return expand(line(name));
    }

    private String line(String name) {
        List<String> lines = t.section(name);
        BitSet b = used.computeIfAbsent(name, k -> new BitSet());
        if (b.cardinality() >= lines.size()) b.clear();
        int i = r.nextInt(lines.size());
        while (b.get(i)) i = (i + 1) % lines.size();
        b.set(i);
        return lines.get(i);
    }

    String expand(String tpl) {
        if (tpl.indexOf('{') < 0) return tpl;
        StringBuilder sb = new StringBuilder(2 * tpl.length() + 128);
        int i = 0;
        while (i < tpl.length()) {
            int open = tpl.indexOf('{', i);
            if (open < 0) { sb.append(tpl, i, tpl.length()); break; }
            sb.append(tpl, i, open);
            int close = tpl.indexOf('}', open);
            sb.append(slot(tpl.substring(open + 1, close)));
            i = close + 1;
        }
        return sb.toString();
    }

    private String slot(String s) {
        int colon = s.indexOf(':');
        String k = colon < 0 ? s : s.substring(0, colon), a = colon < 0 ? "" : s.substring(colon + 1);
        switch (k) {
            case "s": return section(a);
            case "n": return Integer.toString(between(a));
            case "r": return Dates.roman(between(a));
            case "k": return memo.computeIfAbsent("k:" + a.substring(0, a.indexOf(':')), x -> Integer.toString(between(a.substring(a.indexOf(':') + 1))));
            case "kr": return memo.computeIfAbsent("kr:" + a.substring(0, a.indexOf(':')), x -> Dates.roman(between(a.substring(a.indexOf(':') + 1))));
            case "month": return Integer.toString(pub.getMonthValue());
            case "fresh": return memo.computeIfAbsent("fresh:" + a, x -> fresh());
            case "khoa": return memo.computeIfAbsent("khoa", x -> Dates.roman(15 + r.nextInt(7)));
            case "hkhoa": return memo.computeIfAbsent("hkhoa", x -> Dates.roman(14 + r.nextInt(5)));
            case "term": return pub.isBefore(LocalDate.of(2020, 6, 1)) ? "2015" + termSep + "2020" : "2020" + termSep + "2025";
            case "hterm": return pub.isBefore(LocalDate.of(2021, 6, 1)) ? "2016" + termSep + "2021" : "2021" + termSep + "2026";
            case "year": return Integer.toString(pub.getYear());
            case "nyear": return Integer.toString(pub.getYear() + 1);
            case "q": return Dates.roman(1 + (pub.getMonthValue() - 1) / 3);
            case "Mdate1", "mdate1", "Mdate2", "mdate2": return meetingDate(k.charAt(5) - '1', k.charAt(0) == 'M');
            case "fdate1", "fdate2": return date(k.charAt(5) - '1', "date.full");
            case "dm1": return date(0, "date.dm");
            case "M1", "M2": meeting(k.charAt(1) - '1', a); return "";
            case "doc": return titles.doc(a);
            case "rep": return reporter();
            case "REP": return reporter().toUpperCase(java.util.Locale.ROOT);
            case "photo": return "(Ảnh: " + reporter() + ")";
            case "d", "m", "y", "dd", "mm", "WD", "wd", "HH", "MI": return Dates.fill("{" + k + "}", pub, hour, minute, upperDay);
            case "tx", "xt", "xd", "name", "ref", "Ref", "hon", "Hon", "title", "post", "other", "was", "join": return titles.person(k, pick(a));
            case "list", "dlist", "lines": return titles.list(k, a);
            default: return place(s);
        }
    }

    private int between(String a) {
        int dashAt = a.indexOf('-');
        int lo = Integer.parseInt(a.substring(0, dashAt)), hi = Integer.parseInt(a.substring(dashAt + 1));
        return lo + r.nextInt(hi - lo + 1);
    }

    private String reporter() {
        List<String> l = names.list("reporter");
        return l.get(r.nextInt(l.size()));
    }

    /** Someone outside the population, named without a post he holds: "ông Lê Văn Tám". */
    private String fresh() {
        Names.Drawn d = names.draw(r, province.id());
        return (d.female() ? "bà " : "ông ") + d.full();
    }

    /** A meeting's date phrase: vague when the article does not date its main meeting. */
    private String meetingDate(int i, boolean capital) {
        String p;
        if (i == 0 && !plannedDate) p = line("date.vague");
        else {
            dated[i] = true;
            p = line(mdate[i].equals(pub) && r.nextInt(4) == 0 ? "date.today" : "date.day");
        }
        String s = expand(Dates.fill(p, mdate[i], 0, 0, upperDay));
        return capital ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private String date(int i, String section) {
        dated[i] = true;
        return Dates.fill(line(section), mdate[i], 0, 0, upperDay);
    }

    private void meeting(int i, String a) {
        Facts.Meeting m = facts.meetings.get(i);
        if (m.kind != null) return;
        int colon = a.indexOf(':');
        m.kind = a.substring(colon + 1);
        m.place = unit(a.charAt(0)).name();
        m.date = mdate[i];
    }

    /** Ends the article: meetings take their date if the text gave one. */
    void finish() {
        for (int i = 0; i < 2; i++) facts.meetings.get(i).dated = dated[i];
    }

    Unit unit(char scope) {
        return switch (scope) {
            case 'f' -> focus;
            case 'p' -> province;
            case 'o' -> other;
            case 'c' -> null;
            case 'd' -> {
                if (district == null) {
                    List<Unit> ds = pop.districts(province.id());
                    district = ds.get(r.nextInt(ds.size()));
                }
                yield district;
            }
            default -> throw new IllegalStateException("templates.txt: unknown scope " + scope);
        };
    }

    boolean home(Unit u) {
        return u == focus || u == province;
    }

    /** The holder of an office ("p.bt", "c.uvbct#2"): the same for the same spec, else someone new. */
    Pick pick(String spec) {
        Pick p = persons.get(spec);
        if (p != null) return p;
        int hash = spec.indexOf('#');
        String office = spec.substring(2, hash < 0 ? spec.length() : hash);
        Unit u = unit(spec.charAt(0));
        List<Person> hs = pop.holders(u, office);
        if (hs.isEmpty()) throw new IllegalStateException("no holder of " + spec + " in " + (u == null ? "central" : u.id()));
        Person x = hs.get(r.nextInt(hs.size()));
        for (int tries = 0; tries < 8 && chosen.contains(x); tries++) x = hs.get(r.nextInt(hs.size()));
        if (chosen.contains(x)) {
            List<Person> free = new ArrayList<>();
            for (Person y : hs) if (!chosen.contains(y)) free.add(y);
            if (!free.isEmpty()) x = free.get(r.nextInt(free.size()));
        }
        chosen.add(x);
        p = new Pick(x, x.post(office, u));
        persons.put(spec, p);
        return p;
    }

    /** {P} {LV} {UY} {LVP} {UYP}, of the article's unit or with a scope first: {pUY}, {oLVP}, {dP}. */
    private String place(String s) {
        Unit u = focus;
        String k = s;
        if (s.length() > 1 && "pod".indexOf(s.charAt(0)) >= 0) {
            u = unit(s.charAt(0));
            k = s.substring(1);
        }
        return switch (k) {
            case "P" -> Places.name(u, r);
            case "LV" -> Places.lv(u);
            case "UY" -> Places.uy(u);
            case "LVP" -> Places.lvName(u, r);
            case "UYP" -> Places.uy(u) + " " + Places.name(u, r);
            default -> throw new IllegalStateException("templates.txt: unknown slot {" + s + "}");
        };
    }
}
