// The chat session of one logged-in user: it keeps a STOMP connection up (reconnecting with backoff),
// re-subscribes to the user's inbox after each reconnect, and resends messages the broker never
// confirmed. It knows the Sluice destinations and headers but nothing about the page.

import { StompConnection, StompError } from './stomp.js';

const OUTBOX = '/queue/sluice.outbox';
const INBOX_PREFIX = '/queue/sluice.inbox.';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;

/**
 * @param {object} options url, login, passcode, and the callbacks
 *   onState(state, detail): state is 'connecting' | 'connected' | 'reconnecting' | 'offline'
 *   onChat({from, sluiceId, sentAt, text}), onStatus({clientRef, sluiceId, status, reason, detail}),
 *   onSent(clientRef): the broker has the message, onRejected(clientRef, text): the broker refused it,
 *   onError(text): a problem worth showing,
 *   onRefused(text): the server no longer accepts the login; the session has stopped.
 */
export class ChatSession {
  constructor(options) {
    this.options = options;
    this.unconfirmed = new Map(); // client_ref -> {to, text}, in sending order
    this.retryMs = FIRST_RETRY_MS;
    this.stopped = false;
  }

  /** The first connection: resolves once logged in, rejects (and stops) if that fails. */
  async start() {
    try {
      await this.connect();
    } catch (e) {
      this.stopped = true;
      throw e;
    }
  }

  /** Queues a message; it goes out now if connected, else after the next reconnect. */
  send(clientRef, to, text) {
    this.unconfirmed.set(clientRef, { to, text });
    if (this.connection && this.connected) this.transmit(clientRef);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.connection) await this.connection.disconnect();
    this.options.onState('offline', 'Logged out');
  }

  async connect() {
    const { url, login, passcode } = this.options;
    this.connected = false;
    this.options.onState('connecting', url);
    const connection = new StompConnection(url, {
      onMessage: (frame) => this.onMessage(frame),
      onError: (error) => this.options.onError(error.message),
      onClose: (reason) => this.onClose(connection, reason),
    });
    this.connection = connection;
    await connection.connect(login, passcode);
    if (this.stopped) {
      // Logged out while this attempt was under way.
      connection.close();
      return;
    }
    this.connected = true;
    this.retryMs = FIRST_RETRY_MS;
    connection.subscribe(INBOX_PREFIX + login, 'auto');
    this.options.onState('connected', url);
    // Whatever was unconfirmed when the last connection dropped may or may not have arrived; the
    // broker's duplicate detection (_AMQ_DUPL_ID, see transmit) drops a repeat that did.
    [...this.unconfirmed.keys()].forEach((clientRef) => this.transmit(clientRef));
  }

  transmit(clientRef) {
    const { to, text } = this.unconfirmed.get(clientRef);
    const headers = {
      to,
      client_ref: clientRef,
      // Artemis keeps one copy per id on the outbox address: a resend after a lost receipt is not a
      // second message. The login is part of the id so that users' references never collide.
      _AMQ_DUPL_ID: `${this.options.login}:${clientRef}`,
      'content-type': 'text/plain;charset=utf-8',
    };
    this.connection.send(OUTBOX, headers, text).then(() => {
      this.unconfirmed.delete(clientRef);
      this.options.onSent(clientRef);
    }, (error) => {
      if (error instanceof StompError) {
        // The broker refused this very message; sending it again would be refused again.
        this.unconfirmed.delete(clientRef);
        this.options.onRejected(clientRef, error.message);
      }
      // Otherwise the connection dropped before the receipt: it goes again after the reconnect.
    });
  }

  onMessage(frame) {
    const h = frame.headers;
    if (h.type === 'chat') {
      this.options.onChat({ from: h.from, sluiceId: h.sluice_id, sentAt: h.sent_at, text: frame.body });
    } else if (h.type === 'status') {
      this.options.onStatus({
        clientRef: h.client_ref, sluiceId: h.sluice_id, status: h.status, reason: h.reason, detail: h.detail,
      });
    }
  }

  onClose(connection, reason) {
    if (connection !== this.connection || this.stopped) return;
    const wasConnected = this.connected;
    this.connected = false;
    // Only the first login reports failure to its caller; later drops are retried here.
    if (wasConnected || this.reconnecting) this.scheduleReconnect(reason);
  }

  scheduleReconnect(reason) {
    this.reconnecting = true;
    // Jitter keeps a room full of browsers from reconnecting in the same second after a restart.
    const delay = Math.round(this.retryMs * (0.8 + Math.random() * 0.4));
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.options.onState('reconnecting', { reason, retryAt: Date.now() + delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), delay);
  }

  /** Skips the wait, e.g. when the browser says the network is back. */
  reconnectNow() {
    if (this.stopped || this.connected || !this.reconnecting) return;
    clearTimeout(this.retryTimer);
    this.reconnect();
  }

  async reconnect() {
    try {
      await this.connect();
      this.reconnecting = false;
    } catch (e) {
      if (e instanceof StompError) {
        // Credentials that stopped working will not start working by retrying.
        this.stopped = true;
        this.options.onRefused(e.message);
      }
      // Other failures end in onClose, which schedules the next attempt.
    }
  }
}
