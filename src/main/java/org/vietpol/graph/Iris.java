package org.vietpol.graph;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.vietpol.extract.DocumentFact;
import org.vietpol.extract.Lexicon;
import org.vietpol.extract.OrgRef;
import org.vietpol.extract.Terms;
import org.vietpol.extract.Unit;
import org.vietpol.text.VietText;

/**
 * Deterministic, readable IRIs: the same input always gives the same IRIs, and the same person, body or
 * document named in two articles gets one IRI. See the README for the scheme.
 */
public final class Iris {
    public static final String GRAPH_LINKS = "https://w3id.org/vietpol/graph/links";

    private final Lexicon lex;

    public Iris(Lexicon lex) {
        this.lex = lex;
    }

    public static String article(String id) {
        return Vocab.ID + "article/" + escape(id);
    }

    /**
     * The ASCII slug of a name loses its tone marks and letters such as â, ơ, đ: "Nguyễn Văn Thanh" and "Nguyễn
     * Văn Thành" fold alike. A short hash of the exact name keeps them apart: {@code person/nguyen-van-thanh-1a2b}.
     */
    public static String person(String name) {
        String nfc = VietText.clean(name);
        return PERSON + VietText.slug(nfc) + "-" + sha256(nfc).substring(0, 4);
    }

    public static String unit(Unit u) {
        return Vocab.ID + "unit/" + u.id();
    }

    public String org(OrgRef o) {
        return Vocab.ID + "org/" + orgPath(o);
    }

    private String orgPath(OrgRef o) {
        String path = o.unit().id() + "/" + lex.kind(o.kind()).slug();
        return o.name() == null ? path : path + "/" + VietText.slug(o.name());
    }

    public String membership(String person, String role, OrgRef o) {
        return membershipOf(person(person), role, o, false);
    }

    /** As {@link #membership}, from the person's IRI already made; an acting holding is a membership of its own. */
    String membershipOf(String personIri, String role, OrgRef o, boolean acting) {
        String personPath = personIri.substring(PERSON.length());
        return Vocab.ID + "membership/" + personPath + "/" + kebab(role) + "/" + orgPath(o) + (acting ? "/acting" : "");
    }

    /** The seat: one per role and organization, the same in every article ("Bí thư Tỉnh ủy Quảng Ninh"). */
    public String post(String role, OrgRef o) {
        return Vocab.ID + "post/" + kebab(role) + "/" + orgPath(o);
    }

    /**
     * A dated change is shared by the articles that report it (same person, post, type and day); an undated one
     * stays with its article.
     */
    String change(String personIri, String type, String role, OrgRef o, LocalDate date, String articleId, int index) {
        if (date == null) return Vocab.ID + "change/" + escape(articleId) + "/" + index;
        return Vocab.ID + "change/" + personIri.substring(PERSON.length()) + "/" + type + "/" + kebab(role) + "/" + orgPath(o) + "/" + date;
    }

    /**
     * A body's term of office, the same in every article stating it: {@code term/{org}/khoa-19} for a numbered term
     * ("khóa XIX", with or without its years), {@code term/{org}/2021-2026} for one given by its years alone
     * ("nhiệm kỳ 2021-2026"; {@code term/{org}/2021} when the text gives only the first).
     */
    public String term(OrgRef o, Terms.Term t) {
        String which = t.number() > 0 ? "khoa-" + t.number()
                : t.startYear() + (t.endYear() > 0 ? "-" + t.endYear() : "");
        return Vocab.ID + "term/" + orgPath(o) + "/" + which;
    }

    private static final String PERSON = Vocab.ID + "person/";

    /**
     * Dated meetings are shared across articles (same organizer, day and kind: a congress and the plenum it
     * elects on one day are two); undated ones stay per article.
     */
    public String meeting(OrgRef organizer, LocalDate date, String type, String articleId, int index) {
        if (date != null) {
            return Vocab.ID + "meeting/" + orgPath(organizer) + "/" + date + "/" + VietText.slug(type == null ? "hội nghị" : type);
        }
        return Vocab.ID + "meeting/" + escape(articleId) + "/" + index;
    }

    /** National series are identified by number; local series ("06-NQ/TU") by the issuer's place and number. */
    public static String document(DocumentFact d, Unit locality) {
        String number = VietText.slug(d.number());
        if (d.central()) return Vocab.ID + "document/" + number;
        Unit place = d.issuer() != null ? d.issuer().unit() : locality;
        return Vocab.ID + "document/" + (place == null ? "unknown" : place.id()) + "/" + number;
    }

    public static String mention(String articleId, int start, int end) {
        return Vocab.ID + "mention/" + escape(articleId) + "/" + start + "-" + end;
    }

    /** "StandingDeputySecretary" to "standing-deputy-secretary". */
    public static String kebab(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i > 0 && c >= 'A' && c <= 'Z' && camel.charAt(i - 1) >= 'a' && camel.charAt(i - 1) <= 'z') b.append('-');
            b.append(c);
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps unreserved ASCII, percent-encodes the rest, so any article id makes a valid IRI segment. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '~')) sb.append(c);
            else sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
