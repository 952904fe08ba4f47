// The app's words in English and Ukrainian, dates in either, and place names in the reader's
// script. The language is the browser's (Ukrainian for uk, ru and be readers, English
// otherwise) until the reader switches it; the choice is kept in localStorage.

export const TYPES = ['Protests', 'Riots', 'Violence against civilians', 'Explosions/Remote violence', 'Battles', 'Strategic developments'];

// Every word of the interface, per language: lang/en.json and lang/uk.json (words, field
// names, event types, months), loaded once by `loadLanguages` before the app starts.
const DICT = { en: null, uk: null };

export async function loadLanguages() {
  const [en, uk] = await Promise.all(['en', 'uk'].map(async (l) => (await fetch(`/app/lang-${l}.json`)).json()));
  DICT.en = en;
  DICT.uk = uk;
}

function initial() {
  try {
    const saved = localStorage.getItem('litopys.lang');
    if (saved === 'en' || saved === 'uk') return saved;
  } catch { /* storage off: the browser's language decides */ }
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of langs) {
    const p = String(l).toLowerCase().slice(0, 2);
    if (p === 'uk' || p === 'ru' || p === 'be') return 'uk';
    if (p === 'en') return 'en';
  }
  return 'en';
}

export let lang = initial();

export function setLang(l) {
  lang = l === 'uk' ? 'uk' : 'en';
  try { localStorage.setItem('litopys.lang', lang); } catch { /* not kept */ }
}

// The phrase `key` with {names} filled in.
export function t(key, vars = {}) {
  const s = DICT[lang].words[key] ?? DICT.en.words[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

export const typeName = (s) => DICT[lang].types[s] || s;
export const fieldName = (f) => DICT[lang].fields[f] || DICT.en.fields[f] || f.replace(/_/g, ' ');
export const statusName = (s) => t(`status.${s}`);

// A place in the reader's script: the Ukrainian form when known and wanted.
export const place = (latin, uk) => (lang === 'uk' && uk ? uk : latin || '');

// "18 March 2026" / "18 березня 2026" from "2026-03-18".
export function fmtDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const [y, mo, d] = [m[1], Number(m[2]) - 1, Number(m[3])];
  return `${d} ${DICT[lang].months[mo]} ${y}`;
}

// "18 Mar" / "18 бер" for axis ticks; with the year when `year` is set.
export function fmtShort(iso, year = false) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const mo = Number(m[2]) - 1;
  const s = `${Number(m[3])} ${DICT[lang].short_months[mo]}`;
  return year ? `${s} ${m[1]}` : s;
}

// "3 March 2026 14:02" (UTC) from an RFC 3339 time.
export function fmtTime(rfc) {
  const d = new Date(rfc);
  if (Number.isNaN(d.getTime())) return rfc || '';
  const iso = d.toISOString();
  return `${fmtDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

// Fills every element's text from its data-i18n key, and attributes from data-i18n-ATTR.
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  document.title = t('app.title');
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    for (const e of root.querySelectorAll(`[data-i18n-${attr}]`)) e.setAttribute(attr, t(e.getAttribute(`data-i18n-${attr}`)));
  }
}
