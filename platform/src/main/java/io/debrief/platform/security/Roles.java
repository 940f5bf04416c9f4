package io.debrief.platform.security;

import java.util.Set;

/** The roles of CONTRACT.md "Identity and access": the values of a token's {@code groups} claim. */
public final class Roles {

    public static final String INTERVIEWER = "interviewer";
    public static final String RECRUITER = "recruiter";
    public static final String HIRING_MANAGER = "hiring-manager";
    public static final String ADMIN = "admin";

    /** Every role a signed-in user may have. */
    public static final Set<String> ALL = Set.of(INTERVIEWER, RECRUITER, HIRING_MANAGER, ADMIN);
    /** Read calibrations, decisions, the streams and the dashboards; read every loop and scorecard. */
    public static final Set<String> OVERSEERS = Set.of(RECRUITER, HIRING_MANAGER, ADMIN);

    private Roles() {
    }
}
