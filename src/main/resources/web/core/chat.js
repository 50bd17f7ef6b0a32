// The chat page: login form, then the chat view wired to a ChatSession. The STOMP contract lives in
// session.js, the message rendering in conversations.js, the buddy list in buddies.js and the SMS
// counter in smslength.js; this file connects them to the page.

import { ChatSession } from './session.js';
import { Conversations, isPhoneNumber } from './conversations.js';
import { Buddies } from './buddies.js';
import { smsLength, describe } from './smslength.js';

const DEFAULT_STOMP_PORT = 61613;
const CONFIG_TIMEOUT_MS = 3000;
const LAST_USER_KEY = 'sluice.lastUser';

const $ = (id) => document.getElementById(id);

let session = null;
let countdownTimer = null;
const conversations = new Conversations($('messages'), $('conversations'), selectPeer, showUnreadTotal);
const buddies = new Buddies({
  list: $('buddies'), status: $('buddy-status'), form: $('buddy-form'), input: $('buddy-name'), error: $('buddy-error'),
}, {
  onSelect: (buddy) => { conversations.open(buddy); selectPeer(buddy); },
  onCommand: (action, buddy) => Boolean(session && session.changeBuddy(action, buddy)),
});
const configLoaded = loadClientConfig();

// ---- configuration ------------------------------------------------------------------------------

function defaultConfig() {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return {
    stompWebSocketUrl: `${scheme}://${window.location.hostname}:${DEFAULT_STOMP_PORT}`,
    serviceName: 'Sluice',
  };
}

/** Asks the core where its STOMP endpoint is; the page still works on defaults if it cannot say. */
async function loadClientConfig() {
  const config = defaultConfig();
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), CONFIG_TIMEOUT_MS);
    const response = await fetch('/api/client-config', {
      headers: { Accept: 'application/json' }, signal: controller.signal,
    });
    clearTimeout(timer);
    if (response.ok) {
      const body = await response.json();
      if (typeof body.stompWebSocketUrl === 'string' && body.stompWebSocketUrl) {
        config.stompWebSocketUrl = body.stompWebSocketUrl;
      }
      if (typeof body.serviceName === 'string' && body.serviceName) config.serviceName = body.serviceName;
    }
  } catch (e) {
    // No config endpoint (or no JSON): the defaults point at the usual STOMP port of this host.
  }
  showServiceName(config.serviceName);
  return config;
}

function showServiceName(name) {
  document.title = name;
  document.querySelectorAll('.service-name').forEach((element) => { element.textContent = name; });
}

// ---- login and logout ---------------------------------------------------------------------------

async function onLoginSubmit(event) {
  event.preventDefault();
  const user = $('login-user').value.trim();
  const password = $('login-password').value;
  if (!user || !password) {
    showLoginError('Enter your user name and password.');
    return;
  }
  showLoginError('');
  setLoginBusy(true);
  const config = await configLoaded;
  const candidate = new ChatSession({
    url: config.stompWebSocketUrl, login: user, passcode: password, ...sessionCallbacks(),
  });
  session = candidate;
  try {
    await candidate.start();
  } catch (e) {
    session = null;
    // For a refused login this is the ERROR frame's message header, e.g. bad credentials. The core says the
    // same after 5 wrong passwords in a minute, even for the right one (ADR 0033): say so, or a user who
    // mistyped would take the right password for a wrong one.
    const held = /password is invalid/.test(e.message)
      ? ' After 5 wrong passwords within a minute, the login is held off for a minute.' : '';
    showLoginError(e.message + held);
    return;
  } finally {
    setLoginBusy(false);
  }
  localStorage.setItem(LAST_USER_KEY, user);
  $('login-password').value = '';
  showChat(user);
}

function sessionCallbacks() {
  return {
    onState: showConnectionState,
    onChat: (chat) => conversations.addIncoming(chat),
    onStatus: (status) => conversations.applyStatus(status),
    onStored: (clientRef) => conversations.markStored(clientRef),
    onRejected: (clientRef, text) => conversations.markRejected(clientRef, text),
    onPresenceFrame: (headers, body) => buddies.onFrame(headers, body),
    onPresenceRefused: (text) => buddies.refused(text),
    onError: showChatError,
  };
}

async function logout() {
  const ending = session;
  session = null;
  backToLogin('');
  if (ending) await ending.stop();
}

function backToLogin(error) {
  session = null;
  conversations.clear();
  buddies.clear();
  showChatError('');
  $('chat-view').hidden = true;
  $('login-view').hidden = false;
  showLoginError(error);
  $('login-password').focus();
}

function showChat(user) {
  $('current-user').textContent = user;
  $('login-view').hidden = true;
  $('chat-view').hidden = false;
  ($('to').value ? $('text') : $('to')).focus();
}

function showLoginError(text) {
  $('login-error').textContent = text;
  $('login-error').hidden = !text;
}

function setLoginBusy(busy) {
  $('login-button').disabled = busy;
  $('login-button').textContent = busy ? 'Connecting…' : 'Log in';
}

// ---- sending ------------------------------------------------------------------------------------

function onSendSubmit(event) {
  event.preventDefault();
  const text = $('text').value;
  if (!session || text.trim() === '') return;
  const to = normaliseRecipient($('to').value);
  $('to').value = to;
  const clientRef = newClientRef();
  conversations.addOutgoing(to, text, clientRef);
  conversations.select(to);
  session.send(clientRef, to, text);
  $('text').value = '';
  showSmsLength();
  $('text').focus();
}

/**
 * Phone numbers are often typed with spaces or dashes ("+44 7700 900-123"); the core expects E.164.
 * Anything else is a user name and is only trimmed: the core decides what is valid and says why not.
 */
function normaliseRecipient(raw) {
  const trimmed = raw.trim();
  return /^\+?[\d\s().-]+$/.test(trimmed) ? trimmed.replace(/[\s().-]/g, '') : trimmed;
}

/** Random, so two tabs or a reload never reuse one; works without a secure context, unlike randomUUID. */
function newClientRef() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function selectPeer(peer) {
  $('to').value = peer;
  conversations.select(peer);
  showSmsLength();
  $('text').focus();
}

/** For a phone recipient, what the text costs as SMS; users get no counter (chat is not billed). */
function showSmsLength() {
  const counter = $('sms-length');
  if (!isPhoneNumber(normaliseRecipient($('to').value))) {
    counter.hidden = true;
    return;
  }
  // The phone receives the text behind the sender's name ("alice: hello", README), and that is billed.
  const length = smsLength(`${$('current-user').textContent}: ${$('text').value}`);
  counter.textContent = describe(length);
  counter.dataset.encoding = length.encoding.name;
  counter.dataset.parts = String(length.parts);
  counter.dataset.left = String(length.unitsLeftInPart);
  counter.title = `${length.unitsUsed} ${length.encoding.name} characters with your name in front; `
    + `${length.encoding.single} fit in one SMS, ${length.encoding.concatenated} in each part of a longer one`;
  counter.hidden = false;
}

function showUnreadTotal(total) {
  const name = document.title.replace(/^\(\d+\) /, '');
  document.title = total > 0 ? `(${total}) ${name}` : name;
}

// ---- connection state and errors ----------------------------------------------------------------

function showConnectionState(state, detail) {
  const indicator = $('connection-state');
  clearInterval(countdownTimer);
  indicator.dataset.state = state;
  indicator.title = typeof detail === 'string' ? detail : (detail && detail.reason) || '';
  if (state === 'reconnecting') {
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((detail.retryAt - Date.now()) / 1000));
      indicator.textContent = seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting…';
    };
    tick();
    countdownTimer = setInterval(tick, 1000);
    buddies.markStale();
  } else if (state === 'refused') {
    // The login stopped working (password changed, account removed): retrying would not help.
    indicator.textContent = 'Login refused';
    backToLogin(`Logged out: ${detail}`);
  } else {
    indicator.textContent = { connected: 'Connected', connecting: 'Connecting…', offline: 'Offline' }[state]
      || state;
  }
  if (state === 'connected') {
    showChatError('');
    buddies.expectSnapshot();
  }
}

function showChatError(text) {
  $('chat-error').textContent = text;
  $('chat-error').hidden = !text;
}

// ---- wiring -------------------------------------------------------------------------------------

function sendOnEnter(event) {
  // Shift+Enter is a new line; Enter while an input method is composing belongs to the IME.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $('composer').requestSubmit();
  }
}

function init() {
  $('login-user').value = localStorage.getItem(LAST_USER_KEY) || '';
  ($('login-user').value ? $('login-password') : $('login-user')).focus();
  $('login-form').addEventListener('submit', onLoginSubmit);
  $('composer').addEventListener('submit', onSendSubmit);
  $('text').addEventListener('keydown', sendOnEnter);
  $('to').addEventListener('change', () => conversations.select(normaliseRecipient($('to').value)));
  $('to').addEventListener('input', showSmsLength);
  $('text').addEventListener('input', showSmsLength);
  $('logout-button').addEventListener('click', logout);
  // The browser knows before the backoff timer does that the network is back.
  window.addEventListener('online', () => session && session.reconnectNow());
}

init();
