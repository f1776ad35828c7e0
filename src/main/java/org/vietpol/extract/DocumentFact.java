package org.vietpol.extract;

import java.time.LocalDate;

/**
 * A document the article cites.
 *
 * @param central true when the number belongs to a national series (".../TW", ".../QH15"), so the number alone
 *                identifies it; local numbers ("06-NQ/TU") are identified together with the issuer's place
 */
public record DocumentFact(String type, String number, LocalDate issued, OrgRef issuer, boolean central,
                           Mention mention) {}
