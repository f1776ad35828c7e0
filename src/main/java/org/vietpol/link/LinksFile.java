package org.vietpol.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vietpol.graph.Vocab;

/**
 * The user's decisions on links, which override the matcher and the tables: a CSV file with the header
 * {@code iri,qid,status} (more columns, e.g. a note, are allowed and ignored), one decision a line.
 * <ul>
 *   <li>{@code accepted}: the resource gets owl:sameAs to the item, whatever the matcher finds;</li>
 *   <li>{@code rejected}: the resource is never linked to the item; with an empty qid, never linked to any item.</li>
 * </ul>
 * {@code iri} is one of the graph's IRIs (or its path under https://w3id.org/vietpol/id/); {@code qid} is "Q123",
 * "wd:Q123" or the entity IRI. Blank lines and lines starting with '#' are skipped. The tool only reads this file.
 */
public final class LinksFile {
    public enum Status { ACCEPTED, REJECTED }

    /** One decision; {@code qid} is null for "reject every link of this resource". */
    public record Entry(String iri, String qid, Status status, int line) {}

    /** A line the tool cannot read; the message names the file and line. */
    public static final class FormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    private final Path path;
    private final List<Entry> entries;
    private final Map<String, Map<String, Status>> byIri = new HashMap<>();

    private LinksFile(Path path, List<Entry> entries) {
        this.path = path;
        this.entries = List.copyOf(entries);
        for (Entry e : entries) byIri.computeIfAbsent(e.iri(), k -> new LinkedHashMap<>()).put(e.qid() == null ? "" : e.qid(), e.status());
    }

    public static LinksFile empty() {
        return new LinksFile(null, List.of());
    }

    public static LinksFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        int iriCol = -1, qidCol = -1, statusCol = -1;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1); // spreadsheet programs add a BOM
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells = split(line);
            if (iriCol < 0) {
                for (int i = 0; i < cells.size(); i++) {
                    switch (cells.get(i).toLowerCase(Locale.ROOT)) {
                        case "iri": iriCol = i; break;
                        case "qid": qidCol = i; break;
                        case "status": statusCol = i; break;
                        default: break;
                    }
                }
                if (iriCol < 0 || qidCol < 0 || statusCol < 0)
                    throw error(path, n, "the first line must be the header iri,qid,status");
                continue;
            }
            String iri = iri(cell(cells, iriCol));
            if (iri == null) throw error(path, n, "not an IRI of this graph: \"" + cell(cells, iriCol) + "\"");
            String rawQid = cell(cells, qidCol);
            String qid = rawQid.isEmpty() ? null : ExternalIds.qid(rawQid);
            if (!rawQid.isEmpty() && qid == null) throw error(path, n, "not a Wikidata id: \"" + rawQid + "\"");
            Status status;
            switch (cell(cells, statusCol).toLowerCase(Locale.ROOT)) {
                case "accepted": status = Status.ACCEPTED; break;
                case "rejected": status = Status.REJECTED; break;
                default: throw error(path, n, "status must be accepted or rejected, not \"" + cell(cells, statusCol) + "\"");
            }
            if (status == Status.ACCEPTED && qid == null) throw error(path, n, "an accepted link needs a qid");
            Entry e = new Entry(iri, qid, status, n);
            Entry before = seen.put(iri + " " + qid, e);
            if (before != null && before.status() != status)
                throw error(path, n, "contradicts line " + before.line() + " (" + iri + " " + qid + ")");
            entries.add(e);
        }
        return new LinksFile(path, entries);
    }

    private static FormatException error(Path path, int line, String message) {
        return new FormatException(path + ":" + line + ": " + message);
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    private static String iri(String s) {
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        if (s.startsWith(Vocab.ID) && s.length() > Vocab.ID.length()) return s;
        if (!s.isEmpty() && !s.contains(":") && !s.startsWith("/") && !s.contains(" ")) return Vocab.ID + s;
        return null;
    }

    /** Comma-separated cells, trimmed; a cell may be double-quoted (with "" for a quote inside). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    /** Where the file was read from, or null for no file. */
    public Path path() {
        return path;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The items the user accepted for this resource, in file order. */
    public List<String> accepted(String iri) {
        List<String> out = new ArrayList<>();
        Map<String, Status> m = byIri.get(iri);
        if (m != null) m.forEach((q, s) -> { if (s == Status.ACCEPTED) out.add(q); });
        return out;
    }

    /** Whether the user rejected linking this resource to this item (or to any item, unless this one is accepted). */
    public boolean rejects(String iri, String qid) {
        Map<String, Status> m = byIri.get(iri);
        if (m == null) return false;
        Status s = m.get(qid); // a decision on this very item beats one on all items
        return s != null ? s == Status.REJECTED : m.get("") == Status.REJECTED;
    }

    /** Whether the user rejected every link of this resource. */
    public boolean rejectsAll(String iri) {
        Map<String, Status> m = byIri.get(iri);
        return m != null && m.get("") == Status.REJECTED;
    }
}
