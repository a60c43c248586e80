//! Scale-out on Spark: `scripts/spark-extract.py` pipes each partition through
//! `tolltrack extract -`, writes Parquet parts and merges them with
//! `tolltrack aggregate`; the result must equal one run.
//!
//! Opt-in (`TOLLTRACK_SPARK_TEST=1`): it needs Java 17+ and `pip install
//! pyspark`, and Spark takes half a minute to start and run on two cores.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{assert_same_tables, root, single_run, write};

fn succeeds(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

/// Why Spark cannot run here, if it cannot.
fn missing_spark() -> Option<&'static str> {
    if !succeeds(Command::new("java").arg("-version")) {
        return Some("`java -version` fails (Spark needs Java 17+)");
    }
    if !succeeds(Command::new("python3").args(["-c", "import pyspark"])) {
        return Some("python3 cannot import pyspark (pip install pyspark)");
    }
    None
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The fixtures as one JSON Lines corpus: the lines of the .jsonl files as
/// they are, and each .txt file as `{"id": its name, "text": its contents}`.
/// (HTML pages and the gzipped file are left out: they are not JSON Lines.)
/// Returns the path and the number of documents.
fn fixtures_jsonl(dir: &Path) -> (PathBuf, usize) {
    let mut files = Vec::new();
    files_under(&root().join("fixtures/docs"), &mut files);
    files.sort();
    let mut corpus = String::new();
    let mut docs = 0;
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let lines: Vec<String> = if let Some(id) = name.strip_suffix(".txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            vec![serde_json::json!({"id": id, "text": text}).to_string()]
        } else if name.ends_with(".jsonl") {
            std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        };
        for line in lines {
            corpus.push_str(&line);
            corpus.push('\n');
            docs += 1;
        }
    }
    (write(dir, "fixtures.jsonl", corpus.as_bytes()), docs)
}

#[test]
fn spark_partitions_aggregate_to_a_single_run() {
    if std::env::var("TOLLTRACK_SPARK_TEST").as_deref() != Ok("1") {
        eprintln!("skipped: set TOLLTRACK_SPARK_TEST=1 to run the Spark test");
        return;
    }
    if let Some(why) = missing_spark() {
        eprintln!("skipped: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (corpus, docs) = fixtures_jsonl(dir.path());
    assert!(docs > 10, "only {docs} fixture documents");

    // One run.
    let single_dir = single_run(dir.path(), &corpus);

    // Spark in local mode. Twice as many partitions as documents: each line
    // starts in one partition, so some partitions are empty (no process, no part).
    let out = dir.path().join("spark");
    let partitions = (2 * docs).to_string();
    let spark = Command::new("python3")
        .current_dir(root())
        .arg("scripts/spark-extract.py")
        .arg(corpus.to_str().unwrap())
        .args(["--master", "local[2]", "--partitions", partitions.as_str()])
        .args(["--tolltrack", env!("CARGO_BIN_EXE_tolltrack"), "--out"])
        .arg(&out)
        .output()
        .expect("python3 runs scripts/spark-extract.py");
    let stdout = String::from_utf8_lossy(&spark.stdout);
    let stderr = String::from_utf8_lossy(&spark.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let tail = lines[lines.len().saturating_sub(40)..].join("\n");
    assert!(spark.status.success(), "{stdout}\n{tail}");
    assert!(
        stdout.contains(&format!("{docs} documents read, 0 skipped")),
        "{stdout}"
    );
    let shards = std::fs::read_dir(out.join("figures-parts"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_str().unwrap();
            name.starts_with("part-") && name.ends_with(".parquet")
        })
        .count();
    assert!(shards > 1, "the corpus was not split ({shards} part)");

    let merged = out.join("merged");
    assert_same_tables(&single_dir, &merged, &format!("{shards} Spark parts"));
}
