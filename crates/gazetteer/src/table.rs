//! Rows of the gazetteer's tables: the hand-written `data/core.tsv`, the generated
//! `data/places.tsv`, and the merged table that `build.rs` compiles in.
//!
//! Shared with `build.rs`; depends on nothing else in the crate.

/// One place as the tables describe it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Row {
    pub kind: String,
    pub name: String,
    pub name_uk: String,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u32,
    pub precision: u8,
    /// Other spellings, `|`-separated.
    pub spellings: String,
}

fn data_lines(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// `data/core.tsv`: kind, name, name_uk, admin1, lat, lon, population, spellings.
pub(crate) fn parse_core(tsv: &str) -> Vec<Row> {
    data_lines(tsv)
        .filter_map(|f| {
            let kind = f.first()?.to_string();
            Some(Row {
                precision: if kind == "oblast" { 3 } else { 1 },
                kind,
                name: f.get(1)?.to_string(),
                name_uk: f.get(2)?.to_string(),
                admin1: f.get(3)?.to_string(),
                lat: f.get(4)?.parse().ok()?,
                lon: f.get(5)?.parse().ok()?,
                population: f.get(6)?.parse().ok()?,
                spellings: f.get(7).unwrap_or(&"").to_string(),
                ..Row::default()
            })
        })
        .collect()
}

/// The merged table (and `data/places.tsv`, whose extra column is ignored): kind, name,
/// name_uk, admin1, admin2, admin3, lat, lon, population, geo_precision, [katottg,] spellings.
pub(crate) fn parse_full(tsv: &str) -> Vec<Row> {
    data_lines(tsv).filter_map(|f| parse_full_fields(&f)).collect()
}

fn parse_full_fields(f: &[&str]) -> Option<Row> {
    Some(Row {
        kind: f.first()?.to_string(),
        name: f.get(1)?.to_string(),
        name_uk: f.get(2)?.to_string(),
        admin1: f.get(3)?.to_string(),
        admin2: f.get(4)?.to_string(),
        admin3: f.get(5)?.to_string(),
        lat: f.get(6)?.parse().ok()?,
        lon: f.get(7)?.parse().ok()?,
        population: f.get(8)?.parse().ok()?,
        precision: f.get(9)?.parse().ok()?,
        spellings: f.last()?.to_string(),
    })
}

/// Core rows first, in their order, then the generated rows they do not describe. A core row
/// and a generated row describe the same place when both are oblasts or both settlements, in
/// the same oblast, with the same Ukrainian name; the core row keeps its coordinates, names and
/// population, and gains the generated row's raion, hromada and spellings.
pub(crate) fn merge(core: Vec<Row>, places: Vec<Row>) -> Vec<Row> {
    fn class(kind: &str) -> &str {
        match kind {
            "city" | "village" => "settlement",
            other => other,
        }
    }
    let key = |r: &Row| (class(&r.kind).to_string(), r.admin1.clone(), fold(&r.name_uk));
    let mut index: std::collections::HashMap<(String, String, String), usize> = Default::default();
    for (i, r) in core.iter().enumerate() {
        index.entry(key(r)).or_insert(i);
    }
    let mut out = core;
    for p in places {
        match index.get(&key(&p)) {
            Some(&i) => {
                let c = &mut out[i];
                if c.admin2.is_empty() {
                    c.admin2 = p.admin2;
                }
                if c.admin3.is_empty() {
                    c.admin3 = p.admin3;
                }
                if !p.spellings.is_empty() {
                    c.spellings = if c.spellings.is_empty() { p.spellings } else { format!("{}|{}", c.spellings, p.spellings) };
                }
            }
            None => out.push(p),
        }
    }
    out
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace(['’', 'ʼ'], "'")
}

/// The merged table as text for [`parse_full`].
pub(crate) fn write(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let fields = [
            r.kind.as_str(),
            &r.name,
            &r.name_uk,
            &r.admin1,
            &r.admin2,
            &r.admin3,
            &r.lat.to_string(),
            &r.lon.to_string(),
            &r.population.to_string(),
            &r.precision.to_string(),
            &r.spellings,
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_wins_and_gains_hierarchy() {
        let core = parse_core("city\tStryi\tСтрий\tLviv\t49.2622\t23.8561\t60000\tStryj\n");
        let places = parse_full(
            "city\tStryi\tСтрий\tLviv\tStryiskyi\tStryiska\t49.26103\t23.84845\t61404\t1\tUA46\tStryy\n\
             village\tDuliby\tДуліби\tLviv\tStryiskyi\tStryiska\t49.2\t23.8\t0\t2\tUA47\t\n",
        );
        let merged = merge(core, places);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].lat, 49.2622);
        assert_eq!(merged[0].admin2, "Stryiskyi");
        assert_eq!(merged[0].spellings, "Stryj|Stryy");
        let round = parse_full(&write(&merged));
        assert_eq!(round, merged);
    }
}
