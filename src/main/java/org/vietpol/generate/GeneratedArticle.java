package org.vietpol.generate;

/**
 * One generated article: its id, file extension ("txt" or "html"), content, and gold file (JSON), with the
 * number of facts the gold holds.
 */
public record GeneratedArticle(String id, String extension, String content, String gold, int officials,
                               int meetings, int documents) {}
