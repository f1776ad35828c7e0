package org.vietpol.article;

import java.io.IOException;
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
    /** News articles are kilobytes; anything this big is not one and would only exhaust memory. */
    static final long MAX_BYTES = 64L << 20;
    /** How much of a file the binary test looks at. */
    private static final int SAMPLE = 8192;
    /** A stray NUL or two survives copy and paste; more means the file is not text. */
    private static final int MAX_NULS = 4;
    /** Share of control bytes above which a file is taken for binary. */
    private static final double MAX_CONTROL_SHARE = 0.10;

    private InputBytes() {}

    /** Text decoded from a file, or why it could not be: {@code line} is where decoding failed (0: whole file). */
    record Decoded(String text, long line, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** Reads the whole file, or returns null after reporting why it will not be read. */
    static byte[] read(Path file, ArticleSink sink) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            sink.problem(new InputProblem(file.toString(), 0, "file too large for an article (" + size + " bytes)"));
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        String problem = notText(bytes);
        if (problem != null) {
            sink.problem(new InputProblem(file.toString(), 0, problem));
            return null;
        }
        return bytes;
    }

    /** "empty file", "binary file ...", or null when the bytes may be text. */
    static String notText(byte[] b) {
        Charset utf16 = utf16Bom(b);
        if (utf16 != null) {
            return new String(b, 2, b.length - 2, utf16).isBlank() ? "empty file" : null;
        }
        int start = hasUtf8Bom(b) ? 3 : 0;
        int end = Math.min(b.length, start + SAMPLE);
        int nuls = 0, controls = 0;
        boolean blank = true;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) nuls++;
            else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) controls++;
            if (c > ' ') blank = false;
        }
        if (nuls > MAX_NULS) return "binary file, not text (" + nuls + " NUL bytes near the start)";
        if (end > start && controls > MAX_CONTROL_SHARE * (end - start)) {
            return "binary file, not text (" + controls + " control bytes near the start)";
        }
        if (blank && end == b.length) return "empty file";
        return null;
    }

    /** Strict decoding: UTF-16 when a UTF-16 byte order mark says so, else UTF-8; a UTF-8 BOM is dropped. */
    static Decoded decode(byte[] b) {
        Charset cs = utf16Bom(b);
        int start = cs != null ? 2 : hasUtf8Bom(b) ? 3 : 0;
        if (cs == null) cs = StandardCharsets.UTF_8;
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer out = CharBuffer.allocate((int) ((b.length - start) * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            out.flip();
            long line = 1 + out.chars().filter(c -> c == '\n').count();
            return new Decoded(null, line, "not valid " + cs.name() + " (bad byte at offset " + in.position()
                    + "); save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        return text.isBlank() ? new Decoded(null, 0, "empty file") : new Decoded(text, 0, null);
    }

    /** Strict UTF-8 for one line of a JSON Lines file. */
    static String utf8(byte[] b, int off, int len) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, off, len)).toString();
    }

    static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static Charset utf16Bom(byte[] b) {
        if (b.length < 2) return null;
        int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF;
        if (b0 == 0xFE && b1 == 0xFF) return StandardCharsets.UTF_16BE;
        if (b0 == 0xFF && b1 == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }
}
