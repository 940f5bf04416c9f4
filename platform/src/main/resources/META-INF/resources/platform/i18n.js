// One translator for every page: the page's own words first, then the words every page shares (the shell's and the
// contract's vocabulary), English as the fallback for a missing word; {name} in a text is replaced by params.name.
import { VOCABULARY } from './vocabulary.js';

export const LANGUAGES = { en: 'English', vi: 'Tiếng Việt' };
const STORED = 'debrief.lang';

const SHELL = {
  en: {
    signIn: 'Sign in', signInHelp: 'Paste your access token. On a local run: deploy/local/token.sh YOUR-NAME {role}',
    token: 'Access token', signInButton: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as {user}',
    badToken: 'This token is not valid (expired, or not signed by our identity provider).',
    notAllowed: 'Signed in, but your role may not see this page.', language: 'Language',
    connecting: 'connecting…', live: 'live', offline: 'reconnecting…', none: 'none', version: 'version',
    failedRequest: 'The request failed ({status}).',
  },
  vi: {
    signIn: 'Đăng nhập', signInHelp: 'Dán mã truy cập của bạn. Khi chạy cục bộ: deploy/local/token.sh TÊN-BẠN {role}',
    token: 'Mã truy cập', signInButton: 'Đăng nhập', signOut: 'Đăng xuất', signedInAs: 'Đã đăng nhập: {user}',
    badToken: 'Mã này không hợp lệ (đã hết hạn, hoặc không do hệ thống định danh của chúng tôi ký).',
    notAllowed: 'Đã đăng nhập, nhưng vai trò của bạn không được xem trang này.', language: 'Ngôn ngữ',
    connecting: 'đang kết nối…', live: 'trực tiếp', offline: 'đang kết nối lại…', none: 'không có', version: 'phiên bản',
    failedRequest: 'Yêu cầu thất bại ({status}).',
  },
};

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

/** t(key, params) in lang: the page's words, then the shared ones, then English, then the key made readable. */
export function translator(lang, pageWords = {}) {
  const lookup = (language, key) => pageWords[language]?.[key] ?? SHELL[language]?.[key] ?? VOCABULARY[language]?.[key];
  return (key, params = {}) => {
    const text = lookup(lang, key) ?? lookup('en', key) ?? humanize(key);
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
