package org.vietpol.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;

/**
 * Counts the build keeps in the merged graph so that whole-corpus questions read a few hundred tallies instead of
 * every meeting: meetings per organizer and year ({@code vp:MeetingTally}) and, per person, the meetings of each
 * organizer they chaired or attended ({@code vp:ParticipationTally}); meetings, documents and articles per day
 * ({@code vp:DayTally}, where newest-first lists start); on each document the number of places citing it
 * ({@code vp:citedPlaceCount}) and, per such number, how many documents have it ({@code vp:CitationTally}, where
 * most-cited lists start). A tally is recomputed from the merged graph for each organizer, person or day whose
 * meetings or documents changed; callers hold a write transaction.
 */
final class Tallies {

    private static final Node MERGED = ArticleGraph.MERGED_NODE;
    private static final Node[] PARTS = {Vocab.CHAIR, Vocab.ATTENDEE};

    private Tallies() {}

    /**
     * Recomputes the tallies that statements about these subjects, or the removed statements, can change: those of
     * the organizers and participants of the meetings among them, as the merged graph now has them or as the
     * removed statements had them.
     */
    static void update(DatasetGraph dsg, Collection<Node> subjects, Collection<Triple> removed) {
        Set<Node> organizers = new HashSet<>(), persons = new HashSet<>(), days = new HashSet<>();
        for (Triple t : removed) {
            Node p = t.getPredicate();
            if (p.equals(Vocab.ORGANIZER)) organizers.add(t.getObject());
            else if (p.equals(Vocab.CHAIR) || p.equals(Vocab.ATTENDEE)) persons.add(t.getObject());
            else if (p.equals(Vocab.DATE) || p.equals(Vocab.ISSUED)) days.add(t.getObject());
        }
        for (Node s : subjects) {
            objects(dsg, s, Vocab.ORGANIZER, organizers);
            for (Node part : PARTS) objects(dsg, s, part, persons);
            objects(dsg, s, Vocab.DATE, days);
            objects(dsg, s, Vocab.ISSUED, days);
        }
        organizers.forEach(o -> meetings(dsg, o));
        persons.forEach(p -> participations(dsg, p));
        days.forEach(d -> day(dsg, d));
        Set<Node> placeCounts = new HashSet<>();
        for (Node s : subjects) citedPlaces(dsg, s, placeCounts);
        placeCounts.forEach(n -> citations(dsg, n));
    }

    /** Recomputes every tally (a fresh store, or a merged graph rebuilt from scratch). */
    static void all(DatasetGraph dsg) {
        Set<Node> organizers = new HashSet<>(), persons = new HashSet<>();
        dsg.find(MERGED, Node.ANY, Vocab.ORGANIZER, Node.ANY).forEachRemaining(q -> organizers.add(q.getObject()));
        for (Node part : PARTS) dsg.find(MERGED, Node.ANY, part, Node.ANY).forEachRemaining(q -> persons.add(q.getObject()));
        organizers.forEach(o -> meetings(dsg, o));
        persons.forEach(p -> participations(dsg, p));
        for (Node t : subjects(dsg, Vocab.TYPE, Vocab.DAY_TALLY)) dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
        Set<Node> days = new HashSet<>();
        dsg.find(MERGED, Node.ANY, Vocab.DATE, Node.ANY).forEachRemaining(q -> days.add(q.getObject()));
        dsg.find(MERGED, Node.ANY, Vocab.ISSUED, Node.ANY).forEachRemaining(q -> days.add(q.getObject()));
        days.forEach(d -> day(dsg, d));
        Map<Node, Integer> places = new HashMap<>();
        dsg.find(MERGED, Node.ANY, Vocab.CITED_FROM, Node.ANY).forEachRemaining(q -> places.merge(q.getSubject(), 1, Integer::sum));
        dsg.deleteAny(MERGED, Node.ANY, Vocab.CITED_PLACE_COUNT, Node.ANY);
        places.forEach((doc, n) -> add(dsg, doc, Vocab.CITED_PLACE_COUNT, integer(n)));
        for (Node t : subjects(dsg, Vocab.TYPE, Vocab.CITATION_TALLY)) dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
        new HashSet<>(places.values()).forEach(n -> citations(dsg, integer(n)));
    }

    /**
     * Sets a document's {@code vp:citedPlaceCount}, the places it is cited from, and gives back the counts whose
     * citation tallies change (the old one and the new one).
     */
    private static void citedPlaces(DatasetGraph dsg, Node doc, Set<Node> changed) {
        int n = objects(dsg, doc, Vocab.CITED_FROM, new ArrayList<>()).size();
        objects(dsg, doc, Vocab.CITED_PLACE_COUNT, changed);
        dsg.deleteAny(MERGED, doc, Vocab.CITED_PLACE_COUNT, Node.ANY);
        if (n > 0) {
            add(dsg, doc, Vocab.CITED_PLACE_COUNT, integer(n));
            changed.add(integer(n));
        }
    }

    /** Sets the tally of the documents cited from {@code places} places; none when there are no such documents. */
    private static void citations(DatasetGraph dsg, Node places) {
        Node t = NodeFactory.createURI(Vocab.ID + "tally/documents-cited-from-" + places.getLiteralLexicalForm() + "-places");
        dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
        long n = GraphStore.count(dsg, MERGED, Node.ANY, Vocab.CITED_PLACE_COUNT, places);
        if (n == 0) return;
        add(dsg, t, Vocab.TYPE, Vocab.CITATION_TALLY);
        add(dsg, t, Vocab.PLACE_COUNT, places);
        add(dsg, t, Vocab.DOCUMENTS_CITED, integer(n));
    }

    /** Sets the tally of one day: the meetings held, documents issued and articles published on it; none if nothing. */
    private static void day(DatasetGraph dsg, Node date) {
        if (!date.isLiteral() || !XSDDatatype.XSDdate.getURI().equals(date.getLiteralDatatypeURI())) return;
        Node t = NodeFactory.createURI(Vocab.ID + "day/" + date.getLiteralLexicalForm());
        dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
        int meetings = 0, documents = 0, articles = 0;
        for (Node m : subjects(dsg, Vocab.DATE, date)) if (dsg.contains(MERGED, m, Vocab.TYPE, Vocab.MEETING)) meetings++;
        // articles and documents both have a dcterms:issued
        for (Node d : subjects(dsg, Vocab.ISSUED, date)) {
            if (dsg.find(MERGED, d, Vocab.DOCUMENT_NUMBER, Node.ANY).hasNext()) documents++;
            else if (dsg.contains(MERGED, d, Vocab.TYPE, Vocab.NEWS_ARTICLE)) articles++;
        }
        if (meetings + documents + articles == 0) return;
        add(dsg, t, Vocab.TYPE, Vocab.DAY_TALLY);
        add(dsg, t, Vocab.DAY, date);
        if (meetings > 0) add(dsg, t, Vocab.MEETINGS_HELD, integer(meetings));
        if (documents > 0) add(dsg, t, Vocab.DOCUMENTS_ISSUED, integer(documents));
        if (articles > 0) add(dsg, t, Vocab.ARTICLES_PUBLISHED, integer(articles));
    }

    private static void meetings(DatasetGraph dsg, Node organizer) {
        deleteTallies(dsg, organizer, Vocab.MEETING_TALLY);
        Map<String, Integer> perYear = new TreeMap<>();
        for (Node m : subjects(dsg, Vocab.ORGANIZER, organizer))
            for (String y : years(dsg, m)) perYear.merge(y, 1, Integer::sum);
        perYear.forEach((year, n) -> {
            Node t = NodeFactory.createURI(organizer.getURI() + "#meetings-" + (year.isEmpty() ? "undated" : year));
            add(dsg, t, Vocab.TYPE, Vocab.MEETING_TALLY);
            add(dsg, t, Vocab.TALLY_OF, organizer);
            if (!year.isEmpty()) add(dsg, t, Vocab.YEAR, integer(Integer.parseInt(year)));
            add(dsg, t, Vocab.MEETING_COUNT, integer(n));
        });
    }

    private static void participations(DatasetGraph dsg, Node person) {
        deleteTallies(dsg, person, Vocab.PARTICIPATION_TALLY);
        for (Node part : PARTS) {
            Map<Node, Integer> count = new HashMap<>();
            Map<Node, Node> latest = new HashMap<>();
            for (Node m : subjects(dsg, part, person)) {
                Node last = null;
                for (Node d : objects(dsg, m, Vocab.DATE, new ArrayList<>()))
                    if (last == null || d.getLiteralLexicalForm().compareTo(last.getLiteralLexicalForm()) > 0) last = d;
                for (Node o : objects(dsg, m, Vocab.ORGANIZER, new ArrayList<>())) {
                    count.merge(o, 1, Integer::sum);
                    Node was = latest.get(o);
                    if (last != null && (was == null || last.getLiteralLexicalForm().compareTo(was.getLiteralLexicalForm()) > 0))
                        latest.put(o, last);
                }
            }
            count.forEach((o, n) -> {
                Node t = NodeFactory.createURI(person.getURI() + "#" + part.getLocalName() + "-" + o.getURI());
                add(dsg, t, Vocab.TYPE, Vocab.PARTICIPATION_TALLY);
                add(dsg, t, Vocab.TALLY_OF, person);
                add(dsg, t, Vocab.TALLY_ORGANIZER, o);
                add(dsg, t, Vocab.PART, part);
                add(dsg, t, Vocab.MEETING_COUNT, integer(n));
                if (latest.containsKey(o)) add(dsg, t, Vocab.LATEST_DATE, latest.get(o));
            });
        }
    }

    /**
     * The years a meeting counts in: those of its dates; without a date, those of the articles stating it; "" when
     * neither gives one.
     */
    private static Set<String> years(DatasetGraph dsg, Node meeting) {
        Set<String> years = new HashSet<>();
        for (Node d : objects(dsg, meeting, Vocab.DATE, new ArrayList<>())) years.add(year(d));
        if (years.isEmpty())
            for (Node a : objects(dsg, meeting, Vocab.DERIVED_FROM, new ArrayList<>()))
                for (Node p : objects(dsg, a, Vocab.ISSUED, new ArrayList<>())) years.add(year(p));
        if (years.isEmpty()) years.add("");
        return years;
    }

    private static String year(Node date) {
        String s = date.isLiteral() ? date.getLiteralLexicalForm() : "";
        return s.length() >= 4 && s.chars().limit(4).allMatch(Character::isDigit) ? s.substring(0, 4) : "";
    }

    private static void deleteTallies(DatasetGraph dsg, Node of, Node kind) {
        for (Node t : subjects(dsg, Vocab.TALLY_OF, of))
            if (dsg.contains(MERGED, t, Vocab.TYPE, kind)) dsg.deleteAny(MERGED, t, Node.ANY, Node.ANY);
    }

    private static List<Node> subjects(DatasetGraph dsg, Node p, Node o) {
        List<Node> out = new ArrayList<>();
        for (Iterator<Quad> it = dsg.find(MERGED, Node.ANY, p, o); it.hasNext(); ) out.add(it.next().getSubject());
        return out;
    }

    private static <C extends Collection<Node>> C objects(DatasetGraph dsg, Node s, Node p, C into) {
        for (Iterator<Quad> it = dsg.find(MERGED, s, p, Node.ANY); it.hasNext(); ) into.add(it.next().getObject());
        return into;
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.add(MERGED, s, p, o);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
