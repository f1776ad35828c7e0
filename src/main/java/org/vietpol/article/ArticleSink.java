package org.vietpol.article;

/** Receives articles as they are read, and problems with inputs that were skipped. */
public interface ArticleSink {
    void article(Article article);

    void problem(InputProblem problem);
}
