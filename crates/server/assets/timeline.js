// A histogram of events per day with a brush: drag across it to choose a date range,
// double-click to clear. Built with SVG elements, no library.

const NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000;

function svg(name, attrs) {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const toDay = (s) => Date.parse(s + 'T00:00:00Z');
const fromDay = (t) => new Date(t).toISOString().slice(0, 10);

export function createTimeline(container, onBrush) {
  const width = () => Math.max(200, container.clientWidth || 600);
  const height = 90, pad = 18;
  let days = [], t0 = 0, t1 = 0, selection = null, drag = null;
  const root = svg('svg', { class: 'timeline', height, role: 'img', 'aria-label': 'events per day' });
  container.replaceChildren(root);

  const x = (t) => ((t - t0) / Math.max(DAY, t1 - t0 + DAY)) * width();
  const tAt = (px) => t0 + Math.floor((px / width()) * ((t1 - t0 + DAY) / DAY)) * DAY;

  function draw() {
    root.setAttribute('width', width());
    root.replaceChildren();
    if (!days.length) {
      const t = svg('text', { x: 8, y: 40, class: 'empty' });
      t.textContent = 'no dated events';
      root.append(t);
      return;
    }
    const max = Math.max(...days.map((d) => d.n));
    const bw = Math.max(1, x(t0 + DAY) - x(t0) - 1);
    for (const d of days) {
      const h = ((height - pad - 4) * d.n) / max;
      const inSel = selection && d.t >= selection[0] && d.t <= selection[1];
      const r = svg('rect', { x: x(d.t), y: height - pad - h, width: bw, height: h, class: inSel ? 'bar sel' : 'bar' });
      const tip = svg('title', {});
      tip.textContent = `${fromDay(d.t)}: ${d.n}`;
      r.append(tip);
      root.append(r);
    }
    for (const [t, anchor] of [[t0, 'start'], [t1, 'end']]) {
      const label = svg('text', { x: anchor === 'start' ? 2 : width() - 2, y: height - 4, 'text-anchor': anchor, class: 'axis' });
      label.textContent = fromDay(t);
      root.append(label);
    }
    if (selection) {
      const a = x(selection[0]), b = x(selection[1] + DAY);
      root.append(svg('rect', { x: a, y: 0, width: Math.max(2, b - a), height: height - pad, class: 'brush' }));
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
    if (drag === null) return;
    const t = Math.min(t1, Math.max(t0, tAt(px(ev))));
    if (t !== drag) moved = true;
    selection = [Math.min(drag, t), Math.max(drag, t)];
    draw();
  });
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
    // buckets: [{period: 'YYYY-MM-DD', n_events}], range: [from, to] ('' for open)
    update(buckets, from, to) {
      days = buckets.map((b) => ({ t: toDay(b.period), n: b.n_events })).filter((d) => !Number.isNaN(d.t));
      t0 = days.length ? Math.min(...days.map((d) => d.t)) : 0;
      t1 = days.length ? Math.max(...days.map((d) => d.t)) : 0;
      selection = from || to ? [from ? toDay(from) : t0, to ? toDay(to) : t1] : null;
      draw();
    },
  };
}
