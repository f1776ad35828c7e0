package org.vietpol.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on a file's raw bytes before it is read as text: size, emptiness, binary content, encoding. */
final class InputBytes {
    /**
     * News articles are kilobytes; a file over this size (20 MB) is not one, and is refused before it is read,
     * so it never has to fit in memory.
     */
    static final long MAX_BYTES = 20L << 20;
    /** How much of a file the binary test looks at closely. */
    static final int SAMPLE = 8192;
    /** A stray NUL or two survives copy and paste; more near the start means the file is not text. */
    private static final int MAX_NULS = 4;
    /** Share of control bytes above which a file (or its first {@link #SAMPLE} bytes) is taken for binary. */
    private static final double MAX_CONTROL_SHARE = 0.10;
    /** UTF-16 without a byte order mark: this share of one byte parity is NUL (ASCII text), ... */
    private static final double UTF16_ZEROS = 0.30;
    /** ... and at most this share of the other. */
    private static final double UTF16_OTHER_ZEROS = 0.02;

    private InputBytes() {}

    /**
     * Text decoded from a file, or why it could not be: {@code line} is where decoding failed (0: whole file);
     * {@code guessed} names the encoding when it had to be guessed (UTF-16 without a byte order mark, or a legacy
     * Vietnamese encoding), else null.
     */
    record Decoded(String text, long line, String problem, String guessed) {
        boolean ok() {
            return problem == null;
        }

        static Decoded failed(long line, String problem) {
            return new Decoded(null, line, problem, null);
        }
    }

    /** "file too large ... (N bytes; the limit is 20 MB)". */
    static String tooLarge(long size) {
        return "file too large for an article (" + size + " bytes; the limit is " + (MAX_BYTES >> 20) + " MB)";
    }

    /** Reads the whole file, or returns null after reporting why it will not be read. */
    static byte[] read(Path file, ArticleSink sink) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            sink.problem(new InputProblem(file.toString(), 0, tooLarge(size)));
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // the file may have grown since it was measured
        }
        if (bytes.length > MAX_BYTES) {
            sink.problem(new InputProblem(file.toString(), 0, tooLarge(Math.max(size, bytes.length))));
            return null;
        }
        String problem = notText(bytes);
        if (problem != null) {
            sink.problem(new InputProblem(file.toString(), 0, problem));
            return null;
        }
        return bytes;
    }

    /** "empty file", "binary file ...", or null when the bytes may be text. */
    static String notText(byte[] b) {
        if (utf16(b) != null) return null; // its NUL bytes are half of every ASCII letter; decode() judges it
        int start = hasUtf8Bom(b) ? 3 : 0;
        int end = Math.min(b.length, start + SAMPLE);
        int nuls = 0, controls = 0;
        boolean blank = true;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) nuls++;
            else if (isControl(c)) controls++;
            if (c > ' ') blank = false;
        }
        if (nuls > MAX_NULS) return "binary file, not text (" + nuls + " NUL bytes near the start)";
        if (end > start && controls > MAX_CONTROL_SHARE * (end - start)) {
            return "binary file, not text (" + controls + " control bytes near the start)";
        }
        if (end < b.length) {
            // text at the start, then data: an archive or image with a text header, a file padded with NULs
            int later = 0;
            for (int i = end; i < b.length; i++) if (b[i] == 0 || isControl(b[i] & 0xFF)) later++;
            if (later > MAX_CONTROL_SHARE * (b.length - end)) {
                return "binary file, not text (" + later + " NUL or control bytes after the first " + SAMPLE
                        + " bytes)";
            }
        }
        if (blank && end == b.length) return "empty file";
        return null;
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }

    /**
     * Decodes a text file: UTF-16 when a byte order mark or the pattern of NUL bytes says so; else strict UTF-8 (a
     * BOM is dropped); else, when the bytes are no UTF-8, the legacy Vietnamese encoding they clearly read as.
     */
    static Decoded decode(byte[] b) {
        Charset cs = utf16Bom(b);
        int start = 2;
        String guessed = null;
        if (cs == null) {
            start = hasUtf8Bom(b) ? 3 : 0;
            cs = utf16ByZeros(b);
            if (cs != null) guessed = cs.name() + " without a byte order mark";
            else cs = StandardCharsets.UTF_8;
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate((int) ((b.length - start) * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        out.flip();
        if (result.isError()) {
            long line = 1 + out.chars().filter(c -> c == '\n').count();
            String bad = "not valid " + cs.name() + " (bad byte at offset " + in.position() + ")";
            if (guessed != null) return Decoded.failed(0, "binary file, not text (" + bad + ")");
            if (start == 0) return legacy(b, line, bad);
            return Decoded.failed(line, bad + "; save the file as UTF-8");
        }
        String text = out.toString();
        if (guessed != null && controlShare(text) > MAX_CONTROL_SHARE) {
            return Decoded.failed(0, "binary file, not text");
        }
        return text.isBlank() ? Decoded.failed(0, "empty file") : new Decoded(text, 0, null, guessed);
    }

    /** Bytes that are no UTF-8: Windows-1258, TCVN3 or VNI when one clearly reads as Vietnamese, else refused. */
    private static Decoded legacy(byte[] b, long line, String bad) {
        if (mostlyUtf8(b)) return Decoded.failed(line, bad + "; save the file as UTF-8");
        LegacyEncodings.Guess g = LegacyEncodings.guess(b);
        if (g.encoding() != null) {
            return g.text().isBlank() ? Decoded.failed(0, "empty file") : new Decoded(g.text(), 0, null, g.encoding());
        }
        if (g.lookalike() != null) return Decoded.failed(line, unsure(g));
        return Decoded.failed(line, bad + "; save the file as UTF-8");
    }

    /**
     * UTF-8 with a few broken bytes rather than another encoding: more well-formed multi-byte sequences than stray
     * high bytes. Text in a one-byte encoding almost never forms such sequences.
     */
    static boolean mostlyUtf8(byte[] b) {
        int good = 0, bad = 0;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = n > 0;
            if (ok) {
                for (int k = 1; k <= n; k++) {
                    if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) {
                good++;
                i += n + 1;
            } else {
                bad++;
                i++;
            }
        }
        return good > bad;
    }

    /** Why a file that looks like a legacy encoding is refused. */
    static String unsure(LegacyEncodings.Guess g) {
        return "not UTF-8; looks like " + g.lookalike() + " but could not be decoded confidently ("
                + Math.round(100 * g.share()) + "% of its words read as Vietnamese); save the file as UTF-8";
    }

    /** The note for a file read in an encoding that had to be guessed. */
    static String guessedNote(String encoding) {
        return "read as " + encoding + " (guessed: the file is not UTF-8); save it as UTF-8 to be sure";
    }

    private static double controlShare(String s) {
        if (s.isEmpty()) return 0;
        long n = s.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f').count();
        return (double) n / s.length();
    }

    /** Strict UTF-8 for one line of a JSON Lines file. */
    static String utf8(byte[] b, int off, int len) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, off, len)).toString();
    }

    /** True when the bytes (after a UTF-8 BOM, if any) are valid UTF-8. */
    static boolean isUtf8(byte[] b) {
        int start = hasUtf8Bom(b) ? 3 : 0;
        try {
            utf8(b, start, b.length - start);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** UTF-16 by its byte order mark or, failing one, by where its NUL bytes fall; else null. */
    static Charset utf16(byte[] b) {
        Charset cs = utf16Bom(b);
        return cs != null ? cs : utf16ByZeros(b);
    }

    static Charset utf16Bom(byte[] b) {
        if (b.length < 2) return null;
        int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF;
        if (b0 == 0xFE && b1 == 0xFF) return StandardCharsets.UTF_16BE;
        if (b0 == 0xFF && b1 == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    /** ASCII in UTF-16 has a NUL in every other byte: odd offsets for little-endian, even for big-endian. */
    private static Charset utf16ByZeros(byte[] b) {
        int n = Math.min(b.length, SAMPLE) & ~1;
        if (n < 8) return null;
        int even = 0, odd = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) even++;
                else odd++;
            }
        }
        int half = n / 2;
        if (odd >= UTF16_ZEROS * half && even <= UTF16_OTHER_ZEROS * half) return StandardCharsets.UTF_16LE;
        if (even >= UTF16_ZEROS * half && odd <= UTF16_OTHER_ZEROS * half) return StandardCharsets.UTF_16BE;
        return null;
    }
}
