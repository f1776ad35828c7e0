package org.vietpol.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Longest-match lookup of multi-token phrases, compared by token key (case and tone placement ignored).
 * Immutable once built.
 */
public final class PhraseTable<V> {
    private final Map<String, V> entries;
    private final int maxLength;

    private PhraseTable(Map<String, V> entries, int maxLength) {
        this.entries = Map.copyOf(entries);
        this.maxLength = maxLength;
    }

    /** A match of {@code length} tokens starting at the position asked. */
    public record Match<V>(int length, V value) {}

    public Match<V> longest(List<Token> tokens, int at) {
        int max = Math.min(maxLength, tokens.size() - at);
        StringBuilder key = new StringBuilder();
        Match<V> best = null;
        for (int len = 1; len <= max; len++) {
            if (len > 1) key.append(' ');
            key.append(tokens.get(at + len - 1).key());
            V v = entries.get(key.toString());
            if (v != null) best = new Match<>(len, v);
        }
        return best;
    }

    public V get(String phrase) {
        return entries.get(keyOf(phrase));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    static String keyOf(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (Token t : Tokenizer.tokenize(phrase)) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.key());
        }
        return sb.toString();
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    public static final class Builder<V> {
        private final Map<String, V> entries = new HashMap<>();
        private int maxLength;

        /** Adds a phrase; a second, different value for the same phrase is a data error. */
        public Builder<V> put(String phrase, V value) {
            String key = keyOf(phrase);
            if (key.isEmpty()) throw new IllegalArgumentException("empty phrase");
            V old = entries.putIfAbsent(key, value);
            if (old != null && !Objects.equals(old, value)) {
                throw new IllegalArgumentException("phrase '" + phrase + "' given twice with different meanings");
            }
            maxLength = Math.max(maxLength, key.split(" ").length);
            return this;
        }

        /** Adds or merges: for tables whose values collect several meanings. */
        public Builder<V> merge(String phrase, V value, java.util.function.BinaryOperator<V> merger) {
            String key = keyOf(phrase);
            entries.merge(key, value, merger);
            maxLength = Math.max(maxLength, key.split(" ").length);
            return this;
        }

        public PhraseTable<V> build() {
            return new PhraseTable<>(entries, maxLength);
        }
    }
}
