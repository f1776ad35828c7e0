package org.vietpol.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a saved news page ({@code .html}, {@code .htm}): title, address and date from the page's metadata, text
 * from the element that holds the story. The character set comes from the byte order mark or the page's meta
 * charset, else UTF-8. The id is the file name without its extension.
 */
public final class HtmlArticleReader implements ArticleReader {
    private static final Set<String> EXTENSIONS = Set.of("html", "htm", "xhtml");

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
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        Optional<Article> article = fromPage(doc, id, source, null, null, null, assembler);
        if (article.isPresent() && hasBody(article.get())) {
            sink.article(article.get());
        } else {
            sink.problem(new InputProblem(source, 0, "no article text found in the page"));
        }
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
                date, String.join("\n", page.lines()));
    }
}
