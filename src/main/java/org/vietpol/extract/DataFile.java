package org.vietpol.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vietpol.text.VietText;

/**
 * Reads the tab-separated language data files (lexicons, gazetteer) from the classpath. Lines starting with
 * '#' are comments; in a table, the first other line is the header. Errors name the file and line.
 */
public final class DataFile {
    private static final String BASE = "/org/vietpol/lexicon/";

    /** One data row: its cells (NFC, trimmed; missing trailing cells are "") and where it came from. */
    public record Row(String file, int line, List<String> cells) {
        public String get(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        public DataException error(String message) {
            return new DataException(file + ":" + line + ": " + message);
        }
    }

    /** A broken data file: a packaging or editing mistake, reported with file and line. */
    public static final class DataException extends RuntimeException {
        public DataException(String message) {
            super(message);
        }
    }

    private DataFile() {}

    public static boolean exists(String name) {
        return DataFile.class.getResource(BASE + name) != null;
    }

    public static List<Row> table(String name) {
        return read(name, true);
    }

    /** A whole text file (a grammar file): its text, its digest recorded in the fingerprint. */
    public static String text(String name) {
        InputStream raw = DataFile.class.getResourceAsStream(BASE + name);
        if (raw == null) throw new DataException("missing data file " + BASE + name);
        try (raw) {
            byte[] bytes = raw.readAllBytes();
            DIGESTS.put(name, sha256(bytes));
            return VietText.nfc(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (Row r : read(name, false)) out.add(r.get(0));
        return out;
    }

    /** SHA-256 of every data file read so far, by name: what the extraction rules were made of. */
    private static final java.util.concurrent.ConcurrentSkipListMap<String, String> DIGESTS =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    /**
     * A fingerprint of the language data read so far (file names and contents): when it changes, articles
     * already in a store must be extracted again.
     */
    public static String fingerprint() {
        StringBuilder sb = new StringBuilder();
        DIGESTS.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> read(String name, boolean hasHeader) {
        InputStream raw = DataFile.class.getResourceAsStream(BASE + name);
        if (raw == null) throw new DataException("missing data file " + BASE + name);
        byte[] bytes;
        try (raw) {
            bytes = raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DIGESTS.put(name, sha256(bytes));
        InputStream in = new java.io.ByteArrayInputStream(bytes);
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = hasHeader;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                List<String> cells = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
                cells.replaceAll(VietText::clean);
                rows.add(new Row(name, n, List.copyOf(cells)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
