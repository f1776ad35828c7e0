package org.vietpol.export;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FollowTheMoney entities (<a href="https://followthemoney.tech/">followthemoney.tech</a>) as JSON lines, the form
 * OpenSanctions-style tools read: one {@code {"id", "schema", "properties"}} object per line, every property a list
 * of strings. Persons ({@code topics: role.pep}), Organizations (with their parent body), Positions (a post, with
 * its Organization and the place it serves) and Occupancies (a tenure: {@code holder}, {@code post},
 * {@code startDate}, {@code endDate}, {@code status} "current" while nothing ended it, "ended" once a change or a
 * successor did, "unknown" without dates). Ids are the graph's IRIs made short: {@code vp.person.nguyen-van-an-299c}.
 */
final class FtmWriter {
    private static final String ID_PREFIX = "https://w3id.org/vietpol/id/";
    /** FollowTheMoney's longest entity reference. */
    static final int MAX_ID = 200;

    private FtmWriter() {}

    static void write(Officials o, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Map<String, String> areaNames = new LinkedHashMap<>(), areaLevels = new LinkedHashMap<>();
        for (Officials.Area a : o.areas()) {
            areaNames.put(a.iri(), a.name());
            areaLevels.put(a.iri(), a.level());
        }
        for (Officials.Person p : o.persons()) {
            Map<String, List<String>> props = new LinkedHashMap<>();
            put(props, "name", p.name());
            if (!p.otherNames().isEmpty()) props.put("alias", p.otherNames());
            put(props, "country", "vn");
            put(props, "topics", "role.pep");
            if (!p.wikidata().isEmpty()) props.put("wikidataId", p.wikidata());
            put(props, "sourceUrl", p.iri());
            entity(w, p.iri(), "Person", props);
        }
        for (Officials.Organization g : o.organizations()) {
            Map<String, List<String>> props = new LinkedHashMap<>();
            put(props, "name", g.name());
            put(props, "alias", g.nameEn());
            put(props, "country", "vn");
            put(props, "classification", g.kind());
            if (g.parent() != null) put(props, "parent", id(g.parent()));
            if (!g.wikidata().isEmpty()) props.put("wikidataId", g.wikidata());
            put(props, "sourceUrl", g.iri());
            entity(w, g.iri(), "Organization", props);
        }
        for (Officials.Post p : o.posts()) {
            Map<String, List<String>> props = new LinkedHashMap<>();
            put(props, "name", p.label());
            put(props, "country", "vn");
            if (p.organization() != null) put(props, "organization", id(p.organization()));
            // the place a local post serves; a central one serves the whole country
            if (p.area() != null && !"country".equals(areaLevels.get(p.area()))) put(props, "subnationalArea", areaNames.get(p.area()));
            put(props, "sourceUrl", p.iri());
            entity(w, p.iri(), "Position", props);
        }
        for (Officials.Tenure t : o.tenures()) {
            Map<String, List<String>> props = new LinkedHashMap<>();
            put(props, "holder", id(t.person()));
            put(props, "post", id(t.post()));
            put(props, "startDate", t.start());
            put(props, "endDate", t.knownEnd());
            put(props, "status", t.ongoing() ? "current" : t.start() == null && t.end() == null ? "unknown" : "ended");
            put(props, "description", t.label());
            for (Officials.Source s : t.sources()) props.computeIfAbsent("sourceUrl", k -> new java.util.ArrayList<>())
                    .add(s.url() != null ? s.url() : s.iri());
            entity(w, t.iri(), "Occupancy", props);
        }
        w.flush();
    }

    /** The short, stable id of an IRI: its path under the data namespace with dots, or a hash when too long. */
    static String id(String iri) {
        String path = iri.startsWith(ID_PREFIX) ? iri.substring(ID_PREFIX.length()) : iri;
        String id = "vp." + path.replace('/', '.');
        if (id.length() <= MAX_ID) return id;
        return id.substring(0, 150) + "." + sha1(iri).substring(0, 16);
    }

    private static void entity(Writer out, String iri, String schema, Map<String, List<String>> props) throws IOException {
        StringWriter line = new StringWriter();
        JsonWriter w = new JsonWriter(line);
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("id").value(id(iri));
        w.name("schema").value(schema);
        w.name("properties").beginObject();
        for (Map.Entry<String, List<String>> e : props.entrySet()) {
            w.name(e.getKey()).beginArray();
            for (String v : e.getValue()) w.value(v);
            w.endArray();
        }
        w.endObject();
        w.endObject();
        w.flush();
        out.write(line.toString());
        out.write('\n');
    }

    private static void put(Map<String, List<String>> props, String name, String value) {
        if (value != null && !value.isBlank()) props.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
