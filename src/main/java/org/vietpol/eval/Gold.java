package org.vietpol.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** Gold annotations of one article, in the contract's format, as tuples; a category the file leaves out is null. */
public record Gold(String id, Set<Tuple> officials, Set<Tuple> meetings, Set<Tuple> documents, Set<Tuple> changes) {

    /** Reads every *.json file of a folder (sorted by name). */
    public static List<Gold> readDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("gold folder not found: " + dir);
        List<Gold> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) out.add(read(f));
        }
        return out;
    }

    public static Gold read(Path file) throws IOException {
        JsonObject o;
        try (InputStream in = Files.newInputStream(file)) {
            o = JSON.parse(in);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        String id = str(o, "id");
        if (id == null) throw new IOException(file + ": no \"id\"");
        return new Gold(id,
                tuples(o, "officials", List.of("name", "role", "orgKind", "place"), file),
                tuples(o, "meetings", List.of("date", "place"), file),
                tuples(o, "documents", List.of("type", "number"), file),
                tuples(o, "changes", List.of("name", "type", "role", "orgKind", "place", "date"), file));
    }

    private static Set<Tuple> tuples(JsonObject o, String key, List<String> fields, Path file) throws IOException {
        JsonValue v = o.get(key);
        if (v == null) return null; // not annotated: the category is not scored for this article
        Set<Tuple> out = new LinkedHashSet<>();
        if (v.isNull()) return out;
        if (!v.isArray()) throw new IOException(file + ": \"" + key + "\" must be an array");
        JsonArray arr = v.getAsArray();
        for (JsonValue item : arr) {
            if (!item.isObject()) throw new IOException(file + ": items of \"" + key + "\" must be objects");
            List<String> values = new ArrayList<>();
            for (String f : fields) values.add(str(item.getAsObject(), f));
            out.add(Tuple.of(key, values));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.isNull()) return null;
        return v.isString() ? v.getAsString().value() : v.toString();
    }
}
