package org.vietpol.extract;

/** A person holding a role in an organization, as stated in the article. */
public record Position(String person, String role, OrgRef org, Mention mention) {}
