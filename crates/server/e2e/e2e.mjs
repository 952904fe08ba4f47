// End-to-end test of the web app in headless Chromium (Debian's `chromium`), driven by
// playwright-core, at desktop (1400×900) and phone (390×844) sizes. Expects `litopys serve
// --public` at $LITOPYS_URL over the demo month plus an undated post, with an editor `ed` and
// a viewer `vi` (see .ci/e2e.sh). Runs axe-core on each view. Writes screenshots to $SHOTS.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const BASE = process.env.LITOPYS_URL || 'http://127.0.0.1:8080';
const SHOTS = process.env.SHOTS || 'docs/screenshots';
const EDITOR = ['ed', process.env.EDITOR_PASSWORD || 'editor-pass-1'];
const VIEWER = ['vi', process.env.VIEWER_PASSWORD || 'viewer-pass-1'];
const WAIT = { timeout: 15000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
assert.ok(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(BASE), 'tests run against loopback only');

const profile = mkdtempSync(join(tmpdir(), 'litopys-e2e-'));
mkdirSync(SHOTS, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const problems = [];
async function newPage(options) {
  const context = await browser.newContext(options);
  const p = await context.newPage();
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => { if (m.type() === 'error' && !/status of 40[134]|status of 409/.test(m.text())) problems.push(`console: ${m.text()}`); });
  p.setDefaultTimeout(15000);
  return p;
}
let page = await newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });

const ready = (view) => page.waitForSelector(`body[data-ready="${view}"]`, WAIT);
const text = (sel) => page.locator(sel).first().innerText();
const matchCount = async () => Number((await text('#match-count')).match(/(\d+)/)[1]);
// page.waitForFunction polls through eval, which the app's CSP (rightly) forbids: poll here
async function until(f, what, ms = 15000) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await f()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}
let step = '';
const steps = [];
async function check(name, f) {
  step = name;
  const t = Date.now();
  await f();
  steps.push(`ok   ${name} (${Date.now() - t} ms)`);
  console.log(steps.at(-1));
}
// axe-core in the page (evaluated through the DevTools protocol, which the CSP does not bind):
// no serious or critical violation of WCAG 2.1 A/AA
async function accessible(what) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(found, [], `axe on ${what}`);
}
// a fresh load of `path` (a new hash alone would not reload the page)
async function fresh(path) {
  await page.goto(BASE + path);
  await page.reload();
  await ready(path.startsWith('/#/event/') ? 'event' : path.startsWith('/#/review') ? 'review' : 'map');
}
const noOverflow = async (what) => {
  const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(sw <= w, `${what}: page ${sw} px wide in a ${w} px window`);
};

async function signIn([name, password]) {
  await page.fill('#signin-name', name);
  await page.fill('#signin-password', password);
  await page.click('#signin-form button[type=submit]');
  await page.waitForSelector('#signed-in:not([hidden])', WAIT);
}
async function signOut() {
  await page.click('#signout');
  await page.waitForSelector('#signin-form:not([hidden])', WAIT);
}

try {
  let total = 0;
  await check('the map: land and sea, oblasts, settlement labels, markers by type, a stacked timeline, the events in view', async () => {
    await page.goto(BASE + '/');
    await ready('map');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'an English browser gets English');
    assert.ok(Number(await page.getAttribute('body', 'data-boundaries')) >= 27, 'oblast polygons');
    assert.ok(await page.locator('#map path.land').count() >= 10, 'neighbouring countries drawn as land');
    await until(async () => Number(await page.getAttribute('#map', 'data-labels')) >= 10, 'settlement labels at the default view');
    const labels = await page.locator('#map .place-label').allInnerTexts();
    assert.ok(labels.includes('Kyiv') && labels.includes('Kharkiv'), labels.join(', '));
    await page.waitForSelector('#map .ev-marker, #map .cluster', WAIT);
    total = await matchCount();
    assert.ok(total >= 15, `events: ${total}`);
    const size = await page.locator('#map .ev-marker, #map .cluster').first().boundingBox();
    assert.ok(size.width >= 30 && size.height >= 30, `a marker is ${size.width}×${size.height} px`);
    const types = new Set(await page.locator('#timeline rect.bar').evaluateAll((rs) => rs.map((r) => r.getAttribute('class'))));
    assert.ok(types.size >= 2, `timeline stacked by type: ${[...types]}`);
    const ticks = await page.locator('#timeline text.axis').evaluateAll((ts) => ts.map((x) => x.textContent));
    assert.ok(ticks.length >= 4 && ticks.some((x) => /Mar/.test(x)), `date ticks: ${ticks}`);
    assert.equal(await page.locator('#legend .legend-item').count(), 6);
    assert.ok(await page.locator('#event-list li[data-id]').count() >= 10, 'events in view listed');
    await page.screenshot({ path: join(SHOTS, 'map.png') });
    await accessible('the map page');
  });

  await check('clusters show their composition; a marker click opens a popup and sets no filter', async () => {
    const cluster = page.locator('#map .cluster-ring').first();
    if (await cluster.count()) assert.match(await cluster.getAttribute('aria-label'), /^\d+: .+: \d+/);
    const url = page.url();
    // zoom until a single marker shows, then click it
    for (let i = 0; i < 6 && !(await page.locator('#map .ev-marker').count()); i++) {
      await page.locator('#map .cluster').first().click();
      await page.waitForTimeout(600);
    }
    const marker = page.locator('#map .ev-marker').first();
    await marker.click();
    await page.waitForSelector('.leaflet-popup .popup-link', WAIT);
    const popup = await text('.leaflet-popup .popup');
    assert.match(popup, /\d{1,2} [A-Z][a-z]+ 2026/, popup);
    assert.ok((await text('.leaflet-popup .popup-notes')).length > 20, 'the notes');
    assert.ok(await page.locator('.leaflet-popup .popup-type .dot').count() === 1);
    await page.waitForTimeout(300);
    assert.equal(page.url(), url, 'no filter set by the click');
    assert.ok(!page.url().includes('oblast='));
    assert.equal(await matchCount(), total);
    await page.screenshot({ path: join(SHOTS, 'popup.png') });
    await fresh('/');
  });

  await check('map, list and timeline linked: hover and selection', async () => {
    const first = page.locator('#event-list li[data-id]').first();
    const day = await first.getAttribute('data-date');
    await first.hover();
    await until(async () => (await page.locator('#map path.hl-ring').count()) === 1, 'the ring on the map');
    assert.equal(await page.locator('#timeline line.marked').count(), 1, 'the day marked on the timeline');
    await first.locator('.li-show').click();
    await until(async () => (await page.locator('#event-list li.selected').count()) === 1, 'the selection in the list');
    await page.waitForSelector('.leaflet-popup .popup', WAIT);
    const id = await first.getAttribute('data-id');
    assert.equal(await page.locator('.leaflet-popup .popup').getAttribute('data-id'), id, 'the popup of the selected event');
    // hovering the timeline marks the day's events in the list
    const dayBar = page.locator(`#timeline g.day[data-day="${day}"] rect`).first();
    await dayBar.hover();
    await until(async () => (await page.locator('#event-list li.same-day').count()) >= 1, 'the day in the list');
    await page.mouse.move(5, 5);
  });

  await check('brushing the timeline sets the date range; a double click clears it', async () => {
    const box = await page.locator('#timeline svg').boundingBox();
    await page.mouse.move(box.x + 3, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 5 });
    await page.mouse.up();
    await until(() => page.url().includes('from=') && page.url().includes('to='), 'the brushed range in the URL');
    await ready('map');
    const from = await page.inputValue('#f-from');
    assert.match(from, /^2026-0[23]-\d\d$/);
    assert.ok(from <= await page.inputValue('#f-to'), `from ${from} before to`);
    const n = await matchCount();
    assert.ok(n >= 1 && n < total, `brushed ${n} of ${total}`);
    assert.equal(await page.locator('#timeline rect.brush').count(), 1);
    await page.dblclick('#timeline svg');
    await until(() => !page.url().includes('from='), 'the range cleared');
    await ready('map');
    await fresh('/');
  });

  await check('the legend filters by event type', async () => {
    await page.click('#legend .legend-item[data-type="Riots"]');
    await until(() => page.url().includes('type=Riots'), 'the type in the URL');
    await ready('map');
    const n = await matchCount();
    assert.ok(n >= 1 && n < total, `riots: ${n} of ${total}`);
    assert.equal(await page.locator('#legend .legend-item[aria-pressed=true]').count(), 1);
    const dots = await page.locator('#event-list li[data-id] .dot').evaluateAll((ds) => ds.map((d) => d.className));
    assert.ok(dots.every((c) => c.includes('t1')), dots.join(','));
    await page.click('#legend .legend-item[data-type="Riots"]');
    await until(() => !page.url().includes('type='), 'the type cleared');
    await ready('map');
  });

  await check('filters suggest what the database holds, in either script and spelling, with counts; the URL holds them', async () => {
    await page.fill('#f-oblast', 'Харк');
    await page.waitForSelector('#f-oblast-list:not([hidden]) li[role=option]', WAIT);
    const opts = await page.locator('#f-oblast-list li[role=option]').allInnerTexts();
    assert.ok(opts.some((o) => /^Kharkiv\s*\d+$/.test(o.replace(/\n/g, ' '))), opts.join(' | '));
    await page.fill('#f-oblast', 'Kharkivska');
    await page.waitForSelector('#f-oblast-list li[role=option][data-value="Kharkiv"]', WAIT);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#f-oblast'), 'Kharkiv');
    await page.fill('#f-type', 'Riot');
    await page.waitForSelector('#f-type-list li[role=option][data-value="Riots"]', WAIT);
    await page.fill('#f-type', '');
    await page.click('#apply');
    await until(() => page.url().includes('oblast=Kharkiv'), 'the filter in the URL');
    await ready('map');
    const n = await matchCount();
    assert.ok(n >= 1 && n < total, `Kharkiv: ${n}`);
    const items = await page.locator('#event-list li[data-id] .li-place').allInnerTexts();
    assert.ok(items.length && items.every((x) => x.includes('Kharkiv')), items.join(' | '));
    // a shared address shows the same view; a name typed in Ukrainian without choosing works too
    const shared = page.url();
    await fresh('/#/?oblast=' + encodeURIComponent('Харківська'));
    assert.equal(await matchCount(), n, 'Харківська means Kharkiv');
    await fresh(shared.slice(BASE.length));
    assert.equal(await matchCount(), n);
    await page.click('#clear');
    await until(() => !page.url().includes('oblast='), 'cleared');
    await ready('map');
  });

  await check('export the filtered events (CSV, GeoJSON, JSONL) and draft the period', async () => {
    await page.fill('#f-from', '2026-03-01');
    await page.fill('#f-to', '2026-03-31');
    await page.click('#apply');
    await until(() => page.url().includes('from=2026-03-01'), 'dates in the URL');
    await ready('map');
    const n = await matchCount();
    const got = await page.evaluate(async () => {
      const get = async (id) => (await fetch(document.getElementById(id).href)).text();
      return { csv: await get('export-csv'), geojson: await get('export-geojson'), jsonl: await get('export-jsonl'), md: await get('report-download') };
    });
    const rows = got.csv.trim().split('\r\n');
    assert.match(rows[0], /^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1/);
    assert.equal(rows.length, n + 1, 'one CSV row per event');
    assert.ok(rows.slice(1).every((r) => /,2026-03-\d\d,2026,/.test(r)), 'every row in March 2026');
    const fc = JSON.parse(got.geojson);
    assert.equal(fc.features.length, n);
    assert.equal(typeof fc.features[0].properties.fatalities, 'number');
    const lines = got.jsonl.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, n);
    assert.ok(lines[0].sources.length >= 1 && 'evidence' in lines[0] && lines[0].event_date.startsWith('2026-03'));
    assert.match(got.md, /March 2026|2026-03/);
    await page.click('#clear');
    await ready('map');
  });

  await check('Ukrainian: the switch, labels and place names in Cyrillic, dates in Ukrainian', async () => {
    await page.click('#lang-switch');
    await ready('map');
    assert.equal(await page.getAttribute('html', 'lang'), 'uk');
    assert.equal(await text('#nav-map'), 'Мапа');
    await until(async () => (await page.locator('#map .place-label').allInnerTexts()).includes('Київ'), 'labels in Ukrainian');
    assert.match(await text('#event-list li[data-id] .li-date'), /^\d{1,2} (лютого|березня|квітня) 2026$/);
    const places = await page.locator('#event-list li[data-id] .li-place').allInnerTexts();
    assert.ok(places.some((p) => /[А-ЯІЇЄа-яіїє]/.test(p)), places.join(' | '));
    assert.equal((await page.locator('#legend .legend-item[data-type="Protests"]').innerText()).trim(), 'Протести');
    assert.match(await text('#match-count'), /Підходять подій/);
    await page.screenshot({ path: join(SHOTS, 'map-uk.png') });
    await accessible('the map page in Ukrainian');
    await page.click('#lang-switch');
    await ready('map');
    assert.equal(await text('#nav-map'), 'Map');
  });

  let eventUrl = '';
  await check('the event page: grouped fields with evidence, sources highlighted, no actions for the public', async () => {
    // Zhytomyr, 1 March: told by two reports, in English and Ukrainian
    await fresh('/#/?oblast=Zhytomyr');
    await page.locator('#event-list li[data-id]', { hasText: 'Zhytomyr' }).first().locator('a').click();
    await ready('event');
    eventUrl = page.url();
    const groups = await page.locator('#event-groups section.group').evaluateAll((s) => s.map((x) => x.dataset.group));
    for (const g of ['when', 'where', 'what', 'who', 'figures', 'legal']) assert.ok(groups.includes(g), `group ${g}: ${groups}`);
    assert.deepEqual(await page.locator('#event-groups h2').allInnerTexts().then((h) => h.slice(0, 3)), ['When', 'Where', 'What']);
    assert.ok(await page.locator('#event-groups .quote mark').count() >= 2, 'evidence quoted beside the fields');
    assert.ok(await page.locator('#event-sources mark.evidence').count() >= 2, 'evidence marked in the text');
    assert.equal(await page.locator('#event-groups .field[data-field=location] .value').innerText(), 'Zhytomyr');
    assert.equal(await page.locator('#event-sources article.source').count(), 2, 'both reports');
    assert.ok(await page.locator('#review-actions').isHidden(), 'no review actions for the public');
    assert.ok(await page.locator('#review-viewer').isVisible(), 'says who may review');
    await accessible('the event page');
  });

  await check('a missing event shows a clean error, not the previous event', async () => {
    await page.goto(BASE + '/#/event/UKR0000000');
    await until(async () => await page.locator('#event-missing').isVisible(), 'the error');
    assert.match(await text('#event-missing'), /No event UKR0000000/);
    assert.ok(await page.locator('#event-body').isHidden());
    await fresh(eventUrl.slice(BASE.length));
  });

  await check('a viewer sees no review actions and cannot review', async () => {
    await signIn(VIEWER);
    await ready('event');
    assert.ok(await page.locator('#review-actions').isHidden(), 'no actions for a viewer');
    const status = await page.evaluate(async () => {
      const s = await (await fetch('/api/session')).json();
      const id = decodeURIComponent(location.hash.slice('#/event/'.length));
      const r = await fetch(`/api/events/${encodeURIComponent(id)}/review`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf },
        body: JSON.stringify({ action: 'edit', field: 'fatalities', value: 9 }),
      });
      return [r.status, (await r.json()).error];
    });
    assert.equal(status[0], 403, status[1]);
    await signOut();
  });

  await check('an editor corrects a field; the history reads as sentences', async () => {
    await signIn(EDITOR);
    await ready('event');
    await page.waitForSelector('#review-actions:not([hidden])', WAIT);
    assert.ok(await page.locator('#review-viewer').isHidden(), 'no "sign in as an editor" once signed in as one');
    const value = page.locator('#event-groups .field[data-field=participants] .value');
    for (const n of ['40', '45']) {
      await page.selectOption('#edit-field', 'participants');
      await page.fill('#edit-value', n);
      await page.click('#btn-edit');
      await until(async () => (await value.innerText()) === n, `the edited value ${n}`);
    }
    await page.reload();
    await ready('event');
    assert.equal(await value.innerText(), '45');
    assert.equal(await page.locator('#status-value').getAttribute('data-status'), 'edited');
    const history = await page.locator('#event-history li').allInnerTexts();
    assert.match(history[0], /^ed set Participants to 40, \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d UTC$/);
    assert.match(history[1], /^ed edited Participants: 40 → 45, /);
    assert.equal(page.url(), eventUrl);
    await page.locator('#event-sources mark.evidence').first().hover();
    await page.screenshot({ path: join(SHOTS, 'event.png'), fullPage: true });
  });

  await check('an editor adds a report by pasting it: stored, extracted, linked', async () => {
    await fresh('/');
    await page.waitForSelector('#paste-panel:not([hidden])', WAIT);
    // written for this test: an invented incident at a real place
    await page.fill('#paste-text', 'On March 27, in Uzhhorod, about 30 residents blocked a TRC minibus on Korzo Street and freed a detained man. Nobody was injured.');
    await page.fill('#paste-url', 'https://test.example.org/2026/03/27/uzhhorod');
    await page.fill('#paste-published', '2026-03-27');
    await page.click('#paste-form button[type=submit]');
    await until(async () => !!(await page.getAttribute('body', 'data-pasted')), 'the new events');
    const id = (await page.getAttribute('body', 'data-pasted')).split(' ')[0];
    await ready('map');
    assert.equal(await matchCount(), total + 1, 'one event more on the map');
    await fresh(`/#/event/${encodeURIComponent(id)}`);
    assert.equal(await page.locator('#event-groups .field[data-field=location] .value').innerText(), 'Uzhhorod');
    assert.match(await text('#event-groups .field[data-field=event_date] .value'), /^27 March 2026$/);
    assert.ok(await page.locator('#event-sources a[href="https://test.example.org/2026/03/27/uzhhorod"]').count() === 1);
  });

  await check('the review queue: events that need a date first; an editor dates the report', async () => {
    await fresh('/#/review');
    const first = page.locator('#queue li').first();
    assert.equal(await first.getAttribute('data-status'), 'needs-date', 'needs-date first');
    assert.match(await text('#queue-count'), /wait for a date/);
    await page.screenshot({ path: join(SHOTS, 'review.png') });
    await accessible('the review queue');
    await first.locator('a').click();
    await ready('event');
    await page.waitForSelector('#date-panel:not([hidden])', WAIT);
    await page.fill('#date-value', '2026-03-21');
    await page.click('#date-form button[type=submit]');
    // "учора" in a post of 21 March: the 20th
    await until(async () => (await page.locator('#status-value').getAttribute('data-status').catch(() => '')) === 'new', 'the event dated');
    assert.match(await text('#event-groups .field[data-field=event_date] .value'), /^20 March 2026$/);
    assert.ok(await page.locator('#date-panel').isHidden());
  });

  await check('the review queue with keyboard shortcuts', async () => {
    await fresh('/#/review');
    const before = await page.locator('#queue li[data-id]').count();
    assert.ok(before >= 2, `queue: ${before}`);
    assert.equal(await page.locator('#queue li[data-status="needs-date"]').count(), 0, 'nothing waits for a date now');
    const pending = Number(await text('#pending-count'));
    await page.keyboard.press('j');
    const second = await page.locator('#queue li[data-id]').nth(1).getAttribute('data-id');
    assert.equal(await page.locator('#queue li.current').getAttribute('data-id'), second);
    await page.keyboard.press('c');
    await until(async () => (await page.locator('#queue li[data-id]').count()) === before - 1, 'the confirmed item to leave the queue');
    await until(async () => (await text('#pending-count')) === String(pending - 1), 'the pending count to drop');
    const confirmed = await page.evaluate(async (id) => (await (await fetch(`/api/events/${encodeURIComponent(id)}`)).json()).status, second);
    assert.equal(confirmed, 'confirmed');
  });

  await check('keyboard: the filters and the list are reachable, focus is visible', async () => {
    await fresh('/');
    await page.focus('#f-oblast');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-raion');
    await page.locator('#event-list li[data-id] a').first().focus();
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
    assert.ok(outline !== 'none' || ring !== '0px', 'visible focus');
    await page.keyboard.press('Enter');
    await ready('event');
  });

  // ---- phone, in a Ukrainian browser
  await page.context().close();
  page = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'uk-UA' });

  await check('phone: the map first, filters in a drawer, no horizontal overflow, Ukrainian by the browser', async () => {
    await page.goto(BASE + '/');
    await ready('map');
    assert.equal(await page.getAttribute('html', 'lang'), 'uk', 'a Ukrainian browser gets Ukrainian');
    const map = await page.locator('#map').boundingBox();
    assert.ok(map.y < 260 && map.width >= 370, `the map starts ${map.y} px down, ${map.width} px wide`);
    assert.ok(!(await page.locator('#f-oblast').isVisible()), 'the filters wait in the drawer');
    await noOverflow('the map page');
    await page.screenshot({ path: join(SHOTS, 'phone-map.png') });
    await page.click('#filters-toggle');
    await page.waitForTimeout(350);
    assert.ok(await page.locator('#f-oblast').isVisible(), 'the drawer opens');
    assert.equal(await page.getAttribute('#filters-toggle', 'aria-expanded'), 'true');
    await page.screenshot({ path: join(SHOTS, 'phone-filters.png') });
    await page.click('#filters-close');
    await page.waitForTimeout(350);
    assert.ok(!(await page.locator('#f-oblast').isVisible()), 'the drawer closes');
    await accessible('the map page on a phone');
  });

  await check('phone: the event page in one column with its evidence readable', async () => {
    await fresh(eventUrl.slice(BASE.length));
    await noOverflow('the event page');
    const cols = await page.evaluate(() => getComputedStyle(document.querySelector('.event-grid')).gridTemplateColumns.split(' ').length);
    assert.equal(cols, 1, 'one column');
    const mark = await page.locator('#event-sources mark.evidence').first().boundingBox();
    assert.ok(mark && mark.x >= 0 && mark.x + mark.width <= 390, 'the evidence within the screen');
    await page.screenshot({ path: join(SHOTS, 'phone-event.png'), fullPage: true });
    await accessible('the event page on a phone');
  });

  assert.deepEqual(problems, [], 'no script errors or CSP violations');
  console.log(`e2e: ${steps.length} checks passed`);
} catch (e) {
  console.error(`e2e FAILED at "${step}": ${e.stack || e}`);
  if (problems.length) console.error(problems.join('\n'));
  await page.screenshot({ path: join(tmpdir(), 'litopys-e2e-failure.png') }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
