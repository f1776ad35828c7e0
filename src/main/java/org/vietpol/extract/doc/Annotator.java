package org.vietpol.extract.doc;

import java.util.Set;

/**
 * One stage of an annotation pipeline: reads the layers it requires and adds spans to the layers it provides.
 * A pipeline checks when it is assembled that every required layer is provided by an earlier stage (or is one
 * of {@link AnnotatedDocument#BASE} layers), and when it runs that a stage writes only the layers it declared.
 * Implementations are immutable and thread-safe: one instance annotates any number of documents at once.
 */
public interface Annotator {
    /** A short name for messages ("titles", "grammar"). */
    String name();

    Set<Layer<?>> requires();

    Set<Layer<?>> provides();

    void annotate(AnnotatedDocument doc);
}
