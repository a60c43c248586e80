//! Locate: a figure's `where` (§5) — the most specific place its sentence
//! names, else the place the story is about (its dateline, then its most
//! mentioned place) — with the gazetteer's country and coordinates.

use std::collections::HashMap;

use super::link::Found;
use super::place::{gazetteer, Mention, PlaceKind};

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// As the text names it ("Aleppo province", "Jenin").
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City => 3,
        PlaceKind::Admin1 => 2,
        PlaceKind::Region => 1,
        PlaceKind::Country => 0,
    }
}

fn located(text: &str, m: &Mention) -> Located {
    let g = gazetteer();
    let p = g.place(m.place);
    let surface = text[m.start..m.end].trim();
    let surface = surface.strip_prefix("the ").unwrap_or(surface);
    // A dateline in capitals ("EL FASHER") reads better by its gazetteer name.
    let shouting = surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && surface.len() > 3;
    let name = if shouting {
        p.name.clone()
    } else {
        surface.to_string()
    };
    Located {
        name,
        country: Some(p.country.clone()),
        lat: Some(p.lat),
        lon: Some(p.lon),
    }
}

/// The place a story is about: its dateline's place, else its most mentioned place.
pub fn story_place(text: &str) -> Option<Located> {
    let mentions: Vec<Mention> = gazetteer()
        .mentions(text)
        .into_iter()
        .filter(|m| !m.demonym)
        .collect();
    // A dateline: a place in the first line's opening words, before a comma or dash.
    let first_line_end = text.floor_char_boundary(text.find('\n').unwrap_or(text.len()).min(120));
    let head = &text[..first_line_end];
    let dateline_end = head.find([',', '\u{2014}', '(']).unwrap_or(0);
    if let Some(m) = mentions.iter().find(|m| m.end <= dateline_end) {
        return Some(located(text, m));
    }
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        counts.entry(m.place).or_insert((0, k)).0 += 1;
    }
    let best = counts
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
    Some(located(text, &mentions[best.1 .1]))
}

/// The place of `found` in sentence `s`, else the story's.
pub fn place(s: &str, found: &Found, story: Option<&Located>) -> Option<Located> {
    let g = gazetteer();
    let mentions: Vec<Mention> = g.mentions(s).into_iter().filter(|m| !m.demonym).collect();
    let distance = |m: &Mention| {
        if m.end <= found.start {
            found.start - m.end
        } else {
            m.start.saturating_sub(found.end)
        }
    };
    let best = mentions.iter().max_by(|a, b| {
        let (ka, kb) = (
            specificity(g.place(a.place).kind),
            specificity(g.place(b.place).kind),
        );
        ka.cmp(&kb).then(distance(b).cmp(&distance(a)))
    });
    match best {
        Some(m) => Some(located(s, m)),
        None => story.cloned(),
    }
}
