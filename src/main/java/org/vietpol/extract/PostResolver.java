package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;

/**
 * Decides, from the grammar's attachments, which posts each person holds once the events the article reports
 * are over, and which posts they took or left in those events:
 * <ul>
 *   <li>a bare body in a chain takes the place named later in the chain ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
 *       Quảng Trị": Quảng Trị's Tỉnh ủy);</li>
 *   <li>a title's status is the attachment's, else the status marked on its chain, else held; a title of an
 *       earlier term than the article reports for the same body is former;</li>
 *   <li>former and future titles are not held; an ended post is not held, whatever else the article says of it;
 *       a post taken is held;</li>
 *   <li>a transfer ends the posts of the body left, except memberships a move does not touch (kinds.tsv,
 *       "kept");</li>
 *   <li>a person who takes a higher post of a body no longer holds the lower one (ranks.tsv);</li>
 *   <li>a change's date is the first date of its sentence, else (a sentence opening "Theo đó") the last date of
 *       the sentence before, else the date of the nearest dated meeting, else the first dated meeting of the
 *       article.</li>
 * </ul>
 */
final class PostResolver implements Annotator {
    private static final Layer<Layers.Sense> FIRST_SESSION = Layers.sense("first-session");
    private static final Layer<Layers.Sense> ANNOUNCE = Layers.sense("announce");
    private static final Layer<Layers.Sense> ACCORDINGLY = Layers.sense("accordingly");
    private static final Layer<Layers.Sense> DECISION_WORD = Layers.sense("decision-word");
    /** How directly a change's date was read: its own sentence, a meeting it refers to, a meeting near it, none. */
    private static final int OWN = 3, REFERRED = 2, NEAR = 1, NONE = 0;
    /** How much a short reference ("ông Dũng") resolved to a full name lowers a rule's confidence. */
    static final double COREFERENCE = 0.85;

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Map<String, Set<String>> higher = new HashMap<>();
    private final Set<String> singleHolder = new HashSet<>();
    private final Set<String> plenumPosts = new HashSet<>(); // role|kind, *|kind

    PostResolver(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
        Vocabulary v = Vocabulary.defaults();
        for (DataFile.Row r : DataFile.table("ranks.tsv")) {
            if (!v.isRole(r.get(0)) || !v.isRole(r.get(1))) throw r.error("unknown role in " + r.cells());
            higher.computeIfAbsent(r.get(0), k -> new HashSet<>()).add(r.get(1));
        }
        for (DataFile.Row r : DataFile.table("posts.tsv")) {
            if (!v.isRole(r.get(0))) throw r.error("unknown role " + r.get(0));
            singleHolder.add(r.get(0));
        }
        for (DataFile.Row r : DataFile.table("plenum-posts.tsv")) {
            if (!r.get(0).equals("*") && !v.isRole(r.get(0))) throw r.error("unknown role " + r.get(0));
            if (!v.isKind(r.get(1))) throw r.error("unknown kind " + r.get(1));
            plenumPosts.add(r.get(0) + "|" + r.get(1));
        }
    }

    /** How long before the article a change its sentence dates is history rather than news. */
    static final int HISTORY_DAYS = 62;

    private boolean electedAtPlenum(Layers.Title t) {
        return plenumPosts.contains(t.role() + "|" + t.org().kind()) || plenumPosts.contains("*|" + t.org().kind());
    }

    /**
     * Whether a meeting of the article is held by a body of the title's place: a list of officers read at a ward's
     * congress is the ward's election, while the province's guests listed there ("có hai Ủy viên Ban Thường vụ Tỉnh
     * ủy là ...") keep the posts they held.
     */
    private static boolean electingPlace(AnnotatedDocument doc, Layers.Title t) {
        Layers.Meetings ms = doc.get(Layers.MEETINGS);
        if (ms == null || t.org() == null) return true;
        for (MeetingFact m : ms.list()) {
            if (m.organizer() == null || m.organizer().unit() == null || t.org().unit() == null) return true;
            if (m.organizer().unit().equals(t.org().unit())) return true;
        }
        return false;
    }

    @Override public String name() { return "posts"; }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.ATTACHMENT, Layers.STATUS, Layers.TITLE, Layers.BODY, Layers.MEETINGS, Layers.DATE,
                Layers.LOCALITY, Layers.MEETING, Layers.ARTICLE_DATE, FIRST_SESSION, ANNOUNCE, ACCORDINGLY, DECISION_WORD);
    }

    @Override public Set<Layer<?>> provides() { return Set.of(Layers.POSITIONS, Layers.FORMER_POSITIONS, Layers.CHANGES); }

    private record Stated(String person, Layers.Title title, String as, String kind, Mention mention, int at) {}

    @Override
    public void annotate(AnnotatedDocument doc) {
        Places places = new Places(lex, gaz, doc.get(Layers.LOCALITY), doc.get(Layers.ARTICLE_DATE));
        Terms terms = terms(doc);
        // a congress reported: a title of the term it opens ("Phó Bí thư Tỉnh ủy khóa XVI" at the XVI congress) is
        // taken in these events
        boolean congress = false;
        for (Span<Layers.MeetingMention> m : doc.spans(Layers.MEETING)) congress |= "đại hội".equals(m.value().type());
        // an election reported: a congress, or the first session of a body that elects its officers
        boolean election = congress || !doc.spans(FIRST_SESSION).isEmpty();
        List<Stated> stated = new ArrayList<>();
        // person|sentence -> the place of the last post with a named place the person leaves in that sentence
        Map<String, Unit> leftAt = new HashMap<>();
        for (Span<Layers.Attachment> a : doc.spans(Layers.ATTACHMENT)) {
            Layers.Attachment at = a.value();
            Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(a.from());
            String rule = at.person().resolved() ? at.rule() + "+coreference" : at.rule();
            double confidence = at.person().resolved() ? Math.round(at.confidence() * COREFERENCE * 100) / 100.0 : at.confidence();
            Mention mention = new Mention(doc.charStart(a.from()), doc.charEnd(a.to()), doc.charStart(s.from()),
                    doc.charEnd(s.to()), rule, confidence);
            List<Span<Layers.Title>> chain = placeFromChain(at.titles(), places);
            for (Span<Layers.Title> t : chain) {
                Layers.Status mark = doc.covering(Layers.STATUS, t.from()) == null ? null : markOf(doc, t);
                String as = at.as() != null ? at.as() : mark != null ? mark.as() : "held";
                String kind = at.as() != null || at.kind() != null ? at.kind() : mark != null ? mark.kind() : null;
                if (as == null) as = "held";
                if (!as.equals("start") && terms.past(t.value())) as = "former";
                if (as.equals("held") && (congress && terms.current(t.value())
                        || election && at.startsAtElection() && electingPlace(doc, t.value()))) {
                    as = "start";
                    kind = "elected";
                }
                if (as.equals("end") && "transferred".equals(kind) && lex.kind(t.value().org().kind()).keptOnTransfer()) {
                    as = "held";
                    kind = null;
                }
                // "thôi giữ chức Bí thư Tỉnh ủy Quảng Ninh, đồng thời không còn tham gia Ban Chấp hành và Ban Thường
                // vụ Tỉnh ủy": the bare bodies left are the ones of the place just left, not the article's
                Layers.Title title = t.value();
                String left = at.person().name() + "|" + s.from();
                if (as.equals("end") && title.org() != null) {
                    if (title.explicit()) {
                        if (!title.org().unit().isCountry()) leftAt.put(left, title.org().unit());
                    } else if (leftAt.containsKey(left)) {
                        OrgRef again = places.reresolve(title.org(), title.level(), leftAt.get(left));
                        if (again != null) title = title.withOrg(again);
                    }
                }
                stated.add(new Stated(at.person().name(), Terms.stated(lex, doc, new Span<>(t.from(), t.to(), title), as), as, kind, mention, a.from()));
            }
        }
        stated = leaveAll(doc, stated);
        stated = settle(stated);
        Map<String, Position> positions = new LinkedHashMap<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        // past posts ("nguyên Bí thư Tỉnh ủy X"): not held, but what tells one person's career from a namesake's
        Map<String, Position> former = new LinkedHashMap<>();
        // how directly each change's date was read (OWN, REFERRED, NEAR, NONE)
        Map<Change, Integer> priority = new java.util.IdentityHashMap<>();
        Set<String> ended = new HashSet<>();
        Map<String, Set<String>> taken = new HashMap<>(); // person|org -> roles started
        LocalDate plenum = plenumDate(doc);
        LocalDate published = doc.get(Layers.ARTICLE_DATE);
        for (Stated x : stated) {
            String post = x.person() + "|" + x.title().role() + "|" + x.title().org().key();
            switch (x.as()) {
                case "end" -> {
                    ended.add(post);
                    Change c = change(doc, x, Change.END, priority);
                    if (!history(c, priority, published)) changes.merge("end|" + post, c, (a, b) -> dated(a, b, priority));
                }
                case "start" -> {
                    Change c = change(doc, x, Change.START, priority);
                    if (history(c, priority, published)) {
                        positions.putIfAbsent(post, position(x));
                        continue;
                    }
                    if (plenum != null && priority.get(c) < REFERRED && ("elected".equals(x.kind()) || "re-elected".equals(x.kind())) && electedAtPlenum(x.title())) {
                        Change d = new Change(c.person(), c.type(), c.kind(), c.role(), c.org(), c.acting(), plenum, c.mention(), c.term());
                        priority.put(d, OWN);
                        c = d;
                    }
                    changes.merge("start|" + post, c, (a, b) -> dated(a, b, priority));
                    taken.computeIfAbsent(x.person() + "|" + x.title().org().key(), k -> new HashSet<>()).add(x.title().role());
                    positions.putIfAbsent(post, position(x));
                }
                case "held" -> positions.putIfAbsent(post, position(x));
                case "former" -> former.putIfAbsent(post, position(x));
                default -> { } // future: not held
            }
        }
        positions.keySet().removeIf(ended::contains);
        positions.values().removeIf(p -> promotedAbove(p, taken));
        former.keySet().removeIf(k -> positions.containsKey(k) || ended.contains(k));
        withTerms(stated, positions, changes);
        doc.put(Layers.POSITIONS, new Layers.Positions(new ArrayList<>(positions.values())));
        doc.put(Layers.FORMER_POSITIONS, new Layers.Positions(new ArrayList<>(former.values())));
        doc.put(Layers.CHANGES, new Layers.Changes(new ArrayList<>(changes.values())));
    }

    /** A post or change stated several times takes the term of office the first statement giving one gives. */
    private static void withTerms(List<Stated> stated, Map<String, Position> positions, Map<String, Change> changes) {
        for (Stated x : stated) {
            Terms.Term term = x.title().term();
            if (term == null || !(x.as().equals("held") || x.as().equals("start") || x.as().equals("end"))) continue;
            String post = x.person() + "|" + x.title().role() + "|" + x.title().org().key();
            if (!x.as().equals("end")) positions.computeIfPresent(post, (k, p) -> p.term() == null ? p.withTerm(term) : p);
            if (!x.as().equals("held")) changes.computeIfPresent(x.as() + "|" + post, (k, c) -> c.term() == null ? c.withTerm(term) : c);
        }
    }

    /** A change its own sentence dates months before the article: a step of a career, not of the news. */
    private static boolean history(Change c, Map<Change, Integer> priority, LocalDate published) {
        return published != null && c.date() != null && priority.getOrDefault(c, NONE) == OWN
                && c.date().isBefore(published.minusDays(HISTORY_DAYS));
    }

    /**
     * What a person can hold only once: a title whose place the article's own place gave ("Bí thư Tỉnh ủy" in an
     * article about X) yields to the same role and kind named with another place for that person ("Bí thư Tỉnh ủy
     * Y"); and a post taken in the events, or moved into, ends the same role and kind held elsewhere.
     */
    private List<Stated> settle(List<Stated> stated) {
        List<Stated> out = new ArrayList<>();
        List<Stated> left = new ArrayList<>();
        Map<String, String> holder = new HashMap<>(); // post -> the person first stated holding it
        for (Stated x : stated) {
            Layers.Title t = x.title();
            boolean drop = false;
            // a person moved to a new post keeps only it, and the memberships a move does not touch
            if (x.as().equals("held") && !"transferred".equals(x.kind()) && !lex.kind(t.org().kind()).keptOnTransfer()) {
                for (Stated y : stated) {
                    if (y.person().equals(x.person()) && "transferred".equals(y.kind()) && !y.as().equals("end")
                            && !y.title().org().sameAs(t.org())
                            && !(t.role().equals("Member") && nested(y.title().org().unit(), t.org().unit()))) drop = true;
                }
            }
            for (Stated y : stated) {
                if (y == x || !y.person().equals(x.person()) || !y.title().role().equals(t.role())
                        || !y.title().org().kind().equals(t.org().kind()) || y.title().org().unit().equals(t.org().unit())
                        || y.title().org().unit().isCountry() || t.org().unit().isCountry()) continue;
                // a bare "Ban Thường vụ Tỉnh ủy" is the one an explicit title placed, unless that one is left and this taken
                if (!t.explicit() && y.title().explicit() && !y.as().equals("former")
                        && !(y.as().equals("end") && x.as().equals("start"))) drop = true;
                boolean newer = y.as().equals("start") || "transferred".equals(y.kind()) && !y.as().equals("end");
                // a province's Standing Committee member sent to lead a commune, or a district inside it, keeps the
                // provincial seat
                Unit a = y.title().org().unit(), b = t.org().unit();
                boolean sameLevel = "ward".equals(a.level()) == "ward".equals(b.level()) && !nested(a, b);
                if (x.as().equals("held") && newer && sameLevel) {
                    drop = true;
                    // the same seat taken in another place: the old one is left in these events
                    if (y.as().equals("start")) left.add(new Stated(x.person(), x.title(), "end", "transferred", x.mention(), y.at()));
                }
            }
            // a post one person holds at a time, already stated with another holder: a reference to that holder
            String post = t.role() + "|" + t.org().key();
            if (!drop && singleHolder.contains(t.role()) && (x.as().equals("held") || x.as().equals("start"))) {
                String first = holder.putIfAbsent(post, x.person());
                if (first != null && !first.equals(x.person()) && x.as().equals("held")) drop = true;
            }
            if (!drop) out.add(x);
        }
        out.addAll(left);
        return out;
    }

    /**
     * "Ông A đã được nghỉ hưu từ ngày 1/9", "ông A không qua khỏi": a person leaving with no post named leaves every
     * post the article states them holding, as of that sentence.
     */
    private static List<Stated> leaveAll(AnnotatedDocument doc, List<Stated> stated) {
        List<Stated> out = new ArrayList<>(stated);
        for (Span<Layers.Attachment> a : doc.spans(Layers.ATTACHMENT)) {
            Layers.Attachment at = a.value();
            if (!at.titles().isEmpty()) continue;
            Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(a.from());
            Mention mention = new Mention(doc.charStart(a.from()), doc.charEnd(a.to()), doc.charStart(s.from()),
                    doc.charEnd(s.to()), at.rule(), at.confidence());
            for (Stated x : stated) {
                if (x.person().equals(at.person().name()) && x.as().equals("held")) {
                    out.add(new Stated(x.person(), x.title(), "end", at.kind(), mention, a.from()));
                }
            }
        }
        return out;
    }

    /** One unit inside the other: a district or commune and its province (not the country, which holds all). */
    private boolean nested(Unit a, Unit b) {
        if (a.isCountry() || b.isCountry()) return false;
        return gaz.lineage(a).contains(b) || gaz.lineage(b).contains(a);
    }

    private static Layers.Status markOf(AnnotatedDocument doc, Span<Layers.Title> t) {
        Layers.Status found = null;
        for (Span<Layers.Status> s : doc.spans(Layers.STATUS)) {
            if (s.from() > t.from()) break;
            if (s.to() >= t.to()) found = s.value();
        }
        return found;
    }

    /** True when the person took, in these events, a post of the same body ranked above this one. */
    private boolean promotedAbove(Position p, Map<String, Set<String>> taken) {
        Set<String> roles = taken.get(p.person() + "|" + p.org().key());
        if (roles == null) return false;
        for (String h : higher.getOrDefault(p.role(), Set.of())) if (roles.contains(h)) return true;
        return false;
    }

    private static Position position(Stated x) {
        return new Position(x.person(), x.title().role(), x.title().org(), x.title().acting(), x.mention(), x.title().term());
    }

    private static Change change(AnnotatedDocument doc, Stated x, String type, Map<Change, Integer> priority) {
        int[] p = {0};
        Change c = new Change(x.person(), type, x.kind(), x.title().role(), x.title().org(), x.title().acting(),
                date(doc, x.at(), p), x.mention(), x.title().term());
        priority.put(c, p[0]);
        return c;
    }

    /**
     * One change stated twice: the first statement, with the date the better placed statement gives (a date in the
     * sentence stating the change wins over one found around it).
     */
    private static Change dated(Change a, Change b, Map<Change, Integer> priority) {
        int pa = priority.getOrDefault(a, NONE), pb = priority.getOrDefault(b, NONE);
        if (pb <= pa) return a;
        Change c = new Change(a.person(), a.type(), a.kind(), a.role(), a.org(), a.acting(), b.date(), a.mention(), a.term());
        priority.put(c, pb);
        return c;
    }



    /**
     * The date of a change stated at token {@code at}: the first date of its sentence; else that of the dated
     * meeting mentioned nearest to it; else the first date of the article's text within ten days before the
     * article's own date (the day of the events it reports).
     */
    private static LocalDate date(AnnotatedDocument doc, int at, int[] priority) {
        Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(at);
        // a date of its own sentence, but one telling when the decision was made known ranks below a decision's own
        priority[0] = doc.any(ANNOUNCE, s.from(), s.to()) ? REFERRED : OWN;
        for (Span<Layers.DateValue> d : doc.within(Layers.DATE, s.from(), s.to())) return d.value().date();
        priority[0] = OWN;
        LocalDate before = accordingly(doc, s);
        if (before == null) before = listHeader(doc, s);
        if (before != null) return before;
        // "Cũng tại hội nghị này, ... được bầu": an undated meeting of its own sentence is the last dated one before
        boolean ownMeeting = doc.any(Layers.MEETING, s.from(), s.to());
        LocalDate nearest = null, previous = null;
        int distance = Integer.MAX_VALUE;
        for (Span<Layers.MeetingMention> m : doc.spans(Layers.MEETING)) {
            LocalDate d = MeetingResolver.date(doc, doc.sentenceAt(m.from()));
            if (d == null) continue;
            if (m.to() <= s.from()) previous = d;
            if (Math.abs(m.from() - at) < distance) {
                nearest = d;
                distance = Math.abs(m.from() - at);
            }
        }
        priority[0] = REFERRED;
        if (ownMeeting && previous != null) return previous;
        // "Văn bản thứ hai là Quyết định số ..., ký ngày 20/5. Văn bản này dành cho bà A ... Bộ Chính trị cho bà thôi
        // giữ chức ...": the content of a decision dated just before, not the ceremony that made it known
        LocalDate decided = ownMeeting ? null : decisionBefore(doc, s);
        if (decided != null) {
            priority[0] = OWN;
            return decided;
        }
        priority[0] = NEAR;
        if (nearest != null) return nearest;
        priority[0] = NONE;
        LocalDate published = doc.get(Layers.ARTICLE_DATE);
        if (published == null) return null;
        for (Span<Layers.DateValue> d : doc.spans(Layers.DATE)) {
            LocalDate x = d.value().date();
            if (!MeetingResolver.ofDocument(doc, d) && !x.isAfter(published) && !x.isBefore(published.minusDays(10))) return x;
        }
        return null;
    }

    /** "Quyết định ... ký ngày 28/11/2025. Theo đó, ...": the last date of the nearest of the two sentences before. */
    private static LocalDate accordingly(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        if (doc.startingAt(ACCORDINGLY, s.from()).isEmpty()) return null;
        // the act may be named a sentence earlier still: "Văn bản số ... ngày 14/02/2025. Văn bản này ... Theo đó"
        return dateBefore(doc, s, d -> true);
    }

    /**
     * "Theo các quyết định này, từ ngày 5/10/2024:" then "- Ông A ...", "- Ông B ...": an item of a list set out one a
     * line takes the date its opening line gives, however many sentences the items before it ran to.
     */
    private static LocalDate listHeader(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        String text = doc.text();
        int start = doc.charStart(s.from());
        // the sentence must itself be an item, or hold one
        if (!itemLine(text, start) && !text.substring(start, doc.charEnd(s.to())).contains("\n")) return null;
        for (int i = s.value().index() - 1; i >= Math.max(0, s.value().index() - 12); i--) {
            Span<AnnotatedDocument.Sentence> before = doc.sentences().get(i);
            String t = doc.text(before.from(), before.to());
            int colon = t.indexOf(":\n");
            if (colon >= 0) {
                int headerEnd = doc.charStart(before.from()) + colon;
                List<Span<Layers.DateValue>> dates = doc.within(Layers.DATE, before.from(), before.to());
                for (int k = dates.size() - 1; k >= 0; k--) {
                    if (doc.charEnd(dates.get(k).to()) <= headerEnd) return dates.get(k).value().date();
                }
                return null;
            }
            // an item line or a sentence inside one: the list goes on
            if (!t.contains("\n") && !itemLine(text, doc.charStart(before.from()))) return null;
        }
        return null;
    }

    /** True when the line holding {@code at} opens with a bullet ("- ", "+ ", "• "): a list item or a later sentence of one. */
    private static boolean itemLine(String text, int at) {
        int line = text.lastIndexOf('\n', at - 1) + 1;
        while (line < text.length() && text.charAt(line) == ' ') line++;
        return line < text.length() && "-–+•*".indexOf(text.charAt(line)) >= 0;
    }

    /** The date a document was signed or adopted in one of the two sentences before, the nearer; else null. */
    private static LocalDate decisionBefore(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        return dateBefore(doc, s, d -> MeetingResolver.ofDocument(doc, d)
                || doc.any(DECISION_WORD, Math.max(doc.sentenceAt(d.from()).from(), d.from() - 3), d.from()));
    }

    /** The last date of the nearest dated one of the two sentences before {@code s}, if it is of the kind wanted. */
    private static LocalDate dateBefore(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s,
                                        java.util.function.Predicate<Span<Layers.DateValue>> wanted) {
        int index = s.value().index();
        for (int i = index - 1; i >= Math.max(0, index - 2); i--) {
            Span<AnnotatedDocument.Sentence> before = doc.sentences().get(i);
            List<Span<Layers.DateValue>> dates = doc.within(Layers.DATE, before.from(), before.to());
            for (int k = dates.size() - 1; k >= 0; k--) if (wanted.test(dates.get(k))) return dates.get(k).value().date();
            if (!dates.isEmpty()) return null;
        }
        return null;
    }

    /**
     * The date of the new committee's first session when the article gives it: a first-session word right after a
     * meeting noun other than the congress's ("Hội nghị lần thứ nhất", "họp phiên đầu tiên"), in a dated sentence
     * that does not report the results being made known.
     */
    private static LocalDate plenumDate(AnnotatedDocument doc) {
        for (Span<Layers.Sense> f : doc.spans(FIRST_SESSION)) {
            Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(f.from());
            if (!doc.within(ANNOUNCE, s.from(), s.to()).isEmpty()) continue;
            for (Span<Layers.MeetingMention> m : doc.within(Layers.MEETING, s.from(), s.to())) {
                if (m.to() <= f.to() && f.from() - m.to() <= 3 && !"đại hội".equals(m.value().type())) {
                    LocalDate d = MeetingResolver.firstDate(doc, s);
                    if (d != null) return d;
                }
            }
        }
        return null;
    }

    /** The terms the article gives for its bodies ("Ban Chấp hành Đảng bộ tỉnh khóa XIX"). */
    private Terms terms(AnnotatedDocument doc) {
        Terms terms = new Terms(lex);
        for (Span<Layers.Title> t : doc.spans(Layers.TITLE)) terms.saw(t.value().org(), t.value().term());
        for (Span<Layers.Body> b : doc.spans(Layers.BODY)) {
            Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(b.from());
            for (Terms.Term t : Terms.allAfter(lex, doc.tokens().subList(s.from(), s.to()), b.to() - s.from())) terms.saw(b.value().org(), t);
        }
        return terms;
    }

    /**
     * A bare body in a chain takes the place named later in the same chain: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
     * Quảng Trị" is Quảng Trị's Tỉnh ủy whatever the article is about. Titles nothing could place are dropped.
     */
    private static List<Span<Layers.Title>> placeFromChain(List<Span<Layers.Title>> chain, Places places) {
        List<Span<Layers.Title>> out = new ArrayList<>(chain);
        Unit named = null;
        for (int i = out.size() - 1; i >= 0; i--) {
            Span<Layers.Title> s = out.get(i);
            Layers.Title t = s.value();
            if (t.org() == null) {
                OrgRef again = named == null || t.pending() == null ? null : places.resolvePending(t.pending(), t.level(), named);
                if (again != null) out.set(i, new Span<>(s.from(), s.to(), t.withOrg(again)));
            } else if (t.explicit()) {
                if (!t.org().unit().isCountry()) named = t.org().unit();
            } else if (named != null) {
                OrgRef again = places.reresolve(t.org(), t.level(), named);
                if (again != null) out.set(i, new Span<>(s.from(), s.to(), t.withOrg(again)));
            }
        }
        out.removeIf(s -> s.value().org() == null);
        return out;
    }
}
