package org.vietpol.extract.grammar;

import org.vietpol.extract.doc.AnnotatedDocument;

/** A match of a rule: its captures as token ranges of the document ({@code -1} for a part not matched). */
public final class RuleMatch {
    private final Rule rule;
    private final AnnotatedDocument doc;
    private final int start, end;
    private final int[] from, to;

    RuleMatch(Rule rule, AnnotatedDocument doc, int start, int end, int[] from, int[] to) {
        this.rule = rule;
        this.doc = doc;
        this.start = start;
        this.end = end;
        this.from = from.clone();
        this.to = to.clone();
    }

    public Rule rule() {
        return rule;
    }

    public AnnotatedDocument doc() {
        return doc;
    }

    /** First token of the whole match. */
    public int start() {
        return start;
    }

    /** End (exclusive) of the whole match. */
    public int end() {
        return end;
    }

    public boolean captured(int label) {
        return label >= 0 && from[label] >= 0;
    }

    public int from(int label) {
        return from[label];
    }

    public int to(int label) {
        return to[label];
    }
}
