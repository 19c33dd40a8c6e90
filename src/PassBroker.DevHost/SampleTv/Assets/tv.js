// The PassBroker sample TV app: everything a streaming app on a TV does with Adobe Pass, through PassBroker's public API
// only (the routes in README.md, on this same origin). Copy what you need: each step is one function below, in the
// order an app runs them. Nothing here needs a framework; the page builds its elements with DOM calls and sets text
// with textContent, so no server answer can ever become markup (the page's CSP enforces that with Trusted Types).

// ---- What this app knows by itself ------------------------------------------------------------------------------

// A real app's catalogue comes from its own CMS; these resource ids are the ones the emulator's test users have scripted
// entitlements for (src/PassBroker.Emulator/EmulatorDefaults.cs): alice may watch the first two, her provider denies
// premium-movie, and parental controls deny late-night-show.
const CATALOGUE = [
  { resource: 'news', title: 'Evening News' },
  { resource: 'live-sports', title: 'Live Sports' },
  { resource: 'premium-movie', title: 'Premium Movie' },
  { resource: 'late-night-show', title: 'Late Night Show' },
];

// What the TV says about itself at registration: Adobe's X-Device-Info fields (model, version, osName, osVersion and
// connectionType are required; primaryHardwareType and osName take only the values Adobe lists). A real app reads
// them from its platform; this sample says it is a web app on a webOS TV.
const DEVICE_INFO = {
  primaryHardwareType: 'TV',
  model: 'PassBroker Sample TV',
  version: '1.0',
  manufacturer: 'Example',
  osName: 'webOS',
  osVersion: '6.0',
  connectionType: 'LAN',
  applicationId: 'com.example.passbroker.sample-tv',
};

// The long poll: PassBroker holds GET /api/authentication/sessions/{code}?wait=N up to N seconds (at most 30).
const LONG_POLL_SECONDS = 30;
// How often a 429 is waited out before the app gives up and shows the error.
const MAX_RATE_LIMIT_WAITS = 3;

// ---- The device's identity ------------------------------------------------------------------------------------------

// The device id is the TV's stable id (a real app hashes its platform's advertising or install id); the device token
// is PassBroker's credential for it. Both are kept across restarts: registering again without the token would make a
// new installation, signed out.
const store = {
  get deviceId() { return localStorage.getItem('passbroker.deviceId'); },
  set deviceId(value) { localStorage.setItem('passbroker.deviceId', value); },
  get token() { return localStorage.getItem('passbroker.deviceToken'); },
  set token(value) { keep('passbroker.deviceToken', value); },
  get deviceKey() { return localStorage.getItem('passbroker.deviceKey'); },
  set deviceKey(value) { keep('passbroker.deviceKey', value); },
};

function keep(key, value) {
  if (value) {
    localStorage.setItem(key, value);
  } else {
    localStorage.removeItem(key);
  }
}

function newDeviceId() {
  // getRandomValues works on plain http too (randomUUID needs a secure context, and a TV on the LAN may not be one).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'sample-tv-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

// ---- Calling PassBroker ---------------------------------------------------------------------------------------------

/** A Problem Details answer (RFC 9457): `code` is stable, `title` and `detail` are for people. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `PassBroker answered ${status}`);
    this.status = status;
    this.code = problem?.code ?? 'http_' + status;
    this.problem = problem;
  }
}

/**
 * One call to PassBroker with the device token. A 401 means the token is no longer good: register again (sending the
 * old token, so PassBroker keeps the same device) and repeat the call once. Any other error is thrown as an ApiError.
 */
async function api(method, path, body, { signal, registerOn401 = true } = {}) {
  const response = await sendPatiently(method, path, body, store.token, signal);
  if (response.status === 401 && registerOn401) {
    await register();
    return api(method, path, body, { signal, registerOn401: false });
  }
  return readAnswer(response);
}

/**
 * Sends one call; a 429 says how long to wait in Retry-After: wait that long, visibly, and try again (every call,
 * registration included: PassBroker limits registrations and sign-in starts per network).
 */
async function sendPatiently(method, path, body, token, signal) {
  for (let waits = 0; ; waits++) {
    const response = await send(method, path, body, token, signal);
    if (response.status !== 429 || waits >= MAX_RATE_LIMIT_WAITS) {
      return response;
    }
    const seconds = retryAfterSeconds(response);
    showAlert(`PassBroker asks this TV to slow down: trying again in ${seconds} s.`);
    await delay(seconds * 1000, signal);
    hideAlert();
  }
}

function send(method, path, body, token, signal) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
}

async function readAnswer(response) {
  const body = await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, parseProblem(response, body));
  }
  return body ? JSON.parse(body) : null;
}

function parseProblem(response, body) {
  // PassBroker's errors are application/problem+json; anything else (a proxy's page) has no code to show.
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
    return null;
  }
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function retryAfterSeconds(response) {
  const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) : 5;
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

// ---- 1. Register the device -----------------------------------------------------------------------------------------

let registering = null; // one registration at a time: two calls that both met a 401 share it

/**
 * POST /api/devices. The first time without a token (201, a new device); later with the stored token as Bearer (200,
 * the same device gets a new token and stays signed in). If PassBroker no longer knows that token, start over as a new
 * device.
 */
function register() {
  registering ??= registerOnce().finally(() => { registering = null; });
  return registering;
}

async function registerOnce() {
  store.deviceId ??= newDeviceId();
  const request = { deviceId: store.deviceId, deviceInfo: DEVICE_INFO };
  let response = await sendPatiently('POST', '/api/devices', request, store.token);
  if (response.status === 401 && store.token) {
    store.token = null;
    response = await sendPatiently('POST', '/api/devices', request, null);
  }
  const registered = await readAnswer(response);
  store.token = registered.deviceToken;
  store.deviceKey = registered.deviceKey;
  showDevice();
}

function showDevice() {
  text('device', `Device ${store.deviceKey ?? 'registered'}`);
}

// ---- 2. Sign in on a second screen ----------------------------------------------------------------------------------

let signIn = null; // { code, abort } of the sign-in on screen, so a new one (or a sign-out) stops the old long poll

/**
 * POST /api/authentication/sessions without an MVPD: the person picks the provider on their phone, at secondScreenUrl.
 * Show the code big, the URL as text and as a QR code, then wait for the result with the long poll.
 */
async function startSignIn() {
  stopSignIn();
  // Never leave an old code on screen: it no longer works.
  text('signin-code', '');
  text('signin-url', '');
  document.getElementById('signin-qr').removeAttribute('src');
  show('signin');
  text('signin-status', 'Getting a code…');
  const session = await api('POST', '/api/authentication/sessions', {});
  if (session.status === 'authenticated') {
    // Adobe needs no login (e.g. the device is already known to the provider).
    return showLibrary(session.mvpd);
  }
  text('signin-code', session.code);
  text('signin-url', session.secondScreenUrl);
  document.getElementById('signin-qr').src = '/sample/tv/qr.svg?url=' + encodeURIComponent(session.secondScreenUrl);
  text('signin-status', 'Waiting for you to sign in on your phone…');
  document.getElementById('signin-title').focus();

  const current = { code: session.code, abort: new AbortController() };
  signIn = current;
  // Not awaited: the wait runs until the person signs in, while the TV stays usable (Temp Pass, a new code).
  run(() => waitForSignIn(current, session.statusUrl));
}

/** GET statusUrl?wait=30 in a loop: each answer comes as soon as the status changes, or after 30 s still pending. */
async function waitForSignIn(current, statusUrl) {
  for (;;) {
    let status;
    try {
      status = await api('GET', `${statusUrl}?wait=${LONG_POLL_SECONDS}`, undefined, { signal: current.abort.signal });
    } catch (error) {
      if (current.abort.signal.aborted) {
        return; // replaced by a new code or a sign-out
      }
      throw error;
    }
    if (signIn !== current) {
      return;
    }
    switch (status.status) {
      case 'pending':
        continue;
      case 'authenticated':
        signIn = null;
        return showLibrary(status.profile?.mvpd ?? status.mvpd);
      case 'expired':
        // Codes live for a limited time: get a new one without bothering the user.
        return startSignIn();
      default:
        text('signin-status', `Signing in did not work (${status.reason ?? status.status}). Get a new code to try again.`);
        return;
    }
  }
}

function stopSignIn() {
  signIn?.abort.abort();
  signIn = null;
}

// ---- 3. The catalogue, filtered by preauthorize ---------------------------------------------------------------------

let providerNames = null; // MVPD id → display name, from GET /api/mvpds
let signedInMvpd = null; // the provider the catalogue is for, and the one to sign out of

async function providerName(mvpd) {
  providerNames ??= new Map((await api('GET', '/api/mvpds')).mvpds.map(m => [m.id, m.displayName]));
  return providerNames.get(mvpd) ?? mvpd;
}

/**
 * POST /api/decisions/preauthorize with the whole catalogue: which titles to offer. Only a hint for the menu (it never
 * grants a play and carries no media token): authorize decides each play.
 */
async function showLibrary(mvpd) {
  signedInMvpd = mvpd;
  hide('signin');
  hide('signed-out');
  show('library');
  text('provider', await providerName(mvpd));
  text('library-status', 'Checking what your package includes…');
  const answer = await api('POST', '/api/decisions/preauthorize', { resources: CATALOGUE.map(t => t.resource), mvpd });
  const decisions = new Map(answer.decisions.map(d => [d.resource, d]));
  const permitted = CATALOGUE.filter(t => decisions.get(t.resource)?.decision === 'permit');
  const denied = CATALOGUE.filter(t => decisions.get(t.resource)?.decision !== 'permit');
  fillTitles('titles-permitted', permitted, mvpd, () => null);
  fillTitles('titles-denied', denied, mvpd, t => describeReason(decisions.get(t.resource)?.reason));
  text('library-status', `${permitted.length} of ${CATALOGUE.length} titles are in your package.`);
  document.getElementById('library-title').focus();
}

function fillTitles(listId, titles, mvpd, reasonOf) {
  const list = document.getElementById(listId);
  list.replaceChildren(...titles.map(title => {
    const button = element('button', { type: 'button' }, element('span', {}, `Play ${title.title}`));
    const reason = reasonOf(title);
    if (reason) {
      // The reason describes the button rather than naming it: a screen reader says "Play Premium Movie", then why.
      const id = `reason-${title.resource}`;
      button.append(element('span', { className: 'reason', id }, reason));
      button.setAttribute('aria-label', `Play ${title.title}`);
      button.setAttribute('aria-describedby', id);
    }
    button.addEventListener('click', () => run(() => play(title, mvpd), button));
    return element('li', {}, button);
  }));
}

// ---- 4. Play: authorize, every time ---------------------------------------------------------------------------------

/**
 * POST /api/decisions/authorize before every play (never cached). A permit carries the media token for the player (it
 * goes to the player's verifier as is, so this app shows only when it expires); a deny says why, in Adobe's words.
 */
async function play(title, mvpd, via = '') {
  const decision = await api('POST', '/api/decisions/authorize', { resource: title.resource, mvpd });
  const player = document.getElementById('player');
  show('player');
  if (decision.decision === 'permit') {
    player.className = 'panel permit';
    text('player-title', `Now playing: ${title.title}${via}`);
    text('player-detail', `Media token valid until ${formatTime(decision.mediaToken.notAfter)}.`);
    text('player-code', '');
  } else {
    player.className = 'panel deny';
    text('player-title', `You can't watch ${title.title}${via}`);
    text('player-detail', describeReason(decision.reason));
    text('player-code', `Reason code: ${decision.reason?.code ?? 'unknown'}`);
  }
  return decision;
}

function describeReason(reason) {
  if (!reason) {
    return 'Not available.';
  }
  return [reason.message, reason.details].filter(Boolean).join(' ') || reason.code;
}

// ---- 5. Temp Pass and promotional Temp Pass -------------------------------------------------------------------------

let trial = null; // the Temp Pass answer ({ kind, mvpd, status, … }) the TV plays on

/**
 * POST /api/temppass: starts or continues the trial. The clock starts at its first authorize on the trial's mvpd, and
 * the promotional one needs the user's e-mail (PassBroker keeps only its hash).
 */
async function startTempPass(kind, email) {
  trial = await api('POST', '/api/temppass', email ? { kind, email } : { kind });
  showTrial();
}

/** GET /api/temppass at app start: an expiry or an operator's reset shows at once. */
async function refreshTempPass(kind) {
  try {
    const state = await api('GET', `/api/temppass?kind=${kind}`);
    if (state.status !== 'not_started') {
      trial = state;
      showTrial();
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      hide('temppass'); // this PassBroker offers no Temp Pass
      return;
    }
    throw error;
  }
}

function showTrial() {
  const name = trial.kind === 'promotional' ? 'Promotional Temp Pass' : 'Temp Pass';
  const parts = [`${name}: ${trial.status.replaceAll('_', ' ')}`];
  if (trial.expiresAt) {
    parts.push(`until ${formatTime(trial.expiresAt)}`);
  }
  if (trial.remainingResources != null) {
    parts.push(`${trial.remainingResources} title(s) left`);
  }
  text('temppass-status', parts.join(', ') + '.');
  const button = document.getElementById('temppass-play');
  button.textContent = `Play ${CATALOGUE[0].title} on ${name}`;
  button.hidden = trial.status === 'expired' || trial.status === 'resources_exhausted';
}

async function playOnTrial() {
  await play(CATALOGUE[0], trial.mvpd, ` (${trial.kind === 'promotional' ? 'promotional ' : ''}Temp Pass)`);
  // The trial's clock and title count moved: show them as Adobe has them now.
  trial = await api('GET', `/api/temppass?kind=${trial.kind}`);
  showTrial();
}

// ---- 6. Sign out ----------------------------------------------------------------------------------------------------

/**
 * POST /api/logout, only when the user asks, naming the provider the user signed in with (without it PassBroker picks
 * the profile that lasts longest, which may be a Temp Pass). Some providers end their own session in a browser: their
 * answer carries a URL to open (a TV without a browser shows it, or a QR code of it). Then the TV can sign in again.
 */
async function signOut() {
  const answer = await api('POST', '/api/logout', signedInMvpd ? { mvpd: signedInMvpd } : {});
  signedInMvpd = null;
  hide('library');
  hide('player');
  const items = await Promise.all(answer.logouts.map(async logout => {
    const name = await providerName(logout.mvpd);
    if (logout.url && isHttpUrl(logout.url)) {
      return element('li', {}, element('a', { href: logout.url, target: '_blank', rel: 'noopener noreferrer' }, `Finish signing out at ${name}`));
    }
    return element('li', {}, `Signed out of ${name}.`);
  }));
  document.getElementById('signed-out-links').replaceChildren(...items);
  show('signed-out');
  await startSignIn();
}

function isHttpUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

// ---- The page -------------------------------------------------------------------------------------------------------

/** Runs one step of the app, showing its error (Problem Details or network) instead of failing silently. */
async function run(step, button) {
  if (button) {
    button.disabled = true;
  }
  try {
    hideAlert();
    await step();
  } catch (error) {
    showError(error);
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

function showError(error) {
  if (error instanceof ApiError) {
    if (error.code === 'authentication_required') {
      // The provider no longer knows this sign-in: sign in again.
      hide('library');
      showAlert('Your TV provider asks you to sign in again.');
      run(startSignIn);
      return;
    }
    const problem = error.problem;
    showAlert([problem?.title ?? 'PassBroker refused the request.', problem?.detail, `(${error.code})`].filter(Boolean).join(' '));
  } else {
    showAlert(`PassBroker could not be reached: ${error.message}`);
  }
}

function showAlert(message) {
  const alert = document.getElementById('alert');
  alert.textContent = message;
  alert.hidden = false;
}

function hideAlert() {
  document.getElementById('alert').hidden = true;
}

function element(tag, properties, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function show(id) {
  document.getElementById(id).hidden = false;
}

function hide(id) {
  document.getElementById(id).hidden = true;
}

function formatTime(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

async function start() {
  if (store.token) {
    showDevice();
  } else {
    await register();
  }
  // Signed in already (a profile survives restarts of the app)? Then straight to the catalogue.
  const { profiles } = await api('GET', '/api/profiles');
  await refreshTempPass('basic');
  if (profiles.length > 0) {
    await showLibrary(profiles[0].mvpd);
  } else {
    await startSignIn();
  }
}

function wire(id, handler) {
  const button = document.getElementById(id);
  button.addEventListener('click', () => run(handler, button));
}

wire('new-code', startSignIn);
wire('sign-out', signOut);
wire('temppass-basic', () => startTempPass('basic'));
wire('temppass-play', playOnTrial);
document.getElementById('temppass-promo').addEventListener('submit', event => {
  event.preventDefault();
  const form = event.currentTarget;
  run(() => startTempPass('promotional', form.elements.email.value.trim()), form.querySelector('button'));
});

run(start);
