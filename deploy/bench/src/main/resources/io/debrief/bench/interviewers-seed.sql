-- The interviewers scenario's data set, written straight into calibration-service's database (its Flyway schema,
-- migrated by the instance under test): what calibration-service would hold after :loops decided loops with panels
-- of four drawn from :interviewers interviewers. Only the two tables interviewer calibration reads and writes are
-- filled: interviewer_contribution (one row per interviewer and decided loop) and interviewer_totals (per interviewer
-- and scope, ALL and each level: the running sums and the served statistics document, derived here from those very
-- contributions). GET /api/interviewers reads interviewer_totals only; ?since= reads interviewer_contribution.
-- Distributions (deterministic, setseed):
--   level JUNIOR 30 %, MID 45 %, SENIOR 25 %; decided over the last two years; 5 % INSUFFICIENT_EVIDENCE (no agreement);
--   a panel's first seat drawn with a power-law skew (u^1.5: the busiest interviewers sit on far more panels);
--     the other three seats offset from it, so a loop's four interviewers are distinct;
--   each interviewer scores three areas whose scores someone else on the panel also gave (seat s: areas 2s, 2s+1 and
--     2s+2 mod 8); the deviation from the others' mean is k/3 with k = round(bias + 2·N(0,1)) in -12..12, the
--     interviewer's bias from -3 to +3 in steps of 1/2 (so some are LENIENT or HARSH, most CALIBRATED);
--   recommendation agrees with the outcome 72 %; time to feedback log-normal around 20 h (σ 0.9), unknown for 10 %.
SELECT setseed(0.15);
DROP TABLE IF EXISTS bench_seed_contribution;
CREATE UNLOGGED TABLE bench_seed_contribution AS
SELECT loop_id, iv, seat, level, decided_at, agreed, feedback_seconds,
       least(12, greatest(-12, round(bias + 2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int AS k1,
       least(12, greatest(-12, round(bias + 2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int AS k2,
       least(12, greatest(-12, round(bias + 2 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int AS k3
FROM (SELECT l.loop_id, (l.base + s * (:interviewers / 4 + 1)) % :interviewers AS iv, s AS seat, l.level, l.decided_at,
             CASE WHEN l.insufficient THEN NULL ELSE random() < 0.72 END AS agreed,
             CASE WHEN random() < 0.1 THEN NULL
                  ELSE round(exp(ln(72000) + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::bigint END
                 AS feedback_seconds,
             ((((l.base + s * (:interviewers / 4 + 1)) % :interviewers) * 37) % 13 - 6) * 0.5 AS bias
      FROM (SELECT 'bench-loop-' || n AS loop_id,
                   CASE WHEN r1 < 0.30 THEN 'JUNIOR' WHEN r1 < 0.75 THEN 'MID' ELSE 'SENIOR' END AS level,
                   now() - r2 * interval '730 days' AS decided_at,
                   r3 < 0.05 AS insufficient,
                   floor(:interviewers * power(r4, 1.5))::int AS base
            FROM (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4
                  FROM generate_series(1, :loops) AS n) AS draws) AS l
      CROSS JOIN generate_series(0, 3) AS s) AS seats;

TRUNCATE interviewer_contribution, interviewer_totals;

INSERT INTO interviewer_contribution (loop_id, interviewer_id, level, decided_at, deviations, agreed, feedback_seconds)
SELECT loop_id, 'bench-iv-' || lpad(iv::text, 5, '0'), level, decided_at,
       json_build_object(a[1 + 2 * seat], k1 || '/3', a[2 + 2 * seat], k2 || '/3', a[1 + (2 * seat + 2) % 8], k3 || '/3')::text,
       agreed, feedback_seconds
FROM bench_seed_contribution,
     (SELECT ARRAY['CONTAINERIZATION', 'ORCHESTRATION', 'CI_CD', 'ML_TOOLS', 'MONITORING', 'SYSTEM_DESIGN',
                   'PROBLEM_SOLVING', 'COMMUNICATION'] AS a) AS areas;

INSERT INTO interviewer_totals (interviewer_id, scope, totals, calibration, deviation_order)
WITH areas AS (
    SELECT ARRAY['CONTAINERIZATION', 'ORCHESTRATION', 'CI_CD', 'ML_TOOLS', 'MONITORING', 'SYSTEM_DESIGN',
                 'PROBLEM_SOLVING', 'COMMUNICATION'] AS a
), by_seat AS (
    SELECT iv, level, seat, count(*) AS pairs, sum(k1) AS k1, sum(k2) AS k2, sum(k3) AS k3
    FROM bench_seed_contribution GROUP BY iv, level, seat
), area_rows AS (
    SELECT iv, level, 1 + 2 * seat AS area, pairs, k1 AS k FROM by_seat
    UNION ALL SELECT iv, level, 2 + 2 * seat, pairs, k2 FROM by_seat
    UNION ALL SELECT iv, level, 1 + (2 * seat + 2) % 8, pairs, k3 FROM by_seat
), by_area AS (
    SELECT iv, COALESCE(level, 'ALL') AS scope, area, sum(pairs) AS pairs, sum(k) AS k
    FROM area_rows GROUP BY GROUPING SETS ((iv, level, area), (iv, area))
), deviation AS (
    SELECT iv, scope, sum(pairs) AS pairs, sum(k) AS k,
           json_object_agg(a[area], json_build_object('meanDeviation', round(k / (3.0 * pairs), 2), 'pairs', pairs)
                           ORDER BY area) AS by_area,
           json_object_agg(a[area], json_build_object('pairs', pairs, 'deviation', k || '/3') ORDER BY area) AS area_totals
    FROM by_area, areas GROUP BY iv, scope
), loops AS (
    SELECT iv, COALESCE(level, 'ALL') AS scope, count(*) AS loops,
           count(*) FILTER (WHERE agreed) AS agreed, count(agreed) AS agreement_total,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY feedback_seconds) AS median_seconds,
           count(*) FILTER (WHERE feedback_seconds <= 86400) AS within24h, count(feedback_seconds) AS feedback_total,
           COALESCE(json_agg(feedback_seconds ORDER BY feedback_seconds) FILTER (WHERE feedback_seconds IS NOT NULL), '[]')
               AS feedback_seconds
    FROM bench_seed_contribution GROUP BY GROUPING SETS ((iv), (iv, level))
)
SELECT 'bench-iv-' || lpad(l.iv::text, 5, '0'), l.scope,
       json_build_object('loops', l.loops, 'pairs', d.pairs, 'deviation', d.k || '/3', 'areas', d.area_totals,
                         'agreed', l.agreed, 'agreementTotal', l.agreement_total, 'feedbackSeconds', l.feedback_seconds)::text,
       json_build_object('interviewerId', 'bench-iv-' || lpad(l.iv::text, 5, '0'), 'loops', l.loops, 'pairs', d.pairs,
                         'meanDeviation', round(d.k / (3.0 * d.pairs), 2), 'byArea', d.by_area,
                         'leniency', CASE WHEN l.loops < 5 THEN 'INSUFFICIENT_DATA'
                                          WHEN d.k / (3.0 * d.pairs) >= 0.75 THEN 'LENIENT'
                                          WHEN d.k / (3.0 * d.pairs) <= -0.75 THEN 'HARSH' ELSE 'CALIBRATED' END,
                         'recommendationAgreement', json_build_object('agreed', l.agreed, 'total', l.agreement_total),
                         'timeToFeedback', json_build_object('medianHours', round((l.median_seconds / 3600)::numeric, 2),
                                                              'within24h', l.within24h, 'total', l.feedback_total))::text,
       round(abs(d.k / (3.0 * d.pairs)), 30)
FROM loops l JOIN deviation d ON d.iv = l.iv AND d.scope = l.scope;

DROP TABLE bench_seed_contribution;
