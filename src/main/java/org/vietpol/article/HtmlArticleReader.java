package org.vietpol.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a saved news page ({@code .html}, {@code .htm}): title, address and date from the page's metadata, text
 * from the element that holds the story. The character set comes from the byte order mark or the page's meta
 * charset, else UTF-8; a page that declares none and is not UTF-8 is read as Windows-1258, TCVN3 or VNI when its
 * text clearly reads as Vietnamese in one of them. The id is the file name without its extension.
 */
public final class HtmlArticleReader implements ArticleReader {
    private static final Set<String> EXTENSIONS = Set.of("html", "htm", "xhtml");
    /** How far into a page jsoup looks for a charset declaration. */
    private static final int DECLARATION_WINDOW = 5 * 1024;
    private static final Pattern CHARSET_DECLARATION = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*[\\w.:-]+|<\\?xml[^>]+encoding\\s*=", Pattern.CASE_INSENSITIVE);

    private final ArticleAssembler assembler;

    public HtmlArticleReader() {
        this(TextCleaner.defaults());
    }

    public HtmlArticleReader(TextCleaner cleaner) {
        this.assembler = new ArticleAssembler(Objects.requireNonNull(cleaner, "cleaner"));
    }

    @Override
    public boolean accepts(Path file) {
        return FileNames.hasExtension(file, EXTENSIONS);
    }

    @Override
    public void read(Path file, ArticleSink sink) throws IOException {
        String source = file.toString();
        String id = FileNames.baseName(file);
        if (id.isBlank()) {
            sink.problem(new InputProblem(source, 0, "no article id: the file name is empty before the extension"));
            return;
        }
        byte[] bytes = InputBytes.read(file, sink);
        if (bytes == null) return;
        String guessed = null;
        Document doc;
        if (InputBytes.utf16Bom(bytes) != null || InputBytes.hasUtf8Bom(bytes) || declaresCharset(bytes)) {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } else {
            // UTF-16 first: its ASCII is valid UTF-8, NULs and all
            boolean utf8 = InputBytes.utf16(bytes) == null && InputBytes.isUtf8(bytes);
            InputBytes.Decoded d = utf8 ? null : undeclared(bytes);
            if (d != null && !d.ok()) {
                sink.problem(new InputProblem(source, d.line(), d.problem()));
                return;
            }
            guessed = d == null ? null : d.guessed();
            doc = d == null || d.text() == null ? Jsoup.parse(new ByteArrayInputStream(bytes), null, "")
                    : Jsoup.parse(d.text(), "");
        }
        Optional<Article> article = fromPage(doc, id, source, null, null, null, assembler);
        if (article.isPresent() && hasBody(article.get())) {
            if (guessed != null) sink.note(new InputProblem(source, 0, InputBytes.guessedNote(guessed)));
            sink.article(article.get());
        } else {
            sink.problem(new InputProblem(source, 0, "no article text found in the page"));
        }
    }

    /**
     * A page that is not UTF-8 and names no charset: UTF-16 by its NUL bytes, or the legacy encoding its text
     * (markup left out) clearly reads as; refused when it looks like one without being clear. Null (read as UTF-8,
     * bad bytes replaced) when nothing fits, as browsers do.
     */
    private static InputBytes.Decoded undeclared(byte[] bytes) {
        if (InputBytes.utf16(bytes) != null) return InputBytes.decode(bytes);
        if (InputBytes.mostlyUtf8(bytes)) return null;
        byte[] text = Jsoup.parse(new String(bytes, StandardCharsets.ISO_8859_1)).text()
                .getBytes(StandardCharsets.ISO_8859_1);
        LegacyEncodings.Guess g = LegacyEncodings.guess(text, bytes);
        if (g.encoding() != null) return new InputBytes.Decoded(g.text(), 0, null, g.encoding());
        if (g.lookalike() != null) return InputBytes.Decoded.failed(0, InputBytes.unsure(g));
        return null;
    }

    /** A meta charset or XML encoding declaration near the start, which jsoup follows. */
    private static boolean declaresCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        return CHARSET_DECLARATION.matcher(head).find();
    }

    /** A page that gives a headline and nothing else was most likely drawn by scripts: there is no article. */
    static boolean hasBody(Article article) {
        return article.text().indexOf('\n') > 0;
    }

    /** Shared with JSON Lines records that carry HTML: given values win over what the page says. */
    static Optional<Article> fromPage(Document doc, String id, String source, String url, String title,
                                      LocalDate published, ArticleAssembler assembler) {
        HtmlPage page = HtmlPage.of(doc, assembler.cleaner().lexicon());
        LocalDate date = published != null ? published : page.published();
        if (date == null) {
            date = page.datelines().stream().map(assembler.cleaner()::dateline).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        return assembler.assemble(id, source, url != null ? url : page.url(), title != null ? title : page.title(),
                date, String.join("\n", page.lines()), page.masthead());
    }
}
