// One way every form shows what is wrong with it: each violation {field, message} — the server's problem details or
// the page's own checks, which name fields the same way (scores[CI_CD], panel[1].interviewerId, notes) — appears in
// the form's element with data-field equal to that field, else the nearest enclosing one (panel[1], then panel),
// else in the form's general error element.

/** Shows violations inside form; returns the number shown. general: the element for fields with no place of their own. */
export function showViolations(form, violations, general) {
  clearViolations(form, general);
  const unplaced = [];
  for (const violation of violations) {
    const slot = slotFor(form, violation.field);
    if (!slot) {
      unplaced.push(violation);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${violation.message}` : violation.message;
    slot.hidden = false;
    slot.dataset.violated = violation.field;
    markInvalid(form, slot);
  }
  if (unplaced.length && general) {
    general.textContent = unplaced.map((v) => `${v.field}: ${v.message}`).join('; ');
    general.hidden = false;
  }
  form.querySelector('[data-field][data-violated]')?.scrollIntoView({ block: 'center' });
  return violations.length;
}

export function clearViolations(form, general) {
  form.querySelectorAll('[data-field]').forEach((slot) => {
    slot.textContent = '';
    slot.hidden = true;
    delete slot.dataset.violated;
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  if (general) {
    general.textContent = '';
    general.hidden = true;
  }
}

/** scores[CI_CD] -> scores; panel[1].interviewerId -> panel[1] -> panel. */
export function parentField(field) {
  const cut = Math.max(field.lastIndexOf('['), field.lastIndexOf('.'));
  return cut > 0 ? field.slice(0, cut) : null;
}

function slotFor(form, field) {
  for (let name = field; name; name = parentField(name)) {
    const slot = [...form.querySelectorAll('[data-field]')].find((node) => node.dataset.field === name);
    if (slot) return slot;
  }
  return null;
}

/** The inputs that name the slot in aria-describedby are marked invalid, so assistive technology reads the message. */
function markInvalid(form, slot) {
  if (!slot.id) return;
  form.querySelectorAll(`[aria-describedby~="${slot.id}"]`).forEach((input) => input.setAttribute('aria-invalid', 'true'));
}
