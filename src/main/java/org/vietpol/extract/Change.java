package org.vietpol.extract;

import java.time.LocalDate;

/**
 * A person taking ({@code start}) or leaving ({@code end}) a post in the events the article reports.
 *
 * @param kind how: elected, re-elected, appointed, designated, approved, transferred, dismissed, resigned,
 *             retired, disciplined, died; or null when the text does not say
 * @param date the date of the event when the text gives day and month, else null
 * @param term the term of office of the post taken or left, where the text states it ("bầu giữ chức Chủ tịch HĐND
 *             tỉnh nhiệm kỳ 2021-2026"), else null
 */
public record Change(String person, String type, String kind, String role, OrgRef org, boolean acting, LocalDate date,
                     Mention mention, Terms.Term term) {
    public static final String START = "start", END = "end";

    /** The same change with the term of office another statement of it gives. */
    Change withTerm(Terms.Term t) {
        return new Change(person, type, kind, role, org, acting, date, mention, t);
    }
}
