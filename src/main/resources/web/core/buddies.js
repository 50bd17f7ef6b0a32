// The buddy list with presence dots, fed by the user's presence feed (ADR 0008): a type:buddies frame
// sets the list (or answers a buddy command with error and detail), a type:presence frame sets one
// buddy's state. A core without the feed refuses the SUBSCRIBE or says nothing; the panel then says
// "presence unavailable" and the rest of the page carries on.

import { el, isPhoneNumber } from './conversations.js';

// The core sends its snapshot as soon as the subscription exists; silence this long means no feed.
const SNAPSHOT_WAIT_MS = 5000;
const PRESENCE_TEXT = { online: 'online', sms: 'reachable by SMS', offline: 'offline', unknown: 'unknown' };
const ERROR_TEXT = {
  UNKNOWN_USER: 'There is no user with that name.',
  INVALID_BUDDY: 'That is neither a user name nor a phone number.',
  NO_ACTION: 'The server did not understand the request.',
};

export class Buddies {
  /**
   * @param elements {list, status, form, input, error} of the panel
   * @param onSelect(buddy) opens a conversation; onCommand(action, buddy) sends a buddy command and
   *   returns false when it could not be sent
   */
  constructor(elements, { onSelect, onCommand }) {
    this.elements = elements;
    this.onSelect = onSelect;
    this.onCommand = onCommand;
    this.buddies = [];
    this.presence = new Map(); // buddy -> online | sms | offline
    elements.form.addEventListener('submit', (event) => this.onAdd(event));
    this.setAvailability('waiting');
  }

  /** A (re)connection subscribed to the feed: its snapshot should follow shortly. */
  expectSnapshot() {
    clearTimeout(this.snapshotTimer);
    if (this.availability === 'refused') return;
    this.snapshotTimer = setTimeout(() => {
      if (this.availability !== 'live') this.setAvailability('unavailable');
    }, SNAPSHOT_WAIT_MS);
  }

  /** The connection dropped: what the dots say is no longer known until the next snapshot. */
  markStale() {
    clearTimeout(this.snapshotTimer);
    this.presence.clear();
    if (this.availability === 'live') this.setAvailability('waiting');
    this.render();
  }

  refused(text) {
    clearTimeout(this.snapshotTimer);
    this.refusal = text;
    this.setAvailability('refused');
  }

  clear() {
    clearTimeout(this.snapshotTimer);
    this.buddies = [];
    this.presence.clear();
    this.refusal = null;
    this.showError('');
    this.setAvailability('waiting');
    this.render();
  }

  onFrame(headers, body) {
    if (headers.type === 'buddies') {
      this.setAvailability('live');
      if (headers.error) {
        this.showError(`${ERROR_TEXT[headers.error] || headers.error}${headers.detail ? ` (${headers.detail})` : ''}`);
        return;
      }
      this.showError('');
      const list = headers.buddies !== undefined ? headers.buddies : body;
      this.buddies = (list || '').split(',').map((b) => b.trim()).filter((b) => b !== '');
      this.render();
    } else if (headers.type === 'presence' && headers.user) {
      this.setAvailability('live');
      this.presence.set(headers.user, headers.presence);
      this.render();
    }
  }

  /** The last known presence of a user or number, for other parts of the page. */
  presenceOf(peer) {
    return this.presence.get(peer) || 'unknown';
  }

  onAdd(event) {
    event.preventDefault();
    const raw = this.elements.input.value.trim();
    if (!raw) return;
    // Numbers are often typed with spaces; the core expects E.164 (ADR 0008: login or E.164 number).
    const buddy = /^\+?[\d\s().-]+$/.test(raw) ? raw.replace(/[\s().-]/g, '') : raw;
    if (this.onCommand('add', buddy)) {
      this.elements.input.value = '';
      this.showError('');
    } else {
      this.showError('Not connected; try again in a moment.');
    }
  }

  setAvailability(availability) {
    this.availability = availability;
    const { status, form } = this.elements;
    status.dataset.availability = availability;
    status.textContent = {
      waiting: 'Waiting for presence…',
      live: this.buddies.length === 0 ? 'No buddies yet: add a user name or a phone number.' : '',
      unavailable: 'presence unavailable',
      refused: 'presence unavailable',
    }[availability];
    status.title = availability === 'refused' ? this.refusal || '' : '';
    status.hidden = status.textContent === '';
    // Commands are answered on the feed only: without it, a command could not be confirmed.
    form.querySelectorAll('input, button').forEach((control) => { control.disabled = availability !== 'live'; });
  }

  showError(text) {
    this.elements.error.textContent = text;
    this.elements.error.hidden = !text;
  }

  render() {
    const items = this.buddies.map((buddy) => {
      const presence = this.presenceOf(buddy);
      const open = el('button', { type: 'button', class: 'buddy-open', title: `Write to ${buddy}` },
        el('span', { class: 'presence-dot', 'data-presence': presence, title: PRESENCE_TEXT[presence] || presence }),
        el('span', { class: 'buddy-name' }, buddy),
        el('span', { class: 'buddy-presence' }, PRESENCE_TEXT[presence] || presence));
      open.addEventListener('click', () => this.onSelect(buddy));
      const remove = el('button', { type: 'button', class: 'buddy-remove ghost', 'aria-label': `Remove ${buddy}`,
        title: `Remove ${buddy}` }, '×');
      remove.addEventListener('click', () => this.onCommand('remove', buddy));
      return el('li', { class: 'buddy', 'data-buddy': buddy, 'data-presence': presence,
        'data-kind': isPhoneNumber(buddy) ? 'sms' : 'chat' }, open, remove);
    });
    this.elements.list.replaceChildren(...items);
    if (this.availability === 'live') this.setAvailability('live'); // refreshes the "no buddies" hint
  }
}
