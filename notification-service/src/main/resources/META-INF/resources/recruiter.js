// The recruiter page: the live decisions feed and the webhook subscriptions with their delivery logs.
// Data: GET /api/decisions, the server-sent events of /api/decisions/stream, and /api/subscriptions.
import { chooseLanguage, translator } from './i18n.js';

const state = { decisions: new Map(), subscriptions: [], openLogs: new Set(), lang: 'en' };
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

const number = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2).replace(/\.?0+$/, ''));
const when = (iso) => (iso ? new Date(iso).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB') : '—');
const decisionKey = (decision) => `${decision.loopId}:${decision.decisionVersion}`;

async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin', ...options,
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (response.status === 401) showSignIn();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const violations = (problem.violations ?? []).map((v) => `${v.field}: ${v.message}`).join('; ');
    throw new Error(violations || problem.detail || problem.title || `${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

function applyLanguage(lang) {
  state.lang = lang;
  t = translator(lang);
  document.documentElement.lang = lang;
  $('lang').value = lang;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  renderLive($('live').dataset.state);
  renderFeed();
  renderSubscriptions();
}

function renderLive(connection) {
  const live = $('live');
  live.dataset.state = connection;
  live.textContent = t(connection === 'open' ? 'live' : connection === 'error' ? 'offline' : 'connecting');
}

function renderFeed() {
  const decisions = [...state.decisions.values()]
    .sort((a, b) => String(b.decidedAt).localeCompare(String(a.decidedAt)));
  $('feed').replaceChildren(...decisions.map(decisionCard));
  $('no-decisions').hidden = decisions.length > 0;
}

function decisionCard(decision) {
  const outcomeClass = { HIRE: 'good', NO_HIRE: 'bad', INSUFFICIENT_EVIDENCE: 'warn' }[decision.outcome] ?? '';
  const areas = (list) => (list ?? []).map(t).join(', ') || '—';
  const reasons = (decision.discussionReasons ?? [])
    .map((r) => [t(r.reason), r.area && t(r.area), r.flag && t(r.flag)].filter(Boolean).join(': '));
  const card = el('li', { class: 'decision', 'data-decision': decisionKey(decision), 'data-outcome': decision.outcome },
    el('div', { class: 'decision-head' },
      el('span', { class: `badge ${outcomeClass}` }, t(decision.outcome)),
      el('strong', {}, decision.candidate?.name ?? decision.loopId),
      el('span', { class: 'muted' }, `${decision.position ?? ''} · ${t(decision.level)} · ${t('version')} ${decision.decisionVersion}`)),
    // the service's summary is English; other languages read the translated fields below instead
    el('p', { class: 'summary', hidden: state.lang === 'en' ? null : '' }, decision.summary ?? ''),
    el('dl', {},
      el('dt', {}, t('average')), el('dd', {}, number(decision.average)),
      el('dt', {}, t('strengths')), el('dd', { class: 'strengths' }, areas(decision.strengths)),
      el('dt', {}, t('toImprove')), el('dd', { class: 'to-improve' }, areas(decision.areasToImprove))));
  if ((decision.missingAreas ?? []).length) {
    card.append(el('p', { class: 'warn-text' }, `${t('missingAreas')}: ${areas(decision.missingAreas)}`));
  }
  if (decision.nearMiss) card.append(el('p', { class: 'badge near' }, t('nearMiss')));
  if (decision.needsDiscussion) card.append(el('p', { class: 'warn-text' }, `${t('discussion')}: ${reasons.join('; ')}`));
  card.append(el('p', { class: 'muted small' }, when(decision.decidedAt)));
  return card;
}

function renderSubscriptions() {
  $('subscriptions').replaceChildren(...state.subscriptions.map((subscription) => {
    const filters = [
      subscription.outcomes?.length ? subscription.outcomes.map(t).join(', ') : t('allOutcomes'),
      subscription.levels?.length ? subscription.levels.map(t).join(', ') : t('allLevels'),
    ].join(' · ');
    const remove = el('button', { type: 'button', class: 'danger' }, t('delete'));
    remove.addEventListener('click', () => removeSubscription(subscription));
    const logButton = el('button', { type: 'button', 'aria-expanded': String(state.openLogs.has(subscription.id)) },
      state.openLogs.has(subscription.id) ? t('hide') : t('deliveries'));
    logButton.addEventListener('click', () => toggleLog(subscription));
    const item = el('li', { class: 'subscription', 'data-subscription-id': subscription.id },
      el('div', {}, el('code', {}, subscription.url)),
      el('div', { class: 'muted small' }, [subscription.description, filters].filter(Boolean).join(' — ')),
      el('div', { class: 'actions' }, logButton, remove));
    if (state.openLogs.has(subscription.id)) {
      const log = el('div', { class: 'log', id: `log-${subscription.id}` });
      item.append(log);
      loadLog(subscription, log);
    }
    return item;
  }));
  $('no-subscriptions').hidden = state.subscriptions.length > 0;
}

async function loadLog(subscription, container) {
  const deliveries = await api(`api/subscriptions/${subscription.id}/deliveries`).catch(() => []);
  if (!deliveries.length) {
    container.replaceChildren(el('p', { class: 'muted' }, t('noDeliveries')));
    return;
  }
  container.replaceChildren(el('table', {}, el('tbody', {}, ...deliveries.map((delivery) => {
    const row = el('tr', { 'data-webhook-id': delivery.webhookId, 'data-status': delivery.status },
      el('td', {}, `${delivery.loopId}:${delivery.decisionVersion}`),
      el('td', {}, el('span', { class: `badge ${delivery.status === 'DELIVERED' ? 'good' : delivery.status === 'FAILED' ? 'bad' : ''}` },
        t(delivery.status))),
      el('td', {}, `${delivery.attempts} ${t('attempts')}${delivery.lastStatusCode ? ` · HTTP ${delivery.lastStatusCode}` : ''}`),
      el('td', {}, when(delivery.deliveredAt ?? delivery.nextAttemptAt)));
    if (delivery.status === 'FAILED') {
      const again = el('button', { type: 'button' }, t('redeliver'));
      again.addEventListener('click', async () => {
        await api(`api/subscriptions/${subscription.id}/deliveries/${encodeURIComponent(delivery.webhookId)}/redeliver`,
          { method: 'POST' });
        loadLog(subscription, container);
      });
      row.append(el('td', {}, again));
    }
    return row;
  }))));
}

function toggleLog(subscription) {
  if (state.openLogs.has(subscription.id)) state.openLogs.delete(subscription.id);
  else state.openLogs.add(subscription.id);
  renderSubscriptions();
}

async function removeSubscription(subscription) {
  if (!window.confirm(t('confirmDelete'))) return;
  await api(`api/subscriptions/${subscription.id}`, { method: 'DELETE' });
  await loadSubscriptions();
}

async function loadSubscriptions() {
  state.subscriptions = await api('api/subscriptions');
  renderSubscriptions();
}

async function createSubscription(event) {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  const body = { url: data.get('url'), outcomes: data.getAll('outcomes'), levels: data.getAll('levels') };
  if (data.get('description')) body.description = data.get('description');
  const error = $('form-error');
  try {
    const created = await api('api/subscriptions', { method: 'POST', body: JSON.stringify(body) });
    error.hidden = true;
    $('secret').textContent = created.secret;
    $('secret-box').hidden = false;
    form.reset();
    await loadSubscriptions();
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  }
}

function addDecision(decision) {
  state.decisions.set(decisionKey(decision), decision);
  renderFeed();
}

function connect() {
  const stream = new EventSource('api/decisions/stream', { withCredentials: true });
  stream.onopen = () => renderLive('open');
  stream.onerror = () => renderLive('error');
  stream.addEventListener('decision', (event) => addDecision(JSON.parse(event.data)));
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
  $('lang').addEventListener('change', (event) => {
    localStorage.setItem('debrief.lang', event.target.value);
    applyLanguage(event.target.value);
  });
  $('new-subscription').addEventListener('submit', createSubscription);
  applyLanguage(chooseLanguage(localStorage.getItem('debrief.lang'), navigator.languages));
  connect();
  api('api/decisions').then((decisions) => decisions.forEach(addDecision)).catch(() => {});
  loadSubscriptions().catch(() => {});
}

start();
