// The live calibration dashboard: the loops, and for one loop its area scores against the level's bar.
// Data: GET /api/calibrations, GET /api/bars, and the server-sent events of /api/calibrations/stream.
import { chooseLanguage, translator } from './i18n.js';

const AREAS = ['CONTAINERIZATION', 'ORCHESTRATION', 'CI_CD', 'ML_TOOLS', 'MONITORING', 'SYSTEM_DESIGN',
  'PROBLEM_SOLVING', 'COMMUNICATION'];
const SVG = 'http://www.w3.org/2000/svg';

const state = { calibrations: new Map(), bars: {}, selected: null, filters: {}, lang: 'en' };
let t = translator('en');

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const number = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2).replace(/\.?0+$/, ''));

function matchesFilters(calibration) {
  const { status, level, outcome } = state.filters;
  return (!status || calibration.status === status)
    && (!level || calibration.level === level)
    && (!outcome || calibration.outcome === outcome);
}

function applyLanguage(lang) {
  state.lang = lang;
  t = translator(lang);
  document.documentElement.lang = lang;
  $('lang').value = lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  renderLive($('live').dataset.state);
  render();
}

function renderLive(connection) {
  const live = $('live');
  live.dataset.state = connection;
  live.textContent = t(connection === 'open' ? 'live' : connection === 'error' ? 'offline' : 'connecting');
}

function render() {
  renderList();
  renderDetail();
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
    }, el('span', { class: 'who' }, calibration.candidate?.name ?? calibration.loopId),
    el('span', { class: 'what' }, `${calibration.position ?? ''} · ${t(calibration.level)}`), badge);
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
  $('detail-title').textContent = calibration.candidate?.name ?? calibration.loopId;
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
  renderChart(calibration);
  renderChecks(calibration);
  renderAreas(calibration);
  renderChips('d-pending', calibration.pendingInterviewers ?? [], (id) => id);
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

function renderChips(id, items, label) {
  const list = $(id);
  list.replaceChildren(...(items.length ? items.map((item) => el('li', {}, label(item)))
    : [el('li', { class: 'muted' }, t('none'))]));
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) showSignIn();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function load() {
  const [bars, calibrations] = await Promise.all([getJson('api/bars'), getJson('api/calibrations')]);
  state.bars = bars;
  calibrations.forEach((calibration) => state.calibrations.set(calibration.loopId, calibration));
  render();
}

function connect() {
  const stream = new EventSource('api/calibrations/stream', { withCredentials: true });
  stream.onopen = () => renderLive('open');
  stream.onerror = () => renderLive('error');
  stream.addEventListener('calibration', (event) => {
    const calibration = JSON.parse(event.data);
    const known = state.calibrations.get(calibration.loopId);
    if (!known || String(known.updatedAt) <= String(calibration.updatedAt)) {
      state.calibrations.set(calibration.loopId, calibration);
      render();
    }
  });
}

// Signing in: the token goes once to POST api/session, which keeps it in an HttpOnly, same-site session cookie that
// every later call and the event stream carry. Tokens never appear in URLs.
function showSignIn() {
  $('signin').hidden = false;
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
  const response = await fetch('api/session', { method: 'POST', credentials: 'same-origin',
    headers: { Authorization: `Bearer ${token}` } });
  if (response.ok) {
    location.reload();
    return;
  }
  $('signin-error').textContent = t(response.status === 403 ? 'notAllowed' : 'badToken');
  $('signin-error').hidden = false;
}

function start() {
  $('signin-form').addEventListener('submit', signIn);
  const stored = localStorage.getItem('debrief.lang');
  $('lang').addEventListener('change', (event) => {
    localStorage.setItem('debrief.lang', event.target.value);
    applyLanguage(event.target.value);
  });
  $('filters').addEventListener('change', (event) => {
    state.filters[event.target.name] = event.target.value;
    renderList();
  });
  state.selected = decodeURIComponent(location.hash.slice(1)) || null;
  applyLanguage(chooseLanguage(stored, navigator.languages));
  connect();
  load().catch((error) => { $('no-loops').hidden = false; $('no-loops').textContent = String(error); });
}

start();
