package org.vietpol.export;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Popolo JSON (<a href="https://www.popoloproject.com/">popoloproject.com</a>): one object holding arrays of
 * {@code persons}, {@code organizations}, {@code areas}, {@code posts} and {@code memberships}, every object as its
 * Popolo schema describes it. Ids are the graph's IRIs. A membership is one tenure: the holder, the post, its body
 * and area, the role (in Vietnamese), {@code start_date} and {@code end_date} where known (an ongoing tenure has no
 * end date), the articles as {@code sources}.
 */
final class PopoloWriter {
    private PopoloWriter() {}

    static void write(Officials o, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter w = new JsonWriter(writer);
        w.setIndent("  ");
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("persons").beginArray();
        for (Officials.Person p : o.persons()) {
            w.beginObject();
            w.name("id").value(p.iri());
            optional(w, "name", p.name());
            if (!p.otherNames().isEmpty()) {
                w.name("other_names").beginArray();
                for (String n : p.otherNames()) w.beginObject().name("name").value(n).endObject();
                w.endArray();
            }
            identifiers(w, p.wikidata());
            w.endObject();
        }
        w.endArray();
        w.name("organizations").beginArray();
        for (Officials.Organization g : o.organizations()) {
            w.beginObject();
            w.name("id").value(g.iri());
            optional(w, "name", g.name());
            if (g.nameEn() != null) {
                w.name("other_names").beginArray();
                w.beginObject().name("name").value(g.nameEn()).name("note").value("English").endObject();
                w.endArray();
            }
            optional(w, "classification", g.kind());
            optional(w, "parent_id", g.parent());
            optional(w, "area_id", g.area());
            identifiers(w, g.wikidata());
            w.endObject();
        }
        w.endArray();
        w.name("areas").beginArray();
        for (Officials.Area a : o.areas()) {
            w.beginObject();
            w.name("id").value(a.iri());
            optional(w, "name", a.name());
            optional(w, "identifier", a.gso());
            optional(w, "classification", a.level());
            optional(w, "parent_id", a.parent());
            w.endObject();
        }
        w.endArray();
        Map<String, Officials.Post> posts = new HashMap<>();
        w.name("posts").beginArray();
        for (Officials.Post p : o.posts()) {
            posts.put(p.iri(), p);
            w.beginObject();
            w.name("id").value(p.iri());
            optional(w, "label", p.label());
            optional(w, "role", p.roleVi());
            if (p.roleEn() != null && !p.roleEn().equals(p.roleVi())) {
                w.name("other_label").beginArray().value(p.roleEn()).endArray();
            }
            optional(w, "organization_id", p.organization());
            optional(w, "area_id", p.area());
            w.endObject();
        }
        w.endArray();
        w.name("memberships").beginArray();
        for (Officials.Tenure t : o.tenures()) {
            Officials.Post p = posts.get(t.post());
            w.beginObject();
            w.name("id").value(t.iri());
            optional(w, "label", t.label());
            optional(w, "role", p == null ? null : p.roleVi());
            w.name("person_id").value(t.person());
            optional(w, "organization_id", p == null ? null : p.organization());
            w.name("post_id").value(t.post());
            optional(w, "area_id", p == null ? null : p.area());
            optional(w, "start_date", t.start());
            optional(w, "end_date", t.knownEnd());
            if (!t.sources().isEmpty()) {
                w.name("sources").beginArray();
                for (Officials.Source s : t.sources()) {
                    w.beginObject().name("url").value(s.url() != null ? s.url() : s.iri());
                    if (s.identifier() != null) w.name("note").value("article " + s.identifier());
                    w.endObject();
                }
                w.endArray();
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
        writer.write('\n');
        writer.flush();
    }

    private static void identifiers(JsonWriter w, List<String> wikidata) throws IOException {
        if (wikidata.isEmpty()) return;
        w.name("identifiers").beginArray();
        for (String q : wikidata) w.beginObject().name("identifier").value(q).name("scheme").value("wikidata").endObject();
        w.endArray();
    }

    private static void optional(JsonWriter w, String name, String value) throws IOException {
        if (value != null) w.name(name).value(value);
    }
}
