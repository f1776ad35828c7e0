package org.vietpol.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's judgements on pairs of persons, kept in a file the build applies and never writes (as
 * nomenklatura's judgements are): one pair a line, {@code IRI <TAB> IRI <TAB> same|different}, {@code #} for
 * comments. "same" makes the two one person (the IRI named first stays); "different" keeps them apart whatever
 * the evidence.
 */
public final class Decisions {
    public enum Judgement { SAME, DIFFERENT }

    private final Map<String, Judgement> pairs = new HashMap<>();
    private final Map<String, String> same = new HashMap<>(); // second IRI -> first

    public static final Decisions NONE = new Decisions();

    public static Decisions read(Path file) throws IOException {
        Decisions d = new Decisions();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IOException(file + ":" + (i + 1) + ": expected IRI, IRI and same or different, tab-separated");
            }
            Judgement j = switch (f[2].strip()) {
                case "same" -> Judgement.SAME;
                case "different" -> Judgement.DIFFERENT;
                case "same|different" -> throw new IOException(file + ":" + (i + 1) + ": choose 'same' or 'different' for this pair");
                default -> throw new IOException(file + ":" + (i + 1) + ": '" + f[2].strip() + "' is neither same nor different");
            };
            if (f[0].equals(f[1])) throw new IOException(file + ":" + (i + 1) + ": a person paired with itself");
            d.pairs.put(pair(f[0], f[1]), j);
            if (j == Judgement.SAME) d.same.put(f[1].strip(), f[0].strip());
        }
        return d;
    }

    private static String pair(String a, String b) {
        a = a.strip();
        b = b.strip();
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    public Judgement of(String a, String b) {
        return pairs.get(pair(a, b));
    }

    /** The IRI a person judged the same as another is known by (itself when no judgement says so). */
    public String canonical(String iri) {
        String x = iri;
        for (int i = 0; i < 16 && same.containsKey(x); i++) x = same.get(x);
        return x;
    }

    /** A digest of the judgements (whatever their order in the file): a build records it, a change re-resolves. */
    public String fingerprint() {
        if (pairs.isEmpty()) return "none";
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(pairs).forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        for (var e : new java.util.TreeMap<>(same).entrySet()) b.append(e.getKey()).append('>').append(e.getValue()).append('\n');
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> sameAs() {
        return Map.copyOf(same);
    }
}
