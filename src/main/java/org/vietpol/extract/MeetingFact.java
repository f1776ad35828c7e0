package org.vietpol.extract;

import java.time.LocalDate;
import java.util.List;

/** A meeting the article reports: organizer, full date when given, chairs and attendees by name. */
public record MeetingFact(String type, OrgRef organizer, LocalDate date, List<String> chairs, List<String> attendees,
                          Mention mention) {
    public MeetingFact {
        chairs = List.copyOf(chairs);
        attendees = List.copyOf(attendees);
    }
}
