//! Render: a series → a line chart, drawn once by [`draw`] on any plotters
//! backend; [`png`] and [`svg`] wrap it. Text uses the bundled DejaVu Sans so
//! labels lay out the same on every machine.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Once;

use chrono::{Datelike, Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use crate::error::{Error, Result};
use crate::export::{is_special, temp_in, write_atomic};
use crate::extract::{Kind, Metric};
use crate::series::Point;

/// Reports further apart than this many days are not joined by a line.
const GAP_DAYS: f64 = 60.0;

/// Width and height of every chart, in pixels.
pub const SIZE: (u32, u32) = (1200, 700);

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(60, 60, 60),
];

const INK: RGBColor = RGBColor(40, 40, 40);
const MUTED: RGBColor = RGBColor(110, 110, 110);
const GRID: RGBColor = RGBColor(225, 225, 225);

fn fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are a valid TrueType font shipped in the repository.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT);
        let _ = register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// One reported point: (date, value, low, high, sources).
pub type Mark = (NaiveDate, u64, Option<u64>, Option<u64>, usize);

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    /// (date, value, low, high, sources), sorted by date.
    pub points: Vec<Mark>,
}

/// Everything a chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub subtitle: String,
    pub y_label: String,
    pub lines: Vec<Line>,
    pub footer: String,
    pub log: bool,
    /// Dated notes drawn as dashed vertical rules (`--annotate DATE=TEXT`).
    pub annotations: Vec<Annotation>,
    /// Small multiples: one panel per line on shared scales (`--facet`).
    pub facet: bool,
}

/// A dated note on a chart: "2023-10-07" and "War begins".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub date: NaiveDate,
    pub text: String,
}

impl std::str::FromStr for Annotation {
    type Err = String;

    /// `DATE=TEXT`, the date as YYYY-MM-DD.
    fn from_str(s: &str) -> std::result::Result<Annotation, String> {
        let (date, text) = s
            .split_once('=')
            .ok_or_else(|| format!("'{s}': expected DATE=TEXT, e.g. 2023-10-07=\"War begins\""))?;
        let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| format!("'{date}': the date must be YYYY-MM-DD"))?;
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("'{s}': the annotation text is empty"));
        }
        Ok(Annotation {
            date,
            text: text.to_string(),
        })
    }
}

/// Describe a metric's people for titles.
pub fn metric_title(m: Metric) -> &'static str {
    match m {
        Metric::Killed => "People killed",
        Metric::Injured => "People injured",
        Metric::Displaced => "People displaced",
        Metric::Troops => "Troops deployed",
        Metric::Detained => "People detained",
        Metric::Abducted => "People abducted or held hostage",
        Metric::Missing => "People missing",
    }
}

/// Build the chart of one metric from series points: one line per group and
/// kind, the `top` largest groups (by their largest value) at most.
pub fn chart_of(
    points: &[Point],
    metric: Metric,
    top: usize,
    figures: usize,
    documents: usize,
    log: bool,
) -> Chart {
    // Groups reported both as running totals and as incidents get two lines.
    let mut kinds: HashMap<&str, (bool, bool)> = HashMap::new();
    for p in points.iter().filter(|p| p.metric == metric) {
        let k = kinds.entry(p.group.as_str()).or_default();
        match p.kind {
            Kind::Event => k.0 = true,
            _ => k.1 = true,
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for p in points.iter().filter(|p| p.metric == metric) {
        let both = kinds[p.group.as_str()] == (true, true);
        let label = if both && p.kind == Kind::Event {
            format!("{} (incidents)", p.group)
        } else {
            p.group.clone()
        };
        let mark = (p.date, p.value, p.low, p.high, p.sources);
        match index.get(&label) {
            Some(&i) => lines[i].points.push(mark),
            None => {
                index.insert(label.clone(), lines.len());
                lines.push(Line {
                    label,
                    points: vec![mark],
                });
            }
        }
    }
    for l in &mut lines {
        l.points.sort_by_key(|p| p.0);
    }
    lines.sort_by(|a, b| {
        let ma = a.points.iter().map(|p| p.1).max();
        let mb = b.points.iter().map(|p| p.1).max();
        mb.cmp(&ma).then(a.label.cmp(&b.label))
    });
    let hidden = lines.len().saturating_sub(top);
    lines.truncate(top);
    let dates: Vec<NaiveDate> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.0))
        .collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a != b => format!("{} to {}", long_date(*a), long_date(*b)),
        (Some(a), _) => long_date(*a),
        _ => "no dated figures".to_string(),
    };
    let groups = if hidden > 0 {
        format!("{} largest of {} groups", lines.len(), lines.len() + hidden)
    } else {
        format!(
            "{} group{}",
            lines.len(),
            if lines.len() == 1 { "" } else { "s" }
        )
    };
    Chart {
        title: format!("{}, as reported", metric_title(metric)),
        subtitle: format!(
            "{span} · {groups} · running totals as stated, incidents summed per period{}",
            if log { " · logarithmic scale" } else { "" }
        ),
        y_label: "people".to_string(),
        lines,
        footer: format!(
            "Source: {figures} figure{} from {documents} document{}; tolltrack {}. Shaded band: stated low–high bounds. Filled dots: more than one source.",
            if figures == 1 { "" } else { "s" },
            if documents == 1 { "" } else { "s" },
            env!("CARGO_PKG_VERSION")
        ),
        log,
        annotations: Vec::new(),
        facet: false,
    }
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// 1234567 → "1,234,567".
pub fn thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn day_number(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as f64
}

/// Date ticks for a span: days, weeks, months or years, at most about a dozen.
fn date_ticks(first: NaiveDate, last: NaiveDate) -> (Vec<NaiveDate>, &'static str) {
    let days = (last - first).num_days();
    let mut ticks = Vec::new();
    if days <= 14 {
        let mut d = first;
        while d <= last {
            ticks.push(d);
            d += Duration::days(1);
        }
        return (ticks, "%-d %b");
    }
    if days <= 120 {
        let step = if days <= 60 { 7 } else { 14 };
        let mut d = first - Duration::days(first.weekday().num_days_from_monday() as i64);
        while d <= last {
            if d >= first {
                ticks.push(d);
            }
            d += Duration::days(step);
        }
        return (ticks, "%-d %b");
    }
    if days <= 3 * 365 {
        let months = days / 30;
        let step = (months / 10 + 1) as u32;
        let mut d =
            NaiveDate::from_ymd_opt(first.year(), first.month(), 1).expect("first of month");
        while d <= last {
            if d >= first {
                ticks.push(d);
            }
            let m0 = d.month0() + step;
            d = NaiveDate::from_ymd_opt(d.year() + (m0 / 12) as i32, m0 % 12 + 1, 1)
                .expect("month");
        }
        return (ticks, "%b %Y");
    }
    let step = ((days / 365) / 10 + 1) as i32;
    let mut y = first.year() + 1;
    while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
        if d > last {
            break;
        }
        ticks.push(d);
        y += step;
    }
    (ticks, "%Y")
}

/// Draw `chart` on any backend: the header, then one plot (or a grid of
/// small multiples when `chart.facet`), then the footer.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    raster: bool,
) -> Result<()> {
    fonts();
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| Error::Draw(e.to_string());
    root.fill(&WHITE).map_err(err)?;
    let (_, h) = root.dim_in_pixel();
    let (header, body) = root.split_vertically(92);
    let (body, footer) = body.split_vertically(h as i32 - 92 - 56);
    header
        .draw(&Text::new(
            chart.title.clone(),
            (40, 22),
            ("sans-serif", 30)
                .into_font()
                .style(FontStyle::Bold)
                .color(&INK),
        ))
        .map_err(err)?;
    header
        .draw(&Text::new(
            chart.subtitle.clone(),
            (40, 60),
            ("sans-serif", 17).into_font().color(&MUTED),
        ))
        .map_err(err)?;
    footer
        .draw(&Text::new(
            chart.footer.clone(),
            (40, 20),
            ("sans-serif", 14).into_font().color(&MUTED),
        ))
        .map_err(err)?;

    let all: Vec<&Mark> = chart.lines.iter().flat_map(|l| &l.points).collect();
    if all.is_empty() {
        body.draw(&Text::new(
            "No dated figures to chart.",
            (40, 60),
            ("sans-serif", 20).into_font().color(&MUTED),
        ))
        .map_err(err)?;
        root.present().map_err(err)?;
        return Ok(());
    }
    // One x range for every panel: the reports, widened to the annotations.
    let dates = all
        .iter()
        .map(|p| p.0)
        .chain(chart.annotations.iter().map(|a| a.date));
    let first = dates.clone().min().expect("points");
    let last = dates.max().expect("points");
    let (first, last) = if first == last {
        (first - Duration::days(1), last + Duration::days(1))
    } else {
        (first, last)
    };
    // One y scale for every panel too, so small multiples compare honestly.
    let top = all
        .iter()
        .map(|p| p.3.unwrap_or(p.1).max(p.1))
        .max()
        .unwrap_or(1)
        .max(1);
    // A log axis starts at the power of ten below the smallest value shown.
    let bottom = all
        .iter()
        .map(|p| p.2.unwrap_or(p.1).min(p.1))
        .min()
        .unwrap_or(1)
        .max(1);
    let frame = Frame {
        first,
        last,
        top,
        bottom,
        raster,
        log: chart.log,
        annotations: &chart.annotations,
        y_label: &chart.y_label,
    };
    if chart.facet && chart.lines.len() > 1 {
        let n = chart.lines.len();
        let cols = if n <= 2 {
            n
        } else if n <= 4 {
            2
        } else {
            3
        };
        let rows = n.div_ceil(cols);
        let panels = body.split_evenly((rows, cols));
        for (i, (line, area)) in chart.lines.iter().zip(&panels).enumerate() {
            let panel = Panel {
                lines: std::slice::from_ref(line),
                first_colour: i,
                title: Some(&line.label),
                small: true,
            };
            draw_panel(root, area, &frame, &panel)?;
        }
    } else {
        let panel = Panel {
            lines: &chart.lines,
            first_colour: 0,
            title: None,
            small: false,
        };
        draw_panel(root, &body, &frame, &panel)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

/// The scales every panel of a chart shares.
struct Frame<'a> {
    first: NaiveDate,
    last: NaiveDate,
    top: u64,
    /// The smallest value or low bound: where a log axis starts.
    bottom: u64,
    /// Drawing on a bitmap (see [`polyline`]).
    raster: bool,
    log: bool,
    annotations: &'a [Annotation],
    y_label: &'a str,
}

/// One plot: its lines, the palette index of its first line, and in a grid
/// of small multiples its title and smaller type.
struct Panel<'a> {
    lines: &'a [Line],
    first_colour: usize,
    title: Option<&'a str>,
    small: bool,
}

/// Draw one plot in `area`. Text and ticks go on `root` in pixel
/// coordinates, which stay right whatever sub-area the plot is in.
fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    panel: &Panel,
) -> Result<()> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| Error::Draw(e.to_string());
    let (w, _) = area.dim_in_pixel();
    let text_size = if panel.small { 12 } else { 15 };
    let char_w = if panel.small { 7 } else { 8 };
    let (first, last, log) = (frame.first, frame.last, frame.log);
    let pad = ((last - first).num_days() as f64 * 0.03).max(0.5);
    let y = |v: u64| {
        if log {
            (v.max(1) as f64).log10()
        } else {
            v as f64
        }
    };
    let (y0, y1) = if log {
        (y(frame.bottom).floor(), y(frame.top) + 0.15)
    } else {
        (0.0, frame.top as f64 * 1.12)
    };

    // Room on the right for direct labels at the lines' ends (in a small
    // multiple only the value: the panel's title names the group).
    let label_room = if panel.small {
        let widest = panel
            .lines
            .iter()
            .filter_map(|l| l.points.last())
            .map(|p| thousands(p.1).len())
            .max()
            .unwrap_or(0) as u32;
        widest * 8 + 16
    } else {
        // The label is "Place 12,000,000": the name (cut at 28) and the value.
        panel
            .lines
            .iter()
            .filter_map(|l| l.points.last().map(|p| (l, p)))
            .map(|(l, p)| l.label.chars().count().min(28) + 1 + thousands(p.1).len())
            .max()
            .unwrap_or(0) as u32
            * 9
            + 20
    };
    let mut ctx = ChartBuilder::on(area)
        .margin_left(if panel.small { 8 } else { 20 })
        .margin_right(label_room.min(w / 3))
        .margin_top(if panel.small { 26 } else { 10 })
        .margin_bottom(if panel.small { 4 } else { 10 })
        .x_label_area_size(if panel.small { 28 } else { 40 })
        .y_label_area_size(if panel.small { 64 } else { 90 })
        .build_cartesian_2d((day_number(first) - pad)..(day_number(last) + pad), y0..y1)
        .map_err(err)?;
    let y_fmt = |v: &f64| {
        if log {
            thousands(10f64.powf(*v).round() as u64)
        } else {
            thousands(v.round().max(0.0) as u64)
        }
    };
    let mut mesh = ctx.configure_mesh();
    mesh.disable_x_mesh()
        .x_labels(0)
        // On a log axis, at most one label a decade, so every label is a
        // power of ten (10^3.5 = "3,162" helps nobody).
        .y_labels(match (log, panel.small) {
            (true, _) => (y1 - y0).floor() as usize + 1,
            (false, true) => 4,
            (false, false) => 8,
        })
        .y_label_formatter(&y_fmt)
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .axis_style(MUTED)
        .label_style(("sans-serif", text_size).into_font().color(&INK))
        .axis_desc_style(("sans-serif", 15).into_font().color(&MUTED));
    if !panel.small {
        mesh.y_desc(frame.y_label);
    }
    mesh.draw().map_err(err)?;

    if let Some(title) = panel.title {
        let colour = PALETTE[panel.first_colour % PALETTE.len()];
        let (px, py) = ctx.backend_coord(&(day_number(first) - pad, y1));
        root.draw(&Text::new(
            clip(title, 40),
            (px + 4, py - 22),
            ("sans-serif", 14)
                .into_font()
                .style(FontStyle::Bold)
                .color(&colour),
        ))
        .map_err(err)?;
    }

    // Date ticks, drawn by hand so they fall on days, Mondays, months or years;
    // a small multiple has room for about half as many.
    let (ticks, fmt) = date_ticks(first, last);
    let every = if panel.small {
        ticks.len().div_ceil(5).max(1)
    } else {
        1
    };
    for d in ticks.iter().step_by(every) {
        let (px, py) = ctx.backend_coord(&(day_number(*d), y0));
        root.draw(&PathElement::new(vec![(px, py), (px, py + 5)], MUTED))
            .map_err(err)?;
        let label = d.format(fmt).to_string();
        let text_w = label.chars().count() as i32 * char_w;
        root.draw(&Text::new(
            label,
            (px - text_w / 2, py + 8),
            ("sans-serif", text_size).into_font().color(&INK),
        ))
        .map_err(err)?;
    }

    // Annotations: a dashed rule at the date, its text beside the top.
    for a in frame.annotations {
        let (px, top_py) = ctx.backend_coord(&(day_number(a.date), y1));
        let (_, bottom_py) = ctx.backend_coord(&(day_number(a.date), y0));
        root.draw(&DashedPathElement::new(
            vec![(px, top_py), (px, bottom_py)],
            6,
            4,
            MUTED.stroke_width(1),
        ))
        .map_err(err)?;
        if !panel.small || panel.first_colour == 0 {
            root.draw(&Text::new(
                clip(&a.text, 40),
                (px + 5, top_py + 2),
                ("sans-serif", text_size - 1)
                    .into_font()
                    .style(FontStyle::Italic)
                    .color(&MUTED),
            ))
            .map_err(err)?;
        }
    }

    let mut end_labels: Vec<(i32, i32, String, RGBColor)> = Vec::new();
    for (i, line) in panel.lines.iter().enumerate() {
        let colour = PALETTE[(panel.first_colour + i) % PALETTE.len()];
        // The low–high band where both bounds are stated and differ.
        let band: Vec<_> = line
            .points
            .iter()
            .filter(|p| matches!((p.2, p.3), (Some(l), Some(h)) if l != h))
            .collect();
        for seg in band.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            if day_number(b.0) - day_number(a.0) > GAP_DAYS {
                continue;
            }
            let poly = vec![
                (day_number(a.0), y(a.2.unwrap_or(a.1))),
                (day_number(b.0), y(b.2.unwrap_or(b.1))),
                (day_number(b.0), y(b.3.unwrap_or(b.1))),
                (day_number(a.0), y(a.3.unwrap_or(a.1))),
            ];
            ctx.draw_series(std::iter::once(Polygon::new(poly, colour.mix(0.15))))
                .map_err(err)?;
        }
        for p in &band {
            let x = day_number(p.0);
            let (lo, hi) = (y(p.2.unwrap_or(p.1)), y(p.3.unwrap_or(p.1)));
            let px = [ctx.backend_coord(&(x, lo)), ctx.backend_coord(&(x, hi))];
            polyline(root, &px, colour.mix(0.5), 2, frame.raster).map_err(err)?;
        }
        let xy: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|p| (day_number(p.0), y(p.1)))
            .collect();
        // Reports far apart are not joined: a gap in reporting stays a gap.
        let mut from = 0;
        for k in 1..=xy.len() {
            if k == xy.len() || xy[k].0 - xy[k - 1].0 > GAP_DAYS {
                let px: Vec<_> = xy[from..k].iter().map(|p| ctx.backend_coord(p)).collect();
                let width = if panel.small { 2 } else { 3 };
                polyline(root, &px, colour.to_rgba(), width, frame.raster).map_err(err)?;
                from = k;
            }
        }
        let r = if panel.small { 4 } else { 5 };
        for (p, &(x, yv)) in line.points.iter().zip(&xy) {
            // Filled: more than one source; hollow: a single source.
            if p.4 > 1 {
                ctx.draw_series(std::iter::once(Circle::new((x, yv), r, colour.filled())))
                    .map_err(err)?;
            } else {
                // A ring as two filled discs: plotters' stroked circle leaves
                // stray pixels inside on a bitmap.
                ctx.draw_series(std::iter::once(Circle::new((x, yv), r, colour.filled())))
                    .map_err(err)?;
                ctx.draw_series(std::iter::once(Circle::new((x, yv), r - 2, WHITE.filled())))
                    .map_err(err)?;
            }
        }
        if let (Some(last_p), Some(&(x, yv))) = (line.points.last(), xy.last()) {
            let (px, py) = ctx.backend_coord(&(x, yv));
            let text = if panel.small {
                thousands(last_p.1)
            } else {
                format!("{} {}", clip(&line.label, 28), thousands(last_p.1))
            };
            end_labels.push((px + 10, py - text_size / 2, text, colour));
        }
    }
    // Direct labels at the lines' ends, nudged apart so they never overlap:
    // only labels that share columns are moved, so a label stays beside its
    // point unless another would cover it.
    let step = text_size + 4;
    let floor = ctx.backend_coord(&(day_number(first), y0)).1 - step;
    end_labels.sort_by_key(|l| (l.1, l.0));
    let ys = place_labels(
        &end_labels
            .iter()
            .map(|(x, y, text, _)| (*x, *y, text.chars().count() as i32 * char_w))
            .collect::<Vec<_>>(),
        step,
        floor,
    );
    for (label, y) in end_labels.iter_mut().zip(ys) {
        label.1 = y;
    }
    for (px, py, text, colour) in end_labels {
        root.draw(&Text::new(
            text,
            (px, py),
            ("sans-serif", text_size)
                .into_font()
                .style(FontStyle::Bold)
                .color(&colour),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Vertical positions for labels `(x, y, width)` sorted by `y`: each keeps
/// its `y` unless a label already placed overlaps it in both directions; then
/// it moves below that one, or above when that would cross `floor`.
fn place_labels(labels: &[(i32, i32, i32)], step: i32, floor: i32) -> Vec<i32> {
    let mut placed: Vec<(i32, i32, i32)> = Vec::with_capacity(labels.len());
    for &(x, y0, w) in labels {
        let clash = |y: i32, placed: &[(i32, i32, i32)]| {
            placed
                .iter()
                .find(|&&(px, py, pw)| x < px + pw && px < x + w && (y - py).abs() < step)
                .map(|p| p.1)
        };
        let mut y = y0.min(floor);
        // Down past the labels in the way...
        let mut tries = 0;
        while let Some(py) = clash(y, &placed) {
            y = py + step;
            tries += 1;
            if y > floor || tries > labels.len() {
                break;
            }
        }
        // ...or, at the axis, up instead.
        if y > floor {
            y = floor;
            let mut tries = 0;
            while let Some(py) = clash(y, &placed) {
                y = py - step;
                tries += 1;
                if tries > labels.len() {
                    break;
                }
            }
        }
        placed.push((x, y, w));
    }
    placed.iter().map(|p| p.1).collect()
}

/// A line `width` pixels thick through pixel points.
///
/// On a bitmap, plotters fills a thick line as a thin polygon, and its
/// polygon filler draws a steep sliver of one as a stroke across the whole
/// image; so there the line is drawn as `width` one-pixel lines side by side.
/// SVG gets one path with a stroke width.
fn polyline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[(i32, i32)],
    colour: RGBAColor,
    width: u32,
    raster: bool,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut pts = points.to_vec();
    pts.dedup();
    if pts.len() < 2 {
        return Ok(());
    }
    if !raster || width <= 1 {
        return root.draw(&PathElement::new(pts, colour.stroke_width(width)));
    }
    let half = width as i32 / 2;
    for seg in pts.windows(2) {
        let (a, b) = (seg[0], seg[1]);
        let steep = (b.1 - a.1).abs() > (b.0 - a.0).abs();
        for k in -half..=half - (1 - width as i32 % 2) {
            let (dx, dy) = if steep { (k, 0) } else { (0, k) };
            root.draw(&PathElement::new(
                vec![(a.0 + dx, a.1 + dy), (b.0 + dx, b.1 + dy)],
                colour.stroke_width(1),
            ))?;
        }
    }
    Ok(())
}

/// At most `n` characters, with an ellipsis when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        s.chars().take(n - 1).collect::<String>() + "…"
    } else {
        s.to_string()
    }
}

/// Render to a PNG file (1200×700), atomically.
pub fn png(path: &Path, chart: &Chart) -> Result<()> {
    let special = is_special(path);
    // For a device or a pipe the image is drawn in the temporary directory,
    // not beside it (in /dev).
    let scratch = std::env::temp_dir();
    let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        _ if special => scratch.as_path(),
        Some(p) => p,
        None => Path::new("."),
    };
    let werr = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_in(dir, ".png").map_err(werr)?;
    {
        let root = BitMapBackend::new(tmp.path(), SIZE).into_drawing_area();
        draw(&root, chart, true)?;
    }
    if special {
        // A device or a pipe gets the bytes, and stays what it is.
        let bytes = std::fs::read(tmp.path()).map_err(werr)?;
        return write_atomic(path, |w| Ok(w.write_all(&bytes)?));
    }
    tmp.persist(path).map_err(|e| werr(e.error))?;
    Ok(())
}

/// Render to an SVG string (1200×700).
pub fn svg_string(chart: &Chart) -> Result<String> {
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, SIZE).into_drawing_area();
        draw(&root, chart, false)?;
    }
    Ok(s)
}

/// Render to an SVG file, atomically.
pub fn svg(path: &Path, chart: &Chart) -> Result<()> {
    let s = svg_string(chart)?;
    write_atomic(path, |w| Ok(w.write_all(s.as_bytes())?))
}

/// A chart's file format by extension.
pub fn by_extension(path: &Path, chart: &Chart) -> Result<()> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => png(path, chart),
        Some("svg") => svg(path, chart),
        _ => Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "chart file must end in .png or .svg",
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(46006), "46,006");
        assert_eq!(thousands(2070000), "2,070,000");
    }

    #[test]
    fn labels_move_only_when_they_would_overlap() {
        // Two labels far apart sideways keep their places; two in the same
        // columns are set one line apart; at the axis the stack grows upward.
        assert_eq!(
            place_labels(&[(100, 50, 80), (600, 52, 80)], 19, 500),
            [50, 52]
        );
        assert_eq!(
            place_labels(&[(100, 50, 80), (120, 52, 80)], 19, 500),
            [50, 69]
        );
        assert_eq!(
            place_labels(&[(100, 495, 80), (120, 497, 80)], 19, 500),
            [495, 476]
        );
    }

    #[test]
    fn ticks_fit_the_span() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date_ticks(d("2025-01-01"), d("2025-01-05")).0.len(), 5);
        assert_eq!(date_ticks(d("2023-01-01"), d("2023-12-31")).1, "%b %Y");
        assert_eq!(date_ticks(d("2015-01-01"), d("2025-01-01")).1, "%Y");
    }
}
