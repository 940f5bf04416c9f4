// Small DOM helpers every page uses.

export const $ = (id) => document.getElementById(id);

/** el('li', {class: 'x', hidden: ''}, child, 'text'): attributes with a null or undefined value are left out. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

/** Each select with data-choices="A B C" gains an option per value, named t(value) (and renamed on a language change). */
export function fillChoices(t, root = document) {
  root.querySelectorAll('select[data-choices]').forEach((select) => select.append(...select.dataset.choices.split(' ')
    .map((value) => el('option', { value, 'data-i18n': value }, t(value)))));
}

/** A display number: at most two decimals, no trailing zeros; a dash for none. */
export const number = (value) => (value === null || value === undefined ? '—'
  : Number(value).toFixed(2).replace(/\.?0+$/, ''));

/** A date and time in the page's language. */
export const when = (iso, lang) => (iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : '—');
