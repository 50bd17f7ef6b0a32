// Renders messages into #messages, one section per peer, and the peer list into #conversations.
// Every piece of text from users or the server goes in as a text node, never as HTML.

// Statuses only move forward; a late 'accepted' must not overwrite 'delivered'.
const STATUS_RANK = { sending: 0, sent: 1, accepted: 2, submitted: 3, delivered: 4 };

// What the core's reason codes mean, for when a failed status comes without a detail text.
const REASON_TEXT = {
  UNKNOWN_USER: 'There is no user with that name.',
  INVALID_NUMBER: 'That is not a valid phone number.',
  NO_RECIPIENT: 'The message had no recipient.',
  NO_CARRIER: 'No carrier can take messages for that number.',
  SMSC_REJECTED: 'The SMS centre refused the message.',
  TOO_LONG: 'The message is too long to send as SMS.',
};

/** Builds an element; string children become text nodes, so nothing is ever parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

export function isPhoneNumber(peer) {
  return /^\+\d+$/.test(peer);
}

function peerLabel(peer) {
  return peer === '' ? '(no recipient)' : peer;
}

function initials(peer) {
  if (isPhoneNumber(peer)) return '#';
  return (peer.match(/[\p{L}\p{N}]/u) || ['?'])[0].toUpperCase();
}

function formatTime(date) {
  const sameDay = date.toDateString() === new Date().toDateString();
  const options = sameDay ? { hour: '2-digit', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return date.toLocaleString([], options);
}

function timeElement(iso) {
  const date = iso ? new Date(iso) : new Date();
  if (Number.isNaN(date.getTime())) return el('time', {}, iso);
  return el('time', { datetime: date.toISOString(), title: date.toLocaleString() }, formatTime(date));
}

export class Conversations {
  /** @param onSelect called with a peer when the user picks a conversation */
  constructor(messagesElement, listElement, onSelect) {
    this.messagesElement = messagesElement;
    this.listElement = listElement;
    this.onSelect = onSelect;
    this.byPeer = new Map();
    this.outgoing = new Map(); // client_ref -> message element
    this.seenIncoming = new Set(); // sluice_ids: a redelivered message must not show twice
    this.selected = null;
  }

  addOutgoing(peer, text, clientRef) {
    const status = el('span', { class: 'status', 'data-status': 'sending' }, 'sending');
    const message = el('li', { class: 'msg msg-out', 'data-peer': peer, 'data-client-ref': clientRef,
      'data-status': 'sending' },
    el('div', { class: 'bubble' }, el('p', { class: 'text' }, text)),
    el('div', { class: 'meta' }, timeElement(null), status));
    this.outgoing.set(clientRef, message);
    this.append(peer, message, { scroll: true });
  }

  addIncoming({ from, sluiceId, sentAt, text }) {
    if (sluiceId && this.seenIncoming.has(sluiceId)) return;
    if (sluiceId) this.seenIncoming.add(sluiceId);
    const peer = from || '';
    const message = el('li', { class: 'msg msg-in', 'data-peer': peer, 'data-sluice-id': sluiceId },
      el('div', { class: 'meta' }, el('span', { class: 'sender' }, peerLabel(peer)), timeElement(sentAt)),
      el('div', { class: 'bubble' }, el('p', { class: 'text' }, text)));
    this.append(peer, message, { scroll: this.isNearBottom() });
    if (peer !== this.selected) this.markUnread(peer);
  }

  /** Applies a status update to the message it names; returns false when the message is not on this page. */
  applyStatus({ clientRef, sluiceId, status, reason, detail }) {
    const message = this.outgoing.get(clientRef) || this.findBySluiceId(sluiceId);
    if (!message) return false;
    if (sluiceId) message.dataset.sluiceId = sluiceId;
    this.setStatus(message, status, reason, detail);
    return true;
  }

  markSent(clientRef) {
    const message = this.outgoing.get(clientRef);
    if (message) this.setStatus(message, 'sent');
  }

  markRejected(clientRef, text) {
    const message = this.outgoing.get(clientRef);
    if (message) this.setStatus(message, 'failed', 'REFUSED', text);
  }

  setStatus(message, status, reason, detail) {
    const current = message.dataset.status;
    if (current === 'failed') return;
    if (status !== 'failed' && (STATUS_RANK[status] ?? 0) <= (STATUS_RANK[current] ?? 0)) return;
    message.dataset.status = status;
    message.classList.toggle('failed', status === 'failed');
    const element = message.querySelector('.status');
    element.dataset.status = status;
    element.textContent = status === 'failed' ? failureText(reason, detail) : status;
    if (status === 'failed') element.title = REASON_TEXT[reason] || '';
  }

  findBySluiceId(sluiceId) {
    if (!sluiceId) return null;
    return [...this.outgoing.values()].find((message) => message.dataset.sluiceId === sluiceId) || null;
  }

  select(peer) {
    this.selected = peer;
    this.byPeer.forEach((conversation, key) => {
      const isSelected = key === peer;
      conversation.section.classList.toggle('selected', isSelected);
      conversation.item.classList.toggle('selected', isSelected);
      if (isSelected) this.clearUnread(conversation);
    });
  }

  clear() {
    this.byPeer.clear();
    this.outgoing.clear();
    this.seenIncoming.clear();
    this.selected = null;
    this.messagesElement.replaceChildren(el('p', { class: 'empty-state' }, 'No messages yet.'));
    this.listElement.replaceChildren();
  }

  append(peer, message, { scroll }) {
    const conversation = this.conversationFor(peer);
    conversation.list.append(message);
    // The most recent conversation sits last, next to the composer, and first in the peer list.
    this.messagesElement.append(conversation.section);
    this.listElement.prepend(conversation.item);
    conversation.preview.textContent = message.querySelector('.text').textContent;
    if (scroll) this.messagesElement.scrollTop = this.messagesElement.scrollHeight;
  }

  conversationFor(peer) {
    const existing = this.byPeer.get(peer);
    if (existing) return existing;
    this.messagesElement.querySelector('.empty-state')?.remove();
    const conversation = {
      section: this.sectionFor(peer),
      list: el('ol', { class: 'conversation-messages' }),
      item: null,
      preview: el('span', { class: 'preview' }),
      badge: el('span', { class: 'unread', hidden: '' }),
      unread: 0,
    };
    conversation.section.append(conversation.list);
    conversation.item = this.listItemFor(peer, conversation);
    this.byPeer.set(peer, conversation);
    if (peer === this.selected) this.select(peer);
    return conversation;
  }

  sectionFor(peer) {
    const header = el('header', { class: 'conversation-header' },
      el('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(peer)),
      el('span', { class: 'peer-name' }, peerLabel(peer)),
      el('span', { class: 'peer-kind' }, isPhoneNumber(peer) ? 'SMS' : 'Chat'));
    header.addEventListener('click', () => this.onSelect(peer));
    return el('section', { class: 'conversation', 'data-peer': peer }, header);
  }

  listItemFor(peer, conversation) {
    const button = el('button', { type: 'button', class: 'conversation-item', 'data-peer': peer },
      el('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(peer)),
      el('span', { class: 'summary' }, el('span', { class: 'peer-name' }, peerLabel(peer)), conversation.preview),
      conversation.badge);
    button.addEventListener('click', () => this.onSelect(peer));
    return el('li', {}, button);
  }

  markUnread(peer) {
    const conversation = this.byPeer.get(peer);
    conversation.unread += 1;
    conversation.badge.textContent = String(conversation.unread);
    conversation.badge.hidden = false;
  }

  clearUnread(conversation) {
    conversation.unread = 0;
    conversation.badge.hidden = true;
  }

  isNearBottom() {
    const m = this.messagesElement;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }
}

function failureText(reason, detail) {
  const explanation = detail || REASON_TEXT[reason] || '';
  return `failed: ${reason || 'UNKNOWN'}${explanation ? ` — ${explanation}` : ''}`;
}
