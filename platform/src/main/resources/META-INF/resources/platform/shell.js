// The frame every page shares: the header's tools (live indicator, who is signed in, sign out, language switch),
// the sign-in form shown whenever the service answers 401, and the page's language (the browser's, until switched).
// A page keeps only its own view: it passes its words and a render() that runs again on every language change.
import { $, el } from './dom.js';
import { LANGUAGES, chooseLanguage, storeLanguage, storedLanguage, translateDocument, translator } from './i18n.js';
import { currentUser, onSignInNeeded, signIn, signOut } from './session.js';

/**
 * @param words the page's own words, {en: {...}, vi: {...}}; the header's h1 shows words.title
 * @param signInRole the role named in the sign-in help (the token a local run mints for this page)
 * @param render the page's view, run again after every language change (the page renders first itself)
 */
export function startShell({ words, signInRole, render = () => {} }) {
  let translate = translator('en', words);
  let signInError = null;
  const shell = {
    lang: 'en',
    user: null,
    t: (key, params) => translate(key, params),
    /** Marks the live indicator: 'connecting', 'open' or 'error'. */
    live(state) {
      const live = $('live');
      if (!live) return;
      live.dataset.state = state;
      live.textContent = shell.t(state === 'open' ? 'live' : state === 'error' ? 'offline' : 'connecting');
    },
    setLanguage(lang) {
      applyLanguage(lang);
      render();
    },
  };

  function applyLanguage(lang) {
    shell.lang = lang;
    translate = translator(lang, words);
    document.documentElement.lang = lang;
    $('lang').value = lang;
    translateDocument(shell.t);
    shell.live($('live')?.dataset.state ?? 'connecting');
    renderChrome();
  }

  function renderChrome() {
    $('signin-help').textContent = shell.t('signInHelp', { role: signInRole });
    $('signin-error').textContent = signInError ? shell.t(signInError) : '';
    $('signin-error').hidden = !signInError;
    $('user').textContent = shell.user ? shell.t('signedInAs', { user: shell.user.id }) : '';
    $('user').hidden = !shell.user;
    $('sign-out').hidden = !shell.user;
  }

  function showSignIn() {
    if (!$('signin').hidden) return;
    $('signin').hidden = false;
    $('token').focus();
  }

  async function submitSignIn(event) {
    event.preventDefault();
    const status = await signIn($('token').value);
    if (status >= 200 && status < 300) {
      location.reload();
      return;
    }
    signInError = status === 403 ? 'notAllowed' : 'badToken';
    renderChrome();
  }

  buildChrome();
  onSignInNeeded(showSignIn);
  $('signin-form').addEventListener('submit', submitSignIn);
  $('sign-out').addEventListener('click', async () => {
    await signOut();
    location.reload();
  });
  $('lang').addEventListener('change', (event) => {
    storeLanguage(event.target.value);
    shell.setLanguage(event.target.value);
  });
  applyLanguage(chooseLanguage(storedLanguage(), navigator.languages));
  /** Resolves to the signed-in user {id, roles}, or null (the sign-in form is then showing). */
  shell.ready = currentUser().catch(() => null).then((user) => {
    shell.user = user;
    renderChrome();
    return user;
  });
  return shell;
}

/** The header's tools (after the page's h1) and the sign-in section (after the header). */
function buildChrome() {
  const header = document.querySelector('header.top');
  const tools = el('div', { class: 'top-tools' });
  if (header.hasAttribute('data-live')) {
    tools.append(el('span', { id: 'live', class: 'live', role: 'status', 'aria-live': 'polite', 'data-state': 'connecting' }));
  }
  tools.append(
    el('span', { id: 'user', class: 'user', hidden: true }),
    el('button', { id: 'sign-out', type: 'button', class: 'quiet', 'data-i18n': 'signOut', hidden: true }),
    el('label', { for: 'lang', class: 'visually-hidden', 'data-i18n': 'language' }),
    el('select', { id: 'lang' }, ...Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code, lang: code }, name))));
  header.append(tools);
  header.after(el('section', { id: 'signin', class: 'panel signin', hidden: true, 'aria-labelledby': 'signin-title' },
    el('h2', { id: 'signin-title', 'data-i18n': 'signIn' }),
    el('p', { id: 'signin-help' }),
    el('form', { id: 'signin-form', class: 'form' },
      el('label', { for: 'token', 'data-i18n': 'token' }),
      el('textarea', { id: 'token', name: 'token', rows: '3', required: true, autocomplete: 'off', spellcheck: 'false' }),
      el('button', { type: 'submit', 'data-i18n': 'signInButton' }),
      el('p', { id: 'signin-error', class: 'error', role: 'alert', hidden: true }))));
}
