package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Meetings (hội nghị, kỳ họp, đại hội) the article reports as events. A meeting noun counts when an event word
 * stands shortly before it ("tổ chức", "tại", "dự", "chủ trì") and no citation word directly before it
 * ("Nghị quyết Đại hội ..."). Its organizer is, in order: the body that "tổ chức" it; the body named right
 * after it ("Hội nghị lần thứ 11 Ban Chấp hành Đảng bộ TP. Hà Nội"); the body after "của"; the chair's body;
 * the article's own Party committee. Mentions of one meeting across the article are merged.
 */
final class MeetingFinder {
    /** One meeting mention. {@code explicit} when the organizer was read from the text around it. */
    record Candidate(String type, OrgRef organizer, boolean explicit, LocalDate date, Set<String> chairs,
                     Set<String> attendees, Mention mention) {}

    private static final int CUE_WINDOW = 6;
    private static final int CUA_WINDOW = 14;

    private final Lexicon lex;
    private final Places places;
    private final Unit locality;

    private final Integer year;

    /** {@code year}: of the article's publication or dateline, for dates written without one; may be null. */
    MeetingFinder(Lexicon lex, Places places, Unit locality, Integer year) {
        this.lex = lex;
        this.places = places;
        this.locality = locality;
        this.year = year;
    }

    List<Candidate> find(String text, Sentences.Span span, List<Token> tokens, SentenceReader.Reading r,
                         List<DateFinder.Found> docDates, List<Position> positionsSoFar) {
        List<Candidate> out = new ArrayList<>();
        Set<String> chairs = new LinkedHashSet<>(), attendees = new LinkedHashSet<>();
        boolean attending = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (lex.attendWords.longest(tokens, i) != null) attending = true;
            PhraseTable.Match<String> ch = lex.chairWords.longest(tokens, i);
            if (ch != null) {
                SentenceReader.NameItem n = nameEndingAt(r, i);
                if (n != null) chairs.add(n.name());
            }
        }
        if (attending) {
            for (Position p : r.positions()) if (!chairs.contains(p.person())) attendees.add(p.person());
        }
        Boolean future = null;
        for (int i = 0; i < tokens.size(); i++) {
            PhraseTable.Match<String> noun = lex.meetingNouns.longest(tokens, i);
            if (noun == null || citedBefore(tokens, i) || !eventCue(text, span, tokens, i)) continue;
            if (future == null) future = lex.anyWord("future", tokens, 0, tokens.size());
            if (future) continue; // "Đại hội sẽ bế mạc vào ngày 30/9": not held yet
            int end = i + noun.length();
            OrgRef org = organizerBefore(r, tokens, i);
            if (org == null) org = organizerAfter(r, tokens, end);
            if (org == null) org = organizerAfterCua(r, tokens, end);
            boolean explicit = org != null;
            LocalDate date = firstDate(text, span, docDates);
            Token a = tokens.get(i), b = tokens.get(end - 1);
            out.add(new Candidate(noun.value(), org, explicit, date, chairs, attendees,
                    new Mention(a.start(), b.end(), span.start(), span.end(), explicit ? "meeting-organizer" : "meeting")));
        }
        if (out.isEmpty() && (!chairs.isEmpty() || !attendees.isEmpty())) {
            // "Tham dự có đồng chí X ..." or "X chủ trì" without a meeting noun still tells who was at the article's meeting
            out.add(new Candidate(null, null, false, null, chairs, attendees, null));
        }
        return out;
    }

    private static SentenceReader.NameItem nameEndingAt(SentenceReader.Reading r, int i) {
        for (SentenceReader.NameItem n : r.names()) if (n.to() == i) return n;
        return null;
    }

    private boolean citedBefore(List<Token> tokens, int i) {
        for (int len = 1; len <= 3 && i - len >= 0; len++) {
            PhraseTable.Match<String> m = lex.notBeforeMeeting.longest(tokens, i - len);
            if (m != null && m.length() == len) return true;
        }
        return false;
    }

    /** An event word shortly before the noun, or a date earlier in the sentence ("Sáng 3/12, Hội nghị Tỉnh ủy ..."). */
    private boolean eventCue(String text, Sentences.Span span, List<Token> tokens, int i) {
        if (i == 0) return true;
        int nounStart = tokens.get(i).start();
        if (!DateFinder.find(text, span.start(), nounStart).isEmpty()
                || !DateFinder.findPartial(text, span.start(), nounStart, 2000).isEmpty()) return true;
        for (int k = Math.max(0, i - CUE_WINDOW); k < i; k++) {
            PhraseTable.Match<String> m = lex.meetingCues.longest(tokens, k);
            if (m != null && k + m.length() <= i) return true;
        }
        return false;
    }

    /** "Ban Thường vụ Thành ủy tổ chức hội nghị": a body shortly before, with only event words between. */
    private OrgRef organizerBefore(SentenceReader.Reading r, List<Token> tokens, int noun) {
        for (SentenceReader.Item it : r.items()) {
            if (!(it instanceof SentenceReader.BodyItem b) || b.to() > noun || noun - b.to() > 4) continue;
            boolean cue = false, other = false;
            for (int k = b.to(); k < noun; ) {
                PhraseTable.Match<String> m = lex.meetingCues.longest(tokens, k);
                if (m != null) { cue = true; k += m.length(); }
                else if (lex.word("filler", tokens, k) > 0) k += lex.word("filler", tokens, k);
                else { other = true; break; }
            }
            if (cue && !other) return b.org();
        }
        return null;
    }

    /** "Hội nghị lần thứ 11 Ban Chấp hành ...", "Kỳ họp thứ 12 HĐND tỉnh", "Đại hội đại biểu Đảng bộ tỉnh". */
    private OrgRef organizerAfter(SentenceReader.Reading r, List<Token> tokens, int end) {
        int k = end;
        while (k < tokens.size() && skippable(tokens, k)) k++;
        for (SentenceReader.Item it : r.items()) {
            if (it.from() == k && it instanceof SentenceReader.BodyItem b) return b.org();
        }
        return null;
    }

    private boolean skippable(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return lex.word("ordinal", tokens, k) == 1 || t.text().chars().allMatch(Character::isDigit)
                || t.text().matches("[IVXLC]+");
    }

    /** "hội nghị kiểm điểm ... của ... Ban Thường vụ Thành ủy Uông Bí": the first body after "của" in the clause. */
    private OrgRef organizerAfterCua(SentenceReader.Reading r, List<Token> tokens, int end) {
        int cua = -1;
        for (int k = end; k < tokens.size() && k < end + CUA_WINDOW; k++) {
            String t = tokens.get(k).text();
            if (t.equals(";") || t.equals(".") || startsItem(r, k)) break;
            if (lex.word("of", tokens, k) > 0) { cua = k; break; }
        }
        if (cua < 0) return null;
        // only a local body: "Kỳ họp thứ 18, căn cứ ý kiến của Ban Bí thư" does not make the Secretariat its host
        for (SentenceReader.Item it : r.items()) {
            if (it.from() <= cua) continue;
            OrgRef o = it instanceof SentenceReader.BodyItem b ? b.org() : it instanceof SentenceReader.TitleItem t ? t.org() : null;
            if (o != null) return o.unit().isCountry() ? null : o;
        }
        return null;
    }

    private static boolean startsItem(SentenceReader.Reading r, int k) {
        for (SentenceReader.Item it : r.items()) if (it.from() == k) return true;
        return false;
    }

    private LocalDate firstDate(String text, Sentences.Span span, List<DateFinder.Found> docDates) {
        for (DateFinder.Found f : DateFinder.find(text, span.start(), span.end())) {
            boolean ofDocument = docDates.stream().anyMatch(d -> d.end() >= f.end() && d.start() <= f.start());
            if (!ofDocument) return f.date();
        }
        for (DateFinder.Found f : DateFinder.findPartial(text, span.start(), span.end(), year)) {
            boolean ofDocument = docDates.stream().anyMatch(d -> f.start() <= d.start() && d.start() < f.end());
            if (!ofDocument) return f.date();
        }
        return null;
    }

    /** Merges the mentions of one article into meetings. */
    List<MeetingFact> merge(List<Candidate> mentions, List<Position> positions) {
        List<String> allChairs = new ArrayList<>();
        List<String> allAttendees = new ArrayList<>();
        for (Candidate c : mentions) {
            for (String ch : c.chairs()) if (!allChairs.contains(ch)) allChairs.add(ch);
            for (String a : c.attendees()) if (!allAttendees.contains(a)) allAttendees.add(a);
        }
        List<Candidate> real = new ArrayList<>();
        for (Candidate c : mentions) if (c.mention() != null) real.add(c);
        if (real.isEmpty()) return List.of();

        List<Acc> meetings = new ArrayList<>();
        for (Candidate c : real) {
            Acc target = null;
            for (Acc m : meetings) {
                boolean orgOk = !c.explicit() || m.organizer == null || m.organizer.sameAs(c.organizer());
                boolean dateOk = c.date() == null || m.date == null || m.date.equals(c.date());
                // a congress and the first plenum it elects are two meetings of one body
                boolean typeOk = !c.explicit() || m.type == null || m.type.equals(c.type());
                if (orgOk && dateOk && typeOk) target = m;
            }
            if (target == null || (c.explicit() && target.organizer != null && !target.organizer.sameAs(c.organizer()))
                    || (c.explicit() && target.type != null && !target.type.equals(c.type()))) {
                target = new Acc(c);
                meetings.add(target);
            }
            target.add(c);
        }
        List<MeetingFact> out = new ArrayList<>();
        for (Acc m : meetings) {
            OrgRef org = m.organizer;
            if (org == null) org = chairsBody(allChairs, positions);
            if (org == null && locality != null) org = places.partyCommittee(locality);
            if (org == null) continue;
            List<String> chairs = new ArrayList<>(m.chairs);
            for (String ch : allChairs) if (!chairs.contains(ch) && meetings.size() == 1) chairs.add(ch);
            List<String> attendees = new ArrayList<>(m.attendees);
            if (meetings.size() == 1) for (String a : allAttendees) if (!attendees.contains(a)) attendees.add(a);
            attendees.removeAll(chairs);
            out.add(new MeetingFact(m.type, org, m.date, chairs, attendees, m.mention));
        }
        return out;
    }

    private static OrgRef chairsBody(List<String> chairs, List<Position> positions) {
        for (String ch : chairs) {
            for (Position p : positions) if (p.person().equals(ch)) return p.org();
        }
        return null;
    }

    private static final class Acc {
        final String type;
        OrgRef organizer;
        LocalDate date;
        Mention mention;
        final Set<String> chairs = new LinkedHashSet<>(), attendees = new LinkedHashSet<>();

        Acc(Candidate c) {
            this.type = c.type();
            this.mention = c.mention();
        }

        void add(Candidate c) {
            if (organizer == null && c.explicit()) {
                organizer = c.organizer();
                mention = c.mention(); // the evidence that names the organizer
            }
            if (date == null) date = c.date();
            chairs.addAll(c.chairs());
            attendees.addAll(c.attendees());
        }
    }
}
