package org.vietpol.extract.doc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Annotators run in order over one document. Assembled with {@link #builder()}, which refuses a stage whose
 * required layers no earlier stage provides; immutable and thread-safe once built.
 */
public final class Pipeline {
    private final List<Annotator> stages;
    private final Set<Layer<?>> provided;

    private Pipeline(List<Annotator> stages, Set<Layer<?>> provided) {
        this.stages = List.copyOf(stages);
        this.provided = Set.copyOf(provided);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Annotator> stages() {
        return stages;
    }

    /** Every layer some stage provides, with the base layers. */
    public Set<Layer<?>> provided() {
        return provided;
    }

    public void annotate(AnnotatedDocument doc) {
        for (Annotator a : stages) {
            doc.beginStage(a.name(), a.provides());
            try {
                a.annotate(doc);
            } finally {
                doc.endStage();
            }
        }
    }

    public static final class Builder {
        private final List<Annotator> stages = new ArrayList<>();
        private final Set<Layer<?>> provided = new LinkedHashSet<>(AnnotatedDocument.BASE);

        /** Declares layers the caller sets on each document before the pipeline runs (its date, say). */
        public Builder given(Layer<?>... layers) {
            provided.addAll(java.util.Arrays.asList(layers));
            return this;
        }

        /** Adds a stage; fails when it requires a layer no earlier stage provides. */
        public Builder add(Annotator a) {
            for (Layer<?> l : a.requires()) {
                if (!provided.contains(l)) {
                    List<String> names = new ArrayList<>();
                    for (Annotator s : stages) names.add(s.name());
                    throw new IllegalStateException("pipeline: stage '" + a.name() + "' requires layer '" + l.name()
                            + "', which no earlier stage provides (stages so far: " + names + ")");
                }
            }
            stages.add(a);
            provided.addAll(a.provides());
            return this;
        }

        public Pipeline build() {
            return new Pipeline(stages, provided);
        }
    }
}
