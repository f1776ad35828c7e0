package org.vietpol.extract;

import java.time.LocalDate;

/**
 * A person taking ({@code start}) or leaving ({@code end}) a post in the events the article reports.
 *
 * @param kind how: elected, re-elected, appointed, designated, approved, transferred, dismissed, resigned,
 *             retired, disciplined, died; or null when the text does not say
 * @param date the date of the event when the text gives day and month, else null
 */
public record Change(String person, String type, String kind, String role, OrgRef org, boolean acting, LocalDate date,
                     Mention mention) {
    public static final String START = "start", END = "end";
}
