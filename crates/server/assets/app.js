// litopys web app: map, timeline, filters, event pages and the review queue.
// Every piece of data reaches the page through textContent or DOM nodes, never innerHTML.
import { createTimeline } from '/app/timeline.js';

const $ = (id) => document.getElementById(id);
const FILTERS = ['from', 'to', 'oblast', 'raion', 'type', 'sub_type', 'tag', 'actor', 'status', 'q'];
const state = { user: null, csrf: null, config: {}, filters: {}, queue: [], queueIdx: 0, event: null };

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function message(text, isError = true) {
  const m = $('message');
  m.textContent = text;
  m.className = isError ? 'error' : 'ok';
  m.hidden = !text;
  if (text) setTimeout(() => { if (m.textContent === text) m.hidden = true; }, 6000);
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(data.error || `${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return data;
}

function query(filters, extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

// ---------- account ----------

async function loadSession() {
  const s = await api('/api/session');
  state.user = s.user;
  state.csrf = s.csrf;
  $('signin-form').hidden = !!s.user;
  $('signed-in').hidden = !s.user;
  $('whoami').textContent = s.user ? `${s.user.name} (${s.user.role})` : '';
  document.body.classList.toggle('can-review', canReview());
}

const canReview = () => !!state.user && (state.user.role === 'editor' || state.user.role === 'admin');

$('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    await api('/api/session', { method: 'POST', body: { name: $('signin-name').value, password: $('signin-password').value } });
    $('signin-password').value = '';
    await loadSession();
    message('Signed in', false);
    route();
  } catch (e) { message(e.message); }
});
$('signout').addEventListener('click', async () => {
  try { await api('/api/session', { method: 'DELETE' }); } catch (e) { message(e.message); }
  await loadSession();
  route();
});

// ---------- map ----------

let map = null, cluster = null, boundaryLayer = null, timeline = null;

function initMap() {
  if (map) return;
  map = L.map('map', { preferCanvas: true, zoomSnap: 0.25, minZoom: 4, maxZoom: 14 }).fitBounds([[44.3, 22.1], [52.4, 40.3]]);
  if (state.config.tiles) L.tileLayer(state.config.tiles, { maxZoom: 18, attribution: 'tiles: see configuration' }).addTo(map);
  cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
  map.addLayer(cluster);
  timeline = createTimeline($('timeline'), (from, to) => {
    state.filters.from = from;
    state.filters.to = to;
    writeFilters();
    go();
  });
}

async function loadBoundaries() {
  const fc = await api('/api/boundaries');
  const select = $('f-oblast');
  const names = fc.features.map((f) => f.properties.admin1).sort();
  for (const n of names) select.append(el('option', { value: n, text: n }));
  boundaryLayer = L.geoJSON(fc, {
    style: () => ({ color: '#51606f', weight: 1, fillColor: '#dfe6ec', fillOpacity: 0.6 }),
    onEachFeature: (f, layer) => {
      layer.bindTooltip(f.properties.admin1, { sticky: true });
      layer.on('click', () => { state.filters.oblast = f.properties.admin1; writeFilters(); go(); });
    },
  }).addTo(map);
  boundaryLayer.bringToBack();
  document.body.dataset.boundaries = String(fc.features.length);
}

function readFilters() {
  const f = {};
  for (const k of FILTERS) f[k] = $(`f-${k}`).value.trim();
  return f;
}
function writeFilters() {
  for (const k of FILTERS) $(`f-${k}`).value = state.filters[k] || '';
}

// A new address means the view is no longer ready: cleared here, at once, not when the
// hashchange event arrives, so that nothing (a test, a script) reads the old view as the new.
function navigate(hash) {
  document.body.dataset.ready = '';
  location.hash = hash;
}

function go() {
  const q = query(state.filters);
  if (location.hash !== `#/${q}`) navigate(`#/${q}`);
  else route();
}

$('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.filters = readFilters(); go(); });
$('filters').addEventListener('reset', (ev) => { ev.preventDefault(); state.filters = {}; writeFilters(); go(); });

const TYPES = ['Protests', 'Riots', 'Violence against civilians', 'Explosions/Remote violence', 'Battles', 'Strategic developments'];
const typeClass = (type) => `t${Math.max(0, TYPES.indexOf(type))}`;

function legend() {
  const box = $('legend');
  if (box.childElementCount) return;
  box.append(...TYPES.map((t) => el('span', { class: 'legend-item' }, el('span', { class: `dot ${typeClass(t)}` }), ` ${t}`)));
}

function popup(p) {
  const [id, , , date, type, status] = p;
  return el('div', { class: 'popup' }, el('strong', { text: `${date} · ${type}` }), el('br'), `${status} · `, el('a', { href: `#/event/${encodeURIComponent(id)}`, text: id }));
}

// the drafted review of the filtered period (the current month when no dates are chosen)
function reportLinks() {
  const today = new Date().toISOString().slice(0, 10);
  const from = state.filters.from || `${today.slice(0, 8)}01`;
  const to = state.filters.to || today;
  const lang = $('report-lang').value;
  $('report-download').href = `/api/report${query({ from, to, lang })}`;
  $('report-download-html').href = `/api/report${query({ from, to, lang, format: 'html' })}`;
}

async function showMap() {
  initMap();
  legend();
  setTimeout(() => map.invalidateSize(), 0);
  writeFilters();
  const f = state.filters;
  const { from, to, ...undated } = f;
  const [points, list, byOblast, days, byPlace] = await Promise.all([
    api(`/api/points${query(f)}`),
    api(`/api/events${query(f, { limit: 100 })}`),
    api(`/api/aggregates${query(f, { interval: 'month', by: 'oblast' })}`),
    api(`/api/aggregates${query(undated, { interval: 'day' })}`),
    api(`/api/aggregates${query(f, { interval: 'month', by: 'place' })}`),
  ]);
  // the report's charts, drawn by the server as SVG over the same filters
  $('chart-weekly').src = `/api/charts/weekly.svg${query(f)}`;
  $('chart-map').src = `/api/charts/map.svg${query(f)}`;
  reportLinks();
  const places = new Map();
  for (const b of byPlace.buckets) if (b.key) places.set(b.key, (places.get(b.key) || 0) + b.n_events);
  $('top-places').tBodies[0].replaceChildren(...[...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10)
    .map(([k, n]) => el('tr', {}, el('td', { text: k }), el('td', { text: n }))));
  cluster.clearLayers();
  const icons = new Map();
  const icon = (type) => {
    if (!icons.has(type)) icons.set(type, L.divIcon({ className: `dot ${typeClass(type)}`, iconSize: [10, 10] }));
    return icons.get(type);
  };
  const markers = points.points.map((p) => L.marker([p[1], p[2]], { icon: icon(p[4]), title: `${p[3]} ${p[4]}` }).bindPopup(() => popup(p)));
  cluster.addLayers(markers);
  $('match-count').textContent = `${points.total} events match; ${points.points.length} on the map` + (points.n_unplaced ? `, ${points.n_unplaced} without coordinates` : '');
  const sums = new Map();
  for (const b of byOblast.buckets) {
    const s = sums.get(b.key) || { n: 0, d: 0 };
    s.n += b.n_events; s.d += b.fatalities;
    sums.set(b.key, s);
  }
  $('by-oblast').tBodies[0].replaceChildren(...[...sums].sort((a, b) => b[1].n - a[1].n)
    .map(([k, s]) => el('tr', {}, el('td', { text: k || '(unknown)' }), el('td', { text: s.n }), el('td', { text: s.d }))));
  timeline.update(days.buckets, f.from, f.to);
  $('event-list').replaceChildren(...list.events.map((e) => el('li', {},
    el('a', { href: `#/event/${encodeURIComponent(e.id)}`, text: `${e.event_date} ${e.sub_event_type}` }),
    ` — ${e.location}${e.admin1 ? ', ' + e.admin1 : ''} `, el('span', { class: `status ${e.status}`, text: e.status }))));
  if (list.total > list.events.length) $('event-list').append(el('li', { class: 'more', text: `… and ${list.total - list.events.length} more (narrow the filters)` }));
}

// ---------- event page ----------

const enc = new TextEncoder(), dec = new TextDecoder();

// The document's text with the evidence spans (byte offsets) marked.
function highlighted(text, evidence) {
  const bytes = enc.encode(text);
  const spans = evidence.filter((e) => e.start < e.end && e.end <= bytes.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const out = el('div', { class: 'doc-text' });
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping span: the earlier one is shown
    out.append(dec.decode(bytes.subarray(at, s.start)));
    out.append(el('mark', { class: 'evidence', 'data-field': s.field, title: s.field, text: dec.decode(bytes.subarray(s.start, s.end)) }));
    at = s.end;
  }
  out.append(dec.decode(bytes.subarray(at)));
  return out;
}

function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join('; ') : '—';
  return String(v);
}

async function showEvent(id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  state.event = e;
  $('event-title').textContent = `${e.id}: ${e.incident.sub_event_type}, ${e.incident.location}, ${e.incident.event_date}`;
  $('event-status').replaceChildren('Status: ', el('span', { class: `status ${e.status}`, id: 'status-value', text: e.status }),
    e.reviewed_fields.length ? ` · reviewed fields: ${e.reviewed_fields.join(', ')}` : '');
  const withEvidence = new Set(e.evidence.map((x) => x.field));
  const rows = Object.entries(e.incident).filter(([k]) => k !== 'evidence').map(([k, v]) => el('tr', { 'data-field': k, class: withEvidence.has(k) ? 'has-evidence' : '' },
    el('th', { text: k }), el('td', { class: 'value', text: show(v) }),
    el('td', { class: 'ev', text: e.evidence.filter((x) => x.field === k).map((x) => `“${x.text}”`).join(' ') })));
  $('event-fields').tBodies[0].replaceChildren(...rows);
  const fields = Object.keys(e.incident).filter((k) => !['evidence', 'event_id_cnty'].includes(k));
  $('edit-field').replaceChildren(...fields.map((k) => el('option', { value: k, text: k })));
  $('review-panel').hidden = !canReview();
  $('split-list').replaceChildren(...e.sources.map((s) => el('label', { class: 'split-item' }, el('input', { type: 'checkbox', value: s.incident }), ` ${s.incident} (${s.document})`)));
  $('event-history').replaceChildren(...(e.history.length ? e.history.map((h) => el('li', { text: `${h.at} ${h.actor}: ${JSON.stringify(h.action)}` })) : [el('li', { text: 'no decisions yet' })]));
  const sources = $('event-sources');
  sources.replaceChildren();
  for (const s of e.sources) {
    const doc = await api(`/api/documents/${s.doc_id}`);
    const link = s.url && /^https?:\/\//.test(s.url) ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.url }) : el('span', { text: s.document });
    sources.append(el('article', { class: 'source' },
      el('h3', {}, link),
      el('p', { class: 'meta', text: [doc.title, `published ${doc.published || 'unknown'}`, doc.lang, `this report: ${s.event_date}, ${s.fatalities} killed`, `document ${s.doc_id}`].filter(Boolean).join(' · ') }),
      highlighted(doc.text, e.evidence.filter((x) => x.doc_id === s.doc_id))));
  }
}

async function decide(action, id = state.event && state.event.id) {
  if (!id) return;
  try {
    await api(`/api/events/${encodeURIComponent(id)}/review`, { method: 'POST', body: action });
    message(`${id}: ${action.action} recorded`, false);
    await refreshPending();
    return true;
  } catch (e) { message(e.message); return false; }
}

$('btn-confirm').addEventListener('click', async () => { if (await decide({ action: 'confirm' })) showEvent(state.event.id); });
$('btn-reject').addEventListener('click', async () => { if (await decide({ action: 'reject' })) showEvent(state.event.id); });
$('edit-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const raw = $('edit-value').value;
  let value;
  try { value = JSON.parse(raw); } catch { value = raw; }
  if (await decide({ action: 'edit', field: $('edit-field').value, value })) { $('edit-value').value = ''; showEvent(state.event.id); }
});
$('merge-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (await decide({ action: 'merge', other: $('merge-other').value.trim() })) showEvent(state.event.id);
});
$('split-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const incidents = [...$('split-list').querySelectorAll('input:checked')].map((i) => i.value);
  if (await decide({ action: 'split', incidents })) showEvent(state.event.id);
});

// ---------- review queue ----------

async function refreshPending() {
  try {
    const s = await api('/api/stats');
    $('pending-count').textContent = s.n_pending;
    $('totals').textContent = `${s.n_events} events · ${s.n_documents} documents`;
  } catch { $('pending-count').textContent = ''; }
}

async function showQueue() {
  const q = await api('/api/review/queue?limit=200');
  state.queue = q.events;
  state.queueIdx = Math.min(state.queueIdx, Math.max(0, q.events.length - 1));
  $('queue-count').textContent = `(${q.n_pending} pending)`;
  drawQueue();
}

function drawQueue() {
  $('queue').replaceChildren(...state.queue.map((e, i) => el('li', { class: i === state.queueIdx ? 'current' : '', 'data-id': e.id },
    el('a', { href: `#/event/${encodeURIComponent(e.id)}`, text: e.id }), ` ${e.event_date} · ${e.sub_event_type} · ${e.location}${e.admin1 ? ', ' + e.admin1 : ''} · ${e.fatalities} killed · ${e.n_sources} source(s)`,
    el('div', { class: 'notes', text: e.notes }))));
  const cur = $('queue').children[state.queueIdx];
  if (cur) cur.scrollIntoView({ block: 'nearest' });
}

document.addEventListener('keydown', async (ev) => {
  if (ev.target.closest && ev.target.closest('input, select, textarea') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const view = currentView();
  if (view === 'review') {
    const cur = state.queue[state.queueIdx];
    if (ev.key === 'j') { state.queueIdx = Math.min(state.queue.length - 1, state.queueIdx + 1); drawQueue(); }
    else if (ev.key === 'k') { state.queueIdx = Math.max(0, state.queueIdx - 1); drawQueue(); }
    else if ((ev.key === 'o' || ev.key === 'Enter') && cur) navigate(`#/event/${encodeURIComponent(cur.id)}`);
    else if ((ev.key === 'c' || ev.key === 'x') && cur) {
      if (await decide({ action: ev.key === 'c' ? 'confirm' : 'reject' }, cur.id)) {
        state.queue.splice(state.queueIdx, 1);
        state.queueIdx = Math.min(state.queueIdx, Math.max(0, state.queue.length - 1));
        drawQueue();
        $('queue-count').textContent = `(${$('pending-count').textContent} pending)`;
      }
    }
  } else if (view === 'event' && canReview()) {
    if (ev.key === 'c') $('btn-confirm').click();
    else if (ev.key === 'x') $('btn-reject').click();
  }
});

// ---------- routing ----------

function currentView() {
  const h = location.hash || '#/';
  if (h.startsWith('#/event/')) return 'event';
  if (h.startsWith('#/review')) return 'review';
  return 'map';
}

async function route() {
  const view = currentView();
  for (const v of ['map', 'event', 'review']) $(`view-${v}`).hidden = v !== view;
  document.body.dataset.view = view;
  document.body.dataset.ready = '';
  try {
    if (view === 'map') {
      const q = (location.hash.split('?')[1]) || '';
      const p = new URLSearchParams(q);
      state.filters = Object.fromEntries(FILTERS.map((k) => [k, p.get(k) || '']));
      await showMap();
    } else if (view === 'event') {
      await showEvent(decodeURIComponent(location.hash.slice('#/event/'.length)));
    } else {
      await showQueue();
    }
    document.body.dataset.ready = view;
  } catch (e) {
    message(e.status === 401 ? 'Sign in to see the events: this server is not public.' : e.message);
  }
}

window.addEventListener('hashchange', route);
$('report-lang').addEventListener('change', reportLinks);

async function start() {
  state.config = await api('/api/config');
  await loadSession();
  initMap();
  try { await loadBoundaries(); } catch (e) { message(e.message); }
  await refreshPending();
  await route();
}

start();
