# Sourced by deploy/local/run.sh and deploy/kubernetes/run.sh: their messages, and the sample debrief both run.
# shellcheck shell=bash

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
pretty() { if command -v jq >/dev/null; then jq .; elif command -v python3 >/dev/null; then python3 -m json.tool; else cat; echo; fi; }

# sample_debrief SCORECARDS NOTIFICATIONS TOKEN_SH VIA [ON_FAILURE]: opens a MID loop with three interviewers on
# scorecard-service at SCORECARDS, submits their scorecards (each interviewer with a token of their own, minted by
# TOKEN_SH SUB ROLE) and prints the decision notification-service at NOTIFICATIONS relays (VIA says how it was
# reached, ON_FAILURE is added to the message when none arrives). Leaves the loop's id in loop_id.
sample_debrief() {
  local scorecards="$1" notifications="$2" token_sh="$3" via="$4" on_failure="${5:-}" recruiter loop decision
  recruiter="$("$token_sh" rita recruiter)"
  say "Sample debrief: a MID loop with three interviewers"
  loop="$(curl -fsS -H "Authorization: Bearer $recruiter" -H 'Content-Type: application/json' "$scorecards/api/loops" -d '{
    "candidate": {"id": "cand-sample", "name": "Sample Candidate"},
    "position": "MLOps Engineer", "level": "MID",
    "panel": [{"interviewerId": "alice", "stage": "TECHNICAL_DEEP_DIVE"},
              {"interviewerId": "bob", "stage": "SYSTEM_DESIGN"},
              {"interviewerId": "carol", "stage": "CULTURAL_FIT"}]}')"
  loop_id="$(printf '%s' "$loop" | sed -n 's/.*"loopId" *: *"\([^"]*\)".*/\1/p')"
  [ -n "$loop_id" ] || fail "opening the sample loop failed: $loop"
  echo "    loop $loop_id"
  sample_scorecard "$scorecards" "$token_sh" alice '{"interviewerId":"alice","scores":{"CONTAINERIZATION":4,"ORCHESTRATION":4,"CI_CD":4,"ML_TOOLS":3},"greenFlags":["PRODUCTION_EXPERIENCE"],"recommendation":"YES"}'
  sample_scorecard "$scorecards" "$token_sh" bob '{"interviewerId":"bob","scores":{"SYSTEM_DESIGN":4,"MONITORING":3,"PROBLEM_SOLVING":3},"greenFlags":["UNDERSTANDS_TRADE_OFFS"],"recommendation":"YES"}'
  sample_scorecard "$scorecards" "$token_sh" carol '{"interviewerId":"carol","scores":{"COMMUNICATION":3},"recommendation":"STRONG_YES"}'

  # On data kept from an earlier run the consumers first wait for their old group members to time out (Kafka's
  # session timeout), so the first decision can take up to a minute; later ones take milliseconds.
  echo "    waiting for the decision (up to a minute after a restart on kept data)"
  decision=""
  for _ in $(seq 1 600); do
    decision="$(curl -fsS -H "Authorization: Bearer $recruiter" "$notifications/api/decisions?loopId=$loop_id" 2>/dev/null || true)"
    case "$decision" in *'"outcome"'*) break ;; esac
    sleep 0.2
  done
  case "$decision" in *'"outcome"'*) ;; *) fail "no decision arrived within 120s$on_failure" ;; esac
  say "Decision for the sample loop (from notification-service$via)"
  printf '%s' "$decision" | pretty
}

# sample_scorecard SCORECARDS TOKEN_SH INTERVIEWER JSON: submits one interviewer's scorecard of the sample loop
sample_scorecard() {
  curl -fsS -o /dev/null -H "Authorization: Bearer $("$2" "$3" interviewer)" -H 'Content-Type: application/json' \
    "$1/api/loops/$loop_id/scorecards" -d "$4" || fail "submitting $3's sample scorecard failed"
  echo "    $3 submitted"
}
