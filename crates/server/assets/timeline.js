// Events per day, stacked by event type, with a date axis at readable ticks and a brush:
// drag across it to choose a date range, double-click to clear. A day can be marked (the
// hovered or selected event's), and hovering a day tells the app which day it is. SVG, no
// library.
import { TYPES, fmtShort, t, typeName } from '/app/i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

function svg(name, attrs) {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const toDay = (s) => Date.parse(s + 'T00:00:00Z');
const fromDay = (tm) => new Date(tm).toISOString().slice(0, 10);

// Tick days for a range of `span` days on `px` pixels: days, weeks, months, quarters or years,
// as many as fit at about 70 px apart.
function ticks(t0, t1, px) {
  const span = (t1 - t0) / DAY + 1;
  const fit = Math.max(2, Math.floor(px / 70));
  const out = [];
  if (span / 1 <= fit) { for (let d = t0; d <= t1; d += DAY) out.push(d); return out; }
  for (const step of [2, 7, 14]) {
    if (span / step <= fit) {
      let d = t0;
      if (step === 7) while (new Date(d).getUTCDay() !== 1) d += DAY; // Mondays
      for (; d <= t1; d += step * DAY) out.push(d);
      return out;
    }
  }
  for (const months of [1, 3, 6, 12, 24, 60]) {
    if (span / (30.4 * months) <= fit) {
      const s = new Date(t0);
      let y = s.getUTCFullYear(), m = s.getUTCMonth();
      m = Math.ceil(m / months) * months;
      for (;;) {
        const d = Date.UTC(y + Math.floor(m / 12), m % 12, 1);
        if (d > t1) break;
        if (d >= t0) out.push(d);
        m += months;
      }
      return out;
    }
  }
  return [t0, t1];
}

export function createTimeline(container, { onBrush, onHoverDay }) {
  const width = () => Math.max(200, container.clientWidth || 600);
  const height = 110, axis = 20;
  let days = [], t0 = 0, t1 = 0, selection = null, drag = null, marked = null, hidden = new Set();
  const root = svg('svg', { class: 'timeline', height, role: 'img' });
  container.replaceChildren(root);

  const x = (tm) => ((tm - t0) / Math.max(DAY, t1 - t0 + DAY)) * width();
  const tAt = (px) => t0 + Math.floor((px / width()) * ((t1 - t0 + DAY) / DAY)) * DAY;

  function draw() {
    root.setAttribute('width', width());
    root.setAttribute('aria-label', t('timeline'));
    root.replaceChildren();
    if (!days.length) {
      const e = svg('text', { x: 8, y: 40, class: 'empty' });
      e.textContent = t('timeline.none');
      root.append(e);
      return;
    }
    const totals = days.map((d) => TYPES.reduce((s, ty, k) => s + (hidden.has(ty) ? 0 : d.n[k]), 0));
    const max = Math.max(1, ...totals);
    const bw = Math.max(1, x(t0 + DAY) - x(t0) - 1);
    const plot = height - axis - 4;
    for (const d of days) {
      let y = height - axis;
      const g = svg('g', { 'data-day': fromDay(d.t), class: 'day' });
      const parts = [];
      TYPES.forEach((ty, k) => {
        if (!d.n[k] || hidden.has(ty)) return;
        const h = (plot * d.n[k]) / max;
        y -= h;
        g.append(svg('rect', { x: x(d.t), y, width: bw, height: h, class: `bar t${k}` }));
        parts.push(`${typeName(ty)}: ${d.n[k]}`);
      });
      const tip = svg('title', {});
      tip.textContent = `${fromDay(d.t)} — ${parts.join(', ')}`;
      g.append(tip);
      root.append(g);
    }
    if (selection) {
      const a = x(selection[0]), b = x(selection[1] + DAY);
      root.append(svg('rect', { x: a, y: 0, width: Math.max(2, b - a), height: height - axis, class: 'brush' }));
    }
    if (marked !== null && marked >= t0 && marked <= t1) {
      const mx = x(marked) + bw / 2;
      root.append(svg('line', { x1: mx, x2: mx, y1: 0, y2: height - axis, class: 'marked' }));
    }
    root.append(svg('line', { x1: 0, x2: width(), y1: height - axis + 0.5, y2: height - axis + 0.5, class: 'axis-line' }));
    const list = ticks(t0, t1, width());
    let lastYear = null;
    for (const tk of list) {
      const tx = x(tk) + bw / 2;
      root.append(svg('line', { x1: tx, x2: tx, y1: height - axis, y2: height - axis + 4, class: 'tick' }));
      const year = new Date(tk).getUTCFullYear();
      const label = svg('text', { x: tx, y: height - 5, 'text-anchor': 'middle', class: 'axis' });
      label.textContent = fmtShort(fromDay(tk), year !== lastYear && list.length < 8);
      lastYear = year;
      root.append(label);
    }
  }

  const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
  // a double click clears; detected by hand, since redrawing between the clicks replaces
  // the element under the pointer and the browser then sends no dblclick
  let lastClick = 0, moved = false;
  root.addEventListener('pointerdown', (ev) => {
    if (!days.length) return;
    drag = tAt(px(ev));
    moved = false;
    selection = [drag, drag];
    root.setPointerCapture(ev.pointerId);
    draw();
  });
  root.addEventListener('pointermove', (ev) => {
    if (drag === null) {
      if (days.length && onHoverDay) {
        const d = tAt(px(ev));
        onHoverDay(d >= t0 && d <= t1 ? fromDay(d) : null);
      }
      return;
    }
    const tm = Math.min(t1, Math.max(t0, tAt(px(ev))));
    if (tm !== drag) moved = true;
    selection = [Math.min(drag, tm), Math.max(drag, tm)];
    draw();
  });
  root.addEventListener('pointerleave', () => { if (drag === null && onHoverDay) onHoverDay(null); });
  root.addEventListener('pointerup', () => {
    if (drag === null) return;
    drag = null;
    const now = Date.now();
    const double = !moved && now - lastClick < 400;
    lastClick = moved ? 0 : now;
    if (double) {
      selection = null;
      draw();
      onBrush('', '');
    } else {
      onBrush(fromDay(selection[0]), fromDay(selection[1]));
    }
  });
  window.addEventListener('resize', draw);

  return {
    // buckets: [{period: 'YYYY-MM-DD', key: event type, n_events}], range: [from, to] ('' for open)
    update(buckets, from, to) {
      const byDay = new Map();
      for (const b of buckets) {
        const tm = toDay(b.period);
        if (Number.isNaN(tm)) continue;
        if (!byDay.has(tm)) byDay.set(tm, { t: tm, n: TYPES.map(() => 0) });
        const k = TYPES.indexOf(b.key);
        byDay.get(tm).n[k < 0 ? TYPES.length - 1 : k] += b.n_events;
      }
      days = [...byDay.values()].sort((a, b) => a.t - b.t);
      t0 = days.length ? days[0].t : 0;
      t1 = days.length ? days[days.length - 1].t : 0;
      selection = from || to ? [from ? toDay(from) : t0, to ? toDay(to) : t1] : null;
      draw();
    },
    // marks one day ('YYYY-MM-DD', or null for none)
    mark(day) {
      const tm = day ? toDay(day) : null;
      if (tm === marked) return;
      marked = tm;
      draw();
    },
    // event types left out of the stacks
    hide(types) { hidden = new Set(types); draw(); },
    redraw: draw,
  };
}
