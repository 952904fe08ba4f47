// The app's words in English and Ukrainian, dates in either, and place names in the reader's
// script. The language is the browser's (Ukrainian for uk, ru and be readers, English
// otherwise) until the reader switches it; the choice is kept in localStorage.

const EN = {
  'app.title': 'litopys: events map', 'nav.map': 'Map', 'nav.review': 'Review queue', 'nav.skip': 'Skip to content',
  'lang.switch': 'Українською', 'lang.label': 'Interface language',
  'signin.name': 'Name', 'signin.password': 'Password', 'signin.submit': 'Sign in', 'signout': 'Sign out',
  'signin.done': 'Signed in', 'signin.needed': 'Sign in to see the events: this server is not public.',
  'totals': '{events} events · {documents} reports', 'pending.title': 'events awaiting review',
  'filters': 'Filters', 'filters.open': 'Filters', 'filters.close': 'Close filters',
  'f.from': 'From', 'f.to': 'To', 'f.oblast': 'Oblast', 'f.raion': 'Raion', 'f.type': 'Event type', 'f.sub_type': 'Sub-type',
  'f.actor': 'Actor', 'f.tag': 'Tag', 'f.status': 'Status', 'f.q': 'Words in the text', 'f.any': 'any',
  'f.status.default': 'all but rejected', 'f.status.all': 'all', 'f.apply': 'Apply', 'f.clear': 'Clear',
  'f.suggest': 'type to choose; {n} values', 'f.nomatch': 'nothing the database holds matches',
  'counts': 'Counts', 'by-oblast': 'By oblast', 'events': 'Events', 'deaths': 'Deaths', 'top-places': 'Top places', 'place': 'Place',
  'match': '{total} events match; {shown} on the map', 'match.unplaced': ', {n} without coordinates',
  'legend': 'Event types (click to show only one type)', 'legend.all': 'All types',
  'inview': 'Events in view', 'inview.show': 'Show', 'inview.more': '… and {n} more: zoom in or narrow the filters', 'inview.none': 'No events in view.',
  'timeline': 'Events per day by type: drag to choose dates, double-click to clear',
  'timeline.none': 'no dated events', 'timeline.label': 'Timeline',
  'charts.weekly': 'Incidents per week by type', 'charts.map': 'Incidents by oblast',
  'export': 'Export the filtered events', 'export.note': '{n} events',
  'draft': 'Draft the review of the period', 'draft.lang': 'in', 'draft.md': 'Markdown', 'draft.html': 'HTML',
  'paste': 'Add a report', 'paste.help': 'Paste a report with its address and publication date: it is stored, extracted and linked like any other.',
  'paste.text': 'Text of the report', 'paste.url': 'Address (https://…)', 'paste.published': 'Publication date', 'paste.submit': 'Add and extract',
  'paste.done': 'Report stored as document {doc}: {n} incidents, events {events}', 'paste.none': 'Report stored as document {doc}; no incidents found in it.',
  'popup.open': 'Open the event', 'popup.loading': 'loading…',
  'back': '← Map', 'event.missing': 'No event {id}: it may have been merged into another or removed.',
  'event.status': 'Status', 'event.reviewed': 'Set by hand: {fields}', 'event.reviewed.all': 'Confirmed as a whole',
  'g.when': 'When', 'g.where': 'Where', 'g.what': 'What', 'g.who': 'Who', 'g.figures': 'Figures', 'g.legal': 'Legal follow-up', 'g.sources': 'Sources',
  'g.other': 'Other columns', 'evidence': 'evidence', 'history': 'History', 'history.none': 'No decisions yet.',
  'h.confirm': '{actor} confirmed, {at}', 'h.reject': '{actor} rejected, {at}', 'h.edit': '{actor} edited {field}: {old} → {value}, {at}',
  'h.edit.new': '{actor} set {field} to {value}, {at}', 'h.merge': '{actor} merged {other} into this event, {at}', 'h.split': '{actor} split off {n} report(s), {at}',
  'review': 'Review', 'review.confirm': 'Confirm (c)', 'review.reject': 'Reject (x)', 'review.field': 'Field', 'review.value': 'New value',
  'review.save': 'Save', 'review.merge': 'Merge another event into this one', 'review.merge.id': 'Event id', 'review.merge.submit': 'Merge',
  'review.split': 'Split: the checked reports become a new event.', 'review.split.submit': 'Split', 'review.done': '{id}: {action} recorded',
  'review.viewer': 'Only editors review events: sign in with an editor account to confirm, edit or reject.',
  'date.help': 'This report has no publication date, so its incidents cannot be dated. Give its date: it is extracted again.',
  'date.label': 'Publication date of the report', 'date.submit': 'Set the date and extract again', 'date.done': 'Document {doc} dated {date}: {n} incidents',
  'source.published': 'published {date}', 'source.undated': 'no publication date', 'source.figures': 'this report: {date}, {killed} killed',
  'source.doc': 'document {id}',
  'queue': 'Review queue', 'queue.pending': '{n} pending', 'queue.needsdate': '{n} wait for a date',
  'queue.keys': 'Keys: j / k next / previous, c confirm, x reject, o or Enter open.', 'queue.editor': 'Sign in as an editor to decide.',
  'queue.empty': 'Nothing awaits review.', 'queue.undated': 'needs a date', 'queue.undated.help': 'Its report has no publication date: open it to give one.', 'queue.sources': '{n} report(s)', 'queue.killed': '{n} killed',
  'status.new': 'new', 'status.confirmed': 'confirmed', 'status.edited': 'edited', 'status.rejected': 'rejected', 'status.needs-date': 'needs a date',
  'unknown': '(unknown)', 'yes': 'yes', 'no': 'no',
};

const UK = {
  'app.title': 'літопис: мапа подій', 'nav.map': 'Мапа', 'nav.review': 'Черга перевірки', 'nav.skip': 'Перейти до змісту',
  'lang.switch': 'English', 'lang.label': 'Мова інтерфейсу',
  'signin.name': 'Ім’я', 'signin.password': 'Пароль', 'signin.submit': 'Увійти', 'signout': 'Вийти',
  'signin.done': 'Ви увійшли', 'signin.needed': 'Увійдіть, щоб бачити події: цей сервер не публічний.',
  'totals': 'подій: {events} · повідомлень: {documents}', 'pending.title': 'подій чекають перевірки',
  'filters': 'Фільтри', 'filters.open': 'Фільтри', 'filters.close': 'Закрити фільтри',
  'f.from': 'Від', 'f.to': 'До', 'f.oblast': 'Область', 'f.raion': 'Район', 'f.type': 'Тип події', 'f.sub_type': 'Підтип',
  'f.actor': 'Учасник', 'f.tag': 'Мітка', 'f.status': 'Статус', 'f.q': 'Слова в тексті', 'f.any': 'будь-який',
  'f.status.default': 'усі, крім відхилених', 'f.status.all': 'усі', 'f.apply': 'Застосувати', 'f.clear': 'Очистити',
  'f.suggest': 'почніть вводити; значень: {n}', 'f.nomatch': 'у базі немає такого значення',
  'counts': 'Підсумки', 'by-oblast': 'За областями', 'events': 'Події', 'deaths': 'Загиблі', 'top-places': 'Найчастіші місця', 'place': 'Місце',
  'match': 'Підходять подій: {total}; на мапі: {shown}', 'match.unplaced': '; без координат: {n}',
  'legend': 'Типи подій (клацніть, щоб показати лише один тип)', 'legend.all': 'Усі типи',
  'inview': 'Події в полі зору', 'inview.show': 'Показати', 'inview.more': '… і ще {n}: збільшіть мапу або звузьте фільтри', 'inview.none': 'У полі зору подій немає.',
  'timeline': 'Події за днями й типами: потягніть, щоб вибрати дати, двічі клацніть, щоб скинути',
  'timeline.none': 'немає датованих подій', 'timeline.label': 'Часова шкала',
  'charts.weekly': 'Інциденти за тижнями й типами', 'charts.map': 'Інциденти за областями',
  'export': 'Експортувати відібрані події', 'export.note': 'подій: {n}',
  'draft': 'Чернетка огляду за період', 'draft.lang': 'мовою', 'draft.md': 'Markdown', 'draft.html': 'HTML',
  'paste': 'Додати повідомлення', 'paste.help': 'Вставте текст повідомлення з адресою й датою публікації: його буде збережено, оброблено й пов’язано з подіями, як і будь-яке інше.',
  'paste.text': 'Текст повідомлення', 'paste.url': 'Адреса (https://…)', 'paste.published': 'Дата публікації', 'paste.submit': 'Додати й обробити',
  'paste.done': 'Повідомлення збережено як документ {doc}: інцидентів {n}, події {events}', 'paste.none': 'Повідомлення збережено як документ {doc}; інцидентів у ньому не знайдено.',
  'popup.open': 'Відкрити подію', 'popup.loading': 'завантаження…',
  'back': '← Мапа', 'event.missing': 'Події {id} немає: можливо, її об’єднано з іншою або вилучено.',
  'event.status': 'Статус', 'event.reviewed': 'Задано вручну: {fields}', 'event.reviewed.all': 'Підтверджено повністю',
  'g.when': 'Коли', 'g.where': 'Де', 'g.what': 'Що', 'g.who': 'Хто', 'g.figures': 'Числа', 'g.legal': 'Правові наслідки', 'g.sources': 'Джерела',
  'g.other': 'Інші стовпці', 'evidence': 'доказ', 'history': 'Історія', 'history.none': 'Рішень ще не було.',
  'h.confirm': '{actor} підтвердив(ла), {at}', 'h.reject': '{actor} відхилив(ла), {at}', 'h.edit': '{actor} змінив(ла) {field}: {old} → {value}, {at}',
  'h.edit.new': '{actor} задав(ла) {field} = {value}, {at}', 'h.merge': '{actor} приєднав(ла) {other} до цієї події, {at}', 'h.split': '{actor} відокремив(ла) повідомлень: {n}, {at}',
  'review': 'Перевірка', 'review.confirm': 'Підтвердити (c)', 'review.reject': 'Відхилити (x)', 'review.field': 'Поле', 'review.value': 'Нове значення',
  'review.save': 'Зберегти', 'review.merge': 'Приєднати іншу подію до цієї', 'review.merge.id': 'Ідентифікатор події', 'review.merge.submit': 'Приєднати',
  'review.split': 'Розділити: позначені повідомлення стануть новою подією.', 'review.split.submit': 'Розділити', 'review.done': '{id}: рішення «{action}» записано',
  'review.viewer': 'Події перевіряють лише редактори: увійдіть як редактор, щоб підтвердити, виправити чи відхилити.',
  'date.help': 'Це повідомлення не має дати публікації, тож його інциденти не датовано. Укажіть дату: його буде оброблено знову.',
  'date.label': 'Дата публікації повідомлення', 'date.submit': 'Задати дату й обробити знову', 'date.done': 'Документ {doc} датовано {date}: інцидентів {n}',
  'source.published': 'опубліковано {date}', 'source.undated': 'без дати публікації', 'source.figures': 'у цьому повідомленні: {date}, загиблих {killed}',
  'source.doc': 'документ {id}',
  'queue': 'Черга перевірки', 'queue.pending': 'чекають: {n}', 'queue.needsdate': 'без дати: {n}',
  'queue.keys': 'Клавіші: j / k наступна / попередня, c підтвердити, x відхилити, o або Enter відкрити.', 'queue.editor': 'Щоб ухвалювати рішення, увійдіть як редактор.',
  'queue.empty': 'Перевірки ніщо не чекає.', 'queue.undated': 'потрібна дата', 'queue.undated.help': 'Повідомлення не має дати публікації: відкрийте, щоб її вказати.', 'queue.sources': 'повідомлень: {n}', 'queue.killed': 'загиблих: {n}',
  'status.new': 'нова', 'status.confirmed': 'підтверджена', 'status.edited': 'виправлена', 'status.rejected': 'відхилена', 'status.needs-date': 'потрібна дата',
  'unknown': '(невідомо)', 'yes': 'так', 'no': 'ні',
};

export const TYPES = ['Protests', 'Riots', 'Violence against civilians', 'Explosions/Remote violence', 'Battles', 'Strategic developments'];

const TYPE_UK = {
  'Protests': 'Протести', 'Riots': 'Заворушення', 'Violence against civilians': 'Насильство проти цивільних',
  'Explosions/Remote violence': 'Вибухи, дистанційне насильство', 'Battles': 'Бої', 'Strategic developments': 'Стратегічні події',
  'Government regains territory': 'Уряд повертає територію', 'Non-state actor overtakes territory': 'Недержавна сторона захоплює територію',
  'Armed clash': 'Збройне зіткнення', 'Chemical weapon': 'Хімічна зброя', 'Air/drone strike': 'Авіа- чи дроновий удар',
  'Suicide bomb': 'Вибух смертника', 'Shelling/artillery/missile attack': 'Обстріл (артилерія, ракети)',
  'Remote explosive/landmine/IED': 'Вибуховий пристрій, міна', 'Grenade': 'Граната', 'Sexual violence': 'Сексуальне насильство',
  'Attack': 'Напад', 'Abduction/forced disappearance': 'Викрадення, насильницьке зникнення', 'Peaceful protest': 'Мирний протест',
  'Protest with intervention': 'Протест із втручанням', 'Excessive force against protesters': 'Надмірна сила проти протестувальників',
  'Violent demonstration': 'Насильницька демонстрація', 'Mob violence': 'Насильство натовпу', 'Agreement': 'Угода', 'Arrests': 'Арешти',
  'Change to group/activity': 'Зміна групи чи діяльності', 'Disrupted weapons use': 'Зірване застосування зброї',
  'Headquarters or base established': 'Створено штаб чи базу', 'Looting/property destruction': 'Мародерство, знищення майна',
  'Non-violent transfer of territory': 'Ненасильницька передача території', 'Other': 'Інше',
};

// Field names in words; the ACLED column stays visible in the title for those who know them.
const FIELDS = {
  en: {
    event_date: 'Date', year: 'Year', time_precision: 'Date precision', location: 'Place', admin1: 'Oblast', admin2: 'Raion', admin3: 'Hromada',
    latitude: 'Latitude', longitude: 'Longitude', geo_precision: 'Place precision', country: 'Country', iso: 'ISO code', region: 'Region',
    event_type: 'Event type', sub_event_type: 'Sub-type', disorder_type: 'Disorder type', notes: 'Notes', tags: 'Tags', weapons: 'Weapons',
    civilian_targeting: 'Civilians targeted', actor1: 'Actor', assoc_actor_1: 'With', inter1: 'Actor category', actor2: 'Against',
    assoc_actor_2: 'With (second side)', inter2: 'Second side category', interaction: 'Interaction', fatalities: 'Killed', injuries: 'Injured',
    participants: 'Participants', arrests: 'Arrested', legal: 'Legal follow-up', source: 'Publishers', source_scale: 'Source scale',
    damage: 'Damage', amounts: 'Sums', injury_details: 'Injuries in detail', event_id_cnty: 'Event id', timestamp: 'Stored at',
  },
  uk: {
    event_date: 'Дата', year: 'Рік', time_precision: 'Точність дати', location: 'Місце', admin1: 'Область', admin2: 'Район', admin3: 'Громада',
    latitude: 'Широта', longitude: 'Довгота', geo_precision: 'Точність місця', country: 'Країна', iso: 'Код ISO', region: 'Регіон',
    event_type: 'Тип події', sub_event_type: 'Підтип', disorder_type: 'Тип заворушення', notes: 'Опис', tags: 'Мітки', weapons: 'Зброя',
    civilian_targeting: 'Проти цивільних', actor1: 'Учасник', assoc_actor_1: 'Разом із', inter1: 'Категорія учасника', actor2: 'Проти кого',
    assoc_actor_2: 'Разом із (друга сторона)', inter2: 'Категорія другої сторони', interaction: 'Взаємодія', fatalities: 'Загиблі', injuries: 'Поранені',
    participants: 'Учасників', arrests: 'Затримані', legal: 'Правові наслідки', source: 'Видання', source_scale: 'Масштаб джерела',
    damage: 'Збитки', amounts: 'Суми', injury_details: 'Поранення докладно', event_id_cnty: 'Ідентифікатор', timestamp: 'Збережено',
  },
};

const MONTHS_UK = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_UK = ['січ', 'лют', 'бер', 'кві', 'тра', 'чер', 'лип', 'сер', 'вер', 'жов', 'лис', 'гру'];
const SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
  const s = (lang === 'uk' ? UK : EN)[key] ?? EN[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

export const typeName = (s) => (lang === 'uk' ? TYPE_UK[s] || s : s);
export const fieldName = (f) => FIELDS[lang][f] || FIELDS.en[f] || f.replace(/_/g, ' ');
export const statusName = (s) => t(`status.${s}`);

// A place in the reader's script: the Ukrainian form when known and wanted.
export const place = (latin, uk) => (lang === 'uk' && uk ? uk : latin || '');

// "18 March 2026" / "18 березня 2026" from "2026-03-18".
export function fmtDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const [y, mo, d] = [m[1], Number(m[2]) - 1, Number(m[3])];
  return lang === 'uk' ? `${d} ${MONTHS_UK[mo]} ${y}` : `${d} ${MONTHS_EN[mo]} ${y}`;
}

// "18 Mar" / "18 бер" for axis ticks; with the year when `year` is set.
export function fmtShort(iso, year = false) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const mo = Number(m[2]) - 1;
  const s = `${Number(m[3])} ${(lang === 'uk' ? SHORT_UK : SHORT_EN)[mo]}`;
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
