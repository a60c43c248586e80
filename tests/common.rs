//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared`, beside the project (present on developer machines and in CI).
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// The tolltrack binary, run from the project root.
pub fn tolltrack() -> Command {
    let mut c = Command::cargo_bin("tolltrack").expect("binary built");
    c.current_dir(root());
    c
}

/// Run and return (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = tolltrack().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Write a file in a temp dir and return its path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// The figure rows `extract` writes for JSON Lines given on stdin.
pub fn extract_stdin(input: &str) -> Vec<serde_json::Value> {
    let out = tolltrack()
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(json)
        .collect()
}

/// A JSON value from score output.
pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// One run over `corpus`: `extract` then `aggregate` into `dir/single/`,
/// the reference that sharded runs must equal. Returns that directory.
pub fn single_run(dir: &Path, corpus: &Path) -> PathBuf {
    let single = dir.join("single.csv");
    let single_dir = dir.join("single");
    let (code, _, stderr) = run(&[
        "extract",
        corpus.to_str().unwrap(),
        "-o",
        single.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&[
        "aggregate",
        single.to_str().unwrap(),
        "-o",
        single_dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    single_dir
}

/// The merged figures, series and claims of a sharded run equal one run's,
/// byte for byte; `parts` names the shards in the message.
pub fn assert_same_tables(single_dir: &Path, merged: &Path, parts: &str) {
    for name in ["figures.csv", "series.csv", "claims.csv"] {
        let a = std::fs::read(single_dir.join(name)).unwrap();
        let b = std::fs::read(merged.join(name)).unwrap();
        assert!(a == b, "{name}: {parts} differ from one run");
    }
}
