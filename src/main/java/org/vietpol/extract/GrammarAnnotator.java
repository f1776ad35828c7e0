package org.vietpol.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.grammar.ActionSpec;
import org.vietpol.extract.grammar.Grammar;
import org.vietpol.extract.grammar.Rule;
import org.vietpol.extract.grammar.RuleMatch;

/**
 * Runs the attachment grammar ({@code grammar/*.rules}) and turns what its rules fire into spans the resolvers
 * read: attachments of titles to persons, statuses of title chains, meeting and document mentions, chairs. The
 * actions and their options are declared here; the grammar loader checks every rule against them.
 */
final class GrammarAnnotator implements Annotator {
    static final List<String> STATUSES = List.of("start", "end", "former", "future", "held");
    private static final List<Layer<Layers.Sense>> VERBS = List.of(Layers.sense("leaving"), Layers.sense("taking"),
            Layers.sense("appointing"), Layers.sense("transfer"));

    private final Grammar grammar;
    private final Set<Layer<?>> requires;
    private final Lexicon lex;

    GrammarAnnotator(List<Grammar.Source> sources, Set<Layer<?>> available, Vocabulary vocab, Lexicon lex) {
        this.lex = lex;
        Map<String, Layer<?>> layers = Layers.byName(new ArrayList<>(available));
        Predicate<String> status = STATUSES::contains;
        Predicate<String> kind = vocab::isChangeKind;
        Predicate<String> yes = "yes"::equals;
        Map<String, Predicate<String>> holdOptions = Map.of("as", status, "kind", kind, "by", ActionSpec.LABEL,
                "at-election", "start"::equals, "of", ActionSpec.LABEL);
        Map<String, ActionSpec> actions = Map.of(
                "hold", new ActionSpec("hold", 2, 2, holdOptions),
                "hold-each", new ActionSpec("hold-each", 2, 2, holdOptions),
                "mark", new ActionSpec("mark", 1, 1, holdOptions),
                "leave-all", new ActionSpec("leave-all", 1, 1, holdOptions),
                "members", new ActionSpec("members", 2, 2, holdOptions),
                "hold-respectively", new ActionSpec("hold-respectively", 2, 2, holdOptions),
                "meeting", new ActionSpec("meeting", 1, 1, Map.of("organizer", ActionSpec.LABEL, "local", yes)),
                "chair", new ActionSpec("chair", 1, 1, Map.of()),
                "document", new ActionSpec("document", 1, 1, Map.of("type", ActionSpec.LABEL, "bare", yes, "code-first", yes)));
        this.grammar = Grammar.load(sources, new Grammar.Environment() {
            @Override public Layer<?> layer(String name) { return layers.get(name); }
            @Override public ActionSpec action(String name) { return actions.get(name); }
        });
        Set<Layer<?>> req = new LinkedHashSet<>(List.of(Layers.TITLE, Layers.NAME, Layers.NAME_SHAPE, Layers.BODY,
                Layers.DOC_NUMBER, Layers.sense("doc-type"), Layers.sense("doc-code"), Layers.sense("meeting-noun")));
        req.addAll(VERBS);
        for (Rule r : grammar.rules()) req.addAll(layersOf(r));
        this.requires = Set.copyOf(req);
    }

    private static Set<Layer<?>> layersOf(Rule r) {
        Set<Layer<?>> out = new LinkedHashSet<>();
        for (Rule.Condition c : r.conditions()) for (Rule.Test t : c.anyOf()) if (t.layer() != null) out.add(t.layer());
        if (r.firstLayers() != null) out.addAll(r.firstLayers());
        return out;
    }

    Grammar grammar() {
        return grammar;
    }

    @Override public String name() { return "grammar"; }
    @Override public Set<Layer<?>> requires() { return requires; }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.ATTACHMENT, Layers.STATUS, Layers.MEETING, Layers.DOCUMENT, Layers.CHAIR, Layers.FIRED, Layers.MATCH);
    }

    @Override
    public void annotate(AnnotatedDocument doc) {
        Set<String> fired = new LinkedHashSet<>();
        grammar.apply(doc, m -> {
            boolean any = false;
            for (Rule.Action a : m.rule().actions()) any |= fire(doc, m, a);
            if (any) {
                fired.add(m.rule().name());
                StringBuilder sb = new StringBuilder(m.rule().name());
                for (int i = 0; i < m.rule().labels().size(); i++) {
                    if (m.captured(i)) sb.append(' ').append(m.rule().labels().get(i)).append("=\"").append(doc.text(m.from(i), m.to(i))).append('"');
                }
                doc.add(Layers.MATCH, m.start(), m.end(), sb.toString());
            }
        });
        doc.put(Layers.FIRED, new Layers.Fired(fired));
    }

    /** Carries out one action of a match; false when it had nothing to act on (a capture that took no part). */
    private boolean fire(AnnotatedDocument doc, RuleMatch m, Rule.Action a) {
        for (int label : a.args()) if (!m.captured(label)) return false;
        Rule r = m.rule();
        switch (a.name()) {
            case "hold", "hold-each", "members" -> {
                int p = a.args().get(0), t = a.args().get(1);
                List<Span<Layers.Title>> titles = a.name().equals("members") ? membership(doc, m.from(t), m.to(t))
                        : a.options().get("of") instanceof Integer of ? ofBody(doc, m, t, of)
                        : doc.within(Layers.TITLE, m.from(t), m.to(t));
                if (titles.isEmpty()) return false;
                String[] status = status(doc, m, a);
                List<Span<Layers.Name>> persons = persons(doc, m.from(p), m.to(p));
                if (a.name().equals("hold") && persons.size() > 1) persons = persons.subList(0, 1);
                for (Span<Layers.Name> n : persons) {
                    int from = Math.min(n.from(), m.from(t)), to = Math.max(n.to(), m.to(t));
                    doc.add(Layers.ATTACHMENT, from, to, new Layers.Attachment(n.value(), n.from(), titles, status[0], status[1],
                            r.name(), r.confidence(), a.options().containsKey("at-election")));
                }
                return !persons.isEmpty();
            }
            case "leave-all" -> {
                // a person retiring or dying with no post named: every post the article states them holding ends
                int p = a.args().get(0);
                String[] status = status(doc, m, a);
                if (!"end".equals(status[0])) return false;
                List<Span<Layers.Name>> persons = persons(doc, m.from(p), m.to(p));
                if (persons.isEmpty()) return false;
                Span<Layers.Name> n = persons.get(0);
                doc.add(Layers.ATTACHMENT, n.from(), m.end(), new Layers.Attachment(n.value(), n.from(), List.of(), status[0],
                        status[1], r.name(), r.confidence(), false));
                return true;
            }
            case "hold-respectively" -> {
                int p = a.args().get(0), t = a.args().get(1);
                List<Span<Layers.Title>> titles = doc.within(Layers.TITLE, m.from(t), m.to(t));
                List<Span<Layers.Name>> persons = persons(doc, m.from(p), m.to(p));
                if (titles.size() != persons.size() || titles.isEmpty()) return false;
                String[] status = status(doc, m, a);
                for (int i = 0; i < titles.size(); i++) {
                    Span<Layers.Name> n = persons.get(i);
                    Span<Layers.Title> ti = titles.get(i);
                    doc.add(Layers.ATTACHMENT, Math.min(n.from(), ti.from()), Math.max(n.to(), ti.to()), new Layers.Attachment(
                            n.value(), n.from(), List.of(ti), status[0], status[1], r.name(), r.confidence(), false));
                }
                return true;
            }
            case "mark" -> {
                int t = a.args().get(0);
                String[] status = status(doc, m, a);
                if (status[0] == null) return false; // a word that only states a post marks nothing
                doc.add(Layers.STATUS, m.from(t), m.to(t), new Layers.Status(status[0], status[1], r.name()));
                return true;
            }
            case "meeting" -> {
                int n = a.args().get(0);
                Span<Layers.Sense> noun = doc.at(Layers.sense("meeting-noun"), m.from(n));
                if (noun == null) noun = doc.at(Layers.sense("meeting-verb"), m.from(n));
                if (noun == null) noun = doc.at(Layers.sense("meeting-visit"), m.from(n));
                if (noun == null) noun = doc.at(Layers.sense("meeting-vote"), m.from(n));
                OrgRef organizer = null;
                Object o = a.options().get("organizer");
                if (o instanceof Integer label && m.captured(label)) {
                    Span<Layers.Body> b = doc.at(Layers.BODY, m.from(label));
                    if (b != null) organizer = b.value().org();
                }
                if (organizer != null && a.options().containsKey("local") && organizer.unit().isCountry()) organizer = null;
                doc.add(Layers.MEETING, m.from(n), m.to(n), new Layers.MeetingMention(noun == null ? null : noun.value().value(),
                        organizer, r.name(), r.confidence()));
                return true;
            }
            case "chair" -> {
                int n = a.args().get(0);
                List<Span<Layers.Name>> names = doc.within(Layers.NAME, m.from(n), m.to(n));
                if (names.isEmpty()) return false;
                doc.add(Layers.CHAIR, names.get(0).from(), names.get(0).to(), names.get(0).value());
                return true;
            }
            case "document" -> {
                int d = a.args().get(0);
                String type = null;
                Object w = a.options().get("type");
                if (w instanceof Integer label && m.captured(label)) {
                    Span<Layers.Sense> s = doc.at(Layers.sense("doc-type"), m.from(label));
                    if (s == null) s = doc.at(Layers.sense("doc-code"), m.from(label));
                    if (s == null) s = doc.at(Layers.sense("doc-generic"), m.from(label));
                    if (s != null) type = s.value().value();
                }
                boolean bare = a.options().containsKey("bare");
                String number;
                if (bare) {
                    number = doc.text(m.from(d), m.to(d)).replaceAll("\\s+", "");
                } else {
                    Span<Layers.DocNumber> dn = doc.at(Layers.DOC_NUMBER, m.from(d));
                    if (dn == null) return false;
                    number = dn.value().number();
                    if (type == null || a.options().containsKey("code-first") && dn.value().codeType() != null) type = dn.value().codeType();
                }
                if (type == null) return false;
                doc.add(Layers.DOCUMENT, m.from(d), m.to(d), new Layers.DocumentMention(type, number, bare, r.name(), r.confidence()));
                return true;
            }
            default -> throw new IllegalStateException(a.name());
        }
    }

    /** Names the lists know, and capitalised words standing where a name stands (never inside a name), in order. */
    private static List<Span<Layers.Name>> persons(AnnotatedDocument doc, int from, int to) {
        List<Span<Layers.Name>> persons = new ArrayList<>(doc.within(Layers.NAME, from, to));
        for (Span<Layers.Name> s : doc.within(Layers.NAME_SHAPE, from, to)) {
            if (persons.stream().noneMatch(x -> x.from() < s.to() && s.from() < x.to())) persons.add(s);
        }
        persons.sort(java.util.Comparator.comparingInt(Span::from));
        return persons;
    }

    /**
     * Membership of each body named in tokens [from, to) whose members are listed by name (kinds.tsv): the title a
     * list of a body's members gives.
     */
    private List<Span<Layers.Title>> membership(AnnotatedDocument doc, int from, int to) {
        List<Span<Layers.Title>> out = new ArrayList<>();
        for (Span<Layers.Body> b : doc.within(Layers.BODY, from, to)) {
            if (!lex.kind(b.value().org().kind()).membersListed()) continue;
            out.add(new Span<>(b.from(), b.to(), new Layers.Title("Member", b.value().org(), b.value().explicit(), null, null, null, false)));
        }
        return out;
    }

    /** Bare titles given the body a rule found for them ("UBND tỉnh có 5 Phó Chủ tịch": of the UBND). */
    private static List<Span<Layers.Title>> ofBody(AnnotatedDocument doc, RuleMatch m, int t, int of) {
        if (!m.captured(of)) return List.of();
        List<Span<Layers.Body>> bodies = doc.within(Layers.BODY, m.from(of), m.to(of));
        if (bodies.isEmpty()) return List.of();
        OrgRef org = bodies.get(0).value().org();
        List<Span<Layers.Title>> out = new ArrayList<>();
        for (Span<Layers.Title> b : doc.within(Layers.BARE_TITLE, m.from(t), m.to(t))) {
            out.add(new Span<>(b.from(), b.to(), b.value().withOrg(org)));
        }
        return out;
    }

    /**
     * The kind of the act that governs a word stating a post ("làm", "là"), standing earlier in its sentence: "Quốc hội
     * đã bầu ba chức danh: bà A làm Phó Chủ tịch nước, ông B làm ..." (elected), before every name of the sentence.
     * Empty when none does.
     */
    private static String actBefore(AnnotatedDocument doc, int at) {
        Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(at);
        // the act governs the sentence's list of names only when it stands before all of them
        int firstName = at;
        for (Span<Layers.Name> n : doc.within(Layers.NAME, s.from(), at)) firstName = Math.min(firstName, n.from());
        String found = "";
        int foundAt = -1;
        for (Layer<Layers.Sense> verb : VERBS) {
            if (verb.name().equals("leaving")) continue;
            for (Span<Layers.Sense> x : doc.within(verb, s.from(), firstName)) {
                if (!x.value().value().isEmpty() && x.from() > foundAt) {
                    found = x.value().value();
                    foundAt = x.from();
                }
            }
        }
        return found;
    }

    /** The status and change kind an action gives: from "by=WORD" (the word's kind and value), or "as" and "kind". */
    private static String[] status(AnnotatedDocument doc, RuleMatch m, Rule.Action a) {
        String as = (String) a.options().get("as");
        String kind = (String) a.options().get("kind");
        Object by = a.options().get("by");
        if (by instanceof Integer label && m.captured(label)) {
            for (Layer<Layers.Sense> verb : VERBS) {
                for (Span<Layers.Sense> s : doc.startingAt(verb, m.from(label))) {
                    if (s.to() != m.to(label)) continue;
                    String value = s.value().value();
                    if (value.isEmpty() && !verb.name().equals("leaving")) value = actBefore(doc, m.from(label));
                    if (value.isEmpty()) return new String[] {as, kind};
                    return new String[] {verb.name().equals("leaving") ? "end" : "start", value};
                }
            }
        }
        return new String[] {as, kind};
    }
}
