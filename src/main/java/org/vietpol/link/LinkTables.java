package org.vietpol.link;

import java.util.ArrayList;
import java.util.List;
import org.vietpol.extract.DataFile;
import org.vietpol.extract.Gazetteer;
import org.vietpol.extract.Lexicon;
import org.vietpol.graph.Vocab;

/**
 * The link tables shipped with the tool: the gazetteer (units.tsv and wards.tsv, whose wikidata and geonames columns
 * link the administrative units) and links-central.tsv (the country, the Party, the central bodies, and the Wikidata
 * position items of the central offices).
 */
public final class LinkTables {
    public static final String CENTRAL_FILE = "links-central.tsv";
    /** The Party has no IRI from articles (they name its committees, not the Party): this is the one it gets. */
    public static final String PARTY = Vocab.ID + "org/viet-nam/party";
    /** Sources named on unit links; the rows of units.tsv do not say which of its sources each id came from. */
    static final String UNITS_WIKIDATA_SOURCE = "units.tsv: Wikidata QIDs from Who's On First (CC-BY), checked by hand for the units in the project's identifier list";
    static final String UNITS_GEONAMES_SOURCE = "units.tsv: GeoNames ids (GeoNames, CC-BY 4.0) via Who's On First";

    /** A resource of the graph linked to a Wikidata item. */
    public record Body(String subject, String qid, String label, String labelEn, String source) {}

    /**
     * A Wikidata position item and the memberships it corresponds to: {@code role} (a vp: role's local name, or
     * "*" for any) in the organization {@code org}, or in any organization of kind {@code kind}.
     */
    public record PositionItem(String kind, String org, String role, String qid, String label, String source) {
        public boolean matches(String orgIri, String orgKind, String roleLocalName) {
            boolean body = org != null ? org.equals(orgIri) : kind.equals(orgKind);
            return body && ("*".equals(role) || role.equals(roleLocalName));
        }
    }

    private final Gazetteer gazetteer;
    private final List<Body> bodies;
    private final List<PositionItem> positions;

    private LinkTables(Gazetteer gazetteer, List<Body> bodies, List<PositionItem> positions) {
        this.gazetteer = gazetteer;
        this.bodies = List.copyOf(bodies);
        this.positions = List.copyOf(positions);
    }

    public static LinkTables load() {
        return load(Gazetteer.load(), Lexicon.defaults());
    }

    public static LinkTables load(Gazetteer gazetteer, Lexicon lex) {
        List<Body> bodies = new ArrayList<>();
        List<PositionItem> positions = new ArrayList<>();
        for (DataFile.Row r : DataFile.table(CENTRAL_FILE)) {
            String subject = r.get(0), role = r.get(1), qid = r.get(2), label = r.get(3), labelEn = r.get(4), source = r.get(5);
            if (!ExternalIds.isQid(qid)) throw r.error("not a Wikidata id: \"" + qid + "\"");
            if (source.isEmpty()) throw r.error("every link needs its source");
            boolean isPath = subject.contains("/");
            String kind = null;
            if (!isPath) {
                try {
                    lex.kind(subject);
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
                kind = subject;
            }
            if (role.isEmpty()) {
                String iri = isPath ? Vocab.ID + subject : Vocab.ID + "org/" + gazetteer.country().id() + "/" + lex.kind(kind).slug();
                bodies.add(new Body(iri, qid, label, labelEn, source));
            } else {
                if (!role.equals("*") && !role.matches("[A-Z][A-Za-z]+")) throw r.error("not a role: \"" + role + "\"");
                positions.add(new PositionItem(kind, isPath ? Vocab.ID + subject : null, role, qid, label, source));
            }
        }
        return new LinkTables(gazetteer, bodies, positions);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The resources linked by links-central.tsv, in file order. */
    public List<Body> bodies() {
        return bodies;
    }

    /** The position items of links-central.tsv, in file order. */
    public List<PositionItem> positions() {
        return positions;
    }
}
