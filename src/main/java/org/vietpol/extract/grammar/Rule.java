package org.vietpol.extract.grammar;

import java.util.List;
import java.util.Map;
import org.vietpol.extract.doc.Layer;

/**
 * One rule of the grammar: a pattern over the document's layers, conditions that must (not) hold around a
 * match, the captures it claims (no later rule of the same file may use those tokens) and the actions a match
 * fires. Rules run by priority, highest first, then in file order; {@code window} bounds a match's length in
 * tokens; {@code confidence} goes with whatever the actions produce.
 */
public record Rule(String name, String file, int line, int priority, int window, double confidence,
                   PatternNode pattern, List<String> labels, List<Condition> conditions, List<Integer> claims,
                   List<Action> actions, List<Layer<?>> firstLayers, PatternNode.First first) {

    /** An action: its name, capture arguments (label indices) and options (label index or word). */
    public record Action(String name, List<Integer> args, Map<String, Object> options) {}

    /** A condition on a match: one of its tests holds ({@code if}) or none does ({@code unless}). */
    public record Condition(boolean negated, List<Test> anyOf) {}

    /**
     * Whether a span of {@code layer} stands {@code where} relative to the capture {@code label} (and
     * {@code label2} for "between"), within {@code within} tokens. A null layer is the sentence's start.
     */
    public record Test(Layer<?> layer, String where, int label, int label2, int within) {}

    public int label(String name) {
        return labels.indexOf(name);
    }
}
