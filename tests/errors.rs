//! Bad input: a clear message naming the file (and line), the rest still
//! processed, a final accounting line, and the documented exit codes.

use crate::common::{run, write};

#[test]
fn no_input_is_a_usage_error() {
    let (code, _, stderr) = run(&["extract", "no/such/dir"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/dir: no such file"), "{stderr}");
}

#[test]
fn unknown_format_named_explicitly_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.docx", b"x");
    let (code, _, stderr) = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown input format"), "{stderr}");
}

#[test]
fn bad_documents_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = concat!(
        "{\"id\": \"ok\", \"published\": \"2025-01-22\", \"text\": \"Gunmen killed 12 villagers.\"}\n",
        "not json\n",
        "{\"id\": \"n\", \"text\": 5}\n",
        "{\"id\": \"m\"}\n",
        "{\"id\": \"d\", \"published\": \"2025-02-30\", \"text\": \"Troops killed 3 people.\"}\n",
    );
    write(dir.path(), "a.jsonl", jsonl.as_bytes());
    write(dir.path(), "empty.txt", b"   \n");
    write(
        dir.path(),
        "bad.txt",
        b"KYIV, Jan. 3, 2025 - At least 7 people were killed \xFF overnight.",
    );
    write(dir.path(), "image.png.txt", b"\x89PNG\r\n\x1a\n\0\0");
    write(dir.path(), "notes.docx", b"x");
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("a.jsonl: line 2: not a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a.jsonl: line 3: field \"text\" is a number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a.jsonl: line 4: missing field \"text\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 5: invalid \"published\" date \"2025-02-30\""),
        "{stderr}"
    );
    assert!(stderr.contains("empty.txt: no text"), "{stderr}");
    assert!(stderr.contains("bad.txt: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("image.png.txt: binary file"), "{stderr}");
    assert!(stderr.contains("notes.docx: unknown format"), "{stderr}");
    assert!(stderr.contains("3 documents read, 6 skipped"), "{stderr}");
    assert!(stdout.contains(",killed,12,"), "{stdout}");
    assert!(stdout.contains(",killed,7,"), "{stdout}");
    // --strict turns the same run into a failure.
    let (code, _, stderr) = run(&["extract", "--strict", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn output_in_a_missing_directory_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing/f.csv");
    let (code, _, stderr) = run(&["extract", "fixtures/docs", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing/f.csv"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn truncated_gzip_reports_the_loss() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        std::io::Write::write_all(&mut gz, format!("{{\"id\": \"d{i}\", \"published\": \"2025-01-22\", \"text\": \"Gunmen killed {i} villagers in a long sentence that pads the file out.\"}}\n").as_bytes()).unwrap();
    }
    let bytes = gz.finish().unwrap();
    let p = write(dir.path(), "t.jsonl.gz", &bytes[..bytes.len() / 2]);
    let (code, _, stderr) = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("cannot read the rest of the file"),
        "{stderr}"
    );
}
