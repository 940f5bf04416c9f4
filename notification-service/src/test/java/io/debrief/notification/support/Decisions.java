package io.debrief.notification.support;

/** Decisions as calibration-service publishes them (CONTRACT.md), for the tests to vary. */
public final class Decisions {

    private Decisions() {
    }

    /** A Decision per CONTRACT.md, naming a candidate, with an unknown field the service must relay. */
    public static String json(String loopId, int version, String outcome, String level) {
        boolean hire = outcome.equals("HIRE");
        return """
                {"loopId":"%s","decisionVersion":%d,"candidate":{"id":"cand-1","name":"Ada Lovelace"},
                 "position":"MLOps Engineer","level":"%s","outcome":"%s","average":4.25,
                 "areaScores":{"CONTAINERIZATION":5,"ORCHESTRATION":5,"CI_CD":4,"ML_TOOLS":4,"MONITORING":4,
                   "SYSTEM_DESIGN":4,"PROBLEM_SOLVING":4,"COMMUNICATION":4.0},
                 "checks":[{"rule":"AVERAGE","passed":true,"actual":4.25,"required":4.0},
                   {"rule":"EXPERT_AREAS","passed":%s,"actual":2,"required":3}],
                 "missingAreas":[],"nearMiss":%s,"needsDiscussion":false,"discussionReasons":[],
                 "strengths":["CONTAINERIZATION","ORCHESTRATION"],"areasToImprove":[],
                 "decidedAt":"2026-11-26T10:15:30Z","futureField":{"kept":true}}
                """.formatted(loopId, version, level, outcome, hire, !hire).replace("\n", "");
    }
}
