//! Charts as inline SVG: incidents per week by type (stacked bars) and a choropleth of
//! Ukraine by oblast. Drawn by hand: two charts do not need a plotting library, and hand-made
//! SVG stays small, sharp in print and free of external requests.

use std::fmt::Write;

use serde::Serialize;

use crate::summary::{Count, Series, Summary, Week};

/// The charts of one report, as SVG markup.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Charts {
    /// Stacked bars of incidents per week by ACLED event type.
    pub weekly: String,
    /// Oblasts shaded by their number of incidents.
    pub map: String,
    /// One line chart per statistic with two months or more.
    pub series: Vec<String>,
}

/// A colour per ACLED event type (colour-blind-safe palette).
const TYPE_COLOURS: &[(&str, &str)] = &[
    ("Riots", "#D55E00"),
    ("Protests", "#0072B2"),
    ("Violence against civilians", "#CC79A7"),
    ("Explosions/Remote violence", "#E69F00"),
    ("Strategic developments", "#7F7F7F"),
    ("Battles", "#000000"),
];

/// Sequential shades for the map, lightest for none.
const SHADES: &[&str] = &["#f2f2f2", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Charts {
    pub fn new(s: &Summary) -> Charts {
        Charts { series: s.series.iter().map(line).collect(), ..Charts::from_counts(&s.by_week, &s.by_type, &s.by_oblast) }
    }

    /// The charts of weekly counts by type, and of counts per oblast.
    pub fn from_counts(by_week: &[Week], by_type: &[Count], by_oblast: &[Count]) -> Charts {
        Charts { weekly: weekly(by_week, by_type), map: map(by_oblast), series: Vec::new() }
    }
}

fn weekly(by_week: &[Week], by_type: &[Count]) -> String {
    let (w, h, left, bottom, top) = (640.0, 260.0, 40.0, 40.0, 30.0);
    let n_weeks = by_week.len().max(1) as f64;
    let max = by_week.iter().map(|wk| wk.counts.iter().map(|c| c.n).sum::<usize>()).max().unwrap_or(0).max(1) as f64;
    let band = (w - left - 10.0) / n_weeks;
    let scale = (h - bottom - top) / max;
    let mut svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="Incidents per week by type" font-family="sans-serif" font-size="11">"#);
    let base = h - bottom;
    let _ = write!(svg, r##"<line x1="{left}" y1="{base}" x2="{}" y2="{base}" stroke="#333"/>"##, w - 10.0);
    for tick in 0..=max as usize {
        if max > 10.0 && tick % ((max as usize / 5).max(1)) != 0 {
            continue;
        }
        let y = base - tick as f64 * scale;
        let _ = write!(svg, r##"<text x="{}" y="{}" text-anchor="end" fill="#333">{tick}</text>"##, left - 6.0, y + 4.0);
    }
    for (i, week) in by_week.iter().enumerate() {
        let x = left + i as f64 * band + band * 0.15;
        let mut y = base;
        for (name, colour) in TYPE_COLOURS {
            let n = week.counts.iter().find(|c| c.name == *name).map_or(0, |c| c.n);
            if n == 0 {
                continue;
            }
            let bh = n as f64 * scale;
            y -= bh;
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{bh:.1}" fill="{colour}"><title>{}: {n} ({})</title></rect>"#,
                band * 0.7,
                escape(name),
                week.start
            );
        }
        let label = week.start.get(5..).unwrap_or(&week.start);
        let _ = write!(svg, r##"<text x="{:.1}" y="{}" text-anchor="middle" fill="#333">{label}</text>"##, x + band * 0.35, base + 16.0);
    }
    let mut lx = left;
    for (name, colour) in TYPE_COLOURS.iter().filter(|(n, _)| by_type.iter().any(|c| c.name == *n)) {
        let label = by_type.iter().find(|c| c.name == *name).map_or(*name, |c| c.label.as_str());
        let _ = write!(svg, r##"<rect x="{lx}" y="8" width="10" height="10" fill="{colour}"/><text x="{}" y="17" fill="#333">{}</text>"##, lx + 14.0, escape(label));
        lx += 22.0 + label.chars().count() as f64 * 6.2;
    }
    svg.push_str("</svg>");
    svg
}

/// A line chart of one indicator over months, values labelled at each point.
pub(crate) fn line(series: &Series) -> String {
    let (w, h, left, right, top, bottom) = (640.0, 180.0, 70.0, 70.0, 20.0, 30.0);
    let max = series.points.iter().map(|p| p.value).fold(0.0f64, f64::max).max(1.0) * 1.15;
    let n = series.points.len().max(2) as f64;
    let x = |i: usize| left + i as f64 * (w - left - right) / (n - 1.0);
    let y = |v: f64| top + (h - top - bottom) * (1.0 - v / max);
    let mut svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}" font-family="sans-serif" font-size="11">"#, escape(&series.indicator));
    let base = h - bottom;
    let _ = write!(svg, r##"<line x1="{left}" y1="{base}" x2="{}" y2="{base}" stroke="#333"/><text x="{}" y="{}" text-anchor="end" fill="#333">0</text>"##, w - right, left - 6.0, base + 4.0);
    let points: Vec<String> = series.points.iter().enumerate().map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.value))).collect();
    let _ = write!(svg, r##"<polyline points="{}" fill="none" stroke="#0072B2" stroke-width="2"/>"##, points.join(" "));
    for (i, p) in series.points.iter().enumerate() {
        let (period, v) = (&p.period, &p.value);
        let _ = write!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="3" fill="#0072B2"/><text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#111">{}</text><text x="{:.1}" y="{}" text-anchor="middle" fill="#333">{}</text>"##,
            x(i),
            y(*v),
            x(i),
            y(*v) - 8.0,
            p.shown,
            x(i),
            base + 16.0,
            escape(period)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Equirectangular projection around Ukraine's middle latitude.
fn project(lon: f64, lat: f64) -> (f64, f64) {
    let k = 30.0;
    let x = (lon - 22.0) * k * (48.5f64.to_radians()).cos();
    let y = (52.5 - lat) * k;
    (x + 10.0, y + 10.0)
}

fn ring_path(ring: &serde_json::Value, out: &mut String) {
    let Some(points) = ring.as_array() else { return };
    for (i, p) in points.iter().enumerate() {
        let (Some(lon), Some(lat)) = (p.get(0).and_then(|v| v.as_f64()), p.get(1).and_then(|v| v.as_f64())) else { continue };
        let (x, y) = project(lon, lat);
        let _ = write!(out, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
    }
    out.push('Z');
}

fn map(by_oblast: &[Count]) -> String {
    let max = by_oblast.iter().map(|c| c.n).max().unwrap_or(0);
    let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 270" width="640" height="432" role="img" aria-label="Incidents by oblast" font-family="sans-serif" font-size="9">"#);
    for (_, json) in litopys_gazetteer::boundaries() {
        let Ok(feature) = serde_json::from_str::<serde_json::Value>(json) else { continue };
        let name = feature["properties"]["admin1"].as_str().unwrap_or_default();
        let n = by_oblast.iter().find(|c| c.name == name).map_or(0, |c| c.n);
        // four classes of equal width between 1 and the largest count
        let shade = if n == 0 { SHADES[0] } else { SHADES[1 + ((n - 1) * 4 / max.max(1)).min(3)] };
        let mut d = String::new();
        let geometry = &feature["geometry"];
        match geometry["type"].as_str() {
            Some("Polygon") => geometry["coordinates"].as_array().into_iter().flatten().for_each(|r| ring_path(r, &mut d)),
            Some("MultiPolygon") => geometry["coordinates"].as_array().into_iter().flatten().flat_map(|p| p.as_array().into_iter().flatten()).for_each(|r| ring_path(r, &mut d)),
            _ => {}
        }
        let _ = write!(svg, r##"<path d="{d}" fill="{shade}" stroke="#fff" stroke-width="0.6"><title>{}: {n}</title></path>"##, escape(name));
    }
    svg.push_str("</svg>");
    svg
}
