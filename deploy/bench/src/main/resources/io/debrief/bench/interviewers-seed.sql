-- The interviewers scenario's data set, written straight into calibration-service's database (its Flyway schema,
-- migrated by the instance under test): what calibration-service would hold after :loops decided loops with panels
-- of four drawn from :interviewers interviewers. Only the two tables interviewer calibration reads and writes are
-- filled: interviewer_contribution (one row per interviewer and decided loop) and interviewer_totals (per interviewer
-- and scope, ALL and each level: the running sums, derived here from those very contributions). GET /api/interviewers
-- reads a page of interviewer_totals and, for each interviewer on it, the middle of their feedback times from
-- interviewer_contribution (an index range); ?since= reads interviewer_contribution.
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

-- the contributions' indexes (the service's, whatever they are) are dropped and made again after the bulk insert
DROP TABLE IF EXISTS bench_seed_index;
CREATE UNLOGGED TABLE bench_seed_index AS SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'interviewer_contribution'::regclass AND NOT indisprimary;
DO $$ DECLARE r record; BEGIN FOR r IN SELECT name FROM bench_seed_index LOOP EXECUTE 'DROP INDEX ' || r.name; END LOOP; END $$;

INSERT INTO interviewer_contribution (loop_id, interviewer_id, level, decided_at, deviations, agreed, feedback_seconds)
SELECT loop_id, 'bench-iv-' || lpad(iv::text, 5, '0'), level, decided_at,
       json_build_object(a[1 + 2 * seat], k1 || '/3', a[2 + 2 * seat], k2 || '/3', a[1 + (2 * seat + 2) % 8], k3 || '/3')::text,
       agreed, feedback_seconds
FROM bench_seed_contribution,
     (SELECT ARRAY['CONTAINERIZATION', 'ORCHESTRATION', 'CI_CD', 'ML_TOOLS', 'MONITORING', 'SYSTEM_DESIGN',
                   'PROBLEM_SOLVING', 'COMMUNICATION'] AS a) AS areas;

DO $$ DECLARE r record; BEGIN FOR r IN SELECT definition FROM bench_seed_index LOOP EXECUTE r.definition; END LOOP; END $$;
DROP TABLE bench_seed_index;

-- the sums exactly as InterviewerStore keeps them: deviations times 232792560 = lcm(1..19), so k/3 is k * 77597520;
-- areas in the order of the table's columns (CONTAINERIZATION = 1 ... COMMUNICATION = 8)
INSERT INTO interviewer_totals (interviewer_id, scope, loops, pairs, deviation, pairs_containerization, deviation_containerization, pairs_orchestration, deviation_orchestration, pairs_ci_cd, deviation_ci_cd, pairs_ml_tools, deviation_ml_tools, pairs_monitoring, deviation_monitoring, pairs_system_design, deviation_system_design, pairs_problem_solving, deviation_problem_solving, pairs_communication, deviation_communication,
                                agreed, agreement_total, feedback_total, within24h)
WITH area_rows AS (
    SELECT iv, level, 1 + 2 * seat AS area, k1 AS k FROM bench_seed_contribution
    UNION ALL SELECT iv, level, 2 + 2 * seat, k2 FROM bench_seed_contribution
    UNION ALL SELECT iv, level, 1 + (2 * seat + 2) % 8, k3 FROM bench_seed_contribution
), by_area AS (
    SELECT iv, COALESCE(level, 'ALL') AS scope, count(*) AS pairs, sum(k) * 77597520 AS deviation,
           count(*) FILTER (WHERE area = 1) AS p1, COALESCE(sum(k) FILTER (WHERE area = 1), 0) * 77597520 AS d1,
           count(*) FILTER (WHERE area = 2) AS p2, COALESCE(sum(k) FILTER (WHERE area = 2), 0) * 77597520 AS d2,
           count(*) FILTER (WHERE area = 3) AS p3, COALESCE(sum(k) FILTER (WHERE area = 3), 0) * 77597520 AS d3,
           count(*) FILTER (WHERE area = 4) AS p4, COALESCE(sum(k) FILTER (WHERE area = 4), 0) * 77597520 AS d4,
           count(*) FILTER (WHERE area = 5) AS p5, COALESCE(sum(k) FILTER (WHERE area = 5), 0) * 77597520 AS d5,
           count(*) FILTER (WHERE area = 6) AS p6, COALESCE(sum(k) FILTER (WHERE area = 6), 0) * 77597520 AS d6,
           count(*) FILTER (WHERE area = 7) AS p7, COALESCE(sum(k) FILTER (WHERE area = 7), 0) * 77597520 AS d7,
           count(*) FILTER (WHERE area = 8) AS p8, COALESCE(sum(k) FILTER (WHERE area = 8), 0) * 77597520 AS d8
    FROM area_rows GROUP BY GROUPING SETS ((iv, level), (iv))
), loops AS (
    SELECT iv, COALESCE(level, 'ALL') AS scope, count(*) AS loops, count(*) FILTER (WHERE agreed) AS agreed,
           count(agreed) AS agreement_total, count(feedback_seconds) AS feedback_total,
           count(*) FILTER (WHERE feedback_seconds <= 86400) AS within24h
    FROM bench_seed_contribution GROUP BY GROUPING SETS ((iv), (iv, level))
)
SELECT 'bench-iv-' || lpad(l.iv::text, 5, '0'), l.scope, l.loops, a.pairs, a.deviation, a.p1, a.d1, a.p2, a.d2, a.p3, a.d3, a.p4, a.d4, a.p5, a.d5, a.p6, a.d6, a.p7, a.d7, a.p8, a.d8,
       l.agreed, l.agreement_total, l.feedback_total, l.within24h
FROM loops l JOIN by_area a ON a.iv = l.iv AND a.scope = l.scope;

DROP TABLE bench_seed_contribution;
