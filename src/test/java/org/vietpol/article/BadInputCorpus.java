package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.vietpol.text.VietText;

/**
 * Inputs that go wrong in the ways real ones do, each with what reading it must give: articles (by id, with a
 * check of their text) or problems (a fragment of the reason, and the line for JSON Lines). The big files are
 * written on the fly; the legacy-encoded ones are fixtures under {@code bad/}.
 */
final class BadInputCorpus {
    /** One expected outcome: an article with {@code id} (and a check), or a problem whose reason has {@code reason}. */
    record Expect(String id, Consumer<Article> check, String reason, long line) {
        static Expect read(String id, Consumer<Article> check) {
            return new Expect(id, check, null, 0);
        }

        static Expect read(String id) {
            return read(id, a -> {});
        }

        static Expect skipped(String reason) {
            return skipped(reason, 0);
        }

        static Expect skipped(String reason, long line) {
            return new Expect(null, null, reason, line);
        }

        boolean isRead() {
            return id != null;
        }
    }

    /** A file of the corpus and everything reading it must give. */
    record Case(String file, List<Expect> expects) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final String SMALL = "Hội nghị Thành ủy Huế\nĐồng chí Phan Thiên Định chủ trì hội nghị.\n";
    static final int PEOPLE = 10_000;
    static final String DUPLICATE_ID = "trung-lap";

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trịnh"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Ngọc", "Xuân", "Hồng",
            "Quốc", "Tiến", "Công", "Đình", "Anh", "Kim", "Thành", "Trọng", "Bá", "Như", "Gia"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Lan",
            "Long", "Mạnh", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tú", "Việt",
            "Vinh", "Yến", "Hòa"};

    final Path dir;
    final List<Case> cases = new ArrayList<>();

    private BadInputCorpus(Path dir) {
        this.dir = dir;
    }

    /** Writes every case into {@code dir}. */
    static BadInputCorpus write(Path dir) throws IOException {
        BadInputCorpus c = new BadInputCorpus(Files.createDirectories(dir));
        c.writeAll();
        return c;
    }

    Path path(Case c) {
        return dir.resolve(c.file());
    }

    private void add(String file, byte[] content, Expect... expects) throws IOException {
        Files.write(dir.resolve(file), content);
        cases.add(new Case(file, List.of(expects)));
    }

    private void writeAll() throws IOException {
        String legacy = new String(fixture("legacy-expected.txt"), StandardCharsets.UTF_8).strip();
        Consumer<Article> isSmall = a -> assertEquals(SMALL.strip(), a.text());
        Consumer<Article> isLegacy = a -> assertEquals(legacy, a.text());

        // empty and binary
        add("empty.txt", new byte[0], Expect.skipped("empty file"));
        add("blank.txt", utf8(" \n\t\r\n   \n"), Expect.skipped("empty file"));
        add("bom-only.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}, Expect.skipped("empty file"));
        add("photo.txt", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I',
                'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0}, new byte[4096]), Expect.skipped("binary file"));

        // byte order marks and UTF-16
        add("utf8-bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(SMALL)),
                Expect.read("utf8-bom", isSmall.andThen(a -> assertFalse(a.text().contains("\uFEFF")))));
        add("utf16le-bom.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SMALL.getBytes(StandardCharsets.UTF_16LE)),
                Expect.read("utf16le-bom", isSmall));
        add("utf16be-bom.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SMALL.getBytes(StandardCharsets.UTF_16BE)),
                Expect.read("utf16be-bom", isSmall));
        add("utf16le-no-bom.txt", SMALL.getBytes(StandardCharsets.UTF_16LE), Expect.read("utf16le-no-bom", isSmall));
        add("utf16le-page.html", ("<html><head><title>Hội nghị Thành ủy Huế</title></head><body><article><p>Đồng chí "
                + "Phan Thiên Định chủ trì hội nghị.</p></article></body></html>").getBytes(StandardCharsets.UTF_16LE),
                Expect.read("utf16le-page", isSmall));

        // legacy Vietnamese encodings
        add("windows-1258.txt", fixture("windows-1258.txt"), Expect.read("windows-1258", isLegacy));
        add("tcvn3.txt", fixture("tcvn3.txt"), Expect.read("tcvn3", isLegacy));
        add("vni.txt", fixture("vni.txt"), Expect.read("vni", isLegacy));
        add("tcvn3-and-vni.txt", fixture("tcvn3-and-vni.txt"),
                Expect.skipped("looks like TCVN3 or VNI but could not be decoded confidently", 1));
        add("tcvn3-page.html", fixture("tcvn3-page.html"), Expect.read("tcvn3-page", isLegacy));
        add("windows-1258-page.html", fixture("windows-1258-page.html"),
                Expect.read("windows-1258-page", isLegacy));
        add("latin1.txt", "Compte rendu\nLe comité s'est réuni à Hué.\n".getBytes(StandardCharsets.ISO_8859_1),
                Expect.skipped("not valid UTF-8", 2));
        add("broken-utf8.txt", concat(utf8("Tiêu đề\nDòng hai.\nDòng ba có lỗi "), new byte[] {(byte) 0xC3, '('},
                utf8(" tiếp.\n")), Expect.skipped("not valid UTF-8", 3));

        // NUL bytes: a few are dropped, many mean binary
        add("nul-few.txt", utf8("Hội nghị\u0000 Thành ủy Huế\nĐồng chí Phan Thiên Định\u0000 chủ trì hội nghị.\n"),
                Expect.read("nul-few", isSmall));
        add("nul-many.txt", utf8(SMALL.replace(" ", "\u0000 ")), Expect.skipped("binary file"));
        add("nul-tail.txt", concat(utf8(SMALL.repeat(200)), new byte[100_000]),
                Expect.skipped("binary file"));

        // size: refused before reading; long lines and script-heavy pages read in bounded time
        writeHuge("huge.txt", 100L << 20);
        cases.add(new Case("huge.txt", List.of(Expect.skipped("file too large for an article (104857600 bytes; "
                + "the limit is 20 MB)"))));
        String line = oneLine(3_000_000);
        add("one-line.txt", utf8(line), Expect.read("one-line", a -> {
            assertEquals(-1, a.text().indexOf('\n'));
            assertTrue(a.text().length() > 2_900_000, "length " + a.text().length()); // photo credits go
        }));
        add("scripts.html", utf8(scriptPage(5_000_000, true)), Expect.read("scripts",
                a -> assertEquals("Hội nghị Ban Chấp hành Đảng bộ tỉnh\nĐồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, "
                        + "chủ trì hội nghị.", a.text())));
        add("scripts-only.html", utf8(scriptPage(5_000_000, false)),
                Expect.skipped("no article text found in the page"));
        add("nested.html", utf8("<html><body>" + "<div>".repeat(100_000) + "<p>Hội nghị Tỉnh ủy</p><p>Nội dung.</p>"
                + "</div>".repeat(100_000) + "</body></html>"), Expect.read("nested"));

        // JSON Lines: each bad line named by its number, the good ones read
        add("records.jsonl", concat(utf8(String.join("\n",
                "{\"id\": \"j1\", \"title\": \"Hội nghị Thành ủy Huế\", "
                        + "\"text\": \"Đồng chí Phan Thiên Định chủ trì.\"}",
                "{\"id\": \"j2\", \"text\": \"thiếu ngoặc\"",
                "{\"title\": \"Không có id\", \"text\": \"Nội dung.\"}",
                "{\"id\": \"j4\", \"title\": \"Không có nội dung\"}",
                "[\"không\", \"phải\", \"đối tượng\"]",
                "{\"id\": \"j6\", \"text\": \"Caf")), new byte[] {(byte) 0xE9}, utf8("\"}\n\n"
                + "{\"id\": \"j8\", \"title\": \"Kỳ họp HĐND tỉnh\", \"text\": \"Kỳ họp bế mạc.\"}\n")),
                Expect.read("j1"), Expect.read("j8"),
                Expect.skipped("malformed JSON", 2), Expect.skipped("record has no \"id\"", 3),
                Expect.skipped("record j4 has neither \"text\" nor \"html\"", 4),
                Expect.skipped("expected a JSON object", 5), Expect.skipped("not valid UTF-8", 6));
        writeLongLine("long-line.jsonl");
        cases.add(new Case("long-line.jsonl", List.of(Expect.read("l1"), Expect.read("l3"),
                Expect.skipped("line too long for an article", 2))));
        add("binary.jsonl", concat(utf8("{\"id\": \"b\"}\n"), new byte[2000]), Expect.skipped("binary file"));
        add("utf16.jsonl", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "{\"id\": \"u\", \"text\": \"Nội dung.\"}\n".getBytes(StandardCharsets.UTF_16LE)),
                Expect.skipped("JSON Lines must be UTF-8"));
        add("empty.jsonl", utf8("\n\n  \n"), Expect.skipped("empty file"));

        // many names; the same id twice (the later record wins in a build)
        add("people.txt", utf8(people()), Expect.read("people"));
        add("duplicate.jsonl", utf8(
                "{\"id\": \"" + DUPLICATE_ID + "\", \"title\": \"Bản đầu\", \"text\": \"Ông Lê Văn Một chủ trì.\"}\n"
                        + "{\"id\": \"" + DUPLICATE_ID + "\", \"title\": \"Bản sau\", "
                        + "\"text\": \"Ông Lê Văn Hai chủ trì.\"}\n"),
                Expect.read(DUPLICATE_ID, a -> {}), Expect.read(DUPLICATE_ID, a -> {}));
    }

    /** 10,000 officials, one a line (members of one committee, a post many hold at once), each name distinct even without its tone marks (persons are named by slug). */
    static String people() {
        StringBuilder b = new StringBuilder("Danh sách huyện ủy viên dự hội nghị tập huấn\n");
        Set<String> slugs = new HashSet<>();
        for (String s : SURNAMES) {
            for (String m : MIDDLE) {
                for (String g : GIVEN) {
                    String name = s + " " + m + " " + g;
                    assertTrue(slugs.add(VietText.slug(name)), name);
                    b.append("Đồng chí ").append(name).append(", Huyện ủy viên Đô Lương, dự hội nghị.\n");
                }
            }
        }
        assertEquals(PEOPLE, slugs.size());
        return b.toString();
    }

    /** Sentences of a real article run together without a line break, to {@code chars} characters. */
    private static String oneLine(int chars) throws IOException {
        String seed = Files.readString(seed("001_4637516c40e19d0c.txt")).replaceAll("\\s+", " ").strip();
        StringBuilder b = new StringBuilder(chars + seed.length());
        while (b.length() < chars) b.append(seed).append(' ');
        return b.toString();
    }

    /** A page of {@code size} characters of scripts, with or without a short article at the end. */
    private static String scriptPage(int size, boolean article) {
        StringBuilder b = new StringBuilder(size + 1000);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Hội nghị Tỉnh ủy</title>\n");
        for (int i = 0; b.length() < size; i++) {
            b.append("<script>var s").append(i).append(" = \"</div><p>không phải bài</p>\"; function f").append(i)
                    .append("(a) { if (a < 3 && a > 1) { document.write('<p>quảng cáo</p>'); } return a * 2; }")
                    .append("</script>\n");
            if (i % 50 == 0) b.append("<div class=\"ads\"><noscript>Bật JavaScript để xem</noscript></div>\n");
        }
        b.append("</head><body>");
        if (article) {
            b.append("<article><h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh</h1><p>Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, ")
                    .append("chủ trì hội nghị.</p></article>");
        }
        b.append("<script>").append("x = 1;".repeat(10_000)).append("</script></body></html>\n");
        return b.toString();
    }

    /** {@code size} bytes of ordinary article text: only its size should ever be looked at. */
    private void writeHuge(String file, long size) throws IOException {
        byte[] chunk = utf8(SMALL.repeat(1000));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(file)), 1 << 16)) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
    }

    /** A good line, a line of 21 MB, a good line. */
    private void writeLongLine(String file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(file)), 1 << 16)) {
            out.write(utf8("{\"id\": \"l1\", \"title\": \"Một\", \"text\": \"Nội dung một.\"}\n"));
            out.write(utf8("{\"id\": \"l2\", \"text\": \""));
            byte[] chunk = utf8("Nội dung rất dài. ".repeat(1000));
            for (long n = 0; n < (21L << 20); n += chunk.length) out.write(chunk);
            out.write(utf8("\"}\n"));
            out.write(utf8("{\"id\": \"l3\", \"title\": \"Ba\", \"text\": \"Nội dung ba.\"}\n"));
        }
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = BadInputCorpus.class.getResourceAsStream("bad/" + name)) {
            if (in == null) throw new IOException("missing fixture bad/" + name);
            return in.readAllBytes();
        }
    }

    /** A seed article shipped with the project (tests run from the project folder). */
    static Path seed(String name) throws IOException {
        for (Path p : List.of(Path.of("seeds"), Path.of("../shared/seeds"))) {
            if (Files.isRegularFile(p.resolve(name))) return p.resolve(name);
        }
        throw new IOException("seed " + name + " not found: run the tests from the project folder");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
