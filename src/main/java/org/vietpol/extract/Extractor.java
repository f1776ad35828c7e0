package org.vietpol.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.vietpol.article.Article;

/**
 * Rule- and lexicon-based extraction of officials, meetings and documents from one Vietnamese article.
 * Immutable and thread-safe: build once, call {@link #extract} from any number of threads.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create().build();          // shipped lexicon and gazetteer
 * Extraction facts = extractor.extract(article);
 * }</pre>
 */
public final class Extractor {
    /** Version of the rules, recorded in the provenance of every extracted graph. */
    public static final String VERSION = "0.1.0";

    private final Lexicon lex;
    private final Gazetteer gaz;

    private Extractor(Builder b) {
        this.lex = b.lexicon != null ? b.lexicon : Lexicon.defaults();
        this.gaz = b.gazetteer != null ? b.gazetteer : Gazetteers.defaults();
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * What this extractor's output depends on: its version and every language data file it read. A store built
     * with another fingerprint must extract its articles again.
     */
    public String fingerprint() {
        return VERSION + ":" + DataFile.fingerprint();
    }

    public Gazetteer gazetteer() {
        return gaz;
    }

    public Lexicon lexicon() {
        return lex;
    }

    /** Extracts and pushes the result to the sink. */
    public void extract(Article article, Consumer<Extraction> sink) {
        sink.accept(extract(article));
    }

    public Extraction extract(Article article) {
        Objects.requireNonNull(article, "article");
        String text = article.text();
        List<Sentences.Span> spans = Sentences.split(text, lex.abbreviations);
        List<List<Token>> sentences = new ArrayList<>(spans.size());
        for (Sentences.Span s : spans) sentences.add(Tokenizer.tokenize(text, s.start(), s.end()));

        Unit locality = new LocalityFinder(lex, gaz).locality(sentences, article.bylines());
        Places places = new Places(lex, gaz, locality);
        SentenceReader reader = new SentenceReader(lex, gaz, places);

        List<Position> positions = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<MeetingFinder.Candidate> meetingMentions = new ArrayList<>();
        DocumentFinder documents = new DocumentFinder(lex, places, locality);
        MeetingFinder meetings = new MeetingFinder(lex, places, locality,
                article.published() == null ? null : article.published().getYear());
        // items once per sentence; the names each sentence gives are known to the next ("ông Dũng")
        List<List<SentenceReader.Item>> items = new ArrayList<>(spans.size());
        for (List<Token> tokens : sentences) {
            List<SentenceReader.Item> its = reader.items(text, tokens, known);
            items.add(its);
            for (SentenceReader.Item it : its) {
                if (it instanceof SentenceReader.NameItem n && !known.contains(n.name())) known.add(n.name());
            }
        }
        Terms terms = reader.terms(sentences, items);
        for (int i = 0; i < spans.size(); i++) {
            Sentences.Span span = spans.get(i);
            List<Token> tokens = sentences.get(i);
            SentenceReader.Reading r = reader.read(text, span, tokens, items.get(i), terms);
            positions.addAll(r.positions());
            List<DateFinder.Found> docDates = documents.find(text, span, tokens);
            meetingMentions.addAll(meetings.find(text, span, tokens, r, docDates, positions));
        }
        return new Extraction(article, locality, dedupe(positions), meetings.merge(meetingMentions, positions),
                documents.result());
    }

    /** One position per (person, role, organization): the first mention is kept as its evidence. */
    private static List<Position> dedupe(List<Position> positions) {
        Map<String, Position> out = new LinkedHashMap<>();
        for (Position p : positions) out.putIfAbsent(p.person() + "|" + p.role() + "|" + p.org().key(), p);
        return new ArrayList<>(out.values());
    }

    public static final class Builder {
        private Lexicon lexicon;
        private Gazetteer gazetteer;

        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = lexicon;
            return this;
        }

        public Builder gazetteer(Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
            return this;
        }

        public Extractor build() {
            return new Extractor(this);
        }
    }

    /** Shared default gazetteer, loaded once. */
    static final class Gazetteers {
        private static volatile Gazetteer defaults;

        static Gazetteer defaults() {
            Gazetteer g = defaults;
            if (g == null) {
                synchronized (Gazetteers.class) {
                    if (defaults == null) defaults = Gazetteer.load();
                    g = defaults;
                }
            }
            return g;
        }
    }
}
