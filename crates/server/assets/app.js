// litopys web app: the map page (map, events in view, timeline, filters that suggest, export,
// the period's draft, adding a report), routing, the account and the language.
// Every piece of data reaches the page through textContent or DOM nodes, never innerHTML.
// The event page and the review queue are in event.js and queue.js.
import { createTimeline } from '/app/timeline.js';
import { createMap, typeIndex } from '/app/mapview.js';
import { createSuggest } from '/app/suggest.js';
import { showEvent, bindEventPage } from '/app/event.js';
import { showQueue, bindQueue } from '/app/queue.js';
import { $, el, api, query, message, session, canReview } from '/app/util.js';
import { TYPES, fmtDate, lang, loadLanguages, place, setLang, t, translatePage, typeName } from '/app/i18n.js';

const FILTERS = ['from', 'to', 'oblast', 'raion', 'type', 'sub_type', 'tag', 'actor', 'status', 'q'];
const SUGGESTED = ['oblast', 'raion', 'type', 'sub_type', 'actor', 'tag'];
const state = { config: {}, filters: {}, facets: null, summaries: new Map(), selected: null, hovered: null, hoverDay: null };
const suggests = {};
let mapView = null, timeline = null;

// ---------- account ----------

async function loadSession() {
  const s = await api('/api/session');
  session.user = s.user;
  session.csrf = s.csrf;
  $('signin-form').hidden = !!s.user;
  $('signed-in').hidden = !s.user;
  $('whoami').textContent = s.user ? `${s.user.name} (${s.user.role})` : '';
  document.body.classList.toggle('can-review', canReview());
  $('paste-panel').hidden = !canReview();
}

$('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    await api('/api/session', { method: 'POST', body: { name: $('signin-name').value, password: $('signin-password').value } });
    $('signin-password').value = '';
    await loadSession();
    message(t('signin.done'), false);
    route();
  } catch (e) { message(e.message); }
});
$('signout').addEventListener('click', async () => {
  try { await api('/api/session', { method: 'DELETE' }); } catch (e) { message(e.message); }
  await loadSession();
  route();
});

// ---------- language ----------

function applyLanguage() {
  translatePage();
  const sw = $('lang-switch');
  sw.textContent = t('lang.switch');
  sw.lang = lang === 'uk' ? 'en' : 'uk';
  if (state.facets) setFacets(state.facets);
  // the period's draft in the reader's language, until they choose another
  if (!state.reportLangChosen) $('report-lang').value = lang;
  writeFilters();
  if (mapView) mapView.redrawLabels();
  legend();
}

$('lang-switch').addEventListener('click', () => {
  setLang(lang === 'uk' ? 'en' : 'uk');
  applyLanguage();
  refreshPending();
  route();
});

// ---------- filters ----------

function setFacets(f) {
  state.facets = f;
  const label = (k, o) => {
    if (k === 'type' || k === 'sub_type') return typeName(o.value);
    if (k === 'oblast' || k === 'raion') return place(o.value, o.uk);
    return o.value;
  };
  for (const k of SUGGESTED) {
    const values = k === 'type' ? TYPES.map((ty) => f.type.find((o) => o.value === ty) || { value: ty, n: 0 }) : f[k] || [];
    suggests[k].setOptions(values.map((o) => ({ ...o, label: label(k, o) })));
  }
}

function readFilters() {
  const f = {};
  for (const k of FILTERS) f[k] = suggests[k] ? suggests[k].value() : $(`f-${k}`).value.trim();
  return f;
}
function writeFilters() {
  for (const k of FILTERS) {
    if (suggests[k]) suggests[k].show(state.filters[k] || '');
    else $(`f-${k}`).value = state.filters[k] || '';
  }
}

// A new address means the view is no longer ready: cleared here, at once, not when the
// hashchange event arrives, so that nothing (a test, a script) reads the old view as the new.
export function navigate(hash) {
  document.body.dataset.ready = '';
  location.hash = hash;
}

function go() {
  const q = query(state.filters);
  if (location.hash !== `#/${q}`) navigate(`#/${q}`);
  else route();
}

$('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.filters = readFilters(); closeDrawer(); go(); });
$('filters').addEventListener('reset', (ev) => { ev.preventDefault(); state.filters = {}; writeFilters(); go(); });

// ---------- phone: filters in a drawer ----------

function openDrawer() {
  document.body.classList.add('drawer-open');
  $('filters-toggle').setAttribute('aria-expanded', 'true');
  $('f-from').focus();
}
function closeDrawer() {
  if (!document.body.classList.contains('drawer-open')) return;
  document.body.classList.remove('drawer-open');
  $('filters-toggle').setAttribute('aria-expanded', 'false');
  $('filters-toggle').focus();
}
$('filters-toggle').addEventListener('click', openDrawer);
$('filters-close').addEventListener('click', closeDrawer);
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeDrawer(); });

// ---------- legend: the event types, which filter ----------

function legend() {
  const box = $('legend');
  const current = state.filters.type || '';
  const item = (type, k) => el('button', {
    type: 'button', class: `legend-item${current === type ? ' on' : ''}`, 'aria-pressed': String(current === type), 'data-type': type,
    onclick: () => { state.filters.type = current === type ? '' : type; go(); },
  }, k === null ? '' : el('span', { class: `dot t${k}`, 'aria-hidden': 'true' }), ` ${type ? typeName(type) : t('legend.all')}`);
  box.replaceChildren(...TYPES.map((ty, k) => item(ty, k)), ...(current ? [item('', null)] : []));
}

// ---------- map page ----------

function initMap() {
  if (mapView) return;
  mapView = createMap($('map'), {
    tiles: state.config.tiles,
    onHover: (id) => hover(id),
    onSelect: (id) => select(id, false),
    summary: (id) => state.summaries.get(id),
  });
  timeline = createTimeline($('timeline'), {
    onBrush: (from, to) => { state.filters.from = from; state.filters.to = to; writeFilters(); go(); },
    onHoverDay: (day) => hoverDay(day),
  });
  let pending = null;
  mapView.map.on('moveend', () => { clearTimeout(pending); pending = setTimeout(() => { if (currentView() === 'map') loadInView(); }, 150); });
}

// Hover and selection, shared by the list, the map and the timeline.
function hover(id) {
  state.hovered = id;
  const shown = id || state.selected;
  mapView.highlight(shown);
  for (const li of $('event-list').children) li.classList.toggle('hovered', !!id && li.dataset.id === id);
  const s = shown && state.summaries.get(shown);
  timeline.mark(s ? s.event_date : null);
}
function select(id, fromList) {
  state.selected = id;
  for (const li of $('event-list').children) {
    const on = li.dataset.id === id;
    li.classList.toggle('selected', on);
    li.setAttribute('aria-current', on ? 'true' : 'false');
    if (on && !fromList) li.scrollIntoView({ block: 'nearest' });
  }
  hover(null);
  if (id) mapView.open(id);
}
function hoverDay(day) {
  state.hoverDay = day;
  mapView.markDay(day);
  for (const li of $('event-list').children) li.classList.toggle('same-day', !!day && li.dataset.date === day);
}

function exportLinks() {
  for (const format of ['csv', 'geojson', 'jsonl']) $(`export-${format}`).href = `/api/export${query(state.filters, { format })}`;
  // the drafted review of the filtered period (the current month when no dates are chosen)
  const today = new Date().toISOString().slice(0, 10);
  const from = state.filters.from || `${today.slice(0, 8)}01`;
  const to = state.filters.to || today;
  const rl = $('report-lang').value;
  $('report-download').href = `/api/report${query({ from, to, lang: rl })}`;
  $('report-download-html').href = `/api/report${query({ from, to, lang: rl, format: 'html' })}`;
}

function listItem(e) {
  const where = [place(e.location, e.location_uk), place(e.admin1, e.admin1_uk)].filter(Boolean).join(', ');
  const li = el('li', { 'data-id': e.id, 'data-date': e.event_date, class: e.id === state.selected ? 'selected' : '' },
    el('a', { href: `#/event/${encodeURIComponent(e.id)}`, class: 'li-head' },
      el('span', { class: `dot t${typeIndex(e.event_type)}`, 'aria-hidden': 'true' }),
      el('span', { class: 'li-date', text: fmtDate(e.event_date) }), ' ', el('span', { class: 'li-place', text: where })),
    el('span', { class: 'li-type', text: typeName(e.sub_event_type) }), ' ',
    el('span', { class: `status ${e.status}`, text: t(`status.${e.status}`) }),
    el('span', { class: 'li-notes', text: e.notes || '' }),
    el('button', { type: 'button', class: 'li-show', text: t('inview.show'), 'aria-label': `${t('inview.show')}: ${fmtDate(e.event_date)}, ${where}`,
      onclick: () => select(e.id, true) }));
  li.addEventListener('mouseenter', () => hover(e.id));
  li.addEventListener('mouseleave', () => hover(null));
  li.addEventListener('focusin', () => hover(e.id));
  return li;
}

// The events in the map's view, beside it.
async function loadInView() {
  const list = await api(`/api/events${query(state.filters, { bbox: mapView.bboxParam(), limit: 200 })}`);
  for (const e of list.events) state.summaries.set(e.id, e);
  $('inview-count').textContent = `(${list.total})`;
  const items = list.events.map(listItem);
  if (!items.length) items.push(el('li', { class: 'none', text: t('inview.none') }));
  if (list.total > list.events.length) items.push(el('li', { class: 'more', text: t('inview.more', { n: list.total - list.events.length }) }));
  $('event-list').replaceChildren(...items);
  document.body.dataset.inview = String(list.total);
}

async function showMap() {
  initMap();
  legend();
  setTimeout(() => { mapView.map.invalidateSize(); timeline.redraw(); }, 0);
  writeFilters();
  const f = state.filters;
  const { from, to, ...undated } = f;
  const [points, byOblast, days, byPlace] = await Promise.all([
    api(`/api/points${query(f)}`),
    api(`/api/aggregates${query(f, { interval: 'month', by: 'oblast' })}`),
    api(`/api/aggregates${query(undated, { interval: 'day', by: 'type' })}`),
    api(`/api/aggregates${query(f, { interval: 'month', by: 'place' })}`),
  ]);
  // the report's charts, drawn by the server as SVG over the same filters
  $('chart-weekly').src = `/api/charts/weekly.svg${query(f)}`;
  $('chart-weekly').alt = t('charts.weekly');
  $('chart-map').src = `/api/charts/map.svg${query(f)}`;
  $('chart-map').alt = t('charts.map');
  exportLinks();
  const places = new Map();
  for (const b of byPlace.buckets) if (b.key) places.set(b.key, (places.get(b.key) || 0) + b.n_events);
  $('top-places').tBodies[0].replaceChildren(...[...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10)
    .map(([k, n]) => el('tr', {}, el('td', { text: k }), el('td', { text: n }))));
  mapView.setPoints(points.points);
  // new filters: show where their events are (the first view shows all Ukraine)
  const key = JSON.stringify(f);
  if (state.shownFilters !== undefined && state.shownFilters !== key) mapView.fit(points.points);
  state.shownFilters = key;
  $('match-count').textContent = t('match', { total: points.total, shown: points.points.length }) + (points.n_unplaced ? t('match.unplaced', { n: points.n_unplaced }) : '');
  const sums = new Map();
  for (const b of byOblast.buckets) {
    const s = sums.get(b.key) || { n: 0, d: 0 };
    s.n += b.n_events; s.d += b.fatalities;
    sums.set(b.key, s);
  }
  const oblastUk = new Map((state.facets ? state.facets.oblast : []).map((o) => [o.value, o.uk]));
  $('by-oblast').tBodies[0].replaceChildren(...[...sums].sort((a, b) => b[1].n - a[1].n)
    .map(([k, s]) => el('tr', {}, el('td', { text: k ? place(k, oblastUk.get(k)) : t('unknown') }), el('td', { text: s.n }), el('td', { text: s.d }))));
  timeline.update(days.buckets, f.from, f.to);
  await loadInView();
}

// ---------- adding a report (editors) ----------

$('paste-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const r = await api('/api/documents', { method: 'POST', body: { text: $('paste-text').value, url: $('paste-url').value, published: $('paste-published').value } });
    const links = r.events.map((id) => el('a', { href: `#/event/${encodeURIComponent(id)}`, text: id }));
    const parts = [];
    links.forEach((a, i) => { if (i) parts.push(', '); parts.push(a); });
    message(r.events.length ? [t('paste.done', { doc: r.doc_id, n: r.n_incidents, events: '' }), ...parts] : t('paste.none', { doc: r.doc_id }), false);
    $('paste-form').reset();
    await loadFacets();
    await refreshPending();
    await route();
    // said once the map shows the new events
    document.body.dataset.pasted = r.events.join(' ');
  } catch (e) { message(e.message); }
});

// ---------- totals ----------

export async function refreshPending() {
  try {
    const s = await api('/api/stats');
    $('pending-count').textContent = s.n_pending;
    $('totals').textContent = t('totals', { events: s.n_events, documents: s.n_documents });
  } catch { $('pending-count').textContent = ''; }
}

async function loadFacets() {
  try { setFacets(await api('/api/facets')); } catch { /* suggestions are a help, not a need */ }
}

// ---------- routing ----------

function currentView() {
  const h = location.hash || '#/';
  if (h.startsWith('#/event/')) return 'event';
  if (h.startsWith('#/review')) return 'review';
  return 'map';
}

export async function route() {
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
    message(e.status === 401 ? t('signin.needed') : e.message);
  }
}

window.addEventListener('hashchange', route);
$('report-lang').addEventListener('change', () => { state.reportLangChosen = true; exportLinks(); });

async function start() {
  await loadLanguages();
  for (const box of document.querySelectorAll('.suggest')) {
    const k = box.dataset.facet;
    suggests[k] = createSuggest(box, () => {});
  }
  applyLanguage();
  state.config = await api('/api/config');
  await loadSession();
  bindEventPage({ navigate, refreshPending });
  bindQueue({ navigate, refreshPending });
  initMap();
  try { document.body.dataset.boundaries = String(await mapView.loadBase()); } catch (e) { message(e.message); }
  await loadFacets();
  await refreshPending();
  await route();
}

start();
