package org.vietpol.link;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Finds the candidates for names: from the cache when this name was asked before, else from the endpoint, several
 * names per request. The cache is per name: each answer is split by name and stored under the text of the query
 * for that name alone, so adding persons to the store later does not make the others be asked again.
 */
public final class CandidateSearch {
    /** The candidates for one name, with the query that yields them and the endpoint that answered it. */
    public record Answer(String query, String endpoint, List<Candidate> candidates, boolean cached) {}

    private final WikidataClient client;
    private final QueryCache cache;
    private final int batchSize;
    private final Clock clock;
    private int cacheHits;

    /** @param cache where answers are kept, or null to keep none */
    public CandidateSearch(WikidataClient client, QueryCache cache, int batchSize, Clock clock) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize < 1");
        this.client = client;
        this.cache = cache;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    public Map<String, Answer> find(Collection<String> names) throws IOException {
        Map<String, Answer> out = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            String query = CandidateQuery.text(CandidateQuery.spellings(name));
            Optional<QueryCache.Entry> hit = cache == null ? Optional.empty() : cache.get(query);
            if (hit.isPresent()) {
                cacheHits++;
                String endpoint = hit.get().endpoint() != null ? hit.get().endpoint() : client.endpoint();
                out.put(name, new Answer(query, endpoint, CandidateQuery.candidates(CandidateQuery.rows(hit.get().results())), true));
            } else {
                missing.add(name);
            }
        }
        for (int i = 0; i < missing.size(); i += batchSize) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + batchSize));
            LinkedHashSet<String> spellings = new LinkedHashSet<>();
            for (String n : batch) spellings.addAll(CandidateQuery.spellings(n));
            List<Binding> rows = CandidateQuery.rows(client.select(CandidateQuery.text(spellings)));
            for (String name : batch) {
                List<String> own = CandidateQuery.spellings(name);
                String query = CandidateQuery.text(own);
                List<Binding> mine = CandidateQuery.rowsFor(rows, own);
                if (cache != null) cache.put(query, client.endpoint(), clock.instant(), CandidateQuery.json(mine));
                out.put(name, new Answer(query, client.endpoint(), CandidateQuery.candidates(mine), false));
            }
        }
        return out;
    }

    /** Names answered from the cache so far. */
    public int cacheHits() {
        return cacheHits;
    }

    public int requestsSent() {
        return client.requestsSent();
    }
}
