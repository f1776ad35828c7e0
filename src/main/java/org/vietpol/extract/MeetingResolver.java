package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;

/**
 * Turns the meeting mentions of an article into meetings. A mention's date is the first date of its sentence
 * that is not a cited document's, else the date standing at the head of its paragraph ("Chiều ngày 15/1/2026,
 * ..."). Mentions of one meeting merge: same organizer (when both name one), same type, dates that agree; a
 * congress and the plenum it elects stay two. A meeting with no organizer read around it takes its chair's
 * body, else the article's Party committee. Chairs are the names the grammar read as chairing; attendees the
 * persons with titles in sentences that say who attended.
 */
final class MeetingResolver implements Annotator {
    private static final Layer<Layers.Sense> ATTEND = Layers.sense("meeting-attend");

    @Override public String name() { return "meetings"; }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.MEETING, Layers.DATE, Layers.DOCUMENT, Layers.CHAIR, Layers.ATTACHMENT, ATTEND, Layers.LOCALITY);
    }

    @Override public Set<Layer<?>> provides() { return Set.of(Layers.MEETINGS); }

    private static final class Acc {
        final String type;
        OrgRef organizer;
        LocalDate date;
        Mention mention;
        final Set<String> chairs = new LinkedHashSet<>(), attendees = new LinkedHashSet<>();

        Acc(String type, Mention mention) {
            this.type = type;
            this.mention = mention;
        }
    }

    @Override
    public void annotate(AnnotatedDocument doc) {
        List<String> allChairs = new ArrayList<>(), allAttendees = new ArrayList<>();
        for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
            for (String c : chairs(doc, s)) if (!allChairs.contains(c)) allChairs.add(c);
            for (String a : attendees(doc, s)) if (!allAttendees.contains(a)) allAttendees.add(a);
        }
        List<Acc> meetings = new ArrayList<>();
        for (Span<Layers.MeetingMention> m : doc.spans(Layers.MEETING)) {
            Layers.MeetingMention mm = m.value();
            Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(m.from());
            LocalDate date = date(doc, s);
            boolean explicit = mm.organizer() != null;
            Mention mention = new Mention(doc.charStart(m.from()), doc.charEnd(m.to()), doc.charStart(s.from()),
                    doc.charEnd(s.to()), mm.rule(), mm.confidence());
            // one meeting per organizer and day: a mention without a date joins the meeting of its organizer (the
            // last one named), a dated one the meeting of that day
            Acc target = null;
            for (Acc a : meetings) {
                boolean orgOk = !explicit || a.organizer == null || a.organizer.sameAs(mm.organizer());
                boolean dateOk = date == null || a.date == null || a.date.equals(date);
                if (orgOk && dateOk) target = a;
            }
            if (target == null) {
                target = new Acc(mm.type(), mention);
                meetings.add(target);
            }
            if (target.organizer == null && explicit) {
                target.organizer = mm.organizer();
                target.mention = mention; // the evidence that names the organizer
            }
            if (target.date == null) target.date = date;
            target.chairs.addAll(chairs(doc, s));
            target.attendees.addAll(attendees(doc, s));
        }
        List<MeetingFact> out = new ArrayList<>();
        Unit locality = doc.get(Layers.LOCALITY);
        OrgRef chairsBody = chairsBody(doc, allChairs);
        for (Acc m : meetings) {
            OrgRef org = m.organizer;
            // a central leader chairing a meeting in a province does not make it a central body's meeting
            if (org == null && chairsBody != null && (!chairsBody.unit().isCountry() || locality == null || locality.isCountry())) {
                org = chairsBody;
            }
            if (org == null && locality != null) org = new OrgRef("PartyCommittee", locality, null, null);
            if (org == null) continue;
            List<String> chairs = new ArrayList<>(m.chairs);
            if (meetings.size() == 1) for (String c : allChairs) if (!chairs.contains(c)) chairs.add(c);
            List<String> attendees = new ArrayList<>(m.attendees);
            if (meetings.size() == 1) for (String a : allAttendees) if (!attendees.contains(a)) attendees.add(a);
            attendees.removeAll(chairs);
            out.add(new MeetingFact(m.type, org, m.date, chairs, attendees, m.mention));
        }
        doc.put(Layers.MEETINGS, new Layers.Meetings(out));
    }

    /** The first date of the sentence that no cited document owns, else the date heading its paragraph. */
    static LocalDate date(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        LocalDate d = firstDate(doc, s);
        if (d != null) return d;
        for (int i = s.value().index() - 1; i >= 0 && !s.value().opensParagraph(); i--) {
            Span<AnnotatedDocument.Sentence> prev = doc.sentences().get(i);
            if (prev.value().opensParagraph()) {
                for (Span<Layers.DateValue> x : doc.within(Layers.DATE, prev.from(), Math.min(prev.to(), prev.from() + 6))) {
                    if (!ofDocument(doc, x)) return x.value().date();
                }
                break;
            }
        }
        return null;
    }

    static LocalDate firstDate(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        for (Span<Layers.DateValue> x : doc.within(Layers.DATE, s.from(), s.to())) {
            if (!ofDocument(doc, x)) return x.value().date();
        }
        return null;
    }

    /** A date standing right after a document number ("Nghị quyết số 06-NQ/TU ngày 2/12/2022"). */
    static boolean ofDocument(AnnotatedDocument doc, Span<Layers.DateValue> date) {
        for (Span<Layers.DocumentMention> d : doc.within(Layers.DOCUMENT, doc.sentenceAt(date.from()).from(), date.from())) {
            if (date.from() - d.to() <= 4) return true;
        }
        return false;
    }

    private static List<String> chairs(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        List<String> out = new ArrayList<>();
        for (Span<Layers.Name> c : doc.within(Layers.CHAIR, s.from(), s.to())) out.add(c.value().name());
        return out;
    }

    private static List<String> attendees(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        List<String> out = new ArrayList<>();
        if (!doc.any(ATTEND, s.from(), s.to())) return out;
        for (Span<Layers.Attachment> a : doc.within(Layers.ATTACHMENT, s.from(), s.to())) {
            if (!out.contains(a.value().person().name())) out.add(a.value().person().name());
        }
        return out;
    }

    private static OrgRef chairsBody(AnnotatedDocument doc, List<String> chairs) {
        for (String c : chairs) {
            for (Span<Layers.Attachment> a : doc.spans(Layers.ATTACHMENT)) {
                if (!a.value().person().name().equals(c)) continue;
                for (Span<Layers.Title> t : a.value().titles()) if (t.value().org() != null) return t.value().org();
            }
        }
        return null;
    }
}
