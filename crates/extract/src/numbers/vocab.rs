//! The words counts are made of, and what each means, looked up once per token.
//!
//! # Design
//!
//! The count scanner asks several questions of a word: is it a number word ("five", "п'яти"),
//! a scale after "several" ("dozen"), a multiplier after a number ("million", "тис"), an
//! "about", a "one" after "no"? All the vocabularies go into one hash table from normalised
//! word to [`Meaning`], so each word of the text is normalised and looked up once, when it is
//! tokenised, and the scanner then reads plain fields. Words are normalised without allocating
//! where they can be (already lower-case, or ASCII folded into a buffer on the stack); a word
//! longer than any in the table is not looked up at all.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a word means to the count scanner; all empty for most words.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Meaning {
    /// Its value as a number word, and whether that value is approximate ("dozens").
    pub value: Option<(u32, bool)>,
    /// What it scales "several" or "a few" by ("dozen" 12, "сотен" 100).
    pub scale: Option<u32>,
    /// What it multiplies the number before it by ("million", "тис").
    pub multiplier: Option<f64>,
    /// An "about" before a count.
    pub approx: bool,
    /// "one", which after a [`Meaning::determiner`] is no count ("no one").
    pub one: bool,
    /// "no", "any", "every", "some", "the".
    pub determiner: bool,
}

/// What most words mean.
static NOTHING: Meaning = Meaning {
    value: None,
    scale: None,
    multiplier: None,
    approx: false,
    one: false,
    determiner: false,
};

/// The meaning of `raw`, a token of the text as written.
pub(super) fn meaning(raw: &str) -> &'static Meaning {
    if raw.len() > MAX_WORD || raw.starts_with(|c: char| c.is_ascii_digit()) {
        return &NOTHING;
    }
    if is_normalized(raw) {
        return look_up(raw);
    }
    if raw.is_ascii() {
        let mut buf = [0u8; MAX_WORD];
        for (to, &b) in buf.iter_mut().zip(raw.as_bytes()) {
            *to = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
        }
        // lower-cased ASCII is always UTF-8
        return look_up(std::str::from_utf8(&buf[..raw.len()]).unwrap_or_default());
    }
    look_up(&litopys_gazetteer::normalize(raw))
}

/// The meaning of a normalised word. A bitmap of the table's words by their first two bytes and
/// length answers most words (which mean nothing) before the hash table is asked.
fn look_up(word: &str) -> &'static Meaning {
    let (table, filter) = tables();
    let bit = filter_bit(word);
    if filter[bit / 64] & (1 << (bit % 64)) == 0 {
        return &NOTHING;
    }
    table.get(word).unwrap_or(&NOTHING)
}

const FILTER_BITS: usize = 1 << 14;

fn filter_bit(word: &str) -> usize {
    let b = word.as_bytes();
    let (b0, b1) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
    );
    (usize::from(b0) << 6 ^ usize::from(b1) ^ b.len() << 10) % FILTER_BITS
}

/// Longer than the longest word of the table, in bytes (a test checks it).
const MAX_WORD: usize = 32;

type Table = HashMap<&'static str, Meaning, BuildHasherDefault<Fnv>>;

/// The table and the filter of [`look_up`].
fn tables() -> &'static (Table, Vec<u64>) {
    static TABLES: OnceLock<(Table, Vec<u64>)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let table = table();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for word in table.keys() {
            let bit = filter_bit(word);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        (table, filter)
    })
}

fn table() -> Table {
    let mut table = Table::default();
    for &(w, v, approx) in words() {
        // the first entry of a word wins, as a search of the list would find it
        let m = table.entry(w).or_default();
        m.value.get_or_insert((v, approx));
    }
    for &(w, scale) in SCALES {
        table.entry(w).or_default().scale = Some(scale);
    }
    for &(w, factor) in MULTIPLIERS {
        table.entry(w).or_default().multiplier = Some(factor);
    }
    for &w in APPROX {
        table.entry(w).or_default().approx = true;
    }
    table.entry("one").or_default().one = true;
    for w in ["no", "any", "every", "some", "the"] {
        table.entry(w).or_default().determiner = true;
    }
    table
}

/// FNV-1a: the table is looked up once per word of the text, and its keys are short.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// True if [`litopys_gazetteer::normalize`] leaves `w` as it is (lower-case ASCII and
/// Cyrillic, plain apostrophes): most words of running text.
fn is_normalized(w: &str) -> bool {
    if w.is_ascii() {
        return w
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'\'' | b'.' | b',' | b' '));
    }
    w.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9' | '\'' | '.' | ',' | ' ' | '\u{0430}'..='\u{0450}' | '\u{0452}'..='\u{045F}' | 'ґ'))
}

const APPROX: &[&str] = &[
    "about",
    "around",
    "approximately",
    "some",
    "nearly",
    "almost",
    "over",
    "roughly",
    "up",
    "least",
    "than",
    "близько",
    "приблизно",
    "понад",
    "майже",
    "щонайменше",
    "більше",
    "до",
    "около",
    "примерно",
    "почти",
    "свыше",
    "более",
    "больше",
    "не менее",
    "порядка",
];

/// Words that scale "several"/"a few": dozen 12, hundred 100, thousand 1000.
const SCALES: &[(&str, u32)] = &[
    ("dozen", 12),
    ("dozens", 12),
    ("десятків", 12),
    ("десятки", 12),
    ("десятков", 12),
    ("hundred", 100),
    ("hundreds", 100),
    ("сотень", 100),
    ("сотні", 100),
    ("сотен", 100),
    ("сотни", 100),
    ("thousand", 1000),
    ("thousands", 1000),
    ("тисяч", 1000),
    ("тысяч", 1000),
];

/// Words that multiply the number before them: "12 million", "5 тис.".
const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("тис", 1e3),
    ("тисяч", 1e3),
    ("тисячі", 1e3),
    ("тыс", 1e3),
    ("тысяч", 1e3),
    ("тысячи", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("млн", 1e6),
    ("мільйон", 1e6),
    ("мільйона", 1e6),
    ("мільйонів", 1e6),
    ("миллион", 1e6),
    ("миллиона", 1e6),
    ("миллионов", 1e6),
    ("billion", 1e9),
    ("млрд", 1e9),
    ("мільярд", 1e9),
    ("мільярдів", 1e9),
    ("миллиард", 1e9),
    ("миллиардов", 1e9),
];

fn words() -> &'static [(&'static str, u32, bool)] {
    &[
        ("one", 1, false),
        ("two", 2, false),
        ("three", 3, false),
        ("four", 4, false),
        ("five", 5, false),
        ("six", 6, false),
        ("seven", 7, false),
        ("eight", 8, false),
        ("nine", 9, false),
        ("ten", 10, false),
        ("eleven", 11, false),
        ("twelve", 12, false),
        ("thirteen", 13, false),
        ("fourteen", 14, false),
        ("fifteen", 15, false),
        ("sixteen", 16, false),
        ("seventeen", 17, false),
        ("eighteen", 18, false),
        ("nineteen", 19, false),
        ("twenty", 20, false),
        ("thirty", 30, false),
        ("forty", 40, false),
        ("fifty", 50, false),
        ("sixty", 60, false),
        ("seventy", 70, false),
        ("eighty", 80, false),
        ("ninety", 90, false),
        ("hundred", 100, false),
        ("dozen", 12, false),
        ("dozens", 24, true),
        ("hundreds", 200, true),
        ("several", 3, true),
        ("couple", 2, true),
        ("few", 3, true),
        // Ukrainian, all cases in use
        ("один", 1, false),
        ("одна", 1, false),
        ("одне", 1, false),
        ("одного", 1, false),
        ("одному", 1, false),
        ("одним", 1, false),
        ("одній", 1, false),
        ("одну", 1, false),
        ("два", 2, false),
        ("дві", 2, false),
        ("двох", 2, false),
        ("двом", 2, false),
        ("двома", 2, false),
        ("двоє", 2, false),
        ("три", 3, false),
        ("трьох", 3, false),
        ("трьом", 3, false),
        ("трьома", 3, false),
        ("троє", 3, false),
        ("чотири", 4, false),
        ("чотирьох", 4, false),
        ("чотирма", 4, false),
        ("четверо", 4, false),
        ("п'ять", 5, false),
        ("п'яти", 5, false),
        ("п'ятьох", 5, false),
        ("п'ятьма", 5, false),
        ("п'ятеро", 5, false),
        ("шість", 6, false),
        ("шести", 6, false),
        ("шістьох", 6, false),
        ("шестеро", 6, false),
        ("сім", 7, false),
        ("семи", 7, false),
        ("сімох", 7, false),
        ("семеро", 7, false),
        ("вісім", 8, false),
        ("восьми", 8, false),
        ("вісьмох", 8, false),
        ("восьмеро", 8, false),
        ("дев'ять", 9, false),
        ("дев'яти", 9, false),
        ("дев'ятьох", 9, false),
        ("дев'ятеро", 9, false),
        ("десять", 10, false),
        ("десяти", 10, false),
        ("десятьох", 10, false),
        ("десятеро", 10, false),
        ("одинадцять", 11, false),
        ("дванадцять", 12, false),
        ("п'ятнадцять", 15, false),
        ("двадцять", 20, false),
        ("двадцяти", 20, false),
        ("тридцять", 30, false),
        ("тридцяти", 30, false),
        ("сорок", 40, false),
        ("сорока", 40, false),
        ("п'ятдесят", 50, false),
        ("п'ятдесяти", 50, false),
        ("шістдесят", 60, false),
        ("сімдесят", 70, false),
        ("вісімдесят", 80, false),
        ("дев'яносто", 90, false),
        ("сто", 100, false),
        ("двісті", 200, false),
        ("триста", 300, false),
        ("кілька", 3, true),
        ("кількох", 3, true),
        ("декілька", 3, true),
        ("десятки", 24, true),
        ("десятків", 24, true),
        ("сотні", 200, true),
        ("сотень", 200, true),
        // Russian
        ("одна", 1, false),
        ("одно", 1, false),
        ("одной", 1, false),
        ("две", 2, false),
        ("двух", 2, false),
        ("двум", 2, false),
        ("двумя", 2, false),
        ("двое", 2, false),
        ("трех", 3, false),
        ("трём", 3, false),
        ("трем", 3, false),
        ("тремя", 3, false),
        ("трое", 3, false),
        ("четыре", 4, false),
        ("четырех", 4, false),
        ("четырьмя", 4, false),
        ("пять", 5, false),
        ("пяти", 5, false),
        ("пятью", 5, false),
        ("пятеро", 5, false),
        ("пятерых", 5, false),
        ("шесть", 6, false),
        ("шестерых", 6, false),
        ("семь", 7, false),
        ("восемь", 8, false),
        ("девять", 9, false),
        ("девяти", 9, false),
        ("десятерых", 10, false),
        ("одиннадцать", 11, false),
        ("двенадцать", 12, false),
        ("пятнадцать", 15, false),
        ("двадцать", 20, false),
        ("двадцати", 20, false),
        ("тридцать", 30, false),
        ("тридцати", 30, false),
        ("пятьдесят", 50, false),
        ("пятидесяти", 50, false),
        ("шестьдесят", 60, false),
        ("семьдесят", 70, false),
        ("восемьдесят", 80, false),
        ("девяносто", 90, false),
        ("ста", 100, false),
        ("двести", 200, false),
        ("несколько", 3, true),
        ("нескольких", 3, true),
        ("десятков", 24, true),
        ("сотни", 200, true),
        ("сотен", 200, true),
        ("двухсот", 200, false),
        ("трехсот", 300, false),
        ("двохсот", 200, false),
        ("трьохсот", 300, false),
        ("сорока", 40, false),
        ("шестидесяти", 60, false),
        ("шістдесяти", 60, false),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_fits_under_the_length_limit() {
        let longest = tables().0.keys().map(|w| w.len()).max();
        assert!(longest.is_some_and(|n| n < MAX_WORD), "{longest:?}");
    }

    #[test]
    fn words_mean_what_the_lists_say_in_any_case() {
        assert_eq!(meaning("Twelve").value, Some((12, false)));
        assert_eq!(meaning("ДВОЄ").value, Some((2, false)));
        assert_eq!(meaning("п’яти").value, Some((5, false)));
        assert_eq!(
            *meaning("dozens"),
            Meaning {
                value: Some((24, true)),
                scale: Some(12),
                ..Meaning::default()
            }
        );
        assert_eq!(
            *meaning("Thousand"),
            Meaning {
                scale: Some(1000),
                multiplier: Some(1e3),
                ..Meaning::default()
            }
        );
        assert!(meaning("About").approx && meaning("some").approx && meaning("some").determiner);
        assert!(meaning("one").one && meaning("one").value.is_some());
        assert_eq!(*meaning("Vinnytsia"), Meaning::default());
        assert_eq!(*meaning("12"), Meaning::default());
    }
}
