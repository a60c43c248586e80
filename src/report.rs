//! Report: the figures, series and charts of one run as `index.md` and a
//! self-contained `index.html` (charts inline as SVG, no script or style
//! fetched from anywhere), the pages an analyst reads before publishing.
//!
//! Every piece of text from the input (quotes, who, where, document ids) is
//! escaped: an article is data, never markup.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::extract::{Figure, Metric};
use crate::render::{metric_title, thousands};
use crate::series::Point;

/// What a report shows: the run's figures and series, and per metric its
/// chart as an SVG document.
pub struct Report<'a> {
    pub figures: &'a [Figure],
    pub points: &'a [Point],
    /// One (metric, SVG text) per charted metric (those with dated figures).
    pub charts: &'a [(Metric, String)],
    /// Documents read and skipped by the run.
    pub read: usize,
    pub skipped: usize,
}

impl Report<'_> {
    /// Every metric with figures, charted or not (undated figures have no
    /// chart but are still listed).
    fn metrics(&self) -> BTreeSet<Metric> {
        self.figures.iter().map(|f| f.metric).collect()
    }

    fn chart(&self, m: Metric) -> Option<&str> {
        self.charts
            .iter()
            .find(|(c, _)| *c == m)
            .map(|(_, svg)| svg.as_str())
    }

    fn documents(&self) -> usize {
        self.figures
            .iter()
            .map(|f| f.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    }

    fn summary(&self) -> String {
        format!(
            "{} figures from {} documents ({} read, {} skipped).",
            self.figures.len(),
            self.documents(),
            self.read,
            self.skipped
        )
    }

    /// Figures of one metric by date, then document and position.
    fn rows(&self, m: Metric) -> Vec<&Figure> {
        let mut rows: Vec<&Figure> = self.figures.iter().filter(|f| f.metric == m).collect();
        rows.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.doc.cmp(&b.doc))
                .then(a.start.cmp(&b.start))
        });
        rows
    }

    /// `index.md`: per metric the PNG chart and the figures table.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# tolltrack report\n");
        let _ = writeln!(
            out,
            "{} Files: [figures.csv](figures.csv), [series.csv](series.csv).\n",
            self.summary()
        );
        for m in self.metrics() {
            let _ = writeln!(out, "## {}\n", metric_title(m));
            if self.chart(m).is_some() {
                let _ = writeln!(out, "![{}]({}.png)\n", metric_title(m), m.as_str());
            } else {
                let _ = writeln!(out, "No dated figures: no chart.\n");
            }
            let _ = writeln!(
                out,
                "| value | bounds | date | since | kind | where | who | quote | document |"
            );
            let _ = writeln!(out, "|---:|---|---|---|---|---|---|---|---|");
            for f in self.rows(m) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    thousands(f.value),
                    bounds(f.low, f.high),
                    day(f.date),
                    day(f.period_start),
                    f.kind.as_str(),
                    md_cell(f.place.as_deref().unwrap_or("")),
                    md_cell(f.who.as_deref().unwrap_or("")),
                    md_cell(&f.sentence),
                    md_cell(&f.doc)
                );
            }
            out.push('\n');
        }
        out
    }

    /// `index.html`: one page, no external resource. Per metric the chart
    /// (inline SVG), the series table and the figures table with quotes;
    /// tables sort by a click on a column head (a few lines of inline script;
    /// without it the page reads the same, unsorted).
    pub fn html(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(HEAD);
        let _ = writeln!(out, "<header><h1>tolltrack report</h1>");
        let _ = writeln!(
            out,
            "<p>{} Files: <a href=\"figures.csv\">figures.csv</a>, <a href=\"series.csv\">series.csv</a>, <a href=\"index.md\">index.md</a>.</p>",
            esc(&self.summary())
        );
        let _ = write!(out, "<nav>");
        for m in self.metrics() {
            let _ = write!(
                out,
                "<a href=\"#{}\">{}</a> ",
                m.as_str(),
                esc(metric_title(m))
            );
        }
        let _ = writeln!(out, "</nav></header>\n<main>");
        for m in self.metrics() {
            let _ = writeln!(out, "<section id=\"{}\">", m.as_str());
            let _ = writeln!(out, "<h2>{}</h2>", esc(metric_title(m)));
            match self.chart(m) {
                Some(svg) => {
                    let _ = writeln!(
                        out,
                        "<figure role=\"img\" aria-label=\"{} chart\">{}</figure>",
                        esc(metric_title(m)),
                        svg.trim()
                    );
                }
                None => {
                    let _ = writeln!(out, "<p>No dated figures: no chart.</p>");
                }
            }
            self.series_table(&mut out, m);
            self.figures_table(&mut out, m);
            let _ = writeln!(out, "</section>");
        }
        let _ = writeln!(
            out,
            "</main>\n<footer>tolltrack {}. Bounds: ≥ a lower bound (\"at least\"), ≤ an upper bound (\"up to\"), a–b a stated range.</footer>",
            env!("CARGO_PKG_VERSION")
        );
        out.push_str(SCRIPT);
        out.push_str("</body>\n</html>\n");
        out
    }

    fn series_table(&self, out: &mut String, m: Metric) {
        let points: Vec<&Point> = self.points.iter().filter(|p| p.metric == m).collect();
        let _ = writeln!(
            out,
            "<details><summary>Series: {} point{}</summary>",
            points.len(),
            if points.len() == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "<table class=\"sortable series\"><thead><tr><th>date</th><th>group</th><th class=\"num\">value</th><th>range</th><th class=\"num\">figures</th><th class=\"num\">sources</th><th>kind</th></tr></thead><tbody>");
        for p in points {
            let _ = writeln!(
                out,
                "<tr><td class=\"d\">{}</td><td>{}</td><td class=\"num\" data-sort=\"{}\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                p.date,
                esc(&p.group),
                p.value,
                thousands(p.value),
                esc(&bounds(p.low, p.high)),
                p.figures,
                p.sources,
                p.kind.as_str()
            );
        }
        let _ = writeln!(out, "</tbody></table></details>");
    }

    fn figures_table(&self, out: &mut String, m: Metric) {
        let rows = self.rows(m);
        let _ = writeln!(
            out,
            "<h3>Figures ({})</h3>\n<table class=\"sortable figures\"><thead><tr><th class=\"num\">value</th><th>bounds</th><th>date</th><th>since</th><th>kind</th><th>where</th><th>who</th><th>quote</th><th>document</th></tr></thead><tbody>",
            rows.len()
        );
        for f in rows {
            let _ = writeln!(
                out,
                "<tr><td class=\"num\" data-sort=\"{}\">{}</td><td class=\"d\">{}</td><td class=\"d\">{}</td><td class=\"d\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"quote\">{}</td><td>{}</td></tr>",
                f.value,
                thousands(f.value),
                esc(&bounds(f.low, f.high)),
                day(f.date),
                day(f.period_start),
                f.kind.as_str(),
                esc(f.place.as_deref().unwrap_or("")),
                esc(f.who.as_deref().unwrap_or("")),
                esc(&f.sentence),
                esc(&f.doc)
            );
        }
        let _ = writeln!(out, "</tbody></table>");
    }
}

/// A figure's bounds as a reader says them: "exact", "12–15", "≥ 40,000".
pub fn bounds(low: Option<u64>, high: Option<u64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => "exact".to_string(),
        (Some(l), Some(h)) => format!("{}–{}", thousands(l), thousands(h)),
        (Some(l), None) => format!("≥ {}", thousands(l)),
        (None, Some(h)) => format!("≤ {}", thousands(h)),
        (None, None) => "approx.".to_string(),
    }
}

fn day(d: Option<NaiveDate>) -> String {
    d.map_or(String::new(), |d| d.to_string())
}

/// Escape text for a Markdown table cell.
fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Escape text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page head: a content security policy that forbids fetching anything
/// (the page must work offline and leak nothing), and the styles.
const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tolltrack report</title>
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #282828; margin: 0 auto; max-width: 1240px; padding: 0 20px 40px; line-height: 1.4; }
h1 { font-size: 1.8em; margin: 24px 0 4px; }
h2 { font-size: 1.4em; margin-top: 40px; border-top: 1px solid #ddd; padding-top: 16px; }
h3 { font-size: 1.1em; }
nav a { margin-right: 14px; }
figure { margin: 0; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; position: sticky; top: 0; cursor: pointer; user-select: none; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.quote { max-width: 520px; }
td.d { white-space: nowrap; }
summary { cursor: pointer; margin: 12px 0; }
footer { margin-top: 32px; color: #6e6e6e; font-size: 0.9em; }
</style>
</head>
<body>
"#;

/// Sort a table by the clicked column: numbers by their `data-sort`, other
/// cells as text; a second click reverses.
const SCRIPT: &str = r#"<script>
document.querySelectorAll("table.sortable th").forEach(function (th, _) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var key = function (tr) {
      var td = tr.children[col], n = td.getAttribute("data-sort");
      return n === null ? td.textContent : parseFloat(n);
    };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
</script>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything_from_the_input() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn bounds_read_as_ranges() {
        assert_eq!(bounds(Some(12), Some(15)), "12–15");
        assert_eq!(bounds(Some(40000), None), "≥ 40,000");
        assert_eq!(bounds(None, Some(9)), "≤ 9");
        assert_eq!(bounds(Some(7), Some(7)), "exact");
        assert_eq!(bounds(None, None), "approx.");
    }
}
