//! Extract: one [`Document`] → its [`Figure`]s. Pure functions, no I/O, no polars.
//!
//! The stages, each in its own file: [`sentence`] splits the text; [`number`]
//! finds every cardinal number; [`reject`] drops numbers that cannot count
//! people (years, money, ages, "two hospitals"); [`lexicon`] holds the cue
//! words; [`link`] ties each remaining number to a metric and reads its
//! bounds ([`bounds`]) and group ([`who`]); [`when`] dates it with the
//! [`date`] grammar; [`locate`] finds where it happened with the [`place`]
//! gazetteer. Tables written as text (cells split by `|`) are read apart,
//! by [`table`]: their rows have no sentences to parse.
//!
//! The contract is `shared/spec/FIGURES.md`; section numbers in comments refer to it.

pub mod bounds;
pub mod bundled;
pub mod date;
pub mod lexicon;
pub mod link;
pub mod locate;
pub mod number;
pub mod place;
pub mod reject;
pub mod sentence;
pub mod table;
pub mod token;
pub mod when;
pub mod who;

#[cfg(test)]
mod robust;
#[cfg(test)]
mod tests;

use foldhash::{HashSet, HashSetExt};
use std::cell::OnceCell;

use chrono::NaiveDate;

use crate::document::Document;
use date::DateOrder;

/// What a figure counts (§2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    Killed,
    Injured,
    Displaced,
    Troops,
    Detained,
    Abducted,
    Missing,
}

impl Metric {
    /// Every metric, in the order of the contract's table.
    pub const ALL: [Metric; 7] = [
        Metric::Killed,
        Metric::Injured,
        Metric::Displaced,
        Metric::Troops,
        Metric::Detained,
        Metric::Abducted,
        Metric::Missing,
    ];

    /// The spelling used in tables and gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Killed => "killed",
            Metric::Injured => "injured",
            Metric::Displaced => "displaced",
            Metric::Troops => "troops",
            Metric::Detained => "detained",
            Metric::Abducted => "abducted",
            Metric::Missing => "missing",
        }
    }

    /// Parse the spelling of [`Metric::as_str`].
    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// How the text bounds the value (§3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    UpTo,
    Approx,
    Range,
    Vague,
}

impl Qualifier {
    /// The spelling used in tables and gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::UpTo => "up_to",
            Qualifier::Approx => "approx",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    /// Parse the spelling of [`Qualifier::as_str`].
    pub fn parse(s: &str) -> Option<Qualifier> {
        [
            Qualifier::Exact,
            Qualifier::AtLeast,
            Qualifier::MoreThan,
            Qualifier::UpTo,
            Qualifier::Approx,
            Qualifier::Range,
            Qualifier::Vague,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
    }
}

/// Running total or single incident (§4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Cumulative,
    Event,
}

impl Kind {
    /// The spelling used in tables and gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cumulative => "cumulative",
            Kind::Event => "event",
        }
    }

    /// Parse the spelling of [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "cumulative" => Some(Kind::Cumulative),
            "event" => Some(Kind::Event),
            _ => None,
        }
    }
}

/// One stated count of people: a row of the figures table (§6).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub doc: String,
    pub published: Option<NaiveDate>,
    pub date: Option<NaiveDate>,
    pub period_start: Option<NaiveDate>,
    pub metric: Metric,
    pub value: u64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    pub who: Option<String>,
    /// `where` in the table (a Rust keyword).
    pub place: Option<String>,
    pub sentence: String,
    /// Byte offsets of the number phrase in the document text.
    pub start: usize,
    pub end: usize,
    pub published_inferred: bool,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub claim: Option<String>,
    /// A part of another figure of the same sentence ("including 12 children",
    /// "Among the dead are 84 Egyptians"): not added to totals. An extra column after §6's.
    pub subcount: bool,
}

/// Marks of a key-figures line: a bullet and the colon after its label.
const KEY_LINE_MARKS: &[char] = &['-', '*', '\u{2022}', '\u{2013}', ':'];

/// How many sentences on a follow-up about an incident may stand from the
/// sentence that dated it.
const FOLLOW_UP_SENTENCES: usize = 2;

/// Whether figure `f` of sentence `s`, dated at publication for want of a
/// day of its own, is a follow-up that keeps the day of the incident before
/// it (§4): "The shaft caved in on Saturday ... At least 23 people were
/// injured". Only the incident's own toll does, on a recent day: troops
/// sent and arrests made are later events, a share of a total or a present
/// state ("are being treated") stands at publication, and "overnight" in a
/// daily report is the night before publication.
fn keeps_incident_day(
    s: &str,
    f: &link::Found,
    dated: &when::Dated,
    published: Option<NaiveDate>,
    day: NaiveDate,
) -> bool {
    matches!(
        f.metric,
        Metric::Killed | Metric::Injured | Metric::Abducted
    ) && !f.hint.present
        && !when::is_share(s, f)
        && !when::opens_share(s)
        && !s.contains("overnight")
        && dated.kind == Kind::Event
        && dated.date == published
        && dated.period_start.is_none()
        && published.is_some_and(|p| day < p && (p - day).num_days() <= 7)
}

/// Every figure the document states, in text order.
///
/// ```
/// use chrono::NaiveDate;
/// use tolltrack::{extract, Document, Metric};
/// let doc = Document::new("a", NaiveDate::from_ymd_opt(2025, 1, 22), "On Tuesday, troops killed 10 people in Jenin.");
/// let figs = extract::figures(&doc);
/// assert_eq!(figs.len(), 1);
/// assert_eq!((figs[0].metric, figs[0].value), (Metric::Killed, 10));
/// assert_eq!(figs[0].date, NaiveDate::from_ymd_opt(2025, 1, 21));
/// ```
pub fn figures(doc: &Document) -> Vec<Figure> {
    figures_with(doc, DateOrder::default())
}

/// [`figures`], reading all-numeric dates in the given order.
pub fn figures_with(doc: &Document, order: DateOrder) -> Vec<Figure> {
    let text = doc.text.as_str();
    let spans = sentence::split(text);
    // Each sentence's places are looked up once, and only if needed.
    let sentences = locate::Sentences::new(text, &spans);
    // The dateline, found once: the story's place and each figure's fallback read it.
    let doc_dateline = locate::dateline(text);
    // The story's place is looked up once, and only if a figure needs it.
    let story_cell: OnceCell<Option<locate::Located>> = OnceCell::new();
    let story = || {
        story_cell
            .get_or_init(|| {
                locate::story_place(text, doc.title.as_deref(), &sentences, doc_dateline)
            })
            .clone()
    };
    // Without a publication date, relative dates cannot be resolved: date
    // spans are still found (their numbers are not counts) but not used.
    let reference = doc.published.unwrap_or(NaiveDate::MIN);
    // A live page's day headings: an entry under "Friday, August 29" is
    // dated by it, and its "this evening" counts from it.
    let headings = when::day_headings(text, &spans, doc.published, order);
    // Room for every sentence: the set never grows, so no sentence is hashed twice.
    let mut seen: HashSet<&str> = HashSet::with_capacity(spans.len());
    let mut out = Vec::new();
    // The spans of a sentence's figures, for placing each: one buffer for all sentences.
    let mut figure_spans: Vec<(usize, usize)> = Vec::new();
    // The numbers of a sentence, and its tokens: one buffer each for all
    // sentences of the document.
    let mut nums: Vec<number::Number> = Vec::new();
    let mut toks: Vec<token::Token> = Vec::new();
    // The figures of a sentence, before they are dated and placed: one buffer too.
    let mut found: Vec<link::Found> = Vec::new();
    // A disaster story's tolls are running ones (§4): asked once, if a figure needs it.
    let disaster = OnceCell::new();
    // The kind of the last total of each metric, for a share of it in a
    // later sentence ("Nine of the dead were children").
    let mut last_kind: [Option<Kind>; Metric::ALL.len()] = [None; Metric::ALL.len()];
    // The metric of the last total of the sentence before, if it had one,
    // for a pronoun that points back to it ("Among them were 298 civilians").
    let mut last_total: Option<(usize, Metric)> = None;
    // The sentence and day of the last incident the text dated, for a
    // follow-up sentence about it that names no day (§4: "Follow-up
    // sentences about the same incident keep its day").
    let mut incident: Option<(usize, NaiveDate)> = None;
    for (n, span) in spans.iter().enumerate() {
        let s = &text[span.start..span.end];
        let before = last_total.filter(|&(at, _)| at + 1 == n).map(|(_, m)| m);
        // Only a sentence with a number and a cue can hold a figure (or a
        // number that points back to the sentence before); the cheap test
        // for a number goes first (a byte pass most prose fails).
        if !number::may_hold_number(s)
            || !(lexicon::may_hold_figure(s) || before.is_some() && link::may_point_back(s))
        {
            continue;
        }
        // A verbatim repeat (a caption printed twice) is one row (§2).
        if !seen.insert(s) {
            continue;
        }
        // Only a number can be a figure: without one, neither the tokens
        // nor the date grammar are needed.
        number::numbers_into(s, &mut nums);
        if nums.is_empty() {
            continue;
        }
        token::tokens_into(s, &nums, &mut toks);
        // The dates matter to the figures only through the numbers inside
        // them, which are skipped (see [`link::figures_into`]): a sentence
        // whose numbers make no figure without its dates makes none with
        // them, and the date grammar, the dearest stage, is spared.
        link::figures_into(s, &toks, &[], before, &mut found);
        if found.is_empty() {
            continue;
        }
        // The day of the heading this sentence is under, if any, stands
        // for the publication day.
        let under = headings.partition_point(|&(at, _)| at < n);
        let published = under
            .checked_sub(1)
            .and_then(|h| headings[h].1)
            .or(doc.published);
        let reference = published.unwrap_or(reference);
        let dates = date::dates(s, reference, order);
        // Only a figure that takes in a date's number can differ: read again then.
        let overlaps = |f: &link::Found| dates.iter().any(|d| d.start < f.end && f.start < d.end);
        if found.iter().any(overlaps) {
            link::figures_into(s, &toks, &dates, before, &mut found);
            if found.is_empty() {
                continue;
            }
        }
        let usable: &[date::DateMatch] = if doc.published.is_some() { &dates } else { &[] };
        // A line that is only a count ("226 people dead", a report's key
        // figures box) states where a total stands, not an incident.
        // So does a labelled line of one ("- Civilians killed: 2").
        let mark = |t: &token::Token| KEY_LINE_MARKS.iter().any(|&c| t.is_punct(c));
        // A situation report's longer label counts too ("Deaths reported
        // in Malakal PoC site: 20").
        let key_figure = dates.is_empty()
            && !s.contains('\n')
            && ((toks.iter().filter(|t| !mark(t)).count() <= 4
                && toks.iter().all(|t| t.is_num() || t.is_word() || mark(t)))
                || link::is_labelled_line(&toks));
        let dateline = locate::dateline_in(doc_dateline, span.start);
        let names = sentences.names(n);
        figure_spans.clear();
        figure_spans.extend(found.iter().map(|f| (f.start, f.end)));
        // The place an earlier sentence put things in, for "in the area":
        // looked up once per sentence, and only when a figure needs it.
        let previous_cell: OnceCell<Option<locate::Located>> = OnceCell::new();
        // The dating of the sentence's last total, for its sub-counts.
        let mut total: Option<when::Dated> = None;
        let disaster =
            || *disaster.get_or_init(|| when::is_disaster_story(doc.title.as_deref(), text));
        let sentence_dates =
            when::SentenceDates::new(s, &toks, usable, published, dateline, &disaster);
        for f in found.drain(..) {
            let own = when::date_in(&sentence_dates, &f);
            // A sub-count ("including 35 women") is part of its total: same
            // date, period and kind.
            // So is a figure the total brings along: "the toll has climbed
            // to 1,200, with 3,000 injured".
            let with = s[..f.start].trim_end().ends_with(" with");
            let dated = match total {
                Some(t) if f.subcount || with => t,
                // An earlier value of a total is a total too, on its own date:
                // "68 have died, up from 14 deaths announced on Monday".
                // So is a gapped conjunct: "59 were in Wajima and 23 in Suzu".
                Some(t) if f.hint.earlier || f.hint.gapped => when::Dated {
                    kind: t.kind,
                    ..own
                },
                _ => own,
            };
            // A share of a running total an earlier sentence gave, on no
            // day of its own ("Nine of the dead were children"), is part
            // of that total.
            let share_of_total = last_kind[f.metric as usize] == Some(Kind::Cumulative)
                && total.is_none()
                && dated.date == published
                && when::is_share(s, &f);
            let dated = if key_figure || share_of_total {
                when::Dated {
                    kind: Kind::Cumulative,
                    ..dated
                }
            } else {
                dated
            };
            // A follow-up about the incident the sentence before (or the
            // one before that) dated keeps its day; a sentence with dates of
            // its own, or under a live page's day headings, has its own.
            let dated = match incident {
                Some((at, day))
                    if n - at <= FOLLOW_UP_SENTENCES
                        && dates.is_empty()
                        && headings.is_empty()
                        && keeps_incident_day(s, &f, &dated, published, day) =>
                {
                    when::Dated {
                        date: Some(day),
                        ..dated
                    }
                }
                _ => dated,
            };
            if dated.kind == Kind::Event && dated.date != published && !f.subcount {
                incident = dated.date.map(|d| (n, d));
            }
            if !f.subcount {
                last_kind[f.metric as usize] = Some(dated.kind);
                total = Some(own);
                last_total = Some((n, f.metric));
            }
            let previous = || {
                previous_cell
                    .get_or_init(|| {
                        locate::previous_place(
                            &sentences,
                            n.saturating_sub(3)..n,
                            names.anaphor_noun(s),
                        )
                    })
                    .clone()
            };
            let place = locate::place(s, names, &f, &figure_spans, story, previous, dateline);
            // The place is this figure's own copy: its strings move into the row.
            let (place, country, lat, lon) = match place {
                Some(p) => (Some(p.name), p.country, p.lat, p.lon),
                None => (None, None, None, None),
            };
            out.push(Figure {
                doc: doc.id.clone(),
                published: doc.published,
                date: dated.date,
                period_start: dated.period_start,
                metric: f.metric,
                value: f.value,
                low: f.low,
                high: f.high,
                qualifier: f.qualifier,
                kind: dated.kind,
                who: f.who,
                place,
                sentence: one_line(s),
                start: span.start + f.start,
                end: span.start + f.end,
                published_inferred: doc.published_inferred,
                country,
                lat,
                lon,
                claim: None,
                subcount: f.subcount,
            });
        }
    }
    let cells = table::cells(text, doc.published, order);
    if !cells.is_empty() {
        for c in cells {
            // A row that sums others is placed as the story is.
            let place = match &c.name {
                Some(name) => Some(locate::name_place(name)),
                None => story(),
            };
            out.push(Figure {
                doc: doc.id.clone(),
                published: doc.published,
                date: c.date.or(doc.published),
                period_start: c.since,
                metric: c.metric,
                value: c.value,
                low: Some(c.value),
                high: Some(c.value),
                qualifier: Qualifier::Exact,
                kind: Kind::Cumulative,
                who: None,
                place: place.as_ref().map(|p| p.name.clone()),
                sentence: text[c.row.0..c.row.1].to_string(),
                start: c.start,
                end: c.end,
                published_inferred: doc.published_inferred,
                country: place.as_ref().and_then(|p| p.country.clone()),
                lat: place.as_ref().and_then(|p| p.lat),
                lon: place.as_ref().and_then(|p| p.lon),
                claim: None,
                subcount: false,
            });
        }
        // Text order: a table's rows among the sentences around it.
        out.sort_by_key(|f| f.start);
    }
    out
}

/// A fixed pseudo-random walk for property checks in tests (a linear
/// congruential generator): `next(n)` is in `0..n`, and the same seed gives
/// the same sequence, so a failure repeats.
#[cfg(test)]
pub(crate) fn test_walk(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    }
}

/// A quote on one line: a sentence hard-wrapped in the text reads with
/// spaces where its line breaks were.
fn one_line(s: &str) -> String {
    if memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_none() {
        return s.to_string();
    }
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
