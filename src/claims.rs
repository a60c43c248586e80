//! Claims: one fact stated by many documents (or many times in one) shares a
//! `claim` id, so a series counts it once and says how many sources stand
//! behind it (issue #5).
//!
//! Two figures state the same fact when they have the same metric, the same
//! place (country code, else `where` ignoring case), the same value and
//! bounds, compatible `who` (equal, or one of them unnamed or "people"), and
//! dates no more than a day apart. The id is a hash of the metric, place,
//! value and the cluster's first date, so the same inputs always give the
//! same ids, whatever their order.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::extract::Figure;
use crate::series::group_of;

/// A group key: what must be equal for two figures to state one fact.
type Key = (&'static str, String, u64, Option<u64>, Option<u64>);

/// The place as the gazetteer knows it (so "Kyiv" and "Kiev" agree), else as written.
fn place_key(f: &Figure) -> String {
    match (&f.country, f.lat, f.lon, &f.place) {
        (Some(c), Some(lat), Some(lon), _) => format!("{c}@{lat:.2},{lon:.2}"),
        (_, _, _, Some(p)) => p.trim().to_lowercase(),
        (Some(c), _, _, None) => c.clone(),
        _ => String::new(),
    }
}

/// The group counted, normalised: lower case, without a plural "s".
pub fn normalise_who(who: Option<&str>) -> Option<String> {
    let w = who?.trim().to_lowercase();
    if w.is_empty() || w == "people" || w == "persons" {
        return None;
    }
    Some(w.strip_suffix('s').map(str::to_string).unwrap_or(w))
}

fn compatible(a: &Figure, b: &Figure) -> bool {
    match (
        normalise_who(a.who.as_deref()),
        normalise_who(b.who.as_deref()),
    ) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// FNV-1a, 64 bits: small, stable across platforms and releases. Bytes
/// fed in pieces hash as their concatenation.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn feed(&mut self, bytes: &[u8]) -> &mut Fnv {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
}

/// The claim id of a cluster starting on `first`: the hash of
/// "metric|place|value|YYYY-MM-DD", fed in pieces (no string is built: an
/// id is made for every dated figure).
fn id(metric: &str, place: &str, value: u64, first: NaiveDate) -> String {
    let mut h = Fnv::new();
    h.feed(metric.as_bytes())
        .feed(b"|")
        .feed(place.as_bytes())
        .feed(b"|");
    h.feed(itoa::Buffer::new().format(value).as_bytes())
        .feed(b"|");
    match crate::export::iso_date(first) {
        Some(iso) => h.feed(&iso),
        None => h.feed(first.to_string().as_bytes()),
    };
    // "k" and twelve hex digits, as `format!("k{:012x}")` writes them
    // (the formatter cost more than the hashing).
    let hash = h.0 & 0xffff_ffff_ffff;
    let mut out = String::with_capacity(13);
    out.push('k');
    for shift in (0..12).rev() {
        let nibble = ((hash >> (shift * 4)) & 0xf) as u32;
        out.push(char::from_digit(nibble, 16).unwrap_or('0'));
    }
    out
}

/// Give each figure the id of its own day's claim, without looking at other
/// documents: what a streaming `extract` can know. [`assign`] then also joins
/// reports a day apart, keeping the earliest day's id.
pub fn assign_each(figs: &mut [Figure]) {
    DayClaims::default().assign(figs);
}

/// [`assign_each`] for a stream of documents: the place keys made for one
/// call are kept for the next. Formatting a place's coordinates was most of
/// an id's cost, and a corpus names the same few hundred places over and
/// over. The keys are those of gazetteer places (only they have
/// coordinates), so the cache is bounded by the gazetteer, not the input.
#[derive(Default)]
pub struct DayClaims {
    /// Coordinates' bits → (country, place key): one coordinate pair may
    /// stand for places of two countries.
    keys: HashMap<(u64, u64), Vec<(String, String)>, foldhash::fast::RandomState>,
}

impl DayClaims {
    /// Give each figure of `figs` the id of its own day's claim.
    pub fn assign(&mut self, figs: &mut [Figure]) {
        for f in figs.iter_mut() {
            let Some(d) = f.date else {
                f.claim = None;
                continue;
            };
            let metric = f.metric.as_str();
            f.claim = Some(match (&f.country, f.lat, f.lon) {
                (Some(c), Some(lat), Some(lon)) => {
                    let known = self.keys.entry((lat.to_bits(), lon.to_bits())).or_default();
                    if let Some((_, key)) = known.iter().find(|(k, _)| k == c) {
                        id(metric, key, f.value, d)
                    } else {
                        let key = place_key(f);
                        let claim = id(metric, &key, f.value, d);
                        known.push((c.clone(), key));
                        claim
                    }
                }
                _ => id(metric, &place_key(f), f.value, d),
            });
        }
    }
}

/// Give every dated figure its claim id.
pub fn assign(figs: &mut [Figure]) {
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        if f.date.is_none() {
            continue;
        }
        groups
            .entry((f.metric.as_str(), place_key(f), f.value, f.low, f.high))
            .or_default()
            .push(i);
    }
    for ((metric, place, value, _, _), mut members) in groups {
        members.sort_by_key(|&i| (figs[i].date, figs[i].doc.clone(), figs[i].start));
        // Chain figures whose dates are at most a day apart and whose groups agree.
        let mut clusters: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
        for i in members {
            let date = figs[i].date.expect("dated");
            let home = clusters.iter_mut().rev().find(|(_, c)| {
                let last = figs[*c.last().expect("non-empty")].date.expect("dated");
                (date - last).num_days() <= 1 && c.iter().all(|&j| compatible(&figs[i], &figs[j]))
            });
            match home {
                Some((_, c)) => c.push(i),
                None => clusters.push((date, vec![i])),
            }
        }
        for (first, members) in clusters {
            let id = id(metric, &place, value, first);
            for i in members {
                figs[i].claim = Some(id.clone());
            }
        }
    }
}

/// One row of the claims table.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub claim: String,
    pub metric: &'static str,
    pub place: String,
    pub country: String,
    pub value: u64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
    pub figures: usize,
    pub sources: usize,
    pub first_report: String,
    pub first_published: Option<NaiveDate>,
    pub documents: Vec<String>,
}

/// The claims table: one row per claim, most-sourced first.
pub fn table(figs: &[Figure]) -> Vec<Claim> {
    let mut by_claim: BTreeMap<&str, Vec<&Figure>> = BTreeMap::new();
    for f in figs {
        if let Some(c) = f.claim.as_deref() {
            by_claim.entry(c).or_default().push(f);
        }
    }
    let mut out: Vec<Claim> = by_claim
        .into_iter()
        .map(|(id, fs)| {
            let mut docs: Vec<String> = fs.iter().map(|f| f.doc.clone()).collect();
            docs.sort();
            docs.dedup();
            let first = fs
                .iter()
                .min_by_key(|f| (f.published, f.date, f.doc.clone()))
                .expect("non-empty claim");
            Claim {
                claim: id.to_string(),
                metric: first.metric.as_str(),
                place: group_of(first, crate::series::By::Where),
                country: first.country.clone().unwrap_or_default(),
                value: first.value,
                low: first.low,
                high: first.high,
                first_date: fs.iter().filter_map(|f| f.date).min().expect("dated"),
                last_date: fs.iter().filter_map(|f| f.date).max().expect("dated"),
                figures: fs.len(),
                sources: docs.len(),
                first_report: first.doc.clone(),
                first_published: first.published,
                documents: docs,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then(a.first_date.cmp(&b.first_date))
            .then(a.claim.cmp(&b.claim))
    });
    out
}

/// Write the claims table as CSV.
pub fn write_csv(claims: &[Claim], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    writeln!(w, "claim,metric,where,country,value,low,high,first_date,last_date,figures,sources,first_report,first_published,documents")?;
    let opt = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for c in claims {
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            c.claim,
            c.metric,
            quote(&c.place),
            c.country,
            c.value,
            opt(c.low),
            opt(c.high),
            c.first_date,
            c.last_date,
            c.figures,
            c.sources,
            quote(&c.first_report),
            c.first_published.map_or(String::new(), |d| d.to_string()),
            quote(&c.documents.join(";"))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Kind, Metric, Qualifier};

    fn figure(country: Option<&str>, at: Option<(f64, f64)>, place: Option<&str>) -> Figure {
        Figure {
            doc: "d".into(),
            published: None,
            date: NaiveDate::from_ymd_opt(2024, 3, 1),
            period_start: None,
            metric: Metric::Killed,
            value: 12,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            kind: Kind::Event,
            who: None,
            place: place.map(str::to_string),
            sentence: "12 killed".into(),
            start: 0,
            end: 2,
            published_inferred: false,
            country: country.map(str::to_string),
            lat: at.map(|p| p.0),
            lon: at.map(|p| p.1),
            claim: None,
            subcount: false,
        }
    }

    /// The id as first defined: FNV-1a of the formatted key, in hex.
    fn id_by_format(metric: &str, place: &str, value: u64, first: NaiveDate) -> String {
        let key = format!("{metric}|{place}|{value}|{first}");
        let h = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        format!("k{:012x}", h & 0xffff_ffff_ffff)
    }

    /// Ids made from pieces are the ids of the formatted key, for any
    /// value and year (outside four digits too).
    #[test]
    fn ids_hash_the_formatted_key() {
        let dates = [
            (2024, 3, 1),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (12000, 6, 5),
            (-44, 3, 15),
        ];
        for (y, m, d) in dates {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
            for value in [0, 7, 10, 12, 1_000, 44_000, u64::MAX] {
                for place in ["", "SD@13.63,25.35", "zamzam camp"] {
                    assert_eq!(
                        id("killed", place, value, day),
                        id_by_format("killed", place, value, day)
                    );
                }
            }
        }
    }

    /// The per-place key cache gives each figure the id it would get alone:
    /// the same coordinates under another country, a place without
    /// coordinates and an undated figure included.
    #[test]
    fn cached_place_keys_give_the_ids_of_a_fresh_computation() {
        let mut figs = vec![
            figure(Some("SD"), Some((13.63, 25.35)), Some("El Fasher")),
            figure(Some("SD"), Some((13.63, 25.35)), Some("al-Fashir")),
            figure(Some("TD"), Some((13.63, 25.35)), Some("El Fasher")),
            figure(None, None, Some("Zamzam camp")),
            figure(Some("SD"), None, None),
        ];
        let mut undated = figure(Some("SD"), Some((15.5, 32.56)), None);
        undated.date = None;
        figs.push(undated);
        let expected: Vec<Option<String>> = figs
            .iter()
            .map(|f| {
                f.date
                    .map(|d| id(f.metric.as_str(), &place_key(f), f.value, d))
            })
            .collect();
        assign_each(&mut figs);
        let got: Vec<Option<String>> = figs.iter().map(|f| f.claim.clone()).collect();
        assert_eq!(got, expected);
        assert_eq!(got[0], got[1]);
        assert_ne!(got[0], got[2]);
        assert_eq!(got[5], None);
    }
}
