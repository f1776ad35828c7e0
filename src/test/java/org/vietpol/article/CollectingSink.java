package org.vietpol.article;

import java.util.ArrayList;
import java.util.List;

/** Keeps what readers push, for assertions. */
final class CollectingSink implements ArticleSink {
    final List<Article> articles = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    final List<InputProblem> notes = new ArrayList<>();

    @Override
    public void article(Article article) {
        articles.add(article);
    }

    @Override
    public void problem(InputProblem problem) {
        problems.add(problem);
    }

    @Override
    public void note(InputProblem note) {
        notes.add(note);
    }

    Article only() {
        if (articles.size() != 1 || !problems.isEmpty()) {
            throw new AssertionError("expected one article and no problems, got " + articles + " " + problems);
        }
        return articles.get(0);
    }

    InputProblem onlyProblem() {
        if (problems.size() != 1 || !articles.isEmpty()) {
            throw new AssertionError("expected one problem and no article, got " + problems + " " + articles);
        }
        return problems.get(0);
    }
}
