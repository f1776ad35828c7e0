package org.vietpol.serve;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;

/** A small knowledge graph in two article graphs, shaped like the pipeline's output. */
final class TestGraphs {

    static final String ID = "https://w3id.org/vietpol/id/";
    static final String VP = "https://w3id.org/vietpol/ontology#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String SCHEMA = "https://schema.org/";

    static final Node ARTICLE_1 = iri(ID + "article/A1");
    static final Node ARTICLE_2 = iri(ID + "article/A2");
    static final Node DINH = iri(ID + "person/phan-thien-dinh");
    static final Node PHUONG = iri(ID + "person/nguyen-van-phuong");
    static final Node THANH_UY_HUE = iri(ID + "org/hue/party-committee");

    static final String PERSONS_QUERY = """
            PREFIX vp: <https://w3id.org/vietpol/ontology#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            SELECT ?person ?name WHERE { ?person a vp:Person ; foaf:name ?name } ORDER BY ?name
            """;

    static final String COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    private TestGraphs() {}

    /** Adds the quads; call inside a write transaction when the dataset needs one. */
    static void load(DatasetGraph dsg) {
        Node a1 = ARTICLE_1, a2 = ARTICLE_2;
        Node membership = iri(ID + "membership/phan-thien-dinh/secretary/hue/party-committee");

        dsg.add(a1, a1, RDF.Nodes.type, iri(SCHEMA + "NewsArticle"));
        dsg.add(a1, a1, iri(DCT + "identifier"), NodeFactory.createLiteralString("A1"));
        dsg.add(a1, a1, iri(DCT + "title"), NodeFactory.createLiteralLang("Hội nghị Thành ủy Huế", "vi"));
        dsg.add(a1, a1, iri(DCT + "issued"), NodeFactory.createLiteralDT("2025-01-15", XSDDatatype.XSDdate));
        dsg.add(a1, DINH, RDF.Nodes.type, iri(VP + "Person"));
        dsg.add(a1, DINH, iri(FOAF + "name"), NodeFactory.createLiteralLang("Phan Thiên Định", "vi"));
        dsg.add(a1, THANH_UY_HUE, RDF.Nodes.type, iri(VP + "PartyCommittee"));
        dsg.add(a1, THANH_UY_HUE, iri(SKOS + "prefLabel"), NodeFactory.createLiteralLang("Thành ủy Huế", "vi"));
        dsg.add(a1, membership, RDF.Nodes.type, iri(ORG + "Membership"));
        dsg.add(a1, membership, iri(ORG + "member"), DINH);
        dsg.add(a1, membership, iri(ORG + "organization"), THANH_UY_HUE);
        dsg.add(a1, membership, iri(ORG + "role"), iri(VP + "Secretary"));
        dsg.add(a1, membership, iri(PROV + "wasDerivedFrom"), a1);

        dsg.add(a2, a2, RDF.Nodes.type, iri(SCHEMA + "NewsArticle"));
        dsg.add(a2, a2, iri(DCT + "identifier"), NodeFactory.createLiteralString("A2"));
        dsg.add(a2, a2, iri(DCT + "title"), NodeFactory.createLiteralLang("Thường trực Thành ủy làm việc", "vi"));
        dsg.add(a2, PHUONG, RDF.Nodes.type, iri(VP + "Person"));
        dsg.add(a2, PHUONG, iri(FOAF + "name"), NodeFactory.createLiteralLang("Nguyễn Văn Phương", "vi"));
        // The same person restated in a second article: the union must not duplicate him.
        dsg.add(a2, DINH, RDF.Nodes.type, iri(VP + "Person"));
        dsg.add(a2, DINH, iri(FOAF + "name"), NodeFactory.createLiteralLang("Phan Thiên Định", "vi"));
    }

    /** Number of quads {@link #load} adds. */
    static final int QUAD_COUNT = 20;

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
