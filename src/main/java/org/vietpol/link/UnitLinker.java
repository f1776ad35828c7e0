package org.vietpol.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Unit;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.Iris;
import org.vietpol.graph.Vocab;

/**
 * Describes administrative units from the gazetteer and links them: owl:sameAs to their Wikidata item and to their
 * GeoNames feature (https://sws.geonames.org/ID/), with GSO code, parent, validity (schema:validFrom /
 * schema:validThrough) and the unit an ended one was merged into (vp:mergedInto).
 *
 * <p>Which units: the country, every province (before and after 2025-07-01), every unit with a Wikidata or GeoNames
 * id, every unit the articles name, and the parents and successors of those, so no reference dangles. The labels,
 * type, level, code and parent written here are the ones the article graphs carry for the same unit, so the union
 * of graphs stays consistent.
 */
final class UnitLinker {
    private final Gazetteer gaz;

    UnitLinker(Gazetteer gaz) {
        this.gaz = gaz;
    }

    List<Unit> select(Collection<String> mentioned) {
        Map<String, Unit> chosen = new TreeMap<>();
        for (Unit u : gaz.units().values()) {
            if (u.isCountry() || "province".equals(u.level()) || u.wikidata() != null || u.geonames() != null) chosen.put(u.id(), u);
        }
        for (String id : mentioned) gaz.get(id).ifPresent(u -> chosen.put(u.id(), u));
        Deque<Unit> todo = new ArrayDeque<>(chosen.values());
        while (!todo.isEmpty()) {
            Unit u = todo.pop();
            for (String next : new String[] {u.parent(), u.successor()}) {
                gaz.get(next).ifPresent(p -> {
                    if (chosen.putIfAbsent(p.id(), p) == null) todo.push(p);
                });
            }
        }
        return List.copyOf(chosen.values());
    }

    /** Writes the units' descriptions and returns their links, which the caller writes once the links file has spoken. */
    List<Link> describe(List<Unit> units, LinkGraph out) {
        List<Link> links = new ArrayList<>();
        for (Unit u : units) {
            Node n = Vocab.uri(Iris.unit(u));
            GraphMapper.describeUnit(u, gaz, (p, o) -> out.add(n, p, o));
            if (u.validFrom() != null) out.add(n, LinkGraph.VALID_FROM, LinkGraph.date(u.validFrom()));
            if (u.validTo() != null) out.add(n, LinkGraph.VALID_THROUGH, LinkGraph.date(u.validTo()));
            gaz.get(u.successor()).ifPresent(s -> out.add(n, LinkGraph.MERGED_INTO, Vocab.uri(Iris.unit(s))));
            if (ExternalIds.isQid(u.wikidata()))
                links.add(Link.fromTable(Iris.unit(u), ExternalIds.wikidata(u.wikidata()), LinkTables.UNITS_WIKIDATA_SOURCE));
            if (ExternalIds.isGeonamesId(u.geonames()))
                links.add(Link.fromTable(Iris.unit(u), ExternalIds.geonames(u.geonames()), LinkTables.UNITS_GEONAMES_SOURCE));
        }
        return links;
    }
}
