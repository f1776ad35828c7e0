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
 * organizer they chaired or attended ({@code vp:ParticipationTally}); and on each document the number of places citing
 * it ({@code vp:citedPlaceCount}). A tally is recomputed from the merged graph
 * for each organizer or person whose meetings changed; callers hold a write transaction.
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
        Set<Node> organizers = new HashSet<>(), persons = new HashSet<>();
        for (Triple t : removed) {
            if (t.getPredicate().equals(Vocab.ORGANIZER)) organizers.add(t.getObject());
            else if (t.getPredicate().equals(Vocab.CHAIR) || t.getPredicate().equals(Vocab.ATTENDEE)) persons.add(t.getObject());
        }
        for (Node s : subjects) {
            objects(dsg, s, Vocab.ORGANIZER, organizers);
            for (Node part : PARTS) objects(dsg, s, part, persons);
        }
        organizers.forEach(o -> meetings(dsg, o));
        persons.forEach(p -> participations(dsg, p));
        for (Node s : subjects) citedPlaces(dsg, s);
    }

    /** Recomputes every tally (a fresh store, or a merged graph rebuilt from scratch). */
    static void all(DatasetGraph dsg) {
        Set<Node> organizers = new HashSet<>(), persons = new HashSet<>();
        dsg.find(MERGED, Node.ANY, Vocab.ORGANIZER, Node.ANY).forEachRemaining(q -> organizers.add(q.getObject()));
        for (Node part : PARTS) dsg.find(MERGED, Node.ANY, part, Node.ANY).forEachRemaining(q -> persons.add(q.getObject()));
        organizers.forEach(o -> meetings(dsg, o));
        persons.forEach(p -> participations(dsg, p));
        Map<Node, Integer> places = new HashMap<>();
        dsg.find(MERGED, Node.ANY, Vocab.CITED_FROM, Node.ANY).forEachRemaining(q -> places.merge(q.getSubject(), 1, Integer::sum));
        dsg.deleteAny(MERGED, Node.ANY, Vocab.CITED_PLACE_COUNT, Node.ANY);
        places.forEach((doc, n) -> add(dsg, doc, Vocab.CITED_PLACE_COUNT, integer(n)));
    }

    /** Sets a document's {@code vp:citedPlaceCount}: the places it is cited from. */
    private static void citedPlaces(DatasetGraph dsg, Node doc) {
        int n = objects(dsg, doc, Vocab.CITED_FROM, new ArrayList<>()).size();
        dsg.deleteAny(MERGED, doc, Vocab.CITED_PLACE_COUNT, Node.ANY);
        if (n > 0) add(dsg, doc, Vocab.CITED_PLACE_COUNT, integer(n));
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
