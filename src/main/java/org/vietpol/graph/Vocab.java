package org.vietpol.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/** The graph's public terms (see the contract) as Jena nodes, and the prefixes used in every output. */
public final class Vocab {
    static {
        // Jena's vocabulary classes must not be touched before Jena itself is initialised
        org.apache.jena.sys.JenaSystem.init();
    }

    public static final String VP = "https://w3id.org/vietpol/ontology#";
    public static final String ID = "https://w3id.org/vietpol/id/";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String TIME = "http://www.w3.org/2006/time#";

    public static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    public static final Node LABEL = uri(RDFS + "label");

    public static final Node NEWS_ARTICLE = uri(SCHEMA + "NewsArticle");
    public static final Node MENTIONS = uri(SCHEMA + "mentions");
    public static final Node URL = uri(SCHEMA + "url");
    public static final Node IDENTIFIER = uri(DCT + "identifier");
    public static final Node TITLE = uri(DCT + "title");
    public static final Node ISSUED = uri(DCT + "issued");
    public static final Node DATE = uri(DCT + "date");

    public static final Node PERSON = vp("Person");
    public static final Node NAME = uri(FOAF + "name");
    public static final Node PREF_LABEL = uri(SKOS + "prefLabel");
    public static final Node ALT_LABEL = uri(SKOS + "altLabel");

    public static final Node MEMBERSHIP = uri(ORG + "Membership");
    public static final Node MEMBER = uri(ORG + "member");
    public static final Node ORGANIZATION = uri(ORG + "organization");
    public static final Node ROLE = uri(ORG + "role");
    public static final Node SUB_ORGANIZATION_OF = uri(ORG + "subOrganizationOf");
    public static final Node POST = uri(ORG + "Post");
    public static final Node POST_IN = uri(ORG + "postIn");
    public static final Node HELD_BY = uri(ORG + "heldBy");
    public static final Node POST_CHANGE = vp("PostChange");
    public static final Node CHANGE_PERSON = vp("person");
    public static final Node CHANGE_POST = vp("post");
    public static final Node CHANGE_TYPE = vp("changeType");
    public static final Node CHANGE_KIND = vp("changeKind");
    public static final Node ACTING = vp("acting");
    public static final Node FIRST_STATED = vp("firstStated");
    public static final Node LAST_STATED = vp("lastStated");
    public static final Node FORMERLY_HELD = vp("formerlyHeld");
    public static final Node TERM_OF_OFFICE = vp("TermOfOffice");
    public static final Node TERM_OF = vp("termOf");
    public static final Node TERM_NUMBER = vp("termNumber");
    public static final Node START_YEAR = vp("startYear");
    public static final Node END_YEAR = vp("endYear");
    public static final Node DURING_TERM = vp("duringTerm");
    public static final Node DERIVED_FROM = uri(PROV + "wasDerivedFrom");
    public static final Node GENERATED_BY = uri(PROV + "wasGeneratedBy");
    public static final Node ACTIVITY = uri(PROV + "Activity");
    public static final Node SOFTWARE_AGENT = uri(PROV + "SoftwareAgent");
    public static final Node ASSOCIATED_WITH = uri(PROV + "wasAssociatedWith");

    public static final Node ADMIN_UNIT = vp("AdministrativeUnit");
    public static final Node JURISDICTION = vp("jurisdiction");
    public static final Node PARENT_UNIT = vp("parentUnit");
    public static final Node UNIT_TYPE = vp("unitType");
    public static final Node GSO_CODE = vp("gsoCode");
    public static final Node LEVEL = vp("level");

    public static final Node MEETING = vp("Meeting");
    public static final Node ORGANIZER = vp("organizer");
    public static final Node CHAIR = vp("chair");
    public static final Node ATTENDEE = vp("attendee");
    public static final Node MEETING_TYPE = vp("meetingType");

    public static final Node DOCUMENT_NUMBER = vp("documentNumber");
    public static final Node ISSUER = vp("issuer");

    public static final Node MENTION = vp("Mention");
    public static final Node EVIDENCE = vp("evidence");
    public static final Node SENTENCE = vp("sentence");
    public static final Node START = vp("startOffset");
    public static final Node END = vp("endOffset");
    public static final Node MATCHED = vp("matchedText");
    public static final Node RULE = vp("rule");
    public static final Node CONFIDENCE = vp("confidence");
    public static final Node CONTENT_HASH = vp("contentHash");
    public static final Node ABOUT = uri(SCHEMA + "about");
    public static final Node CITED_FROM = vp("citedFrom");
    public static final Node STATED_WITH = vp("statedWith");
    public static final Node ARTICLE_COUNT = vp("articleCount");
    public static final Node MEETING_TALLY = vp("MeetingTally");
    public static final Node PARTICIPATION_TALLY = vp("ParticipationTally");
    public static final Node TALLY_OF = vp("tallyOf");
    public static final Node TALLY_ORGANIZER = vp("tallyOrganizer");
    public static final Node PART = vp("part");
    public static final Node YEAR = vp("year");
    public static final Node MEETING_COUNT = vp("meetingCount");
    public static final Node LATEST_DATE = vp("latestDate");
    public static final Node CITED_PLACE_COUNT = vp("citedPlaceCount");
    public static final Node DAY_TALLY = vp("DayTally");
    public static final Node DAY = vp("day");
    public static final Node MEETINGS_HELD = vp("meetingsHeld");
    public static final Node DOCUMENTS_ISSUED = vp("documentsIssued");
    public static final Node ARTICLES_PUBLISHED = vp("articlesPublished");
    public static final Node CITATION_TALLY = vp("CitationTally");
    public static final Node PLACE_COUNT = vp("placeCount");
    public static final Node DOCUMENTS_CITED = vp("documentsCited");

    // posts over time: tenures derived by the build (see Tenures), with W3C ORG and OWL-Time
    public static final Node START_CHANGE = vp("Start");
    public static final Node END_CHANGE = vp("End");
    public static final Node TENURE = vp("Tenure");
    public static final Node TENURE_OF = vp("tenureOf");
    public static final Node HOLDER = vp("holder");
    public static final Node MEMBER_DURING = uri(ORG + "memberDuring");
    public static final Node INSTANT = uri(TIME + "Instant");
    public static final Node PROPER_INTERVAL = uri(TIME + "ProperInterval");
    public static final Node HAS_BEGINNING = uri(TIME + "hasBeginning");
    public static final Node HAS_END = uri(TIME + "hasEnd");
    public static final Node IN_XSD_DATE = uri(TIME + "inXSDDate");
    public static final Node START_BASIS = vp("startBasis");
    public static final Node END_BASIS = vp("endBasis");
    public static final Node CHANGE_REPORTED = vp("ChangeReported");
    public static final Node STATED_IN_ARTICLE = vp("StatedInArticle");
    public static final Node SUCCESSOR_STARTED = vp("SuccessorStarted");
    public static final Node STARTED_BY = vp("startedBy");
    public static final Node ENDED_BY = vp("endedBy");
    public static final Node START_EVIDENCE = vp("startEvidence");
    public static final Node END_EVIDENCE = vp("endEvidence");
    public static final Node PREDECESSOR = vp("predecessor");
    public static final Node SUCCESSOR = vp("successor");
    public static final Node ONGOING = vp("ongoing");
    public static final Node SOLE_HOLDER = vp("soleHolder");

    private Vocab() {}

    public static Node vp(String local) {
        return NodeFactory.createURI(VP + local);
    }

    public static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The contract's prefixes, for every serialisation. */
    public static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("vp", VP);
        pm.setNsPrefix("id", ID);
        pm.setNsPrefix("org", ORG);
        pm.setNsPrefix("foaf", FOAF);
        pm.setNsPrefix("skos", SKOS);
        pm.setNsPrefix("prov", PROV);
        pm.setNsPrefix("dcterms", DCT);
        pm.setNsPrefix("schema", SCHEMA);
        pm.setNsPrefix("rdfs", RDFS);
        pm.setNsPrefix("owl", OWL);
        pm.setNsPrefix("xsd", XSD);
        pm.setNsPrefix("time", TIME);
        pm.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        return pm.lock();
    }
}
