package org.vietpol.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.vietpol.article.Article;

/**
 * What flows through the job: an article as read (before the shuffle), and after it an article's graph as
 * N-Quads, a reused graph, a problem or a dropped duplicate. A plain class (not a record) so that Kryo, Spark's
 * fast serializer, takes it.
 */
public final class Item implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final byte ARTICLE = 1, PROBLEM = 2, GRAPH = 3, REUSED = 4, DUPLICATE = 5;

    public byte kind;
    /** Article id (null for a problem of a file whose records are unknown). */
    public String id;
    /** Where it came from: the file, or file:line for JSON Lines and Parquet rows. */
    public String source;
    /** The input file's place in the run's sorted input list, and the line or row in it: a later one wins. */
    public int file;
    public long line;
    public String url, title, published, text;
    public String[] bylines;
    public String hash, reason, nquads;
    public int quads;

    public Item() {}

    public static Item article(Article a, int file, long line) {
        Item i = new Item();
        i.kind = ARTICLE;
        i.id = a.id();
        i.source = a.source();
        i.file = file;
        i.line = line;
        i.url = a.url();
        i.title = a.title();
        i.published = a.published() == null ? null : a.published().toString();
        i.text = a.text();
        i.bylines = a.bylines().toArray(new String[0]);
        return i;
    }

    public static Item problem(String id, String source, int file, long line, String reason) {
        Item i = new Item();
        i.kind = PROBLEM;
        i.id = id;
        i.source = source;
        i.file = file;
        i.line = line;
        i.reason = reason;
        return i;
    }

    public Article toArticle() {
        return new Article(id, source, url, title, published == null ? null : LocalDate.parse(published), text,
                bylines == null ? List.of() : List.of(bylines));
    }

    /** True when this one comes after {@code other} in the input order (so replaces it, as in the build). */
    public boolean after(Item other) {
        return file != other.file ? file > other.file : line > other.line;
    }
}
