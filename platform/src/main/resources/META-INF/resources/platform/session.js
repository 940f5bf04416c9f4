// Signing in: the token goes once to POST api/session, which keeps it in an HttpOnly, same-site session cookie that
// every later call and the event streams carry. The page never stores the token, and it never appears in a URL.

/** A refused request: its status and its problem details (RFC 9457); the message names each violation's field. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem.violations ?? []).map((v) => `${v.field}: ${v.message}`).join('; ')
      || problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.violations = problem.violations ?? [];
  }
}

const signInNeeded = new Set();

/** listener() runs whenever the service answers 401: no session, or an expired one. */
export function onSignInNeeded(listener) {
  signInNeeded.add(listener);
}

/** A call of the page's own service; body is sent as JSON; the answer's JSON, null for 204; ApiError when refused. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(path, {
    method, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    // X-Requested-With: a header no cross-site form can send, so a service may accept cookie-authenticated writes
    headers: { Accept: 'application/json', 'X-Requested-With': 'fetch',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
  });
  if (response.status === 401) signInNeeded.forEach((listener) => listener());
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  return response.status === 204 ? null : response.json();
}

/** Hands the token to the service once; resolves to the response status (204 signed in, 401 bad token, 403 role). */
export async function signIn(token) {
  const bare = String(token).trim().replace(/^Bearer\s+/i, '');
  const response = await fetch('api/session', { method: 'POST', credentials: 'same-origin',
    headers: { Authorization: `Bearer ${bare}` } });
  return response.status;
}

export async function signOut() {
  await fetch('api/session', { method: 'DELETE', credentials: 'same-origin' });
}

/** Who the session cookie says is signed in: {id, roles}, or null without a session. */
export async function currentUser() {
  try {
    return await api('api/session/user');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
