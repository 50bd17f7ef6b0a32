// Phones page of the Sluice SMSC emulator: polls the REST API and renders counters, sessions,
// phones and recorded PDUs. Plain DOM; message texts are only ever set as textContent.
(function () {
  'use strict';

  const POLL_MS = 1000;
  const TRAFFIC_ROWS = 100;
  let selectedPhone = null;

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function row(cells, className) {
    const tr = el('tr', className);
    cells.forEach(([text, cls]) => tr.appendChild(el('td', cls, text)));
    return tr;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '';
  }

  function hex(status) {
    return '0x' + (status >>> 0).toString(16).toUpperCase().padStart(8, '0');
  }

  function renderStats(stats) {
    ['binds', 'submits', 'violations', 'keepaliveOverlaps', 'rejected', 'moPending', 'receiptsSent',
      'deliverRetries'].forEach((name) => { $('stat-' + name).textContent = stats[name]; });
    $('stat-mo').textContent = stats.moOriginated + ' / ' + stats.moDelivered;
    $('stat-violations').parentElement.classList.toggle('alarm', stats.violations > 0);

    const body = $('sessions');
    body.replaceChildren(...stats.sessions.map((s) => row([
      [s.id], [s.systemId || '(binding)'], [s.bindType || ''], [s.remoteAddress, 'mono'],
      [s.violations, 'num'], [s.keepaliveOverlaps, 'num'], [s.outstanding, 'num']],
      s.violations > 0 ? 'violation' : '')));
    $('no-sessions').hidden = stats.sessions.length > 0;
  }

  function renderPhones(phones) {
    const list = $('phones');
    list.replaceChildren(...phones.map((phone) => {
      const item = el('li', phone.number === selectedPhone ? 'selected' : '');
      item.appendChild(el('span', 'number', phone.number));
      item.appendChild(el('span', 'counts', '↓' + phone.received + ' ↑' + phone.sent));
      item.addEventListener('click', () => select(phone.number));
      return item;
    }));
    $('no-phones').hidden = phones.length > 0;
    if (!selectedPhone && phones.length > 0) select(phones[0].number);
  }

  function bubble(direction, text, meta, rawHex) {
    const item = el('li', 'bubble ' + direction);
    item.appendChild(el('div', text === null ? 'text raw' : 'text', text === null ? rawHex : text));
    item.appendChild(el('div', 'meta', meta));
    return item;
  }

  function renderConversation(view) {
    $('conversation-title').textContent = view ? view.number : (selectedPhone || 'Select a phone');
    if (!view) { $('conversation').replaceChildren(); return; }
    const received = view.messages.map((m) => ({
      at: m.time,
      node: bubble('in', m.text, 'from ' + m.from + ' · ' + time(m.time) + ' · dcs ' + m.dataCoding
        + ' · id ' + m.messageId, m.rawHex)
    }));
    const sent = view.outbox.map((m) => ({
      at: m.time,
      node: bubble('out', m.text, 'to ' + m.to + ' · ' + time(m.time) + ' · ' + m.status, null)
    }));
    const all = received.concat(sent).sort((a, b) => new Date(a.at) - new Date(b.at));
    const list = $('conversation');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 20;
    list.replaceChildren(...all.map((entry) => entry.node));
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function renderTraffic(records) {
    $('traffic').replaceChildren(...records.slice().reverse().map((r) => row([
      [time(r.time)], [r.session], [r.direction === 'in' ? '→' : '←', 'dir-' + r.direction], [r.command],
      [r.sequence, 'num'], [r.command.endsWith('_resp') || r.command === 'generic_nack' ? hex(r.status) : '', 'num status'],
      [r.source], [r.destination], [r.text], [r.note]],
      (r.note === 'violation' ? 'violation ' : '') + (r.status !== 0 ? 'error' : ''))));
  }

  async function refresh() {
    try {
      const [stats, phones, traffic] = await Promise.all([
        getJson('api/stats'), getJson('api/handsets'), getJson('api/traffic?limit=' + TRAFFIC_ROWS)]);
      renderStats(stats);
      renderPhones(phones);
      renderTraffic(traffic);
      if (selectedPhone) {
        const response = await fetch('api/handsets/' + encodeURIComponent(selectedPhone));
        renderConversation(response.ok ? await response.json() : null);
      }
      $('connection').textContent = 'live · ' + time(new Date().toISOString());
      $('connection').classList.remove('down');
    } catch (error) {
      $('connection').textContent = 'emulator unreachable';
      $('connection').classList.add('down');
    }
  }

  function select(number) {
    selectedPhone = number;
    $('from').value = number;
    refresh();
  }

  async function send(event) {
    event.preventDefault();
    const result = $('send-result');
    const body = { from: $('from').value.trim(), text: $('text').value };
    if ($('to').value.trim()) body.to = $('to').value.trim();
    try {
      const response = await fetch('api/mo', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
      });
      const answer = await response.json();
      if (response.status === 202) {
        result.textContent = 'queued as ' + answer.id;
        result.className = 'send-result ok';
        $('text').value = '';
        selectedPhone = body.from;
      } else {
        result.textContent = answer.message || ('HTTP ' + response.status);
        result.className = 'send-result error';
      }
    } catch (error) {
      result.textContent = 'emulator unreachable';
      result.className = 'send-result error';
    }
    refresh();
  }

  async function reset() {
    if (!window.confirm('Clear counters, recorded traffic and phones?')) return;
    await fetch('api/reset', { method: 'POST' });
    selectedPhone = null;
    refresh();
  }

  $('send').addEventListener('submit', send);
  $('reset').addEventListener('click', reset);
  refresh();
  setInterval(refresh, POLL_MS);
}());
