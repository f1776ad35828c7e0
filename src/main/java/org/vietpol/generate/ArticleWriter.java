package org.vietpol.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Receives the generated articles. */
public interface ArticleWriter {
    void write(GeneratedArticle article) throws IOException;

    /** Writes DIR/articles/ID.EXT and DIR/gold/ID.json. */
    static ArticleWriter toDirectory(Path dir) throws IOException {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Path gold = Files.createDirectories(dir.resolve("gold"));
        return a -> {
            Files.write(articles.resolve(a.id() + "." + a.extension()), a.content().getBytes(StandardCharsets.UTF_8));
            Files.write(gold.resolve(a.id() + ".json"), a.gold().getBytes(StandardCharsets.UTF_8));
        };
    }
}
