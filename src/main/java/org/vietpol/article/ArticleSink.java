package org.vietpol.article;

/** Receives articles as they are read, and problems with inputs that were skipped. */
public interface ArticleSink {
    void article(Article article);

    void problem(InputProblem problem);

    /**
     * Something worth telling about an input that was read all the same, such as an encoding that had to be
     * guessed ("read as TCVN3 ..."). Not a skip; ignored unless the sink cares.
     */
    default void note(InputProblem note) {}
}
