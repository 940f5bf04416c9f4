// The interviewer's page: my loops (pending first, with the scheduled end), the scorecard form with the rubric beside
// it, submit and amend, the panel's scorecards once mine is in (blind feedback); a recruiter opens loops from a plan.
// Data: GET /api/session/user, /api/plans, /api/rubric, /api/loops?interviewer=, /api/loops/{id} and its scorecards.
import { $, el, number, when } from './platform/dom.js';
import { clearViolations, showViolations } from './platform/forms.js';
import { ApiError, api } from './platform/session.js';
import { startShell } from './platform/shell.js';
import { AREAS } from './platform/vocabulary.js';
import { openLoopForm, panelTable, seatStatus } from './open-loop.js';
import { buildScorecardForm, checkScorecard, fillScorecard, readScorecard, showPicked } from './scorecard-form.js';
import WORDS from './words.json' with { type: 'json' };

const state = { user: null, plans: null, loops: [], selected: null, loop: null, latest: null, others: null, rubrics: new Map(), done: null };
const shell = startShell({ words: WORDS, signInRole: 'interviewer', render: () => rerender() });
const t = shell.t;
let openForm = null;

const mySeat = (loop) => loop?.panel?.find((seat) => seat.interviewerId === state.user?.id);
const pending = (loop) => loop.status === 'OPEN' && !mySeat(loop)?.submitted;

/** Focus areas by stage, from every level's plan (a stage focuses on the same areas at every level). */
function focusAreas(stage) {
  for (const plan of Object.values(state.plans ?? {})) {
    const found = plan.stages?.find((s) => s.stage === stage);
    if (found) return found.focusAreas;
  }
  return state.plans ? [] : AREAS;
}

async function rubric(level) {
  const key = `${level}:${shell.lang}`;
  if (!state.rubrics.has(key)) {
    state.rubrics.set(key, await api(`api/rubric?level=${encodeURIComponent(level)}`,
      { headers: { 'Accept-Language': shell.lang } }).catch(() => null));
  }
  return state.rubrics.get(key);
}

// ---- my loops
function renderLoops() {
  const loops = [...state.loops].sort((a, b) => Number(pending(b)) - Number(pending(a))
    || String(mySeat(a)?.scheduledEnd ?? '9999').localeCompare(String(mySeat(b)?.scheduledEnd ?? '9999'))
    || String(b.openedAt).localeCompare(String(a.openedAt)));
  $('loops').replaceChildren(...loops.map((loop) => {
    const seat = mySeat(loop);
    const button = el('button', { type: 'button', class: 'loop', 'data-loop-id': loop.loopId,
      'data-pending': String(pending(loop)), 'aria-current': loop.loopId === state.selected ? 'true' : null },
    el('span', { class: 'who' }, loop.candidate?.name ?? loop.loopId),
    el('span', { class: 'what' }, `${loop.position ?? ''} · ${t(loop.level)} · ${seat ? t(seat.stage) : ''}`),
    el('span', { class: 'what end' }, `${t('scheduledEnd')}: ${seat?.scheduledEnd ? when(seat.scheduledEnd, shell.lang) : t('notScheduled')}`),
    loop.status === 'CANCELLED' ? el('span', { class: 'badge' }, t('CANCELLED')) : seat ? seatStatus(seat, t) : null);
    button.addEventListener('click', () => select(loop.loopId));
    return el('li', {}, button);
  }));
  $('no-loops').hidden = loops.length > 0;
}

async function loadLoops() {
  state.loops = await api(`api/loops?interviewer=${encodeURIComponent(state.user.id)}`).catch(() => []);
  renderLoops();
}

// ---- one loop: the form, and the others' scorecards once mine is in
async function select(loopId) {
  state.selected = loopId;
  state.done = null;
  history.replaceState(null, '', `#${encodeURIComponent(loopId)}`);
  await loadLoop();
  $('loop').focus();
}

async function loadLoop() {
  const loopId = state.selected;
  state.loop = await api(`api/loops/${encodeURIComponent(loopId)}`);
  const seat = mySeat(state.loop);
  state.latest = seat?.submitted
    ? await api(`api/loops/${encodeURIComponent(loopId)}/scorecards/${encodeURIComponent(state.user.id)}`) : null;
  state.others = seat?.submitted ? await api(`api/loops/${encodeURIComponent(loopId)}/scorecards`).catch(() => []) : null;
  renderLoops();
  await renderLoop();
}

async function renderLoop(keep) {
  const loop = state.loop;
  $('loop-body').hidden = !loop;
  if (!loop) {
    $('loop-title').textContent = t('pickLoop');
    return;
  }
  const seat = mySeat(loop);
  $('loop').dataset.loopId = loop.loopId;
  $('loop-title').textContent = loop.candidate?.name ?? loop.loopId;
  $('l-position').textContent = loop.position ?? '';
  $('l-level').textContent = t(loop.level);
  $('l-stage').textContent = seat ? `${t('stage')}: ${t(seat.stage)}` : '';
  $('l-end').textContent = `${t('scheduledEnd')}: ${seat?.scheduledEnd ? when(seat.scheduledEnd, shell.lang) : t('notScheduled')}`;
  const notice = loop.status === 'CANCELLED' ? t('loopCancelled') : !seat ? t('notOnPanel') : '';
  $('l-notice').textContent = notice;
  $('l-notice').hidden = !notice;
  $('scorecard').hidden = Boolean(notice);
  $('l-panel').replaceChildren(panelTable(loop, shell));
  const ranges = state.plans?.[loop.level]?.questionRanges ?? [];
  $('l-questions').hidden = !ranges.length;
  $('l-question-list').replaceChildren(...ranges.map((range) => el('li', {}, `${range.topic} ${range.from}–${range.to}`)));
  if (!notice) await renderForm(seat, keep);
  renderOthers();
}

async function renderForm(seat, keep) {
  const form = $('scorecard');
  const level = state.loop.level;
  buildScorecardForm(form, { t, level, focusAreas: focusAreas(seat.stage), rubric: await rubric(level) });
  if (keep) fillScorecard(form, keep);
  else if (state.latest) fillScorecard(form, state.latest);
  else form.querySelector('#notes').value = '';
  const amending = $('amending');
  amending.hidden = !state.latest;
  amending.textContent = state.latest
    ? t('amending', { version: state.latest.version, at: when(state.latest.submittedAt, shell.lang) }) : '';
  $('submit-scorecard').textContent = state.latest ? t('amend', { version: state.latest.version + 1 }) : t('submit');
  clearViolations(form, $('form-error'));
  $('form-done').hidden = !state.done;
  $('form-done').textContent = state.done ? t('submitted', { version: state.done }) : '';
}

function renderOthers() {
  const others = (state.others ?? []).filter((card) => card.interviewerId !== state.user.id);
  $('others-hidden').hidden = state.others !== null;
  $('others-list').replaceChildren(...(state.others === null ? [] : others.length ? others.map(otherCard)
    : [el('li', { class: 'muted' }, t('noOthers'))]));
}

function otherCard(card) {
  const scores = AREAS.filter((area) => card.scores?.[area] !== undefined)
    .map((area) => el('li', {}, `${t(area)}: ${number(card.scores[area])}`));
  const flags = [...(card.redFlags ?? []).map((flag) => el('li', { class: 'red' }, t(flag))),
    ...(card.greenFlags ?? []).map((flag) => el('li', { class: 'green' }, t(flag)))];
  const evidence = Object.entries(card.evidence ?? {});
  return el('li', { class: 'other', 'data-interviewer': card.interviewerId },
    el('div', { class: 'other-head' }, el('strong', {}, card.interviewerId), el('span', { class: 'muted' },
      `${t(card.stage)} · ${t('version')} ${card.version}`), el('span', { class: 'badge' }, t(card.recommendation))),
    el('ul', { class: 'chips' }, ...scores), flags.length ? el('ul', { class: 'chips flags' }, ...flags) : null,
    evidence.length ? el('details', {}, el('summary', {}, t('evidence')),
      el('dl', {}, ...evidence.flatMap(([area, text]) => [el('dt', {}, t(area)), el('dd', {}, text)]))) : null);
}

async function submitScorecard(event) {
  event.preventDefault();
  const form = $('scorecard');
  const body = readScorecard(form, state.user.id);
  const violations = checkScorecard(body, t);
  $('form-done').hidden = true;
  if (violations.length) {
    showViolations(form, violations, $('form-error'));
    return;
  }
  clearViolations(form, $('form-error'));
  const loopId = encodeURIComponent(state.loop.loopId);
  $('submit-scorecard').disabled = true;
  try {
    const saved = state.latest
      ? await api(`api/loops/${loopId}/scorecards/${encodeURIComponent(state.user.id)}`, { method: 'PUT', body })
      : await api(`api/loops/${loopId}/scorecards`, { method: 'POST', body });
    state.done = saved.version;
    await loadLoop();
    await loadLoops();
  } catch (error) {
    if (error instanceof ApiError && error.violations.length) {
      showViolations(form, error.violations, $('form-error'));
      const unplaced = $('form-error').textContent;
      $('form-error').hidden = false;
      $('form-error').textContent = `${t('serverRefused', { detail: error.problem.detail ?? error.problem.title ?? error.status })}`
        + (unplaced ? ` ${unplaced}` : '');
    } else {
      $('form-error').hidden = false;
      $('form-error').textContent = t('serverRefused', { detail: error.message });
    }
  } finally {
    $('submit-scorecard').disabled = false;
  }
}

/** A language change rebuilds the form in the new language and keeps what was typed. */
async function rerender() {
  renderLoops();
  if (openForm) openForm.render();
  if (state.loop && !$('scorecard').hidden) {
    const typed = readScorecard($('scorecard'), state.user.id);
    await renderLoop(typed);
  } else {
    await renderLoop();
  }
}

async function start() {
  renderLoops();
  $('scorecard').addEventListener('submit', submitScorecard);
  $('scorecard').addEventListener('change', () => showPicked($('scorecard')));
  state.user = await shell.ready;
  if (!state.user) return;
  state.plans = await api('api/plans').catch(() => null);
  const roles = state.user.roles ?? [];
  if (roles.includes('interviewer')) {
    $('loops-panel').hidden = false;
    $('loop').hidden = false;
    await loadLoops();
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted) await select(wanted).catch(() => {});
  }
  if (roles.includes('recruiter') || roles.includes('admin')) {
    $('open-loop').hidden = false;
    openForm = openLoopForm({ shell, plans: state.plans, onOpened: () => (roles.includes('interviewer') ? loadLoops() : null) });
  }
}

start();
