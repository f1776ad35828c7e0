package org.vietpol.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Longest-match lookup of multi-token phrases, compared by token key (case and tone placement ignored).
 * Not modified once built, so safe to share between threads.
 */
public final class PhraseTable<V> {
    /** A trie over token keys: a lookup costs one hash probe per token and stops at the first miss. */
    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>();
        V value;
    }

    private final Node<V> root;
    private final boolean empty;
    private final long bit;

    private PhraseTable(Node<V> root, boolean empty, long bit) {
        this.root = root;
        this.empty = empty;
        this.bit = bit;
    }

    /*
     * Every table gets a bit; each word key maps to the bits of the tables that have a phrase starting with it.
     * A token carries its word's bits (one map lookup when tokenized), so the dozen tables asked about each token
     * answer "no phrase starts here" by a bit test instead of a hash lookup.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Long> FIRST_WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger BITS = new java.util.concurrent.atomic.AtomicInteger();

    /** The bits of the tables with a phrase starting with this word key. */
    static long firstWordBits(String key) {
        Long b = FIRST_WORDS.get(key);
        return b == null ? 0L : b;
    }

    /** A match of {@code length} tokens starting at the position asked. */
    public record Match<V>(int length, V value) {}

    public Match<V> longest(List<Token> tokens, int at) {
        if (at >= tokens.size() || bit != 0 && (tokens.get(at).firsts() & bit) == 0) return null;
        Node<V> n = root;
        int length = 0;
        V value = null;
        for (int i = at; i < tokens.size(); i++) {
            n = n.next.get(tokens.get(i).key());
            if (n == null) break;
            if (n.value != null) {
                length = i - at + 1;
                value = n.value;
            }
        }
        return value == null ? null : new Match<>(length, value);
    }

    public V get(String phrase) {
        Node<V> n = root;
        for (Token t : Tokenizer.tokenize(phrase)) {
            n = n.next.get(t.key());
            if (n == null) return null;
        }
        return n.value;
    }

    public boolean isEmpty() {
        return empty;
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
        private final Node<V> root = new Node<>();
        private boolean empty = true;
        private boolean built;

        /** Adds a phrase; a second, different value for the same phrase is a data error. */
        public Builder<V> put(String phrase, V value) {
            Node<V> n = node(phrase);
            if (n.value != null && !Objects.equals(n.value, value)) {
                throw new IllegalArgumentException("phrase '" + phrase + "' given twice with different meanings");
            }
            n.value = value;
            return this;
        }

        /** Adds or merges: for tables whose values collect several meanings. */
        public Builder<V> merge(String phrase, V value, java.util.function.BinaryOperator<V> merger) {
            Node<V> n = node(phrase);
            n.value = n.value == null ? value : merger.apply(n.value, value);
            return this;
        }

        private Node<V> node(String phrase) {
            if (built) throw new IllegalStateException("already built");
            List<Token> tokens = Tokenizer.tokenize(phrase);
            if (tokens.isEmpty()) throw new IllegalArgumentException("empty phrase");
            Node<V> n = root;
            for (Token t : tokens) n = n.next.computeIfAbsent(t.key(), k -> new Node<>());
            empty = false;
            return n;
        }

        /** The table; the builder may not be used after. */
        public PhraseTable<V> build() {
            built = true;
            int index = BITS.getAndIncrement();
            long bit = index < 64 ? 1L << index : 0L; // past 64 tables: no shortcut, always look
            if (bit != 0) for (String first : root.next.keySet()) FIRST_WORDS.merge(first, bit, (a, b) -> a | b);
            return new PhraseTable<>(root, empty, bit);
        }
    }
}
