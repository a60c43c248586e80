//! The peer projects' conformance suites, run through `tolltrack parse`.

use crate::common::{run, shared};

/// Run a suite through `parse KIND` and return (passed, total, failures).
fn suite(
    kind: &str,
    file: &str,
    check: fn(&serde_json::Value, &serde_json::Value) -> bool,
) -> (usize, usize, Vec<String>) {
    let path = shared().join("conformance").join(file);
    let path = path.to_str().expect("utf-8 path").to_string();
    let (code, stdout, stderr) = run(&["parse", kind, &path]);
    assert_eq!(code, 0, "{stderr}");
    let want: Vec<serde_json::Value> = std::fs::read_to_string(&path)
        .expect("suite present beside the project")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(want.len(), got.len());
    let mut fails = Vec::new();
    for (w, g) in want.iter().zip(&got) {
        if !check(w, g) {
            fails.push(format!("{} => {}", w, g));
        }
    }
    (want.len() - fails.len(), want.len(), fails)
}

#[test]
fn number_conformance_at_least_99_percent() {
    let (pass, total, fails) = suite("numbers", "numbers.jsonl", |w, g| {
        w["values"] == g["values"]
    });
    let rate = pass as f64 / total as f64;
    eprintln!("numbers: {pass}/{total} = {rate:.3}\n{}", fails.join("\n"));
    assert!(rate >= 0.99, "number conformance {rate:.3}");
}

#[test]
fn date_conformance_at_least_95_percent() {
    let (pass, total, fails) = suite("dates", "dates.jsonl", |w, g| {
        if w.get("date").is_some() {
            w["date"] == g["date"]
        } else {
            w["start"] == g["start"] && w["end"] == g["end"]
        }
    });
    let rate = pass as f64 / total as f64;
    eprintln!("dates: {pass}/{total} = {rate:.3}\n{}", fails.join("\n"));
    assert!(rate >= 0.95, "date conformance {rate:.3}");
}
