package org.vietpol.extract;

/**
 * Where a fact was read: the matched span and its sentence, as character offsets into the article's text
 * (end exclusive), the rule that produced it and the confidence the grammar gives that rule.
 */
public record Mention(int start, int end, int sentenceStart, int sentenceEnd, String rule, double confidence) {
    public Mention {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        if (sentenceStart < 0 || sentenceEnd < sentenceStart || start < sentenceStart || end > sentenceEnd) {
            throw new IllegalArgumentException("span " + start + ".." + end + " outside sentence "
                    + sentenceStart + ".." + sentenceEnd);
        }
    }
}
