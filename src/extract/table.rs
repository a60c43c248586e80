//! Tables of counts written as text, the way flash updates and pasted
//! spreadsheets write them: cells split by `|`, a header row naming what
//! each column counts, and rows of a name and numbers.
//!
//! ```text
//! Casualties in the most affected provinces (as of 12 September)
//! Province | Dead | Missing
//! Lao Cai | 97 | 61
//! Yen Bai | 48 | 14
//! ```
//!
//! A column counts a metric when its header is a cue noun of that metric
//! ("Dead", "Missing", "Injured", "Displaced"). Each number under such a
//! column is a figure: a running total (§4) at the place its row names,
//! dated by the day the caption line above the header names ("as of 12
//! September"), or by the publication date. No sentence grammar reads
//! these rows: they have no verbs and no cue words of their own.

use chrono::NaiveDate;

use super::date::{self, DateOrder, Role};
use super::number::{self, Form};
use super::token::tokens;
use super::who::{cue_at, is_people};
use super::Metric;

/// One count read from a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub metric: Metric,
    pub value: u64,
    /// Byte offsets of the number in the text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of its row (the figure's quote).
    pub row: (usize, usize),
    /// The row's name, as written ("Lao Cai"), or `None` for a row that
    /// sums others ("Total", "Other municipalities").
    pub name: Option<String>,
    /// The day the caption names, if any.
    pub date: Option<NaiveDate>,
    /// The day the caption counts from ("since November 21"), if any.
    pub since: Option<NaiveDate>,
}

/// Every count in the text's tables, in text order.
pub fn cells(text: &str, published: Option<NaiveDate>, order: DateOrder) -> Vec<Cell> {
    // Most texts have no table: one byte search spares them the line walk.
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let lines = lines(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let (start, end) = lines[k];
        let Some(columns) = header(&text[start..end]) else {
            k += 1;
            continue;
        };
        let caption = k
            .checked_sub(1)
            .map(|c| &text[lines[c].0..lines[c].1])
            .filter(|caption| !caption.contains('|'));
        let (date, since) = caption.map_or((None, None), |c| caption_days(c, published, order));
        let since = since.filter(|&s| date.or(published).is_none_or(|d| s <= d));
        k += 1;
        while k < lines.len() {
            let (rs, re) = lines[k];
            let Some(row) = row(&text[rs..re], &columns) else {
                break;
            };
            for (metric, value, s, e) in row.counts {
                out.push(Cell {
                    metric,
                    value,
                    start: rs + s,
                    end: rs + e,
                    row: (rs, re),
                    name: (!sums(row.name)).then(|| row.name.to_string()),
                    date,
                    since,
                });
            }
            k += 1;
        }
    }
    out
}

/// First words of a row that sums or gathers others rather than naming a place.
const SUMS: &[&str] = &[
    "total", "totals", "overall", "all", "other", "others", "sum",
];

/// Whether a row's name sums other rows: "Total", "Other municipalities".
fn sums(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    SUMS.iter().any(|w| w.eq_ignore_ascii_case(first))
}

/// The non-empty lines of `text`, trimmed, as byte spans.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push((at + lead, at + lead + body.len()));
        }
        at += line.len() + 1;
    }
    out
}

/// The cells of a table line with their offsets in it, trimmed; `None`
/// for a line that is no table row (fewer than two cells).
fn split(line: &str) -> Option<Vec<(usize, &str)>> {
    if !line.contains('|') {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for cell in line.split('|') {
        let lead = cell.len() - cell.trim_start().len();
        out.push((at + lead, cell.trim()));
        at += cell.len() + 1;
    }
    // A border bar at either end leaves an empty cell.
    if out.first().is_some_and(|c| c.1.is_empty()) {
        out.remove(0);
    }
    if out.last().is_some_and(|c| c.1.is_empty()) {
        out.pop();
    }
    (out.len() >= 2).then_some(out)
}

/// A header: a first cell that names the rows, then at least one column
/// whose header is a cue of a metric, alone or with a noun for people
/// ("Dead", "Displaced individuals", "People missing"). The metric of each
/// column.
fn header(line: &str) -> Option<Vec<Option<Metric>>> {
    let cells = split(line)?;
    let columns: Vec<Option<Metric>> = cells
        .iter()
        .map(|&(_, cell)| {
            let toks = tokens(cell);
            let (at, (cue, n)) = (0..toks.len())
                .find_map(|i| Some((i, cue_at(&toks, i, |c| c.metric.is_some())?)))?;
            let people = (0..toks.len())
                .filter(|&k| k < at || k >= at + n)
                .all(|k| is_people(&toks, k));
            people.then_some(cue.metric).flatten()
        })
        .collect();
    (columns[0].is_none() && columns[1..].iter().any(Option::is_some)).then_some(columns)
}

/// A data row under `columns`: its name, and (metric, value, start, end) of
/// each count in a metric's column.
struct Row<'a> {
    name: &'a str,
    counts: Vec<(Metric, u64, usize, usize)>,
}

/// A row of the header's width whose first cell is a name and whose metric
/// cells are plain numbers ("97", "1,200"); a blank, dash or zero cell is no count.
fn row<'a>(line: &'a str, columns: &[Option<Metric>]) -> Option<Row<'a>> {
    let cells = split(line)?;
    if cells.len() != columns.len() {
        return None;
    }
    let name = cells[0].1;
    if !name.starts_with(char::is_alphabetic) {
        return None;
    }
    let mut counts = Vec::new();
    for (&(at, cell), metric) in cells.iter().zip(columns).skip(1) {
        let Some(metric) = metric else { continue };
        if cell.is_empty() || cell.chars().all(|c| matches!(c, '-' | '–' | '—')) {
            continue;
        }
        let nums = number::numbers(cell);
        match nums.as_slice() {
            // A zero is no figure (§2: zero statements).
            [n] if n.start == 0 && n.end == cell.len() && n.form == Form::Digits => {
                if n.value > 0 {
                    counts.push((*metric, n.value, at, at + cell.len()));
                }
            }
            // Anything else in a count's column: this is no table of counts.
            _ => return None,
        }
    }
    Some(Row { name, counts })
}

/// The day a caption names ("as of 12 September, 10:00") and the day it
/// counts from ("casualties since November 21"), each if it names one; the
/// caption's dates are read once for both.
fn caption_days(
    caption: &str,
    published: Option<NaiveDate>,
    order: DateOrder,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let Some(reference) = published else {
        return (None, None);
    };
    let dates = date::dates(caption, reference, order);
    let day = dates
        .iter()
        .rev()
        .find(|d| d.role == Role::Day && d.first <= reference)
        .map(|d| d.first);
    let since = dates
        .iter()
        .find(|d| d.role == Role::Since)
        .map(|d| d.first);
    (day, since)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_a_header_and_rows() {
        let text = "Casualties by province (as of 3 March)\n\
                    Province | Killed | Injured | Houses damaged\n\
                    Kandahar | 41 | 112 | 2,300\n\
                    Helmand | 9 | - | 800\n\
                    \n\
                    Officials said the count was preliminary.";
        let got: Vec<(Metric, u64, &str, Option<NaiveDate>, &str)> = cells(
            text,
            NaiveDate::from_ymd_opt(2025, 3, 5),
            DateOrder::default(),
        )
        .iter()
        .map(|c| {
            let row = &text[c.row.0..c.row.1];
            (c.metric, c.value, &text[c.start..c.end], c.date, row)
        })
        .collect();
        let day = NaiveDate::from_ymd_opt(2025, 3, 3);
        assert_eq!(
            got,
            vec![
                (Metric::Killed, 41, "41", day, "Kandahar | 41 | 112 | 2,300"),
                (
                    Metric::Injured,
                    112,
                    "112",
                    day,
                    "Kandahar | 41 | 112 | 2,300"
                ),
                (Metric::Killed, 9, "9", day, "Helmand | 9 | - | 800"),
            ]
        );
    }

    #[test]
    fn a_cue_with_a_people_noun_heads_a_column_and_a_total_row_names_no_place() {
        let text = "Municipality | Displaced individuals | Households\n\
                    Sirte | 1,200 | 240\n\
                    Total | 1,450 | 290\n";
        let got: Vec<(Metric, u64, Option<String>)> = cells(
            text,
            NaiveDate::from_ymd_opt(2025, 3, 5),
            DateOrder::default(),
        )
        .into_iter()
        .map(|c| (c.metric, c.value, c.name))
        .collect();
        assert_eq!(
            got,
            vec![
                (Metric::Displaced, 1200, Some("Sirte".to_string())),
                (Metric::Displaced, 1450, None),
            ]
        );
    }

    /// A caption that counts from a day gives each cell its period.
    #[test]
    fn a_caption_since_a_day_starts_the_period() {
        let text = "Casualties by province since November 21 (as of Friday)\n\
                    Province | Deaths\n\
                    Songkhla | 118\n";
        let got: Vec<(Option<NaiveDate>, Option<NaiveDate>)> = cells(
            text,
            NaiveDate::from_ymd_opt(2025, 11, 28),
            DateOrder::default(),
        )
        .iter()
        .map(|c| (c.since, c.date))
        .collect();
        assert_eq!(
            got,
            [(
                NaiveDate::from_ymd_opt(2025, 11, 21),
                NaiveDate::from_ymd_opt(2025, 11, 28)
            )]
        );
    }

    #[test]
    fn no_header_of_metrics_no_table() {
        let text = "Team | Goals | Points\nLions | 12 | 30\n";
        assert!(cells(
            text,
            NaiveDate::from_ymd_opt(2025, 3, 5),
            DateOrder::default()
        )
        .is_empty());
        // A menu bar is no table either.
        let text = "Home | World | Sport\nKilled | 3\n";
        assert!(cells(
            text,
            NaiveDate::from_ymd_opt(2025, 3, 5),
            DateOrder::default()
        )
        .is_empty());
    }
}
