package org.vietpol.article;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of input file (plain text, a saved HTML page, JSON Lines) into articles. */
public interface ArticleReader {
    /** True if this reader handles the file (by its name). */
    boolean accepts(Path file);

    /**
     * Reads the file, pushing each article to the sink. A bad record or file is reported with
     * {@link ArticleSink#problem} and skipped; only I/O failures of the file as a whole are thrown.
     */
    void read(Path file, ArticleSink sink) throws IOException;
}
