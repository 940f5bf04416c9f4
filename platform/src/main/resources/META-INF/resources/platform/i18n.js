// One translator for every page: the page's own words first, then the words every page shares (the shell's and the
// contract's vocabulary), English as the fallback for a missing word; {name} in a text is replaced by params.name.
// Words are data, each {en, vi}: shell-words.json (the header and sign-in), vocabulary.json (the contract's values).
import SHELL from './shell-words.json' with { type: 'json' };
import VOCABULARY from './vocabulary.json' with { type: 'json' };

export const LANGUAGES = { en: 'English', vi: 'Tiếng Việt' };
const STORED = 'debrief.lang';

/** The stored choice if there is one, else the first of the browser's languages we have, else English. */
export function chooseLanguage(stored, navigatorLanguages) {
  if (stored && LANGUAGES[stored]) return stored;
  for (const tag of navigatorLanguages || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES[base]) return base;
  }
  return 'en';
}

export function storedLanguage() {
  return localStorage.getItem(STORED);
}

export function storeLanguage(lang) {
  localStorage.setItem(STORED, lang);
}

/**
 * t(key, params) in lang: the page's word, else the shell's, else the vocabulary's — each {en, vi} — in lang, else in
 * English; a key no table knows is made readable.
 */
export function translator(lang, pageWords = {}) {
  return (key, params = {}) => {
    const word = pageWords[key] ?? SHELL[key] ?? VOCABULARY[key];
    const text = word?.[lang] ?? word?.en ?? humanize(key);
    return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined || params[name] === null ? '' : String(params[name])));
  };
}

/** NO_HANDS_ON_EXPERIENCE -> "No hands on experience": for names no dictionary knows. */
export function humanize(key) {
  const words = String(key).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every element with data-i18n="key" shows t(key); data-i18n-placeholder and data-i18n-label do the same for attributes. */
export function translateDocument(t, root = document) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
}
