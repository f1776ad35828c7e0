package org.vietpol.extract.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One article's text as tokens and sentences, with typed layers of spans over them (titles, names, bodies,
 * dates, ...) and document-level values (the place the article is about, its date). Spans are checked when
 * added: inside the document, inside one sentence, and written only by a stage that declared the layer.
 * Not thread-safe: one document is annotated by one thread.
 */
public final class AnnotatedDocument {
    /** A sentence: its index, the paragraph (line) it stands in, and whether it opens that paragraph. */
    public record Sentence(int index, int paragraph, boolean opensParagraph) {}

    public static final Layer<Sentence> SENTENCE = Layer.span("sentence", Sentence.class);

    /** The layers every document has from the start. */
    public static final Set<Layer<?>> BASE = Set.of(SENTENCE);

    private static final Comparator<Span<?>> ORDER =
            Comparator.<Span<?>>comparingInt(Span::from).thenComparing(Comparator.comparingInt(Span<?>::to).reversed());

    private final String text;
    private final List<Token> tokens;
    private final int[] sentenceOf;
    private final List<Span<Sentence>> sentences;
    private Data[] layers = new Data[64];
    private final Map<Layer<?>, Object> values = new HashMap<>();
    private String stage;
    /** By layer index, the layers the running stage may write (null: any); an array, as every add checks it. */
    private boolean[] writable;

    private static final class Data {
        final List<Span<?>> spans = new ArrayList<>();
        List<Span<?>>[] byStart;
        boolean sorted = true;
    }

    /** Splits {@code text} into sentences (lines, then sentence ends) and tokens. */
    public AnnotatedDocument(String text, Set<String> abbreviations) {
        this.text = text;
        List<Token> toks = new ArrayList<>();
        List<Span<Sentence>> sents = new ArrayList<>();
        int[] owner = new int[64];
        int paragraph = -1, lastLineEnd = -1;
        for (Sentences.Span s : Sentences.split(text, abbreviations)) {
            List<Token> t = Tokenizer.tokenize(text, s.start(), s.end());
            if (t.isEmpty()) continue;
            int lineStart = text.lastIndexOf('\n', s.start() - 1) + 1;
            boolean opens = lineStart != lastLineEnd;
            if (opens) paragraph++;
            lastLineEnd = lineStart;
            int from = toks.size();
            toks.addAll(t);
            if (toks.size() > owner.length) owner = java.util.Arrays.copyOf(owner, Math.max(toks.size(), owner.length * 2));
            java.util.Arrays.fill(owner, from, toks.size(), sents.size());
            sents.add(new Span<>(from, toks.size(), new Sentence(sents.size(), paragraph, opens)));
        }
        this.tokens = List.copyOf(toks);
        this.sentenceOf = owner;
        this.sentences = List.copyOf(sents);
        Data d = new Data();
        d.spans.addAll(sentences);
        layers[SENTENCE.index] = d;
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public List<Span<Sentence>> sentences() {
        return sentences;
    }

    /** The sentence the token stands in. */
    public Span<Sentence> sentenceAt(int token) {
        return sentences.get(sentenceOf[token]);
    }

    public int charStart(int token) {
        return tokens.get(token).start();
    }

    /** End offset (exclusive) of the token before {@code tokenEnd}. */
    public int charEnd(int tokenEnd) {
        return tokens.get(tokenEnd - 1).end();
    }

    /** The text of tokens [from, to). */
    public String text(int from, int to) {
        return text.substring(charStart(from), charEnd(to));
    }

    // ---- writing

    void beginStage(String name, Set<Layer<?>> provides) {
        stage = name;
        writable = new boolean[layers.length];
        for (Layer<?> l : provides) {
            if (l.index >= writable.length) writable = java.util.Arrays.copyOf(writable, l.index + 1);
            writable[l.index] = true;
        }
    }

    void endStage() {
        stage = null;
        writable = null;
    }

    private void checkWritable(Layer<?> layer) {
        if (writable != null && (layer.index >= writable.length || !writable[layer.index])) {
            throw new IllegalStateException("stage '" + stage + "' wrote layer '" + layer.name() + "', which it does not provide");
        }
    }

    /** Adds a span; its offsets must lie inside the document and, for span layers, inside one sentence. */
    @SuppressWarnings("unchecked")
    public <T> Span<T> add(Layer<T> layer, int from, int to, T value) {
        if (layer.scope() != Layer.Scope.SPAN) throw new IllegalArgumentException(layer.name() + " is a document layer");
        checkWritable(layer);
        if (from < 0 || to > tokens.size() || to <= from) {
            throw new IllegalArgumentException("layer '" + layer.name() + "': span " + from + ".." + to + " outside the document's "
                    + tokens.size() + " tokens" + (stage == null ? "" : " (stage '" + stage + "')"));
        }
        if (sentenceOf[from] != sentenceOf[to - 1]) {
            throw new IllegalArgumentException("layer '" + layer.name() + "': span " + from + ".." + to + " crosses a sentence end"
                    + (stage == null ? "" : " (stage '" + stage + "')"));
        }
        if (value != null && value.getClass() != layer.type() && !layer.type().isInstance(value)) { // the exact class: no isInstance, a hot call
            throw new IllegalArgumentException("layer '" + layer.name() + "' holds " + layer.type().getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        Span<T> s = new Span<>(from, to, value);
        Data d = data(layer, true);
        if (!d.spans.isEmpty() && after(d.spans.get(d.spans.size() - 1), s)) d.sorted = false;
        d.spans.add(s);
        if (d.byStart == null) d.byStart = (List<Span<?>>[]) new List[tokens.size()];
        List<Span<?>> at = d.byStart[from];
        if (at == null) d.byStart[from] = at = new ArrayList<>(1);
        at.add(s);
        if (at.size() > 1 && after(at.get(at.size() - 2), s)) at.sort(ORDER);
        return s;
    }

    /** Whether {@code a} comes after {@code b} in {@link #ORDER}: the comparator's chain of lambdas, written out. */
    private static boolean after(Span<?> a, Span<?> b) {
        return a.from() != b.from() ? a.from() > b.from() : a.to() < b.to();
    }

    private Data data(Layer<?> layer, boolean create) {
        int i = layer.index;
        if (i >= layers.length) {
            if (!create) return null;
            layers = java.util.Arrays.copyOf(layers, Math.max(i + 1, layers.length * 2));
        }
        Data d = layers[i];
        if (d == null && create) layers[i] = d = new Data();
        return d;
    }

    /** Sets a document-level value. */
    public <T> void put(Layer<T> layer, T value) {
        if (layer.scope() != Layer.Scope.DOCUMENT) throw new IllegalArgumentException(layer.name() + " is a span layer");
        checkWritable(layer);
        values.put(layer, value);
    }

    // ---- reading

    @SuppressWarnings("unchecked")
    public <T> T get(Layer<T> layer) {
        return (T) values.get(layer);
    }

    /** Every span of the layer, by start, the longer first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> List<Span<T>> spans(Layer<T> layer) {
        Data d = data(layer, false);
        if (d == null) return List.of();
        if (!d.sorted) {
            d.spans.sort(ORDER);
            d.sorted = true;
        }
        return Collections.unmodifiableList((List) d.spans);
    }

    /** The distinct tokens where spans of the layer start, in order (without sorting the spans themselves). */
    public int[] starts(Layer<?> layer) {
        Data d = data(layer, false);
        if (d == null) return new int[0];
        int[] out = new int[d.spans.size()];
        for (int i = 0; i < out.length; i++) out[i] = d.spans.get(i).from();
        if (!d.sorted) Arrays.sort(out);
        int k = 0;
        for (int x : out) if (k == 0 || out[k - 1] != x) out[k++] = x;
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The spans of the layer starting at the token, the longer first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> List<Span<T>> startingAt(Layer<T> layer, int token) {
        Data d = data(layer, false);
        if (d == null || d.byStart == null || token < 0 || token >= tokens.size() || d.byStart[token] == null) return List.of();
        return (List) d.byStart[token];
    }

    /** The longest span of the layer starting at the token, or null. */
    public <T> Span<T> at(Layer<T> layer, int token) {
        List<Span<T>> l = startingAt(layer, token);
        return l.isEmpty() ? null : l.get(0);
    }

    /** The spans of the layer lying inside tokens [from, to). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> List<Span<T>> within(Layer<T> layer, int from, int to) {
        List<Span<T>> out = new ArrayList<>();
        Data d = data(layer, false);
        if (d == null || d.byStart == null) return out;
        for (int i = Math.max(0, from); i < to && i < tokens.size(); i++) {
            List<Span<?>> at = d.byStart[i];
            if (at != null) for (Span s : at) if (s.to() <= to) out.add(s);
        }
        return out;
    }

    /** The span of the layer covering the token, the longest if several; or null. */
    public <T> Span<T> covering(Layer<T> layer, int token) {
        Span<T> best = null;
        for (Span<T> s : spans(layer)) {
            if (s.from() > token) break;
            if (s.to() > token && (best == null || s.length() > best.length())) best = s;
        }
        return best;
    }

    /** Whether any span of the layer starts in [from, to). */
    public boolean any(Layer<?> layer, int from, int to) {
        Data d = data(layer, false);
        if (d == null || d.byStart == null) return false;
        for (int i = Math.max(0, from); i < to && i < tokens.size(); i++) if (d.byStart[i] != null) return true;
        return false;
    }
}
