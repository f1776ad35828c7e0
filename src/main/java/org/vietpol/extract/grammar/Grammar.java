package org.vietpol.extract.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;
import org.vietpol.extract.doc.Tokenizer;

/**
 * Rules read from grammar files: patterns over the layers of an annotated document, in the spirit of
 * TokensRegex and JAPE. A file holds definitions and rules:
 *
 * <pre>
 * # a title chain: titles joined by a comma, "kiêm", "đồng thời là"
 * define chain = title (chain-joiner title)*
 *
 * rule title-before-name
 *   priority 90
 *   window 24
 *   confidence 0.90
 *   match chain:t cue* name:n
 *   unless leaving after n
 *   claim t
 *   then hold n t
 * </pre>
 *
 * A pattern is a sequence of items: a layer name (a span of that layer), a definition, {@code "words"} (literal
 * words, case and tone-mark placement ignored), {@code .} (any token), {@code ^} and {@code $} (sentence start
 * and end), {@code ( ... | ... )} groups; each may take {@code ? * + {m,n}} (add {@code ?} for the shortest) and a
 * capture label {@code :name}. Conditions ({@code if} / {@code unless}) ask whether a span of a layer stands
 * {@code before} or {@code after} a capture (immediately, or {@code within N} tokens), {@code in} it,
 * {@code covers} it, lies {@code between} two captures, or {@code in sentence}. {@code claim} makes a capture's
 * tokens unavailable to later matches of any rule of the same file. {@code then} fires an action of the
 * environment's vocabulary. Every mistake (an unknown layer, action or word, a bad number) stops the load with
 * the file and line.
 */
public final class Grammar {
    /** A grammar file's name (for messages and claim spaces) and text. */
    public record Source(String name, String text) {}

    /** What a grammar may refer to: the layers of the pipeline it runs in, and the actions its rules fire. */
    public interface Environment {
        /** The layer of this name, or null when the pipeline has none. */
        Layer<?> layer(String name);

        /** The action of this name, or null. */
        ActionSpec action(String name);
    }

    private final List<Rule> rules;

    /**
     * Per rule (in {@link #rules} order), the layers each match needs (see {@link PatternNode#required}), as
     * numbers into {@link #requiredLayers}; and the words rules may start with, as numbers into {@link #firstKeys}:
     * a document then keeps what these need in arrays, not maps.
     */
    private final int[][] required;
    private final Layer<?>[] requiredLayers;
    private final int[][] startKeys;
    private final Map<String, Integer> firstKeys = new HashMap<>();

    private Grammar(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<Layer<?>, Integer> layerIds = new LinkedHashMap<>();
        this.required = new int[this.rules.size()][];
        this.startKeys = new int[this.rules.size()][];
        for (int i = 0; i < this.rules.size(); i++) {
            Rule r = this.rules.get(i);
            java.util.Set<Layer<?>> need = new java.util.LinkedHashSet<>();
            r.pattern().required(need);
            required[i] = need.stream().mapToInt(l -> layerIds.computeIfAbsent(l, k -> layerIds.size())).toArray();
            PatternNode.First first = r.first();
            startKeys[i] = first == null ? new int[0]
                    : first.keySet().stream().mapToInt(k -> firstKeys.computeIfAbsent(k, x -> firstKeys.size())).toArray();
        }
        this.requiredLayers = layerIds.keySet().toArray(new Layer<?>[0]);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Parses the sources; rules come out sorted by priority (highest first), then in file order. */
    public static Grammar load(List<Source> sources, Environment env) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Source s : sources) {
            for (Rule r : new FileParser(s, env).parse()) {
                String where = names.putIfAbsent(r.name(), r.file() + ":" + r.line());
                if (where != null) throw new GrammarException(r.file(), r.line(), "rule '" + r.name() + "' already defined at " + where);
                rules.add(r);
            }
        }
        rules.sort(Comparator.comparingInt(Rule::priority).reversed());
        return new Grammar(rules);
    }

    // ------------------------------------------------------------------------------------------------ running

    /**
     * Runs every rule over the document, highest priority first; each match that satisfies its rule's
     * conditions and claims goes to the sink.
     */
    public void apply(AnnotatedDocument doc, Consumer<RuleMatch> sink) {
        Map<String, boolean[]> claimed = new HashMap<>();
        int n = doc.tokens().size();
        int[] starts = new int[16];
        int[][] byKey = null;
        int[][] layerStarts = new int[requiredLayers.length][];
        for (int ri = 0; ri < rules.size(); ri++) {
            Rule r = rules.get(ri);
            boolean[] claims = claimed.computeIfAbsent(r.file(), k -> new boolean[n]);
            int count;
            PatternNode.First first = r.first();
            if (starts.length < n + 1) starts = new int[Math.max(n + 1, starts.length * 2)];
            if (first == null) {
                for (int i = 0; i < n; i++) starts[i] = i;
                count = n;
            } else {
                count = 0;
                int sources = 0;
                for (Layer<?> l : first.layers()) {
                    List<? extends Span<?>> spans = doc.spans(l);
                    if (count + spans.size() > starts.length) starts = Arrays.copyOf(starts, Math.max(count + spans.size(), starts.length * 2));
                    for (Span<?> sp : spans) if (count == 0 || starts[count - 1] != sp.from()) starts[count++] = sp.from();
                    sources++;
                }
                if (!first.keys().isEmpty()) {
                    if (byKey == null) byKey = positionsByKey(doc.tokens());
                    for (int key : startKeys[ri]) {
                        int[] at = byKey[key];
                        if (at == null) continue;
                        if (count + at[0] > starts.length) starts = Arrays.copyOf(starts, Math.max(count + at[0], starts.length * 2));
                        System.arraycopy(at, 1, starts, count, at[0]);
                        count += at[0];
                        sources++;
                    }
                    sources++;
                }
                if (first.sentenceStart()) {
                    for (Span<AnnotatedDocument.Sentence> se : doc.sentences()) {
                        if (count == starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
                        starts[count++] = se.from();
                    }
                    sources++;
                }
                if (sources > 1) Arrays.sort(starts, 0, count);
            }
            int next = 0;
            PatternNode.State st = null;
            for (int k = 0; k < count; k++) {
                int start = starts[k];
                if (start < next || k > 0 && starts[k - 1] == start) continue;
                Span<AnnotatedDocument.Sentence> sentence = doc.sentenceAt(start);
                if (st == null || st.sentenceStart != sentence.from()) {
                    st = new PatternNode.State(doc, sentence.from(), sentence.to(), r.labels().size());
                }
                st.limit = Math.min(sentence.to(), start + r.window());
                if (!present(doc, required[ri], start, st.limit, layerStarts)) continue;
                Arrays.fill(st.from, -1);
                Arrays.fill(st.to, -1);
                PatternNode.State state = st;
                int[] end = {-1};
                boolean ok = r.pattern().match(state, start, e -> {
                    if (e <= start || !conditionsHold(r, state) || overlapsClaims(r, state, claims)) return false;
                    end[0] = e;
                    return true;
                });
                if (!ok) continue;
                for (int label : r.claims()) {
                    if (st.from[label] >= 0) Arrays.fill(claims, st.from[label], st.to[label], true);
                }
                sink.accept(new RuleMatch(r, doc, start, end[0], st.from, st.to));
                next = end[0];
            }
        }
    }

    /**
     * Whether a span of each layer starts in [from, to): a binary search of the layer's span starts, gathered once
     * per document (most layers have few spans, so no array as long as the document).
     */
    private boolean present(AnnotatedDocument doc, int[] layers, int from, int to, int[][] starts) {
        for (int l : layers) {
            int[] p = starts[l];
            if (p == null) starts[l] = p = doc.starts(requiredLayers[l]);
            int i = Arrays.binarySearch(p, from);
            if (i < 0) i = -i - 1;
            if (i == p.length || p[i] >= to) return false;
        }
        return true;
    }

    /**
     * Where each word a rule may start with occurs, by its number in {@link #firstKeys}: {count, positions...};
     * one look-up per token in a small map of those words, so rules that start with a word find it without a scan.
     */
    private int[][] positionsByKey(List<Token> tokens) {
        int[][] out = new int[firstKeys.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            Integer key = firstKeys.get(tokens.get(i).key());
            if (key == null) continue;
            int[] a = out[key];
            if (a == null) out[key] = a = new int[4];
            else if (a[0] + 1 == a.length) out[key] = a = Arrays.copyOf(a, a.length * 2);
            a[++a[0]] = i;
        }
        return out;
    }

    private static boolean overlapsClaims(Rule r, PatternNode.State st, boolean[] claims) {
        for (int label : r.claims()) {
            for (int i = st.from[label]; i >= 0 && i < st.to[label]; i++) if (claims[i]) return true;
        }
        return false;
    }

    private static boolean conditionsHold(Rule r, PatternNode.State st) {
        for (Rule.Condition c : r.conditions()) {
            boolean any = false;
            for (Rule.Test t : c.anyOf()) {
                if (holds(t, st)) {
                    any = true;
                    break;
                }
            }
            if (any == c.negated()) return false;
        }
        return true;
    }

    private static boolean holds(Rule.Test c, PatternNode.State st) {
        AnnotatedDocument doc = st.doc;
        int from = c.label() >= 0 ? st.from[c.label()] : st.sentenceStart;
        int to = c.label() >= 0 ? st.to[c.label()] : st.sentenceEnd;
        if (from < 0) return false; // the capture took no part in the match
        if (c.layer() == null) return from - st.sentenceStart <= c.within();
        switch (c.where()) {
            case "before": {
                for (int i = st.sentenceStart; i < from; i++) {
                    for (Span<?> s : doc.startingAt(c.layer(), i)) if (s.to() <= from && s.to() >= from - c.within()) return true;
                }
                return false;
            }
            case "after": {
                for (int i = to; i <= Math.min(st.sentenceEnd - 1, to + c.within()); i++) {
                    if (!doc.startingAt(c.layer(), i).isEmpty()) return true;
                }
                return false;
            }
            case "in":
                return !doc.within(c.layer(), from, to).isEmpty();
            case "covers": {
                for (int i = st.sentenceStart; i <= from; i++) {
                    for (Span<?> s : doc.startingAt(c.layer(), i)) if (s.to() >= to) return true;
                }
                return false;
            }
            case "between": {
                int a = st.to[c.label()], b = st.from[c.label2()];
                return a >= 0 && b >= 0 && !doc.within(c.layer(), a, b).isEmpty();
            }
            default:
                throw new IllegalStateException(c.where());
        }
    }

    // ------------------------------------------------------------------------------------------------ parsing

    private static final class FileParser {
        private final Source src;
        private final Environment env;
        private final Map<String, Def> defines = new LinkedHashMap<>();

        record Def(String text, int line) {}

        FileParser(Source src, Environment env) {
            this.src = src;
            this.env = env;
        }

        List<Rule> parse() {
            List<Rule> out = new ArrayList<>();
            String[] lines = src.text().split("\n", -1);
            Map<String, List<Line>> props = null;
            String ruleName = null;
            int ruleLine = 0;
            for (int i = 0; i < lines.length; i++) {
                String raw = lines[i];
                int lineNo = i + 1;
                String line = stripComment(raw);
                if (line.isBlank()) continue;
                boolean indented = Character.isWhitespace(raw.charAt(0));
                String t = line.strip();
                if (!indented) {
                    if (ruleName != null) out.add(rule(ruleName, ruleLine, props));
                    ruleName = null;
                    if (t.startsWith("define ")) {
                        int eq = t.indexOf('=');
                        if (eq < 0) throw err(lineNo, "a definition needs '=': define NAME = PATTERN");
                        String name = t.substring(7, eq).strip();
                        if (!name.matches("[\\p{L}\\p{N}_-]+")) throw err(lineNo, "bad definition name '" + name + "'");
                        if (env.layer(name) != null) throw err(lineNo, "definition '" + name + "' hides a layer of that name");
                        defines.put(name, new Def(t.substring(eq + 1).strip(), lineNo));
                        new PatternParser(this, t.substring(eq + 1).strip(), lineNo, null).parse(); // checked now
                    } else if (t.startsWith("rule ")) {
                        ruleName = t.substring(5).strip();
                        if (!ruleName.matches("[\\p{L}\\p{N}_+-]+")) throw err(lineNo, "bad rule name '" + ruleName + "'");
                        ruleLine = lineNo;
                        props = new LinkedHashMap<>();
                    } else {
                        throw err(lineNo, "expected 'rule NAME' or 'define NAME = PATTERN', found: " + t);
                    }
                } else {
                    if (ruleName == null) throw err(lineNo, "an indented line belongs to a rule: start one with 'rule NAME'");
                    int sp = t.indexOf(' ');
                    String key = sp < 0 ? t : t.substring(0, sp);
                    String value = sp < 0 ? "" : t.substring(sp + 1).strip();
                    if (!List.of("priority", "window", "confidence", "match", "if", "unless", "claim", "then").contains(key)) {
                        throw err(lineNo, "unknown rule property '" + key + "' (priority, window, confidence, match, if, unless, claim, then)");
                    }
                    props.computeIfAbsent(key, k -> new ArrayList<>()).add(new Line(value, lineNo));
                }
            }
            if (ruleName != null) out.add(rule(ruleName, ruleLine, props));
            return out;
        }

        record Line(String text, int no) {}

        private static String stripComment(String raw) {
            boolean quoted = false;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') quoted = !quoted;
                if (c == '#' && !quoted) return raw.substring(0, i);
            }
            return raw;
        }

        private Rule rule(String name, int line, Map<String, List<Line>> props) {
            Line match = single(props, "match", line, true);
            List<String> labels = new ArrayList<>();
            PatternNode pattern = new PatternParser(this, match.text(), match.no(), labels).parse();
            if (pattern.nullable()) throw err(match.no(), "the pattern can match nothing at all");
            int priority = number(single(props, "priority", line, false), 50);
            int window = number(single(props, "window", line, false), 30);
            double confidence = 0.5;
            Line c = single(props, "confidence", line, false);
            if (c != null) {
                try {
                    confidence = Double.parseDouble(c.text());
                } catch (NumberFormatException e) {
                    throw err(c.no(), "confidence must be a number between 0 and 1: " + c.text());
                }
                if (confidence < 0 || confidence > 1) throw err(c.no(), "confidence must be between 0 and 1: " + c.text());
            }
            List<Rule.Condition> conditions = new ArrayList<>();
            for (String kind : List.of("if", "unless")) {
                for (Line l : props.getOrDefault(kind, List.of())) {
                    List<Rule.Test> tests = new ArrayList<>();
                    for (String part : l.text().split("\\s+or\\s+")) tests.add(test(new Line(part, l.no()), labels));
                    conditions.add(new Rule.Condition(kind.equals("unless"), List.copyOf(tests)));
                }
            }
            List<Integer> claims = new ArrayList<>();
            for (Line l : props.getOrDefault("claim", List.of())) {
                for (String lab : l.text().split("\\s+")) claims.add(label(lab, labels, l.no()));
            }
            List<Rule.Action> actions = new ArrayList<>();
            for (Line l : props.getOrDefault("then", List.of())) actions.add(action(l, labels));
            if (actions.isEmpty()) throw err(line, "rule '" + name + "' has no action ('then ...')");
            return new Rule(name, src.name(), line, priority, window, confidence, pattern, List.copyOf(labels),
                    List.copyOf(conditions), List.copyOf(claims), List.copyOf(actions), pattern.firstLayers(), pattern.first());
        }

        private Line single(Map<String, List<Line>> props, String key, int ruleLine, boolean required) {
            List<Line> l = props.get(key);
            if (l == null) {
                if (required) throw err(ruleLine, "the rule has no '" + key + "'");
                return null;
            }
            if (l.size() > 1) throw err(l.get(1).no(), "'" + key + "' given twice");
            return l.get(0);
        }

        private int number(Line l, int dflt) {
            if (l == null) return dflt;
            try {
                int v = Integer.parseInt(l.text());
                if (v < 0) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw err(l.no(), "expected a whole number, found '" + l.text() + "'");
            }
        }

        private int label(String name, List<String> labels, int line) {
            int i = labels.indexOf(name);
            if (i < 0) throw err(line, "no capture ':" + name + "' in the pattern (captures: " + labels + ")");
            return i;
        }

        private Rule.Test test(Line l, List<String> labels) {
            String[] w = l.text().split("\\s+");
            if (w.length < 3) throw err(l.no(), "a condition reads 'LAYER before|after|in|covers CAPTURE [within N]', 'LAYER between A B' or 'LAYER in sentence', joined by 'or'");
            // "start": the sentence's start, as in "start before m within 0" (m opens the sentence)
            Layer<?> layer = w[0].equals("start") ? null : layer(w[0], l.no());
            if (layer == null && !w[1].equals("before")) throw err(l.no(), "'start' only stands 'before' a capture");
            String where = w[1];
            int within = 0, label2 = -1, next = 3;
            int label;
            switch (where) {
                case "before", "after", "covers" -> label = label(w[2], labels, l.no());
                case "in" -> label = w[2].equals("sentence") ? -1 : label(w[2], labels, l.no());
                case "between" -> {
                    if (w.length < 4) throw err(l.no(), "'between' takes two captures");
                    label = label(w[2], labels, l.no());
                    label2 = label(w[3], labels, l.no());
                    next = 4;
                }
                default -> throw err(l.no(), "unknown position '" + where + "' (before, after, in, covers, between)");
            }
            if (w.length > next) {
                if (!w[next].equals("within") || w.length != next + 2 || !(where.equals("before") || where.equals("after"))) {
                    throw err(l.no(), "only 'before' and 'after' take 'within N'");
                }
                within = number(new Line(w[next + 1], l.no()), 0);
            }
            return new Rule.Test(layer, where, label, label2, within);
        }

        private Rule.Action action(Line l, List<String> labels) {
            String[] w = l.text().split("\\s+");
            ActionSpec spec = env.action(w[0]);
            if (spec == null) throw err(l.no(), "unknown action '" + w[0] + "'");
            List<Integer> args = new ArrayList<>();
            Map<String, Object> options = new LinkedHashMap<>();
            for (int i = 1; i < w.length; i++) {
                int eq = w[i].indexOf('=');
                if (eq < 0) {
                    if (!options.isEmpty()) throw err(l.no(), "captures come before options: " + w[i]);
                    args.add(label(w[i], labels, l.no()));
                    continue;
                }
                String key = w[i].substring(0, eq), value = w[i].substring(eq + 1);
                Predicate<String> check = spec.options().get(key);
                if (check == null) throw err(l.no(), "action '" + spec.name() + "' has no option '" + key + "' (" + spec.options().keySet() + ")");
                boolean labelOk = check == ActionSpec.LABEL || check instanceof ActionSpec.LabelOr;
                if (labelOk && labels.contains(value)) {
                    options.put(key, labels.indexOf(value));
                } else if (check != ActionSpec.LABEL && check.test(value)) {
                    options.put(key, value);
                } else {
                    throw err(l.no(), "option " + key + "=" + value + " of '" + spec.name() + "': not "
                            + (check == ActionSpec.LABEL ? "a capture of the pattern" : "an allowed value"));
                }
            }
            if (args.size() < spec.min() || args.size() > spec.max()) {
                throw err(l.no(), "action '" + spec.name() + "' takes " + (spec.min() == spec.max() ? spec.min() : spec.min() + " to " + spec.max())
                        + " captures, not " + args.size());
            }
            return new Rule.Action(spec.name(), List.copyOf(args), options);
        }

        Layer<?> layer(String name, int line) {
            Layer<?> l = env.layer(name);
            if (l == null) throw err(line, "unknown layer '" + name + "'");
            if (l.scope() != Layer.Scope.SPAN) throw err(line, "'" + name + "' is a document layer, not a span layer");
            return l;
        }

        GrammarException err(int line, String msg) {
            return new GrammarException(src.name(), line, msg);
        }
    }

    /** Recursive descent over one pattern: alt := seq ('|' seq)*; seq := item+; item := primary quant? (':' label)?. */
    private static final class PatternParser {
        private final FileParser file;
        private final String s;
        private final int line;
        private final List<String> labels; // null inside a definition: no captures there
        private int i;

        PatternParser(FileParser file, String s, int line, List<String> labels) {
            this.file = file;
            this.s = s;
            this.line = line;
            this.labels = labels;
        }

        PatternNode parse() {
            PatternNode n = alt();
            skip();
            if (i < s.length()) throw file.err(line, "unexpected '" + s.charAt(i) + "' at column " + (i + 1) + " of the pattern");
            return n;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private PatternNode alt() {
            List<PatternNode> options = new ArrayList<>();
            options.add(seq());
            skip();
            while (i < s.length() && s.charAt(i) == '|') {
                i++;
                options.add(seq());
                skip();
            }
            return options.size() == 1 ? options.get(0) : new PatternNode.Alt(options);
        }

        private PatternNode seq() {
            List<PatternNode> parts = new ArrayList<>();
            while (true) {
                skip();
                if (i >= s.length() || s.charAt(i) == '|' || s.charAt(i) == ')') break;
                parts.add(item());
            }
            if (parts.isEmpty()) throw file.err(line, "empty pattern or alternative at column " + (i + 1));
            return parts.size() == 1 ? parts.get(0) : new PatternNode.Seq(parts);
        }

        private PatternNode item() {
            PatternNode p = primary();
            p = quantified(p);
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                int st = i;
                while (i < s.length() && isNameChar(s.charAt(i))) i++;
                String label = s.substring(st, i);
                if (label.isEmpty()) throw file.err(line, "a capture label after ':' at column " + st);
                if (labels == null) throw file.err(line, "definitions take no captures (':" + label + "')");
                if (labels.contains(label)) throw file.err(line, "capture ':" + label + "' used twice");
                labels.add(label);
                p = new PatternNode.Capture(labels.size() - 1, p);
            }
            return p;
        }

        private PatternNode quantified(PatternNode p) {
            if (i >= s.length()) return p;
            char c = s.charAt(i);
            int min, max;
            if (c == '?') { min = 0; max = 1; i++; }
            else if (c == '*') { min = 0; max = Integer.MAX_VALUE; i++; }
            else if (c == '+') { min = 1; max = Integer.MAX_VALUE; i++; }
            else if (c == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) throw file.err(line, "unclosed '{' at column " + (i + 1));
                String[] mn = s.substring(i + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(mn[0].strip());
                    max = mn.length == 1 ? min : Integer.parseInt(mn[1].strip());
                } catch (NumberFormatException e) {
                    throw file.err(line, "bad repetition " + s.substring(i, close + 1));
                }
                if (min < 0 || max < min || max == 0) throw file.err(line, "bad repetition " + s.substring(i, close + 1));
                i = close + 1;
            } else {
                return p;
            }
            boolean greedy = true;
            if (i < s.length() && s.charAt(i) == '?') { greedy = false; i++; }
            return new PatternNode.Repeat(p, min, max, greedy);
        }

        private PatternNode primary() {
            skip();
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                PatternNode n = alt();
                skip();
                if (i >= s.length() || s.charAt(i) != ')') throw file.err(line, "missing ')' in the pattern");
                i++;
                return n;
            }
            if (c == '.') { i++; return new PatternNode.Any(); }
            if (c == '^') { i++; return new PatternNode.Anchor(true); }
            if (c == '$') { i++; return new PatternNode.Anchor(false); }
            if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) throw file.err(line, "unclosed '\"' in the pattern");
                String words = s.substring(i + 1, close);
                i = close + 1;
                List<Token> toks = Tokenizer.tokenize(words);
                if (toks.isEmpty()) throw file.err(line, "empty literal \"\"");
                return new PatternNode.Literal(toks.stream().map(Token::key).toArray(String[]::new));
            }
            int st = i;
            while (i < s.length() && isNameChar(s.charAt(i))) i++;
            if (st == i) throw file.err(line, "unexpected '" + c + "' at column " + (i + 1) + " of the pattern");
            String name = s.substring(st, i);
            FileParser.Def d = file.defines.get(name);
            if (d != null) return new PatternParser(file, d.text(), line, null).parse();
            return new PatternNode.LayerAtom(file.layer(name, line));
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_';
        }
    }

    /** Layers named by a function from names, for environments built from a pipeline. */
    public static Function<String, Layer<?>> layersOf(java.util.Collection<Layer<?>> layers) {
        Map<String, Layer<?>> m = new HashMap<>();
        for (Layer<?> l : layers) m.put(l.name(), l);
        return m::get;
    }
}
