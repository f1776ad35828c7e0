package org.vietpol.link;

/**
 * What a linking run did. Persons are counted once each: by their owl:sameAs if they have one, else by their
 * skos:closeMatch. {@code rejectedByFile} counts the links the tables or the matcher proposed that the links file
 * rejected.
 */
public record LinkReport(boolean offline, int unitsLinked, int centralLinked, int personsSameAs, int personsFromFile,
                         int personsCloseMatch, int rejectedByFile, int personsAsked, int requestsSent, int cacheHits,
                         int triples) {
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("units linked: ").append(unitsLinked).append(", central bodies linked: ").append(centralLinked).append('\n');
        sb.append("persons: ").append(personsSameAs).append(" owl:sameAs (").append(personsFromFile)
                .append(" from the links file), ").append(personsCloseMatch).append(" skos:closeMatch, ")
                .append(rejectedByFile).append(" rejected by the links file\n");
        if (offline) sb.append("offline: no requests sent (shipped tables and links file only)\n");
        else sb.append("persons looked up: ").append(personsAsked).append(", requests sent: ").append(requestsSent)
                .append(", cache hits: ").append(cacheHits).append('\n');
        sb.append("links graph: ").append(LinkGraph.GRAPH.getURI()).append(", ").append(triples).append(" triples");
        return sb.toString();
    }
}
