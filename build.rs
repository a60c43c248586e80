//! Inflate the bundled gazetteer at build time. The repository keeps it
//! gzip'd (0.55 MB); the binary carries the text (1.3 MB), so a run parses
//! it straight away instead of spending ~8 ms inflating it first: one
//! document end to end is dominated by that load.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let src = "assets/gazetteer.tsv.gz";
    println!("cargo::rerun-if-changed={src}");
    let gz = std::fs::read(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{src}: not gzip'd UTF-8 text: {e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.tsv"), text).expect("OUT_DIR is writable");
}
