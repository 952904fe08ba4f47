// Build-time only: writes crates/server/assets/basemap.json, the countries around Ukraine
// (land, drawn under the oblasts; what is not land is sea) for the web app's offline map.
//
// Source: Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON, from the npm
// package world-atlas (ISC). Each country near Ukraine is clipped to a box around it
// (Sutherland–Hodgman: a polygon clipped to a rectangle stays a polygon), coordinates rounded
// to 0.01° (about 1 km), and written as one GeoJSON FeatureCollection with each country's name.
// Ukraine itself is left out: the oblast outlines draw it. Run: npm ci && node build_basemap.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';

const BOX = { w: 12, s: 40, e: 50, n: 58 };
const here = new URL('.', import.meta.url);
const topo = JSON.parse(readFileSync(new URL('node_modules/world-atlas/countries-50m.json', here)));
const countries = feature(topo, topo.objects.countries);

function clip(ring) {
  const edges = [
    [(p) => p[0] >= BOX.w, (a, b) => at(a, b, 0, BOX.w)],
    [(p) => p[0] <= BOX.e, (a, b) => at(a, b, 0, BOX.e)],
    [(p) => p[1] >= BOX.s, (a, b) => at(a, b, 1, BOX.s)],
    [(p) => p[1] <= BOX.n, (a, b) => at(a, b, 1, BOX.n)],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (!out.length) return [];
  }
  return out;
}
function at(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [v, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), v];
}
const round = (p) => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
function tidy(ring) {
  const out = [];
  for (const p of ring.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
  return out.length >= 4 ? out : null;
}

const features = [];
for (const f of countries.features) {
  const name = f.properties.name;
  if (name === 'Ukraine' || !f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = [];
  for (const poly of polys) {
    const rings = poly.map((r) => tidy(clip(r))).filter(Boolean);
    if (rings.length && poly[0] && tidy(clip(poly[0]))) kept.push(rings);
  }
  if (kept.length) features.push({ type: 'Feature', properties: { name }, geometry: { type: 'MultiPolygon', coordinates: kept } });
}
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
const out = new URL('../../crates/server/assets/basemap.json', here);
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', source: 'Natural Earth 1:50m admin-0 countries via world-atlas 2.0.2', features }) + '\n');
console.log(`wrote ${features.length} countries: ${features.map((f) => f.properties.name).join(', ')}`);
