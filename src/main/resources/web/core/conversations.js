// Renders messages into #messages, one section per peer, and the peer list into #conversations.
// Every piece of text from users or the server goes in as a text node, never as HTML.

// Statuses only move forward; a late 'accepted' must not overwrite 'delivered'. 'sending' and
// 'stored' (the broker's RECEIPT) are the page's own; the rest are the core's (README, STOMP API).
// 'submitted' is what ADR 0003 first called 'processed'.
const STATUS_RANK = {
  sending: 0, stored: 1, accepted: 2, sent: 3, confirmed: 4, submitted: 5, processed: 5, delivered: 6,
};

// The stages a message passes on its way, one tick each: a phone's path crosses the rings and the
// SMSC, a user's ends in their inbox.
const PHONE_PATH = ['accepted', 'sent', 'confirmed', 'processed', 'delivered'];
const USER_PATH = ['accepted', 'delivered'];

const STATUS_TEXT = {
  sending: 'Not yet stored by the server',
  stored: 'Stored by the server',
  accepted: 'Accepted: queued for the recipient',
  sent: 'Sent: on its way to the carrier',
  confirmed: "Confirmed: stored at the carrier's edge",
  submitted: 'Processed: the SMS centre took it',
  processed: 'Processed: the SMS centre took it',
  delivered: 'Delivered',
};

// What the core's reason codes mean, for when a failed status comes without a detail text.
const REASON_TEXT = {
  UNKNOWN_USER: 'There is no user with that name.',
  INVALID_NUMBER: 'That is not a valid phone number.',
  NO_RECIPIENT: 'The message had no recipient.',
  NO_CARRIER: 'No carrier can take messages for that number.',
  SMSC_REJECTED: 'The SMS centre refused the message.',
  TOO_LONG: 'The message is too long to send as SMS.',
  INVALID_RECIPIENT: 'That is neither a user name nor a phone number.',
  EMPTY_MESSAGE: 'The message had no text.',
  UNDELIVERABLE: 'The carrier could not deliver it to the phone.',
  EXPIRED: 'Nobody took it in time.',
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
  /**
   * @param onSelect called with a peer when the user picks a conversation
   * @param onUnreadChange called with the total of unread messages whenever it changes
   */
  constructor(messagesElement, listElement, onSelect, onUnreadChange = () => {}) {
    this.messagesElement = messagesElement;
    this.listElement = listElement;
    this.onSelect = onSelect;
    this.onUnreadChange = onUnreadChange;
    this.byPeer = new Map();
    this.outgoing = new Map(); // client_ref -> message element
    this.seenIncoming = new Set(); // sluice_ids: a redelivered message must not show twice
    this.selected = null;
  }

  addOutgoing(peer, text, clientRef) {
    const status = el('span', { class: 'status', 'data-status': 'sending', title: STATUS_TEXT.sending }, 'sending');
    const ticks = el('span', { class: 'ticks', 'aria-hidden': 'true' });
    const message = el('li', { class: 'msg msg-out', 'data-peer': peer, 'data-client-ref': clientRef,
      'data-status': 'sending' },
    el('div', { class: 'bubble' }, el('p', { class: 'text' }, text)),
    el('div', { class: 'meta' }, timeElement(null), status, ticks));
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

  /** The broker's RECEIPT: the message is stored at the core and will not be lost. */
  markStored(clientRef) {
    const message = this.outgoing.get(clientRef);
    if (message) this.setStatus(message, 'stored');
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
    element.title = status === 'failed' ? REASON_TEXT[reason] || '' : STATUS_TEXT[status] || '';
    const path = isPhoneNumber(message.dataset.peer) ? PHONE_PATH : USER_PATH;
    // 'submitted' and any status off this path tick as far as the path's stage of the same rank.
    const reached = path.filter((stage) => STATUS_RANK[stage] <= (STATUS_RANK[status] ?? -1)).length;
    const ticks = message.querySelector('.ticks');
    ticks.dataset.ticks = String(reached);
    ticks.textContent = status === 'failed' ? '' : '✓'.repeat(reached);
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
    this.onUnreadChange(0);
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
    const button = el('button', { type: 'button', class: 'conversation-item', 'data-peer': peer,
      'data-kind': isPhoneNumber(peer) ? 'sms' : 'chat' },
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
    this.onUnreadChange(this.totalUnread());
  }

  clearUnread(conversation) {
    if (conversation.unread === 0) return;
    conversation.unread = 0;
    conversation.badge.hidden = true;
    this.onUnreadChange(this.totalUnread());
  }

  totalUnread() {
    return [...this.byPeer.values()].reduce((sum, conversation) => sum + conversation.unread, 0);
  }

  /** Opens an (empty) conversation, e.g. from the buddy list, without a message in it yet. */
  open(peer) {
    this.conversationFor(peer);
    if (!this.listElement.contains(this.byPeer.get(peer).item)) this.listElement.prepend(this.byPeer.get(peer).item);
    this.messagesElement.append(this.byPeer.get(peer).section);
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
