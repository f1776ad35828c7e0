package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vietpol.extract.doc.Layer;

/**
 * The layers of the extraction pipeline and the values their spans carry. Function words (words.tsv),
 * person cues (persons.tsv) and meeting words (meetings.tsv) each get a layer named by their kind, so the
 * grammar can name them ("leaving", "cue", "meeting-noun").
 */
public final class Layers {
    private Layers() {}

    /** A function word and what it means: its kind ("leaving") and value (the change kind "retired", or ""). */
    public record Sense(String kind, String value) {}

    /** A date in the text; {@code yearGiven} false when the year came from the article's date. */
    public record DateValue(LocalDate date, boolean yearGiven) {}

    /** A document number as written, and the type its code implies (or null). */
    public record DocNumber(String number, String codeType) {}

    /**
     * A title: the role it gives and the body it names. {@code explicit}: the body's place is named (or it is
     * central); otherwise it was resolved at {@code level} from the article's place and a place named later in the
     * same chain may resolve it again. {@code pending}: a body the article's place could not resolve.
     */
    public record Title(String role, OrgRef org, boolean explicit, String level, Terms.Term term, Lexicon.Body pending,
                        boolean acting) {
        Title withOrg(OrgRef o) {
            return new Title(role, o, explicit, level, term, null, acting);
        }

        Title withTerm(Terms.Term t) {
            return new Title(role, org, explicit, level, t, pending, acting);
        }
    }

    /** A person's name; {@code resolved}: a short reference ("ông Dũng") resolved to a full name named earlier. */
    public record Name(String name, boolean resolved) {}

    /** A body named outside a title: its organization, and whether its place was named. */
    public record Body(OrgRef org, boolean explicit) {}

    /** What the grammar says of the titles of some tokens: held, start, end, former or future, with a change kind. */
    public record Status(String as, String kind, String rule) {}

    /**
     * A person tied to titles by a rule: the titles as written (places not yet resolved within their chain), the
     * status the rule gives them (null: as marked or held), a change kind, and the rule with its confidence.
     */
    public record Attachment(Name person, int personFrom, List<org.vietpol.extract.doc.Span<Title>> titles, String as,
                             String kind, String rule, double confidence, boolean startsAtElection) {}

    /** A meeting noun the grammar read as an event, with the organizer it found (or null). */
    public record MeetingMention(String type, OrgRef organizer, String rule, double confidence) {}

    /** A document number the grammar read as a citation, with its type. */
    public record DocumentMention(String type, String number, boolean bare, String rule, double confidence) {}

    // base input
    public static final Layer<LocalDate> ARTICLE_DATE = Layer.document("article-date", LocalDate.class);
    public static final Layer<Bylines> BYLINES = Layer.document("bylines", Bylines.class);
    public static final Layer<Unit> LOCALITY = Layer.document("locality", Unit.class);
    /** National news that names provinces only in passing (see LocalityFinder). */
    public static final Layer<Boolean> NATIONAL = Layer.document("national", Boolean.class);

    /** Lines removed from the text as bylines or source notes: never persons, but they tell where it comes from. */
    public record Bylines(List<String> lines) {}

    // found by lexicons and patterns
    public static final Layer<DateValue> DATE = Layer.span("date", DateValue.class);
    /** A month without its day ("vào tháng 7/2021"): the last day of that month. */
    public static final Layer<LocalDate> MONTH = Layer.span("month", LocalDate.class);
    public static final Layer<DocNumber> DOC_NUMBER = Layer.span("doc-number", DocNumber.class);
    public static final Layer<String> BARE_NUMBER = Layer.span("bare-number", String.class);

    // items: titles, names, bodies
    public static final Layer<Title> TITLE = Layer.span("title", Title.class);
    /** A title with no body after it ("5 Phó Chủ tịch", "làm Chủ nhiệm"): a rule may give it the body it names. */
    public static final Layer<Title> BARE_TITLE = Layer.span("bare-title", Title.class);
    public static final Layer<Name> NAME = Layer.span("name", Name.class);
    public static final Layer<Name> NAME_SHAPE = Layer.span("name-shape", Name.class);
    public static final Layer<Body> BODY = Layer.span("body", Body.class);

    // what the grammar reads
    public static final Layer<Attachment> ATTACHMENT = Layer.span("attachment", Attachment.class);
    public static final Layer<Status> STATUS = Layer.span("status", Status.class);
    public static final Layer<MeetingMention> MEETING = Layer.span("meeting", MeetingMention.class);
    public static final Layer<DocumentMention> DOCUMENT = Layer.span("document", DocumentMention.class);
    public static final Layer<Name> CHAIR = Layer.span("chair", Name.class);
    /** Every match of a grammar rule that fired: the rule's name and its captures, for explaining a reading. */
    public static final Layer<String> MATCH = Layer.span("match", String.class);

    // what the resolvers decide, for the whole article
    public static final Layer<Positions> POSITIONS = Layer.document("positions", Positions.class);
    public static final Layer<Positions> FORMER_POSITIONS = Layer.document("former-positions", Positions.class);
    public static final Layer<Changes> CHANGES = Layer.document("changes", Changes.class);
    public static final Layer<Meetings> MEETINGS = Layer.document("meetings", Meetings.class);
    public static final Layer<Documents> DOCUMENTS = Layer.document("documents", Documents.class);
    public static final Layer<Fired> FIRED = Layer.document("rules-fired", Fired.class);

    /** Typed holders for the document-level results. */
    public record Positions(List<Position> list) {}
    public record Changes(List<Change> list) {}
    public record Meetings(List<MeetingFact> list) {}
    public record Documents(List<DocumentFact> list) {}
    public record Fired(java.util.Set<String> rules) {}

    /** Span layers of String senses, one per kind of a lexicon table. */
    public static Layer<Sense> sense(String kind) {
        return Layer.span(kind, Sense.class);
    }

    /** Every span layer by name: what a grammar may refer to. */
    static Map<String, Layer<?>> byName(List<Layer<?>> layers) {
        Map<String, Layer<?>> m = new LinkedHashMap<>();
        for (Layer<?> l : new ArrayList<>(layers)) m.put(l.name(), l);
        return m;
    }
}
