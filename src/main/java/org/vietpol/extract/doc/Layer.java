package org.vietpol.extract.doc;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A typed layer of annotations over a document: spans of tokens with a value of type {@code T} ("title" spans
 * carry the role and body they name), or one value for the whole document ("locality"). A layer is known by its
 * name; asking twice for one name gives the same layer, and asking for it with another type is an error.
 */
public final class Layer<T> {
    /** Whether the layer holds token spans, each inside one sentence, or one value for the whole document. */
    public enum Scope { SPAN, DOCUMENT }

    private static final ConcurrentMap<String, Layer<?>> LAYERS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    private final String name;
    /** A small number of its own, so a document can keep its layers in an array. */
    final int index = COUNT.getAndIncrement();
    private final Class<T> type;
    private final Scope scope;

    private Layer(String name, Class<T> type, Scope scope) {
        this.name = name;
        this.type = type;
        this.scope = scope;
    }

    /** The span layer of this name. */
    public static <T> Layer<T> span(String name, Class<T> type) {
        return of(name, type, Scope.SPAN);
    }

    /** The document-level layer of this name. */
    public static <T> Layer<T> document(String name, Class<T> type) {
        return of(name, type, Scope.DOCUMENT);
    }

    @SuppressWarnings("unchecked")
    private static <T> Layer<T> of(String name, Class<T> type, Scope scope) {
        Objects.requireNonNull(name, "name");
        Layer<?> l = LAYERS.computeIfAbsent(name, n -> new Layer<>(n, type, scope));
        if (l.type != type || l.scope != scope) {
            throw new IllegalArgumentException("layer '" + name + "' is a " + l.scope + " layer of " + l.type.getSimpleName()
                    + ", not a " + scope + " layer of " + type.getSimpleName());
        }
        return (Layer<T>) l;
    }

    /** The layer of this name if one was ever declared, else null. */
    public static Layer<?> named(String name) {
        return LAYERS.get(name);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public Scope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return name;
    }
}
