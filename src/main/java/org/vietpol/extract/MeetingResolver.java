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
 * that is not a cited document's nor outside the article's time (after its date, or more than a year before),
 * else the date standing at the head of its paragraph ("Chiều ngày 15/1/2026, ..."); a mention whose sentence
 * gives only dates outside that time is a coming or a historic meeting, not one the article reports. Mentions
 * of one meeting merge: same organizer (when both name one), dates that agree; an undated mention naming another
 * body of a meeting's place joins it; a congress and the plenum it elects stay two; mentions of one type and organizer dated a few days apart are one meeting over several days,
 * dated by its first. A meeting with no organizer read around it takes the body whose hall it is held in (unless
 * that body is of a unit inside the article's place), else
 * its chair's body, else the article's Party committee. Chairs are the names the grammar read as chairing;
 * attendees the persons with titles in sentences that say who attended.
 */
final class MeetingResolver implements Annotator {
    private static final Layer<Layers.Sense> ATTEND = Layers.sense("meeting-attend");
    private static final Layer<Layers.Sense> CUE = Layers.sense("meeting-cue");
    /**
     * The grammar rule (meetings.rules) reading a plenum from its results told to a congress ("thông báo kết quả
     * Hội nghị lần thứ nhất"): the day of its sentence is the day of the telling, not of the plenum.
     */
    static final String RESULTS_RULE = "first-plenum-results";
    /** How far after a meeting its own date may stand: "Hội nghị lần thứ nhất ... (diễn ra chiều 23-9)". */
    private static final int OWN_DATE_WITHIN = 32;
    /** Below this, a rule read only the hall the meeting is held in, not who holds it. */
    private static final double WEAK_ORGANIZER = 0.5;
    /** Dates of one meeting over several days ("từ ngày 12 đến 14/10") lie at most this many days apart. */
    private static final int SEVERAL_DAYS = 3;

    @Override public String name() { return "meetings"; }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.MEETING, Layers.DATE, Layers.MONTH, Layers.DOCUMENT, Layers.CHAIR, Layers.ATTACHMENT, ATTEND, Layers.LOCALITY, Layers.NATIONAL,
                Layers.ARTICLE_DATE, CUE, Layers.BODY, Layers.TITLE);
    }

    @Override public Set<Layer<?>> provides() { return Set.of(Layers.MEETINGS); }

    private static final class Acc {
        final String type;
        OrgRef organizer, venue, central;
        LocalDate date;
        Mention mention;
        final boolean firstPlenum;
        final Set<String> chairs = new LinkedHashSet<>(), attendees = new LinkedHashSet<>();

        Acc(String type, Mention mention, boolean firstPlenum) {
            this.type = type;
            this.mention = mention;
            this.firstPlenum = firstPlenum;
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
            LocalDate published = doc.get(Layers.ARTICLE_DATE);
            if (onlyOutOfTime(doc, s, published)) continue;
            // its own date standing after it wins; a plenum read from its results takes no other
            boolean results = RESULTS_RULE.equals(mm.rule());
            LocalDate date = ownDate(doc, m, s, published);
            if (date == null && !results) date = meetingDate(doc, s, published);
            if (date == null && !results && m.from() == s.from()) date = leadDate(doc, s, published);
            boolean firstPlenum = results;
            boolean weak = mm.organizer() != null && mm.confidence() < WEAK_ORGANIZER;
            boolean explicit = mm.organizer() != null && !weak;
            Mention mention = new Mention(doc.charStart(m.from()), doc.charEnd(m.to()), doc.charStart(s.from()),
                    doc.charEnd(s.to()), mm.rule(), mm.confidence());
            // one meeting per organizer and day: a mention without a date joins the meeting of its organizer (the
            // last one named), a dated one the meeting of that day
            Acc target = null;
            for (Acc a : meetings) {
                boolean orgOk = !explicit || a.organizer == null || a.organizer.sameAs(mm.organizer());
                boolean dateOk = date == null || a.date == null || a.date.equals(date);
                // a congress and the first plenum it elects are two events (one tuple when on one day)
                boolean kindOk = (!firstPlenum && !a.firstPlenum) || java.util.Objects.equals(a.type, mm.type());
                // of several that fit, one of the mention's own kind
                if (orgOk && dateOk && kindOk && (target == null || java.util.Objects.equals(a.type, mm.type())
                        || !java.util.Objects.equals(target.type, mm.type()))) {
                    target = a;
                }
            }
            // an undated mention naming another body of the same place ("Ban Thường vụ Tỉnh ủy chủ trì hội nghị"
            // after "Hội nghị Ban Chấp hành Đảng bộ tỉnh") speaks of the meeting already told
            if (target == null && date == null && explicit && !firstPlenum) {
                for (Acc a : meetings) {
                    if (a.organizer != null && a.organizer.unit().id().equals(mm.organizer().unit().id()) && !a.firstPlenum) target = a;
                }
            }
            if (target == null) {
                target = new Acc(mm.type(), mention, firstPlenum);
                meetings.add(target);
            }
            if (target.organizer == null && explicit) {
                target.organizer = mm.organizer();
                target.mention = mention; // the evidence that names the organizer
            }
            if (weak && target.venue == null) target.venue = mm.organizer();
            if (target.central == null) target.central = centralBody(doc, s);
            if (target.date == null) target.date = date;
            target.chairs.addAll(chairs(doc, s));
            target.attendees.addAll(attendees(doc, s));
        }
        List<MeetingFact> out = new ArrayList<>();
        java.util.Set<MeetingFact> plenums = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Unit locality = Boolean.TRUE.equals(doc.get(Layers.NATIONAL)) ? null : doc.get(Layers.LOCALITY);
        OrgRef chairsBody = chairsBody(doc, allChairs);
        OrgRef mainCentral = mainCentralBody(doc);
        for (Acc m : meetings) {
            OrgRef org = m.organizer;
            // the hall of a body inside the article's place (a city's, in a provincial story) hosts the province's
            // event as often as its own
            if (org == null && m.venue != null && (locality == null || !locality.id().equals(m.venue.unit().parent()))) org = m.venue;
            // a central leader chairing a meeting in a province does not make it a central body's meeting
            if (org == null && chairsBody != null && (!chairsBody.unit().isCountry() || locality == null || locality.isCountry())) {
                org = chairsBody;
            }
            // national news, no place of its own: the central body acting in the meeting's sentence
            if (org == null && (locality == null || locality.isCountry())) org = m.central;
            // or, none there, the central body the article names most outside titles ("phiên họp chiều 26/7" of a
            // story about the Quốc hội)
            if (org == null && (locality == null || locality.isCountry())) org = mainCentral;
            if (org == null && locality != null) org = new OrgRef("PartyCommittee", locality, null, null);
            if (org == null) continue;
            List<String> chairs = new ArrayList<>(m.chairs);
            if (meetings.size() == 1) for (String c : allChairs) if (!chairs.contains(c)) chairs.add(c);
            List<String> attendees = new ArrayList<>(m.attendees);
            if (meetings.size() == 1) for (String a : allAttendees) if (!attendees.contains(a)) attendees.add(a);
            attendees.removeAll(chairs);
            MeetingFact f = new MeetingFact(m.type, org, m.date, chairs, attendees, m.mention);
            if (m.firstPlenum) plenums.add(f);
            out.add(f);
        }
        doc.put(Layers.MEETINGS, new Layers.Meetings(undatedOfDated(severalDays(out), plenums)));
    }

    /** The central body named most often outside titles in the article (the first of equals), or null. */
    private static OrgRef mainCentralBody(AnnotatedDocument doc) {
        java.util.Map<OrgRef, Integer> n = new java.util.LinkedHashMap<>();
        for (Span<Layers.Body> b : doc.spans(Layers.BODY)) {
            if (b.value().org().unit().isCountry() && doc.covering(Layers.TITLE, b.from()) == null) n.merge(b.value().org(), 1, Integer::sum);
        }
        OrgRef best = null;
        for (var e : n.entrySet()) if (best == null || e.getValue() > n.get(best)) best = e.getKey();
        return best;
    }

    /** The first central body a sentence names outside a title ("..., Quốc hội đã kiện toàn ..."), or null. */
    private static OrgRef centralBody(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        for (Span<Layers.Body> b : doc.within(Layers.BODY, s.from(), s.to())) {
            if (b.value().org().unit().isCountry() && doc.covering(Layers.TITLE, b.from()) == null) return b.value().org();
        }
        return null;
    }

    /**
     * An undated meeting of a place that also has a dated one is, far more often than not, that meeting told again
     * ("Tại hội nghị, ..."): it goes. The first plenum a congress elects, read from its results, stays undated.
     */
    private static List<MeetingFact> undatedOfDated(List<MeetingFact> in, java.util.Set<MeetingFact> plenums) {
        List<MeetingFact> out = new ArrayList<>();
        for (MeetingFact m : in) {
            boolean dup = m.date() == null && !plenums.contains(m) && in.stream().anyMatch(o -> o != m && o.date() != null
                    && o.organizer().unit().equals(m.organizer().unit()));
            if (!dup) out.add(m);
        }
        return out;
    }

    /** Meetings of one type and organizer dated a few days apart are one meeting over those days: its first. */
    private static List<MeetingFact> severalDays(List<MeetingFact> in) {
        List<MeetingFact> out = new ArrayList<>();
        for (MeetingFact m : in) {
            boolean later = false;
            for (MeetingFact o : in) {
                if (o == m || m.date() == null || o.date() == null || !o.date().isBefore(m.date())) continue;
                if (java.util.Objects.equals(o.type(), m.type()) && o.organizer().sameAs(m.organizer())
                        && !o.date().plusDays(SEVERAL_DAYS).isBefore(m.date())) later = true;
            }
            if (!later) out.add(m);
        }
        return out;
    }

    /**
     * The date standing shortly after the meeting with a meeting word between ("Hội nghị lần thứ nhất Ban Chấp hành
     * Đảng bộ tỉnh (diễn ra chiều 23-9)", "phiên họp thứ nhất ..., diễn ra vào chiều ngày 27/10"): the meeting's own,
     * whatever date heads the sentence. Null when none, or when another meeting stands between.
     */
    private static LocalDate ownDate(AnnotatedDocument doc, Span<Layers.MeetingMention> m, Span<AnnotatedDocument.Sentence> s,
                                     LocalDate published) {
        int end = Math.min(s.to(), m.to() + OWN_DATE_WITHIN);
        for (Span<Layers.DateValue> x : doc.within(Layers.DATE, m.to(), end)) {
            if (cited(doc, x) || !inTime(x.value().date(), published) || anniversary(doc, s, x)) continue;
            if (!doc.any(CUE, m.to(), x.from()) || doc.any(Layers.MEETING, m.to(), x.from())) return null;
            return x.value().date();
        }
        return null;
    }

    /** The date is another meeting's own: "đại hội nghe kết quả Hội nghị lần thứ nhất (diễn ra chiều 14/10)". */
    private static boolean ownedByAnother(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, Span<Layers.DateValue> x,
                                          LocalDate published) {
        for (Span<Layers.MeetingMention> o : doc.within(Layers.MEETING, s.from(), x.from())) {
            LocalDate own = ownDate(doc, o, s, published);
            if (own != null && own.equals(x.value().date()) && doc.any(CUE, o.to(), x.from())) return true;
        }
        return false;
    }

    /** A date the article can report a meeting held on: not after the article's date, nor a year before it. */
    private static boolean inTime(LocalDate d, LocalDate published) {
        return published == null || !d.isAfter(published) && !d.isBefore(published.minusYears(1));
    }

    /** The sentence gives dates, all outside the article's time: it tells of a coming or a historic meeting. */
    private static boolean onlyOutOfTime(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, LocalDate published) {
        boolean any = false;
        for (Span<Layers.DateValue> x : doc.within(Layers.DATE, s.from(), s.to())) {
            if (cited(doc, x)) continue;
            if (inTime(x.value().date(), published)) return false;
            any = true;
        }
        // a month over before the article's time ("Tại kỳ họp thứ nhất vào tháng 7/2021"): a career's history
        for (Span<LocalDate> x : doc.within(Layers.MONTH, s.from(), s.to())) {
            if (published == null || !x.value().isBefore(published.minusDays(10))) return false;
            any = true;
        }
        return any;
    }

    /** A date paired with one of long ago: the span an anniversary celebrates ("(19.8.1945 - 19.8.2025)"). */
    private static boolean anniversary(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, Span<Layers.DateValue> x) {
        for (Span<Layers.DateValue> o : doc.within(Layers.DATE, Math.max(s.from(), x.from() - 10), Math.min(s.to(), x.to() + 10))) {
            if (o != x && Math.abs(o.value().date().getYear() - x.value().date().getYear()) >= 5) return true;
        }
        return false;
    }

    /**
     * A sentence that opens with its meeting ("Cuộc họp do ông A chủ trì", "Hội nghị có sự tham dự của ...") goes on
     * from the sentence before, which told the event and its day ("Chiều nay (2/1), lãnh đạo tỉnh đã họp với ..."):
     * that sentence's one date, when it names no meeting of its own.
     */
    private static LocalDate leadDate(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, LocalDate published) {
        int i = s.value().index() - 1;
        if (i < 0) return null;
        Span<AnnotatedDocument.Sentence> prev = doc.sentences().get(i);
        if (!doc.within(Layers.MEETING, prev.from(), prev.to()).isEmpty()) return null;
        LocalDate found = null;
        for (Span<Layers.DateValue> x : doc.within(Layers.DATE, prev.from(), prev.to())) {
            if (cited(doc, x) || !inTime(x.value().date(), published)) continue;
            if (found != null && !found.equals(x.value().date())) return null;
            found = x.value().date();
        }
        return found;
    }

    /** As {@link #date}, but only dates within the article's time, and not those a cited document owns. */
    private static LocalDate meetingDate(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, LocalDate published) {
        for (Span<Layers.DateValue> x : doc.within(Layers.DATE, s.from(), s.to())) {
            if (!cited(doc, x) && inTime(x.value().date(), published) && !ownedByAnother(doc, s, x, published)
                    && !anniversary(doc, s, x)) {
                return x.value().date();
            }
        }
        for (int i = s.value().index() - 1; i >= 0 && !s.value().opensParagraph(); i--) {
            Span<AnnotatedDocument.Sentence> prev = doc.sentences().get(i);
            if (prev.value().opensParagraph()) {
                for (Span<Layers.DateValue> x : doc.within(Layers.DATE, prev.from(), Math.min(prev.to(), prev.from() + 6))) {
                    if (!cited(doc, x) && inTime(x.value().date(), published)) return x.value().date();
                }
                break;
            }
        }
        return null;
    }

    /**
     * A document's date: right after its number, or in a parenthesis opened after it ("Chỉ thị 46-CT/TW (Bộ Chính
     * trị, ngày 16/5/2025)").
     */
    private static boolean cited(AnnotatedDocument doc, Span<Layers.DateValue> date) {
        if (ofDocument(doc, date)) return true;
        for (Span<Layers.DocumentMention> d : doc.within(Layers.DOCUMENT, doc.sentenceAt(date.from()).from(), date.from())) {
            String between = doc.text(d.to(), date.from());
            if (date.from() - d.to() <= 10 && between.strip().startsWith("(") && !between.contains(")")) return true;
        }
        return false;
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
