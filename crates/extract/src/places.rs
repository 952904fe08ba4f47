//! Which of the places a sentence names is where its incident happened.
//!
//! A sentence may name a settlement, the oblast around it, a reference point ("near Kyiv") and
//! a person's home ("a resident of X"). The incident's place is the first settlement named
//! plainly; failing that a "near X" reference, a district, then a region. Home places are
//! skipped, and so is a city's district that the gazetteer took for a namesake village far away
//! ("в Днепровском районе" of Kherson). A court or a recruitment centre named by its town's
//! adjective ("Одеському районному ТЦК") places the incident in that town's raion. Among a
//! name's namesakes, the one in an oblast named in the same sentence wins.

use litopys_gazetteer::{EntryId, Frame, Kind, Mention};
use litopys_model::Span;

use crate::Analysis;

/// A place chosen for an incident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PlacePick {
    /// The chosen entry.
    pub entry: EntryId,
    /// How the text framed it.
    pub frame: Frame,
    /// The words naming it.
    pub span: Span,
    /// How good a pick it is: lower is more precise (settlement 0, near 1, district 2, region 3).
    pub rank: u8,
}

/// Words before a name that make it someone's home (or where they came from) rather than a
/// scene: "a farmer from the village of X drove to Y", "a 40-year-old resident of Kharkiv",
/// "житель Запорожья", "підприємець із села Опака". Singular forms only: "жители Одессы
/// разгромили микроавтобус" names the scene.
const HOME_WORDS: &[&str] = &[
    "from", "native of", "resident of", "a resident of", "born in", "уродженець", "уродженка", "уродженця", "уродженцю",
    "уродженцем", "уродженців", "уродженцям", "уродженки", "родом з", "родом із", "мешканець", "мешканка", "мешканця",
    "мешканцю", "мешканцем", "мешканки", "жителька", "жительки", "житель", "жителя", "жителю", "жителем", "жительница",
    "жительницы", "жительнице", "уроженец", "уроженка", "уроженца", "уроженцу", "уроженцем", "уроженцев", "уроженцам",
    "уроженки", "родом из", "з", "із", "зі", "из", "проживающий в", "проживающего в", "проживающая в", "проживающей в",
    "проживающему в", "проживающим в", "проживающие в", "проживающих в", "проживає в", "проживає у", "мешкає в", "мешкає у",
];

/// Words before a name that make it where soldiers fought or were taken prisoner, not where
/// their families protest: "the defenders of Mariupol", "захисників Маріуполя", "сдавшихся в
/// плен в Мариуполе". No scene, and no one's home either.
const DEFENDER_WORDS: &[&str] = &[
    "defenders of", "defender of", "захисників", "захисники", "захисника", "защитников", "защитники", "защитника",
    "captured in", "taken prisoner in", "surrendered in", "в плен в", "в плен под", "у полон у", "у полон в", "в полон у",
    "в полон в", "у полон під",
];

/// The best place in `span`, if any; `region_hint` is an oblast the context already names.
pub(crate) fn pick(a: &Analysis, span: Span, region_hint: Option<&str>) -> Option<PlacePick> {
    // at equal precision a place in Ukraine before one abroad ("shelled Sumy from Kursk")
    picks(a, span, region_hint).into_iter().min_by_key(|p| (p.rank, !a.gazetteer.entry(p.entry).is_ukrainian(), p.span.start))
}

/// Every place in `span` that can be a scene, in the order of the text (an institution's
/// place and the capital last).
pub(crate) fn picks(a: &Analysis, span: Span, region_hint: Option<&str>) -> Vec<PlacePick> {
    let mentions = a.places_in(span);
    let roles = crate::roles::builtin();
    let appositions = oblast_appositions(a, mentions);
    let regions: Vec<&str> = mentions
        .iter()
        .filter(|m| m.frame == Frame::Region)
        .map(|m| a.gazetteer.entry(m.candidates[0]).admin1.as_str())
        .chain(appositions.iter().map(|&(_, admin1)| admin1))
        .chain(region_hint)
        .collect();
    mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| !appositions.iter().any(|&(j, _)| j == *i))
        .map(|(_, m)| m)
        .filter(|m| !not_scene(a, m))
        .map(|m| (m, choose_candidate(a, m, &regions)))
        // "Новоивановка Курской области": a Russian namesake of a Ukrainian village
        .filter(|&(m, entry)| !roles.is_abroad_namesake(a, m, entry))
        .map(|(m, entry)| {
            PlacePick {
                entry,
                frame: m.frame,
                span: m.span,
                rank: rank(a, m.frame, entry),
            }
        })
        .filter(|p| p.rank < NOT_A_SCENE)
        .chain(institution_place(a, span))
        .chain(capital_place(a, span))
        .collect()
}

/// True if mention `m` is no scene whatever the incident: someone's home ("a resident of X"), a
/// word of a cue, a group's name, a village read in a city's district, a government or a topic
/// ("Киев заявил", "видео о Буче"). Weighed once per mention.
fn not_scene(a: &Analysis, m: &Mention) -> bool {
    if let Some(&known) = a.not_scene.borrow().get(&m.span.start) {
        return known;
    }
    let text = a.text();
    let out = is_home(text, m)
        || after_words(text, m, DEFENDER_WORDS)
        || is_cue_word(a, m)
        || names_a_group(text, m)
        || names_a_road(text, m)
        || district_of_city(a, m)
        || crate::roles::builtin().is_not_scene(a, m);
    a.not_scene.borrow_mut().insert(m.span.start, out);
    out
}

/// Where someone in `span` is from ("житель Харькова", "a resident of Lviv"), when the text
/// names no scene at all: people mostly act where they live, so a coder places the incident
/// there rather than drop it. [`pick`] never returns such a place.
pub(crate) fn origin_place(a: &Analysis, span: Span) -> Option<PlacePick> {
    let mentions = a.places_in(span);
    mentions
        .iter()
        .filter(|m| is_home(a.text(), m) && !is_cue_word(a, m))
        .map(|m| {
            let entry = choose_candidate(a, m, &[]);
            PlacePick { entry, frame: m.frame, span: m.span, rank: rank(a, m.frame, entry) }
        })
        .filter(|p| p.rank < NOT_A_SCENE)
        .min_by_key(|p| (p.rank, p.span.start))
}

/// The city whose people a word in `span` names ("кияни вийшли на акцію", "одесситы"), from
/// `data/demonyms.toml`, when the text names no scene: the people of a city act in it.
pub(crate) fn demonym_place(a: &Analysis, span: Span) -> Option<PlacePick> {
    let text = span.text(a.text());
    let words = text.split(|c: char| !(litopys_gazetteer::chars::is_alphanumeric(c) || c == '\'' || c == '’')).filter(|w| !w.is_empty());
    let mut start = span.start;
    for w in words {
        let at = text[start - span.start..].find(w).map_or(start, |i| start + i);
        start = at + w.len();
        let lower = w.to_lowercase().replace('’', "'");
        let Some(city) = demonyms().iter().find(|(stem, _)| lower.starts_with(stem.as_str())).map(|(_, c)| c) else { continue };
        let Some(entry) = a.gazetteer.search(city).into_iter().find(|e| e.is_ukrainian() && e.kind.is_settlement()) else { continue };
        return Some(PlacePick { entry: entry.id, frame: Frame::Plain, span: Span::new(at, at + w.len()), rank: rank(a, Frame::Plain, entry.id) });
    }
    None
}

/// `(stem, city)` of every demonym, longest stems first.
fn demonyms() -> &'static [(String, String)] {
    static TABLE: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct File {
            cities: std::collections::BTreeMap<String, Vec<String>>,
        }
        // part of the binary and tested to parse; an error only turns demonyms off
        let file: Option<File> = toml::from_str(include_str!("../../../data/demonyms.toml")).ok();
        let mut out: Vec<(String, String)> = file
            .into_iter()
            .flat_map(|f| f.cities)
            .flat_map(|(city, stems)| stems.into_iter().map(move |s| (s.trim_end_matches('*').to_lowercase(), city.clone())))
            .collect();
        out.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        out
    })
}

/// Mentions that name the oblast of the place before them, as ACLED's notes and many reports
/// write it: "near Avdiivka, Donetsk", "у Бахмуті, Донецька область". The name after the comma
/// is the oblast of the settlement before it (not the city Donetsk), so it is no scene of its own:
/// (index in `mentions`, admin1).
pub(crate) fn oblast_appositions<'a>(a: &'a Analysis, mentions: &[Mention]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    for i in 1..mentions.len() {
        let (before, m) = (&mentions[i - 1], &mentions[i]);
        let gap = a.text().get(before.span.end..m.span.start).unwrap_or("");
        if gap.trim() != "," {
            continue;
        }
        // "in Mykolaiv, Chernihiv, Kharkiv and Dnipro" is a list: a place follows in the same way
        let listed = mentions.get(i + 1).is_some_and(|next| {
            let after = a.text().get(m.span.end..next.span.start).unwrap_or("").trim();
            matches!(after, "," | "and" | "і" | "та" | "й" | "и" | "or" | "або" | "или")
        });
        if listed {
            continue;
        }
        let settlement = a.gazetteer.entry(before.candidates[0]);
        let oblast = m.candidates.iter().map(|&id| a.gazetteer.entry(id)).find(|e| e.kind == Kind::Oblast && e.admin1 == settlement.admin1);
        if let Some(o) = oblast {
            if settlement.kind != Kind::Oblast {
                out.push((i, o.admin1.as_str()));
            }
        }
    }
    out
}

/// The district of a court or a recruitment centre named by its town's adjective:
/// "Тернопільський міськрайонний суд", "Луцького районного суду", "Ровенский городской суд",
/// "в Одеському районному ТЦК", "сотрудников Сарненского территориального центра
/// комплектования" (the gazetteer knows the raion "Тернопільський район", not the adjective
/// alone).
fn institution_place(a: &Analysis, span: Span) -> Option<PlacePick> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // no `\b`: a Unicode word boundary stops the fast engine on Cyrillic text, so the word
    // starts after a non-word character and "ТЦК" is checked for a letter after it below
    let re = RE.get_or_init(|| {
        regex::Regex::new(concat!(
            r"(?:^|\W)(\p{L}[\p{L}'’-]*?(?:ськ|цьк|зьк|ск|цк))(?:ий|ого|ому|им|ой|ом|ім)\s+",
            r"(?:(?:міськрайонн|районн|міськ|окружн|горрайонн|городск|обласн|областн)\p{L}*\s+)?",
            r"(?:суд|(?P<tck>(?i:тцк|ртцк|отцк))|територіальн|территориальн|військкомат|военкомат)"
        ))
        .expect("static regex")
    });
    let text = span.text(a.text());
    re.captures_iter(text).find_map(|c| {
        let inside_word = |m: regex::Match| text[m.end()..].chars().next().is_some_and(|ch| litopys_gazetteer::chars::is_alphanumeric(ch) || ch == '_');
        if c.name("tck").is_some_and(inside_word) {
            return None;
        }
        let stem = c.get(1)?;
        let district = format!("{}ий район", stem.as_str());
        let found = a.gazetteer.find(&district);
        let entry = found.first()?.candidates.iter().copied().find(|&id| a.gazetteer.entry(id).kind == Kind::Raion)?;
        let words = Span::new(span.start + stem.start(), span.start + c.get(0)?.end());
        // the court or the centre sits in the town the raion is named after
        match seat_of(a, entry, stem.as_str()) {
            Some(town) => Some(PlacePick { entry: town, frame: Frame::Near, span: words, rank: 1 }),
            None => Some(PlacePick { entry, frame: Frame::District, span: words, rank: 2 }),
        }
    })
}

/// The town an institution named after raion `raion` sits in: the largest town of its oblast
/// whose Ukrainian name begins as the adjective's stem does ("Берегівськ" → Берегове,
/// "Кременчугск" → Кременчук, "Бучанськ" → Буча).
fn seat_of(a: &Analysis, raion: EntryId, stem: &str) -> Option<EntryId> {
    let admin1 = &a.gazetteer.entry(raion).admin1;
    let stem = stem.to_lowercase();
    let base = ["ськ", "цьк", "зьк", "ск", "цк"].iter().find_map(|e| stem.strip_suffix(e)).unwrap_or(&stem);
    let n = base.chars().count().saturating_sub(2).max(4);
    if base.chars().count() < 4 {
        return None;
    }
    let prefix: String = base.chars().take(n).collect();
    a.gazetteer
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::City && &e.admin1 == admin1 && e.name_uk.to_lowercase().starts_with(&prefix))
        .max_by_key(|(_, e)| e.population)
        .map(|(id, _)| id as EntryId)
}

/// Kyiv, where a report about Ukraine says "the capital" ("a rally was held in the capital",
/// "у столиці", "в столице"): only when the text names no place in Russia or Belarus, whose
/// own news mean Moscow or Minsk by it, and the word is not "the capital of" another place.
/// Ranked as a place near, so that a settlement the sentence names comes first.
fn capital_place(a: &Analysis, span: Span) -> Option<PlacePick> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?i)(?:^|[^\p{L}])(the capital|столиц[іяюеыиа]\p{L}*)(?:[^\p{L}]|$)").expect("static regex")
    });
    let text = span.text(a.text());
    let m = re.captures(text)?.get(1)?;
    let after = text[m.end()..].trim_start();
    // "the capital of Belarus", "столиця Молдови", "the capital's residents" (kept)
    let of_another = after.starts_with("of ") || after.starts_with(litopys_gazetteer::chars::is_uppercase);
    if of_another {
        return None;
    }
    let places = a.places_in(Span::new(0, a.text().len()));
    let entries = || places.iter().map(|p| a.gazetteer.entry(p.candidates[0]));
    let settled = |e: &&litopys_gazetteer::Entry| !matches!(e.kind, Kind::Country | Kind::Continent | Kind::Celestial | Kind::Area | Kind::Region);
    if entries().filter(settled).any(|e| e.country == "RU" || e.country == "BY") || !entries().any(|e| e.is_ukrainian()) {
        return None;
    }
    let kyiv = a.gazetteer.find("Київ").into_iter().flat_map(|m| m.candidates).find(|&id| {
        let e = a.gazetteer.entry(id);
        e.kind == Kind::City && e.admin1 == "Kyiv City"
    })?;
    let at = span.start + m.start();
    Some(PlacePick { entry: kyiv, frame: Frame::Plain, span: Span::new(at, at + m.len()), rank: 1 })
}

/// Oblasts the mentions in `span` name as regions.
pub(crate) fn regions_in<'a>(a: &'a Analysis, span: Span) -> Vec<&'a str> {
    a.places_in(span)
        .iter()
        .filter(|m| {
            m.frame == Frame::Region || a.gazetteer.entry(m.candidates[0]).kind == Kind::Oblast
        })
        .map(|m| a.gazetteer.entry(m.candidates[0]).admin1.as_str())
        .collect()
}

/// Rank of places that are never an incident's scene: Ukraine as a whole, its rivers, seas and
/// historical regions (an incident "in Donbas" has no oblast). Abroad they still rank, so that
/// an incident in Moscow is recognised as abroad and dropped.
const NOT_A_SCENE: u8 = 9;

fn rank(a: &Analysis, frame: Frame, entry: EntryId) -> u8 {
    let e = a.gazetteer.entry(entry);
    let kind = e.kind;
    match kind {
        Kind::Country | Kind::Continent | Kind::Celestial | Kind::River | Kind::Sea | Kind::Lake | Kind::Mountains | Kind::Area => {
            return if e.is_ukrainian() || e.country.is_empty() { NOT_A_SCENE } else { 4 };
        }
        Kind::Region => return 3,
        _ => {}
    }
    match (frame, kind) {
        (Frame::Region, _) | (_, Kind::Oblast) => 3,
        (Frame::District, _) | (_, Kind::Raion | Kind::Hromada) => 2,
        (Frame::Near, _) => 1,
        _ => 0,
    }
}

/// Among a name's namesakes: one in an oblast the sentence names; else a city of 50,000 or
/// more (a report that says "Rivne" means the city, whatever villages share the name); else
/// the gazetteer's own ranking, which weighs the whole text.
fn choose_candidate(a: &Analysis, m: &Mention, regions: &[&str]) -> EntryId {
    let wants_unit = matches!(m.frame, Frame::Region | Frame::District);
    let fits = |id: &EntryId| {
        wants_unit || !matches!(a.gazetteer.entry(*id).kind, Kind::Oblast | Kind::Raion)
    };
    let in_region = m
        .candidates
        .iter()
        .copied()
        .filter(fits)
        .find(|&id| regions.contains(&a.gazetteer.entry(id).admin1.as_str()));
    let big_city = || {
        m.candidates
            .iter()
            .copied()
            .filter(|&id| {
                a.gazetteer.entry(id).kind == Kind::City
                    && a.gazetteer.entry(id).population >= 50_000
            })
            .max_by_key(|&id| a.gazetteer.entry(id).population)
    };
    let first = if wants_unit {
        m.candidates[0]
    } else {
        big_city().unwrap_or(m.candidates[0])
    };
    in_region.unwrap_or(first)
}

/// Words for a district that may follow its name.
const DISTRICT_WORDS: &[&str] = &["район", "районе", "района", "районі", "району", "районом", "district"];

/// True when a name read as a settlement stands before a district word, and the text names a
/// city elsewhere but nothing in the settlement's oblast: it names a district of that city ("в Днепровском районе" of Kherson,
/// "Салтівський район" of Kharkiv), not the village that shares the name (Дніпровське in
/// Dnipropetrovsk oblast). A real raion is framed as one by the gazetteer and never gets here.
fn district_of_city(a: &Analysis, m: &Mention) -> bool {
    let is_settlement = |id: &EntryId| matches!(a.gazetteer.entry(*id).kind, Kind::City | Kind::Village);
    if m.frame == Frame::District || !m.candidates.iter().all(is_settlement) {
        return false;
    }
    let after = a.text().get(m.span.end..).unwrap_or("").trim_start();
    let word: String = after.chars().take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c)).collect::<String>().to_lowercase();
    if !DISTRICT_WORDS.contains(&word.as_str()) {
        return false;
    }
    let village = a.gazetteer.entry(m.candidates[0]);
    let others: Vec<&litopys_gazetteer::Entry> =
        a.places.iter().filter(|o| o.candidates[0] != m.candidates[0] && !o.weak).map(|o| a.gazetteer.entry(o.candidates[0])).collect();
    // nothing else in the text lies in the village's oblast ("Genichesk district, Kherson" is
    // the raion of Henichesk), and a city is named
    !others.iter().any(|o| o.admin1 == village.admin1) && others.iter().any(|o| o.kind == Kind::City)
}

/// True if the name is also a codebook word ("Police" is a village's transliteration too). A
/// cue that reaches only the settlement word before the name ("освободили село" of "село
/// Новодаровка"), or a pattern's any-word on it, leaves the name a name.
fn is_cue_word(a: &Analysis, m: &Mention) -> bool {
    let mention = a.text().get(m.span.start..m.span.end).unwrap_or("");
    let last_word = m.span.start + mention.trim_end().rfind(char::is_whitespace).map_or(0, |at| at + 1);
    // (a pattern's any-word, "пво * уничтожил*" over "ПВО в Херсоне уничтожила", is no cue word)
    let any_word = |c: &crate::codebook::Cue| a.codebook.cue_text(c.pattern).split(' ').any(|w| w == "*");
    a.cues_in(Span::new(m.span.start.saturating_sub(40), m.span.end))
        .iter()
        .any(|c| c.span.overlaps(&m.span) && c.span.end > last_word && !any_word(c))
}

/// Words after a place that make it part of an armed group's or a polity's name: "Donetsk rebel
/// positions in Makiivka", "Luhansk People's Militia", "Донецкой народной республики". The
/// group acts elsewhere; the place in its name is no scene.
const GROUP_WORDS: &[&str] = &["rebel", "separatist", "people's", "people’s", "militia", "proxy", "proxies", "народн"];

fn names_a_group(text: &str, m: &Mention) -> bool {
    // the longest group word is twelve bytes: sixteen characters of the rest are enough
    let rest = text.get(m.span.end..).unwrap_or("").trim_start();
    let after: String = rest.chars().take(16).flat_map(char::to_lowercase).collect();
    GROUP_WORDS.iter().any(|w| after.starts_with(w))
}

/// Words for a road: "the Kyiv–Chop highway", "траса Київ – Чоп", "трассы Киев-Одесса".
const ROAD: &str = r"(?:highway|road|route|motorway|траса|траси|трасі|трасу|трасою|шосе|трасса|трассы|трассе|трассу|трассой|автодорог\p{L}*|автотрас\p{L}*)";

/// True when the mention is an end of a road's name ("blocked the Kyiv – Chop highway",
/// "перекрили трасу Київ-Чоп"): the road runs through the scene, its ends are elsewhere.
fn names_a_road(text: &str, m: &Mention) -> bool {
    static RE: std::sync::OnceLock<[regex::Regex; 5]> = std::sync::OnceLock::new();
    let [end_then_road, end_before_road, road_after, road_then_end, road_before_end] = RE.get_or_init(|| {
        let end = r"\p{Lu}[\p{L}'’.-]*";
        let dash = r"\s*[-–—]\s*";
        // a road's number may stand between the road word and its ends: "трасу Н15 Запоріжжя-Донецьк"
        let number = r"(?:\p{L}{0,2}-?\d[\p{L}\d-]*\s+)?";
        let re = |p: String| regex::Regex::new(&format!("(?i:{p})")).expect("static regex");
        [
            // "[Kyiv] – Chop highway"
            re(format!(r"^{dash}{end}\s+{ROAD}")),
            // "Kyiv – [Chop] highway": the text before and after
            re(format!(r"{end}{dash}$")),
            re(format!(r"^\s+{ROAD}")),
            // "траса [Київ] – Чоп"
            re(format!(r"{ROAD}\s+{number}$")),
            // "траса Київ – [Чоп]"
            re(format!(r"{ROAD}\s+{number}{end}{dash}$")),
        ]
    });
    let before = window(text, m.span.start.saturating_sub(48), m.span.start);
    let after = window(text, m.span.end, m.span.end + 48);
    end_then_road.is_match(after)
        || (end_before_road.is_match(before) && road_after.is_match(after))
        || (road_then_end.is_match(before) && after.trim_start().starts_with(['-', '–', '—']))
        || road_before_end.is_match(before)
}

/// True when the unit named at `span` is told as holding an unnamed settlement: "в одному із
/// селищ Дніпровського району", "в одном из сел Харьковского района", "a village in Bucha
/// district". The scene is then not the unit's centre, even where the story is there.
pub(crate) fn settlement_of_unit(a: &Analysis, span: Span) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i:(?:одн\p{L}*\s+(?:з|із|зі|из)\s+(?:сіл|селищ|сел|поселк\p{L}*|населен\p{L}*\s+пункт\p{L}*|громад)|(?:a|one of the)\s+(?:village|settlement|town)s?\s+(?:in|of)(?:\s+the)?)\s*$)",
        )
        .expect("static regex")
    });
    re.is_match(window(a.text(), span.start.saturating_sub(64), span.start))
}

/// `text[from..to]`, both ends moved inside to character boundaries and clamped to the text.
fn window(text: &str, from: usize, to: usize) -> &str {
    let (mut from, mut to) = (from.min(text.len()), to.min(text.len()));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(from..to).unwrap_or("")
}

fn is_home(text: &str, m: &Mention) -> bool {
    after_words(text, m, HOME_WORDS)
}

/// True when one of `words` stands right before the mention (past a settlement word).
fn after_words(text: &str, m: &Mention, words: &[&str]) -> bool {
    let head = window(text, m.span.start.saturating_sub(60), m.span.start).trim_end().to_lowercase();
    // "a resident of the village of X", "уродженець міста X": look past the settlement word
    let head = SETTLEMENT_WORDS.iter().fold(head.as_str(), |h, w| h.strip_suffix(w).map(str::trim_end).unwrap_or(h));
    // the gazetteer may take "village of" into the name: "from the [village of Opaka]"
    let head = head.strip_suffix(" the").unwrap_or(head);
    words.iter().any(|w| head.strip_suffix(w).is_some_and(|rest| !rest.ends_with(litopys_gazetteer::chars::is_alphanumeric)))
}

const SETTLEMENT_WORDS: &[&str] =
    &["the village of", "the town of", "the city of", "village of", "села", "міста", "селища", "деревни", "города", "поселка", "посёлка", "с."];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use litopys_model::Document;

    fn place_of(text: &str) -> Option<String> {
        let doc = Document::new("t", text);
        let ex = Extractor::default();
        let a = Analysis::new(&doc, ex.codebook(), litopys_gazetteer::Gazetteer::builtin());
        pick(&a, Span::new(0, text.len()), None).map(|p| a.gazetteer.entry(p.entry).name.clone())
    }

    #[test]
    fn the_capital_is_kyiv_in_a_report_about_ukraine() {
        // written for litopys
        let t = "A rally for the defenders of Mariupol was held in the capital.";
        assert_eq!(place_of(t), Some("Kyiv".into()));
        assert_eq!(place_of("Мітинг рідних полонених відбувся у столиці, його зібрали родини захисників Маріуполя."), Some("Kyiv".into()));
        // Moscow news mean Moscow; the capital of another country is not Kyiv
        assert_eq!(place_of("В столице прошел митинг. В Подольске тоже."), Some("Podolsk".into()));
        assert_eq!(place_of("Protesters gathered in the capital of Belarus, as in Lviv."), Some("Lviv".into()));
    }

    #[test]
    fn the_ends_of_a_road_are_no_scene() {
        // written for litopys
        assert_eq!(place_of("Women blocked the Kyiv – Chop highway near Mukachevo."), Some("Mukachevo".into()));
        assert_eq!(place_of("Жінки перекрили трасу Київ-Чоп біля Мукачева."), Some("Mukachevo".into()));
        assert_eq!(place_of("Водители перекрыли трассу Киев – Одесса в Умани."), Some("Uman".into()));
        assert_eq!(place_of("Women blocked the Kyiv – Chop highway."), None);
        // past the road's number
        assert_eq!(place_of("Військові тримають трасу Н15 Запоріжжя-Донецьк біля Курахового."), Some("Kurakhove".into()));
        // a place that is not a road's end stays the scene
        assert_eq!(place_of("Protesters gathered in Kyiv on the road to the office."), Some("Kyiv".into()));
    }

    #[test]
    fn scene_not_home() {
        // written for litopys
        assert_eq!(
            place_of("A farmer from Uman was stopped by recruiters in Lviv."),
            Some("Lviv".into())
        );
        assert_eq!(
            place_of("Уродженець Луцька напав на працівника ТЦК у Ковелі."),
            Some("Kovel".into())
        );
        assert_eq!(
            place_of("in Pavlohrad, Dnipropetrovsk region"),
            Some("Pavlohrad".into())
        );
        assert_eq!(place_of("near Kyiv"), Some("Kyiv".into()));
        // ACLED's notes: the settlement, then its oblast
        assert_eq!(place_of("Russian forces shelled near Avdiivka, Donetsk."), Some("Avdiivka".into()));
        assert_eq!(place_of("shelled Kharkiv, Sumy and Chernihiv"), Some("Kharkiv".into()));
        // a place in an armed group's name is not where the group fights
        assert_eq!(
            place_of("Donetsk separatist units fired mortars at positions in Avdiivka."),
            Some("Avdiivka".into())
        );
        assert_eq!(place_of("protests took place in Mykolaiv, Chernihiv, Kharkiv and Dnipro"), Some("Mykolaiv".into()));
        assert_eq!(place_of("Поліція Волинської області"), Some("Volyn".into()));
        // KATOTTG: Луцький район, Тернопільський район
        assert_eq!(
            place_of("Луцький міськрайонний суд засудив чоловіка"),
            Some("Lutskyi".into())
        );
        // a court named after a raion sits in the raion's town
        assert_eq!(
            place_of("вирок Тернопільського міськрайонного суду"),
            Some("Ternopil".into())
        );
        assert_eq!(place_of("Берегівський районний суд визнав винною жительку"), Some("Berehove".into()));
    }
}
