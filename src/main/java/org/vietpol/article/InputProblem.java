package org.vietpol.article;

/** A recoverable problem with one input: reported, the input skipped, the build goes on. */
public record InputProblem(String source, long line, String reason) {
    /** {@code line} is 0 when the problem concerns the whole file. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
