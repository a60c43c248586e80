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

#[test]
fn utf16_crlf_and_lone_cr_are_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let story = "KYIV, Jan. 3, 2025 - At least 7 people\r\nwere killed overnight, officials said.";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(story.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "u16.txt", &utf16);
    write(dir.path(), "crlf.txt", story.as_bytes());
    write(dir.path(), "cr.txt", story.replace("\r\n", "\r").as_bytes());
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("3 documents read, 0 skipped, 3 figures found"),
        "{stderr}"
    );
    // The hard-wrapped sentence is one quote on one line, in all three.
    let quote = "\"KYIV, Jan. 3, 2025 - At least 7 people were killed overnight, officials said.\"";
    assert_eq!(stdout.matches(quote).count(), 3, "{stdout}");
}

#[test]
fn a_200_mb_single_line_document_is_skipped_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let line = "Gunmen killed 3 villagers and nobody stopped writing ".repeat(1000);
        while f.get_ref().metadata().unwrap().len() < 200_000_000 {
            f.write_all(line.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    write(
        dir.path(),
        "small.txt",
        b"KYIV, Jan. 3, 2025 - Shelling killed 4 people.",
    );
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("huge.txt: larger than --max-doc-bytes (67108864 bytes)"),
        "{stderr}"
    );
    assert!(stderr.contains("1 document read, 1 skipped"), "{stderr}");
    assert!(stdout.contains(",killed,4,"), "{stdout}");
}

#[test]
fn html_nested_a_thousand_levels_deep_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<html><body>{}<p>KYIV, Jan. 3, 2025 - At least 9 people were killed.</p>{}</body></html>",
        "<div><span>".repeat(1000),
        "</span></div>".repeat(1000)
    );
    write(dir.path(), "deep.html", html.as_bytes());
    let (code, stdout, stderr) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(",killed,9,"), "{stdout}");
}

#[test]
fn symlink_loops_and_dangling_links_are_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"KYIV, Jan. 3, 2025 - Shelling killed 4 people.",
    );
    std::os::unix::fs::symlink("..", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("gone.txt")).unwrap();
    let (code, _, stderr) = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("loop: symbolic link to a directory, not followed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("gone.txt: cannot read: No such file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 document read, 2 skipped, 1 figure found"),
        "{stderr}"
    );
}

#[test]
fn the_same_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        b"KYIV, Jan. 3, 2025 - Shelling killed 4 people.",
    );
    let a = a.to_str().unwrap();
    let (code, stdout, stderr) = run(&["extract", a, a, dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("the same file as {a}, read once")),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 document read, 2 skipped, 1 figure found"),
        "{stderr}"
    );
    assert_eq!(stdout.matches(",killed,4,").count(), 1, "{stdout}");
}

#[test]
fn an_output_on_a_read_only_file_system_fails_and_writes_nothing() {
    // /proc takes no new files, even for root (who can write a chmod 555 directory).
    let (code, _, stderr) = run(&[
        "extract",
        "fixtures/docs/conflict",
        "-o",
        "/proc/figures.csv",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("writing /proc/figures.csv"), "{stderr}");
    assert!(!std::path::Path::new("/proc/figures.csv").exists());
}

/// On a terminal, `extract` shows a progress bar (documents, bytes, ETA) on
/// stderr; piped, as in every other test here, it shows none.
#[test]
fn progress_bar_only_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: util-linux `script` is missing (it gives the run a terminal)");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_tolltrack");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{bin} extract fixtures/docs -o /dev/null"),
            "/dev/null",
        ])
        .current_dir(crate::common::root())
        .output()
        .expect("script runs");
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(
        tty.contains(" documents"),
        "no progress on a terminal: {tty}"
    );
    assert!(tty.contains("217 documents read"), "{tty}");
    let (_, _, piped) = run(&["extract", "fixtures/docs", "-o", "/dev/null"]);
    assert_eq!(
        piped.trim(),
        "tolltrack: warning: fixtures/docs/heldout12/h12-bandiagara-wedding-attack.txt: \
         no publication date found; relative dates cannot be resolved (use --published)\n\
         tolltrack: warning: fixtures/docs/heldout21/h21-kayes-coordinated-attacks-africanews.txt: \
         no publication date found; relative dates cannot be resolved (use --published)\n\
         tolltrack: 217 documents read, 0 skipped, 2841 figures found"
    );
}

/// A device or a pipe as the output is written into, never renamed over:
/// `-o /dev/null` once replaced /dev/null itself with a regular file (as
/// root), and everything that read it afterwards read our CSV.
#[cfg(unix)]
#[test]
fn devices_and_pipes_are_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let (code, _, err) = run(&["extract", "fixtures/docs/conflict", "-o", "/dev/null"]);
    assert_eq!(code, 0, "{err}");
    let null = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(null.is_char_device(), "/dev/null is no longer a device");

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("figures.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped the FIFO half: mkfifo is missing");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let (code, _, err) = run(&[
        "extract",
        "fixtures/docs/conflict",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // Checked before joining: a FIFO renamed over would leave the reader waiting.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let csv = reader.join().unwrap();
    assert!(csv.starts_with("doc,published,date"), "{csv}");
}

/// With several threads, reading, extraction and writing overlap; when the
/// writer fails mid-run (a full disk), the run stops with the error instead
/// of waiting on the other stages.
#[test]
fn a_failing_writer_stops_an_overlapped_run() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Several batches of documents, so that every stage has work in flight.
    let line = "{\"id\": \"d\", \"published\": \"2025-01-22\", \"text\": \"Gunmen killed 12 villagers in Kuriga on Tuesday.\"}\n";
    let p = write(dir.path(), "many.jsonl", line.repeat(3000).as_bytes());
    let (code, _, err) = run(&[
        "extract",
        p.to_str().unwrap(),
        "--threads",
        "2",
        "-o",
        "/dev/full",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
}
