//! The date grammar on arbitrary text, in all three numeric date orders and
//! against a reference date chosen by the input: never panics, spans are on
//! character boundaries, and every period runs forwards.
#![no_main]

use chrono::{Duration, NaiveDate};
use libfuzzer_sys::fuzz_target;
use tolltrack::extract::date::{dates, DateOrder};

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(2));
    let shift = head.iter().fold(0i64, |a, &b| a * 256 + b as i64);
    let reference = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(shift % 20_000);
    let text = String::from_utf8_lossy(body);
    for order in [DateOrder::Unambiguous, DateOrder::Mdy, DateOrder::Dmy] {
        for d in dates(&text, reference, order) {
            assert!(d.start < d.end && d.end <= text.len());
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            assert!(d.first <= d.last, "{} > {}", d.first, d.last);
        }
    }
});
