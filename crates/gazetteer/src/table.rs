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
    /// ISO 3166-1 alpha-2 country code: "UA" for the Ukrainian tables, empty for features that
    /// span countries (the Black Sea).
    pub country: String,
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
                country: "UA".to_string(),
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
        country: "UA".to_string(),
        spellings: f.last()?.to_string(),
    })
}

/// `data/world.tsv` and `data/world_core.tsv`: kind, name, name_uk, country, region, lat, lon,
/// population, spellings. Cities' coordinates are their own; the rest are a region's centre.
pub(crate) fn parse_world(tsv: &str) -> Vec<Row> {
    data_lines(tsv)
        .filter_map(|f| {
            let kind = f.first()?.trim().to_string();
            Some(Row {
                precision: if kind == "city" { 1 } else { 3 },
                kind,
                name: f.get(1)?.trim().to_string(),
                name_uk: f.get(2)?.trim().to_string(),
                country: f.get(3)?.trim().to_string(),
                admin1: f.get(4)?.trim().to_string(),
                lat: f.get(5)?.trim().parse().ok()?,
                lon: f.get(6)?.trim().parse().ok()?,
                population: f.get(7)?.trim().parse().ok()?,
                spellings: f.get(8).unwrap_or(&"").trim().to_string(),
                ..Row::default()
            })
        })
        .collect()
}

/// The hand-written world rows over the generated ones: a core row with the kind, country and
/// English name of a generated row adds its spellings to it and its Ukrainian name wins; other
/// core rows are new places. Core rows come first.
pub(crate) fn merge_world(core: Vec<Row>, generated: Vec<Row>) -> Vec<Row> {
    let key = |r: &Row| (r.kind.clone(), r.country.clone(), r.name.clone());
    let mut index: std::collections::HashMap<(String, String, String), usize> = Default::default();
    for (i, r) in core.iter().enumerate() {
        index.entry(key(r)).or_insert(i);
    }
    let mut out = core;
    for g in generated {
        match index.get(&key(&g)) {
            Some(&i) => {
                let c = &mut out[i];
                if !g.spellings.is_empty() {
                    c.spellings = format!("{}|{}", c.spellings, g.spellings);
                }
                if c.admin1.is_empty() {
                    c.admin1 = g.admin1;
                }
            }
            None => out.push(g),
        }
    }
    out
}

/// The merged table that `build.rs` writes ([`write`]): the columns of [`parse_full`] with the
/// country before the spellings.
pub(crate) fn parse_merged(tsv: &str) -> Vec<Row> {
    data_lines(tsv)
        .filter_map(|f| {
            let mut r = parse_full_fields(&f)?;
            r.country = f.get(10)?.to_string();
            Some(r)
        })
        .collect()
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
            &r.country,
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
        let round = parse_merged(&write(&merged));
        assert_eq!(round, merged);
    }
}
