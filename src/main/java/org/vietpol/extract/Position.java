package org.vietpol.extract;

/** A person holding a role in an organization, as stated in the article; {@code acting} for "Quyền ...". */
public record Position(String person, String role, OrgRef org, boolean acting, Mention mention) {}
