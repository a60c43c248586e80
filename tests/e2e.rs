//! Each subcommand end to end on the bundled fixtures and the development set.

use crate::common::{extract_stdin, json, root, run, shared, tolltrack};

const HEADER: &str = "doc,published,date,period_start,metric,value,low,high,qualifier,kind,who,where,sentence,start,end,published_inferred,country,lat,lon,claim,subcount";

#[test]
fn extract_writes_the_contract_columns_in_order() {
    let (code, stdout, stderr) = run(&["extract", "fixtures/docs"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().next(), Some(HEADER));
    assert!(stdout.lines().count() > 100, "too few figures:\n{stdout}");
    assert!(stderr.contains("documents read, 0 skipped"), "{stderr}");
}

#[test]
fn extract_jsonl_and_parquet_read_back_into_series() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["f.jsonl", "f.parquet", "f.csv"] {
        let out = dir.path().join(name);
        let (code, _, stderr) = run(&["extract", "fixtures/docs", "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
    }
    let series = |name: &str| {
        let (code, stdout, stderr) = run(&[
            "series",
            dir.path().join(name).to_str().unwrap(),
            "--by",
            "country",
            "--freq",
            "month",
        ]);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    let csv = series("f.csv");
    assert!(
        csv.starts_with("date,metric,group,value,low,high,figures,sources,kind,change,drop\n"),
        "{csv}"
    );
    assert_eq!(series("f.jsonl"), csv);
    assert_eq!(series("f.parquet"), csv);
}

#[test]
fn jsonl_on_stdin() {
    let input = r#"{"id": "x", "published": "2025-01-22", "text": "Gunmen killed 12 villagers on Tuesday."}"#;
    let rows = extract_stdin(input);
    let row = &rows[0];
    assert_eq!(row["doc"], "x");
    assert_eq!(row["value"], 12);
    assert_eq!(row["date"], "2025-01-21");
    assert_eq!(row["who"], "villagers");
}

/// `-o -` writes to stdout, as in most tools, and leaves no file named `-`.
#[test]
fn dash_output_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let input = r#"{"id": "x", "published": "2025-01-22", "text": "Gunmen killed 12 villagers on Tuesday."}"#;
    let out = tolltrack()
        .current_dir(dir.path())
        .args(["extract", "-", "-o", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("doc,published,date"), "{csv}");
    assert!(csv.contains(",killed,12,"), "{csv}");
    assert!(!dir.path().join("-").exists());
}

#[test]
fn chart_png_and_svg_from_series_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    let figs = dir.path().join("f.csv");
    let series = dir.path().join("s.csv");
    assert_eq!(
        run(&["extract", "fixtures/docs", "-o", figs.to_str().unwrap()]).0,
        0
    );
    assert_eq!(
        run(&[
            "series",
            figs.to_str().unwrap(),
            "--metric",
            "killed",
            "-o",
            series.to_str().unwrap()
        ])
        .0,
        0
    );
    let png = dir.path().join("k.png");
    let (code, _, stderr) = run(&[
        "chart",
        series.to_str().unwrap(),
        "-o",
        png.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1200, 700));
    let svg = dir.path().join("k.svg");
    let (code, _, stderr) = run(&[
        "chart",
        figs.to_str().unwrap(),
        "--metric",
        "killed",
        "--log",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("<svg") && text.contains("People killed"),
        "{}",
        &text[..200.min(text.len())]
    );
    // Several metrics and no --metric: a clear error.
    let (code, _, stderr) = run(&["chart", figs.to_str().unwrap(), "-o", svg.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("choose one with --metric"), "{stderr}");
}

#[test]
fn report_is_deterministic_and_matches_the_committed_one() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&[
        "report",
        "fixtures/docs",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Every file, charts included: text is drawn with the bundled font, so
    // the PNGs are the same bytes on any machine.
    let mut names: Vec<String> = std::fs::read_dir(root().join("reports/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 18, "{names:?}");
    for name in &names {
        let fresh = std::fs::read(dir.path().join(name)).unwrap();
        let committed = std::fs::read(root().join("reports/fixtures").join(name)).unwrap();
        assert!(
            fresh == committed,
            "{name} differs from reports/fixtures: re-run the README's report command"
        );
    }
}

/// The scores of `tolltrack eval` equal those of the reference scorer on the same figures.
#[test]
fn eval_matches_the_reference_scorer_on_the_development_set() {
    let gold = shared().join("gold/seeds/gold.jsonl");
    let docs = shared().join("gold/seeds/docs.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let figs = dir.path().join("f.csv");
    assert_eq!(
        run(&[
            "extract",
            docs.to_str().unwrap(),
            "-o",
            figs.to_str().unwrap()
        ])
        .0,
        0
    );
    let (code, ours, stderr) = run(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        docs.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let py = std::process::Command::new("python3")
        .arg(shared().join("spec/score.py"))
        .args([gold.to_str().unwrap(), figs.to_str().unwrap(), "--json"])
        .output()
        .expect("python3 runs the reference scorer");
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let (ours, theirs) = (json(&ours), json(&String::from_utf8_lossy(&py.stdout)));
    assert_eq!(ours, theirs);
    assert!(
        ours["f1"].as_f64().unwrap() >= 0.80,
        "dev F1 {}",
        ours["f1"]
    );
}

#[test]
fn fixtures_score_at_least_090() {
    let (code, stdout, stderr) = run(&[
        "eval",
        "--gold",
        "fixtures/gold.jsonl",
        "fixtures/docs",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let s = json(&stdout);
    assert!(s["f1"].as_f64().unwrap() >= 0.90, "fixtures F1 {}", s["f1"]);
}

#[test]
fn help_teaches_each_command() {
    for cmd in ["extract", "series", "chart", "report", "eval"] {
        let (code, stdout, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0);
        assert!(
            stdout.contains("Example: tolltrack"),
            "{cmd} --help has no example"
        );
    }
}

/// Five outlets report the same two tolls in different words: two claims,
/// five sources each, and one line per metric in the series.
#[test]
fn five_outlets_are_two_claims_and_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let figs = dir.path().join("f.csv");
    let (code, _, stderr) = run(&[
        "extract",
        "fixtures/docs/outlets",
        "-o",
        figs.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, claims, stderr) = run(&["claims", figs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<&str> = claims.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{claims}");
    for row in &rows {
        let cols: Vec<&str> = row.split(',').collect();
        assert_eq!(cols[10], "5", "sources of {row}");
    }
    let (code, series, stderr) = run(&[
        "series",
        figs.to_str().unwrap(),
        "--metric",
        "killed",
        "--freq",
        "week",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let groups: std::collections::BTreeSet<&str> = series
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(groups.len(), 1, "one line, not five:\n{series}");
    assert!(series.lines().nth(1).unwrap().contains(",23,"), "{series}");
}

#[test]
fn output_is_identical_with_one_or_two_threads() {
    let one = run(&["extract", "fixtures/docs", "--threads", "1"]);
    let two = run(&["extract", "fixtures/docs", "--threads", "2"]);
    assert_eq!(one.0, 0);
    assert_eq!(one.1, two.1);
}

#[test]
fn series_filters_by_date_keeps_top_groups_and_pivots_wide() {
    let dir = tempfile::tempdir().unwrap();
    let figs = dir.path().join("f.csv");
    assert_eq!(
        run(&["extract", "fixtures/docs", "-o", figs.to_str().unwrap()]).0,
        0
    );
    let f = figs.to_str().unwrap();
    let args = [
        "series",
        f,
        "--metric",
        "killed",
        "--by",
        "country",
        "--from",
        "2023-01-01",
        "--top",
        "2",
    ];
    let (code, long, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<Vec<&str>> = long
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r[0] >= "2023-01-01"), "{long}");
    let groups: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(groups.len(), 2, "{long}");
    let (code, wide, _) = run(&[&args[..], &["--wide"]].concat());
    assert_eq!(code, 0);
    let header: Vec<&str> = wide.lines().next().unwrap().split(',').collect();
    assert_eq!(header.len(), 3 + 2, "{wide}");
    assert_eq!(&header[..3], ["date", "metric", "kind"]);
}

/// A page whose tally sits in an HTML table: each row under a header of
/// metrics is read as counts at the row's place, over the caption's period.
#[test]
fn an_html_table_of_counts_by_province() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("tally.html");
    std::fs::write(
        &page,
        r#"<html><head><meta property="article:published_time" content="2025-11-28T09:00:00+07:00"></head>
<body><article><h1>Flood toll rises in the south</h1>
<p>The ministry released its latest tally on Friday.</p>
<table><caption>Casualties by province since November 21</caption>
<tr><th>Province</th><th>Deaths</th><th>Injured</th><th>Households affected</th></tr>
<tr><td>Songkhla</td><td>118</td><td>64</td><td>412,880</td></tr>
<tr><td>Yala</td><td>11</td><td>&ndash;</td><td>51,742</td></tr>
</table></article></body></html>"#,
    )
    .unwrap();
    let (code, stdout, stderr) = run(&["extract", page.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<_> = stdout
        .lines()
        .map(json)
        .map(|r| {
            (
                r["metric"].as_str().unwrap().to_string(),
                r["value"].as_u64().unwrap(),
                r["where"].as_str().unwrap_or("").to_string(),
                r["period_start"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let row =
        |m: &str, v: u64, w: &str| (m.to_string(), v, w.to_string(), "2025-11-21".to_string());
    assert_eq!(
        rows,
        [
            row("killed", 118, "Songkhla"),
            row("injured", 64, "Songkhla"),
            row("killed", 11, "Yala")
        ]
    );
}

/// A feed's text field holding an HTML fragment is read as a page: its
/// paragraphs are sentences and no tag is quoted.
#[test]
fn html_in_a_jsonl_text_field() {
    let input = r#"{"id": "f", "published": "2025-01-22", "text": "<p>Gunmen killed 12 villagers on Tuesday</p><p>Police arrested <b>four</b> suspects.</p>"}"#;
    let rows = extract_stdin(input);
    let got: Vec<(&str, u64, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["metric"].as_str().unwrap(),
                r["value"].as_u64().unwrap(),
                r["sentence"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("killed", 12, "Gunmen killed 12 villagers on Tuesday"),
            ("detained", 4, "Police arrested four suspects.")
        ]
    );
}
