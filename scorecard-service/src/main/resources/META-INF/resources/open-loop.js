// A recruiter opens a loop from the level's plan (GET /api/plans): one row per stage with an interviewer and the
// interview's scheduled end. The areas the staffed stages leave uncovered are warned about while the form is filled,
// before it is sent; the server's own coverageWarnings are shown with the loop it opened.
import { $, el, when } from './platform/dom.js';
import { clearViolations, showViolations } from './platform/forms.js';
import { ApiError, api } from './platform/session.js';
import { AREAS } from './platform/vocabulary.js';

const MAX_ID = 200;

export function openLoopForm({ shell, plans, onOpened }) {
  const t = shell.t;
  const form = $('open-form');
  let opened = null;

  function stages() {
    return plans?.[$('o-level').value]?.stages ?? [];
  }

  function renderStages() {
    const kept = new Map([...form.querySelectorAll('.stage-row')].map((row) => [row.dataset.stage,
      [row.querySelector('.o-interviewer').value, row.querySelector('.o-end').value]]));
    $('plans-missing').hidden = Boolean(plans);
    $('o-stages').replaceChildren(...stages().map((stage, index) => {
      const [interviewer, end] = kept.get(stage.stage) ?? ['', ''];
      return el('li', { class: 'stage-row', 'data-stage': stage.stage },
        el('span', { class: 'stage-name' }, `${t(stage.stage)} · ${t('minutes', { minutes: stage.minutes })}`),
        el('span', { class: 'muted small focus' }, stage.focusAreas.map((area) => t(area)).join(', ')),
        el('label', {}, el('span', {}, t('interviewer')),
          el('input', { class: 'o-interviewer', id: `o-interviewer-${index}`, type: 'text', maxlength: String(MAX_ID), value: interviewer,
            autocomplete: 'off', 'aria-describedby': `err-o-stage-${index}` })),
        el('label', {}, el('span', {}, t('scheduledEnd')),
          el('input', { class: 'o-end', id: `o-end-${index}`, type: 'datetime-local', value: end, 'aria-describedby': `err-o-stage-${index}` })),
        el('p', { class: 'field-error', id: `err-o-stage-${index}`, 'data-field': `stage-${index}`, role: 'alert', hidden: true }));
    }));
    renderCoverage();
    renderOpened();
  }

  /** The staffed rows, in plan order: the panel the form would send. */
  function panel() {
    return [...form.querySelectorAll('.stage-row')].map((row, index) => ({ row, index,
      interviewerId: row.querySelector('.o-interviewer').value.trim(), end: row.querySelector('.o-end').value }))
      .filter((seat) => seat.interviewerId);
  }

  function uncovered() {
    const byStage = new Map(stages().map((stage) => [stage.stage, stage.focusAreas]));
    const covered = new Set(panel().flatMap((seat) => byStage.get(seat.row.dataset.stage) ?? []));
    return AREAS.filter((area) => !covered.has(area));
  }

  function renderCoverage() {
    const coverage = $('o-coverage');
    const missing = uncovered();
    coverage.dataset.uncovered = missing.join(',');
    coverage.className = `coverage ${missing.length ? 'warn' : 'ok'}`;
    coverage.textContent = !plans ? '' : missing.length
      ? t('coverageWarning', { areas: missing.map((area) => t(area)).join(', ') }) : t('coverageOk');
  }

  function request() {
    const seats = panel();
    // the panel's indexes name the rows, so panel[1].interviewerId from the server lands beside its stage
    form.querySelectorAll('.stage-row .field-error').forEach((slot, index) => { slot.dataset.field = `stage-${index}`; });
    seats.forEach((seat, position) => { seat.row.querySelector('.field-error').dataset.field = `panel[${position}]`; });
    return {
      candidate: { id: $('o-candidate-id').value.trim(), name: $('o-candidate-name').value.trim() },
      position: $('o-position').value.trim(),
      level: $('o-level').value,
      // from the plan: the server checks each stage is one of the level's plan; unstaffed stages are left out
      plan: true,
      panel: seats.map((seat) => ({ interviewerId: seat.interviewerId, stage: seat.row.dataset.stage,
        ...(seat.end ? { scheduledEnd: new Date(seat.end).toISOString() } : {}) })),
    };
  }

  function check(body) {
    const violations = [];
    const text = (field, value) => {
      if (!value) violations.push({ field, message: t('required') });
    };
    text('candidate.id', body.candidate.id);
    text('candidate.name', body.candidate.name);
    text('position', body.position);
    if (!body.panel.length) violations.push({ field: 'panel', message: t('needInterviewer') });
    const seen = new Set();
    body.panel.forEach((seat, index) => {
      if (seen.has(seat.interviewerId)) violations.push({ field: `panel[${index}].interviewerId`, message: t('distinct') });
      seen.add(seat.interviewerId);
    });
    return violations;
  }

  async function submit(event) {
    event.preventDefault();
    const body = request();
    const violations = check(body);
    if (violations.length) {
      showViolations(form, violations, $('open-error'));
      return;
    }
    clearViolations(form, $('open-error'));
    $('open-submit').disabled = true;
    try {
      opened = await api('api/loops', { method: 'POST', body });
      renderOpened();
      onOpened(opened);
    } catch (error) {
      if (error instanceof ApiError && error.violations.length) showViolations(form, error.violations, $('open-error'));
      else showViolations(form, [{ field: 'body', message: error.message }], $('open-error'));
    } finally {
      $('open-submit').disabled = false;
    }
  }

  function renderOpened() {
    const box = $('opened');
    box.hidden = !opened;
    if (!opened) return;
    const warnings = opened.coverageWarnings ?? [];
    box.dataset.loopId = opened.loopId;
    box.replaceChildren(
      el('p', { class: 'done' }, t('opened', { candidate: opened.candidate?.name ?? opened.loopId })),
      warnings.length ? el('p', { class: 'coverage warn', id: 'opened-coverage', 'data-uncovered': warnings.join(',') },
        t('coverageWarning', { areas: warnings.map((area) => t(area)).join(', ') })) : null,
      panelTable(opened, shell));
  }

  form.addEventListener('input', renderCoverage);
  $('o-level').addEventListener('change', renderStages);
  form.addEventListener('submit', submit);
  renderStages();
  return { render: renderStages };
}

/** A loop's panel: who, which stage, when the interview ends, submitted or overdue, reminders sent. */
export function panelTable(loop, shell) {
  const t = shell.t;
  return el('table', { class: 'panel-table' },
    el('thead', {}, el('tr', {}, ...['interviewer', 'stage', 'scheduledEnd', 'status'].map((key) => el('th', { scope: 'col' }, t(key))))),
    el('tbody', {}, ...(loop.panel ?? []).map((seat) => el('tr', { 'data-interviewer': seat.interviewerId,
      'data-overdue': String(Boolean(seat.overdue)) },
    el('th', { scope: 'row' }, seat.interviewerId), el('td', {}, t(seat.stage)),
    el('td', {}, seat.scheduledEnd ? when(seat.scheduledEnd, shell.lang) : t('notScheduled')),
    el('td', {}, seatStatus(seat, t))))));
}

/** A seat's badge: submitted (with its version), overdue (with reminders sent), or still to do. */
export function seatStatus(seat, t) {
  if (seat.submitted) return el('span', { class: 'badge good' }, t('submittedVersion', { version: seat.version }));
  if (seat.overdue) {
    return el('span', { class: 'badge bad overdue' }, t('overdue'),
      seat.reminders ? ` · ${t(seat.reminders === 1 ? 'reminder' : 'reminders', { count: seat.reminders })}` : '');
  }
  return el('span', { class: 'badge warn' }, t('toDo'));
}
