package io.debrief.notification.api;

import java.util.Set;

/** The roles (the token's {@code groups}) of CONTRACT.md, "Identity and access", as this service applies them. */
public final class Roles {

    public static final String INTERVIEWER = "interviewer";
    public static final String RECRUITER = "recruiter";
    public static final String HIRING_MANAGER = "hiring-manager";
    public static final String ADMIN = "admin";

    /** Who may read decisions and their stream, and so sign in to the recruiter page. */
    public static final Set<String> DECISION_READERS = Set.of(RECRUITER, HIRING_MANAGER, ADMIN);

    private Roles() {
    }
}
