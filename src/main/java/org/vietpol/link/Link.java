package org.vietpol.link;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.vietpol.graph.Vocab;

/**
 * One link from a resource of the graph to an item elsewhere, with what it rests on: the shipped tables or the
 * links file ({@code sources}), or a query to an endpoint ({@code endpoint}, {@code query}, {@code score}).
 */
public record Link(String subject, Relation relation, String target, BigDecimal score, List<String> sources,
                   String endpoint, String query) {
    public enum Relation {
        SAME_AS(Vocab.OWL + "sameAs"),
        CLOSE_MATCH(Vocab.SKOS + "closeMatch");

        private final String iri;

        Relation(String iri) {
            this.iri = iri;
        }

        public String iri() {
            return iri;
        }

        public Node node() {
            return Vocab.uri(iri);
        }
    }

    public Link {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(target, "target");
        sources = List.copyOf(sources);
    }

    /** A link taken from a table or the links file. */
    public static Link fromTable(String subject, String target, String source) {
        return new Link(subject, Relation.SAME_AS, target, null, List.of(source), null, null);
    }

    /** The same link, also resting on another source (a unit linked from two tables). */
    Link withSource(String source) {
        if (sources.contains(source)) return this;
        List<String> more = new java.util.ArrayList<>(sources);
        more.add(source);
        return new Link(subject, relation, target, score, more, endpoint, query);
    }
}
