//! When: a figure's `date`, `period_start` and `kind` (§4), from the date
//! expressions of its sentence and the verb group around its cue.
//!
//! Rules, in order: a figure in a "when" clause right after a date is that
//! date's event ("since July 2022, when 16 people were killed"); a period
//! opener ("since Dec. 1", "in the last four days", or "since" earlier in
//! the clause before a date) sets `period_start`; the nearest day or period
//! in the figure's own clause that is not a statement's date ("said
//! Thursday") dates the event, and a statement's or "as of" date dates a
//! running total, the event's day becoming its `period_start`; a count over
//! a range or a stretch of months ("the first half of the year") is a total
//! dated at its end; with no date, `date` = `published`.

use std::borrow::Cow;
use std::cell::OnceCell;

use chrono::{Datelike, NaiveDate};

use super::date::{DateMatch, DateOrder, Role};
use super::lexicon::List;
use super::link::Found;
use super::number::NUMBER_WORDS;
use super::token::{find_any_case, Token};
use super::{Kind, Metric};

/// A figure's dating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: Option<NaiveDate>,
    pub period_start: Option<NaiveDate>,
    pub kind: Kind,
}

/// Verbs whose date is when something was said, not when it happened.
pub(crate) const STATEMENT: &[&str] = &[
    "said",
    "says",
    "reported",
    "announced",
    "told",
    "confirmed",
    "stated",
    "added",
    "according",
    "estimated",
    "reports",
    "announces",
    "tweeted",
    "posted",
    "updated",
    "released",
    "published",
    "issued",
    "showed",
    "show",
    "shows",
    "meeting",
    "briefing",
];

/// Markers of an earlier value after a figure: a date after them is that
/// value's ("up from 14 deaths it announced on Monday"), not the figure's.
const EARLIER_VALUE: &[&str] = &["up from ", "down from ", "compared with ", "compared to "];

/// Marks of a participle clause that brings a total to a new value after an
/// increment: its dates are the total's ("22 more died in the 24 hours to
/// Saturday, taking the number of deaths since March 1 to 141").
const BRINGS_TOTAL: &[&str] = &[", taking ", ", bringing ", ", raising ", ", pushing "];

/// A date `date` may use, and what its rules ask of it.
#[derive(Clone, Copy)]
struct Usable<'d> {
    d: &'d DateMatch,
    /// It opens a period from inside its clause ("since the agreement was
    /// signed in 2017", "which began in April 2023").
    opens: bool,
    /// It is when something was said ("said Thursday").
    said: bool,
    /// It is when a total stood ("as of Friday", "by Tuesday").
    stood: bool,
}

/// A sentence's dates and, for those a figure may take (not after
/// publication, not before the dateline), what the rules ask of each: the
/// same for every figure of the sentence, so worked out once for all of them.
pub struct SentenceDates<'d> {
    s: &'d str,
    dates: &'d [DateMatch],
    published: Option<NaiveDate>,
    usable: Vec<Usable<'d>>,
    /// [`since_undated`] of the sentence, asked by most figures without a
    /// period opener: worked out once, when first asked.
    since_undated: OnceCell<bool>,
    /// Whether the story is about a disaster ([`is_disaster_story`]),
    /// worked out when first asked.
    disaster: &'d dyn Fn() -> bool,
}

impl<'d> SentenceDates<'d> {
    /// The dates of sentence `s` (offsets relative to `s`).
    pub fn new(
        s: &'d str,
        toks: &[Token],
        dates: &'d [DateMatch],
        published: Option<NaiveDate>,
        dateline: usize,
        disaster: &'d dyn Fn() -> bool,
    ) -> SentenceDates<'d> {
        let usable = dates
            .iter()
            .filter(|d| published.is_none_or(|p| d.first <= p) && d.start >= dateline)
            .map(|d| Usable {
                d,
                opens: since_before(s, d, dates) || began_in(s, d),
                said: is_statement(toks, d),
                stood: is_as_of(toks, d),
            })
            .collect();
        SentenceDates {
            s,
            dates,
            published,
            usable,
            since_undated: OnceCell::new(),
            disaster,
        }
    }
}

/// The longest line read as a day heading, in bytes: "Wednesday, September
/// 30, 2025" fits; a sentence does not.
const MAX_HEADING: usize = 40;

/// The day headings of a live page ("Friday, August 29" over that day's
/// entries), as (sentence index, day) in text order: a line that is one
/// day and nothing else, on or before `published`. Another heading (a
/// short line with no digit and no stop: "The wider picture") ends a day's
/// section, as `None`. Empty unless the page has two days at least: one
/// date line alone is a byline's or a stamp's, and re-dating a whole story
/// by it would be a guess.
pub fn day_headings(
    text: &str,
    spans: &[std::ops::Range<usize>],
    published: Option<NaiveDate>,
    order: DateOrder,
) -> Vec<(usize, Option<NaiveDate>)> {
    let Some(published) = published else {
        return Vec::new();
    };
    let mut out: Vec<(usize, Option<NaiveDate>)> = Vec::new();
    for (n, span) in spans.iter().enumerate() {
        let line = text[span.clone()].trim();
        if line.len() > MAX_HEADING {
            continue;
        }
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            let stop = line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
            if !stop && !out.is_empty() {
                out.push((n, None));
            }
            continue;
        }
        // A heading ends without a full stop; "10 May." ends a sentence
        // that ran over a line break.
        if line.ends_with('.') {
            continue;
        }
        let dates = super::date::dates(line, published, order);
        let one_day = !dates.is_empty()
            && dates
                .iter()
                .all(|d| d.role == Role::Day && d.first == dates[0].first);
        // Nothing but the date: "Friday, August 29" (a weekday and its date).
        let rest_is_empty = || {
            let mut at = 0;
            dates.iter().all(|d| {
                let gap = &line[at..d.start];
                at = d.end;
                !gap.chars().any(char::is_alphanumeric)
            }) && !line[at..].chars().any(char::is_alphanumeric)
        };
        if one_day && dates[0].first <= published && rest_is_empty() {
            out.push((n, Some(dates[0].first)));
        }
    }
    // Headings of one day only are a live page's when that day is past and
    // the heading stands below entries of the publication day ("Sunday,
    // September 21" halfway down a page published on the Monday); at the
    // top of a page one date line is a byline's, not a heading.
    let days = out.iter().filter_map(|&(_, d)| d);
    let one_past_day_below_entries = || {
        out.iter()
            .find(|h| h.1.is_some())
            .is_some_and(|&(n, d)| n >= MIN_LIVE_ENTRY && d.is_some_and(|d| d < published))
    };
    if days.clone().min() == days.max() && !one_past_day_below_entries() {
        out.clear();
    }
    out
}

/// The sentence a lone day heading must stand at or below to be a live
/// page's (see [`day_headings`]): above it, the page's own top matter.
const MIN_LIVE_ENTRY: usize = 8;

/// Date `found` within sentence `s` (whose date expressions are `dates`, offsets relative to `s`).
pub fn date(
    s: &str,
    toks: &[Token],
    found: &Found,
    dates: &[DateMatch],
    published: Option<NaiveDate>,
    dateline: usize,
) -> Dated {
    date_in(
        &SentenceDates::new(s, toks, dates, published, dateline, &|| false),
        found,
    )
}

/// Date `found` within the sentence whose dates are `sentence`.
pub fn date_in(sentence: &SentenceDates, found: &Found) -> Dated {
    let SentenceDates {
        s,
        dates,
        published,
        disaster,
        ..
    } = *sentence;
    let anchor = found.start;
    let distance = |d: &DateMatch| {
        if d.end <= anchor {
            anchor - d.end
        } else {
            d.start.saturating_sub(found.end)
        }
    };
    // A date in an earlier value's phrase after the figure is that value's
    // ("68 had died, up from 14 deaths it announced on Monday").
    let after = |d: &DateMatch, marks: &[&str]| {
        d.start > found.end && marks.iter().any(|m| s[found.end..d.start].contains(m))
    };
    // So is the start of the period of a total the figure's increment
    // brings to a new value; the day it was said stays the figure's.
    let others = |u: &Usable| {
        after(u.d, EARLIER_VALUE)
            || ((u.opens || matches!(u.d.role, Role::Since | Role::Span))
                && after(u.d, BRINGS_TOTAL))
    };
    // The sentence's usable dates this figure may take: all of them, but
    // for the rare sentence with an earlier value (no copy then).
    let usable: Cow<[Usable]> = if sentence.usable.iter().any(others) {
        let kept = sentence.usable.iter().filter(|u| !others(u));
        Cow::Owned(kept.copied().collect())
    } else {
        Cow::Borrowed(&sentence.usable)
    };

    // "since July 2022, when 16 people were killed": the clause tells what
    // happened at that date, so the date is the figure's own and it is an
    // event there, whatever "since" opens for the main clause.
    let when_clause = usable.iter().map(|u| u.d).find(|d| {
        d.end <= anchor
            && s[d.end..anchor]
                .trim_start_matches([',', ' '])
                .strip_prefix("when ")
                .is_some_and(|rest| !rest.contains([',', ';', '.']))
    });
    if let Some(d) = when_clause {
        if !found.hint.total {
            return Dated {
                date: Some(d.first),
                period_start: None,
                kind: Kind::Event,
            };
        }
    }

    // "the worst since a fire killed 360 inmates in February 2012", "since
    // the 2016 earthquakes, which killed 50 people": the figure is inside
    // the "since" phrase, so its date is the figure's own event, not the
    // start of a period.
    let inside = usable
        .iter()
        .filter(|u| u.opens || u.d.role == Role::Since)
        .map(|u| u.d)
        .find(|d| since_holds(s, d, found));
    if let Some(d) = inside {
        if !found.hint.total {
            return Dated {
                date: Some(d.first),
                period_start: None,
                kind: Kind::Event,
            };
        }
    }

    let mut period_start = None;
    let mut span_days = None;
    let opener = usable
        .iter()
        .filter(|u| matches!(u.d.role, Role::Since | Role::Span) || u.opens)
        .map(|u| u.d)
        .min_by_key(|d| distance(d));
    if let Some(d) = opener {
        period_start = Some(d.first);
        if d.role == Role::Span {
            span_days = Some((d.last - d.first).num_days() + 1);
        }
    }
    // The nearest day or period; one that says when something happened
    // wins over one that says when it was said ("said on Tuesday that 558
    // people had been killed in Monday's strikes" is Monday's), unless it
    // stands in another clause: before the statement that reports the
    // figure ("where the storm made landfall on Sunday, the institute said
    // on Tuesday that ..."), or after a new conjunct (", and that 500 more
    // would be deployed over the weekend").
    let candidate = |u: &&Usable| matches!(u.d.role, Role::Day | Role::Period) && !u.opens;
    let own_clause = |u: &Usable| {
        let d = u.d;
        if d.end <= anchor {
            !usable
                .iter()
                .filter(candidate)
                .any(|o| o.said && o.d.start >= d.end && o.d.end <= anchor)
        } else {
            let between = &s[found.end.min(d.start)..d.start];
            !between.contains(';') && !between.contains(", and") && !between.contains(" and that ")
        }
    };
    let chosen = usable
        .iter()
        .filter(candidate)
        .min_by_key(|u| (u.said || !own_clause(u), distance(u.d)));
    let point = chosen.map(|u| u.d);
    let statement = chosen.is_some_and(|u| u.said || u.stood);
    // The day a total was stated or stood ("said on Sunday", "as of Friday"),
    // when another date stands nearer the figure.
    let stated = usable
        .iter()
        .filter(|u| u.d.role == Role::Day && (u.said || u.stood))
        .min_by_key(|u| distance(u.d))
        .map(|u| u.d);
    let as_of = usable.iter().any(|u| u.stood);
    // An explicit range that is not a calendar unit ("between Aug. 7 and
    // Aug. 12"), or a stretch of months that is not one ("in the first half
    // of the year"): a count over it is a total.
    let range = point.is_some_and(|d| {
        d.role == Role::Period
            && d.first != d.last
            && (is_explicit_range(&s[d.start..d.end]) || names_a_stretch(&s[d.start..d.end]))
    });

    let h = found.hint;
    // A day's increment ("in the past 24 hours") is an event (§4).
    let daily = span_days.is_some_and(|n| n <= 1);
    // A past state on a named day is that day's event: "300 officers were deployed on Sunday".
    let day_event = point.is_some_and(|d| d.role == Role::Day) && !statement;
    let present = h.present && !(h.stative_past && day_event);
    // Arrests reported in the perfect are still single events ("had been taken into custody").
    let perfect = h.perfect && found.metric != Metric::Detained && (point.is_none() || statement);
    // "since the conflict began", "since the start of the war": a running
    // total whose start the text does not date.
    let undated_since = opener.is_none()
        && *sentence
            .since_undated
            .get_or_init(|| since_undated(s, dates));
    // Being missing lasts: a count of the missing is a standing count,
    // however its verb is tensed ("17 soldiers were reported missing").
    let missing = found.metric == Metric::Missing;
    let marked = h.total
        || undated_since
        || (opener.is_some() && span_days.is_none_or(|n| n > 1))
        || perfect
        || present
        || range
        || as_of
        || missing;
    // The dearer tests below run only where they can change the kind.
    // A count over a stretch of days or more ("over about ten days",
    // "during 19 days of protests"), or over an area ("killed across the
    // country") on no day of its own, adds up many incidents: a total.
    let stretch = !daily && (!marked || h.increment) && over_a_stretch(s, found.end);
    let across = !daily
        && !marked
        && !stretch
        && (point.is_none() || statement)
        && across_an_area(s, found.end);
    // A disaster's toll is a running one (§4) unless the text gives its
    // own day: "32 people were injured in the town" in a landslide story.
    // Flight is not a toll: a night's evacuation is an event.
    let disaster_toll = !daily
        && !marked
        && !stretch
        && !across
        && point.is_none()
        && matches!(
            found.metric,
            Metric::Killed | Metric::Injured | Metric::Missing
        )
        && disaster();
    // A count over a whole calendar year ("In 2024, 71,500 new refugees
    // were registered", "219 Maoists were killed in 2024") adds up many
    // incidents: a total, unless the sentence names the one incident
    // ("In 2004, an earthquake near Al Hoceima killed 628 people").
    let whole_year = !marked
        && !h.increment
        && point.is_some_and(|d| d.role == Role::Period && (d.last - d.first).num_days() >= 364)
        && !names_an_incident(s);
    let cumulative = !daily && (marked || stretch || across || disaster_toll || whole_year);
    // A count over a stretch of days is a total even when it adds to an
    // earlier one: "3,000 more troops since January", "an additional 2,100
    // displaced since the last update" (§4: "since …" is cumulative).
    // A rolling span of a day or two stays an increment: "a further 22
    // deaths in the past 48 hours".
    let over_days = undated_since || (opener.is_some() && span_days.is_none_or(|n| n > 2));
    let kind = if cumulative && (present || over_days || missing || stretch || !h.increment) {
        Kind::Cumulative
    } else {
        Kind::Event
    };

    let mut date = published;
    if let Some(d) = point {
        date = Some(d.first);
        // "between January and May" spans whole months but is written as a
        // range, not named as one calendar unit ("in March", "in 2024").
        let written = &s[d.start..d.end];
        let calendar = is_calendar_unit(d.first, d.last)
            && !names_a_stretch(written)
            && !is_explicit_range(written);
        // A total over a period still running when the article was
        // published ("34 killed so far this year", "620 refugees registered
        // this year") stands on that day, counted from the period's first.
        let running = published.is_some_and(|p| d.first < p && p <= d.last);
        if d.role == Role::Period && kind == Kind::Cumulative && running {
            date = published;
            period_start = period_start.or(Some(d.first));
        } else if d.role == Role::Period
            && kind == Kind::Cumulative
            && !calendar
            && d.first != d.last
        {
            // A total over an explicit range: its last day, the first as period_start.
            date = Some(d.last);
            period_start = period_start.or(Some(d.first));
        }
    }
    // A running total is dated the day it was stated, the day of the
    // disaster or attack it counts from as its start (§4): "the death toll
    // from the flood on Thursday has risen to 207, the agency said on
    // Sunday", "as of Friday, 3,649 deaths from the 28 March earthquake".
    if kind == Kind::Cumulative && !range {
        if let (Some(st), Some(p)) = (stated, point) {
            if p.last < st.first {
                date = Some(st.first);
                period_start = period_start.or(Some(p.first));
            }
        }
    }
    if let (Some(p), Some(d)) = (period_start, date) {
        if p > d {
            period_start = None;
        }
    }
    Dated {
        date,
        period_start,
        kind,
    }
}

/// "since" stands earlier in the clause than the date, with no stop between:
/// "since the first Astana agreement was signed in 2017".
fn since_before(s: &str, d: &DateMatch, dates: &[DateMatch]) -> bool {
    if d.role != Role::Day && d.role != Role::Period {
        return false;
    }
    let before = &s[..d.start];
    // After the last "; ", ". " or "(" (one backward pass over the bytes).
    let b = before.as_bytes();
    let mut clause_start = 0;
    let mut end = b.len();
    while let Some(k) = memchr::memrchr3(b'(', b';', b'.', &b[..end]) {
        if b[k] == b'(' || b.get(k + 1) == Some(&b' ') {
            clause_start = k + 1;
            break;
        }
        end = k;
    }
    let clause = &before[clause_start..];
    match find_word(clause, "since") {
        // The first date after "since", with no other date between them.
        Some(i) => {
            let since = clause_start + i;
            clause[i..].split_whitespace().count() <= 14
                && !dates.iter().any(|o| o.start > since && o.start < d.start)
        }
        None => false,
    }
}

/// Whether figure `f` stands inside the "since" phrase that date `d` is
/// part of, with `d` dating it: after "since" with no clause break, the
/// date later in the same clause ("since a fire killed 360 inmates in
/// February 2012"), or the date first and the figure in a relative clause
/// on it ("since the 2016 earthquakes, which killed 50 people"). A main
/// clause after a fronted "since" phrase is not inside it: "Since the war
/// began in 2023, 45,000 have been killed."
fn since_holds(s: &str, d: &DateMatch, f: &Found) -> bool {
    if !matches!(d.role, Role::Day | Role::Period | Role::Since) {
        return false;
    }
    let head = &s[..f.start.min(d.start)];
    // A "since" date may hold its "since" ("since the 2016 earthquakes").
    let own = s.as_bytes()[d.start..]
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"since "));
    let found = if own && d.start < f.start {
        Some(d.start)
    } else {
        let h = head.as_bytes();
        find_any_case(h, b"since")
            .filter(|&at| h.get(at + 5) == Some(&b' '))
            .last()
    };
    let Some(since) = found else {
        return false;
    };
    if since > 0 && head.as_bytes()[since - 1].is_ascii_alphabetic() {
        return false;
    }
    let no_break = |t: &str| !t.contains([',', ';', '(', ')']);
    if f.end <= d.start {
        no_break(&s[since..f.start]) && no_break(&s[f.end..d.start])
    } else if d.end <= f.start {
        let between = &s[d.end..f.start];
        // One comma, opening the relative clause the figure is in ("Since
        // May, when the governor took office, 4,777 have been kidnapped"
        // closes it again before the figure).
        no_break(&s[since..d.start])
            && [", which ", ", that ", ", when "]
                .iter()
                .any(|r| between.contains(r))
            && between.matches(',').count() == 1
            && !between.contains(';')
    } else {
        false
    }
}

/// The date of a relative clause on when something began: "The war, which
/// began in April 2023, has killed…", "the conflict, which erupted in
/// October 2017" — the start of the period a running total covers, not the
/// day of its events.
fn began_in(s: &str, d: &DateMatch) -> bool {
    if d.role != Role::Day && d.role != Role::Period {
        return false;
    }
    let before = &s[..d.start];
    let clause_start = memchr::memrchr3(b',', b';', b'(', before.as_bytes()).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let is = |w: &str, of: &[&str]| of.iter().any(|o| o.eq_ignore_ascii_case(w));
    // The verb among the clause's last 8 words, "which"/"that" before it
    // (pairs of neighbours read backwards, without collecting the words).
    let mut last = clause.split_whitespace().rev().take(9);
    let Some(mut later) = last.next() else {
        return false;
    };
    for earlier in last {
        if is(later, &["began", "begun", "erupted", "started", "broke"])
            && is(earlier, &["which", "that"])
        {
            return true;
        }
        later = earlier;
    }
    false
}

/// Units of a stretch of time counted over: "over ten days", "in five weeks".
const STRETCH_UNITS: &[&str] = &["days", "nights", "weeks", "months", "years"];

/// Words that open a stretch of time a count runs over.
const STRETCH_OPENERS: &[&str] = &["over", "during", "in", "within", "across"];

/// Counts of a stretch that are no number words ("over several weeks");
/// the number words ("in ten days") are the number grammar's.
const STRETCH_COUNTS: &[&str] = &["several", "few", "many"];

/// Hedges between the opener and the count: "over about ten days".
const STRETCH_HEDGES: &[&str] = &[
    "about", "some", "nearly", "almost", "around", "roughly", "a",
];

/// Words that name one incident (singular): a count in a sentence with one
/// is that incident's, even over a year.
const INCIDENTS: &[&str] = &[
    "attack",
    "airstrike",
    "strike",
    "blast",
    "explosion",
    "bombing",
    "collapse",
    "collapsed",
    "crash",
    "ambush",
    "raid",
    "massacre",
    "shipwreck",
    "capsized",
    "sank",
    "breached",
    "earthquake",
    "quake",
    "cyclone",
    "hurricane",
    "typhoon",
    "storm",
    "landslide",
    "mudslide",
    "tsunami",
    "eruption",
    "stampede",
    "fire",
    "offensive",
];

/// Whether sentence `s` names a single incident ([`INCIDENTS`]).
fn names_an_incident(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| INCIDENTS.iter().any(|i| w.eq_ignore_ascii_case(i)))
}

/// Nouns of a disaster story: its casualty counts are running tolls (§4).
/// Sorted, for a binary search.
const DISASTERS: &[&str] = &[
    "aftershock",
    "aftershocks",
    "avalanche",
    "bushfire",
    "bushfires",
    "cholera",
    "cyclone",
    "drought",
    "earthquake",
    "earthquakes",
    "ebola",
    "epidemic",
    "eruption",
    "flood",
    "flooding",
    "floods",
    "heat",
    "heatwave",
    "hurricane",
    "landslide",
    "landslides",
    "mudslide",
    "mudslides",
    "outbreak",
    "quake",
    "quakes",
    "storm",
    "tsunami",
    "typhoon",
    "volcano",
    "wildfire",
    "wildfires",
];

/// Whether a story is about a disaster: a disaster noun in its title or
/// its opening (the first 400 bytes), where a story names its subject.
pub fn is_disaster_story(title: Option<&str>, text: &str) -> bool {
    let opening = &text.as_bytes()[..text.len().min(400)];
    [title.unwrap_or("").as_bytes(), opening]
        .iter()
        .any(|part| {
            part.split(|b| !b.is_ascii_alphabetic()).any(|w| {
                // Lowercased on the stack: no table word is longer than 12 bytes.
                let mut key = [0u8; 12];
                (4..=key.len()).contains(&w.len()) && {
                    key[..w.len()].copy_from_slice(w);
                    key.make_ascii_lowercase();
                    let key = &key[..w.len()];
                    DISASTERS
                        .binary_search_by(|d| d.as_bytes().cmp(key))
                        .is_ok()
                }
            })
        })
}

/// The words of the figure's clause after it (to the next ';', '.',
/// ", and" or " and that"), trimmed of punctuation, in their own case:
/// where its adjuncts of time and place stand.
fn clause_after(s: &str, end: usize) -> impl Iterator<Item = &str> {
    // The words asked for stand in the first few hundred bytes.
    let rest = &s[end..];
    let rest = &rest[..rest.floor_char_boundary(240)];
    let b = rest.as_bytes();
    let stop = memchr::memchr3_iter(b';', b'.', b',', b)
        .find(|&i| match b[i] {
            b';' => true,
            b'.' => b.get(i + 1) == Some(&b' '),
            _ => b[i + 1..].starts_with(b" and"),
        })
        .unwrap_or(b.len());
    let stop = memchr::memmem::find(&b[..stop], b" and that ").unwrap_or(stop);
    rest[..stop]
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// "over about ten days", "during 19 days of protests", "in five weeks":
/// an opener, at most two words (a hedge, a count), then a unit of time
/// not followed by "ago" ("three days ago" is a day, not a stretch).
fn over_a_stretch(s: &str, end: usize) -> bool {
    let mut words = [""; 24];
    let mut n = 0;
    for (slot, w) in words.iter_mut().zip(clause_after(s, end)) {
        *slot = w;
        n += 1;
    }
    let words = &words[..n];
    let is = |w: &str, of: &[&str]| of.iter().any(|o| w.eq_ignore_ascii_case(o));
    let count = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit() || b == b',')
            || is(w, STRETCH_COUNTS)
            || NUMBER_WORDS
                .iter()
                .any(|&(n, v)| v >= 2 && w.eq_ignore_ascii_case(n))
    };
    words.iter().enumerate().any(|(i, w)| {
        is(w, STRETCH_OPENERS)
            && (i + 2..(i + 4).min(words.len())).any(|j| {
                is(words[j], STRETCH_UNITS)
                    && count(words[j - 1])
                    && words[i + 1..j - 1].iter().all(|m| is(m, STRETCH_HEDGES))
                    && !words.get(j + 1).is_some_and(|n| is(n, &["ago"]))
            })
    })
}

/// "killed across the country", "displaced across Myanmar": the count
/// spans an area, in the figure's own clause.
fn across_an_area(s: &str, end: usize) -> bool {
    clause_after(s, end)
        .take(12)
        .any(|w| w.eq_ignore_ascii_case("across"))
}

/// What makes a number a share of a group an earlier sentence counted:
/// "Nine of the dead were children", "12 of them were women".
const SHARE_OF: &[&str] = &[
    " of the dead",
    " of those killed",
    " of those who died",
    " of the victims",
    " of the fatalities",
    " of these deaths",
    " of the deaths",
    " of the injured",
    " of the wounded",
    " of the missing",
    " of them",
    " of those",
    " of whom",
];

/// Whether sentence `s` opens on a group already counted, its counts being
/// shares of it: "Of the injured, 33 were seriously hurt", "Among the dead
/// were", "The dead included 14 women".
pub fn opens_share(s: &str) -> bool {
    let head = &s[..s.floor_char_boundary(s.len().min(40))];
    let mut words = head.split_ascii_whitespace();
    let first = words.next().unwrap_or("");
    ["of", "among"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        || words.take(3).any(|w| w == "included")
}

/// Whether figure `f` of sentence `s` is a share of a larger count: a
/// sub-count, or a number followed by [`SHARE_OF`].
pub fn is_share(s: &str, f: &Found) -> bool {
    let rest = &s.as_bytes()[f.end..];
    f.subcount
        || SHARE_OF.iter().any(|m| {
            rest.get(..m.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(m.as_bytes()))
        })
}

/// "since" in the sentence with no date expression right after it.
fn since_undated(s: &str, dates: &[DateMatch]) -> bool {
    find_word(s, "since").is_some_and(|i| {
        let rest = &s[i + 5..];
        let next = rest.split_whitespace().next().unwrap_or("");
        // "since the …" (not "since then", "since when" or a date).
        next.eq_ignore_ascii_case("the") && !dates.iter().any(|d| d.start > i && d.start <= i + 40)
    })
}

/// Where `word` stands in `hay` as a whole word (no ASCII letter either
/// side), in any case.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let h = hay.as_bytes();
    find_any_case(h, word.as_bytes()).find(|&at| {
        let end = at + word.len();
        let ok_before = at == 0 || !h[at - 1].is_ascii_alphabetic();
        let ok_after = end >= h.len() || !h[end].is_ascii_alphabetic();
        ok_before && ok_after
    })
}

/// A date that says when something was said or published ("said Thursday",
/// "told a meeting on Tuesday", "figures released last week"): a statement
/// verb stands within a few words before it, in the same clause.
fn is_statement(toks: &[Token], d: &DateMatch) -> bool {
    let Some(k) = first_at_or_after(toks, d.start) else {
        return false;
    };
    for j in (k.saturating_sub(6)..k).rev() {
        if toks[j].is_in(List::Statement) {
            return true;
        }
        if toks[j].is_punct(',') || toks[j].is_punct(';') || toks[j].is_num() {
            return false;
        }
    }
    false
}

/// The first token that starts at or after byte `at`. Tokens come in text
/// order, so a binary search finds it.
fn first_at_or_after(toks: &[Token], at: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.start < at);
    (k < toks.len()).then_some(k)
}

/// A range written out: "between Aug. 7 and Aug. 12", "December 6-16", "from March to May".
fn is_explicit_range(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [" and ", " to ", " through ", " until ", "-", "\u{2013}"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a period names a stretch of months as such: "the first half of
/// the year", "the third quarter", "the first six months", "Q1", "H2".
/// Vaguer periods ("earlier this year", "at the start of the year") keep
/// their first day (§4).
fn names_a_stretch(text: &str) -> bool {
    const STRETCH: &[&str] = &[
        "half", "quarter", "months", "qtr", "q1", "q2", "q3", "q4", "h1", "h2",
    ];
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| STRETCH.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// A date after "by" or "as of": the day a total stood ("by Tuesday", "by the end of 2021").
fn is_as_of(toks: &[Token], d: &DateMatch) -> bool {
    let Some(k) = first_at_or_after(toks, d.start) else {
        return false;
    };
    if toks[k].is("by") || (k > 0 && toks[k - 1].is("by")) {
        return true;
    }
    // "as of Friday", "as of 5 p.m. local time on Friday": a time of day
    // may stand between, a comma may not.
    (k.saturating_sub(10)..k)
        .rev()
        .take_while(|&j| !toks[j].is_punct(',') && !toks[j].is_punct(';'))
        .any(|j| j > 0 && toks[j].is("of") && toks[j - 1].is("as"))
}

/// Whether first..=last is a whole month or year (named as a unit, not a range).
fn is_calendar_unit(first: NaiveDate, last: NaiveDate) -> bool {
    let next = last.succ_opt();
    first.day() == 1 && next.is_some_and(|n| n.day() == 1)
}

#[cfg(test)]
mod tests {
    use super::super::{date, link, token};
    use super::*;

    /// Every statement verb is found as a word of its table, in any case.
    #[test]
    fn statement_verbs_are_a_table_of_the_tokens() {
        for w in STATEMENT {
            assert_eq!(*w, w.to_ascii_lowercase());
            for form in [w.to_string(), w.to_ascii_uppercase()] {
                let toks = token::tokens(&form);
                assert!(toks[0].is_in(List::Statement), "{form}");
            }
        }
        assert!(!token::tokens("killed")[0].is_in(List::Statement));
    }

    /// "since" as a word, in any case, and only as a word.
    #[test]
    fn find_word_finds_whole_words_in_any_case() {
        assert_eq!(find_word("Since March, 40 died", "since"), Some(0));
        assert_eq!(find_word("killed SINCE the war", "since"), Some(7));
        assert_eq!(find_word("sincerely, ever since", "since"), Some(16));
        assert_eq!(find_word("convinced", "since"), None);
        assert_eq!(find_word("sinc", "since"), None);
        assert_eq!(find_word("a sinc since", "since"), Some(7));
        assert_eq!(find_word("é since", "since"), Some(3));
    }

    fn dated(s: &str, published: &str) -> Vec<(u64, String, Option<String>, &'static str)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        let dates = date::dates(s, p, date::DateOrder::default());
        let toks = token::tokens(s);
        link::figures_in(s, &dates)
            .iter()
            .map(|f| {
                let d = super::date(s, &toks, f, &dates, Some(p), 0);
                (
                    f.value,
                    d.date.unwrap().to_string(),
                    d.period_start.map(|x| x.to_string()),
                    d.kind.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn event_and_running_total_minimal_pair() {
        // 2025-01-22 is a Wednesday.
        assert_eq!(
            dated("Troops killed 10 people on Tuesday.", "2025-01-22"),
            vec![(10, "2025-01-21".into(), None, "event")]
        );
        assert_eq!(
            dated("10 people have been killed since Tuesday.", "2025-01-22"),
            vec![(
                10,
                "2025-01-22".into(),
                Some("2025-01-21".into()),
                "cumulative"
            )]
        );
    }

    #[test]
    fn a_running_total_is_dated_when_stated_from_its_disaster() {
        // 2025-06-02 is a Monday: Thursday is 05-29, Sunday 06-01.
        assert_eq!(
            dated(
                "The death toll from the flood before dawn on Thursday has risen to 207, the agency said on Sunday.",
                "2025-06-02"
            ),
            vec![(
                207,
                "2025-06-01".into(),
                Some("2025-05-29".into()),
                "cumulative"
            )]
        );
        // "as of", a time of day between: a standing total on that day.
        assert_eq!(
            dated(
                "As of 5 p.m. local time on Friday, the authorities had recorded 3,649 deaths from the 28 March earthquake.",
                "2025-04-14"
            ),
            vec![(
                3649,
                "2025-04-11".into(),
                Some("2025-03-28".into()),
                "cumulative"
            )]
        );
    }

    #[test]
    fn the_day_it_happened_wins_over_the_day_it_was_said_in_its_own_clause() {
        // 2024-09-24 is a Tuesday.
        assert_eq!(
            dated(
                "The minister said on Tuesday that 558 people had been killed in Monday's strikes.",
                "2024-09-24"
            ),
            vec![(558, "2024-09-23".into(), None, "event")]
        );
        // The landfall's day stands in another clause, before the statement.
        assert_eq!(
            dated(
                "In Mozambique, where the storm made landfall on Sunday, officials said on Tuesday that it had killed at least 34 people.",
                "2024-12-17"
            )[0]
            .1,
            "2024-12-17"
        );
    }

    #[test]
    fn a_figure_inside_a_since_phrase_is_its_event() {
        assert_eq!(
            dated(
                "It was the worst riot since a fire at a prison farm killed more than 300 inmates in March 2011.",
                "2024-01-05"
            ),
            vec![(300, "2011-03-01".into(), None, "event")]
        );
        assert_eq!(
            dated(
                "It is the deadliest quake since the 2011 tsunami, which killed about 18,000 people.",
                "2024-01-05"
            ),
            vec![(18000, "2011-01-01".into(), None, "event")]
        );
        // A main clause after a fronted "since" phrase counts from it, also
        // after a relative clause on its date.
        assert_eq!(
            dated(
                "Since May 2023, when the governor took office, at least 4,000 people have been kidnapped.",
                "2024-01-05"
            )[0]
            .2,
            Some("2023-05-01".into())
        );
        assert_eq!(
            dated(
                "Since the war began in October 2023, more than 45,000 people have been killed.",
                "2024-01-05"
            ),
            vec![(
                45000,
                "2024-01-05".into(),
                Some("2023-10-01".into()),
                "cumulative"
            )]
        );
    }

    #[test]
    fn a_when_clause_after_a_date_is_dated_by_it() {
        assert_eq!(
            dated(
                "It was the deadliest attack since July 2022, when 16 people were killed in Soweto.",
                "2025-03-03"
            ),
            vec![(16, "2022-07-01".into(), None, "event")]
        );
    }

    #[test]
    fn a_count_over_a_half_or_a_quarter_is_a_total_dated_at_its_end() {
        assert_eq!(
            dated(
                "More than 1,200 people were killed in the first half of the year.",
                "2025-07-15"
            ),
            vec![(
                1200,
                "2025-06-30".into(),
                Some("2025-01-01".into()),
                "cumulative"
            )]
        );
        // A vaguer period keeps its first day (§4).
        assert_eq!(
            dated(
                "Earlier this year, gunmen abducted 10 people.",
                "2025-07-15"
            ),
            vec![(10, "2025-01-01".into(), None, "event")]
        );
    }

    #[test]
    fn a_relative_clause_on_when_it_began_opens_the_period() {
        assert_eq!(
            dated(
                "The insurgency, which erupted in October 2017, has killed more than 6,000 people.",
                "2025-10-03"
            ),
            vec![(
                6000,
                "2025-10-03".into(),
                Some("2017-10-01".into()),
                "cumulative"
            )]
        );
        // A main clause's "began on Monday" dates the event itself.
        assert_eq!(
            dated(
                "The shelling began on Monday and killed 12 people.",
                "2025-10-03"
            ),
            vec![(12, "2025-09-29".into(), None, "event")]
        );
    }

    #[test]
    fn undated_periods_and_shares_are_running_totals() {
        assert_eq!(
            dated(
                "Police said 900 people had been arrested in the state since the unrest began.",
                "2025-03-11"
            ),
            vec![(900, "2025-03-11".into(), None, "cumulative")]
        );
        assert_eq!(
            dated(
                "Kassala accounted for at least 310 of the dead.",
                "2025-03-11"
            ),
            vec![(310, "2025-03-11".into(), None, "cumulative")]
        );
    }

    #[test]
    fn counts_over_a_stretch_an_area_or_of_the_missing_are_totals() {
        let kinds =
            |s: &str| -> Vec<&str> { dated(s, "2025-03-11").into_iter().map(|d| d.3).collect() };
        assert_eq!(
            kinds("Clashes killed 25 people over about ten days."),
            ["cumulative"]
        );
        assert_eq!(
            kinds("Clashes killed 25 people during 19 days of protests."),
            ["cumulative"]
        );
        // A day, even one counted back in days, is not a stretch.
        assert_eq!(
            kinds("Clashes killed 25 people in the town three days ago."),
            ["event"]
        );
        assert_eq!(kinds("Clashes killed 25 people in the town."), ["event"]);
        assert_eq!(
            kinds("Police said 300 people were arrested across the country."),
            ["cumulative"]
        );
        // An area in a clause on a dated past event counts that event.
        assert_eq!(
            kinds("In August 2018, floods killed 480 people across the state."),
            ["event"]
        );
        assert_eq!(
            kinds("Twelve fishermen were reported missing after the storm."),
            ["cumulative"]
        );
    }

    #[test]
    fn a_count_since_a_day_is_a_total_even_when_it_adds() {
        assert_eq!(
            dated(
                "The army said it had sent 3,000 more troops to the border since January.",
                "2025-03-11"
            )[0]
            .3,
            "cumulative"
        );
        // A rolling day or two stays an increment.
        assert_eq!(
            dated(
                "A further 22 deaths were recorded in the past 48 hours.",
                "2025-03-11"
            )[0]
            .3,
            "event"
        );
    }

    #[test]
    fn a_disaster_story_counts_running_tolls() {
        assert!(is_disaster_story(
            Some("Landslide buries mountain village"),
            ""
        ));
        assert!(is_disaster_story(
            None,
            "Rescuers dug through mud after the floods hit."
        ));
        assert!(!is_disaster_story(
            Some("Gunmen attack a market"),
            "Gunmen opened fire."
        ));
        let s = "Thirty people were injured in the town, officials said.";
        let p = NaiveDate::from_ymd_opt(2025, 3, 11);
        let toks = token::tokens(s);
        let found = &link::figures_in(s, &[])[0];
        let kind = |disaster: &dyn Fn() -> bool| {
            date_in(&SentenceDates::new(s, &toks, &[], p, 0, disaster), found).kind
        };
        assert_eq!(kind(&|| true), Kind::Cumulative);
        assert_eq!(kind(&|| false), Kind::Event);
    }

    #[test]
    fn weekday_on_the_day_of_publication() {
        assert_eq!(
            dated("Gunmen killed 5 people on Wednesday.", "2025-01-22"),
            vec![(5, "2025-01-22".into(), None, "event")]
        );
    }

    #[test]
    fn statement_date_dates_a_total() {
        assert_eq!(
            dated(
                "More than 46,000 Palestinians have been killed, the ministry said Thursday.",
                "2025-01-09"
            ),
            vec![(46000, "2025-01-09".into(), None, "cumulative")]
        );
    }

    #[test]
    fn rolling_span_sets_period_start() {
        assert_eq!(
            dated(
                "More than 40,000 have been displaced in the last four days alone.",
                "2020-02-18"
            ),
            vec![(
                40000,
                "2020-02-18".into(),
                Some("2020-02-14".into()),
                "cumulative"
            )]
        );
    }
}
