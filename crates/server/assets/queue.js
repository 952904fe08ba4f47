// The review queue: events whose report needs a date first (nothing else about them can be
// judged until it has one), then new events, oldest first. Keys: j / k, c, x, o or Enter.
import { $, el, api, canReview } from '/app/util.js';
import { fmtDate, place, t, typeName } from '/app/i18n.js';
import { decide } from '/app/event.js';

const q = { items: [], idx: 0, pending: 0, needsDate: 0 };
let hooks = { navigate: () => {}, refreshPending: async () => {} };

function counts() {
  $('queue-count').textContent = `(${t('queue.pending', { n: q.pending })}${q.needsDate ? `; ${t('queue.needsdate', { n: q.needsDate })}` : ''})`;
}

function draw() {
  const items = q.items.map((e, i) => {
    const where = [place(e.location, e.location_uk), place(e.admin1, e.admin1_uk)].filter(Boolean).join(', ');
    const undated = e.status === 'needs-date';
    return el('li', { class: `${i === q.idx ? 'current' : ''}${undated ? ' undated' : ''}`, 'data-id': e.id, 'data-status': e.status, 'aria-current': i === q.idx ? 'true' : 'false' },
      el('a', { href: `#/event/${encodeURIComponent(e.id)}`, text: `${typeName(e.sub_event_type)}, ${where}` }),
      ' ', undated ? el('span', { class: 'status needs-date', text: t('queue.undated') }) : el('span', { class: 'q-date', text: fmtDate(e.event_date) }),
      ` · ${t('queue.killed', { n: e.fatalities })} · ${t('queue.sources', { n: e.n_sources })}`,
      // an undated event's notes carry the stand-in date it was extracted against: not shown
      el('div', { class: 'notes', text: undated ? t('queue.undated.help') : e.notes }));
  });
  $('queue').replaceChildren(...(items.length ? items : [el('li', { class: 'none', text: t('queue.empty') })]));
  const cur = $('queue').children[q.idx];
  if (cur && q.items.length) cur.scrollIntoView({ block: 'nearest' });
}

export async function showQueue() {
  const r = await api('/api/review/queue?limit=200');
  q.items = r.events;
  q.pending = r.n_pending;
  q.needsDate = r.n_needs_date || 0;
  q.idx = Math.min(q.idx, Math.max(0, r.events.length - 1));
  $('queue-editor').hidden = canReview();
  counts();
  draw();
}

export function bindQueue(h) {
  hooks = h;
  document.addEventListener('keydown', async (ev) => {
    if (document.body.dataset.view !== 'review') return;
    if (ev.target.closest && ev.target.closest('input, select, textarea') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const cur = q.items[q.idx];
    if (ev.key === 'j') { q.idx = Math.min(q.items.length - 1, q.idx + 1); draw(); }
    else if (ev.key === 'k') { q.idx = Math.max(0, q.idx - 1); draw(); }
    else if ((ev.key === 'o' || ev.key === 'Enter') && cur && !(ev.target.closest && ev.target.closest('a, button'))) hooks.navigate(`#/event/${encodeURIComponent(cur.id)}`);
    else if ((ev.key === 'c' || ev.key === 'x') && cur && canReview() && cur.status !== 'needs-date') {
      if (await decide({ action: ev.key === 'c' ? 'confirm' : 'reject' }, cur.id)) {
        q.items.splice(q.idx, 1);
        q.pending = Math.max(0, q.pending - 1);
        q.idx = Math.min(q.idx, Math.max(0, q.items.length - 1));
        counts();
        draw();
      }
    }
  });
}
