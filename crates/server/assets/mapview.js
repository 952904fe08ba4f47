// The map: an offline base (neighbouring countries as land on a sea-coloured background,
// Natural Earth; Ukraine's oblasts over them), settlement labels from the built-in gazetteer
// by population and zoom in the reader's script, and the events as markers coloured by type,
// clustered with their composition shown. Clicking a marker opens its popup; nothing on the
// map sets a filter. A user's tile server (`serve --tiles URL`) is drawn under it all.
import { api, el } from '/app/util.js';
import { TYPES, fmtDate, lang, place, t, typeName } from '/app/i18n.js';

export const typeIndex = (type) => Math.max(0, TYPES.indexOf(type));

// Smallest population labelled at each zoom: cities first, then towns, then villages.
function minPopulation(z) {
  if (z < 5.5) return 700000;
  if (z < 6.25) return 250000;
  if (z < 7) return 90000;
  if (z < 8) return 30000;
  if (z < 9) return 10000;
  if (z < 10) return 4000;
  return 1000;
}

export function createMap(container, { tiles, onHover, onSelect, summary }) {
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 4, maxZoom: 14, keyboard: true, attributionControl: true })
    .fitBounds([[44.3, 22.1], [52.4, 40.3]]);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth');
  for (const [name, z] of [['land', 200], ['oblasts', 250], ['labels', 450], ['highlight', 580]]) {
    map.createPane(name).style.zIndex = String(z);
  }
  map.getPane('labels').style.pointerEvents = 'none';
  map.getPane('highlight').style.pointerEvents = 'none';
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: 'tiles: see configuration' }).addTo(map);
    container.classList.add('with-tiles');
  }

  // ---- base: land, oblasts, labels
  let labels = [];
  const labelLayer = L.layerGroup([], { pane: 'labels' }).addTo(map);
  async function loadBase() {
    const [land, oblasts, places] = await Promise.all([api('/app/basemap.json'), api('/api/boundaries'), api('/api/labels')]);
    L.geoJSON(land, { pane: 'land', interactive: false, style: () => ({ className: 'land', weight: 0.8 }) }).addTo(map);
    L.geoJSON(oblasts, { pane: 'oblasts', interactive: false, style: () => ({ className: 'oblast', weight: 1 }) }).addTo(map);
    labels = places;
    drawLabels();
    return oblasts.features.length;
  }

  // Labels in view, most populous first, skipping those that would overlap one already drawn.
  function drawLabels() {
    labelLayer.clearLayers();
    const z = map.getZoom(), min = minPopulation(z), bounds = map.getBounds().pad(0.05);
    const boxes = [];
    let n = 0;
    for (const [name, nameUk, lat, lon, pop] of labels) {
      if (pop < min || n >= 160) break;
      if (!bounds.contains([lat, lon])) continue;
      const text = place(name, nameUk);
      const p = map.latLngToContainerPoint([lat, lon]);
      const w = text.length * 7 + 8, h = 16;
      const box = [p.x - w / 2, p.y - h - 4, p.x + w / 2, p.y + 4];
      if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      boxes.push(box);
      const big = pop >= 250000 ? ' city' : pop >= 30000 ? ' town' : '';
      const label = el('span', { class: `place-label${big}`, text });
      labelLayer.addLayer(L.marker([lat, lon], { pane: 'labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'place-label-icon', html: label, iconSize: [0, 0] }) }));
      n += 1;
    }
    container.dataset.labels = String(n);
  }
  map.on('zoomend moveend', drawLabels);

  // ---- events
  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 44, spiderfyOnMaxZoom: true, chunkedLoading: true,
    iconCreateFunction: clusterIcon,
  });
  map.addLayer(cluster);
  const markers = new Map();
  const ring = L.circleMarker([0, 0], { pane: 'highlight', radius: 16, className: 'hl-ring', interactive: false });

  function clusterIcon(c) {
    const counts = TYPES.map(() => 0);
    for (const m of c.getAllChildMarkers()) counts[m.options.typeIndex] += 1;
    const total = counts.reduce((a, b) => a + b, 0);
    let at = 0;
    const stops = [];
    counts.forEach((n, k) => { if (n) { stops.push(`var(--t${k}) ${at}turn ${(at += n / total)}turn`); } });
    const size = total < 10 ? 40 : total < 100 ? 48 : 56;
    const ringEl = el('div', { class: 'cluster-ring' }, el('span', { text: total }));
    ringEl.style.background = `conic-gradient(${stops.join(', ')})`;
    const parts = counts.map((n, k) => (n ? `${typeName(TYPES[k])}: ${n}` : '')).filter(Boolean).join(', ');
    ringEl.title = parts;
    ringEl.setAttribute('aria-label', `${total}: ${parts}`);
    return L.divIcon({ html: ringEl, className: 'cluster', iconSize: [size, size] });
  }

  function popupContent(id, s) {
    const box = el('div', { class: 'popup', 'data-id': id });
    if (!s) { box.append(el('p', { text: t('popup.loading') })); return box; }
    box.append(
      el('p', { class: 'popup-date', text: fmtDate(s.event_date) }),
      el('p', { class: 'popup-place', text: [place(s.location, s.location_uk), place(s.admin1, s.admin1_uk)].filter(Boolean).join(', ') }),
      el('p', { class: 'popup-type' }, el('span', { class: `dot t${typeIndex(s.event_type)}`, 'aria-hidden': 'true' }), ` ${typeName(s.event_type)} · ${typeName(s.sub_event_type)}`),
      el('p', { class: 'popup-notes', text: s.notes || '' }),
      el('a', { href: `#/event/${encodeURIComponent(id)}`, class: 'popup-link', text: t('popup.open') }),
    );
    return box;
  }

  async function openPopup(m) {
    const id = m.options.id;
    m.bindPopup(popupContent(id, summary(id)), { maxWidth: 320, minWidth: 220 }).openPopup();
    if (!summary(id)) {
      try {
        const e = await api(`/api/events/${encodeURIComponent(id)}`);
        const i = e.incident;
        const s = { ...i, location_uk: e.names_uk.location, admin1_uk: e.names_uk.admin1 };
        m.setPopupContent(popupContent(id, s));
      } catch { /* the popup keeps its first content */ }
    }
  }

  function setPoints(points) {
    cluster.clearLayers();
    markers.clear();
    const icons = TYPES.map((_, k) => L.divIcon({ className: `ev-marker t${k}`, html: '', iconSize: [30, 30] }));
    const list = points.map(([id, lat, lon, date, type]) => {
      const k = typeIndex(type);
      const m = L.marker([lat, lon], { icon: icons[k], id, typeIndex: k, date, title: `${fmtDate(date)} · ${typeName(type)}`, alt: `${fmtDate(date)} · ${typeName(type)}`, riseOnHover: true });
      m.on('click', () => { onSelect(id, 'map'); });
      m.on('mouseover', () => onHover(id));
      m.on('mouseout', () => onHover(null));
      markers.set(id, m);
      return m;
    });
    cluster.addLayers(list);
  }

  function markerEl(id) {
    const m = markers.get(id);
    return m && m._icon && m._icon.classList.contains('ev-marker') ? m._icon : null;
  }

  return {
    map, loadBase, setPoints,
    redrawLabels: drawLabels,
    refreshClusters() { cluster.refreshClusters(); },
    // shows which event is hovered or selected: a ring at it, its marker raised
    highlight(id) {
      for (const e of container.querySelectorAll('.ev-marker.hl')) e.classList.remove('hl');
      const m = id && markers.get(id);
      if (!m) { ring.remove(); return; }
      ring.setLatLng(m.getLatLng()).addTo(map);
      const e = markerEl(id);
      if (e) e.classList.add('hl');
    },
    // marks the markers of one day
    markDay(day) {
      for (const e of container.querySelectorAll('.ev-marker.day')) e.classList.remove('day');
      if (!day) return;
      for (const [id, m] of markers) if (m.options.date === day) { const e = markerEl(id); if (e) e.classList.add('day'); }
    },
    // opens the popup of event `id`, zooming in as far as its cluster needs
    open(id) {
      const m = markers.get(id);
      if (!m) return false;
      cluster.zoomToShowLayer(m, () => openPopup(m));
      return true;
    },
    // fits the view to these points (all Ukraine when there are none)
    fit(points) {
      if (!points.length) { map.fitBounds([[44.3, 22.1], [52.4, 40.3]], { animate: false }); return; }
      map.fitBounds(L.latLngBounds(points.map((p) => [p[1], p[2]])).pad(0.15), { maxZoom: 9, animate: false });
    },
    bboxParam() {
      const b = map.getBounds();
      const c = (x, lo, hi) => Math.min(hi, Math.max(lo, x)).toFixed(4);
      return `${c(b.getWest(), -180, 180)},${c(b.getSouth(), -90, 90)},${c(b.getEast(), -180, 180)},${c(b.getNorth(), -90, 90)}`;
    },
    lang: () => lang,
  };
}
