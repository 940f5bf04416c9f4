// The recruiter page: the live decisions feed and the webhook subscriptions with their delivery logs.
// Data: GET /api/decisions, the server-sent events of /api/decisions/stream, and /api/subscriptions.
import { $, el, number, when as at } from './platform/dom.js';
import { api } from './platform/session.js';
import { startShell } from './platform/shell.js';
import WORDS from './words.json' with { type: 'json' };

const state = { decisions: new Map(), subscriptions: [], openLogs: new Set(), letter: null };
const shell = startShell({ words: WORDS, signInRole: 'recruiter', render: () => { renderFeed(); renderSubscriptions(); } });
const t = shell.t;
const when = (iso) => at(iso, shell.lang);
const decisionKey = (decision) => `${decision.loopId}:${decision.decisionVersion}`;

function renderFeed() {
  const decisions = [...state.decisions.values()]
    .sort((a, b) => String(b.decidedAt).localeCompare(String(a.decidedAt)));
  $('feed').replaceChildren(...decisions.map(decisionCard));
  $('no-decisions').hidden = decisions.length > 0;
}

// A candidate's name is null once they were erased (the field stays): the page says so instead of naming them.
function candidateName(decision) {
  if (decision.candidate && decision.candidate.name == null) return t('erasedCandidate');
  return decision.candidate?.name ?? decision.loopId;
}

function decisionCard(decision) {
  const outcomeClass = { HIRE: 'good', NO_HIRE: 'bad', INSUFFICIENT_EVIDENCE: 'warn' }[decision.outcome] ?? '';
  const areas = (list) => (list ?? []).map(t).join(', ') || '—';
  const reasons = (decision.discussionReasons ?? [])
    .map((r) => [t(r.reason), r.area && t(r.area), r.flag && t(r.flag)].filter(Boolean).join(': '));
  const card = el('li', { class: 'decision', 'data-decision': decisionKey(decision), 'data-outcome': decision.outcome },
    el('div', { class: 'decision-head' },
      el('span', { class: `badge ${outcomeClass}` }, t(decision.outcome)),
      el('strong', { class: 'candidate' }, candidateName(decision)),
      el('span', { class: 'muted' }, `${decision.position ?? ''} · ${t(decision.level)} · ${t('version')} ${decision.decisionVersion}`)),
    // the service's summary is English; other languages read the translated fields below instead
    el('p', { class: 'summary', hidden: shell.lang !== 'en' }, decision.summary ?? ''),
    el('dl', {},
      el('dt', {}, t('average')), el('dd', {}, number(decision.average)),
      el('dt', {}, t('strengths')), el('dd', { class: 'strengths' }, areas(decision.strengths)),
      el('dt', {}, t('toImprove')), el('dd', { class: 'to-improve' }, areas(decision.areasToImprove))));
  if ((decision.missingAreas ?? []).length) {
    card.append(el('p', { class: 'warn-text' }, `${t('missingAreas')}: ${areas(decision.missingAreas)}`));
  }
  if (decision.nearMiss) card.append(el('p', { class: 'badge near' }, t('nearMiss')));
  const final = decision.finalDecision;
  if (final) {
    card.append(el('p', { class: `final${final.override ? ' override' : ''}`, 'data-final': final.outcome,
      'data-override': String(final.override) },
    el('strong', {}, t('finalDecision', { outcome: t(final.outcome) })),
    final.override ? ` — ${t('override', { computed: t(final.computedOutcome) })}` : '',
    ` ${t('decidedBy', { who: final.decidedBy })}: `,
    final.reason == null ? el('em', { class: 'erased' }, t('erasedReason')) : el('q', {}, final.reason)));
  }
  if (decision.needsDiscussion) card.append(el('p', { class: 'warn-text' }, `${t('discussion')}: ${reasons.join('; ')}`));
  const letter = el('button', { type: 'button', class: 'quiet', 'data-letter': decision.loopId }, t('letter'));
  letter.addEventListener('click', () => showLetter(decision.loopId, shell.lang));
  card.append(el('div', { class: 'actions' }, letter), el('p', { class: 'muted small' }, when(decision.decidedAt)));
  return card;
}

// The candidate feedback letter of a loop's latest decision, for the recruiter to review and copy into their mail.
async function showLetter(loopId, lang) {
  state.letter = { loopId, lang };
  $('letter').hidden = false;
  $('letter-lang').value = lang;
  $('letter-copied').textContent = '';
  $('letter-error').hidden = true;
  try {
    const letter = await api(`api/decisions/${encodeURIComponent(loopId)}/letter?lang=${encodeURIComponent(lang)}`);
    $('letter').dataset.loopId = loopId;
    $('letter').dataset.lang = letter.lang;
    $('letter-subject').textContent = letter.subject;
    $('letter-body').textContent = letter.body;
  } catch (failure) {
    $('letter-subject').textContent = '';
    $('letter-body').textContent = '';
    $('letter-error').textContent = failure.status === 404 ? t('noLetter') : failure.message;
    $('letter-error').hidden = false;
  }
  $('letter').focus();
}

async function copyLetter() {
  const text = `${$('letter-subject').textContent}\n\n${$('letter-body').textContent}`;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // no clipboard permission (plain http, or a browser that asks): copy through a selection instead
    const scratch = el('textarea', { class: 'visually-hidden' });
    scratch.value = text;
    document.body.append(scratch);
    scratch.select();
    document.execCommand('copy');
    scratch.remove();
  }
  $('letter-copied').textContent = t('copied');
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
    const created = await api('api/subscriptions', { method: 'POST', body });
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
  stream.onopen = () => shell.live('open');
  stream.onerror = () => shell.live('error');
  stream.addEventListener('decision', (event) => addDecision(JSON.parse(event.data)));
}

function start() {
  $('new-subscription').addEventListener('submit', createSubscription);
  $('letter-lang').addEventListener('change', (event) => showLetter(state.letter.loopId, event.target.value));
  $('letter-copy').addEventListener('click', copyLetter);
  $('letter-close').addEventListener('click', () => { $('letter').hidden = true; state.letter = null; });
  renderFeed();
  renderSubscriptions();
  connect();
  api('api/decisions').then((decisions) => decisions.forEach(addDecision)).catch(() => {});
  loadSubscriptions().catch(() => {});
}

start();
