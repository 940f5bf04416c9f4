package io.debrief.calibration.api;

import java.util.Set;

/** The roles of CONTRACT.md "Identity and access" (the token's {@code groups}) that may read this service's data. */
public final class Roles {

    public static final String RECRUITER = "recruiter";
    public static final String HIRING_MANAGER = "hiring-manager";
    public static final String ADMIN = "admin";

    /** Read calibrations, decisions, the bars, the stream and the dashboard. */
    public static final Set<String> READERS = Set.of(RECRUITER, HIRING_MANAGER, ADMIN);

    private Roles() {
    }
}
