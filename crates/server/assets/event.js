// The event page as a reviewer reads it: the fields grouped and named in words (When, Where,
// What, Who, Figures, Legal follow-up), each with its evidence quoted and highlighted in the
// reports' text; the history as sentences; the review actions the role allows, and only
// those; for an event whose report has no date, the form that dates it.
import { $, el, api, message, canReview } from '/app/util.js';
import { fieldName, fmtDate, fmtTime, place, statusName, t, typeName } from '/app/i18n.js';

const GROUPS = [
  ['g.when', ['event_date', 'time_precision']],
  ['g.where', ['location', 'admin3', 'admin2', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision']],
  ['g.what', ['event_type', 'sub_event_type', 'disorder_type', 'notes', 'weapons', 'damage', 'tags', 'civilian_targeting']],
  ['g.who', ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'interaction']],
  ['g.figures', ['fatalities', 'injuries', 'participants', 'arrests', 'amounts', 'injury_details']],
  ['g.legal', ['legal']],
];
// columns shown elsewhere or derived from others
const HIDDEN = new Set(['evidence', 'event_id_cnty', 'year', 'iso', 'region', 'inter1', 'inter2', 'source', 'source_scale', 'timestamp']);

let hooks = { navigate: () => {}, refreshPending: async () => {} };
let current = null;

const enc = new TextEncoder(), dec = new TextDecoder();

// A value in words: lists joined, objects as "key: value" pairs, nothing as a dash.
function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (Array.isArray(v)) return v.length ? v.map(show).join('; ') : '—';
  if (typeof v === 'object') {
    return Object.entries(v).filter(([, x]) => x !== null && x !== '' && !(Array.isArray(x) && !x.length))
      .map(([k, x]) => `${k.replace(/_/g, ' ')}: ${show(x)}`).join(', ') || '—';
  }
  return String(v);
}

// A local report by its file name (its folder says nothing to a reader).
const fileName = (path) => (/^[a-z]+:\/\//i.test(path) ? path : path.split(/[\\/]/).pop());

function valueOf(e, field) {
  const v = e.incident[field];
  const uk = e.names_uk || {};
  if (field === 'event_date') return e.status === 'needs-date' ? t('status.needs-date') : fmtDate(v);
  if (field === 'event_type' || field === 'sub_event_type') return typeName(v);
  if (field === 'location') return place(v, uk.location);
  if (field === 'admin1') return place(v, uk.admin1);
  if (field === 'admin2') return place(v, uk.admin2);
  if (field === 'admin3') return place(v, uk.admin3);
  return show(v);
}

// The document's text with the evidence spans (byte offsets) marked.
function highlighted(text, evidence, docId) {
  const bytes = enc.encode(text);
  const spans = evidence.filter((x) => x.start < x.end && x.end <= bytes.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const out = el('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': t('g.sources') });
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping span: the earlier one is shown
    out.append(dec.decode(bytes.subarray(at, s.start)));
    out.append(el('mark', { class: 'evidence', id: `ev-${docId}-${s.start}`, 'data-field': s.field, title: fieldName(s.field), text: dec.decode(bytes.subarray(s.start, s.end)) }));
    at = s.end;
  }
  out.append(dec.decode(bytes.subarray(at)));
  return out;
}

function groups(e) {
  const shown = new Set();
  const sections = [];
  const row = (field) => {
    shown.add(field);
    // each quote once, though several reports (or spans) give it
    const ev = e.evidence.filter((x, k, all) => x.field === field && all.findIndex((y) => y.field === field && y.text === x.text) === k);
    const reviewed = e.reviewed_fields.includes(field) || e.reviewed_fields.includes('*');
    return el('div', { class: `field${ev.length ? ' has-evidence' : ''}`, 'data-field': field },
      el('dt', { title: field }, fieldName(field), reviewed ? el('span', { class: 'by-hand', text: ' ✎', title: t('event.reviewed', { fields: fieldName(field) }) }) : null),
      el('dd', {}, el('span', { class: 'value', text: valueOf(e, field) }),
        ...ev.map((x) => el('a', { class: 'quote', href: `#ev-${x.doc_id}-${x.start}`, 'aria-label': `${t('evidence')}: ${x.text}`,
          onclick: (ev2) => { ev2.preventDefault(); const m = document.getElementById(`ev-${x.doc_id}-${x.start}`); if (m) { m.scrollIntoView({ block: 'center' }); m.classList.add('flash'); setTimeout(() => m.classList.remove('flash'), 1200); } } },
        el('mark', { text: x.text })))));
  };
  for (const [title, fields] of GROUPS) {
    const present = fields.filter((f) => f in e.incident && (f !== 'legal' || show(e.incident[f]) !== '—'));
    if (!present.length && title !== 'g.legal') continue;
    sections.push(el('section', { class: 'group', 'data-group': title.slice(2) }, el('h2', { text: t(title) }),
      present.length ? el('dl', {}, ...present.map(row)) : el('p', { class: 'help', text: '—' })));
  }
  const rest = Object.keys(e.incident).filter((f) => !shown.has(f) && !HIDDEN.has(f));
  if (rest.length) sections.push(el('details', { class: 'group' }, el('summary', { text: t('g.other') }), el('dl', {}, ...rest.map(row))));
  return sections;
}

// The history as sentences: "olena confirmed, 3 March 2026 14:02 UTC".
function historyLines(e) {
  const last = new Map();
  return e.history.map((h) => {
    const a = h.action, base = { actor: h.actor, at: fmtTime(h.at) };
    let text;
    if (a.action === 'confirm') text = t('h.confirm', base);
    else if (a.action === 'reject') text = t('h.reject', base);
    else if (a.action === 'merge') text = t('h.merge', { ...base, other: a.other });
    else if (a.action === 'split') text = t('h.split', { ...base, n: (a.incidents || []).length });
    else if (a.action === 'edit') {
      const value = show(a.value), old = last.get(a.field);
      text = old !== undefined ? t('h.edit', { ...base, field: fieldName(a.field), old, value }) : t('h.edit.new', { ...base, field: fieldName(a.field), value });
      last.set(a.field, value);
    } else text = `${h.actor}: ${a.action}, ${base.at}`;
    return el('li', { text });
  });
}

export async function showEvent(id) {
  $('event-body').hidden = true;
  $('event-missing').hidden = true;
  let e;
  try {
    e = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status !== 404) throw err;
    current = null;
    $('event-missing').textContent = t('event.missing', { id });
    $('event-missing').hidden = false;
    document.title = t('app.title');
    return;
  }
  current = e;
  const i = e.incident;
  const where = [place(i.location, e.names_uk.location), place(i.admin1, e.names_uk.admin1)].filter(Boolean).join(', ');
  $('event-title').textContent = `${typeName(i.sub_event_type)}, ${where}, ${e.status === 'needs-date' ? t('status.needs-date') : fmtDate(i.event_date)}`;
  document.title = `${$('event-title').textContent} · litopys`;
  const reviewed = e.reviewed_fields.includes('*') ? t('event.reviewed.all')
    : e.reviewed_fields.length ? t('event.reviewed', { fields: e.reviewed_fields.map(fieldName).join(', ') }) : '';
  $('event-status').replaceChildren(`${t('event.status')}: `, el('span', { class: `status ${e.status}`, id: 'status-value', 'data-status': e.status, text: statusName(e.status) }),
    ` · ${e.id}`, reviewed ? ` · ${reviewed}` : '');
  $('event-groups').replaceChildren(...groups(e));
  const editor = canReview();
  $('review-actions').hidden = !editor;
  $('review-viewer').hidden = editor;
  $('date-panel').hidden = !(editor && e.status === 'needs-date');
  const fields = Object.keys(i).filter((k) => !['evidence', 'event_id_cnty'].includes(k));
  $('edit-field').replaceChildren(...fields.map((k) => el('option', { value: k, text: `${fieldName(k)} (${k})` })));
  $('split-list').replaceChildren(...e.sources.map((s) => el('label', { class: 'split-item' }, el('input', { type: 'checkbox', value: s.incident }), ` ${s.url || fileName(s.document)}`)));
  const lines = historyLines(e);
  $('event-history').replaceChildren(...(lines.length ? lines : [el('li', { text: t('history.none') })]));
  const docs = await Promise.all(e.sources.map((s) => api(`/api/documents/${s.doc_id}`)));
  $('event-sources').replaceChildren(...e.sources.map((s, k) => {
    const doc = docs[k];
    const link = s.url && /^https?:\/\//.test(s.url) ? el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.url }) : el('span', { text: fileName(s.document), title: s.document });
    const meta = [doc.title, doc.published ? t('source.published', { date: fmtDate(doc.published) }) : t('source.undated'), doc.lang,
      t('source.figures', { date: fmtDate(s.event_date), killed: s.fatalities }), t('source.doc', { id: s.doc_id })].filter(Boolean).join(' · ');
    return el('article', { class: 'source', 'data-doc': s.doc_id }, el('h3', {}, link), el('p', { class: 'meta', text: meta }),
      highlighted(doc.text, e.evidence.filter((x) => x.doc_id === s.doc_id), s.doc_id));
  }));
  $('event-body').hidden = false;
}

async function decide(action, id = current && current.id) {
  if (!id) return false;
  try {
    await api(`/api/events/${encodeURIComponent(id)}/review`, { method: 'POST', body: action });
    message(t('review.done', { id, action: action.action }), false);
    await hooks.refreshPending();
    return true;
  } catch (e) { message(e.message); return false; }
}
export { decide };

export function bindEventPage(h) {
  hooks = h;
  const again = () => showEvent(current.id);
  $('btn-confirm').addEventListener('click', async () => { if (await decide({ action: 'confirm' })) again(); });
  $('btn-reject').addEventListener('click', async () => { if (await decide({ action: 'reject' })) again(); });
  $('edit-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const raw = $('edit-value').value;
    let value;
    try { value = JSON.parse(raw); } catch { value = raw; }
    if (await decide({ action: 'edit', field: $('edit-field').value, value })) { $('edit-value').value = ''; again(); }
  });
  $('merge-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await decide({ action: 'merge', other: $('merge-other').value.trim() })) again();
  });
  $('split-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const incidents = [...$('split-list').querySelectorAll('input:checked')].map((x) => x.value);
    if (await decide({ action: 'split', incidents })) again();
  });
  $('date-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!current || !current.sources.length) return;
    const doc = current.sources[0].doc_id;
    try {
      const r = await api(`/api/documents/${doc}/date`, { method: 'POST', body: { published: $('date-value').value } });
      message(t('date.done', { doc, date: fmtDate(r.published), n: r.n_incidents }), false);
      await hooks.refreshPending();
      const next = r.events.includes(current.id) ? current.id : r.events[0];
      if (next && next !== current.id) hooks.navigate(`#/event/${encodeURIComponent(next)}`);
      else await showEvent(current.id);
    } catch (e) { message(e.message); }
  });
  document.addEventListener('keydown', (ev) => {
    if (document.body.dataset.view !== 'event' || !canReview() || !current) return;
    if (ev.target.closest && ev.target.closest('input, select, textarea') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'c') $('btn-confirm').click();
    else if (ev.key === 'x') $('btn-reject').click();
  });
}
