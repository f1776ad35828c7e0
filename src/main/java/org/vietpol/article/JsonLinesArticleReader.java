package org.vietpol.article;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import org.jsoup.Jsoup;

/**
 * Reads JSON Lines ({@code .jsonl}, {@code .ndjson}): one article a line, an object with {@code id}, optional
 * {@code url}, {@code title}, {@code published} (ISO date or date-time, or a
 * dateline as news pages print it: "01/11/2022 14:32"), and {@code text} or {@code html}. A bad
 * line is reported with its number and skipped; the other lines go on. Each article's source is
 * {@code path:line}.
 */
public final class JsonLinesArticleReader implements ArticleReader {
    private static final Set<String> EXTENSIONS = Set.of("jsonl", "ndjson");
    /** Strict, unlike Jena's JSON reader, which accepts a line with junk after the object. */
    private static final Gson GSON = new GsonBuilder().setStrictness(Strictness.STRICT).create();
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?");

    private final ArticleAssembler assembler;

    public JsonLinesArticleReader() {
        this(TextCleaner.defaults());
    }

    public JsonLinesArticleReader(TextCleaner cleaner) {
        this.assembler = new ArticleAssembler(Objects.requireNonNull(cleaner, "cleaner"));
    }

    @Override
    public boolean accepts(Path file) {
        return FileNames.hasExtension(file, EXTENSIONS);
    }

    @Override
    public void read(Path file, ArticleSink sink) throws IOException {
        String path = file.toString();
        String problem = notJsonLines(file);
        if (problem != null) {
            sink.problem(new InputProblem(path, 0, problem));
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            long lineNo = 0;
            boolean more = true;
            boolean records = false;
            while (more) {
                buf.reset();
                long length = 0;
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    // a line over the limit is measured, not kept: memory stays bounded whatever the file holds
                    if (length++ < InputBytes.MAX_BYTES) buf.write(c);
                }
                more = c != -1;
                if (!more && length == 0) break;
                lineNo++;
                if (length > InputBytes.MAX_BYTES) {
                    sink.problem(new InputProblem(path, lineNo, "line too long for an article (" + length
                            + " bytes; the limit is " + (InputBytes.MAX_BYTES >> 20) + " MB)"));
                    records = true;
                    continue;
                }
                records |= record(file, lineNo, buf.toByteArray(), sink);
            }
            if (!records) sink.problem(new InputProblem(path, 0, "empty file"));
        }
    }

    /** Why the file as a whole is no JSON Lines (binary, UTF-16), judged on its start; null when it may be. */
    private static String notJsonLines(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(InputBytes.SAMPLE);
        }
        if (InputBytes.utf16(head) != null) return "JSON Lines must be UTF-8, this file is UTF-16; save it as UTF-8";
        String problem = InputBytes.notText(head);
        return problem == null || problem.equals("empty file") ? null : problem;
    }

    /** Reads one line; false when it is blank. */
    private boolean record(Path file, long lineNo, byte[] bytes, ArticleSink sink) {
        String path = file.toString();
        int off = lineNo == 1 && InputBytes.hasUtf8Bom(bytes) ? 3 : 0;
        String line;
        try {
            line = InputBytes.utf8(bytes, off, bytes.length - off);
        } catch (CharacterCodingException e) {
            sink.problem(new InputProblem(path, lineNo, "not valid UTF-8"));
            return true;
        }
        if (line.isBlank()) return false;
        JsonObject obj;
        try {
            JsonElement json = GSON.fromJson(line, JsonElement.class);
            if (json == null || !json.isJsonObject()) {
                sink.problem(new InputProblem(path, lineNo, "expected a JSON object"));
                return true;
            }
            obj = json.getAsJsonObject();
        } catch (JsonParseException e) {
            sink.problem(new InputProblem(path, lineNo, "malformed JSON" + column(e)));
            return true;
        }
        String id = string(obj, "id");
        String text = string(obj, "text");
        String html = string(obj, "html");
        if (id == null || id.isBlank()) {
            sink.problem(new InputProblem(path, lineNo, "record has no \"id\""));
            return true;
        }
        if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
            sink.problem(new InputProblem(path, lineNo, "record " + id.strip() + " has neither \"text\" nor \"html\""));
            return true;
        }
        String source = path + ":" + lineNo;
        String url = string(obj, "url");
        String title = string(obj, "title");
        LocalDate published = date(string(obj, "published"));
        // exports from news sites also give the page's own shape ("01/11/2022 14:32"): read as a dateline
        if (published == null && string(obj, "published") != null) published = assembler.cleaner().dateline(string(obj, "published"));
        boolean fromText = text != null && !text.isBlank();
        Optional<Article> article = fromText
                ? assembler.assemble(id.strip(), source, url, title, published, text)
                : HtmlArticleReader.fromPage(Jsoup.parse(html, url == null ? "" : url), id.strip(), source, url,
                        title, published, assembler);
        if (article.isPresent() && (fromText || HtmlArticleReader.hasBody(article.get()))) {
            sink.article(article.get());
        } else {
            sink.problem(new InputProblem(path, lineNo,
                    "record " + id.strip() + " has no article text left after cleaning"));
        }
        return true;
    }

    /** A string or number field; null when absent, null, or of another type. */
    private static String string(JsonObject obj, String name) {
        JsonElement e = obj.get(name);
        return e != null && e.isJsonPrimitive() && !e.getAsJsonPrimitive().isBoolean() ? e.getAsString() : null;
    }

    /**
     * The date part of an ISO date or date-time, as written (no time-zone shift: the page's own calendar day).
     * An unreadable date is dropped, not the article: the text may still give one.
     */
    private static LocalDate date(String s) {
        if (s == null) return null;
        Matcher m = ISO_DATE.matcher(s.strip());
        if (!m.matches()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String column(JsonParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = COLUMN.matcher(String.valueOf(t.getMessage()));
            if (m.find()) return " near column " + m.group(1);
        }
        return "";
    }
}
