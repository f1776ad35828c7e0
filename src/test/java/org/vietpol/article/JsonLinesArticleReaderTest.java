package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesArticleReaderTest {
    @TempDir
    Path dir;

    private CollectingSink read(byte[] bytes) throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.write(file, bytes);
        CollectingSink sink = new CollectingSink();
        new JsonLinesArticleReader().read(file, sink);
        return sink;
    }

    private CollectingSink read(String jsonl) throws IOException {
        return read(jsonl.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodLinesBecomeArticlesAndBadLinesAreReportedWithTheirNumbers() throws Exception {
        Path file = Path.of(getClass().getResource("articles.jsonl").toURI());
        CollectingSink sink = new CollectingSink();
        new JsonLinesArticleReader().read(file, sink);

        assertEquals(1, sink.articles.size());
        Article a = sink.articles.get(0);
        assertEquals("qn-2023-001", a.id());
        assertEquals(file + ":1", a.source());
        assertEquals("https://baoquangninh.example.vn/a-1.html", a.url());
        assertEquals("TP Uông Bí: Quyết tâm thực hiện hiệu quả chủ đề công tác năm", a.title());
        assertEquals(LocalDate.of(2023, 2, 3), a.published());
        assertEquals("TP Uông Bí: Quyết tâm thực hiện hiệu quả chủ đề công tác năm\nĐồng chí Nghiêm Xuân Cường, Bí "
                + "thư Thành ủy, Chủ tịch HĐND TP Uông Bí, cho biết: Địa phương xác định năm 2023 có ý nghĩa cực kỳ "
                + "quan trọng.", a.text());
        assertEquals(List.of("Mạnh Trường"), a.bylines());

        assertEquals(2, sink.problems.size(), sink.problems.toString());
        InputProblem broken = sink.problems.get(0);
        assertEquals(file.toString(), broken.source());
        assertEquals(3, broken.line());
        assertTrue(broken.reason().startsWith("malformed JSON"), broken.reason());
        InputProblem missing = sink.problems.get(1);
        assertEquals(4, missing.line());
        assertTrue(missing.reason().contains("neither \"text\" nor \"html\""), missing.reason());
    }

    @Test
    void aRecordWithoutIdIsReported() throws IOException {
        CollectingSink sink = read("{\"text\": \"Tiêu đề\\nNội dung.\"}\n{\"id\": \"  \", \"text\": \"x\"}\n");
        assertEquals(List.of(1L, 2L), sink.problems.stream().map(InputProblem::line).toList());
        assertTrue(sink.problems.get(0).reason().contains("\"id\""));
    }

    @Test
    void junkAfterTheObjectOrAnArrayIsNotARecord() throws IOException {
        CollectingSink sink = read("{\"id\": \"a\", \"text\": \"Tiêu đề\"} rác\n[1, 2]\n{'id': 'b'}\n");
        assertEquals(List.of(1L, 2L, 3L), sink.problems.stream().map(InputProblem::line).toList());
        assertTrue(sink.articles.isEmpty());
    }

    @Test
    void aRecordMayCarryHtmlInsteadOfText() throws IOException {
        String html = "<html><head><meta property='og:title' content='Hội nghị Tỉnh ủy'>"
                + "<meta property='article:published_time' content='2023-02-03'></head><body><nav>Trang chủ</nav>"
                + "<article><p>Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị.</p></article></body></html>";
        String line = "{\"id\": \"p1\", \"url\": \"https://example.vn/p1\", \"html\": \"" + html.replace("\"", "\\\"")
                + "\"}\n";
        Article a = read(line).only();
        assertEquals("Hội nghị Tỉnh ủy", a.title());
        assertEquals("Hội nghị Tỉnh ủy\nĐồng chí Bí thư Tỉnh ủy chủ trì hội nghị.", a.text());
        assertEquals(LocalDate.of(2023, 2, 3), a.published());
        assertEquals("https://example.vn/p1", a.url());
    }

    @Test
    void withoutATitleTheFirstLineOfTextIsTheHeadlineAndANumericIdIsText() throws IOException {
        Article a = read("{\"id\": 42, \"text\": \"Tiêu đề bài\\nThứ Sáu, 03/02/2023 14:53\\nNội dung bài viết.\"}")
                .only();
        assertEquals("42", a.id());
        assertEquals("Tiêu đề bài", a.title());
        assertEquals("Tiêu đề bài\nNội dung bài viết.", a.text());
        assertEquals(LocalDate.of(2023, 2, 3), a.published());
        assertNull(a.url());
    }

    @Test
    void anUnreadablePublishedDateIsDroppedButTheArticleKept() throws IOException {
        Article a = read("{\"id\": \"d\", \"published\": \"hôm qua\", \"title\": \"T\", \"text\": \"Nội dung.\"}\n")
                .only();
        assertNull(a.published());
    }

    @Test
    void invalidUtf8SpoilsOnlyItsOwnLineAndCrlfAndABomAreFine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes("{\"id\": \"a\", \"text\": \"Tiêu đề\\nNội dung một.\"}\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("{\"id\": \"b\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xE9, '"', '}', '\r', '\n'});
        out.writeBytes("{\"id\": \"c\", \"text\": \"Tiêu đề\\nNội dung ba.\"}".getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = read(out.toByteArray());
        assertEquals(List.of("a", "c"), sink.articles.stream().map(Article::id).toList());
        assertEquals(List.of(2L), sink.problems.stream().map(InputProblem::line).toList());
        assertTrue(sink.problems.get(0).reason().contains("UTF-8"));
        assertTrue(sink.articles.get(1).source().endsWith("batch.jsonl:3"));
    }
}
