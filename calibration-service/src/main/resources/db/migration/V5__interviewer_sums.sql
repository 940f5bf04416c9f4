-- Interviewer totals as plain sums (issue 15). Before, every batch locked, read, parsed, recomputed and rewrote each
-- touched interviewer's totals as JSON carrying every feedback time they ever had, plus the served document: that cost
-- the replay 44 % of its events/s. Now a batch adds each loop's difference with one INSERT ... ON CONFLICT DO UPDATE
-- SET x = x + delta and reads nothing back; the statistics are derived when read, the median time to feedback from the
-- contributions (the two feedback indexes below: a page of the list reads only the middle values).
--
-- Deviations stay exact as whole numbers: each is (n * score - sum) / (n - 1) for the n <= 20 panel interviewers who
-- scored the area, so times 232792560 = lcm(1..19) it is an integer (deviation columns below: sums times that).

ALTER TABLE interviewer_totals RENAME TO interviewer_totals_v3;
ALTER TABLE interviewer_totals_v3 RENAME CONSTRAINT interviewer_totals_pkey TO interviewer_totals_v3_pkey;
DROP INDEX interviewer_totals_order;

CREATE TABLE interviewer_totals (
    interviewer_id  TEXT   NOT NULL,
    scope           TEXT   NOT NULL, -- ALL or a level
    loops           INT    NOT NULL DEFAULT 0, -- decided loops with at least one pair
    pairs           INT    NOT NULL DEFAULT 0,
    deviation       BIGINT NOT NULL DEFAULT 0, -- sum of the deviations times 232792560
    pairs_containerization  INT    NOT NULL DEFAULT 0,
    deviation_containerization BIGINT NOT NULL DEFAULT 0,
    pairs_orchestration     INT    NOT NULL DEFAULT 0,
    deviation_orchestration BIGINT NOT NULL DEFAULT 0,
    pairs_ci_cd             INT    NOT NULL DEFAULT 0,
    deviation_ci_cd         BIGINT NOT NULL DEFAULT 0,
    pairs_ml_tools          INT    NOT NULL DEFAULT 0,
    deviation_ml_tools      BIGINT NOT NULL DEFAULT 0,
    pairs_monitoring        INT    NOT NULL DEFAULT 0,
    deviation_monitoring    BIGINT NOT NULL DEFAULT 0,
    pairs_system_design     INT    NOT NULL DEFAULT 0,
    deviation_system_design BIGINT NOT NULL DEFAULT 0,
    pairs_problem_solving   INT    NOT NULL DEFAULT 0,
    deviation_problem_solving BIGINT NOT NULL DEFAULT 0,
    pairs_communication     INT    NOT NULL DEFAULT 0,
    deviation_communication BIGINT NOT NULL DEFAULT 0,
    agreed          INT    NOT NULL DEFAULT 0,
    agreement_total INT    NOT NULL DEFAULT 0,
    feedback_total  INT    NOT NULL DEFAULT 0,
    within24h       INT    NOT NULL DEFAULT 0,
    -- the list's order, ascending: -floor(|mean deviation| * 10^35), 1 without pairs (last); null without any data
    -- (not listed). A page continues after (list_key, interviewer_id).
    list_key        NUMERIC GENERATED ALWAYS AS (
        CASE WHEN loops = 0 AND pairs = 0 AND agreement_total = 0 AND feedback_total = 0 THEN NULL
             WHEN pairs = 0 THEN 1
             ELSE -div(abs(deviation)::numeric * 1e35, 232792560::numeric * pairs) END) STORED,
    PRIMARY KEY (interviewer_id, scope)
);
CREATE INDEX interviewer_totals_list ON interviewer_totals (scope, list_key, interviewer_id) WHERE list_key IS NOT NULL;

CREATE INDEX interviewer_contribution_feedback ON interviewer_contribution (interviewer_id, feedback_seconds)
    WHERE feedback_seconds IS NOT NULL;
CREATE INDEX interviewer_contribution_level_feedback ON interviewer_contribution (interviewer_id, level, feedback_seconds)
    WHERE feedback_seconds IS NOT NULL;

-- the totals of the contributions already kept (deviations stored as {"AREA": "numerator/denominator"})
INSERT INTO interviewer_totals (interviewer_id, scope, loops, pairs, deviation, pairs_containerization, deviation_containerization, pairs_orchestration, deviation_orchestration, pairs_ci_cd, deviation_ci_cd, pairs_ml_tools, deviation_ml_tools, pairs_monitoring, deviation_monitoring, pairs_system_design, deviation_system_design, pairs_problem_solving, deviation_problem_solving, pairs_communication, deviation_communication,
                                agreed, agreement_total, feedback_total, within24h)
SELECT interviewer_id, COALESCE(level, 'ALL'), count(*) FILTER (WHERE pairs > 0), sum(pairs), sum(deviation),
       sum(pairs_containerization), sum(deviation_containerization), sum(pairs_orchestration), sum(deviation_orchestration), sum(pairs_ci_cd), sum(deviation_ci_cd), sum(pairs_ml_tools), sum(deviation_ml_tools), sum(pairs_monitoring), sum(deviation_monitoring), sum(pairs_system_design), sum(deviation_system_design), sum(pairs_problem_solving), sum(deviation_problem_solving), sum(pairs_communication), sum(deviation_communication),
       count(*) FILTER (WHERE agreed), count(agreed), count(feedback_seconds),
       count(*) FILTER (WHERE feedback_seconds <= 86400)
FROM (SELECT c.loop_id, c.interviewer_id, c.level, c.agreed, c.feedback_seconds,
             count(e.key) AS pairs, COALESCE(sum(e.scaled), 0) AS deviation,
             count(e.key) FILTER (WHERE e.key = 'CONTAINERIZATION') AS pairs_containerization,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'CONTAINERIZATION'), 0) AS deviation_containerization,
             count(e.key) FILTER (WHERE e.key = 'ORCHESTRATION') AS pairs_orchestration,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'ORCHESTRATION'), 0) AS deviation_orchestration,
             count(e.key) FILTER (WHERE e.key = 'CI_CD') AS pairs_ci_cd,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'CI_CD'), 0) AS deviation_ci_cd,
             count(e.key) FILTER (WHERE e.key = 'ML_TOOLS') AS pairs_ml_tools,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'ML_TOOLS'), 0) AS deviation_ml_tools,
             count(e.key) FILTER (WHERE e.key = 'MONITORING') AS pairs_monitoring,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'MONITORING'), 0) AS deviation_monitoring,
             count(e.key) FILTER (WHERE e.key = 'SYSTEM_DESIGN') AS pairs_system_design,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'SYSTEM_DESIGN'), 0) AS deviation_system_design,
             count(e.key) FILTER (WHERE e.key = 'PROBLEM_SOLVING') AS pairs_problem_solving,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'PROBLEM_SOLVING'), 0) AS deviation_problem_solving,
             count(e.key) FILTER (WHERE e.key = 'COMMUNICATION') AS pairs_communication,
             COALESCE(sum(e.scaled) FILTER (WHERE e.key = 'COMMUNICATION'), 0) AS deviation_communication
      FROM interviewer_contribution c
      LEFT JOIN LATERAL (SELECT key, split_part(value, '/', 1)::bigint * (232792560 / split_part(value, '/', 2)::bigint)
                                AS scaled
                         FROM json_each_text(c.deviations::json)) AS e ON true
      GROUP BY c.loop_id, c.interviewer_id, c.level, c.agreed, c.feedback_seconds) AS per_contribution
GROUP BY GROUPING SETS ((interviewer_id), (interviewer_id, level));

DROP TABLE interviewer_totals_v3;
