package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextArticleReaderTest {
    private static final String ARTICLE = "Hội nghị Thành ủy Huế\nĐồng chí Phan Thiên Định chủ trì hội nghị.\n";

    @TempDir
    Path dir;

    private CollectingSink read(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        CollectingSink sink = new CollectingSink();
        new TextArticleReader().read(file, sink);
        return sink;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTxtFilesInAnyCase() {
        TextArticleReader reader = new TextArticleReader();
        assertTrue(reader.accepts(Path.of("a/b.txt")));
        assertTrue(reader.accepts(Path.of("B.TXT")));
        assertFalse(reader.accepts(Path.of("b.html")));
        assertFalse(reader.accepts(Path.of("txt")));
    }

    @Test
    void theIdIsTheFileNameWithoutExtensionAndTheSourceItsPath() throws IOException {
        Article a = read("hue-2023.02.03.txt", utf8(ARTICLE)).only();
        assertEquals("hue-2023.02.03", a.id());
        assertEquals(dir.resolve("hue-2023.02.03.txt").toString(), a.source());
        assertEquals("Hội nghị Thành ủy Huế", a.title());
        assertEquals(ARTICLE.strip(), a.text());
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws IOException {
        Article a = read("bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(ARTICLE))).only();
        assertEquals("Hội nghị Thành ủy Huế", a.title());
        assertFalse(a.text().contains("\uFEFF"));
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAsUtf16() throws IOException {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARTICLE.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ARTICLE.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(ARTICLE.strip(), read("le.txt", le).only().text());
        assertEquals(ARTICLE.strip(), read("be.txt", be).only().text());
    }

    @Test
    void anEmptyOrBlankFileIsReportedAndSkipped() throws IOException {
        InputProblem empty = read("empty.txt", new byte[0]).onlyProblem();
        assertEquals(0, empty.line());
        assertTrue(empty.reason().contains("empty"), empty.reason());
        assertTrue(read("blank.txt", utf8(" \n\t\r\n  \n")).onlyProblem().reason().contains("empty"));
        assertTrue(read("bom-only.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'})
                .onlyProblem().reason().contains("empty"));
    }

    @Test
    void aBinaryFileIsReportedAndSkipped() throws IOException {
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D},
                new byte[] {'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0});
        InputProblem p = read("photo.txt", png).onlyProblem();
        assertEquals(dir.resolve("photo.txt").toString(), p.source());
        assertTrue(p.reason().startsWith("binary file"), p.reason());
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) controls[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        assertTrue(read("controls.txt", controls).onlyProblem().reason().startsWith("binary file"));
    }

    @Test
    void aFewStrayNulCharactersAreRemovedNotFatal() throws IOException {
        byte[] bytes = utf8("Hội nghị\u0000 Thành ủy Huế\nĐồng chí Phan Thiên Định\u0000 chủ trì hội nghị.");
        Article a = read("nul.txt", bytes).only();
        assertEquals(ARTICLE.strip(), a.text());
    }

    @Test
    void invalidUtf8IsReportedWithTheLineWhereDecodingFailed() throws IOException {
        byte[] bytes = concat(utf8("Tiêu đề\nDòng hai.\nDòng ba có lỗi "), new byte[] {(byte) 0xC3, '(', ' '},
                utf8("tiếp.\nDòng bốn.\n"));
        InputProblem p = read("latin.txt", bytes).onlyProblem();
        assertEquals(3, p.line());
        assertTrue(p.reason().contains("UTF-8"), p.reason());
        assertTrue(p.toString().startsWith(dir.resolve("latin.txt") + ":3: "), p.toString());
    }

    @Test
    void utf8WithStrayLatin1BytesIsReportedNotGuessed() throws IOException {
        byte[] latin1 = "Hội nghị".getBytes(StandardCharsets.ISO_8859_1); // "?" for what Latin-1 lacks, plus é etc.
        byte[] bytes = concat(utf8("Tiêu đề\n"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '\n'}, latin1);
        assertEquals(2, read("old.txt", bytes).onlyProblem().line());
    }

    @Test
    void aFileOfClutterOnlyIsReported() throws IOException {
        InputProblem p = read("menu.txt", utf8("Đăng nhập\nZalo\nChia sẻ\nFacebook\n")).onlyProblem();
        assertTrue(p.reason().contains("no article text"), p.reason());
    }
}
