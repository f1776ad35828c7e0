package org.vietpol.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an article's text states, recorded as its slots are filled: the gold file's content. */
final class Facts {
    /** A meeting event: its organizer and place are set by the first sentence reporting it. */
    static final class Meeting {
        String kind;
        String place;
        LocalDate date;
        boolean dated;
    }

    private final Set<String> officials = new LinkedHashSet<>();
    private final Set<String> documents = new LinkedHashSet<>();
    final List<Meeting> meetings = List.of(new Meeting(), new Meeting());
    private final Set<String> numbers = new LinkedHashSet<>();
    private int officialCount;

    void official(String name, String role, String kind, String place) {
        if (officials.add(obj("name", name, "role", role, "orgKind", kind, "place", place))) officialCount++;
    }

    void document(String type, String number, LocalDate date) {
        if (numbers.add(number)) documents.add(obj("type", type, "number", number, "date", iso(date)));
    }

    boolean hasNumber(String number) {
        return numbers.contains(number);
    }

    int officials() {
        return officialCount;
    }

    String json(String id, String place) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n  \"id\": ").append(str(id)).append(",\n  \"place\": ").append(str(place)).append(",\n");
        array(sb, "officials", officials);
        sb.append(",\n");
        Set<String> ms = new LinkedHashSet<>();
        for (Meeting m : meetings) {
            if (m.kind != null) ms.add(obj("date", m.dated ? iso(m.date) : null, "organizerKind", m.kind, "place", m.place));
        }
        array(sb, "meetings", ms);
        sb.append(",\n");
        array(sb, "documents", documents);
        return sb.append("\n}\n").toString();
    }

    int meetingCount() {
        int n = 0;
        for (Meeting m : meetings) if (m.kind != null) n++;
        return n;
    }

    int documentCount() {
        return documents.size();
    }

    private static void array(StringBuilder sb, String key, Set<String> items) {
        sb.append("  \"").append(key).append("\": [");
        int i = 0;
        for (String s : items) sb.append(i++ == 0 ? "\n    " : ",\n    ").append(s);
        sb.append(items.isEmpty() ? "]" : "\n  ]");
    }

    private static String obj(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) sb.append(", ");
            sb.append('"').append(kv[i]).append("\": ").append(str(kv[i + 1]));
        }
        return sb.append('}').toString();
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String str(String s) {
        if (s == null) return "null";
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) plain = s.charAt(i) >= 0x20 && s.charAt(i) != '"' && s.charAt(i) != '\\';
        if (plain) return '"' + s + '"';
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
