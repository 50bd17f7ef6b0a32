// The chat session of one logged-in user on top of @stomp/stompjs (served by the core from its WebJar):
// the library does the framing, heart-beats and reconnecting; this file knows the Sluice destinations
// and headers (README "STOMP API", ADR 0003, ADR 0008) and nothing about the page.

import { Client } from '/webjars/stomp__stompjs/7.0.0/esm6/index.js';

const OUTBOX = '/queue/sluice.outbox';
const INBOX_PREFIX = '/queue/sluice.inbox.';
const PRESENCE_PREFIX = '/topic/sluice.presence.';
const BUDDIES = '/queue/sluice.buddies';
// Offered both ways; Artemis drops a client that promised beats and sent none for twice this long.
const HEART_BEAT_MS = 10000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;
// A server that accepts the socket but never answers CONNECT must not leave the login hanging.
const CONNECT_TIMEOUT_MS = 10000;

/**
 * @param {object} options url, login, passcode, and the callbacks
 *   onState(state, detail): 'connecting' | 'connected' | 'reconnecting' (detail {reason, retryAt})
 *     | 'refused' (detail: the server's message) | 'offline'
 *   onChat({from, sluiceId, sentAt, text}), onStatus({clientRef, sluiceId, status, reason, detail}),
 *   onStored(clientRef): the broker has the message, onRejected(clientRef, text): it refused it,
 *   onPresenceFrame(headers, body): a frame of the presence feed (ADR 0008),
 *   onPresenceRefused(text): the broker will not let this user read a presence feed,
 *   onError(text): a problem worth showing.
 */
export class ChatSession {
  constructor(options) {
    this.options = options;
    this.unconfirmed = new Map(); // client_ref -> {to, text}, in sending order
    this.retryMs = FIRST_RETRY_MS;
    this.everConnected = false;
    this.presenceRefused = false;
    this.nextReceipt = 1;
    this.pendingReceipts = new Map(); // receipt id -> client_ref, to match an ERROR to its message
    this.client = new Client({
      brokerURL: options.url,
      connectHeaders: { login: options.login, passcode: options.passcode, host: new URL(options.url).hostname },
      heartbeatIncoming: HEART_BEAT_MS,
      heartbeatOutgoing: HEART_BEAT_MS,
      reconnectDelay: FIRST_RETRY_MS,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      // A socket whose heart-beats stopped (laptop lid, dead Wi-Fi) may take minutes to report its
      // close; drop it at once so that the reconnect starts now.
      discardWebsocketOnCommFailure: true,
      onConnect: () => this.onConnect(),
      onStompError: (frame) => this.onStompError(frame),
      onWebSocketClose: (event) => this.onWebSocketClose(event),
    });
  }

  /** The first connection: resolves once logged in, rejects (and stops) if that fails. */
  start() {
    return new Promise((resolve, reject) => {
      this.firstLogin = { resolve, reject };
      this.options.onState('connecting', this.options.url);
      this.client.activate();
    });
  }

  /** Queues a message; it goes out now if connected, else after the next reconnect. */
  send(clientRef, to, text) {
    this.unconfirmed.set(clientRef, { to, text });
    if (this.client.connected) this.transmit(clientRef);
  }

  /** Adds or removes a buddy (ADR 0008); the answer comes on the presence feed. */
  changeBuddy(action, buddy) {
    if (!this.client.connected) return false;
    this.client.publish({ destination: BUDDIES, headers: { action, buddy } });
    return true;
  }

  async stop() {
    this.stopping = true;
    await this.client.deactivate();
    this.options.onState('offline', 'Logged out');
  }

  /** Skips the wait before the next attempt, e.g. when the browser says the network is back. */
  async reconnectNow() {
    if (this.stopping || this.client.connected || !this.everConnected || !this.client.active) return;
    await this.client.deactivate();
    if (!this.stopping) this.client.activate();
  }

  onConnect() {
    this.everConnected = true;
    this.retryMs = FIRST_RETRY_MS;
    this.client.reconnectDelay = FIRST_RETRY_MS;
    const { login } = this.options;
    // The inbox first: whatever happens to the presence feed below, chat works.
    this.client.subscribe(INBOX_PREFIX + login, (message) => this.onInboxMessage(message), { ack: 'auto' });
    this.subscribePresence(login);
    this.options.onState('connected', this.options.url);
    if (this.firstLogin) {
      this.firstLogin.resolve();
      this.firstLogin = null;
    }
    // Whatever was unconfirmed when the last connection dropped may or may not have arrived; the
    // broker's duplicate detection (_AMQ_DUPL_ID, see transmit) drops a repeat that did.
    [...this.unconfirmed.keys()].forEach((clientRef) => this.transmit(clientRef));
  }

  subscribePresence(login) {
    // A broker without the presence feed (ADR 0008) refuses the SUBSCRIBE with an ERROR but keeps the
    // connection; asking again on every reconnect would only repeat the refusal.
    if (this.presenceRefused) return;
    this.presenceDestination = PRESENCE_PREFIX + login;
    this.client.subscribe(this.presenceDestination,
      (message) => this.options.onPresenceFrame(message.headers, message.body), { ack: 'auto' });
  }

  transmit(clientRef) {
    const { to, text } = this.unconfirmed.get(clientRef);
    const receipt = `send-${this.nextReceipt++}`;
    // Registered before the SEND so that a fast RECEIPT cannot be missed.
    this.client.watchForReceipt(receipt, () => {
      this.pendingReceipts.delete(receipt);
      if (this.unconfirmed.delete(clientRef)) this.options.onStored(clientRef);
    });
    this.pendingReceipts.set(receipt, clientRef);
    this.client.publish({
      destination: OUTBOX,
      headers: {
        to,
        client_ref: clientRef,
        // Artemis keeps one copy per id on the outbox address: a resend after a lost receipt is not a
        // second message. The login is part of the id so that users' references never collide.
        _AMQ_DUPL_ID: `${this.options.login}:${clientRef}`,
        'content-type': 'text/plain;charset=utf-8',
        receipt,
      },
      body: text,
    });
  }

  onInboxMessage(message) {
    const h = message.headers;
    if (h.type === 'chat') {
      this.options.onChat({ from: h.from, sluiceId: h.sluice_id, sentAt: h.sent_at, text: message.body });
    } else if (h.type === 'status') {
      this.options.onStatus({
        clientRef: h.client_ref, sluiceId: h.sluice_id, status: h.status, reason: h.reason, detail: h.detail,
      });
    }
  }

  onStompError(frame) {
    const text = frame.headers.message || frame.body || 'The server reported an error';
    if (!this.client.connected) {
      // Before CONNECTED the library cannot know the version yet and leaves header values as sent;
      // Artemis escapes them the STOMP 1.2 way (':' as \c), so the refusal is decoded here.
      const message = unescapeHeaderValue(text);
      // An ERROR before CONNECTED is a refused login; the broker closes the socket next. Retrying
      // credentials that were refused would only be refused again, so the session stops here.
      this.refused = message;
      this.client.deactivate();
      if (this.firstLogin) {
        this.firstLogin.reject(new Error(message));
        this.firstLogin = null;
      } else {
        this.options.onState('refused', message);
      }
      return;
    }
    const clientRef = this.pendingReceipts.get(frame.headers['receipt-id']);
    if (clientRef && this.unconfirmed.delete(clientRef)) {
      // The broker refused this very message; sending it again would be refused again.
      this.options.onRejected(clientRef, text);
    } else if (this.presenceDestination && `${text} ${frame.body}`.includes(this.presenceDestination.slice('/topic/'.length))) {
      this.presenceRefused = true;
      this.options.onPresenceRefused(text);
    } else {
      this.options.onError(text);
    }
  }

  onWebSocketClose(event) {
    if (this.stopping || this.refused) return;
    if (!this.everConnected) {
      // Only the first login reports failure to its caller; later drops are retried by the library.
      this.client.deactivate();
      if (this.firstLogin) {
        this.firstLogin.reject(new Error(closeReason(event, this.options.url)));
        this.firstLogin = null;
      }
      return;
    }
    // The library schedules its reconnect right after this callback, with reconnectDelay as it is
    // now: doubling it, with jitter, keeps a room full of browsers from reconnecting in the same
    // second after a restart of the core.
    const delay = Math.round(this.retryMs * (0.8 + Math.random() * 0.4));
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.client.reconnectDelay = delay;
    this.options.onState('reconnecting', { reason: closeReason(event, this.options.url), retryAt: Date.now() + delay });
  }
}

/** STOMP 1.2 "Value Encoding": \\, \n, \r and \c stand for a backslash, LF, CR and ':'. */
function unescapeHeaderValue(value) {
  return value.replace(/\\([\\ncr])/g, (match, code) => ({ '\\': '\\', n: '\n', r: '\r', c: ':' })[code]);
}

function closeReason(event, url) {
  if (!event || event.code === 1006) return `Cannot reach the chat server at ${url}`;
  if (event.code === 1000) return 'Connection closed';
  return `Connection closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`;
}
