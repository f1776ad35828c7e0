package org.vietpol.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of templates.txt: offices (role, kind and how their titles are written), document kinds, article
 * scenarios and sections of sentence templates. Format: see the head of that file.
 */
final class Templates {
    /** An office; level is province, district or central; forms may use {UY@} {LV@} {@LV} {UY} {LV} {SO}. */
    record Office(String key, String level, String role, String kind, List<String> forms) {}

    /** A kind of document: its type, the words naming it, the number pattern, issuers, largest number. */
    record Doc(String key, String type, List<String> words, String number, List<String> issuers, int max,
               int yearsBack) {}

    /** One part of a scenario: a section drawn min..max times (distinct lines), or skipped with 1 - p. */
    record Item(String section, double p, int min, int max) {}

    record Scenario(String name, String level, int weight, LocalDate from, LocalDate to, List<Item> items) {}

    final Map<String, Office> offices = new LinkedHashMap<>();
    final Map<String, Doc> docs = new LinkedHashMap<>();
    final List<Scenario> scenarios = new ArrayList<>();
    final Map<String, List<String>> sections = new LinkedHashMap<>();

    static Templates load() {
        Templates t = new Templates();
        List<String> current = null;
        for (String line : Resources.lines("templates.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = t.sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                continue;
            }
            String[] c = line.split("\t");
            switch (c[0]) {
                case "office" -> t.offices.put(c[1], new Office(c[1], c[2], c[3], c[4], List.of(c[5].split("\\|"))));
                case "doc" -> t.docs.put(c[1], new Doc(c[1], c[2], List.of(c[3].split("\\|")), c[4],
                        c[5].equals("-") ? List.of() : List.of(c[5].split("\\|")), Integer.parseInt(c[6]),
                        Integer.parseInt(c[7])));
                case "scenario" -> t.scenarios.add(scenario(c));
                default -> {
                    if (current == null) throw new IllegalStateException("templates.txt: line outside a section: " + line);
                    current.add(line.replace("\\n", "\n"));
                }
            }
        }
        for (Scenario s : t.scenarios) {
            for (Item i : s.items()) t.section(i.section());
        }
        return t;
    }

    private static Scenario scenario(String[] c) {
        LocalDate from = LocalDate.of(2019, 3, 1), to = LocalDate.of(2025, 6, 20);
        if (!c[4].equals("-")) {
            String[] d = c[4].split("\\.\\.");
            from = LocalDate.parse(d[0]);
            to = LocalDate.parse(d[1]);
        }
        List<Item> items = new ArrayList<>();
        for (String s : c[5].trim().split(" +")) {
            double p = 1;
            int min = 1, max = 1;
            if (s.startsWith("?")) { p = 0.5; s = s.substring(1); }
            int star = s.indexOf('*');
            if (star > 0) {
                String[] r = s.substring(star + 1).split("-");
                min = Integer.parseInt(r[0]);
                max = Integer.parseInt(r[r.length - 1]);
                s = s.substring(0, star);
            }
            items.add(new Item(s, p, min, max));
        }
        return new Scenario(c[1], c[2], Integer.parseInt(c[3]), from, to, items);
    }

    List<String> section(String name) {
        List<String> l = sections.get(name);
        if (l == null || l.isEmpty()) throw new IllegalStateException("templates.txt: no section [" + name + "]");
        return l;
    }

    Office office(String key) {
        Office o = offices.get(key);
        if (o == null) throw new IllegalStateException("templates.txt: no office " + key);
        return o;
    }
}
