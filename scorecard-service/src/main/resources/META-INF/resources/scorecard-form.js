// The scorecard form: the eight areas (the stage's focus areas first and open, the others collapsed), each with the
// scale 1-5 and its meanings, the level's expectations beside it and the evidence; flags grouped technical and
// behavioural; recommendation; notes. Checks mirror the server's (ScorecardRequest): whole scores 1-5, at least one
// area, texts of at most 10,000 characters, a recommendation; both name fields as the server does.
import { el } from './platform/dom.js';
import { AREAS, GREEN_FLAGS, RECOMMENDATIONS, RED_FLAGS } from './platform/vocabulary.js';

export const MAX_TEXT = 10000;

/**
 * Builds the form's fields into form for a loop's level and the interviewer's focus areas.
 * @param rubric GET /api/rubric's answer, or null when it could not be loaded
 */
export function buildScorecardForm(form, { t, level, focusAreas, rubric }) {
  const focus = AREAS.filter((area) => focusAreas.includes(area));
  const others = AREAS.filter((area) => !focusAreas.includes(area));
  form.querySelector('#focus-areas').replaceChildren(...focus.map((area) => areaBlock(area, true, { t, level, rubric })));
  form.querySelector('#other-areas').replaceChildren(...others.map((area) => areaBlock(area, false, { t, level, rubric })));
  form.querySelector('#rubric-missing').hidden = Boolean(rubric);
  fillFlags(form.querySelector('#red-flags'), 'redFlags', RED_FLAGS, t);
  fillFlags(form.querySelector('#green-flags'), 'greenFlags', GREEN_FLAGS, t);
  const recommendation = form.querySelector('#recommendation');
  recommendation.replaceChildren(recommendation.querySelector('legend'), ...RECOMMENDATIONS.map((value) =>
    el('label', { class: `choice rec-${value.toLowerCase()}` },
      el('input', { type: 'radio', name: 'recommendation', value }), ` ${t(value)}`)));
}

function areaBlock(area, open, { t, level, rubric }) {
  const meanings = rubric?.scale ?? {};
  const expectations = rubric?.areas?.[area];
  const scale = el('fieldset', { class: 'scale', 'aria-describedby': `err-scores-${area}` },
    el('legend', {}, t('score')),
    el('label', { class: 'choice none' }, el('input', { type: 'radio', name: `score-${area}`, value: '', checked: true }),
      ` ${t('notScored')}`),
    ...[1, 2, 3, 4, 5].map((score) => el('label', { class: 'choice' },
      el('input', { type: 'radio', name: `score-${area}`, value: String(score) }),
      el('b', {}, ` ${score}`), meanings[score] ? el('span', { class: 'meaning' }, ` — ${meanings[score]}`) : null)));
  const aside = el('aside', { class: 'rubric', 'aria-label': t('expectations', { level: t(level) }) },
    el('h5', {}, t('expectations', { level: t(level) })),
    el('ul', {}, ...(expectations?.expectations ?? []).map((text) => el('li', {}, text))),
    expectations?.assessment ? el('p', { class: 'assessment' }, el('strong', {}, `${t('assessment')}: `), expectations.assessment) : null);
  return el('details', { class: `area${open ? ' focus' : ''}`, 'data-area': area, open: open || null },
    el('summary', {}, el('span', { class: 'area-name' }, t(area)),
      open ? null : el('span', { class: 'muted small' }, ` (${t('optional')})`),
      el('span', { class: 'picked', 'data-picked': area })),
    el('div', { class: 'area-body' },
      el('div', { class: 'area-input' }, scale,
        el('p', { class: 'field-error', id: `err-scores-${area}`, 'data-field': `scores[${area}]`, role: 'alert', hidden: true }),
        el('label', { for: `evidence-${area}` }, t('evidence')),
        el('textarea', { id: `evidence-${area}`, name: `evidence-${area}`, rows: '3', placeholder: t('evidenceHelp'),
          'aria-describedby': `err-evidence-${area}` }),
        el('p', { class: 'field-error', id: `err-evidence-${area}`, 'data-field': `evidence[${area}]`, role: 'alert', hidden: true })),
      aside));
}

function fillFlags(fieldset, name, groups, t) {
  fieldset.replaceChildren(fieldset.querySelector('legend'), ...Object.entries(groups).map(([group, flags]) =>
    el('fieldset', { class: 'flag-kind', 'data-kind': group }, el('legend', {}, t(group)),
      ...flags.map((flag) => el('label', { class: 'choice' }, el('input', { type: 'checkbox', name, value: flag }), ` ${t(flag)}`)))));
}

/** The request body the form holds now (ScorecardRequest of CONTRACT.md). */
export function readScorecard(form, interviewerId) {
  const data = new FormData(form);
  const scores = {};
  const evidence = {};
  for (const area of AREAS) {
    const score = data.get(`score-${area}`);
    if (score !== null && score !== '') scores[area] = Number(score);
    const text = data.get(`evidence-${area}`);
    if (text && text.trim()) evidence[area] = text;
  }
  const notes = data.get('notes');
  return { interviewerId, scores, evidence, redFlags: data.getAll('redFlags'), greenFlags: data.getAll('greenFlags'),
    recommendation: data.get('recommendation'), ...(notes && notes.trim() ? { notes } : {}) };
}

/** Puts a scorecard (the latest version, when amending) into the form. */
export function fillScorecard(form, scorecard) {
  for (const area of AREAS) {
    const score = scorecard.scores?.[area];
    const radio = form.querySelector(`input[name="score-${area}"][value="${score ?? ''}"]`);
    if (radio) radio.checked = true;
    form.querySelector(`#evidence-${area}`).value = scorecard.evidence?.[area] ?? '';
    if (score !== undefined || scorecard.evidence?.[area]) form.querySelector(`details[data-area="${area}"]`).open = true;
  }
  const flags = new Set([...(scorecard.redFlags ?? []), ...(scorecard.greenFlags ?? [])]);
  form.querySelectorAll('input[name="redFlags"], input[name="greenFlags"]').forEach((box) => { box.checked = flags.has(box.value); });
  form.querySelectorAll('input[name="recommendation"]').forEach((radio) => { radio.checked = radio.value === scorecard.recommendation; });
  form.querySelector('#notes').value = scorecard.notes ?? '';
  showPicked(form);
}

/** The summary line of each area shows the score picked, so a collapsed area still tells. */
export function showPicked(form) {
  for (const area of AREAS) {
    const picked = form.querySelector(`input[name="score-${area}"]:checked`)?.value;
    const badge = form.querySelector(`[data-picked="${area}"]`);
    if (badge) badge.textContent = picked ? ` · ${picked}` : '';
  }
}

/** The server's rules, checked before sending: violations named as the server names them. */
export function checkScorecard(body, t) {
  const violations = [];
  const scored = Object.entries(body.scores);
  if (!scored.length) violations.push({ field: 'scores', message: t('needOneScore') });
  for (const [area, score] of scored) {
    if (!Number.isInteger(score) || score < 1 || score > 5) violations.push({ field: `scores[${area}]`, message: t('scoreRange') });
  }
  for (const [area, text] of Object.entries(body.evidence)) {
    if (text.length > MAX_TEXT) violations.push({ field: `evidence[${area}]`, message: t('tooLong', { max: MAX_TEXT, length: text.length }) });
  }
  if (body.notes && body.notes.length > MAX_TEXT) {
    violations.push({ field: 'notes', message: t('tooLong', { max: MAX_TEXT, length: body.notes.length }) });
  }
  if (!body.recommendation) violations.push({ field: 'recommendation', message: t('needRecommendation') });
  return violations;
}
