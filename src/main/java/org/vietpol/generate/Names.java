package org.vietpol.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Name parts of names.tsv: draws full names of persons by province, and reporters' names. */
final class Names {
    /** A drawn name: the full name and the short form a later sentence uses ("Dũng", "Y Biêr"). */
    record Drawn(String full, String ref, boolean female) {}

    private record Pattern(boolean female, int weight, String template, String refList) {}

    private record Share(String group, double share) {}

    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();
    private final Map<String, List<Share>> shares = new LinkedHashMap<>();

    static Names load() {
        Names n = new Names();
        for (String line : Resources.lines("names.tsv")) {
            String[] c = line.split("\t");
            switch (c[0]) {
                case "list" -> n.lists.put(c[1], weighted(c[2]));
                case "pattern" -> {
                    String t = c[4];
                    int slash = t.lastIndexOf('/');
                    String ref = slash > t.lastIndexOf('}') ? t.substring(slash + 1) : null;
                    if (ref != null) t = t.substring(0, slash);
                    n.patterns.computeIfAbsent(c[1], k -> new ArrayList<>())
                            .add(new Pattern(c[2].equals("f"), Integer.parseInt(c[3]), t, ref));
                }
                case "group" -> {
                    for (String s : c[2].split("\\|")) {
                        String[] kv = s.split(":");
                        n.shares.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(new Share(c[1], Double.parseDouble(kv[1])));
                    }
                }
                default -> throw new IllegalStateException("names.tsv: unknown line: " + line);
            }
        }
        return n;
    }

    private static List<String> weighted(String cell) {
        List<String> out = new ArrayList<>();
        for (String e : cell.split("\\|")) {
            int star = e.lastIndexOf('*');
            int times = star > 0 ? Integer.parseInt(e.substring(star + 1)) : 1;
            String v = star > 0 ? e.substring(0, star) : e;
            for (int i = 0; i < times; i++) out.add(v);
        }
        return out;
    }

    List<String> list(String name) {
        List<String> l = lists.get(name);
        if (l == null) throw new IllegalArgumentException("names.tsv: no list " + name);
        return l;
    }

    /** A name for a person of a province (its ethnic groups by their shares, else Kinh). */
    Drawn draw(SplittableRandom r, String provinceId) {
        String group = "kinh";
        double x = r.nextDouble();
        for (Share s : shares.getOrDefault(provinceId, List.of())) {
            if (x < s.share()) { group = s.group(); break; }
            x -= s.share();
        }
        List<Pattern> ps = patterns.get(group);
        int total = 0;
        for (Pattern p : ps) total += p.weight();
        int k = r.nextInt(total);
        Pattern p = ps.get(ps.size() - 1);
        for (Pattern q : ps) {
            if (k < q.weight()) { p = q; break; }
            k -= q.weight();
        }
        return fill(r, p);
    }

    private Drawn fill(SplittableRandom r, Pattern p) {
        StringBuilder sb = new StringBuilder();
        String t = p.template();
        String ref = null;
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) { sb.append(t, i, t.length()); break; }
            sb.append(t, i, open);
            int close = t.indexOf('}', open);
            String name = t.substring(open + 1, close);
            List<String> l = list(name);
            sb.append(l.get(r.nextInt(l.size())));
            if (name.equals(p.refList())) ref = sb.toString();
            i = close + 1;
        }
        String full = sb.toString().trim().replaceAll(" +", " ");
        if (ref == null) ref = full.substring(full.lastIndexOf(' ') + 1);
        return new Drawn(full, ref.trim(), p.female());
    }
}
