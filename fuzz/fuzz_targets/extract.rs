//! The whole extractor on arbitrary text: never panics, every figure's quote
//! span is inside the text on character boundaries, and its bounds hold
//! `low <= value <= high`.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use tolltrack::{extract, Document};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", NaiveDate::from_ymd_opt(2024, 2, 29), &text);
    for f in extract::figures(&doc) {
        assert!(f.start < f.end && f.end <= text.len(), "span {}..{}", f.start, f.end);
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        if let Some(low) = f.low {
            assert!(low <= f.value, "low {low} > value {}", f.value);
        }
        if let Some(high) = f.high {
            assert!(f.value <= high, "value {} > high {high}", f.value);
        }
        if let (Some(start), Some(date)) = (f.period_start, f.date) {
            assert!(start <= date, "period_start {start} after date {date}");
        }
    }
});
