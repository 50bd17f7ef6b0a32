// A tiny STOMP 1.2 client over WebSocket, enough for the chat page: CONNECT, SUBSCRIBE, SEND with
// receipts, heart-beats, DISCONNECT. Kept here rather than taken from a library so the page loads
// nothing from outside the core. Section names below refer to the STOMP 1.2 specification.

const SUBPROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];
const NUL = 0;
const LF = 10;
const CR = 13;
const MAX_FRAME_BYTES = 1024 * 1024;
const CONNECT_TIMEOUT_MS = 10000;

const utf8 = new TextEncoder();
// Headers must be valid UTF-8: a garbled header is a broken stream, not text to guess at.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** An ERROR frame from the broker, e.g. refused credentials; `message` is the frame's message header. */
export class StompError extends Error {
  constructor(frame) {
    super(frame.headers.message || 'The server reported an error');
    this.name = 'StompError';
    this.frame = frame;
  }
}

// §"Value Encoding": CONNECT and CONNECTED stay unescaped so that STOMP 1.0 peers can read them.
function escapesHeaders(command) {
  return command !== 'CONNECT' && command !== 'CONNECTED';
}

function escapeHeader(text) {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/:/g, '\\c');
}

function unescapeHeader(text) {
  return text.replace(/\\(.?)/g, (match, code) => {
    const decoded = { '\\': '\\', n: '\n', r: '\r', c: ':' }[code];
    if (decoded === undefined) throw new Error(`Undefined escape sequence in header: ${match}`);
    return decoded;
  });
}

/** The frame as text to send in one WebSocket message; the body's length is counted in UTF-8 bytes. */
export function encodeFrame(command, headers = {}, body = '') {
  const escape = escapesHeaders(command);
  const lines = [command];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    lines.push(escape ? `${escapeHeader(name)}:${escapeHeader(String(value))}` : `${name}:${value}`);
  }
  // A content-length lets a body contain anything, even NUL (§"Body").
  if (body !== '' || command === 'SEND') lines.push(`content-length:${utf8.encode(body).length}`);
  return `${lines.join('\n')}\n\n${body}\0`;
}

/**
 * Cuts a byte stream into frames. A WebSocket message normally holds one frame, but nothing in the
 * protocol promises it, so bytes are buffered until a frame is whole.
 */
export class FrameDecoder {
  constructor(maxFrameBytes = MAX_FRAME_BYTES) {
    this.maxFrameBytes = maxFrameBytes;
    this.pending = new Uint8Array(0);
  }

  /** Returns the frames these bytes complete; throws on input that is not STOMP. */
  push(bytes) {
    this.pending = concat(this.pending, bytes);
    const frames = [];
    let frame;
    while ((frame = this.nextFrame()) !== null) frames.push(frame);
    if (this.pending.length > this.maxFrameBytes) {
      throw new Error(`Frame larger than ${this.maxFrameBytes} bytes`);
    }
    return frames;
  }

  nextFrame() {
    const start = skipEols(this.pending);
    const headerEnd = findHeaderEnd(this.pending, start);
    if (headerEnd < 0) {
      this.pending = this.pending.subarray(start);
      return null;
    }
    const { command, headers } = parseHeaderBlock(this.pending.subarray(start, headerEnd));
    const length = headers['content-length'];
    const nul = length === undefined
      ? this.pending.indexOf(NUL, headerEnd)
      : headerEnd + contentLength(length);
    if (nul < 0 || nul >= this.pending.length) {
      this.pending = this.pending.subarray(start);
      return null;
    }
    if (this.pending[nul] !== NUL) throw new Error(`${command} body does not end with NUL`);
    const body = lenientUtf8.decode(this.pending.subarray(headerEnd, nul));
    this.pending = this.pending.subarray(nul + 1);
    return { command, headers, body };
  }
}

function concat(a, b) {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

// §"Heart-beating": EOLs may come between frames at any time.
function skipEols(bytes) {
  let i = 0;
  while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++;
  return i;
}

/** Index just after the blank line that ends the header block, or -1 while it has not arrived. */
function findHeaderEnd(bytes, start) {
  for (let i = start; i < bytes.length; i++) {
    if (bytes[i] === NUL) throw new Error('Frame ended inside its headers');
    if (bytes[i] !== LF) continue;
    if (bytes[i + 1] === LF) return i + 2;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 3;
  }
  return -1;
}

function parseHeaderBlock(block) {
  const lines = strictUtf8.decode(block).split('\n').map((line) => line.replace(/\r$/, ''));
  const command = lines[0];
  if (!/^[A-Z]+$/.test(command)) throw new Error(`Not a STOMP command: ${command.slice(0, 40)}`);
  const unescape = escapesHeaders(command) ? unescapeHeader : (text) => text;
  const headers = {};
  for (const line of lines.slice(1).filter((l) => l !== '')) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`Header line without ':' in ${command}`);
    const name = unescape(line.slice(0, colon));
    // §"Repeated Header Entries": the first one counts.
    if (!(name in headers)) headers[name] = unescape(line.slice(colon + 1));
  }
  return { command, headers };
}

function contentLength(text) {
  if (!/^\d+$/.test(text) || Number(text) > MAX_FRAME_BYTES) throw new Error(`Bad content-length: ${text}`);
  return Number(text);
}

/**
 * One STOMP session on one WebSocket. It does not reconnect: a closed connection is finished, and
 * whoever owns it (session.js) decides whether to open another.
 */
export class StompConnection {
  /**
   * @param {string} url ws:// or wss:// address of the STOMP endpoint
   * @param {object} handlers onMessage(frame), onError(StompError), onClose(reason text)
   */
  constructor(url, { onMessage, onError, onClose }, heartBeatMs = 10000) {
    this.url = url;
    this.handlers = { onMessage, onError, onClose };
    this.heartBeatMs = heartBeatMs;
    this.decoder = new FrameDecoder();
    this.receipts = new Map();
    this.nextId = 1;
    this.timers = [];
    this.closed = false;
  }

  /** Opens the socket and logs in; resolves with the CONNECTED frame, rejects with StompError or Error. */
  connect(login, passcode) {
    return new Promise((resolve, reject) => {
      this.pendingConnect = { resolve, reject };
      // A server that accepts the socket but never answers CONNECT must not leave the login hanging.
      this.connectTimer = setTimeout(() => {
        if (this.socket) this.socket.close();
        this.finish(`No answer from the chat server at ${this.url}`);
      }, CONNECT_TIMEOUT_MS);
      try {
        this.socket = new WebSocket(this.url, SUBPROTOCOLS);
      } catch (e) {
        this.finish(`Bad server address ${this.url}: ${e.message}`);
        return;
      }
      // Artemis sends binary messages unless its acceptor says otherwise; take both.
      this.socket.binaryType = 'arraybuffer';
      this.socket.onopen = () => this.write('CONNECT', {
        'accept-version': '1.2,1.1,1.0',
        host: new URL(this.url).hostname,
        login,
        passcode,
        'heart-beat': `${this.heartBeatMs},${this.heartBeatMs}`,
      });
      this.socket.onmessage = (event) => this.receive(event.data);
      this.socket.onclose = (event) => this.finish(closeReason(event, this.url));
    });
  }

  subscribe(destination, ack = 'auto') {
    const id = `sub-${this.nextId++}`;
    this.write('SUBSCRIBE', { id, destination, ack });
    return id;
  }

  /** Resolves when the broker has taken the message (its RECEIPT), rejects if the connection ends first. */
  send(destination, headers, body) {
    const receipt = `send-${this.nextId++}`;
    const answered = this.expectReceipt(receipt);
    this.write('SEND', { destination, ...headers, receipt }, body);
    return answered;
  }

  /** Graceful logout: waits briefly for the broker to confirm, then closes whatever happened. */
  async disconnect(timeoutMs = 2000) {
    if (this.closed) return;
    const receipt = `bye-${this.nextId++}`;
    const answered = this.expectReceipt(receipt);
    this.write('DISCONNECT', { receipt });
    const timeout = new Promise((resolve) => { setTimeout(resolve, timeoutMs); });
    await Promise.race([answered.catch(() => {}), timeout]);
    this.close();
  }

  close() {
    if (this.socket) this.socket.close();
    this.finish('Closed by the client');
  }

  expectReceipt(id) {
    return new Promise((resolve, reject) => this.receipts.set(id, { resolve, reject }));
  }

  write(command, headers, body = '') {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(encodeFrame(command, headers, body));
      this.lastSent = Date.now();
    }
  }

  receive(data) {
    this.lastReceived = Date.now();
    const bytes = typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data);
    let frames;
    try {
      frames = this.decoder.push(bytes);
    } catch (e) {
      // The stream is out of step and cannot be resynchronised; start over with a new connection.
      this.socket.close();
      this.finish(`Garbled data from the server: ${e.message}`);
      return;
    }
    frames.forEach((frame) => this.dispatch(frame));
  }

  dispatch(frame) {
    switch (frame.command) {
      case 'CONNECTED': return this.onConnected(frame);
      case 'MESSAGE': return this.handlers.onMessage(frame);
      case 'RECEIPT': return this.settleReceipt(frame.headers['receipt-id'], (r) => r.resolve(frame));
      case 'ERROR': return this.onErrorFrame(frame);
      default: return undefined; // a newer server's command we do not know: ignore it
    }
  }

  onConnected(frame) {
    clearTimeout(this.connectTimer);
    this.startHeartBeats(frame.headers['heart-beat']);
    const pending = this.pendingConnect;
    this.pendingConnect = null;
    if (pending) pending.resolve(frame);
  }

  onErrorFrame(frame) {
    const error = new StompError(frame);
    if (this.pendingConnect) {
      this.pendingConnect.reject(error);
      this.pendingConnect = null;
      return;
    }
    this.settleReceipt(frame.headers['receipt-id'], (r) => r.reject(error));
    this.handlers.onError(error);
  }

  settleReceipt(id, settle) {
    const receipt = this.receipts.get(id);
    if (!receipt) return;
    this.receipts.delete(id);
    settle(receipt);
  }

  // §"Heart-beating": each side sends at the slower of what it offers and what the other wants.
  startHeartBeats(serverHeartBeat = '0,0') {
    const [serverSends, serverWants] = serverHeartBeat.split(',').map(Number);
    const sendEvery = serverWants > 0 ? Math.max(this.heartBeatMs, serverWants) : 0;
    const expectEvery = serverSends > 0 ? Math.max(this.heartBeatMs, serverSends) : 0;
    this.lastReceived = Date.now();
    if (sendEvery > 0) {
      this.timers.push(setInterval(() => {
        if (Date.now() - (this.lastSent || 0) >= sendEvery / 2) this.sendEol();
      }, sendEvery / 2));
    }
    if (expectEvery > 0) {
      // A connection that went quiet (laptop lid, dead Wi-Fi) would never report itself closed.
      this.timers.push(setInterval(() => {
        if (Date.now() - this.lastReceived > 3 * expectEvery) {
          this.socket.close();
          this.finish('The server stopped answering');
        }
      }, expectEvery));
    }
  }

  sendEol() {
    if (this.socket.readyState === WebSocket.OPEN) {
      this.socket.send('\n');
      this.lastSent = Date.now();
    }
  }

  /** Runs once per connection, whichever way it ends; tells every waiter. */
  finish(reason) {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.connectTimer);
    this.timers.forEach(clearInterval);
    const ended = new Error(reason);
    if (this.pendingConnect) this.pendingConnect.reject(ended);
    this.pendingConnect = null;
    this.receipts.forEach((receipt) => receipt.reject(ended));
    this.receipts.clear();
    this.handlers.onClose(reason);
  }
}

function closeReason(event, url) {
  if (event.code === 1000) return 'Connection closed';
  if (event.code === 1006) return `Cannot reach the chat server at ${url}`;
  return `Connection closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`;
}
