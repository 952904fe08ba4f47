// Filter inputs that suggest what the database holds: a combobox (ARIA 1.2 pattern) over the
// values of one facet with their counts, matched in either script and either spelling
// ("Харківська", "Kharkivska", "Kharkov" all find Kharkiv). The input shows the value in the
// reader's language; the filter sends the stored value. A text that matches no value is sent
// as typed (the server looks places up in the gazetteer).
import { el, loose } from '/app/util.js';
import { t } from '/app/i18n.js';

const MAX_SHOWN = 8;

// Does option `o` (with `o.label` and `o.value`, `o.uk`) match what was typed?
function matches(o, typed) {
  const q = loose(typed);
  if (!q) return true;
  const names = [o.label, o.value, o.uk].filter(Boolean).map(loose);
  return names.some((n) => n.includes(q) || n.split(/[ ,/()-]+/).some((w) => w.startsWith(q))
    // another spelling of the same stem: "kharkivska" / "kharkov" for "kharkiv"
    || (q.length >= 4 && w4(n) === w4(q)));
}
const w4 = (s) => s.slice(0, Math.min(5, s.length));

export function createSuggest(box, onPick) {
  const input = box.querySelector('input');
  const listId = `${input.id}-list`;
  const list = el('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true });
  const hint = el('span', { id: `${input.id}-hint`, class: 'hint' });
  box.append(hint, list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-describedby', hint.id);
  let options = [], shown = [], active = -1;

  function open(show) {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) { active = -1; input.removeAttribute('aria-activedescendant'); }
  }

  function render() {
    shown = options.filter((o) => matches(o, input.value)).slice(0, MAX_SHOWN);
    list.replaceChildren(...shown.map((o, i) => el('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': String(i === active), class: i === active ? 'active' : '', 'data-value': o.value,
      onmousedown: (ev) => { ev.preventDefault(); pick(o); },
    }, el('span', { class: 'label', text: o.label }), el('span', { class: 'n', text: o.n }))));
    if (!shown.length && input.value.trim()) list.replaceChildren(el('li', { class: 'none', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: t('f.nomatch') }));
    open(document.activeElement === input && (shown.length > 0 || !!input.value.trim()));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
  }

  function pick(o) {
    input.value = o.label;
    input.dataset.value = o.value;
    open(false);
    onPick();
  }

  input.addEventListener('input', () => { delete input.dataset.value; active = -1; render(); });
  input.addEventListener('focus', render);
  input.addEventListener('blur', () => setTimeout(() => open(false), 100));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) render();
      if (!shown.length) return;
      active = ev.key === 'ArrowDown' ? (active + 1) % shown.length : (active - 1 + shown.length) % shown.length;
      render();
    } else if (ev.key === 'Enter' && !list.hidden && active >= 0 && shown[active]) {
      ev.preventDefault();
      pick(shown[active]);
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.preventDefault();
      ev.stopPropagation();
      open(false);
    }
  });

  return {
    // options: [{value, label, uk, n}]
    setOptions(opts) {
      options = opts;
      hint.textContent = t('f.suggest', { n: opts.length });
    },
    // the stored value for what the input shows
    value() {
      const text = input.value.trim();
      if (!text) return '';
      if (input.dataset.value) return input.dataset.value;
      const exact = options.find((o) => [o.label, o.value, o.uk].some((n) => n && loose(n) === loose(text)));
      return exact ? exact.value : text;
    },
    // shows a stored value in the reader's language
    show(value) {
      const o = options.find((x) => x.value === value);
      input.value = o ? o.label : (value || '');
      if (value) input.dataset.value = value; else delete input.dataset.value;
    },
  };
}
