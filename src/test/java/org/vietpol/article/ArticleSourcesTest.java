package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourcesTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String article(String headline) {
        return headline + "\nĐồng chí Bí thư Tỉnh ủy chủ trì hội nghị.\n";
    }

    @Test
    void theReadersArePluggedInThroughServiceLoaderInAStableOrder() {
        assertEquals(List.of(HtmlArticleReader.class, JsonLinesArticleReader.class, TextArticleReader.class),
                ArticleSources.readers().stream().map(Object::getClass).toList());
    }

    @Test
    void foldersAreWalkedRecursivelyInSortedOrderAndEachFileGoesToItsReader() throws IOException {
        write("b/2.txt", article("Hai"));
        write("b/1.HTML", "<html><body><h1>Một</h1><p>Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.</p></body></html>");
        write("a.jsonl", "{\"id\": \"j1\", \"text\": \"Không\\nNội dung.\"}\n");
        write("c/d/3.htm", "<html><head><title>Ba</title></head><body><p>Nội dung ba.</p></body></html>");
        write("notes.md", "# ghi chú");
        write("photo.png", "not really");
        write(".hidden/4.txt", article("Ẩn"));
        write("._5.txt", "\u0000\u0005\u0000\u0000\u0000\u0000\u0000");
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(dir), sink);
        assertTrue(sink.problems.isEmpty(), sink.problems.toString());
        assertEquals(List.of("j1", "1", "2", "3"), sink.articles.stream().map(Article::id).toList());
        assertEquals(List.of("Không", "Một", "Hai", "Ba"), sink.articles.stream().map(Article::title).toList());
    }

    @Test
    void aFolderReachedThroughALinkIsRead() throws IOException {
        Path real = Files.createDirectories(dir.resolve("kho"));
        Files.writeString(real.resolve("1.txt"), article("Một"), StandardCharsets.UTF_8);
        Path link = dir.resolve("seeds");
        try {
            Files.createSymbolicLink(link, real.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(link), sink);
        assertEquals(List.of(link.resolve("1.txt").toString()), sink.articles.stream().map(Article::source).toList());
    }

    @Test
    void aFileGivenByNameWithAnUnknownExtensionIsReported() throws IOException {
        Path notes = write("notes.md", "# ghi chú");
        Path good = write("x.txt", article("Một"));
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(notes, good), sink);
        assertEquals(List.of("x"), sink.articles.stream().map(Article::id).toList());
        assertEquals(1, sink.problems.size());
        assertEquals(notes.toString(), sink.problems.get(0).source());
        assertTrue(sink.problems.get(0).reason().startsWith("unsupported file type"));
    }

    @Test
    void aMissingPathIsReportedAndTheOthersAreStillRead() throws IOException {
        Path good = write("x.txt", article("Một"));
        Path missing = dir.resolve("khong-co.txt");
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(missing, good), sink);
        assertEquals(1, sink.articles.size());
        assertEquals(List.of(new InputProblem(missing.toString(), 0, "no such file or folder")), sink.problems);
    }

    @Test
    void aBadFileInAFolderIsReportedAndTheRestRead() throws IOException {
        write("1.txt", "");
        write("2.txt", article("Hai"));
        CollectingSink sink = new CollectingSink();
        ArticleSources.read(List.of(dir), sink);
        assertEquals(List.of("2"), sink.articles.stream().map(Article::id).toList());
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).source().endsWith("1.txt"));
    }
}
