// The demo's Link panel: both ends' mirrored rings side by side, live, and the simulated WAN's
// cut / restore / reset switches. The core serves /api/demo/link only in the demo; elsewhere the
// panel stays hidden.

const POLL_MS = 1000;

const panel = document.getElementById('link-panel');
const rows = document.getElementById('ring-rows');
const wanStatus = document.getElementById('wan-status');
const linkState = document.getElementById('link-state');

function cell(text) {
  const td = document.createElement('td');
  td.textContent = String(text);
  return td;
}

/** One table row per ring and end; the same ring at both ends sits on adjacent rows to compare. */
function renderRings(core, edge) {
  rows.replaceChildren();
  const edgeByName = new Map((Array.isArray(edge) ? edge : []).map((ring) => [ring.name, ring]));
  for (const ring of core) {
    for (const [end, view] of [['core', ring], ['edge', edgeByName.get(ring.name)]]) {
      const tr = document.createElement('tr');
      tr.dataset.ring = ring.name;
      tr.dataset.end = end;
      if (!view) {
        tr.append(cell(ring.name), cell(end), cell('—'), cell('—'), cell('—'), cell('—'), cell('unreachable'));
      } else {
        const p = view.pointers;
        tr.append(cell(ring.name), cell(end), cell(p.lastRetrieved), cell(p.lastSent), cell(p.lastConfirmed),
          cell(p.lastProcessed), cell(`${view.occupancy}/${view.capacity}`));
      }
      rows.append(tr);
    }
  }
}

function renderWan(wan, coreLink) {
  const link = Object.values(coreLink || {})[0];
  linkState.textContent = link ? (link.up ? 'up' : 'interrupted') : '';
  linkState.dataset.up = link ? String(link.up) : '';
  if (wan && !wan.error) {
    const cut = wan.blackHoled ? 'CUT — nothing gets through' : 'open';
    wanStatus.textContent = `WAN ${wan.oneWayLatencyMs} ms each way, ${cut}; `
      + `${link ? link.interruptions : 0} interruptions, ${link ? link.replays : 0} replays so far.`;
  } else {
    wanStatus.textContent = 'WAN simulator unreachable.';
  }
}

async function refresh() {
  try {
    const response = await fetch('/api/demo/link');
    if (!response.ok) {
      panel.hidden = true;
      return;
    }
    const view = await response.json();
    panel.hidden = false;
    renderRings(view.core, view.edge);
    renderWan(view.wan, view.coreLink);
  } catch (e) {
    // the core is restarting; the next poll will tell
  }
}

async function command(path) {
  await fetch(`/api/demo/link/${path}`, { method: 'POST' });
  refresh();
}

document.getElementById('link-cut').addEventListener('click', () => command('cut'));
document.getElementById('link-restore').addEventListener('click', () => command('restore'));
document.getElementById('link-reset').addEventListener('click', () => command('reset'));

refresh();
setInterval(refresh, POLL_MS);
