package org.vietpol.link;

import java.util.regex.Pattern;

/** Identifiers of the datasets linked to: Wikidata items and GeoNames features, in their canonical IRI forms. */
public final class ExternalIds {
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    public static final String GEONAMES = "https://sws.geonames.org/";
    /** Việt Nam, the citizenship every person candidate must have (P27). */
    public static final String VIET_NAM = "Q881";
    /** The Communist Party of Vietnam (P102 of a candidate). */
    public static final String PARTY = "Q427325";

    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern GEONAMES_ID = Pattern.compile("[1-9][0-9]*");

    private ExternalIds() {}

    public static String wikidata(String qid) {
        return WIKIDATA_ENTITY + qid;
    }

    /** GeoNames' semantic-web IRI of a feature (the trailing slash is part of it). */
    public static String geonames(String id) {
        return GEONAMES + id + "/";
    }

    public static boolean isQid(String s) {
        return s != null && QID.matcher(s).matches();
    }

    public static boolean isGeonamesId(String s) {
        return s != null && GEONAMES_ID.matcher(s).matches();
    }

    /** "Q36167", "wd:Q36167" or the entity IRI (http or https) to "Q36167"; null when it is none of these. */
    public static String qid(String s) {
        if (s == null) return null;
        String t = s.strip();
        for (String prefix : new String[] {WIKIDATA_ENTITY, "https://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/", "wd:"}) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length());
                break;
            }
        }
        return isQid(t) ? t : null;
    }

    /** The QID of a Wikidata entity IRI, or null for any other IRI. */
    public static String qidOfIri(String iri) {
        return iri != null && iri.startsWith(WIKIDATA_ENTITY) && isQid(iri.substring(WIKIDATA_ENTITY.length()))
                ? iri.substring(WIKIDATA_ENTITY.length()) : null;
    }
}
