//! Inflate the bundled gazetteer and build its table at build time. The
//! repository keeps the data gzip'd (0.55 MB); the binary carries the text
//! (1.3 MB) and the built table, so a run neither inflates (~8 ms) nor hashes
//! 60,000 names (17–22 ms): one document end to end was dominated by that.
//! The table is built by the crate's own gazetteer code (src/extract/place.rs).

use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/extract/place.rs"]
mod place;

fn main() {
    let src = "assets/gazetteer.tsv.gz";
    println!("cargo::rerun-if-changed={src}");
    println!("cargo::rerun-if-changed=src/extract/place.rs");
    let gz = std::fs::read(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{src}: not gzip'd UTF-8 text: {e}"));
    let table = place::Gazetteer::from_tsv(text.clone())
        .unwrap_or_else(|e| panic!("{src}: {e}"))
        .to_table();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.tsv"), text).expect("OUT_DIR is writable");
    std::fs::write(out.join("gazetteer.table"), table).expect("OUT_DIR is writable");
}
