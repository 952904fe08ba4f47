// Small helpers every view uses: DOM building (text only, never innerHTML), the API, messages.

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

export const session = { user: null, csrf: null };

export const canReview = () => !!session.user && (session.user.role === 'editor' || session.user.role === 'admin');

export async function api(path, { method = 'GET', body } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf;
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

export function query(filters, extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

let messageTimer = null;
export function message(text, isError = true) {
  const m = $('message');
  m.replaceChildren(...(Array.isArray(text) ? text : [text]));
  m.className = isError ? 'error' : 'ok';
  m.hidden = !text;
  clearTimeout(messageTimer);
  if (text) messageTimer = setTimeout(() => { m.hidden = true; }, 8000);
}

// Loose form of a name for matching across spellings: lower case, no accents, Ukrainian and
// Russian letters that differ folded together (і, ї, ы → и; є, э, ё → е; no soft signs).
export function loose(s) {
  return String(s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[іїы]/g, 'и').replace(/[єэё]/g, 'е').replace(/[ьъ'’ʼ]/g, '').replace(/\s+/g, ' ').trim();
}
