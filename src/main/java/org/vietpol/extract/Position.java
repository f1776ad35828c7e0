package org.vietpol.extract;

/**
 * A person holding a role in an organization, as stated in the article; {@code acting} for "Quyền ...";
 * {@code term} the term of office stated with it ("Bí thư Tỉnh ủy khóa XIX"), or null.
 */
public record Position(String person, String role, OrgRef org, boolean acting, Mention mention, Terms.Term term) {
    /** The same position with the term of office another statement of it gives. */
    Position withTerm(Terms.Term t) {
        return new Position(person, role, org, acting, mention, t);
    }
}
