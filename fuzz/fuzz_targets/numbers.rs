//! The number grammar on arbitrary text: never panics, and every number's
//! span lies on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tolltrack::extract::number::numbers;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last_end = 0;
    for n in numbers(&text) {
        assert!(n.start < n.end && n.end <= text.len(), "span {}..{}", n.start, n.end);
        assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        assert!(n.start >= last_end, "numbers overlap or go backwards");
        last_end = n.end;
    }
});
