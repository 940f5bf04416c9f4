package io.debrief.calibration;

import static io.restassured.RestAssured.given;

import io.debrief.testsupport.TestIdentity;
import io.restassured.specification.RequestSpecification;

/** Requests to the service under test, signed in as one of the roles that may read calibrations. */
public final class Api {

    // minted once per JVM (valid 12 hours): signing is cheap, but the ITs poll a lot
    private static final String RECRUITER = TestIdentity.bearer("rita-recruiter", "recruiter");
    private static final String HIRING_MANAGER = TestIdentity.bearer("hank-hiring-manager", "hiring-manager");
    private static final String ADMIN = TestIdentity.bearer("ada-admin", "admin");

    private Api() {
    }

    public static RequestSpecification asRecruiter() {
        return given().header("Authorization", RECRUITER);
    }

    public static RequestSpecification asHiringManager() {
        return given().header("Authorization", HIRING_MANAGER);
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", ADMIN);
    }

    /** The {@code Authorization} header value of a recruiter, for clients other than REST Assured. */
    public static String recruiterBearer() {
        return RECRUITER;
    }
}
