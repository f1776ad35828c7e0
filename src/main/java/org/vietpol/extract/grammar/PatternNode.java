package org.vietpol.extract.grammar;

import java.util.List;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;

/**
 * A compiled pattern over the layers of a document: sequences, alternatives, repetitions, layer spans, literal
 * words, any token, captures and sentence anchors. Matching backtracks: each node calls its continuation with
 * every end position it can reach, the preferred one first, until one continuation succeeds.
 */
abstract class PatternNode {
    /** The state of one match attempt within one sentence. */
    static final class State {
        final AnnotatedDocument doc;
        final List<Token> tokens;
        final int sentenceStart, sentenceEnd;
        final int[] from, to;
        int limit;

        State(AnnotatedDocument doc, int sentenceStart, int sentenceEnd, int labels) {
            this.doc = doc;
            this.tokens = doc.tokens();
            this.sentenceStart = sentenceStart;
            this.sentenceEnd = sentenceEnd;
            this.from = new int[labels];
            this.to = new int[labels];
        }
    }

    interface Cont {
        boolean run(int pos);
    }

    abstract boolean match(State s, int pos, Cont k);

    /** Whether the node can match no token at all. */
    abstract boolean nullable();

    /** The layers one of which must start a match (null when anything may). */
    abstract List<Layer<?>> firstLayers();

    /** Layers a match cannot do without: some span of each lies in the match. For skipping hopeless starts. */
    void required(java.util.Set<Layer<?>> out) {}

    /**
     * What a match must start with: a span of one of {@code layers}, a word with one of {@code keys}, or the
     * sentence's start; null from {@link #first()} when any token may start one.
     */
    record First(List<Layer<?>> layers, List<String> keys, boolean sentenceStart) {
        java.util.Set<String> keySet() {
            return java.util.Set.copyOf(keys);
        }

        static First union(First a, First b) {
            if (a == null || b == null) return null;
            List<Layer<?>> l = new java.util.ArrayList<>(a.layers);
            l.addAll(b.layers);
            List<String> k = new java.util.ArrayList<>(a.keys);
            k.addAll(b.keys);
            return new First(List.copyOf(l), List.copyOf(k), a.sentenceStart || b.sentenceStart);
        }
    }

    First first() {
        List<Layer<?>> l = firstLayers();
        return l == null ? null : new First(l, List.of(), false);
    }

    static final class LayerAtom extends PatternNode {
        final Layer<?> layer;

        LayerAtom(Layer<?> layer) {
            this.layer = layer;
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            if (pos >= s.sentenceEnd) return false;
            for (Span<?> sp : s.doc.startingAt(layer, pos)) {
                if (sp.to() <= s.limit && k.run(sp.to())) return true;
            }
            return false;
        }

        @Override boolean nullable() { return false; }
        @Override List<Layer<?>> firstLayers() { return List.of(layer); }
        @Override void required(java.util.Set<Layer<?>> out) { out.add(layer); }
    }

    /** One or more words compared by key (case and tone-mark placement ignored). */
    static final class Literal extends PatternNode {
        final String[] keys;

        Literal(String[] keys) {
            this.keys = keys;
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            if (pos + keys.length > Math.min(s.sentenceEnd, s.limit)) return false;
            for (int i = 0; i < keys.length; i++) if (!s.tokens.get(pos + i).key().equals(keys[i])) return false;
            return k.run(pos + keys.length);
        }

        @Override boolean nullable() { return false; }
        @Override List<Layer<?>> firstLayers() { return null; }
        @Override First first() { return new First(List.of(), List.of(keys[0]), false); }
    }

    static final class Any extends PatternNode {
        @Override
        boolean match(State s, int pos, Cont k) {
            return pos < s.sentenceEnd && pos < s.limit && k.run(pos + 1);
        }

        @Override boolean nullable() { return false; }
        @Override List<Layer<?>> firstLayers() { return null; }
    }

    static final class Anchor extends PatternNode {
        final boolean start;

        Anchor(boolean start) {
            this.start = start;
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            return (start ? pos == s.sentenceStart : pos == s.sentenceEnd) && k.run(pos);
        }

        @Override boolean nullable() { return true; }
        @Override List<Layer<?>> firstLayers() { return null; }
    }

    static final class Seq extends PatternNode {
        final PatternNode[] parts;

        Seq(List<PatternNode> parts) {
            this.parts = parts.toArray(new PatternNode[0]);
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            return from(0, s, pos, k);
        }

        private boolean from(int i, State s, int pos, Cont k) {
            if (i == parts.length) return k.run(pos);
            return parts[i].match(s, pos, p -> from(i + 1, s, p, k));
        }

        @Override
        boolean nullable() {
            for (PatternNode p : parts) if (!p.nullable()) return false;
            return true;
        }

        @Override
        void required(java.util.Set<Layer<?>> out) {
            for (PatternNode p : parts) if (!p.nullable()) p.required(out);
        }

        @Override
        List<Layer<?>> firstLayers() {
            for (PatternNode p : parts) {
                if (p instanceof Anchor) continue;
                return p.nullable() ? null : p.firstLayers();
            }
            return null;
        }

        @Override
        First first() {
            First acc = new First(List.of(), List.of(), false);
            for (PatternNode p : parts) {
                if (p instanceof Anchor a) {
                    // a match that must open the sentence starts there
                    return a.start ? First.union(acc, new First(List.of(), List.of(), true)) : null;
                }
                acc = First.union(acc, p.first());
                if (acc == null || !p.nullable()) return acc;
            }
            return null;
        }
    }

    static final class Alt extends PatternNode {
        final PatternNode[] options;

        Alt(List<PatternNode> options) {
            this.options = options.toArray(new PatternNode[0]);
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            for (PatternNode o : options) if (o.match(s, pos, k)) return true;
            return false;
        }

        @Override
        boolean nullable() {
            for (PatternNode o : options) if (o.nullable()) return true;
            return false;
        }

        @Override
        List<Layer<?>> firstLayers() {
            List<Layer<?>> out = new java.util.ArrayList<>();
            for (PatternNode o : options) {
                List<Layer<?>> f = o.firstLayers();
                if (f == null) return null;
                out.addAll(f);
            }
            return out;
        }

        @Override
        First first() {
            First out = new First(List.of(), List.of(), false);
            for (PatternNode o : options) {
                First f = o instanceof Anchor a && a.start ? new First(List.of(), List.of(), true) : o.first();
                out = First.union(out, f);
                if (out == null) return null;
            }
            return out;
        }
    }

    static final class Repeat extends PatternNode {
        final PatternNode node;
        final int min, max;
        final boolean greedy;

        Repeat(PatternNode node, int min, int max, boolean greedy) {
            this.node = node;
            this.min = min;
            this.max = max;
            this.greedy = greedy;
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            return rep(0, s, pos, k);
        }

        private boolean rep(int n, State s, int pos, Cont k) {
            if (greedy) {
                if (n < max && node.match(s, pos, p -> p != pos && rep(n + 1, s, p, k))) return true;
                return n >= min && k.run(pos);
            }
            if (n >= min && k.run(pos)) return true;
            return n < max && node.match(s, pos, p -> p != pos && rep(n + 1, s, p, k));
        }

        @Override boolean nullable() { return min == 0 || node.nullable(); }
        @Override void required(java.util.Set<Layer<?>> out) { if (min > 0) node.required(out); }
        @Override List<Layer<?>> firstLayers() { return min == 0 ? null : node.firstLayers(); }
        @Override First first() { return node.first(); }
    }

    static final class Capture extends PatternNode {
        final int label;
        final PatternNode node;

        Capture(int label, PatternNode node) {
            this.label = label;
            this.node = node;
        }

        @Override
        boolean match(State s, int pos, Cont k) {
            return node.match(s, pos, p -> {
                int oldFrom = s.from[label], oldTo = s.to[label];
                s.from[label] = pos;
                s.to[label] = p;
                if (k.run(p)) return true;
                s.from[label] = oldFrom;
                s.to[label] = oldTo;
                return false;
            });
        }

        @Override boolean nullable() { return node.nullable(); }
        @Override List<Layer<?>> firstLayers() { return node.firstLayers(); }
        @Override First first() { return node.first(); }
        @Override void required(java.util.Set<Layer<?>> out) { node.required(out); }
    }
}
