package org.vietpol.extract.doc;

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
        /*
         * The children as an open-addressing table made by build(): each key's hash beside it, so a probe that misses
         * (most of them: every token is looked up in several tables) reads one array, not a HashMap's chain of entries.
         */
        String[] keys;
        int[] hashes;
        Node<V>[] kids;

        Node<V> child(String key) {
            String[] ks = keys;
            if (ks == null) return null;
            int h = key.hashCode(), mask = ks.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                String k = ks[i];
                if (k == null) return null;
                if (hashes[i] == h && (k == key || k.equals(key))) return kids[i];
            }
        }

        @SuppressWarnings("unchecked")
        void compile() {
            if (next.isEmpty()) return;
            int size = Integer.highestOneBit(next.size() * 3) << 1; // at most a third full
            keys = new String[size];
            hashes = new int[size];
            kids = (Node<V>[]) new Node[size];
            for (Map.Entry<String, Node<V>> e : next.entrySet()) {
                int h = e.getKey().hashCode(), i = spread(h) & (size - 1);
                while (keys[i] != null) i = (i + 1) & (size - 1);
                keys[i] = e.getKey();
                hashes[i] = h;
                kids[i] = e.getValue();
                e.getValue().compile();
            }
        }

        private static int spread(int h) {
            return (h ^ (h >>> 16)) * 0x9E3779B9;
        }
    }

    private final Node<V> root;
    private final boolean empty;

    private PhraseTable(Node<V> root, boolean empty) {
        this.root = root;
        this.empty = empty;
    }

    /** A match of {@code length} tokens starting at the position asked. */
    public record Match<V>(int length, V value) {}

    public Match<V> longest(List<Token> tokens, int at) {
        if (at < 0 || at >= tokens.size()) return null;
        Node<V> n = root;
        int length = 0;
        V value = null;
        for (int i = at; i < tokens.size(); i++) {
            n = n.child(tokens.get(i).key());
            if (n == null) break;
            if (n.value != null) {
                length = i - at + 1;
                value = n.value;
            }
        }
        return value == null ? null : new Match<>(length, value);
    }

    /** Every phrase starting at {@code at}, shortest first: the walk of {@link #longest} reporting each value met. */
    public void matches(List<Token> tokens, int at, java.util.function.ObjIntConsumer<V> sink) {
        if (at < 0 || at >= tokens.size()) return;
        Node<V> n = root;
        for (int i = at; i < tokens.size(); i++) {
            n = n.child(tokens.get(i).key());
            if (n == null) return;
            if (n.value != null) sink.accept(n.value, i - at + 1);
        }
    }

    public V get(String phrase) {
        Node<V> n = root;
        for (Token t : Tokenizer.tokenize(phrase)) {
            n = n.child(t.key());
            if (n == null) return null;
        }
        return n.value;
    }

    public boolean isEmpty() {
        return empty;
    }

    public static String keyOf(String phrase) {
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
            root.compile();
            return new PhraseTable<>(root, empty);
        }
    }
}
