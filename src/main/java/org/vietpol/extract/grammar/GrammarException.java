package org.vietpol.extract.grammar;

/** A mistake in a grammar file, reported with the file and line: it stops the load. */
public final class GrammarException extends RuntimeException {
    public GrammarException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }
}
