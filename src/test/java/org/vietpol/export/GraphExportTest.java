package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vietpol.testing.InstalledTool;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The property-graph exports of the seed store: each parses with an independent reader and holds the seed people. */
class GraphExportTest {
    static final Path DOT_PROGRAM = Path.of("/usr/bin/dot");
    static final String TRICKY_PERSON = "A \"B\" <C> & D";
    static final String TRICKY_ORG = "Ban \"X\" <Y> & Z \\ </data> ]]>";
    static final String TRICKY_UNIT = "Xã <Đặc> 'Biệt'";
    static final String TRICKY_MEETING = "Hội nghị {1}; [a=b] -> c\ndòng hai";

    static byte[] export(DatasetGraph dsg, GraphFormat f, String place) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GraphExporter.create().format(f).place(place).build().write(dsg, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] export(GraphFormat f, String place) {
        return export(SeedStore.get().dataset(), f, place);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The persons' names in the store, by SPARQL. */
    static Set<String> seedPeople() {
        DatasetGraph dsg = SeedStore.get().dataset();
        Set<String> names = new TreeSet<>();
        Txn.executeRead(dsg, () -> org.apache.jena.sparql.exec.QueryExec.dataset(dsg)
                .query("SELECT DISTINCT ?name { GRAPH ?g { ?p a <https://w3id.org/vietpol/ontology#Person> ;"
                        + " <http://xmlns.com/foaf/0.1/name> ?name } }")
                .select().forEachRemaining(b -> names.add(b.get("name").getLiteralLexicalForm())));
        return names;
    }

    static DatasetGraph trickyDataset() {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        try (InputStream in = GraphExportTest.class.getResourceAsStream("tricky-names.trig")) {
            assertNotNull(in, "tricky-names.trig on the test classpath");
            Txn.executeWrite(d, () -> RDFParser.source(in).lang(Lang.TRIG).parse(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    // ---- readers independent of the writers ----

    /** A parsed GraphML file: node id to its data, and the edges with their data and ends. */
    record GraphMl(Map<String, Map<String, String>> nodes, List<Map<String, String>> edges) {
        /** The node ids whose label is {@code label}. */
        Set<String> labelled(String label) {
            Set<String> out = new TreeSet<>();
            nodes.forEach((id, data) -> {
                if (label.equals(data.get("label"))) out.add(id);
            });
            return out;
        }
    }

    static GraphMl parseGraphMl(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element root = doc.getDocumentElement();
        assertEquals(GraphMlWriter.NS, root.getNamespaceURI());
        assertEquals("graphml", root.getLocalName());

        Map<String, String> keyFor = new HashMap<>(), keyName = new HashMap<>();
        NodeList keys = doc.getElementsByTagNameNS(GraphMlWriter.NS, "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            assertTrue(keyFor.put(k.getAttribute("id"), k.getAttribute("for")) == null, "key ids are unique");
            keyName.put(k.getAttribute("id"), k.getAttribute("attr.name"));
        }
        NodeList graphs = doc.getElementsByTagNameNS(GraphMlWriter.NS, "graph");
        assertEquals(1, graphs.getLength());
        assertEquals("directed", ((Element) graphs.item(0)).getAttribute("edgedefault"));

        Map<String, Map<String, String>> nodes = new HashMap<>();
        NodeList ns = doc.getElementsByTagNameNS(GraphMlWriter.NS, "node");
        for (int i = 0; i < ns.getLength(); i++) {
            Element n = (Element) ns.item(i);
            String id = n.getAttribute("id");
            assertTrue(id.matches("[A-Za-z_][A-Za-z0-9._:-]*"), "node id is an XML name: " + id);
            assertTrue(nodes.put(id, data(n, "node", keyFor, keyName)) == null, "node ids are unique");
        }
        List<Map<String, String>> edges = new ArrayList<>();
        Set<String> edgeIds = new HashSet<>();
        NodeList es = doc.getElementsByTagNameNS(GraphMlWriter.NS, "edge");
        for (int i = 0; i < es.getLength(); i++) {
            Element e = (Element) es.item(i);
            assertTrue(edgeIds.add(e.getAttribute("id")), "edge ids are unique");
            Map<String, String> d = data(e, "edge", keyFor, keyName);
            d.put("source", e.getAttribute("source"));
            d.put("target", e.getAttribute("target"));
            assertTrue(nodes.containsKey(d.get("source")) && nodes.containsKey(d.get("target")), "edge ends are nodes");
            edges.add(d);
        }
        return new GraphMl(nodes, edges);
    }

    /** The data of one element by attribute name; each key must be declared for that kind of element. */
    private static Map<String, String> data(Element el, String kind, Map<String, String> keyFor, Map<String, String> keyName) {
        Map<String, String> out = new HashMap<>();
        NodeList ds = el.getElementsByTagNameNS(GraphMlWriter.NS, "data");
        for (int i = 0; i < ds.getLength(); i++) {
            Element d = (Element) ds.item(i);
            String key = d.getAttribute("key");
            assertEquals(kind, keyFor.get(key), "key " + key + " declared for " + kind);
            out.put(keyName.get(key), d.getTextContent());
        }
        return out;
    }

    /** Cytoscape JSON parsed strictly with Gson, after a second parse with Jena's JSON reader. */
    static JsonObject parseCytoscape(byte[] bytes) {
        String text = text(bytes);
        org.apache.jena.atlas.json.JSON.parse(text);
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        JsonObject root = JsonParser.parseReader(r).getAsJsonObject();
        JsonObject elements = root.getAsJsonObject("elements");
        Set<String> ids = new HashSet<>();
        for (JsonElement n : elements.getAsJsonArray("nodes")) {
            JsonObject d = n.getAsJsonObject().getAsJsonObject("data");
            for (String k : List.of("id", "label", "type", "iri")) assertTrue(d.has(k), "node has " + k + ": " + d);
            assertTrue(ids.add(d.get("id").getAsString()), "ids are unique");
        }
        Set<String> nodeIds = new HashSet<>(ids);
        for (JsonElement e : elements.getAsJsonArray("edges")) {
            JsonObject d = e.getAsJsonObject().getAsJsonObject("data");
            for (String k : List.of("id", "source", "target", "role", "label")) assertTrue(d.has(k), "edge has " + k + ": " + d);
            assertTrue(ids.add(d.get("id").getAsString()), "ids are unique");
            assertTrue(nodeIds.contains(d.get("source").getAsString()) && nodeIds.contains(d.get("target").getAsString()),
                    "edge ends are nodes: " + d);
        }
        return root;
    }

    static Map<String, JsonObject> cytoscapeNodesByLabel(JsonObject root) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement n : root.getAsJsonObject("elements").getAsJsonArray("nodes")) {
            JsonObject d = n.getAsJsonObject().getAsJsonObject("data");
            out.put(d.get("label").getAsString(), d);
        }
        return out;
    }

    static Set<String> labelsOfType(Map<String, Map<String, String>> nodes, String type) {
        Set<String> out = new TreeSet<>();
        nodes.values().forEach(d -> {
            if (type.equals(d.get("type"))) out.add(d.get("label"));
        });
        return out;
    }

    static DotReader.Dot parseDot(byte[] bytes) {
        String text = text(bytes);
        assertTrue(Pattern.compile("\\Adigraph vietpol \\{\n").matcher(text).find(), "starts the digraph");
        assertTrue(text.endsWith("\n}\n"), "ends the digraph");
        Pattern node = Pattern.compile("^  \"[^\"]+\" \\[label=\"(?:[^\"\\\\]|\\\\.)*\", type=\"[a-z]+\", .*\\];$");
        Pattern edge = Pattern.compile("^  \"[^\"]+\" -> \"[^\"]+\" \\[label=\"(?:[^\"\\\\]|\\\\.)*\", role=\"[A-Za-z]+\"\\];$");
        String[] lines = text.split("\n");
        for (int i = 4; i < lines.length - 1; i++) {
            assertTrue(node.matcher(lines[i]).matches() || edge.matcher(lines[i]).matches(), "statement: " + lines[i]);
        }
        DotReader.Dot dot = DotReader.parse(text);
        assertEquals("vietpol", dot.name());
        for (DotReader.Edge e : dot.edges()) {
            assertTrue(dot.nodes().containsKey(e.source()) && dot.nodes().containsKey(e.target()), "edge ends are declared");
        }
        return dot;
    }

    /** Renders with Graphviz and checks the SVG is well-formed XML; returns it. */
    static String renderWithGraphviz(byte[] dot) throws Exception {
        Process p = new ProcessBuilder(DOT_PROGRAM.toString(), "-Tsvg").redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
            in.write(dot);
        }
        byte[] svg = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot finishes");
        assertEquals(0, p.exitValue(), err);
        assertFalse(err.toLowerCase().contains("syntax error"), err);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        return new String(svg, StandardCharsets.UTF_8);
    }

    // ---- the seeds ----

    @Test
    void graphmlParsesWithTheDomParserAndHoldsPhanThienDinhAsSecretaryOfThanhUyHue() throws Exception {
        GraphMl g = parseGraphMl(export(GraphFormat.GRAPHML, null));
        Set<String> dinh = g.labelled("Phan Thiên Định");
        assertEquals(1, dinh.size(), "one node for Phan Thiên Định");
        Set<String> thanhUy = g.labelled("Thành ủy Huế");
        assertEquals(1, thanhUy.size(), "one node for Thành ủy Huế");
        assertEquals("person", g.nodes().get(dinh.iterator().next()).get("type"));
        Map<String, String> org = g.nodes().get(thanhUy.iterator().next());
        assertEquals("organization", org.get("type"));
        assertEquals("PartyCommittee", org.get("kind"));
        assertEquals("https://w3id.org/vietpol/id/org/hue/party-committee", org.get("iri"));
        assertTrue(g.edges().stream().anyMatch(e -> dinh.contains(e.get("source")) && thanhUy.contains(e.get("target"))
                && "Secretary".equals(e.get("role")) && "Bí thư".equals(e.get("label"))), "Secretary edge");
        assertEquals(seedPeople(), labelsOfType(g.nodes(), "person"));
    }

    @Test
    void cytoscapeJsonParsesAndHoldsTheSeedPeople() {
        JsonObject root = parseCytoscape(export(GraphFormat.CYTOSCAPE_JSON, null));
        Set<String> people = new TreeSet<>();
        for (JsonElement n : root.getAsJsonObject("elements").getAsJsonArray("nodes")) {
            JsonObject d = n.getAsJsonObject().getAsJsonObject("data");
            if (d.get("type").getAsString().equals("person")) people.add(d.get("label").getAsString());
        }
        Set<String> expected = seedPeople();
        assertTrue(expected.containsAll(Set.of("Phan Thiên Định", "Nguyễn Văn Nên", "Nguyễn Phú Trọng")), expected.toString());
        assertEquals(expected, people);
        JsonObject dinh = cytoscapeNodesByLabel(root).get("Phan Thiên Định");
        assertEquals("https://w3id.org/vietpol/id/person/phan-thien-dinh-2f9c", dinh.get("id").getAsString());
        JsonArray edges = root.getAsJsonObject("elements").getAsJsonArray("edges");
        boolean secretary = false;
        for (JsonElement e : edges) {
            JsonObject d = e.getAsJsonObject().getAsJsonObject("data");
            secretary |= d.get("source").getAsString().equals(dinh.get("id").getAsString())
                    && d.get("target").getAsString().equals("https://w3id.org/vietpol/id/org/hue/party-committee")
                    && d.get("role").getAsString().equals("Secretary");
        }
        assertTrue(secretary, "Secretary edge");
    }

    @Test
    void dotParsesAndHoldsTheSeedPeople() {
        DotReader.Dot dot = parseDot(export(GraphFormat.DOT, null));
        assertEquals(seedPeople(), labelsOfType(dot.nodes(), "person"));
        String dinh = "https://w3id.org/vietpol/id/person/phan-thien-dinh-2f9c";
        assertEquals("Phan Thiên Định", dot.nodes().get(dinh).get("label"));
        assertTrue(dot.edges().stream().anyMatch(e -> e.source().equals(dinh)
                && e.target().equals("https://w3id.org/vietpol/id/org/hue/party-committee")
                && "Secretary".equals(e.attributes().get("role")) && "Bí thư".equals(e.attributes().get("label"))));
        for (Map<String, String> a : dot.nodes().values()) {
            assertTrue(Set.of("person", "organization", "unit", "meeting", "document").contains(a.get("type")), a.toString());
            assertNotNull(a.get("shape"));
        }
    }

    @Test
    void graphvizRendersTheDotExport() throws Exception {
        InstalledTool.require(DOT_PROGRAM, "Graphviz");
        String svg = renderWithGraphviz(export(GraphFormat.DOT, null));
        assertTrue(svg.contains("Phan Thiên Định"), "the label is drawn");
    }

    @Test
    void theThreeFormatsAgreeOnNodesAndEdges() throws Exception {
        PropertyGraph g = GraphExporter.create().format(GraphFormat.DOT).build().read(SeedStore.get().dataset());
        assertTrue(g.vertices().size() > 20 && g.edges().size() > 20, g.vertices().size() + " / " + g.edges().size());
        DotReader.Dot dot = parseDot(export(GraphFormat.DOT, null));
        GraphMl ml = parseGraphMl(export(GraphFormat.GRAPHML, null));
        JsonObject cy = parseCytoscape(export(GraphFormat.CYTOSCAPE_JSON, null)).getAsJsonObject("elements");
        assertEquals(g.vertices().size(), dot.nodes().size());
        assertEquals(g.vertices().size(), ml.nodes().size());
        assertEquals(g.vertices().size(), cy.getAsJsonArray("nodes").size());
        assertEquals(g.edges().size(), dot.edges().size());
        assertEquals(g.edges().size(), ml.edges().size());
        assertEquals(g.edges().size(), cy.getAsJsonArray("edges").size());
        Set<String> types = new TreeSet<>();
        g.vertices().forEach(v -> types.add(v.type()));
        assertEquals(Set.of("person", "organization", "unit", "meeting", "document"), types);
        Set<String> roles = new TreeSet<>();
        g.edges().forEach(e -> roles.add(e.role()));
        assertTrue(roles.containsAll(Set.of("Secretary", "organizer", "chair", "attendee", "issuer", "jurisdiction")), roles.toString());
    }

    @ParameterizedTest
    @EnumSource(GraphFormat.class)
    void theSameStoreGivesTheSameBytes(GraphFormat f) {
        assertArrayEquals(export(f, null), export(f, null));
        assertArrayEquals(export(f, "Huế"), export(f, "Huế"));
    }

    @Test
    void verticesAreSortedByIri() {
        List<String> iris = GraphExporter.create().format(GraphFormat.DOT).build().read(SeedStore.get().dataset())
                .vertices().stream().map(PropertyGraph.Vertex::iri).toList();
        assertEquals(iris.stream().sorted().toList(), iris);
    }

    // ---- --place ----

    @ParameterizedTest
    @ValueSource(strings = {"Huế", "hue", "HUE", "Thành phố Huế", "TP. Huế"})
    void placeHueKeepsPhanThienDinhAndDropsNguyenVanNen(String place) throws Exception {
        GraphMl ml = parseGraphMl(export(GraphFormat.GRAPHML, place));
        Set<String> people = labelsOfType(ml.nodes(), "person");
        assertTrue(people.contains("Phan Thiên Định"), people.toString());
        assertTrue(people.contains("Trần Hùng Nam"), people.toString());
        assertFalse(people.contains("Nguyễn Văn Nên"), people.toString());
        assertFalse(people.contains("Nguyễn Phú Trọng"), people.toString());
        Set<String> orgs = labelsOfType(ml.nodes(), "organization");
        assertTrue(orgs.contains("Thành ủy Huế"), orgs.toString());
        assertFalse(orgs.contains("Tỉnh ủy Thừa Thiên Huế"), "a province body is not the city's: " + orgs);
        assertFalse(orgs.contains("Bộ Chính trị"), orgs.toString());

        JsonObject cy = parseCytoscape(export(GraphFormat.CYTOSCAPE_JSON, place));
        assertTrue(cytoscapeNodesByLabel(cy).containsKey("Phan Thiên Định"));
        assertFalse(cytoscapeNodesByLabel(cy).containsKey("Nguyễn Văn Nên"));
        DotReader.Dot dot = parseDot(export(GraphFormat.DOT, place));
        assertTrue(dot.nodes().containsKey("https://w3id.org/vietpol/id/person/phan-thien-dinh-2f9c"));
        assertFalse(dot.nodes().containsKey("https://w3id.org/vietpol/id/person/nguyen-van-nen-9fbc"));
    }

    @Test
    void aProvinceAlsoKeepsTheBodiesOfItsCities() {
        PropertyGraph g = GraphExporter.create().format(GraphFormat.DOT).place("Thừa Thiên - Huế").build()
                .read(SeedStore.get().dataset());
        Set<String> labels = new TreeSet<>();
        g.vertices().forEach(v -> labels.add(v.label()));
        assertTrue(labels.containsAll(Set.of("Tỉnh ủy Thừa Thiên Huế", "Thành ủy Huế", "Phan Thiên Định")), labels.toString());
        assertFalse(labels.contains("Nguyễn Văn Nên"));
    }

    @Test
    void anUnknownPlaceIsAnError() {
        GraphExporter e = GraphExporter.create().format(GraphFormat.GRAPHML).place("Atlantis").build();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.read(SeedStore.get().dataset()));
        assertTrue(x.getMessage().contains("Atlantis"), x.getMessage());
    }

    @Test
    void unitsCanBeLeftOut() {
        PropertyGraph g = GraphExporter.create().format(GraphFormat.DOT).units(false).build().read(SeedStore.get().dataset());
        assertTrue(g.vertices().stream().noneMatch(v -> v.type().equals(PropertyGraph.UNIT)));
        assertTrue(g.edges().stream().noneMatch(e -> e.role().equals(PropertyGraph.JURISDICTION)));
        assertTrue(g.vertices().stream().anyMatch(v -> v.label().equals("Thành ủy Huế")));
    }

    // ---- escaping ----

    @Test
    void graphmlEscapesQuotesAndAngleBrackets() throws Exception {
        byte[] bytes = export(trickyDataset(), GraphFormat.GRAPHML, null);
        GraphMl g = parseGraphMl(bytes);
        assertEquals(1, g.labelled(TRICKY_PERSON).size());
        assertEquals(1, g.labelled(TRICKY_ORG).size());
        assertEquals(1, g.labelled(TRICKY_UNIT).size());
        assertEquals(1, g.labelled(TRICKY_MEETING).size());
        assertTrue(g.edges().stream().anyMatch(e -> "Secretary".equals(e.get("role")) && "Secretary".equals(e.get("label"))),
                "without the ontology the role is the label");
        assertFalse(text(bytes).contains("<C>"), "angle brackets are escaped");
    }

    @Test
    void cytoscapeJsonEscapesQuotesAndAngleBrackets() {
        Map<String, JsonObject> nodes = cytoscapeNodesByLabel(parseCytoscape(export(trickyDataset(), GraphFormat.CYTOSCAPE_JSON, null)));
        assertEquals(Set.of(TRICKY_PERSON, TRICKY_ORG, TRICKY_UNIT, TRICKY_MEETING), nodes.keySet());
        assertEquals("person", nodes.get(TRICKY_PERSON).get("type").getAsString());
    }

    @Test
    void dotEscapesQuotesAndAngleBrackets() throws Exception {
        byte[] bytes = export(trickyDataset(), GraphFormat.DOT, null);
        DotReader.Dot dot = parseDot(bytes);
        Set<String> labels = new TreeSet<>();
        dot.nodes().values().forEach(a -> labels.add(a.get("label")));
        assertEquals(new TreeSet<>(Set.of(TRICKY_PERSON, TRICKY_ORG, TRICKY_UNIT, TRICKY_MEETING)), labels);
        assertTrue(text(bytes).contains("label=\"A \\\"B\\\" <C> & D\""), text(bytes));
        if (Files.isExecutable(DOT_PROGRAM)) {
            String svg = renderWithGraphviz(bytes);
            assertTrue(svg.contains("A &quot;B&quot; &lt;C&gt; &amp; D"), "Graphviz draws the name as written");
        }
    }

    @Test
    void placeMatchesTrickyNamesToo() {
        PropertyGraph g = GraphExporter.create().format(GraphFormat.DOT).place("xa <dac> 'biet'").build().read(trickyDataset());
        assertTrue(g.vertices().stream().anyMatch(v -> v.label().equals(TRICKY_PERSON)));
    }
}
