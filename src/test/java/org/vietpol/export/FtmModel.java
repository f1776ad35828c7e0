package org.vietpol.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The FollowTheMoney data model, as published in {@code defaultModel.json} of the npm package
 * {@code @alephdata/followthemoney} (a test resource, with its licence), and a checker of entities against it: the
 * model is not a JSON Schema but a description of schemata (their parents, abstractness, required and allowed
 * properties) and of property types. For each entity the checker verifies what that description fixes: an
 * {@code id}, a known schema that is not abstract, a {@code properties} object whose every key is a property of the
 * schema or one of its ancestors and whose every value is a list of strings no longer than the property (or its type)
 * allows, every required property present, and values that fit their type: dates as ISO 8601 prefixes, countries
 * from the type's list, topics from theirs, URLs with a scheme, and entity references to an entity of the batch
 * whose schema is the property's range or descends from it.
 */
final class FtmModel {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?)?)?");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    private final JsonNode schemata;
    private final JsonNode types;

    FtmModel(JsonNode model) {
        this.schemata = model.get("schemata");
        this.types = model.get("types");
        if (schemata == null || types == null) throw new IllegalArgumentException("not a FollowTheMoney model");
    }

    static FtmModel published() {
        try (InputStream in = FtmModel.class.getResourceAsStream("ftm/defaultModel.json")) {
            return new FtmModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema and every schema it extends, nearest first. */
    List<String> lineage(String schema) {
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(schema));
        while (!todo.isEmpty()) {
            String s = todo.remove(0);
            if (out.contains(s) || !schemata.has(s)) continue;
            out.add(s);
            schemata.get(s).path("extends").forEach(p -> todo.add(p.asText()));
        }
        return out;
    }

    /** The definition of a property of a schema, looked up through its ancestors; null if there is none. */
    JsonNode property(String schema, String name) {
        for (String s : lineage(schema)) {
            JsonNode p = schemata.get(s).path("properties").get(name);
            if (p != null) return p;
        }
        return null;
    }

    /** What is wrong with a batch of entities (each as parsed from one JSON line): empty if nothing. */
    List<String> problems(List<JsonNode> entities) {
        Map<String, String> schemaOf = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (JsonNode e : entities) {
            String id = e.path("id").asText("");
            if (id.isEmpty()) out.add("an entity without an id: " + e);
            else if (schemaOf.put(id, e.path("schema").asText()) != null) out.add(id + ": the id is used twice");
        }
        for (JsonNode e : entities) out.addAll(problems(e, schemaOf));
        return out;
    }

    private List<String> problems(JsonNode e, Map<String, String> schemaOf) {
        List<String> out = new ArrayList<>();
        String id = e.path("id").asText("?");
        String schema = e.path("schema").asText("");
        if (!schemata.has(schema)) return List.of(id + ": unknown schema '" + schema + "'");
        if (schemata.get(schema).path("abstract").asBoolean(false)) out.add(id + ": schema " + schema + " is abstract");
        Set<String> fields = new LinkedHashSet<>();
        e.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("id", "schema", "properties", "caption", "datasets", "referents", "first_seen",
                "last_seen", "last_change", "target"));
        if (!fields.isEmpty()) out.add(id + ": unknown fields " + fields);
        JsonNode props = e.get("properties");
        if (props == null || !props.isObject()) return add(out, id + ": no properties object");
        Set<String> required = new LinkedHashSet<>();
        for (String s : lineage(schema)) schemata.get(s).path("required").forEach(r -> required.add(r.asText()));
        for (String r : required)
            if (!props.has(r) || props.get(r).isEmpty()) out.add(id + ": required property " + r + " missing");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode def = property(schema, p.getKey());
            if (def == null) {
                out.add(id + ": " + schema + " has no property " + p.getKey());
                continue;
            }
            if (!p.getValue().isArray()) {
                out.add(id + ": " + p.getKey() + " is not a list");
                continue;
            }
            String type = def.path("type").asText("string");
            JsonNode typeDef = types.path(type);
            int max = def.path("maxLength").asInt(typeDef.path("maxLength").asInt(Integer.MAX_VALUE));
            for (JsonNode v : p.getValue()) {
                if (!v.isTextual()) {
                    out.add(id + ": a value of " + p.getKey() + " is not a string: " + v);
                    continue;
                }
                String s = v.asText();
                if (s.isEmpty()) out.add(id + ": " + p.getKey() + " has an empty value");
                if (s.length() > max) out.add(id + ": " + p.getKey() + " longer than " + max);
                String why = typeProblem(type, typeDef, def, s, schemaOf);
                if (why != null) out.add(id + ": " + p.getKey() + " '" + s + "' " + why);
            }
        }
        return out;
    }

    private String typeProblem(String type, JsonNode typeDef, JsonNode def, String value, Map<String, String> schemaOf) {
        switch (type) {
            case "date":
                return DATE.matcher(value).matches() ? null : "is not an ISO 8601 date";
            case "url":
                return URL.matcher(value).matches() ? null : "is not a URL";
            case "country":
            case "topic":
            case "language":
            case "gender":
                JsonNode values = typeDef.get("values");
                return values == null || values.has(value) ? null : "is not one of the " + type + " values";
            case "entity":
                String target = schemaOf.get(value);
                if (target == null) return "refers to no entity of the batch";
                String range = def.path("range").asText("Thing");
                return lineage(target).contains(range) ? null : "refers to a " + target + ", not a " + range;
            default:
                return null;
        }
    }

    private static List<String> add(List<String> out, String problem) {
        out.add(problem);
        return out;
    }
}
