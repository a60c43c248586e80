//! Micro-benchmarks of the three grammars on fixed sentences (divan):
//! `cargo bench`. Each checks its result first, so a benchmark never times a
//! grammar that has stopped working. Not run in CI.

use chrono::NaiveDate;
use divan::black_box;
use tolltrack::extract::{self, date, number};
use tolltrack::{Document, Metric};

fn main() {
    // The gazetteer loads once, outside the timings.
    tolltrack::extract::bundled::gazetteer();
    divan::main();
}

const NUMBERS: &str = "At least twenty-one people were killed and 2.3 million displaced, \
    tens of thousands fled and between 1,200 and 1,500 soldiers were deployed.";

#[divan::bench]
fn numbers() -> usize {
    let values = number::values(black_box(NUMBERS));
    assert_eq!(values, [21, 2_300_000, 1_200, 1_500]);
    values.len()
}

const DATES: &str = "Since Dec. 1, more than 40,000 people have fled, the U.N. said on \
    Monday, and 12 were killed in the past 48 hours, up from 9 on 3 March.";

#[divan::bench]
fn dates() -> usize {
    let reference = NaiveDate::from_ymd_opt(2025, 3, 11).expect("date");
    let found = date::dates(black_box(DATES), reference, date::DateOrder::Unambiguous);
    assert_eq!(found.len(), 4, "{found:?}");
    found.len()
}

const STORY: &str = "GOMA, Congo, Jan. 28, 2025 (Wire) — At least 17 people were killed \
    and 367 wounded in two days of fighting in Goma, the health ministry said on \
    Tuesday. More than 400,000 people have been displaced since the start of the \
    year, including 60,000 in the past week, the U.N. refugee agency said. \
    Some 4,000 Rwandan troops are fighting alongside the rebels, U.N. experts said.";

#[divan::bench]
fn figures() -> usize {
    let doc = Document::new("bench", NaiveDate::from_ymd_opt(2025, 1, 28), STORY);
    let figs = extract::figures(black_box(&doc));
    let killed = figs
        .iter()
        .find(|f| f.metric == Metric::Killed)
        .expect("killed");
    assert_eq!(killed.value, 17);
    assert!(figs.len() >= 4, "{figs:?}");
    figs.len()
}
