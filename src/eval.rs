//! Eval: score figures against a gold file exactly as
//! `shared/spec/score.py` does (FIGURES.md §7): a prediction matches a gold
//! figure with the same doc, metric and value, each gold figure at most one
//! prediction, predictions with the gold's date preferred; then date, kind,
//! where and period_start agreement over the matched pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::extract::Figure;

/// One gold figure (only the fields scoring reads).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub doc: String,
    pub metric: String,
    pub value: f64,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default, rename = "where")]
    pub place: Option<String>,
    #[serde(default)]
    pub period_start: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
}

/// Read a gold JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<Gold>> {
    let file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let g: Gold = serde_json::from_str(&line).map_err(|e| Error::Table {
            path: path.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        out.push(g);
    }
    Ok(out)
}

/// A prediction as the scorer sees it: text fields, empty as None.
#[derive(Debug, Clone)]
struct Pred {
    doc: String,
    metric: String,
    value: i64,
    date: Option<String>,
    kind: Option<String>,
    place: Option<String>,
    period_start: Option<String>,
}

impl Pred {
    fn of(f: &Figure) -> Pred {
        let s = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Pred {
            doc: f.doc.trim().to_string(),
            metric: f.metric.as_str().to_string(),
            value: f.value as i64,
            date: f.date.map(|d| d.to_string()),
            kind: Some(f.kind.as_str().to_string()),
            place: s(f.place.as_deref()),
            period_start: f.period_start.map(|d| d.to_string()),
        }
    }
}

/// Per-metric counts.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricScore {
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
}

/// The scores.
#[derive(Debug, Clone)]
pub struct Score {
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub date_acc: f64,
    pub kind_acc: f64,
    pub where_acc: f64,
    pub period_start_acc: f64,
    pub per_metric: BTreeMap<String, MetricScore>,
    /// Gold figures no prediction matched.
    pub missed: Vec<Gold>,
    /// Predictions that matched no gold figure: (doc, metric, value, sentence).
    pub extra: Vec<(String, String, u64, String)>,
    /// Matched pairs whose date, kind or where disagree: (gold, predicted figure).
    pub disagreements: Vec<(Gold, Figure)>,
}

/// `round(x, n)` as the reference scorer prints it.
fn round(x: f64, n: i32) -> f64 {
    let m = 10f64.powi(n);
    (x * m).round() / m
}

/// Score predictions against gold.
pub fn score(gold: &[Gold], figs: &[Figure]) -> Score {
    let pred: Vec<Pred> = figs.iter().map(Pred::of).collect();
    let mut by_key: HashMap<(&str, &str, i64), Vec<usize>> = HashMap::new();
    for (i, p) in pred.iter().enumerate() {
        by_key
            .entry((&p.doc, &p.metric, p.value))
            .or_default()
            .push(i);
    }
    let mut used: HashSet<usize> = HashSet::new();
    let mut matched: HashMap<usize, usize> = HashMap::new();
    for want_date in [true, false] {
        for (gi, g) in gold.iter().enumerate() {
            if matched.contains_key(&gi) {
                continue;
            }
            let Some(cands) = by_key.get(&(g.doc.as_str(), g.metric.as_str(), g.value as i64))
            else {
                continue;
            };
            for &pi in cands {
                if used.contains(&pi) || (want_date && pred[pi].date != g.date) {
                    continue;
                }
                used.insert(pi);
                matched.insert(gi, pi);
                break;
            }
        }
    }
    let pairs: Vec<(&Gold, &Pred, usize)> = gold
        .iter()
        .enumerate()
        .filter_map(|(gi, g)| matched.get(&gi).map(|&pi| (g, &pred[pi], pi)))
        .collect();
    let tp = pairs.len();
    let precision = if pred.is_empty() {
        0.0
    } else {
        tp as f64 / pred.len() as f64
    };
    let recall = if gold.is_empty() {
        0.0
    } else {
        tp as f64 / gold.len() as f64
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let lower = |x: &Option<String>| {
        x.as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
    };
    let share = |ok: usize| if tp > 0 { ok as f64 / tp as f64 } else { 0.0 };
    let date_ok = pairs.iter().filter(|(g, p, _)| g.date == p.date).count();
    let kind_ok = pairs.iter().filter(|(g, p, _)| g.kind == p.kind).count();
    let where_ok = pairs
        .iter()
        .filter(|(g, p, _)| lower(&g.place) == lower(&p.place))
        .count();
    let ps_ok = pairs
        .iter()
        .filter(|(g, p, _)| g.period_start == p.period_start)
        .count();
    let metrics: BTreeSet<String> = gold
        .iter()
        .map(|g| g.metric.clone())
        .chain(pred.iter().map(|p| p.metric.clone()))
        .collect();
    let per_metric = metrics
        .into_iter()
        .map(|m| {
            let s = MetricScore {
                gold: gold.iter().filter(|g| g.metric == m).count(),
                pred: pred.iter().filter(|p| p.metric == m).count(),
                tp: pairs.iter().filter(|(g, _, _)| g.metric == m).count(),
            };
            (m, s)
        })
        .collect();
    let disagreements = pairs
        .iter()
        .filter(|(g, p, _)| {
            g.date != p.date
                || g.kind != p.kind
                || lower(&g.place) != lower(&p.place)
                || g.period_start != p.period_start
        })
        .map(|(g, _, pi)| ((*g).clone(), figs[*pi].clone()))
        .collect();
    Score {
        gold: gold.len(),
        pred: pred.len(),
        tp,
        precision: round(precision, 4),
        recall: round(recall, 4),
        f1: round(f1, 4),
        date_acc: round(share(date_ok), 4),
        kind_acc: round(share(kind_ok), 4),
        where_acc: round(share(where_ok), 4),
        period_start_acc: round(share(ps_ok), 4),
        per_metric,
        missed: gold
            .iter()
            .enumerate()
            .filter(|(gi, _)| !matched.contains_key(gi))
            .map(|(_, g)| g.clone())
            .collect(),
        extra: figs
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, f)| {
                (
                    f.doc.clone(),
                    f.metric.as_str().to_string(),
                    f.value,
                    f.sentence.clone(),
                )
            })
            .collect(),
        disagreements,
    }
}

impl Score {
    /// The JSON `score.py --json` prints.
    pub fn to_json(&self) -> Value {
        let ratio = |a: usize, b: usize| {
            if b > 0 {
                json!(round(a as f64 / b as f64, 3))
            } else {
                Value::Null
            }
        };
        let per: serde_json::Map<String, Value> = self
            .per_metric
            .iter()
            .map(|(m, s)| (m.clone(), json!({"gold": s.gold, "pred": s.pred, "tp": s.tp, "p": ratio(s.tp, s.pred), "r": ratio(s.tp, s.gold)})))
            .collect();
        json!({
            "gold": self.gold, "pred": self.pred, "tp": self.tp,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "date_acc": self.date_acc, "kind_acc": self.kind_acc, "where_acc": self.where_acc,
            "period_start_acc": self.period_start_acc, "per_metric": per,
        })
    }

    /// The human report: per metric P/R/F1, misses and extras (up to `show`), then the summary line.
    pub fn report(&self, show: usize) -> String {
        let mut out = String::new();
        let f = |x: f64| format!("{x:.3}");
        for (m, s) in &self.per_metric {
            let p = if s.pred > 0 {
                s.tp as f64 / s.pred as f64
            } else {
                0.0
            };
            let r = if s.gold > 0 {
                s.tp as f64 / s.gold as f64
            } else {
                0.0
            };
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            let _ = writeln!(
                out,
                "  {m:10} gold {:4} pred {:4} tp {:4}  P {}  R {}  F1 {}",
                s.gold,
                s.pred,
                s.tp,
                f(p),
                f(r),
                f(f1)
            );
        }
        for g in self.missed.iter().take(show) {
            let _ = writeln!(
                out,
                "  MISSED {} {} {} | {}",
                g.doc,
                g.metric,
                g.value,
                g.quote.as_deref().unwrap_or("")
            );
        }
        for (doc, metric, value, sentence) in self.extra.iter().take(show) {
            let _ = writeln!(out, "  EXTRA  {doc} {metric} {value} | {sentence}");
        }
        for (g, p) in self.disagreements.iter().take(show) {
            let d = |x: Option<chrono::NaiveDate>| x.map_or("-".to_string(), |d| d.to_string());
            let _ = writeln!(
                out,
                "  DIFF   {} {} {} | gold date {} ps {} kind {} where {} | got date {} ps {} kind {} where {}",
                g.doc, g.metric, g.value,
                g.date.as_deref().unwrap_or("-"), g.period_start.as_deref().unwrap_or("-"), g.kind.as_deref().unwrap_or("-"), g.place.as_deref().unwrap_or("-"),
                d(p.date), d(p.period_start), p.kind.as_str(), p.place.as_deref().unwrap_or("-"),
            );
        }
        let _ = writeln!(
            out,
            "P {:.3} R {:.3} F1 {:.3} | date {:.3} kind {:.3} where {:.3} period_start {:.3} (gold {}, pred {})",
            self.precision, self.recall, self.f1, self.date_acc, self.kind_acc, self.where_acc, self.period_start_acc, self.gold, self.pred
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_round_to_four_places() {
        assert_eq!(round(2.0 / 3.0, 4), 0.6667);
        assert_eq!(round(1.0, 4), 1.0);
    }
}
