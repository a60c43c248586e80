//! Scale-out: extract as a map step over shards (GNU parallel), then
//! `tolltrack aggregate` as the reduce step, must equal one run.

use std::process::Command;

use crate::common::{assert_same_tables, root, run, shared, single_run};

fn have(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn gnu_parallel_shards_aggregate_to_a_single_run() {
    if !have("parallel") {
        // CI installs GNU parallel (.ci/run); elsewhere the test says why it did not run.
        assert!(
            std::env::var_os("CI").is_none(),
            "GNU parallel is missing in CI"
        );
        eprintln!("skipped: GNU parallel is not installed (apt-get install parallel)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let made = Command::new("python3")
        .arg(shared().join("bench/make_corpus.py"))
        .args([
            "--docs",
            "600",
            "--seed",
            "11",
            "--out",
            corpus.to_str().unwrap(),
        ])
        .output()
        .expect("python3 runs make_corpus.py");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    // One run.
    let single_dir = single_run(dir.path(), &corpus);

    // Shards: parallel cuts the file at line boundaries and pipes each block to a map step.
    let parts = dir.path().join("parts");
    std::fs::create_dir(&parts).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tolltrack");
    let map = format!(
        "{} extract - --threads 1 --messages json -o {}/part-{{#}}.csv",
        bin.display(),
        parts.display()
    );
    let out = Command::new("parallel")
        .current_dir(root())
        .args([
            "--will-cite",
            "--pipepart",
            "-a",
            corpus.to_str().unwrap(),
            "--block",
            "300k",
            &map,
        ])
        .output()
        .expect("parallel runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shards = std::fs::read_dir(&parts).unwrap().count();
    assert!(shards > 1, "the corpus was not split ({shards} part)");

    let merged = dir.path().join("merged");
    let glob = format!("{}/*.csv", parts.display());
    let (code, _, stderr) = run(&["aggregate", &glob, "-o", merged.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_same_tables(&single_dir, &merged, &format!("{shards} shards"));
}

#[test]
fn schema_lists_the_columns_in_order() {
    let (code, stdout, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let names: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, tolltrack::frame::COLUMNS);
    assert!(v["schema_version"].as_u64().is_some());
}
