//! Ingest on arbitrary bytes as HTML, JSON Lines and plain text, each
//! document then extracted: never panics, and every input yields at least one
//! item (a document or a skip with its reason) — nothing vanishes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tolltrack::extract;
use tolltrack::ingest::{read_bytes, Format, Item, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    for (name, format) in [("page.html", Format::Html), ("feed.jsonl", Format::Jsonl), ("story.txt", Format::Text)] {
        let items = read_bytes(name, format, data.to_vec(), &options);
        if format != Format::Jsonl {
            assert_eq!(items.len(), 1, "a whole-file input is one document or one skip");
        }
        for item in items {
            match item {
                Item::Doc(doc, _) => {
                    let _ = extract::figures(&doc);
                }
                Item::Skip { reason, .. } => assert!(!reason.is_empty()),
            }
        }
    }
});
