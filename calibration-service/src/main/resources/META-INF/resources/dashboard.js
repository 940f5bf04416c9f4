// The live calibration dashboard: the loops, and for one loop its area scores against the level's bar.
// The interviewers view: each interviewer's deviation from the rest of the same candidate's panel, per area.
// Data: GET /api/calibrations, GET /api/bars, GET /api/interviewers (a page at a time: Link rel="next"), and the events of /api/calibrations/stream.
import { $, el, fillChoices, number, when } from './platform/dom.js';
import { api } from './platform/session.js';
import { startShell } from './platform/shell.js';
import { AREAS } from './platform/vocabulary.js';
import WORDS from './words.json' with { type: 'json' };

const SVG = 'http://www.w3.org/2000/svg';

const state = { calibrations: new Map(), bars: {}, selected: null, filters: {}, view: 'loops', interviewers: null,
  interviewersNext: null, interviewerLevel: '' };
const shell = startShell({ words: WORDS, signInRole: 'recruiter', render });
const t = shell.t;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function matchesFilters(calibration) {
  const { status, level, outcome } = state.filters;
  return (!status || calibration.status === status)
    && (!level || calibration.level === level)
    && (!outcome || calibration.outcome === outcome);
}

function render() {
  renderList();
  renderDetail();
  renderInterviewers();
}

function renderList() {
  const list = $('loops');
  const rows = [...state.calibrations.values()]
    .filter(matchesFilters)
    .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  list.replaceChildren(...rows.map((calibration) => {
    const badge = el('span', { class: `badge ${badgeClass(calibration)}` },
      calibration.outcome ? t(calibration.outcome) : t(calibration.status));
    const button = el('button', {
      type: 'button', class: 'loop', 'data-loop-id': calibration.loopId,
      'aria-current': calibration.loopId === state.selected ? 'true' : null,
    }, el('span', { class: 'who' }, who(calibration)),
    el('span', { class: 'what' }, `${calibration.position ?? ''} · ${t(calibration.level)}`), badge,
    (calibration.overdueInterviewers ?? []).length
      ? el('span', { class: 'what overdue-note', 'data-overdue': calibration.overdueInterviewers.join(',') },
        `${t('overdue')}: ${calibration.overdueInterviewers.join(', ')}`) : null,
    calibration.finalDecision
      ? el('span', { class: 'what final-note' }, `${t('final')}: ${t(calibration.finalDecision.outcome)}`) : null);
    button.addEventListener('click', () => select(calibration.loopId));
    return el('li', {}, button);
  }));
  $('no-loops').hidden = rows.length > 0;
}

function badgeClass(calibration) {
  if (calibration.status === 'CANCELLED') return 'muted';
  return { HIRE: 'good', NO_HIRE: 'bad', INSUFFICIENT_EVIDENCE: 'warn' }[calibration.outcome] ?? 'pending';
}

function select(loopId) {
  state.selected = loopId;
  history.replaceState(null, '', `#${encodeURIComponent(loopId)}`);
  render();
  $('detail').focus();
}

function renderDetail() {
  const calibration = state.calibrations.get(state.selected);
  $('detail-body').hidden = !calibration;
  if (!calibration) {
    $('detail-title').textContent = t('pickLoop');
    return;
  }
  $('detail').dataset.loopId = calibration.loopId;
  $('detail-title').textContent = who(calibration);
  $('d-candidate').textContent = calibration.candidate?.id ?? '';
  $('d-position').textContent = calibration.position ?? '';
  $('d-level').textContent = t(calibration.level);
  const outcome = $('d-outcome');
  outcome.className = `badge ${badgeClass(calibration)}`;
  outcome.dataset.outcome = calibration.outcome ?? '';
  outcome.textContent = calibration.outcome
    ? `${t(calibration.outcome)} (${t('version')} ${calibration.decisionVersion})`
    : calibration.status === 'CANCELLED' ? t('CANCELLED') : t('noDecision');
  $('d-average').textContent = `${t('average')} ${number(calibration.average)}`;
  $('d-near-miss').hidden = !calibration.nearMiss;
  renderFinal(calibration.finalDecision);
  renderChart(calibration);
  renderChecks(calibration);
  renderAreas(calibration);
  const overdue = new Set(calibration.overdueInterviewers ?? []);
  renderChips('d-pending', calibration.pendingInterviewers ?? [], (id) => (overdue.has(id) ? `${id} · ${t('overdue')}` : id),
    (id) => (overdue.has(id) ? { class: 'overdue', 'data-overdue': 'true' } : {}));
  renderChips('d-missing', calibration.missingAreas ?? [], (area) => t(area));
  renderChips('d-discussion', calibration.discussionReasons ?? [], (reason) =>
    [t(reason.reason), reason.area && t(reason.area), reason.flag && t(reason.flag)].filter(Boolean).join(': '));
}

function renderChart(calibration) {
  const bar = state.bars[calibration.level] ?? {};
  const chart = $('chart');
  const width = 640; const height = 300; const left = 40; const bottom = 70; const top = 10;
  const plot = height - bottom - top;
  const y = (score) => top + plot - (score / 5) * plot;
  const slot = (width - left) / AREAS.length;
  const nodes = [];
  for (let score = 0; score <= 5; score++) {
    nodes.push(svg('line', { x1: left, x2: width, y1: y(score), y2: y(score), class: 'grid' }));
    nodes.push(svg('text', { x: left - 8, y: y(score) + 4, class: 'axis', 'text-anchor': 'end' }, String(score)));
  }
  AREAS.forEach((area, index) => {
    const result = calibration.areas?.[area];
    const x = left + index * slot + slot * 0.2;
    const label = svg('text', { x: x + slot * 0.3, y: height - bottom + 16, class: 'axis', 'text-anchor': 'middle' });
    label.textContent = t(area).length > 12 ? `${t(area).slice(0, 11)}…` : t(area);
    nodes.push(label);
    if (!result) {
      nodes.push(svg('text', { x: x + slot * 0.3, y: y(0) - 6, class: 'missing', 'text-anchor': 'middle',
        'data-area': area }, '—'));
      return;
    }
    const below = bar.areaMinimum !== undefined && Number(result.score) < Number(bar.areaMinimum);
    const rect = svg('rect', {
      x, y: y(result.score), width: slot * 0.6, height: y(0) - y(result.score),
      class: `bar ${below ? 'below' : 'ok'}`, 'data-area': area, 'data-score': number(result.score),
    });
    rect.append(svg('title', {}, `${t(area)}: ${number(result.score)} (${result.scores.join(', ')})`));
    nodes.push(rect);
    nodes.push(svg('text', { x: x + slot * 0.3, y: y(result.score) - 4, class: 'value', 'text-anchor': 'middle' },
      number(result.score)));
  });
  if (bar.areaMinimum !== undefined) {
    nodes.push(svg('line', { x1: left, x2: width, y1: y(bar.areaMinimum), y2: y(bar.areaMinimum), class: 'minimum' }));
    nodes.push(svg('text', { x: width - 4, y: y(bar.areaMinimum) - 4, class: 'legend minimum-label', 'text-anchor': 'end' },
      `${t('areaMinimum')} ${number(bar.areaMinimum)}`));
  }
  if (bar.average !== undefined) {
    nodes.push(svg('line', { x1: left, x2: width, y1: y(bar.average), y2: y(bar.average), class: 'required' }));
    nodes.push(svg('text', { x: width - 4, y: y(bar.average) - 4, class: 'legend required-label', 'text-anchor': 'end' },
      `${t('requiredAverage')} ${number(bar.average)}`));
  }
  chart.replaceChildren(...nodes);
  $('chart-title').textContent = t('chartTitle',
    { level: t(calibration.level), min: number(bar.areaMinimum), avg: number(bar.average) });
}

function renderChecks(calibration) {
  $('d-checks').replaceChildren(...(calibration.checks ?? []).map((check) => {
    const gap = Number(check.actual) - Number(check.required);
    const result = check.passed ? t('passed') : `${t('failed')} (${t('off')} ${number(Math.abs(gap))})`;
    return el('tr', { class: `check ${check.passed ? 'pass' : 'fail'}`, 'data-rule': check.rule,
      'data-area': check.area ?? null, 'data-passed': String(check.passed) },
    el('th', { scope: 'row' }, check.area ? `${t(check.rule)} · ${t(check.area)}` : t(check.rule)),
    el('td', {}, number(check.actual)), el('td', {}, number(check.required)),
    el('td', {}, el('span', { class: `badge ${check.passed ? 'good' : 'bad'}` }, result)));
  }));
}

function renderAreas(calibration) {
  $('d-areas').replaceChildren(...AREAS.map((area) => {
    const result = calibration.areas?.[area];
    const who = result ? result.interviewers.map((id, i) => `${id}: ${result.scores[i]}`).join(', ') : t('none');
    return el('tr', { 'data-area': area }, el('th', { scope: 'row' }, t(area)),
      el('td', {}, result ? number(result.score) : '—'), el('td', {}, who));
  }));
}

/** The hiring manager's final decision, and whether it overrides the computed outcome. */
function renderFinal(final) {
  const node = $('d-final');
  node.hidden = !final;
  if (!final) return;
  node.dataset.outcome = final.outcome;
  node.dataset.override = String(final.override);
  node.className = `final ${final.override ? 'override' : ''}`;
  node.replaceChildren(
    el('strong', {}, t('finalDecision', { outcome: t(final.outcome) })),
    final.override ? el('span', { class: 'badge warn' }, t('override', { computed: t(final.computedOutcome) })) : null,
    el('span', { class: 'muted small' }, t('decidedBy', { who: final.decidedBy, when: when(final.decidedAt, shell.lang) })),
    final.reason == null ? el('span', { class: 'reason muted' }, t('erasedReason'))
      : el('q', { class: 'reason' }, final.reason));
}

/** The candidate's name; null once the candidate was erased (the API keeps the field), or the loop id without one. */
function who(calibration) {
  if (!calibration.candidate) return calibration.loopId;
  return calibration.candidate.name ?? t('erasedCandidate');
}

function renderChips(id, items, label, attributes = () => ({})) {
  const list = $(id);
  list.replaceChildren(...(items.length ? items.map((item) => el('li', attributes(item), label(item)))
    : [el('li', { class: 'muted' }, t('none'))]));
}

async function load() {
  const [bars, calibrations] = await Promise.all([api('api/bars'), api('api/calibrations')]);
  state.bars = bars;
  calibrations.forEach((calibration) => state.calibrations.set(calibration.loopId, calibration));
  render();
}

function connect() {
  const stream = new EventSource('api/calibrations/stream', { withCredentials: true });
  stream.onopen = () => shell.live('open');
  stream.onerror = () => shell.live('error');
  stream.addEventListener('calibration', (event) => {
    const calibration = JSON.parse(event.data);
    const known = state.calibrations.get(calibration.loopId);
    if (!known || String(known.updatedAt) <= String(calibration.updatedAt)) {
      state.calibrations.set(calibration.loopId, calibration);
      render();
    }
    if (calibration.status === 'DECIDED') refreshInterviewersSoon();
  });
}

// ---- the interviewers view
const SHORT = { CONTAINERIZATION: 'CTR', ORCHESTRATION: 'ORC', CI_CD: 'CI', ML_TOOLS: 'ML', MONITORING: 'MON',
  SYSTEM_DESIGN: 'SD', PROBLEM_SOLVING: 'PS', COMMUNICATION: 'COM' };
const signed = (value) => (value === null || value === undefined ? '—' : `${Number(value) > 0 ? '+' : ''}${number(value)}`);
let refreshTimer = null;

/** GET /api/interviewers answers a page at a time, with an RFC 8288 Link rel="next" to the following one. */
const PAGE = 100;
const LARGEST_PAGE = 1000;

async function interviewerPage(path) {
  const response = await fetch(path, { credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' } });
  // a refusal goes through api(): it asks for a sign-in on 401 and throws the problem
  if (!response.ok) return { rows: await api(path), next: null };
  const next = /<([^>]*)>\s*;\s*rel="next"/.exec(response.headers.get('Link') ?? '');
  return { rows: await response.json(), next: next ? next[1] : null };
}

/** The first page again, as long as the rows already shown (a live refresh keeps what "more" added, up to 1000). */
async function loadInterviewers() {
  const level = state.interviewerLevel;
  const limit = Math.min(LARGEST_PAGE, Math.max(PAGE, state.interviewers?.length ?? 0));
  const page = await interviewerPage(`api/interviewers?limit=${limit}${level ? `&level=${encodeURIComponent(level)}` : ''}`);
  if (level !== state.interviewerLevel) return; // the filter changed meanwhile
  state.interviewers = page.rows;
  state.interviewersNext = page.next;
  renderInterviewers();
}

async function moreInterviewers() {
  if (!state.interviewersNext) return;
  const level = state.interviewerLevel;
  const page = await interviewerPage(state.interviewersNext);
  if (level !== state.interviewerLevel) return;
  state.interviewers = [...(state.interviewers ?? []), ...page.rows];
  state.interviewersNext = page.next;
  renderInterviewers();
}

/** Decisions arrive in bursts: one reload for a burst, and only once the view has been opened. */
function refreshInterviewersSoon() {
  if (state.interviewers === null || refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    loadInterviewers().catch(() => {});
  }, 300);
}

function showView(view) {
  state.view = view;
  document.querySelectorAll('[data-view]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.view === view)));
  $('loops-view').hidden = view !== 'loops';
  $('interviewers-view').hidden = view !== 'interviewers';
  if (view === 'interviewers' && state.interviewers === null) {
    state.interviewers = [];
    loadInterviewers().catch((error) => { $('no-interviewers').hidden = false; $('no-interviewers').textContent = String(error); });
  }
}

function renderInterviewers() {
  const rows = state.interviewers ?? [];
  const scale = Math.max(1, ...rows.flatMap((row) => Object.values(row.byArea ?? {}).map((area) => Math.abs(Number(area.meanDeviation) || 0))));
  $('interviewers').replaceChildren(...rows.map((row) => {
    const agreement = row.recommendationAgreement ?? {};
    const feedback = row.timeToFeedback ?? {};
    const overdue = [...state.calibrations.values()].filter((c) => (c.overdueInterviewers ?? []).includes(row.interviewerId));
    return el('tr', { class: 'interviewer', 'data-interviewer': row.interviewerId, 'data-leniency': row.leniency },
      el('th', { scope: 'row' }, row.interviewerId,
        overdue.length ? el('span', { class: 'badge bad overdue', 'data-overdue': String(overdue.length) },
          ` ${t('overdue')}: ${overdue.length}`) : null),
      el('td', {}, el('span', { class: `badge leniency ${leniencyClass(row.leniency)}` }, t(row.leniency))),
      el('td', {}, deviationBars(row, scale)),
      el('td', { class: 'number' }, signed(row.meanDeviation)),
      el('td', {}, `${row.loops} · ${row.pairs}`),
      el('td', {}, agreement.total ? `${agreement.agreed}/${agreement.total} (${Math.round((100 * agreement.agreed) / agreement.total)} %)` : '—'),
      el('td', {}, feedback.total ? `${t('hours', { hours: number(feedback.medianHours) })} · ${t('within24h',
        { count: feedback.within24h, total: feedback.total })}` : '—'));
  }));
  $('no-interviewers').hidden = state.interviewers === null || rows.length > 0;
  $('more-interviewers').hidden = !state.interviewersNext;
}

function leniencyClass(leniency) {
  return { LENIENT: 'warn', HARSH: 'bad', CALIBRATED: 'good' }[leniency] ?? '';
}

/** One bar per area around zero: up when the interviewer scores above the rest of the panel, down when below. */
function deviationBars(row, scale) {
  const width = 240; const top = 6; const half = 28; const zero = top + half; const slot = width / AREAS.length;
  const nodes = [svg('line', { x1: 0, x2: width, y1: zero, y2: zero, class: 'zero' })];
  AREAS.forEach((area, index) => {
    const x = index * slot;
    const result = row.byArea?.[area];
    nodes.push(svg('text', { x: x + slot / 2, y: zero + half + 12, class: 'axis', 'text-anchor': 'middle' }, SHORT[area]));
    if (!result || !result.pairs) return;
    const deviation = Number(result.meanDeviation);
    const height = Math.max(1, (Math.abs(deviation) / scale) * half);
    const bar = svg('rect', { x: x + slot * 0.2, width: slot * 0.6, y: deviation >= 0 ? zero - height : zero, height,
      class: `deviation ${deviation > 0 ? 'above' : deviation < 0 ? 'below' : 'even'}`, 'data-area': area,
      'data-deviation': number(deviation), 'data-pairs': result.pairs });
    bar.append(svg('title', {}, `${t(area)}: ${signed(deviation)} (${result.pairs})`));
    nodes.push(bar);
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${top + 2 * half + 16}`, class: 'deviations', role: 'img',
    'aria-label': AREAS.filter((area) => row.byArea?.[area]?.pairs)
      .map((area) => `${t(area)} ${signed(row.byArea[area].meanDeviation)}`).join(', ') || t('noPairs') });
  chart.append(...nodes);
  return chart;
}

function start() {
  fillChoices(t);
  document.querySelectorAll('[data-view]').forEach((button) => button.addEventListener('click', () => showView(button.dataset.view)));
  $('interviewer-filters').addEventListener('change', (event) => {
    state.interviewerLevel = event.target.value;
    state.interviewers = [];
    state.interviewersNext = null;
    loadInterviewers().catch(() => {});
  });
  $('more-interviewers').addEventListener('click', () => {
    moreInterviewers().catch((error) => { $('no-interviewers').hidden = false; $('no-interviewers').textContent = String(error); });
  });
  $('filters').addEventListener('change', (event) => {
    state.filters[event.target.name] = event.target.value;
    renderList();
  });
  state.selected = decodeURIComponent(location.hash.slice(1)) || null;
  render();
  connect();
  load().catch((error) => { $('no-loops').hidden = false; $('no-loops').textContent = String(error); });
}

start();
