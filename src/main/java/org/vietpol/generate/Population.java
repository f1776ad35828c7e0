package org.vietpol.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Unit;

/**
 * A synthetic population of office holders: for every province of the gazetteer and a few districts of each,
 * the posts the "staff" lines of templates.txt list, plus the central leaders. Same seed, same population.
 */
public final class Population {
    /** A post: the office (templates.txt key), its role and organization kind, the unit (null: central). */
    public record Post(String office, String role, String kind, Unit unit, String detail) {
        public String place() {
            return unit == null ? "Việt Nam" : unit.name();
        }
    }

    /** A person: full name, the short form later sentences use, and posts in the order titles are written. */
    public record Person(String name, String ref, boolean female, List<Post> posts) {
        Post post(String office, Unit unit) {
            for (Post p : posts) if (p.office().equals(office) && p.unit() == unit) return p;
            return null;
        }
    }

    private final List<Unit> provinces = new ArrayList<>();
    private final Map<String, List<Unit>> districts = new HashMap<>();
    private final Map<String, List<Person>> holders = new HashMap<>();
    private final List<Person> persons = new ArrayList<>();

    public static Population of(long seed) {
        return create(seed, Gazetteer.load(), Names.load(), Templates.load());
    }

    static Population create(long seed, Gazetteer g, Names names, Templates t) {
        Population pop = new Population();
        SplittableRandom r = new SplittableRandom(seed);
        List<Unit> all = new ArrayList<>(g.units().values());
        all.sort(Comparator.comparing(Unit::id));
        Set<String> used = new HashSet<>();
        for (Unit u : all) if ("province".equals(u.level())) pop.provinces.add(u);
        for (Unit p : pop.provinces) {
            List<Unit> eligible = new ArrayList<>();
            for (Unit d : all) {
                if ("district".equals(d.level()) && p.id().equals(d.parent()) && d.validFrom() == null
                        && !(d.type().equals("Thành phố") && Places.isCity(p))) eligible.add(d);
            }
            List<Unit> picked = new ArrayList<>();
            for (int i = 0; i < 3 && !eligible.isEmpty(); i++) picked.add(eligible.remove(r.nextInt(eligible.size())));
            pop.districts.put(p.id(), picked);
        }
        for (String line : t.section("staff")) {
            String[] c = line.split(" +");
            String level = c[0];
            int count = Integer.parseInt(c[1]);
            if (level.startsWith("central")) {
                for (int i = 0; i < count; i++) pop.staff(r, names, t, null, null, c, used);
                continue;
            }
            for (Unit p : pop.provinces) {
                if (!applies(level, p.id())) continue;
                if (level.startsWith("district")) {
                    for (Unit d : pop.districts.get(p.id())) for (int i = 0; i < count; i++) pop.staff(r, names, t, d, p, c, used);
                } else {
                    for (int i = 0; i < count; i++) pop.staff(r, names, t, p, p, c, used);
                }
            }
        }
        return pop;
    }

    /** "province", "province=ha-noi,..." (only those), "province!ha-noi,..." (all but those). */
    private static boolean applies(String level, String id) {
        int eq = level.indexOf('='), not = level.indexOf('!');
        if (eq > 0) return List.of(level.substring(eq + 1).split(",")).contains(id);
        if (not > 0) return !List.of(level.substring(not + 1).split(",")).contains(id);
        return true;
    }

    private void staff(SplittableRandom r, Names names, Templates t, Unit unit, Unit province, String[] c, Set<String> used) {
        String home = province != null ? province.id() : provinces.get(r.nextInt(provinces.size())).id();
        Names.Drawn n = names.draw(r, home);
        for (int i = 0; i < 30 && used.contains(n.full()); i++) n = names.draw(r, home);
        used.add(n.full());
        List<Post> posts = new ArrayList<>();
        for (int i = 2; i < c.length; i++) {
            String key = c[i];
            if (key.startsWith("?")) {
                if (r.nextBoolean()) continue;
                key = key.substring(1);
            }
            Unit u = unit;
            if (key.startsWith("c:")) { u = null; key = key.substring(2); }
            else if (key.startsWith("p:")) { u = province; key = key.substring(2); }
            Templates.Office o = t.office(key);
            String detail = null;
            if (o.forms().get(0).contains("{SO}")) detail = freeDetail(r, t.section("so." + key), u, key);
            posts.add(new Post(key, o.role(), o.kind(), u, detail));
        }
        Person p = new Person(n.full(), n.ref(), n.female(), List.copyOf(posts));
        persons.add(p);
        for (Post post : posts) holders.computeIfAbsent(key(post.unit(), post.office()), k -> new ArrayList<>()).add(p);
    }

    /** A department not yet headed in that unit. */
    private String freeDetail(SplittableRandom r, List<String> options, Unit u, String office) {
        List<Person> taken = holders.getOrDefault(key(u, office), List.of());
        for (int tries = 0; tries < 50; tries++) {
            String d = options.get(r.nextInt(options.size()));
            boolean free = true;
            for (Person p : taken) for (Post q : p.posts()) if (d.equals(q.detail()) && q.unit() == u) free = false;
            if (free) return d;
        }
        return options.get(r.nextInt(options.size()));
    }

    private static String key(Unit u, String office) {
        return (u == null ? "" : u.id()) + "|" + office;
    }

    public List<Unit> provinces() {
        return provinces;
    }

    public List<Unit> districts(String provinceId) {
        return districts.getOrDefault(provinceId, List.of());
    }

    /** Holders of an office in a unit (null: central), in the order they were made. */
    public List<Person> holders(Unit unit, String office) {
        return holders.getOrDefault(key(unit, office), List.of());
    }

    public List<Person> persons() {
        return persons;
    }
}
