package org.vietpol.article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a plain-text article ({@code .txt}): strict UTF-8 (a BOM is dropped), or UTF-16 (by its byte order mark
 * or its NUL bytes). A file that is not UTF-8 is read as Windows-1258, TCVN3 or VNI when one of them clearly gives
 * Vietnamese, with a note saying so, and refused when none does. The id is the file name without its extension.
 * Empty, binary, oversized and undecodable files are reported and skipped.
 */
public final class TextArticleReader implements ArticleReader {
    private static final Set<String> EXTENSIONS = Set.of("txt");

    private final ArticleAssembler assembler;

    public TextArticleReader() {
        this(TextCleaner.defaults());
    }

    public TextArticleReader(TextCleaner cleaner) {
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
        InputBytes.Decoded decoded = InputBytes.decode(bytes);
        if (!decoded.ok()) {
            sink.problem(new InputProblem(source, decoded.line(), decoded.problem()));
            return;
        }
        Optional<Article> article = assembler.assemble(id, source, null, null, null, decoded.text());
        if (article.isPresent()) {
            if (decoded.guessed() != null) {
                sink.note(new InputProblem(source, 0, InputBytes.guessedNote(decoded.guessed())));
            }
            sink.article(article.get());
        } else {
            sink.problem(new InputProblem(source, 0, "no article text left after removing page clutter"));
        }
    }
}
