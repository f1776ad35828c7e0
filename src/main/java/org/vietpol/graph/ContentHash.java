package org.vietpol.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vietpol.article.Article;

/**
 * What an article's graph is made from, as a SHA-256 hex string of its id, title, date, URL and text: an
 * unchanged hash (under unchanged rules) means its graph need not be built again. The mapper records it in the
 * article's graph ({@code vp:contentHash}); the build compares it with the stored one before extracting.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(Article a) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // UTF-8 of the joined string, part by part: the NUL separators keep every part's bytes whole
        md.update((a.id() + '\u0000' + a.title() + '\u0000' + a.published() + '\u0000' + a.url() + '\u0000')
                .getBytes(StandardCharsets.UTF_8));
        md.update(a.text().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }
}
