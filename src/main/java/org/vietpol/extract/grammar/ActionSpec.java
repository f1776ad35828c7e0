package org.vietpol.extract.grammar;

import java.util.Map;
import java.util.function.Predicate;

/**
 * What an action of the grammar takes: {@code min} to {@code max} capture labels, then options
 * {@code key=value}. An option's value is a capture label when its check is {@link #LABEL}, a capture label or a
 * word the check accepts when {@link #labelOr}, or a word the check accepts.
 */
public record ActionSpec(String name, int min, int max, Map<String, Predicate<String>> options) {
    /** The option's value must be a capture label of the rule. */
    public static final Predicate<String> LABEL = v -> false;

    /** A capture label, or else a word accepted by {@code words}. */
    public static Predicate<String> labelOr(Predicate<String> words) {
        return new LabelOr(words);
    }

    record LabelOr(Predicate<String> words) implements Predicate<String> {
        @Override
        public boolean test(String s) {
            return words.test(s);
        }
    }
}
