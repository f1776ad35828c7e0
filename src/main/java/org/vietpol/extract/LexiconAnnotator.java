package org.vietpol.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;

/**
 * The lexicon finder: the longest phrase of each kind of the word lists (function words, person cues, meeting
 * and document words) starting at each token, as spans of the layer named by the kind. One walk of one trie per
 * token finds every kind at once.
 */
final class LexiconAnnotator implements Annotator {
    private final PhraseTable<List<Layers.Sense>> table;
    private final Set<Layer<?>> provides;
    private final Map<String, Integer> kindIndex = new HashMap<>();
    private final List<Layer<Layers.Sense>> layers = new ArrayList<>();

    LexiconAnnotator(Lexicon lex) {
        this.table = lex.senses();
        Set<Layer<?>> p = new LinkedHashSet<>();
        for (String kind : lex.senseKinds()) {
            kindIndex.put(kind, layers.size());
            layers.add(Layers.sense(kind));
            p.add(Layers.sense(kind));
        }
        this.provides = Set.copyOf(p);
    }

    @Override public String name() { return "lexicon"; }
    @Override public Set<Layer<?>> requires() { return Set.of(); }
    @Override public Set<Layer<?>> provides() { return provides; }

    @Override
    public void annotate(AnnotatedDocument doc) {
        List<Token> tokens = doc.tokens();
        int k = layers.size();
        int[] length = new int[k];
        Layers.Sense[] sense = new Layers.Sense[k];
        int[] touched = new int[k];
        for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
            List<Token> sentence = tokens.subList(s.from(), s.to());
            for (int i = 0; i < sentence.size(); i++) {
                int[] n = {0};
                table.matches(sentence, i, (senses, len) -> {
                    for (Layers.Sense x : senses) {
                        int idx = kindIndex.get(x.kind());
                        if (length[idx] == 0) touched[n[0]++] = idx;
                        length[idx] = len;
                        sense[idx] = x;
                    }
                });
                int from = s.from() + i;
                for (int t = 0; t < n[0]; t++) {
                    int idx = touched[t];
                    doc.add(layers.get(idx), from, from + length[idx], sense[idx]);
                    length[idx] = 0;
                }
            }
        }
    }
}
