package org.vietpol.extract.doc;

/**
 * Tokens {@code [from, to)} of a document (indices into {@link AnnotatedDocument#tokens()}, end exclusive) and
 * what they were read as. Spans of one layer may overlap; the document checks every span's offsets when it is
 * added.
 */
public record Span<T>(int from, int to, T value) {
    public Span {
        if (from < 0 || to <= from) throw new IllegalArgumentException("bad span " + from + ".." + to);
    }

    public int length() {
        return to - from;
    }

    public boolean within(int start, int end) {
        return from >= start && to <= end;
    }
}
