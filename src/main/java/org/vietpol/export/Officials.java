package org.vietpol.export;

import java.util.List;
import java.util.Objects;

/**
 * The officials of the graph as the officials-data formats see them: persons, the bodies they serve in, the
 * administrative units those bodies answer to, the posts (one role in one body) and the tenures (one person's
 * holding of a post over an interval). Identifiers are the graph's IRIs; lists are sorted by IRI.
 */
record Officials(List<Person> persons, List<Organization> organizations, List<Area> areas, List<Post> posts,
                 List<Tenure> tenures) {
    Officials {
        persons = List.copyOf(persons);
        organizations = List.copyOf(organizations);
        areas = List.copyOf(areas);
        posts = List.copyOf(posts);
        tenures = List.copyOf(tenures);
    }

    /** @param wikidata Wikidata ids ("Q123") the links graph gives for the person, possibly none */
    record Person(String iri, String name, List<String> otherNames, List<String> wikidata) {
        Person {
            Objects.requireNonNull(iri, "iri");
            otherNames = List.copyOf(otherNames);
            wikidata = List.copyOf(wikidata);
        }
    }

    /**
     * @param kind   the organization kind's local name ("PartyCommittee")
     * @param area   the jurisdiction's IRI, or null
     * @param parent the body it belongs to (org:subOrganizationOf), or null
     */
    record Organization(String iri, String name, String nameEn, String kind, String area, String parent,
                        List<String> wikidata) {
        Organization {
            Objects.requireNonNull(iri, "iri");
            wikidata = List.copyOf(wikidata);
        }
    }

    /**
     * @param level "country", "province", "district" or "ward"
     * @param gso   the General Statistics Office code, or null
     */
    record Area(String iri, String name, String nameEn, String level, String parent, String gso) {
        Area {
            Objects.requireNonNull(iri, "iri");
        }
    }

    /** @param roleVi the role's Vietnamese label ("Bí thư"), {@code roleEn} its English one ("Secretary") */
    record Post(String iri, String label, String role, String roleVi, String roleEn, String organization, String area) {
        Post {
            Objects.requireNonNull(iri, "iri");
        }
    }

    /**
     * @param start   the beginning (YYYY-MM-DD), or null when unknown
     * @param end     the end, or null when unknown; see {@code ongoing}
     * @param ongoing nothing ended the tenure: {@code end} is only the last article stating it
     * @param sources the articles it rests on: those of the changes that began and ended it and of its evidence
     */
    record Tenure(String iri, String post, String person, String start, String end, boolean ongoing, boolean acting,
                  String label, List<Source> sources) {
        Tenure {
            Objects.requireNonNull(iri, "iri");
            sources = List.copyOf(sources);
        }

        /** The end as the formats give it: none while the tenure goes on. */
        String knownEnd() {
            return ongoing ? null : end;
        }
    }

    /** An article: its IRI, identifier and web address (null when unknown). */
    record Source(String iri, String identifier, String url) {}
}
