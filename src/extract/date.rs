//! Date grammar: finds date expressions in English news text and resolves them
//! against the document's publication date (the *reference*), never the clock.
//!
//! How it works: `tokenize` splits the text into ASCII words, digit runs and
//! punctuation, keeping byte offsets, and looks every word up once in the keyword
//! tables. A `Parser` tries its rules at every token that can start a date and
//! keeps the longest match; each rule resolves its expression at once against the
//! reference into a `Val` (first day, last day, role). [`dates`] reports the
//! matches, [`resolve`] reduces a short conformance-style text to one answer, and
//! [`infer_published`] finds the publication date of an article that states none.
//! Figures, sentences and what a date means for a figure are left to the callers.
//!
//! Conventions. News is about the past, so the contract (shared/spec/FIGURES.md §4)
//! and the conformance suite (shared/conformance/README.md) agree on these:
//! - A date without a year ("December 24", "Friday", "March", "the 27th", "Q2")
//!   is the most recent one on or before the reference; the reference day counts.
//! - "last Tuesday" is the Tuesday of the previous Monday–Sunday week, "next
//!   Tuesday" the one of the following week, "this Tuesday" the one of this week,
//!   "coming Tuesday" the first one after the reference. "last September" is last
//!   year's, "next March" the first one after the current month.
//! - "the weekend" is this week's, but "over the weekend" the one just past.
//! - A month, quarter or year named whole is a `Period`. "last week" is
//!   Monday–Sunday of the previous week; "past week" without "the" is the same.
//! - Backward spans with a count or with "the" ("the past week", "last 3 months",
//!   "in the past 48 hours") are rolling `Span`s that leave the reference day out:
//!   first = reference − N units, last = reference − 1. Fortnights, quarters,
//!   halves, decades and centuries are always whole calendar units.
//! - Forward spans: "the next N days" rolls from the day after the reference;
//!   "next 3 weeks" (no "the") is whole calendar weeks; "within N months" starts on
//!   the reference.
//! - Vague parts follow the conformance peers: year beginning Jan–Apr, early
//!   Jan–Jun, middle May–Aug, late Jul–Dec, end Sep–Dec; month beginning 1–10,
//!   early 1–15, mid 10–20, late 16–end, end 21–end; week beginning/early Mon–Wed,
//!   mid Tue–Fri, late Thu–Sun, end Fri–Sun. "earlier this X" is the early part cut
//!   at the reference, "later this X" the late part starting no earlier than it.
//!   `dates` reads "the end of 2023" as its last day (the figure contract);
//!   `resolve` reports the peers' stretch (Sep–Dec).
//! - Numeric dates: ISO always; `8/1/2025` only when one part is over 12, both
//!   parts are equal, or a [`DateOrder`] says how to read it; with dots
//!   (`03.11.2025`, the European style) day first unless told otherwise. A two-digit year is
//!   the latest such year up to ten years after the reference (`39` in 2016 is 1939).
//! - Holidays are computed, not listed: Easter (Western and Orthodox), the Hebrew
//!   calendar, the Islamic months from the new moon, Diwali, Holi and Chinese New
//!   Year from lunar phases (see `mod holidays` for how each follows the peers).
//! - Impossible dates ("February 30") and years outside 1000–2999 match nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use regex::Regex;

use super::token::{ascii_in_range, ASCII_ALPHA, HIGH_BITS, LOW_BITS};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// How to read all-numeric dates like 8/1/2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Only when one part is over 12, both parts are equal, or a 4-digit year
    /// leads; dotted day.month.year dates are read day first (European style).
    #[default]
    Unambiguous,
    /// Month first (US): 8/1/2025 is August 1.
    Mdy,
    /// Day first: 8/1/2025 is 8 January.
    Dmy,
}

/// What kind of time an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// One named day: "on Tuesday", "Jan. 8, 2025", "8 January", "yesterday", "three days ago", "at the end of 2023" (its last day).
    Day,
    /// A calendar period named whole: "in March", "last week", "in 2018", "this year", "earlier this month", "over the weekend", "between January and March", "December 6-16".
    Period,
    /// An open start closed at the reference: "since Dec. 1", "since October 2023", "since the war began on Oct. 7, 2023" (first = that day, last = reference).
    Since,
    /// A rolling span counted back from the reference: "in the last four days", "over the past week", "in the past 48 hours", "last 3 months".
    Span,
}

/// One date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offsets of the whole expression in the text (including "since", "on", "in the last" etc.).
    pub start: usize,
    pub end: usize,
    /// First and last day, both inclusive (equal for Role::Day).
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub role: Role,
}

/// Every date expression in `text`, left to right, non-overlapping, resolved
/// against `reference` (the publication date).
///
/// ```text
/// reference 2020-02-18 (a Tuesday)
/// "fled since Dec. 1, the UN said Monday"
///   "since Dec. 1"  2019-12-01 ..= 2020-02-18  Since
///   "Monday"        2020-02-17                 Day
/// ```
pub fn dates(text: &str, reference: NaiveDate, order: DateOrder) -> Vec<DateMatch> {
    scan(text, reference, order)
        .into_iter()
        .map(|h| DateMatch {
            start: h.start,
            end: h.end,
            first: h.val.first,
            last: h.val.last,
            role: h.val.role,
        })
        .collect()
}

/// The one answer `tolltrack parse dates` prints for a conformance-style text (a
/// sentence or just an expression): (first, last); first == last means a single
/// day. None when no date expression is found.
///
/// The first expression is the answer, with two refinements: a weekday named on
/// its own after a week ("next week, how about on Wednesday") picks that day of
/// the week, and after a single day ("in 3 days on Friday") picks the weekday on
/// or before it. Vague parts report the peers' stretch ("the end of 2000" →
/// 2000-09-01..2000-12-31), where [`dates`] gives the contract's last day.
pub fn resolve(
    text: &str,
    reference: NaiveDate,
    order: DateOrder,
) -> Option<(NaiveDate, NaiveDate)> {
    let hits = scan(text, reference, order);
    let head = hits.first()?.val;
    for later in &hits[1..] {
        let Some(wd) = later.val.lone_weekday else {
            continue;
        };
        if matches!(head.grain, Grain::Week | Grain::Weekend | Grain::Fortnight) {
            let mut d = head.first;
            while d <= head.last {
                if d.weekday() == wd {
                    return Some((d, d));
                }
                d = d.succ_opt()?;
            }
        } else if head.grain == Grain::Day && head.lone_weekday.is_none() {
            let d = on_or_before(head.first, wd)?;
            return Some((d, d));
        }
    }
    Some(head.bounds())
}

/// Publication date inferred from an article when none is given.
///
/// Evidence, strongest first: a dateline with a year ("Gaza City, 22 January
/// 2025 —"), a "Published"/"Updated" line, a date in the URL ("/2025/01/22/"), a
/// dateline without a year ("BEIRUT, Jan 8 (Reuters) -", which takes its year from
/// the other full dates in the text), then the latest full explicit date in the
/// text that is not announced as future ("scheduled for", "will"). Photo captions
/// are weak evidence (a caption's date is often the day before, or years old), so
/// they only count in that last step.
pub fn infer_published(text: &str, url: Option<&str>) -> Option<NaiveDate> {
    published::infer(text, url)
}

// ---------------------------------------------------------------------------
// Keyword tables. Each vocabulary lives in one table; rules look words up here.
// ---------------------------------------------------------------------------

/// Month names and the abbreviations news wires use ("Jan.", "Sept."). Abbreviations
/// never stand alone as a month: "Jan" is also a name and "Mar" a verb, so they need a
/// day or a year beside them (see `Parser::month`).
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// "Jan", "Sept" and the like; "May", "June" and "July" are full names.
fn is_month_abbreviation(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "june" | "july" | "may")
}

/// Full month names that are also common English words ("may" is a modal verb,
/// "march" a noun and a verb): on their own they need a preposition before them
/// ("in May", "since March") or a day or year beside them.
const VERB_MONTHS: &[&str] = &["may", "march"];

/// Weekday names and abbreviations.
pub const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

/// Plural weekday names, for counts ("3 fridays from now", "2 thursdays ago").
const WEEKDAY_PLURALS: &[(&str, Weekday)] = &[
    ("mondays", Weekday::Mon),
    ("tuesdays", Weekday::Tue),
    ("wednesdays", Weekday::Wed),
    ("thursdays", Weekday::Thu),
    ("fridays", Weekday::Fri),
    ("saturdays", Weekday::Sat),
    ("sundays", Weekday::Sun),
];

/// Weekday abbreviations that are also English words or names ("Mon State",
/// "sat down", "the Sun", "wed"): they count only beside a date, a modifier
/// ("last Sun") or an abbreviation dot.
const WORDLIKE_WEEKDAYS: &[&str] = &["mon", "wed", "sat", "sun"];

/// Capitalised words after a weekday that make it part of a name, not a date
/// ("Sunday Times", "Monday Night Football", "Sunday Telegraph").
const WEEKDAY_NAME_AFTER: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "mail",
    "tribune",
    "observer",
    "independent",
    "star",
    "sport",
    "night",
    "school",
    "league",
    "service",
    "edition",
    "magazine",
    "show",
];

/// Capitalised words before a weekday that make it a name, not a date
/// ("Bloody Sunday", "Super Tuesday", "Cyber Monday").
const WEEKDAY_NAME_BEFORE: &[&str] = &["bloody", "super", "cyber", "giving", "manic", "blue"];

/// Suffixes that make a digit run an ordinal ("21st", "3rd").
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Vague counts in spans ("the past few days", "the next couple weeks").
/// "few" is three, as the peers read it.
const VAGUE_COUNTS: &[(&str, u32)] = &[("couple", 2), ("pair", 2), ("few", 3)];

/// Decade words ("the nineties"); the value is the decade's last two digits. They
/// need "the" before them ("in their twenties" is an age), and "tens" is left out
/// for "tens of thousands".
const DECADE_WORDS: &[(&str, u32)] = &[
    ("noughties", 0),
    ("aughts", 0),
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Calendar units, singular and plural, with the abbreviations chat text uses.
const UNITS: &[(&str, Unit)] = &[
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("wk", Unit::Week),
    ("wks", Unit::Week),
    ("fortnight", Unit::Fortnight),
    ("fortnights", Unit::Fortnight),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("qtr", Unit::Quarter),
    ("qtrs", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("yr", Unit::Year),
    ("yrs", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
];

/// Words that point a unit or weekday back, at it, or forward from the reference.
const DIRECTIONS: &[(&str, Dir)] = &[
    ("last", Dir::Last),
    ("past", Dir::Last),
    ("previous", Dir::Last),
    ("preceding", Dir::Last),
    ("this", Dir::This),
    ("current", Dir::This),
    ("next", Dir::Next),
    ("coming", Dir::Coming),
    ("upcoming", Dir::Coming),
];

/// Parts of a period, for "the end of 2023", "mid-November", "earlier this month".
const PARTS: &[(&str, Part)] = &[
    ("beginning", Part::Beginning),
    ("start", Part::Beginning),
    ("early", Part::Early),
    ("mid", Part::Mid),
    ("middle", Part::Mid),
    ("late", Part::Late),
    ("end", Part::End),
    ("earlier", Part::Earlier),
    ("later", Part::Later),
];

/// Chat abbreviations for a part of the current month or year; only in capitals
/// ("BOY", not "boy").
const PART_ABBREVIATIONS: &[(&str, Part, Unit)] = &[
    ("eom", Part::End, Unit::Month),
    ("bom", Part::Beginning, Unit::Month),
    ("eoy", Part::End, Unit::Year),
    ("boy", Part::Beginning, Unit::Year),
];

/// Prepositions that belong to the expression they introduce ("on Tuesday",
/// "over the past week"); the match's span starts at them.
const LEADING_PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "during",
    "at",
    "around",
    "throughout",
    "over",
    "for",
    "about",
];

/// Words before a bare four-digit number that make it a year ("in 2018", "since
/// 2015", "during 2019"). Elsewhere such a number is as often a count ("1500
/// troops"), so other cues ("of", "and", "to") only count when the year ends the
/// clause ("the elections of 2019.").
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "year",
    "throughout",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words before a bare year that count only when the year ends the clause.
const WEAK_YEAR_CUES: &[&str] = &[
    "of", "by", "from", "to", "through", "between", "and", "around",
];

/// Words in a clause after "since" that tie it to its date ("since the war began on
/// Oct. 7, 2023"). Without one (or "on"/"in" before the date) the clause is
/// something else ("since then 10 died on Monday").
const SINCE_CLAUSE_STARTS: &[&str] = &[
    "began",
    "begin",
    "started",
    "start",
    "erupted",
    "broke",
    "launched",
    "outbreak",
    "beginning",
];

/// Words after "the week"/"the month"/"the year" that tie it to something other
/// than the reference ("the week before the attack", "the month of Ramadan",
/// "the year's", "the month-long siege").
const AFTER_BARE_UNIT: &[&str] = &[
    "of",
    "before",
    "after",
    "when",
    "that",
    "which",
    "in",
    "following",
    "prior",
    "ahead",
    "earlier",
    "later",
    "ending",
    "to",
    "since",
    "starting",
    "beginning",
    "s",
    "long",
];

/// Words that announce a future date; `infer_published` ignores dates after them.
const FUTURE_CUES: &[&str] = &[
    "will",
    "scheduled",
    "due",
    "expected",
    "until",
    "planned",
    "set",
    "deadline",
    "next",
    "upcoming",
    "ahead",
];

/// Time-of-day words absorbed after a day ("Monday night", "yesterday morning").
const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

/// Words after a number that make it a clock time, not a day ("at 10 pm").
const CLOCK_WORDS: &[&str] = &["am", "pm", "gmt", "utc", "oclock", "est", "edt"];

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// Calendar units of durations and periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Hour,
}

/// Direction words: "last", "this", "next", and "coming" (the first one after the reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Last,
    This,
    Next,
    Coming,
}

/// Parts of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Beginning,
    Early,
    Mid,
    Late,
    End,
    Earlier,
    Later,
}

/// The size of what an expression names; rules that combine expressions
/// ("the first week of 2015", "next week, on Wednesday") look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// Anything else: spans, ranges, holidays lasting several days.
    Free,
}

impl Grain {
    fn of(unit: Unit) -> Grain {
        match unit {
            Unit::Day | Unit::Hour => Grain::Day,
            Unit::Week => Grain::Week,
            Unit::Weekend => Grain::Weekend,
            Unit::Fortnight => Grain::Fortnight,
            Unit::Month => Grain::Month,
            Unit::Quarter => Grain::Quarter,
            Unit::Half => Grain::Half,
            Unit::Year => Grain::Year,
            Unit::Decade => Grain::Decade,
            Unit::Century => Grain::Century,
        }
    }
}

/// How much of a calendar date the text itself wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// Worked out from the reference ("yesterday", "last week", "Friday").
    Relative,
    /// A month without a year ("in November").
    Month,
    /// A month and day without a year ("Jan 8"): `infer_published` gives datelines a year.
    MonthDay(u32, u32),
    /// Day, month and year.
    Full,
}

/// A resolved expression.
#[derive(Debug, Clone, Copy)]
struct Val {
    first: NaiveDate,
    last: NaiveDate,
    grain: Grain,
    role: Role,
    /// The conformance peers' bounds where they differ from the contract's reading
    /// ("the end of 2000": the contract says Dec 31, the peers Sep 1–Dec 31).
    fuzzy: Option<(NaiveDate, NaiveDate)>,
    /// Set for a weekday named on its own ("on Friday"): [`resolve`] lets it refine
    /// a neighbouring week or day.
    lone_weekday: Option<Weekday>,
    written: Written,
}

impl Val {
    fn day(d: NaiveDate) -> Val {
        Val {
            first: d,
            last: d,
            grain: Grain::Day,
            role: Role::Day,
            fuzzy: None,
            lone_weekday: None,
            written: Written::Relative,
        }
    }

    fn period(first: NaiveDate, last: NaiveDate, grain: Grain) -> Option<Val> {
        (first <= last).then_some(Val {
            first,
            last,
            grain,
            role: Role::Period,
            fuzzy: None,
            lone_weekday: None,
            written: Written::Relative,
        })
    }

    fn span(first: NaiveDate, last: NaiveDate) -> Option<Val> {
        let mut v = Val::period(first, last, Grain::Free)?;
        v.role = Role::Span;
        Some(v)
    }

    fn written(mut self, w: Written) -> Val {
        self.written = w;
        self
    }

    /// The bounds [`resolve`] reports.
    fn bounds(&self) -> (NaiveDate, NaiveDate) {
        self.fuzzy.unwrap_or((self.first, self.last))
    }
}

/// A match: token range resolved, with byte offsets.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    val: Val,
}

// ---------------------------------------------------------------------------
// Calendar arithmetic. Everything is checked: out-of-range input gives None.
// ---------------------------------------------------------------------------

/// Years the grammar accepts at all; "huge years" are not dates.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let x = i64::from(d.num_days_from_ce()).checked_add(n)?;
    let d = NaiveDate::from_num_days_from_ce_opt(i32::try_from(x).ok()?)?;
    (1..=9999).contains(&d.year()).then_some(d)
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    let d = if n >= 0 {
        d.checked_add_months(m)
    } else {
        d.checked_sub_months(m)
    }?;
    (1..=9999).contains(&d.year()).then_some(d)
}

/// `d` moved by `n` units (weeks are 7 days, quarters 3 months ...).
fn add_units(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day | Unit::Hour => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Fortnight => add_days(d, n.checked_mul(14)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Half => add_months(d, n.checked_mul(6)?),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
    }
}

/// First day of the calendar unit holding `d`. Weeks start on Monday; a fortnight
/// is this week and the next, as the peers count it.
fn unit_start(d: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    let y = d.year();
    match unit {
        Unit::Day | Unit::Hour => Some(d),
        Unit::Week | Unit::Fortnight => monday(d),
        Unit::Weekend => add_days(monday(d)?, 5),
        Unit::Month => ymd(y, d.month(), 1),
        Unit::Quarter => ymd(y, (d.month() - 1) / 3 * 3 + 1, 1),
        Unit::Half => ymd(y, if d.month() <= 6 { 1 } else { 7 }, 1),
        Unit::Year => ymd(y, 1, 1),
        Unit::Decade => ymd(y - y.rem_euclid(10), 1, 1),
        Unit::Century => ymd(y - y.rem_euclid(100), 1, 1),
    }
}

/// The calendar unit `k` units after the one holding `d` (k < 0: before), as (first, last).
fn unit_period(d: NaiveDate, unit: Unit, k: i64) -> Option<(NaiveDate, NaiveDate)> {
    let first = add_units(unit_start(d, unit)?, unit, k)?;
    let last = if unit == Unit::Weekend {
        add_days(first, 1)?
    } else {
        add_days(add_units(first, unit, 1)?, -1)?
    };
    Some((first, last))
}

fn monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

fn month_period(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    unit_period(ymd(y, m, 1)?, Unit::Month, 0)
}

fn year_period(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// The `wd` on or before `d`.
fn on_or_before(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    add_days(d, -i64::from(back))
}

/// The `n`-th `wd` strictly after `d` (n ≥ 1), or strictly before it (n ≤ -1).
fn nth_weekday_from(d: NaiveDate, wd: Weekday, n: i64) -> Option<NaiveDate> {
    if n > 0 {
        let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        add_days(d, i64::from(ahead) + 7 * (n - 1))
    } else {
        let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        let back = if back == 0 { 7 } else { back };
        add_days(d, -(i64::from(back) + 7 * (-n - 1)))
    }
}

/// Mondays of the first and last weeks that belong to [first, last]. A week
/// belongs to the period holding its Thursday, the ISO rule, so "the first week of
/// 2015" is 2014-12-29..2015-01-04.
fn weeks_of(first: NaiveDate, last: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let mut a = monday(first)?;
    if add_days(a, 3)? < first {
        a = add_days(a, 7)?;
    }
    let mut b = monday(last)?;
    if add_days(b, 3)? > last {
        b = add_days(b, -7)?;
    }
    (a <= b).then_some((a, b))
}

/// The peers' stretch for a part of a period (see the module docs).
fn part_of(
    first: NaiveDate,
    last: NaiveDate,
    grain: Grain,
    part: Part,
) -> Option<(NaiveDate, NaiveDate)> {
    let y = first.year();
    let m = first.month();
    let days = |a: i64, b: i64| Some((add_days(first, a)?, add_days(first, b)?));
    let end_from = |a: i64| Some((add_days(first, a)?, last));
    match grain {
        Grain::Year => {
            let (a, b) = match part {
                Part::Beginning => (1, 4),
                Part::Early | Part::Earlier => (1, 6),
                Part::Mid => (5, 8),
                Part::Late | Part::Later => (7, 12),
                Part::End => (9, 12),
            };
            Some((ymd(y, a, 1)?, month_period(y, b)?.1))
        }
        Grain::Month => match part {
            Part::Beginning => days(0, 9),
            Part::Early | Part::Earlier => days(0, 14),
            Part::Mid => Some((ymd(y, m, 10)?, ymd(y, m, 20)?)),
            Part::Late | Part::Later => end_from(15),
            Part::End => end_from(20),
        },
        Grain::Week | Grain::Fortnight => match part {
            Part::Beginning | Part::Early | Part::Earlier => days(0, 2),
            Part::Mid => days(1, 4),
            Part::Late | Part::Later => end_from(3),
            Part::End => end_from(4),
        },
        Grain::Decade | Grain::Century => {
            let span = if grain == Grain::Decade { 10 } else { 100 };
            let (a, b) = match part {
                Part::Beginning | Part::Early | Part::Earlier => (0, span * 3 / 10),
                Part::Mid => (span * 4 / 10, span * 6 / 10),
                Part::Late | Part::Later | Part::End => (span * 7 / 10, span - 1),
            };
            Some((ymd(y + a, 1, 1)?, ymd(y + b, 12, 31)?))
        }
        _ => {
            // Thirds of anything else (quarters, halves, weekends, spans).
            let n = (last - first).num_days() + 1;
            match part {
                Part::Beginning | Part::Early | Part::Earlier => days(0, n / 3 - 1),
                Part::Mid => days(n / 3, n - n / 3 - 1),
                Part::Late | Part::Later | Part::End => end_from(n - n / 3),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation character; curly quotes and dashes are folded to `'` and `-`.
    Punct(u8),
    /// Any other character (letters with accents, symbols).
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace separates this token from the one before.
    spaced: bool,
    /// Words: the first letter is a capital; `upper`: all letters are (set
    /// only for words in the lexicon, the only ones it is asked of).
    cap: bool,
    upper: bool,
    /// Numbers: the value (u32::MAX when too long) and the digit count.
    val: u32,
    digits: usize,
    /// Numbers that are money, a percentage, a clock time or part of a grouped
    /// number ("$10000", "40%", "10:30", "46,006"): never part of a date.
    blocked: bool,
    /// Words: the word in lower case, sliced once as the rules read words many
    /// times over, and what the lexicon knows about it.
    word: Option<&'a str>,
    info: Option<&'static WordInfo>,
}

/// Splits `text` into tokens and looks every word up in the lexicon. Byte offsets
/// index `text` and `low`, its ASCII lower-cased copy that words are read from.
///
/// It runs on every sentence with a number, so the common tokens take the short
/// way: letters are classed by one table load a byte, digit runs are read as
/// they are scanned, and only words the lexicon knows are checked for capitals
/// (`upper` is read only after a lexicon hit, see `Parser::fuzzy`).
///
/// The tokens go into `toks` (emptied first), a buffer reused from one
/// sentence to the next, and the indexes of the numbers among them into
/// `nums` (emptied first too) for [`block_numbers`], which reads only those.
fn tokenize<'a>(
    text: &str,
    low: &'a str,
    mut toks: Vec<Tok<'a>>,
    nums: &mut Vec<usize>,
) -> Vec<Tok<'a>> {
    let lex = &*LEX;
    let b = text.as_bytes();
    toks.clear();
    nums.clear();
    toks.reserve(b.len() / 4);
    let mut i = 0;
    let mut spaced = true;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let mut tok = Tok {
            kind: Kind::Other,
            start,
            end: start,
            spaced,
            cap: c.is_ascii_uppercase(),
            upper: false,
            val: 0,
            digits: 0,
            blocked: false,
            word: None,
            info: None,
        };
        if ASCII_ALPHA[usize::from(c)] {
            let key;
            (i, key) = letter_run(b, start);
            let word = &low[start..i];
            tok.kind = Kind::Word;
            tok.word = Some(word);
            tok.info = lex.info(word, key);
            tok.upper = tok.info.is_some() && b[start..i].iter().all(u8::is_ascii_uppercase);
        } else if c.is_ascii_whitespace() {
            spaced = true;
            i += 1;
            continue;
        } else if c.is_ascii_digit() {
            // The value of up to nine digits, accumulated as they are scanned
            // (what `str::parse` gives for them); longer runs are u32::MAX.
            let mut val = 0u32;
            while i < b.len() && b[i].is_ascii_digit() {
                if i - start < 9 {
                    val = val * 10 + u32::from(b[i] - b'0');
                }
                i += 1;
            }
            tok.kind = Kind::Num;
            nums.push(toks.len());
            tok.digits = i - start;
            tok.val = if tok.digits <= 9 { val } else { u32::MAX };
        } else if c.is_ascii() {
            i += 1;
            tok.kind = Kind::Punct(c);
        } else {
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            i += ch.len_utf8();
            tok.kind = match ch {
                '\u{2018}' | '\u{2019}' | '\u{2032}' => Kind::Punct(b'\''),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => Kind::Punct(b'-'),
                '\u{201C}' | '\u{201D}' => Kind::Punct(b'"'),
                '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{3000}' => {
                    spaced = true;
                    continue;
                }
                _ => Kind::Other,
            };
        }
        tok.end = i;
        toks.push(tok);
        // Most tokens are followed by one space: skipped here, not by a
        // turn of the loop that tests the byte for each kind of token.
        spaced = b.get(i) == Some(&b' ');
        i += usize::from(spaced);
    }
    block_numbers(text, &mut toks, nums);
    toks
}

/// Which of the eight bytes of `x` are ASCII letters: the high bit of each
/// letter's byte is set. A byte is a letter when, with its case bit set, it
/// lies in `a..=z`.
fn letter_bytes(x: u64) -> u64 {
    ascii_in_range(x | (0x20 * LOW_BITS), b'a', b'z')
}

/// The run of ASCII letters that starts at `start` (a letter): where it ends
/// and, if it has at most eight letters, the run in lower case packed as
/// [`ShortWords::key`] packs it (garbage for longer runs).
///
/// Words are read eight bytes at a time: a loop a byte costs more than the
/// lexicon lookup of the word, and packing the key here spares a copy.
fn letter_run(b: &[u8], start: usize) -> (usize, u64) {
    let mut i = start;
    let mut key = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let others = !letter_bytes(x) & HIGH_BITS;
        if i == start {
            // The bytes before the first non-letter (all eight if none).
            let run = ((others & others.wrapping_neg()) >> 7).wrapping_sub(1);
            key = (x | (0x20 * LOW_BITS)) & run;
        }
        if others != 0 {
            return (i + others.trailing_zeros() as usize / 8, key);
        }
        i += 8;
    }
    // Fewer than eight bytes are left.
    while i < b.len() && ASCII_ALPHA[usize::from(b[i])] {
        if i - start < 8 {
            key |= u64::from(b[i] | 0x20) << (8 * (i - start));
        }
        i += 1;
    }
    (i, key)
}

/// Marks the numbers (tokens `nums`) that cannot be part of a date.
fn block_numbers(text: &str, toks: &mut [Tok], nums: &[usize]) {
    let punct = |t: Option<&Tok>, c: u8| t.is_some_and(|t| t.kind == Kind::Punct(c) && !t.spaced);
    let glued_num = |t: Option<&Tok>| t.is_some_and(|t| t.kind == Kind::Num && !t.spaced);
    for &i in nums {
        let before = text[..toks[i].start].chars().next_back();
        let money = !toks[i].spaced && matches!(before, Some('$' | '£' | '€' | '¥' | '₹'));
        let percent = punct(toks.get(i + 1), b'%');
        let clock = punct(toks.get(i + 1), b':') && glued_num(toks.get(i + 2))
            || i >= 2
                && punct(toks.get(i - 1), b':')
                && toks[i].digits == 2
                && !toks[i].spaced
                && toks[i - 2].kind == Kind::Num;
        let grouped =
            punct(toks.get(i + 1), b',') && glued_num(toks.get(i + 2)) && toks[i + 2].digits == 3
                || i >= 2
                    && punct(toks.get(i - 1), b',')
                    && !toks[i].spaced
                    && toks[i].digits == 3
                    && toks[i - 2].kind == Kind::Num
                    && !toks[i - 1].spaced;
        let word_is =
            |t: &Tok, w: &str| t.kind == Kind::Word && text[t.start..t.end].eq_ignore_ascii_case(w);
        let clock_word = toks
            .get(i + 1)
            .is_some_and(|t| CLOCK_WORDS.iter().any(|w| word_is(t, w)))
            || punct(toks.get(i + 2), b'.')
                && toks
                    .get(i + 1)
                    .is_some_and(|t| word_is(t, "a") || word_is(t, "p"));
        if money || percent || clock || grouped || clock_word {
            toks[i].blocked = true;
        }
    }
}

// ---------------------------------------------------------------------------
// Lexicon: the tables above as hash maps, built once.
// ---------------------------------------------------------------------------

/// Everything the tables say about one word, looked up once per token.
#[derive(Debug, Default)]
struct WordInfo {
    month: Option<u32>,
    weekday: Option<Weekday>,
    /// Plural weekday names ("3 fridays from now").
    weekdays: Option<Weekday>,
    cardinal: Option<u32>,
    ordinal: Option<u32>,
    unit: Option<Unit>,
    dir: Option<Dir>,
    part: Option<Part>,
    decade: Option<u32>,
    /// First word of a holiday name as text writes it ("boss" for "boss's day").
    holiday_start: bool,
    /// The word can start a date expression; at other words the scan moves on.
    /// A holiday's first word that is nothing else ("israel", "women") starts
    /// one only where the whole name follows.
    trigger: bool,
    /// A frequent word ("the", "in") that starts an expression only when a number or
    /// a stronger date word follows within three tokens.
    weak: bool,
    /// The rules that can begin at this word (bits of [`rule`]).
    starts: u32,
}

/// FNV-1a: the lexicon's keys are short words, where SipHash costs more than the lookup.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

struct Lexicon {
    /// Words of up to eight bytes (nearly all of them, and the frequent
    /// "the", "in", "on", "last"), probed as one integer.
    short: ShortWords,
    /// The longer words.
    words: FnvMap<&'static str, WordInfo>,
    /// The shapes of the words above, see [`Lexicon::info`].
    shapes: Shapes,
    /// Holiday names by their first word without its trailing "s"es (see
    /// `holiday_name`), longest names first.
    holidays: FnvMap<&'static str, Vec<(Vec<&'static str>, Holiday)>>,
}

/// Words that start expressions without being in any table above.
const OTHER_TRIGGERS: &[&str] = &[
    "the",
    "a",
    "an",
    "since",
    "between",
    "from",
    "within",
    "today",
    "tonight",
    "tonite",
    "yesterday",
    "tomorrow",
    "tomorrows",
    "tmrw",
    "tmr",
    "day",
    "year",
    "calendar",
    "cy",
    "q",
    "h",
    "rest",
    "all",
    "my",
    "less",
    "week",
    "weekend",
    "half",
    "two",
    "mid",
];

/// Frequent triggers that need a number or a stronger date word close behind them.
const WEAK_TRIGGERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "during",
    "over",
    "around",
    "about",
    "throughout",
    "from",
    "between",
    "within",
    "less",
    "my",
    "all",
];

/// The grammar's rules as bits, for the set of rules a token can begin
/// ([`Parser::starts`]). Most tokens where the scan tries an expression can
/// begin only a few of the twenty rules ("since" only `SINCE`, "days" only
/// `REL_PERIOD`), and a rule that cannot start there is not tried at all.
mod rule {
    pub const RELATIVE_DAY: u32 = 1 << 0;
    pub const WEEKDAY: u32 = 1 << 1;
    pub const MONTH_DAY: u32 = 1 << 2;
    pub const NUMERIC: u32 = 1 << 3;
    pub const MONTH_YEAR: u32 = 1 << 4;
    pub const MONTH: u32 = 1 << 5;
    pub const YEAR: u32 = 1 << 6;
    pub const QUARTER: u32 = 1 << 7;
    pub const DECADE: u32 = 1 << 8;
    pub const WEEK: u32 = 1 << 9;
    pub const REL_PERIOD: u32 = 1 << 10;
    pub const ORDINAL_OF: u32 = 1 << 11;
    pub const DAY_OF_MONTH: u32 = 1 << 12;
    pub const HOLIDAY: u32 = 1 << 13;
    pub const FUZZY: u32 = 1 << 14;
    pub const SHIFT: u32 = 1 << 15;
    pub const SPAN: u32 = 1 << 16;
    pub const RANGE: u32 = 1 << 17;
    pub const SINCE: u32 = 1 << 18;
    pub const OPEN_SINCE: u32 = 1 << 19;
    /// `anchor` and `atom` themselves: their own rules are checked inside.
    pub const ALL: u32 = u32::MAX;

    /// What an unblocked number can begin: a day ("12 March"), a numeric date, a
    /// year, a quarter ("2019-Q1"), a decade, an ordinal ("21st of"), a count
    /// ("3 days ago", "3 days from today") and what holds those.
    pub const NUMBER: u32 = MONTH_DAY
        | NUMERIC
        | YEAR
        | QUARTER
        | DECADE
        | ORDINAL_OF
        | DAY_OF_MONTH
        | SHIFT
        | SPAN
        | RANGE
        | OPEN_SINCE;
    /// Number words are counts, days and years in words ("twenty twenty").
    pub const CARDINAL: u32 = NUMBER & !NUMERIC;
    /// Ordinal words: days ("the first of May") and positions ("first quarter").
    pub const ORDINAL: u32 = MONTH_DAY | QUARTER | DECADE | ORDINAL_OF | DAY_OF_MONTH | RANGE;
    /// "last", "next", "this": weekdays, months, weeks, periods, holidays, spans.
    pub const DIRECTION: u32 = WEEKDAY | MONTH_DAY | MONTH | WEEK | REL_PERIOD | HOLIDAY | SPAN;
    pub const MONTH_NAME: u32 = MONTH_DAY | MONTH_YEAR | MONTH | RANGE;
    /// "a", "an", "couple", "pair", "few": counts of units.
    pub const COUNT: u32 = SHIFT | SPAN;
    /// "the" opens every rule that skips it.
    pub const THE: u32 = RELATIVE_DAY
        | MONTH_DAY
        | YEAR
        | QUARTER
        | DECADE
        | WEEK
        | REL_PERIOD
        | ORDINAL_OF
        | DAY_OF_MONTH
        | HOLIDAY
        | FUZZY
        | SPAN
        | RANGE;
}

/// First words of rules that the word classes above (numbers, months,
/// directions, units, parts ...) do not already give them. In test builds
/// `Parser::longest` still runs every rule it skips and fails if one matches,
/// so the unit tests and the conformance suite catch a first word missing here.
const FIRST_WORDS: &[(&str, u32)] = &[
    ("the", rule::THE),
    ("a", rule::COUNT | rule::RELATIVE_DAY),
    ("an", rule::COUNT),
    ("today", rule::RELATIVE_DAY),
    ("tonight", rule::RELATIVE_DAY),
    ("tonite", rule::RELATIVE_DAY),
    ("yesterday", rule::RELATIVE_DAY),
    ("tomorrow", rule::RELATIVE_DAY),
    ("tomorrows", rule::RELATIVE_DAY),
    ("tmrw", rule::RELATIVE_DAY),
    ("tmr", rule::RELATIVE_DAY),
    ("day", rule::RELATIVE_DAY),
    ("last", rule::RELATIVE_DAY | rule::ORDINAL_OF),
    ("past", rule::RELATIVE_DAY),
    ("this", rule::RELATIVE_DAY | rule::REL_PERIOD),
    ("calendar", rule::YEAR | rule::REL_PERIOD),
    ("year", rule::YEAR),
    ("cy", rule::YEAR),
    ("q", rule::QUARTER),
    ("h", rule::QUARTER),
    ("month", rule::WEEK),
    ("week", rule::WEEK),
    ("rest", rule::REL_PERIOD),
    ("all", rule::REL_PERIOD),
    ("my", rule::REL_PERIOD),
    ("weekend", rule::HOLIDAY),
    ("in", rule::SHIFT),
    ("within", rule::SPAN),
    ("less", rule::SPAN),
    ("for", rule::SPAN),
    ("between", rule::RANGE),
    ("from", rule::RANGE | rule::OPEN_SINCE),
    ("since", rule::SINCE),
];

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut holidays: FnvMap<&'static str, Vec<(Vec<&'static str>, Holiday)>> = FnvMap::default();
    for &(name, rule) in holidays::HOLIDAYS {
        let words: Vec<&'static str> = name.split(' ').collect();
        let key = words[0].trim_end_matches('s');
        holidays.entry(key).or_default().push((words, rule));
    }
    for list in holidays.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    let mut words: FnvMap<&'static str, WordInfo> = FnvMap::default();
    let mut add = |w: &'static str, f: &dyn Fn(&mut WordInfo)| {
        let e = words.entry(w).or_default();
        f(e);
        e.trigger = true;
    };
    for &(w, m) in MONTHS {
        add(w, &|e| e.month = Some(m));
    }
    for &(w, d) in WEEKDAYS {
        add(w, &|e| e.weekday = Some(d));
    }
    for &(w, d) in WEEKDAY_PLURALS {
        add(w, &|e| e.weekdays = Some(d));
    }
    // The number grammar's one table of number words ("twenty-five" is built from them).
    for &(w, v) in super::number::NUMBER_WORDS.iter() {
        let v = v as u32;
        add(w, &|e| e.cardinal = Some(v));
    }
    // The number grammar's one table of ordinal words ("twenty-first" is "twenty" + "first").
    for &(w, v) in super::number::ORDINAL_WORDS.iter() {
        let v = v as u32;
        add(w, &|e| e.ordinal = Some(v));
    }
    for &(w, u) in UNITS {
        add(w, &|e| e.unit = Some(u));
    }
    for &(w, d) in DIRECTIONS {
        add(w, &|e| e.dir = Some(d));
    }
    for &(w, p) in PARTS {
        add(w, &|e| e.part = Some(p));
    }
    for &(w, v) in DECADE_WORDS {
        add(w, &|e| e.decade = Some(v));
    }
    for w in PART_ABBREVIATIONS
        .iter()
        .map(|a| a.0)
        .chain(LEADING_PREPOSITIONS.iter().copied())
    {
        add(w, &|_| {});
    }
    for w in VAGUE_COUNTS
        .iter()
        .map(|a| a.0)
        .chain(OTHER_TRIGGERS.iter().copied())
    {
        add(w, &|_| {});
    }
    // Possessive names start with the bare word: "boss's day" is "boss" ' "s" "day".
    for &(name, _) in holidays::HOLIDAYS {
        let k = name.split(' ').next().unwrap_or_default();
        for w in [Some(k), k.strip_suffix('s')].into_iter().flatten() {
            words.entry(w).or_default().holiday_start = true;
        }
    }
    for w in WEAK_TRIGGERS {
        if let Some(e) = words.get_mut(w) {
            e.weak = true;
        }
    }
    for e in words.values_mut() {
        let classes = [
            (e.cardinal.is_some(), rule::CARDINAL),
            (e.ordinal.is_some(), rule::ORDINAL),
            (e.dir.is_some(), rule::DIRECTION),
            (e.month.is_some(), rule::MONTH_NAME),
            (e.weekday.is_some(), rule::WEEKDAY),
            (e.unit.is_some(), rule::REL_PERIOD),
            (e.part.is_some(), rule::FUZZY),
            (e.decade.is_some(), rule::DECADE),
            (e.holiday_start, rule::HOLIDAY),
        ];
        for (is, bits) in classes {
            if is {
                e.starts |= bits;
            }
        }
    }
    let firsts = FIRST_WORDS
        .iter()
        .copied()
        .chain(VAGUE_COUNTS.iter().map(|&(w, _)| (w, rule::COUNT)))
        .chain(PART_ABBREVIATIONS.iter().map(|a| (a.0, rule::FUZZY)));
    for (w, bits) in firsts {
        // Only words already in the tables: a new entry would change what
        // `Parser::num_may_start` reads as a date word.
        words
            .get_mut(w)
            .expect("first words are lexicon words")
            .starts |= bits;
    }
    let mut shapes = Shapes([0; 26 * 26]);
    for w in words.keys() {
        shapes.add(w);
    }
    let (short, words) = ShortWords::split(words);
    Lexicon {
        short,
        words,
        shapes,
        holidays,
    }
});

impl Lexicon {
    /// What the tables say about `w` (lower case). Three words in four of a
    /// sentence are in no table; most of them are turned away by their shape
    /// before they are hashed.
    /// `key` is the word packed by [`letter_run`].
    fn info(&self, w: &str, key: u64) -> Option<&WordInfo> {
        if self.shapes.excludes(w) {
            return None;
        }
        if w.len() <= 8 {
            self.short.get(key)
        } else {
            self.words.get(w)
        }
    }
}

/// The lexicon's words of at most eight bytes in an open-addressing table
/// keyed by the word's bytes packed into a `u64`: a word that passed
/// [`Shapes`] costs a multiply and a compare or two, not a byte-by-byte hash,
/// a probe and a string compare (most such words are frequent lexicon words
/// like "the", "in" and "of", so the lookup is paid in full).
struct ShortWords {
    /// Packed keys, 0 for an empty slot (no word packs to 0).
    keys: Vec<u64>,
    /// For each slot, the index of its word's entry in `infos`.
    slots: Vec<u16>,
    infos: Vec<WordInfo>,
    /// `64 - log2(keys.len())`: the top bits of the product pick the slot.
    shift: u32,
}

impl ShortWords {
    /// Moves the words of at most eight bytes out of `words` into a table;
    /// returns it and the longer words.
    fn split(
        words: FnvMap<&'static str, WordInfo>,
    ) -> (ShortWords, FnvMap<&'static str, WordInfo>) {
        let (short, long): (Vec<_>, Vec<_>) =
            words.into_iter().partition(|(w, _)| Self::key(w).is_some());
        // At most half full, so a probe ends after a slot or two.
        let size = (2 * short.len()).next_power_of_two().max(2);
        let mut table = ShortWords {
            keys: vec![0; size],
            slots: vec![0; size],
            infos: Vec::with_capacity(short.len()),
            shift: 64 - size.trailing_zeros(),
        };
        for (w, info) in short {
            let k = Self::key(w).expect("partitioned by key");
            let mut slot = table.slot(k);
            while table.keys[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table.keys[slot] = k;
            table.slots[slot] = u16::try_from(table.infos.len()).expect("a small lexicon");
            table.infos.push(info);
        }
        (table, long.into_iter().collect())
    }

    /// `w` packed into a `u64` (zero bytes pad it), if it has 1 to 8 bytes.
    fn key(w: &str) -> Option<u64> {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return None;
        }
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        Some(u64::from_le_bytes(buf))
    }

    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, k: u64) -> Option<&WordInfo> {
        let mask = self.keys.len() - 1;
        let mut slot = self.slot(k);
        loop {
            match self.keys[slot] {
                0 => return None,
                key if key == k => return Some(&self.infos[usize::from(self.slots[slot])]),
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// For each pair of first two letters, the lengths of the lexicon's words
/// that start with it (a bit per length, the last one for all longer words).
/// One-letter words are always looked up.
struct Shapes([u32; 26 * 26]);

impl Shapes {
    /// The slot and length bit of a word of two or more lower-case letters.
    fn of(w: &str) -> Option<(usize, u32)> {
        let &[a, b, ..] = w.as_bytes() else {
            return None;
        };
        let letter = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
        let slot = letter(a)? * 26 + letter(b)?;
        Some((slot, 1 << w.len().min(31)))
    }

    fn add(&mut self, w: &str) {
        if let Some((slot, bit)) = Self::of(w) {
            self.0[slot] |= bit;
        }
    }

    /// No lexicon word has the shape of `w`: it is not one of them.
    fn excludes(&self, w: &str) -> bool {
        Self::of(w).is_some_and(|(slot, bit)| self.0[slot] & bit == 0)
    }
}

/// The longest candidate; the first one wins a tie.
fn best<const N: usize>(cands: [Option<(usize, Val)>; N]) -> Option<(usize, Val)> {
    let mut out: Option<(usize, Val)> = None;
    for c in cands.into_iter().flatten() {
        if out.is_none_or(|o| c.0 > o.0) {
            out = Some(c);
        }
    }
    out
}

/// Buffers `scan` keeps from one sentence to the next: it runs on every
/// sentence with a number, and allocating them anew each time costs about as
/// much as reading a sentence without dates.
#[derive(Default)]
struct Scratch {
    low: String,
    /// Empty between calls (see [`recycle`]).
    toks: Vec<Tok<'static>>,
    nums: Vec<usize>,
    anchors: Vec<Option<Parsed>>,
    cores: Vec<Option<Parsed>>,
}

/// The allocation of a sentence's token buffer, emptied and so no longer
/// borrowing the sentence, for the next one: collecting an empty `Vec` into
/// an element type of the same size and alignment keeps its allocation.
fn recycle(mut toks: Vec<Tok<'_>>) -> Vec<Tok<'static>> {
    toks.clear();
    toks.into_iter()
        .map(|_| unreachable!("the buffer was emptied"))
        .collect()
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Finds every expression: at each token that can start one, the longest match.
fn scan(text: &str, reference: NaiveDate, order: DateOrder) -> Vec<Hit> {
    // Taken out for the call (a nested call would start from empty buffers).
    let mut scratch = SCRATCH.with(RefCell::take);
    scratch.low.clear();
    scratch.low.push_str(text);
    scratch.low.make_ascii_lowercase();
    scratch.anchors.clear();
    scratch.cores.clear();
    let p = Parser {
        toks: tokenize(
            text,
            &scratch.low,
            std::mem::take(&mut scratch.toks),
            &mut scratch.nums,
        ),
        r: reference,
        order,
        anchors: RefCell::new(std::mem::take(&mut scratch.anchors)),
        cores: RefCell::new(std::mem::take(&mut scratch.cores)),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        if p.may_start(i) {
            if let Some(j) = p.malformed(i) {
                i = j;
                continue;
            }
            if let Some((j, val)) = p.expr(i) {
                if j > i && val.first <= val.last {
                    out.push(Hit {
                        start: p.toks[i].start,
                        end: p.toks[j - 1].end,
                        val,
                    });
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    scratch.anchors = p.anchors.into_inner();
    scratch.cores = p.cores.into_inner();
    scratch.toks = recycle(p.toks);
    SCRATCH.with(|s| s.replace(scratch));
    out
}

/// A word of a holiday name as the text writes it: "Year's" is "year" with one
/// possessive "s", and `next` is the token after them.
#[derive(Debug, Clone, Copy, Default)]
struct NameWord<'a> {
    word: &'a str,
    s: usize,
    next: usize,
}

impl NameWord<'_> {
    /// The word, its possessive "s"es joined on, is `name`.
    fn spells(&self, name: &str) -> bool {
        name.len() == self.word.len() + self.s
            && name.starts_with(self.word)
            && name.bytes().skip(self.word.len()).all(|b| b == b's')
    }
}

/// A month-day with or without its year, before it is resolved.
#[derive(Debug, Clone, Copy)]
struct Md {
    m: u32,
    d: u32,
    y: Option<i32>,
}

/// A rule's result at one token, once computed.
type Parsed = Option<(usize, Val)>;

/// A rule of the grammar and its bit in [`rule`].
type Rule<'a> = (fn(&Parser<'a>, usize) -> Parsed, u32);

struct Parser<'a> {
    toks: Vec<Tok<'a>>,
    r: NaiveDate,
    order: DateOrder,
    /// `anchor` and `core` results by token: rules ask for the same spans many times.
    anchors: RefCell<Vec<Option<Parsed>>>,
    cores: RefCell<Vec<Option<Parsed>>>,
}

impl<'a> Parser<'a> {
    /// `f(i)`, computed once per token.
    fn memo(
        &self,
        cache: &RefCell<Vec<Option<Parsed>>>,
        i: usize,
        f: impl FnOnce() -> Parsed,
    ) -> Parsed {
        if let Some(Some(v)) = cache.borrow().get(i) {
            return *v;
        }
        let v = f();
        let mut cache = cache.borrow_mut();
        // Filled on first use: most sentences never ask.
        if cache.is_empty() {
            cache.resize(self.toks.len(), None);
        }
        if let Some(slot) = cache.get_mut(i) {
            *slot = Some(v);
        }
        v
    }

    // -- token access -------------------------------------------------------

    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.toks.get(i)?.info
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i)?.word
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|w| ws.contains(&w))
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Token `i` exists and touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// An unblocked number of at most `max_digits` digits.
    fn num(&self, i: usize, max_digits: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && !t.blocked && t.digits <= max_digits).then_some(t.val)
    }

    fn digits(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.digits)
    }

    /// Nothing follows, or punctuation does: the expression ends a clause.
    fn ends(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_none_or(|t| matches!(t.kind, Kind::Punct(_)) || t.kind == Kind::Other)
    }

    /// Skips `w` if it is there.
    fn skip(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) {
            i + 1
        } else {
            i
        }
    }

    fn skip_any(&self, i: usize, ws: &[&str]) -> usize {
        if self.any(i, ws) {
            i + 1
        } else {
            i
        }
    }

    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Num => self.num_may_start(i),
            // Of all rules only the decades start at an apostrophe ("'90s"),
            // and the news has many more possessives and quotes.
            Kind::Punct(b'\'') => self.glued(i + 1) && self.num(i + 1, 4).is_some(),
            Kind::Punct(_) => false,
            Kind::Word => match t.info {
                Some(w) if w.weak => (i + 1..i + 4).any(|k| {
                    self.toks.get(k).is_some_and(|t| match t.kind {
                        // A blocked number ("15,000", "$5", "40%") is never
                        // read by a date rule.
                        Kind::Num => self.num_may_start(k),
                        Kind::Punct(b'\'') => true,
                        Kind::Word => t.info.is_some_and(|w| !w.weak && self.opens(k, w)),
                        _ => false,
                    })
                }),
                Some(w) => self.opens(i, w),
                None => false,
            },
            Kind::Other => false,
        }
    }

    /// Whether word `i`, which the lexicon knows as `w`, can open a date: a
    /// trigger can, the first word of a holiday name only where the name
    /// follows ("Israel Independence Day", not "Israel said").
    fn opens(&self, i: usize, w: &WordInfo) -> bool {
        w.trigger || w.holiday_start && self.holiday_name(i).is_some()
    }

    /// Whether a date can start at number `i`: it is not blocked, and what
    /// follows is no plain word (every word a date rule reads is in the
    /// lexicon): "12 March", "12/3", "2024", "3 days ago" may; "12 people"
    /// and "40 killed", the commonest numbers in the news, may not.
    fn num_may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind != Kind::Num || t.blocked {
            return false;
        }
        // Besides the lexicon: ordinal suffixes ("27th"), a decade's "s"
        // ("1990s"), "of" ("the 20th of next month").
        match self.toks.get(i + 1) {
            Some(n) if n.kind == Kind::Word => {
                n.info.is_some()
                    || matches!(
                        self.word(i + 1),
                        Some("st" | "nd" | "rd" | "th" | "s" | "of")
                    )
            }
            _ => true,
        }
    }

    // -- numbers --------------------------------------------------------------

    /// One or two number words below 100 ("nineteen", "twenty five", "twenty-five"),
    /// and whether it was one word.
    fn words_below_100(&self, i: usize) -> Option<(usize, u32, bool)> {
        let v = self.info(i)?.cardinal?;
        if v >= 20 && v % 10 == 0 {
            let j = if self.punct(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = self.info(j).and_then(|w| w.cardinal) {
                if (1..10).contains(&u) {
                    return Some((j + 1, v + u, false));
                }
            }
        }
        Some((i + 1, v, true))
    }

    /// A count in digits or words: "4", "four", "twenty-one", "one hundred and five".
    fn cardinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(v) = self.num(i, 9) {
            if self.glued(i + 1) && self.any(i + 1, ORDINAL_SUFFIXES) {
                return None;
            }
            return Some((i + 1, v));
        }
        let (mut j, mut cur, _) = self.words_below_100(i)?;
        let mut total = 0u32;
        loop {
            if self.is(j, "hundred") && (1..100).contains(&cur) {
                cur *= 100;
                j += 1;
            } else if self.is(j, "thousand") && (1..1000).contains(&cur) {
                total += cur * 1000;
                cur = 0;
                j += 1;
            } else {
                break;
            }
            let k = self.skip(j, "and");
            if let Some((k2, v, _)) = self.words_below_100(k) {
                cur += v;
                j = k2;
            }
        }
        Some((j, total + cur))
    }

    /// A count for durations and spans: a cardinal, "a"/"an", "a couple (of)", "a few".
    fn count(&self, i: usize) -> Option<(usize, u32)> {
        let j = self.skip_any(i, &["a", "an"]);
        if let Some(&v) = self
            .word(j)
            .and_then(|w| VAGUE_COUNTS.iter().find(|c| c.0 == w))
            .map(|c| &c.1)
        {
            return Some((self.skip(j + 1, "of"), v));
        }
        if j > i {
            return Some((j, 1));
        }
        self.cardinal(i)
    }

    /// An ordinal: "21st", "3rd", "third", "twenty-first".
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(v) = self.num(i, 4) {
            if self.glued(i + 1) && self.any(i + 1, ORDINAL_SUFFIXES) {
                return Some((i + 2, v));
            }
            return None;
        }
        let info = self.info(i)?;
        if let Some(v) = info.ordinal {
            return Some((i + 1, v));
        }
        let tens = info.cardinal?;
        if tens >= 20 && tens % 10 == 0 {
            let j = if self.punct(i + 1, b'-') && self.glued(i + 1) && self.glued(i + 2) {
                i + 2
            } else {
                i + 1
            };
            let u = self.info(j)?.ordinal?;
            if u < 10 {
                return Some((j + 1, tens + u));
            }
        }
        None
    }

    /// A day of the month: "8", "08", "8th", "eighth", "twenty five", "twenty-first".
    fn dom(&self, i: usize) -> Option<(usize, u32)> {
        let (j, d) = match self.ordinal(i) {
            Some(o) => o,
            None if self.num(i, 2).is_some() || self.word(i).is_some() => self.cardinal(i)?,
            None => return None,
        };
        (1..=31).contains(&d).then_some((j, d))
    }

    /// A year written in words: "nineteen ninety six", "two thousand and five",
    /// "seventeen hundred thirty three", "twenty twenty".
    fn year_words(&self, i: usize) -> Option<(usize, i32)> {
        let (j, a, single) = self.words_below_100(i)?;
        // "two thousand and five"; "one thousand" is a count ("more than
        // 1,000 (one thousand) residents"), not the year 1000.
        let (end, y) = if self.is(j, "thousand") && a == 2 {
            let k = self.skip(j + 1, "and");
            match self.words_below_100(k) {
                Some((k2, b, _)) if !self.is(k2, "hundred") => (k2, a * 1000 + b),
                _ => (j + 1, a * 1000),
            }
        } else if self.is(j, "hundred") && (10..=29).contains(&a) {
            let k = self.skip(j + 1, "and");
            match self.words_below_100(k) {
                Some((k2, b, _)) => (k2, a * 100 + b),
                None => (j + 1, a * 100),
            }
        } else if single && (10..=29).contains(&a) {
            if self.is(j, "oh") {
                let (k2, b, _) = self.words_below_100(j + 1)?;
                (b < 10).then_some((k2, a * 100 + b))?
            } else {
                let (k2, b, _) = self.words_below_100(j)?;
                (b >= 10).then_some((k2, a * 100 + b))?
            }
        } else {
            return None;
        };
        let y = i32::try_from(y).ok()?;
        YEARS.contains(&y).then_some((end, y))
    }

    /// A four-digit year.
    fn year4(&self, i: usize) -> Option<(usize, i32)> {
        let v = self.num(i, 4)?;
        let y = i32::try_from(v).ok()?;
        (self.digits(i) == 4 && YEARS.contains(&y)).then_some((i + 1, y))
    }

    /// A two-digit year is the latest such year up to ten years after the reference:
    /// in 2016, "16" is 2016, "39" is 1939; in 2013, "18" is 2018.
    fn pivot(&self, yy: u32) -> i32 {
        let yy = i32::try_from(yy).unwrap_or(0);
        let y = 2000 + yy;
        if y <= self.r.year() + 10 {
            y
        } else {
            1900 + yy
        }
    }

    /// The year after a day and month: "2025", "'87", "two thousand and five".
    fn year_slot(&self, i: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year4(i) {
            return Some(y);
        }
        if self.punct(i, b'\'') && self.digits(i + 1) == 2 {
            return Some((i + 2, self.pivot(self.num(i + 1, 2)?)));
        }
        self.year_words(i)
    }

    /// A year after "of"/"in" may also have two digits ("15 April of 87").
    fn year_after_of(&self, i: usize) -> Option<(usize, i32)> {
        if !self.any(i, &["of", "in"]) {
            return None;
        }
        if self.digits(i + 1) == 2 && self.ends(i + 2) {
            return Some((i + 2, self.pivot(self.num(i + 1, 2)?)));
        }
        self.year_slot(i + 1)
    }

    /// A month name; abbreviations may carry their dot ("Sept.").
    /// Returns (next, month, whether the word can stand alone as a month).
    fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let w = self.word(i)?;
        let m = self.info(i)?.month?;
        let full = !is_month_abbreviation(w);
        let j = if !full && self.punct(i + 1, b'.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((j, m, full && !VERB_MONTHS.contains(&w)))
    }

    /// A weekday name; abbreviations may carry their dot ("Thu.").
    /// Returns (next, weekday, whether it needs a modifier or a date beside it).
    fn weekday(&self, i: usize) -> Option<(usize, Weekday, bool)> {
        let w = self.word(i)?;
        let wd = self.info(i)?.weekday?;
        let dotted = w.len() <= 5 && self.punct(i + 1, b'.') && self.glued(i + 1);
        let j = if dotted { i + 2 } else { i + 1 };
        Some((j, wd, WORDLIKE_WEEKDAYS.contains(&w) && !dotted))
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        self.info(i)?.unit
    }

    fn dir(&self, i: usize) -> Option<Dir> {
        self.info(i)?.dir
    }

    // -- resolution against the reference -----------------------------------

    /// The most recent (month, day) on or before the reference.
    fn recent_md(&self, m: u32, d: u32) -> Option<NaiveDate> {
        (0..=8)
            .map(|k| ymd(self.r.year() - k, m, d))
            .find(|x| x.is_some_and(|x| x <= self.r))?
    }

    /// The most recent month `m` that has begun by the reference.
    fn recent_month_year(&self, m: u32) -> i32 {
        if m <= self.r.month() {
            self.r.year()
        } else {
            self.r.year() - 1
        }
    }

    /// The most recent day-of-month `d` on or before the reference.
    fn recent_dom(&self, d: u32) -> Option<NaiveDate> {
        let start = ymd(self.r.year(), self.r.month(), 1)?;
        (0..=12)
            .filter_map(|k| add_months(start, -k))
            .filter_map(|m| ymd(m.year(), m.month(), d))
            .find(|&x| x <= self.r)
    }

    /// A month-day without a year whose weekday is `wd`: the most recent one, else
    /// the next one, else the latest earlier year that fits, else the plain reading.
    fn md_with_weekday(&self, m: u32, d: u32, wd: Weekday) -> Option<NaiveDate> {
        let recent = self.recent_md(m, d)?;
        let y = recent.year();
        // Nearest first: the recent one, the next one, then alternately later and earlier years.
        let years = std::iter::once(y).chain((1..=28).flat_map(|k| [y + k, y - k]));
        Some(
            years
                .filter_map(|y| ymd(y, m, d))
                .find(|x| x.weekday() == wd)
                .unwrap_or(recent),
        )
    }

    fn resolve_md(&self, md: Md, wd: Option<Weekday>) -> Option<Val> {
        Some(match (md.y, wd) {
            (Some(y), _) => Val::day(ymd(y, md.m, md.d)?).written(Written::Full),
            (None, Some(wd)) => Val::day(self.md_with_weekday(md.m, md.d, wd)?)
                .written(Written::MonthDay(md.m, md.d)),
            (None, None) => {
                Val::day(self.recent_md(md.m, md.d)?).written(Written::MonthDay(md.m, md.d))
            }
        })
    }
}

// ---------------------------------------------------------------------------
// Grammar. Each rule takes a token index and returns the index after its match
// with the resolved value. Layers: `atom` (one calendar expression), `anchor`
// (plus parts and shifts), `core` (plus spans, ranges and "since"), `expr` (plus
// a leading preposition).
// ---------------------------------------------------------------------------

impl<'a> Parser<'a> {
    /// The longest match of `rules` at `i`; the first one wins a tie. (Rules are
    /// tried one by one rather than gathered with [`best`]: moving every
    /// result into an array costs more than most of the rules.) A rule is
    /// tried only where `can` says it may begin (bits of [`rule`]).
    fn longest(&self, i: usize, can: u32, rules: &[Rule<'a>]) -> Parsed {
        let mut out: Parsed = None;
        for &(rule, bit) in rules {
            if can & bit == 0 {
                if cfg!(test) {
                    assert!(
                        rule(self, i).is_none(),
                        "rule {bit:#x} matched at token {i} ({:?}), which its first words rule out",
                        self.word(i)
                    );
                }
                continue;
            }
            if let Some(c) = rule(self, i) {
                if out.is_none_or(|o| c.0 > o.0) {
                    out = Some(c);
                }
            }
        }
        out
    }

    /// The rules that can begin at token `i` (bits of [`rule`]).
    fn starts(&self, i: usize) -> u32 {
        let Some(t) = self.toks.get(i) else {
            return 0;
        };
        match t.kind {
            Kind::Word => t.info.map_or(0, |w| w.starts),
            Kind::Num if !t.blocked => rule::NUMBER,
            // "'90s".
            Kind::Punct(b'\'') => rule::DECADE,
            _ => 0,
        }
    }

    fn expr(&self, i: usize) -> Option<(usize, Val)> {
        let bare = self.core(i);
        let with_prep = if self.any(i, LEADING_PREPOSITIONS) {
            self.core(i + 1)
        } else {
            None
        };
        best([bare, with_prep])
    }

    fn core(&self, i: usize) -> Option<(usize, Val)> {
        self.memo(&self.cores, i, || {
            let mut can = self.starts(i);
            // A range or an open start may begin with any anchor ("March 3 to
            // 5", "2016 and later").
            if self.anchor(i).is_some() {
                can |= rule::RANGE | rule::OPEN_SINCE;
            }
            self.longest(
                i,
                can,
                &[
                    (Self::anchor, rule::ALL),
                    (Self::span, rule::SPAN),
                    (Self::range, rule::RANGE),
                    (Self::since, rule::SINCE),
                    (Self::open_since, rule::OPEN_SINCE),
                ],
            )
        })
    }

    fn anchor(&self, i: usize) -> Option<(usize, Val)> {
        self.memo(&self.anchors, i, || {
            self.longest(
                i,
                self.starts(i),
                &[
                    (Self::atom, rule::ALL),
                    (Self::fuzzy, rule::FUZZY),
                    (Self::shift, rule::SHIFT),
                ],
            )
        })
    }

    fn atom(&self, i: usize) -> Option<(usize, Val)> {
        self.longest(
            i,
            self.starts(i),
            &[
                (Self::relative_day, rule::RELATIVE_DAY),
                (Self::weekday_expr, rule::WEEKDAY),
                (Self::month_day, rule::MONTH_DAY),
                (Self::numeric_date, rule::NUMERIC),
                (Self::month_year, rule::MONTH_YEAR),
                (Self::month_expr, rule::MONTH),
                (Self::year_expr, rule::YEAR),
                (Self::quarter_expr, rule::QUARTER),
                (Self::decade_expr, rule::DECADE),
                (Self::week_expr, rule::WEEK),
                (Self::rel_period, rule::REL_PERIOD),
                (Self::ordinal_of, rule::ORDINAL_OF),
                (Self::day_of_month, rule::DAY_OF_MONTH),
                (Self::holiday_expr, rule::HOLIDAY),
            ],
        )
    }

    /// Where a period is expected ("mid-2019", "since 2017", "the first week of 2015")
    /// a bare year needs no cue word.
    fn period_slot(&self, i: usize) -> Option<(usize, Val)> {
        let bare_year = self
            .year4(i)
            .or_else(|| self.year_words(i))
            .filter(|&(j, _)| !self.joined(j))
            .and_then(|(j, y)| {
                let (a, b) = year_period(y)?;
                Some((j, Val::period(a, b, Grain::Year)?.written(Written::Full)))
            });
        best([self.anchor(i), bare_year])
    }

    /// Token `e` continues the number before it ("2019s", "2019-02"): that number
    /// is not a year on its own.
    fn joined(&self, e: usize) -> bool {
        self.glued(e)
            && (!self.ends(e) || (self.punct(e, b'-') || self.punct(e, b'/')) && self.glued(e + 1))
    }

    /// Skips a time of day after a day ("Monday night", "yesterday morning").
    fn time_of_day(&self, i: usize) -> usize {
        self.skip_any(i, TIMES_OF_DAY)
    }

    /// The end of a calendar date written in full but impossible ("February 30",
    /// "2019-02-31"): the scan skips it rather than reading its parts alone.
    fn malformed(&self, i: usize) -> Option<usize> {
        if self.any(i, LEADING_PREPOSITIONS) {
            return self.malformed(i + 1);
        }
        if let Some((e, md)) = self.md(i) {
            let valid = match md.y {
                Some(y) => ymd(y, md.m, md.d).is_some(),
                None => ymd(2000, md.m, md.d).is_some(),
            };
            return (!valid).then_some(e);
        }
        let sep = [b'/', b'-', b'.']
            .into_iter()
            .find(|&c| self.punct(i + 1, c) && self.glued(i + 1) && self.glued(i + 2))?;
        let third = self.punct(i + 3, sep) && self.glued(i + 3) && self.num(i + 4, 4).is_some();
        (self.num(i, 4).is_some()
            && self.num(i + 2, 2).is_some()
            && third
            && self.numeric_date(i).is_none())
        .then_some(i + 5)
    }

    // -- days relative to the reference -----------------------------------------

    /// "today", "yesterday", "tomorrow", "the day before yesterday", "last night".
    fn relative_day(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let (j, d) = match self.word(i)? {
            "today" | "tonight" | "tonite" => (i + 1, r),
            "yesterday" => (i + 1, add_days(r, -1)?),
            "tomorrow" | "tomorrows" | "tmrw" | "tmr" => (i + 1, add_days(r, 1)?),
            "the" | "day" => {
                let j = self.skip(i, "the");
                if self.any(j, &["last", "past"]) && self.is(j + 1, "day") {
                    return self.relative_day(j);
                }
                // "the previous day", "the preceding day": the day before the reference.
                if j > i && self.any(j, &["previous", "preceding"]) && self.is(j + 1, "day") {
                    return Some((self.time_of_day(j + 2), Val::day(add_days(r, -1)?)));
                }
                if !self.is(j, "day") {
                    return None;
                }
                if self.is(j + 1, "before") && self.is(j + 2, "yesterday") {
                    (j + 3, add_days(r, -2)?)
                } else if j > i && self.is(j + 1, "before") && self.ends(j + 2) {
                    // "the day before." (not "the day before the vote").
                    (j + 2, add_days(r, -1)?)
                } else if self.is(j + 1, "after") && self.any(j + 2, &["tomorrow", "tmrw"]) {
                    (j + 3, add_days(r, 2)?)
                } else {
                    return None;
                }
            }
            "last" if self.is(i + 1, "night") => (i + 2, add_days(r, -1)?),
            // "a day earlier", "a day before" ending the clause.
            "a" if self.is(i + 1, "day")
                && self.any(i + 2, &["earlier", "before"])
                && self.ends(i + 3) =>
            {
                (i + 3, add_days(r, -1)?)
            }
            // "the last day", "past day" (not "the last day of ..."): yesterday.
            "last" | "past"
                if self.is(i + 1, "day")
                    && !self.any(i + 2, &["of", "in", "before"])
                    && !self.punct(i + 2, b'-') =>
            {
                if i > 0 && self.any(i - 1, &["a", "every", "each"]) {
                    return None;
                }
                (i + 2, add_days(r, -1)?)
            }
            "this" if self.is(i + 1, "day") && self.ends(i + 2) => (i + 2, r),
            "this" if self.any(i + 1, &["morning", "afternoon", "evening"]) => (i + 2, r),
            _ => return None,
        };
        Some((self.time_of_day(j), Val::day(d)))
    }

    // -- weekdays -----------------------------------------------------------------

    /// "Tuesday", "last Tuesday", "next week on Tuesday", "Tuesday of last week",
    /// "Friday after next", "this coming Friday", "Sunday, Feb 10", "Monday the 21st".
    fn weekday_expr(&self, i: usize) -> Option<(usize, Val)> {
        #[derive(PartialEq)]
        enum Mod {
            None,
            Week(i64),
            Coming,
            PastStrict,
        }
        let r = self.r;
        let (j, modifier) = match self.word(i)? {
            "this" if self.any(i + 1, &["coming", "upcoming"]) => (i + 2, Mod::Coming),
            "this" if self.is(i + 1, "past") => (i + 2, Mod::PastStrict),
            "coming" | "upcoming" => (i + 1, Mod::Coming),
            _ => match self.dir(i) {
                Some(d) => {
                    let k = match d {
                        Dir::Last => -7,
                        Dir::This => 0,
                        Dir::Next | Dir::Coming => 7,
                    };
                    // "last week Sunday", "last week's Sunday", "next week, on Tuesday".
                    let mut j = i + 1;
                    if self.is(j, "week") {
                        j += 1;
                        if self.punct(j, b'\'') && self.is(j + 1, "s") {
                            j += 2;
                        }
                        j = self.skip(j, "on");
                        if self.punct(j, b',') {
                            j = self.skip(j + 1, "on");
                        }
                    }
                    (j, Mod::Week(k))
                }
                None => (i, Mod::None),
            },
        };
        let (mut k, wd, needs_context) = self.weekday(j)?;
        if modifier == Mod::None && self.names_weekday(j, k) {
            return None;
        }
        let monday_r = monday(r)?;
        let in_week =
            |offset: i64| add_days(monday_r, offset + i64::from(wd.num_days_from_monday()));

        // A date beside the weekday decides ("Sunday, Feb 10", "Friday-Jun-15").
        let mut sep = k;
        if self.punct(sep, b',') || self.punct(sep, b'-') || self.punct(sep, b'(') {
            sep += 1;
        }
        if let Some((e, md)) = self.md(sep) {
            let mut e = e;
            if self.punct(sep.saturating_sub(1), b'(') && self.punct(e, b')') {
                e += 1;
            }
            return Some((self.time_of_day(e), self.resolve_md(md, Some(wd))?));
        }
        // "Monday the 21st", "Mon 13th", "Monday 21!"
        let t = self.skip(k, "the");
        let day_number = if t > k {
            self.dom(t)
        } else {
            self.ordinal(t)
                .or_else(|| self.num(t, 2).map(|v| (t + 1, v)))
        };
        if let Some((e, d)) = day_number {
            let bare_number = self.ordinal(t).is_none();
            if (1..=31).contains(&d) && (!bare_number || t > k || self.ends(e)) {
                let start = ymd(r.year(), r.month(), 1)?;
                let day = (0..=400)
                    .filter_map(|n| add_months(start, -n))
                    .filter_map(|m| ymd(m.year(), m.month(), d))
                    .find(|x| *x <= r && x.weekday() == wd);
                if let Some(day) = day {
                    return Some((self.time_of_day(e), Val::day(day)));
                }
            }
        }
        // "Tuesday of last week", "Sunday from last week", "Wednesday next week".
        let t = self.skip_any(k, &["of", "from"]);
        let t2 = self.skip(t, "the");
        let week_dir = self.dir(t2).filter(|_| self.is(t2 + 1, "week"));
        let day = if let Some(d) = week_dir {
            k = t2 + 2;
            match d {
                Dir::Last => in_week(-7),
                Dir::This => in_week(0),
                Dir::Next | Dir::Coming => in_week(7),
            }
        } else if self.is(k, "after") && self.is(k + 1, "next") {
            k += 2;
            nth_weekday_from(r, wd, 2)
        } else if self.is(k, "before") && self.is(k + 1, "last") {
            k += 2;
            nth_weekday_from(r, wd, -2)
        } else {
            if needs_context && modifier == Mod::None {
                return None;
            }
            match modifier {
                Mod::None => {
                    let d = on_or_before(r, wd)?;
                    let mut v = Val::day(d);
                    v.lone_weekday = Some(wd);
                    return Some((self.time_of_day(k), v));
                }
                Mod::Week(off) => in_week(off),
                Mod::Coming => nth_weekday_from(r, wd, 1),
                Mod::PastStrict => nth_weekday_from(r, wd, -1),
            }
        }?;
        Some((self.time_of_day(k), Val::day(day)))
    }

    /// A weekday that is part of a name: "Sunday Times", "Bloody Sunday".
    fn names_weekday(&self, i: usize, next: usize) -> bool {
        let after = self.cap(next) && self.any(next, WEEKDAY_NAME_AFTER);
        let before = i > 0 && self.cap(i - 1) && self.any(i - 1, WEEKDAY_NAME_BEFORE);
        after || before
    }

    /// "3 fridays from now", "two thursdays ago".
    fn counted_weekdays(&self, i: usize) -> Option<(usize, Val)> {
        let (j, n) = self.count(i)?;
        let wd = self.info(j)?.weekdays?;
        let n = i64::from(n);
        let (k, n) = if self.is(j + 1, "from") && self.is(j + 2, "now") {
            (j + 3, n)
        } else if self.is(j + 1, "hence") {
            (j + 2, n)
        } else if self.any(j + 1, &["ago", "back"]) {
            (j + 2, -n)
        } else {
            return None;
        };
        Some((k, Val::day(nth_weekday_from(self.r, wd, n)?)))
    }

    // -- calendar dates -------------------------------------------------------

    /// A month-day in words and digits, with or without its year.
    fn md(&self, i: usize) -> Option<(usize, Md)> {
        // It begins with a month, a day or a year: a token that can begin
        // `month_day` (the scan asks at every token that may start a date).
        if self.starts(i) & rule::MONTH_DAY == 0 {
            if cfg!(test) {
                assert!(
                    self.md_month_first(i).is_none()
                        && self.md_day_first(i).is_none()
                        && self.md_year_first(i).is_none(),
                    "a month-day at token {i} ({:?}), which cannot begin `month_day`",
                    self.word(i)
                );
            }
            return None;
        }
        let a = self.md_month_first(i);
        let b = self.md_day_first(i);
        let c = self.md_year_first(i);
        [a, b, c].into_iter().flatten().max_by_key(|x| x.0)
    }

    /// "January 18, 2019", "Jan. 8", "Sep-23-2020", "Oct/2", "mar3", "October, 1st",
    /// "february the 15th", "January twenty five nineteen eighty six".
    fn md_month_first(&self, i: usize) -> Option<(usize, Md)> {
        let (mut j, m, _) = self.month(i)?;
        // "October. 2": a stray dot after a full name.
        if self.punct(j, b'.') && self.glued(j) && !self.glued(j + 1) && j == i + 1 {
            j += 1;
        }
        let sep = [b'-', b'/', b'.']
            .into_iter()
            .find(|&c| self.punct(j, c) && self.glued(j) && self.glued(j + 1));
        let mut k = if sep.is_some() { j + 1 } else { j };
        if sep.is_none() && self.punct(k, b',') && self.ordinal(k + 1).is_some() {
            k += 1;
        }
        let k = self.skip(k, "the");
        let (e, d) = self.dom(k)?;
        if self.num(k, 2).is_some() && self.punct(e, b':') {
            return None;
        }
        let (e, y) = self.year_after_day(e, sep);
        Some((e, Md { m, d, y }))
    }

    /// "22 January 2025", "1st Jan", "the 4th of July", "14april 2015",
    /// "05-Aug-2016", "fifteen August nineteen hundred ninety three", "15 April of 87".
    fn md_day_first(&self, i: usize) -> Option<(usize, Md)> {
        let k = self.skip(i, "the");
        let (j, d) = self.dom(k)?;
        if self.num(k, 2).is_some() && self.digits(k) > 2 {
            return None;
        }
        let sep = [b'-', b'/', b'.']
            .into_iter()
            .find(|&c| self.punct(j, c) && self.glued(j) && self.glued(j + 1));
        // "05-Aug-2016", and the German-style "16. Nov. 2016".
        let dotted_day = self.punct(j, b'.') && self.glued(j) && self.num(k, 2).is_some();
        let j = if sep.is_some() || dotted_day {
            j + 1
        } else {
            self.skip(j, "of")
        };
        let (e, m, _) = self.month(j)?;
        let (e, y) = self.year_after_day(e, sep);
        Some((e, Md { m, d, y }))
    }

    /// "2019-sep-1", "2019/sep/01".
    fn md_year_first(&self, i: usize) -> Option<(usize, Md)> {
        let (j, y) = self.year4(i)?;
        let sep = [b'-', b'/']
            .into_iter()
            .find(|&c| self.punct(j, c) && self.glued(j + 1))?;
        let (k, m, _) = self.month(j + 1)?;
        if !(self.punct(k, sep) && self.glued(k + 1)) {
            return None;
        }
        let d = self.num(k + 1, 2)?;
        (1..=31)
            .contains(&d)
            .then_some((k + 2, Md { m, d, y: Some(y) }))
    }

    /// The year after a month and day, if any: same separator as before ("Sep-23-2020"),
    /// or ", 2025", " 2025", " of 87", " in 2020", " two thousand and five".
    fn year_after_day(&self, e: usize, sep: Option<u8>) -> (usize, Option<i32>) {
        if let Some(c) = sep {
            if self.punct(e, c) && self.glued(e) && self.glued(e + 1) {
                if let Some((e2, y)) = self.year4(e + 1) {
                    return (e2, Some(y));
                }
                if self.digits(e + 1) == 2 {
                    if let Some(v) = self.num(e + 1, 2) {
                        return (e + 2, Some(self.pivot(v)));
                    }
                }
            }
            return (e, None);
        }
        let k = if self.punct(e, b',') { e + 1 } else { e };
        // "on June 3 this year", "on 12 March last year".
        if self.is(k + 1, "year") {
            let shift = match self.word(k) {
                Some("this") => Some(0),
                Some("last") => Some(-1),
                Some("next") => Some(1),
                _ => None,
            };
            if let Some(shift) = shift {
                return (k + 2, Some(self.r.year() + shift));
            }
        }
        if let Some((e2, y)) = self.year_slot(k).or_else(|| self.year_after_of(k)) {
            if !self.glued(e2) || self.ends(e2) {
                return (e2, Some(y));
            }
        }
        // "14th April 15": two digits that end the clause.
        if self.digits(k) == 2 && !self.glued(k) && self.ends(k + 1) {
            if let Some(v) = self.num(k, 2) {
                return (k + 1, Some(self.pivot(v)));
            }
        }
        (e, None)
    }

    /// A month-day date, optionally with "next"/"last"/"this" ("next 6th of April")
    /// or a weekday after it ("Jul 18, Fri").
    fn month_day(&self, i: usize) -> Option<(usize, Val)> {
        let dir = self.dir(i);
        let start = if dir.is_some() { i + 1 } else { i };
        let (mut e, md) = self.md(start)?;
        let mut wd = None;
        if self.punct(e, b',') {
            if let Some((e2, w, _)) = self.weekday(e + 1) {
                wd = Some(w);
                e = e2;
            }
        }
        let val = match (dir, md.y) {
            (Some(d), None) => {
                let this = ymd(self.r.year(), md.m, md.d);
                let day = match d {
                    Dir::This => this,
                    Dir::Next | Dir::Coming => (0..=8)
                        .filter_map(|k| ymd(self.r.year() + k, md.m, md.d))
                        .find(|x| *x > self.r),
                    Dir::Last => (0..=8)
                        .filter_map(|k| ymd(self.r.year() - k, md.m, md.d))
                        .find(|x| *x < self.r),
                }?;
                Val::day(day).written(Written::MonthDay(md.m, md.d))
            }
            (Some(_), Some(_)) => return None,
            (None, _) => self.resolve_md(md, wd)?,
        };
        Some((self.time_of_day(e), val))
    }

    /// All-digit dates: "2025-01-22", "10/31/1974", "21-04-2016", "9-18-15", "22/04",
    /// "4.22"; month and year: "3/2015", "2015/3", "2015-3"; year ranges "2014-2016".
    fn numeric_date(&self, i: usize) -> Option<(usize, Val)> {
        let a = self.num(i, 4)?;
        let da = self.digits(i);
        if i > 0
            && self.glued(i)
            && matches!(
                self.toks[i - 1].kind,
                Kind::Num | Kind::Punct(b'/') | Kind::Punct(b'.')
            )
        {
            return None;
        }
        let sep = [b'/', b'-', b'.']
            .into_iter()
            .find(|&c| self.punct(i + 1, c) && self.glued(i + 1) && self.glued(i + 2))?;
        let b = self.num(i + 2, 4)?;
        let db = self.digits(i + 2);
        let third = (self.punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4))
            .then(|| self.num(i + 4, 4).map(|c| (c, self.digits(i + 4))))
            .flatten();
        if self.punct(i + 3, sep) && self.glued(i + 3) && third.is_none() {
            return None;
        }
        let ya = i32::try_from(a).ok()?;
        if da == 4 {
            // Year first.
            if let Some((c, dc)) = third {
                if db > 2 || dc > 2 {
                    return None;
                }
                return Some((i + 5, Val::day(ymd(ya, b, c)?).written(Written::Full)));
            }
            if !YEARS.contains(&ya) || sep == b'.' && (db > 2 || !self.ends(i + 3)) {
                return None;
            }
            if db == 4 || (sep == b'-' && db == 2 && b == (a + 1) % 100) {
                // "2014-2016", "2015-16": a range of years.
                let yb = if db == 4 {
                    i32::try_from(b).ok()?
                } else {
                    ya + 1
                };
                if yb <= ya || !YEARS.contains(&yb) {
                    return None;
                }
                return Some((
                    i + 3,
                    Val::period(ymd(ya, 1, 1)?, ymd(yb, 12, 31)?, Grain::Free)?
                        .written(Written::Full),
                ));
            }
            let (f, l) = month_period(ya, b).filter(|_| db <= 2 && (1..=12).contains(&b))?;
            return Some((
                i + 3,
                Val::period(f, l, Grain::Month)?.written(Written::Full),
            ));
        }
        if da > 2 {
            return None;
        }
        if let Some((c, dc)) = third {
            if db > 2 || !(dc == 2 || dc == 4) {
                return None;
            }
            let y = if dc == 4 {
                i32::try_from(c).ok()?
            } else {
                self.pivot(c)
            };
            // Dots between day, month and year are the European style, day
            // first ("03.11.2025" is 3 November): read so unless told otherwise.
            let (m, d) = if sep == b'.' && self.order == DateOrder::Unambiguous && a <= 12 {
                (b, a)
            } else {
                self.month_day_order(a, b)?
            };
            return Some((i + 5, Val::day(ymd(y, m, d)?).written(Written::Full)));
        }
        if db == 4 {
            // "3/2015": month and year.
            let y = i32::try_from(b).ok()?;
            if sep == b'.' || !YEARS.contains(&y) {
                return None;
            }
            let (f, l) = month_period(y, a)?;
            return Some((
                i + 3,
                Val::period(f, l, Grain::Month)?.written(Written::Full),
            ));
        }
        if db > 2 {
            return None;
        }
        // A month and day without a year: "22/04", "11/20"; "4.22" only standing alone
        // (otherwise it is a decimal number).
        match sep {
            b'/' => {
                if (a, b) == (24, 7) {
                    return None;
                }
            }
            b'.' => {
                let alone_before = i == 0
                    || matches!(self.toks[i - 1].kind, Kind::Punct(_)) && self.toks[i].spaced
                    || self.any(i - 1, &["on", "in", "at", "since", "by", "until", "till"]);
                if !alone_before || !self.ends(i + 3) || self.punct(i + 3, b'%') {
                    return None;
                }
            }
            _ => return None,
        }
        let (m, d) = self.month_day_order(a, b)?;
        Some((
            i + 3,
            Val::day(self.recent_md(m, d)?).written(Written::MonthDay(m, d)),
        ))
    }

    /// Which of two numbers is the month.
    fn month_day_order(&self, a: u32, b: u32) -> Option<(u32, u32)> {
        match (a > 12, b > 12) {
            (true, true) => None,
            (true, false) => Some((b, a)),
            (false, true) => Some((a, b)),
            (false, false) if a == b => Some((a, b)),
            (false, false) => match self.order {
                DateOrder::Unambiguous => None,
                DateOrder::Mdy => Some((a, b)),
                DateOrder::Dmy => Some((b, a)),
            },
        }
    }

    /// "June 2016", "June of 1992", "November , 2016", "Dec-2018", "Dec/2018",
    /// "October two thousand and five".
    fn month_year(&self, i: usize) -> Option<(usize, Val)> {
        let (j, m, _) = self.month(i)?;
        let mut k = j;
        if self.punct(k, b',') || (self.glued(k) && (self.punct(k, b'-') || self.punct(k, b'/'))) {
            k += 1;
        }
        let k = self.skip_any(k, &["of", "in"]);
        let (e, y) = self.year4(k).or_else(|| self.year_words(k)).or_else(|| {
            (self.punct(k, b'\'') && self.digits(k + 1) == 2)
                .then(|| (k + 2, self.pivot(self.toks[k + 1].val)))
        })?;
        if self.glued(e) && !self.ends(e) {
            return None;
        }
        let (f, l) = month_period(y, m)?;
        Some((e, Val::period(f, l, Grain::Month)?.written(Written::Full)))
    }

    /// A month without a day: "March", "in May", "last June", "next june",
    /// "June last year", "March after next", "March in a year".
    fn month_expr(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let dir = self.dir(i);
        let at = if dir.is_some() { i + 1 } else { i };
        let (mut j, m, standalone) = self.month(at)?;
        let abbrev = j > at + 1 || self.word(at).is_some_and(is_month_abbreviation);
        let cue = at > 0 && (self.any(at - 1, YEAR_CUES) || self.any(at - 1, WEAK_YEAR_CUES));
        let alone = at == 0 && self.ends(j);
        let y = if let Some(d) = dir {
            // As the peers read them: "last September" is last year's, "next March"
            // the first one after the current month, "this June" this year's.
            match d {
                Dir::This => r.year(),
                Dir::Last => r.year() - 1,
                Dir::Next | Dir::Coming => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
            }
        } else {
            // Continuations that only follow a month make even "March" a month.
            let continued = self.any(self.skip(j, "of"), &["this", "last", "next", "previous"])
                || self.is(j, "after") && self.is(j + 1, "next")
                || self.is(j, "in")
                    && self
                        .count(j + 1)
                        .is_some_and(|(k, _)| self.any(k, &["year", "years"]));
            if !(standalone && !abbrev || cue || alone || continued && !abbrev) {
                return None;
            }
            let k = self.skip(j, "of");
            if let (Some(d), true) = (self.dir(k), self.any(k + 1, &["year", "yr"])) {
                j = k + 2;
                match d {
                    Dir::Last => r.year() - 1,
                    Dir::This => r.year(),
                    Dir::Next | Dir::Coming => r.year() + 1,
                }
            } else if self.is(j, "after") && self.is(j + 1, "next") {
                j += 2;
                (if m > r.month() {
                    r.year()
                } else {
                    r.year() + 1
                }) + 1
            } else if self.is(j, "in") && self.count(j + 1).is_some() {
                let (k, n) = self.count(j + 1)?;
                if !self.any(k, &["year", "years"]) {
                    return Some((j, self.month_val(self.recent_month_year(m), m)?));
                }
                j = k + 1;
                let from = add_months(r, 12 * i64::from(n))?;
                if m >= from.month() {
                    from.year()
                } else {
                    from.year() + 1
                }
            } else {
                return Some((
                    j,
                    self.month_val(self.recent_month_year(m), m)?
                        .written(Written::Month),
                ));
            }
        };
        Some((j, self.month_val(y, m)?))
    }

    fn month_val(&self, y: i32, m: u32) -> Option<Val> {
        let (f, l) = month_period(y, m)?;
        Val::period(f, l, Grain::Month)
    }

    /// Years: "in 2018" (a bare number needs a cue word or to stand alone), "year 2012",
    /// "the calendar year 2008", "cy18", "nineteen ninety six".
    fn year_expr(&self, i: usize) -> Option<(usize, Val)> {
        let mut j = self.skip(i, "the");
        let labelled = {
            let k = self.skip(j, "calendar");
            if self.is(k, "year") {
                j = k + 1;
                true
            } else if self.is(k, "cy") {
                j = k + 1;
                if self.digits(j) == 2 {
                    let y = self.pivot(self.num(j, 2)?);
                    let (f, l) = year_period(y)?;
                    return Some((
                        j + 1,
                        Val::period(f, l, Grain::Year)?.written(Written::Full),
                    ));
                }
                true
            } else {
                false
            }
        };
        if !labelled && j != i {
            return None;
        }
        let (e, y) = self.year4(j).or_else(|| self.year_words(j))?;
        if !labelled {
            let digits = self.year4(j).is_some();
            let cues: &[&str] = if digits {
                YEAR_CUES
            } else {
                &["in", "of", "since", "year"]
            };
            let cue = i > 0
                && (self.any(i - 1, cues)
                    || digits && self.any(i - 1, WEAK_YEAR_CUES) && self.ends(e));
            let opens = i == 0
                || matches!(self.toks[i - 1].kind, Kind::Punct(p) if p != b'$' && p != b'-' && p != b'/');
            if !(cue || opens && self.ends(e)) || self.joined(e) {
                return None;
            }
        }
        let (f, l) = year_period(y)?;
        Some((e, Val::period(f, l, Grain::Year)?.written(Written::Full)))
    }

    // -- quarters, halves, decades, centuries -----------------------------------

    /// "q3" or "h2" as glued letter and digit.
    fn q_token(&self, i: usize) -> Option<(usize, Unit, u32)> {
        let unit = match self.word(i)? {
            "q" => Unit::Quarter,
            "h" => Unit::Half,
            _ => return None,
        };
        let n = self.num(i + 1, 1).filter(|_| self.glued(i + 1))?;
        let max = if unit == Unit::Quarter { 4 } else { 2 };
        (1..=max).contains(&n).then_some((i + 2, unit, n))
    }

    /// Quarter or half `n` of year `y`; without a year, the most recent one begun.
    fn quarter_val(&self, unit: Unit, n: u32, y: Option<i32>) -> Option<Val> {
        let months = if unit == Unit::Quarter { 3 } else { 6 };
        let m = (n - 1) * months + 1;
        let y = y.unwrap_or_else(|| self.recent_month_year(m));
        let (f, l) = unit_period(ymd(y, m, 1)?, unit, 0)?;
        Val::period(f, l, Grain::of(unit))
    }

    /// "Q1 2016", "2019-Q1", "2016H2", "18q4", "the 4th qtr of 2018", "first half of 2019".
    fn quarter_expr(&self, i: usize) -> Option<(usize, Val)> {
        // Letter forms.
        if let Some((j, unit, n)) = self.q_token(i) {
            let k = if self.punct(j, b'-') || self.punct(j, b',') {
                j + 1
            } else {
                j
            };
            if let Some((e, y)) = self.year4(k) {
                return Some((
                    e,
                    self.quarter_val(unit, n, Some(y))?.written(Written::Full),
                ));
            }
            return Some((j, self.quarter_val(unit, n, None)?));
        }
        if let Some(v) = self.num(i, 4) {
            let k = if self.punct(i + 1, b'-') && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some((e, unit, n)) = self.q_token(k) {
                let y = match self.digits(i) {
                    4 => i32::try_from(v).ok().filter(|y| YEARS.contains(y))?,
                    2 if self.glued(k) => self.pivot(v),
                    _ => return None,
                };
                return Some((
                    e,
                    self.quarter_val(unit, n, Some(y))?.written(Written::Full),
                ));
            }
        }
        // Word forms.
        let j = self.skip(i, "the");
        let (k, n) = self.ordinal(j)?;
        let unit = match self.word(k)? {
            "quarter" | "qtr" => Unit::Quarter,
            "half" => Unit::Half,
            _ => return None,
        };
        let max = if unit == Unit::Quarter { 4 } else { 2 };
        if !(1..=max).contains(&n) {
            return None;
        }
        let of = self.skip_any(k + 1, &["of", "in"]);
        if let Some((e, p)) = self.period_slot(of).filter(|(_, p)| p.grain == Grain::Year) {
            return Some((e, self.quarter_val(unit, n, Some(p.first.year()))?));
        }
        Some((k + 1, self.quarter_val(unit, n, None)?))
    }

    /// Whether token `i` follows a possessive, perhaps with "early", "mid" or
    /// "late" between: "their 20s", "his late 40s".
    fn after_possessive(&self, i: usize) -> bool {
        const POSSESSIVES: [&str; 7] = ["their", "his", "her", "my", "our", "your", "its"];
        let k = if i > 0 && ["early", "mid", "late"].iter().any(|w| self.is(i - 1, w)) {
            i - 1
        } else {
            i
        };
        k > 0 && POSSESSIVES.iter().any(|p| self.is(k - 1, p))
    }

    /// "1990s", "the '40s", "90 s", "the nineties", "the two thousands",
    /// "15th century", "the twenty-first century".
    fn decade_expr(&self, i: usize) -> Option<(usize, Val)> {
        let j = self.skip(i, "the");
        let decade = |start: i32| -> Option<Val> {
            Val::period(ymd(start, 1, 1)?, ymd(start + 9, 12, 31)?, Grain::Decade)
        };
        let recent = |yy: u32| -> i32 {
            let yy = i32::try_from(yy).unwrap_or(0);
            if 2000 + yy <= self.r.year() {
                2000 + yy
            } else {
                1900 + yy
            }
        };
        let plural_s = |k: usize| -> Option<usize> {
            if self.punct(k, b'\'') && self.glued(k) && self.is(k + 1, "s") && self.glued(k + 1) {
                Some(k + 2)
            } else if self.is(k, "s") {
                Some(k + 1)
            } else {
                None
            }
        };
        // Digits.
        let (k, apostrophe) = if self.punct(j, b'\'') && self.glued(j + 1) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if let (Some(v), Some(e)) = (self.num(k, 4), plural_s(k + 1)) {
            return match self.digits(k) {
                4 if !apostrophe && v % 10 == 0 => {
                    Some((e, decade(i32::try_from(v).ok()?)?.written(Written::Full)))
                }
                // "in their 20s", "in his early 40s": an age, not a decade.
                2 if v % 10 == 0 && !self.after_possessive(i) => Some((e, decade(recent(v))?)),
                _ => None,
            };
        }
        // Words.
        let named = j > i || (i == 0 && self.ends(j + 1));
        if let Some(v) = self.info(j).and_then(|w| w.decade).filter(|_| named) {
            return Some((j + 1, decade(recent(v))?));
        }
        if self.is(j, "two") && self.is(j + 1, "thousands") {
            return Some((j + 2, decade(2000)?));
        }
        if let Some(c) = self
            .info(j)
            .and_then(|w| w.cardinal)
            .filter(|c| (10..=20).contains(c))
        {
            if let Some(v) = self.info(j + 1).and_then(|w| w.decade) {
                return Some((j + 2, decade(i32::try_from(c * 100 + v).ok()?)?));
            }
        }
        // Centuries.
        let (k, n) = self.ordinal(j)?;
        if !self.is(k, "century") || !(1..=30).contains(&n) {
            return None;
        }
        let start = i32::try_from(n - 1).ok()? * 100;
        Some((
            k + 1,
            Val::period(
                ymd(start.max(1), 1, 1)?,
                ymd(start + 99, 12, 31)?,
                Grain::Century,
            )?,
        ))
    }

    // -- weeks and relative periods ---------------------------------------------

    /// "the week of April 10th", "week beginning February 4", "week 10 (of last year)",
    /// "this working week".
    fn week_expr(&self, i: usize) -> Option<(usize, Val)> {
        let j = self.skip(i, "the");
        if self.is(j, "month") && self.is(j + 1, "of") {
            // "the month of September 16th": the month holding that day.
            let (e, d) = self
                .period_slot(j + 2)
                .filter(|(_, v)| v.grain == Grain::Day)?;
            return Some((e, self.month_val(d.first.year(), d.first.month())?));
        }
        if self.is(j, "week") {
            if self.any(j + 1, &["of", "beginning", "starting", "commencing"]) {
                let of = self.is(j + 1, "of");
                let (e, d) = self
                    .period_slot(j + 2)
                    .filter(|(_, v)| v.grain == Grain::Day)?;
                let first = if of { monday(d.first)? } else { d.first };
                return Some((e, Val::period(first, add_days(first, 6)?, Grain::Week)?));
            }
            if self.is(j + 1, "of") || self.num(j + 1, 2).is_none() {
                return None;
            }
            let n = self.num(j + 1, 2)?;
            let mut e = j + 2;
            let mut y = self.r.year();
            let of = self.skip(e, "of");
            if let Some((e2, p)) = self.period_slot(of).filter(|(_, p)| p.grain == Grain::Year) {
                e = e2;
                y = p.first.year();
            }
            let (a, b) = weeks_of(ymd(y, 1, 1)?, ymd(y, 12, 31)?)?;
            let first = add_days(a, 7 * (i64::from(n) - 1))?;
            if n == 0 || first > b {
                return None;
            }
            return Some((e, Val::period(first, add_days(first, 6)?, Grain::Week)?));
        }
        // "this working week", "next work week".
        let (k, off) = match self.dir(j) {
            Some(Dir::This) => (j + 1, 0),
            Some(Dir::Last) => (j + 1, -7),
            Some(Dir::Next | Dir::Coming) => (j + 1, 7),
            None if j > i => (j, 0),
            None => return None,
        };
        if self.any(k, &["working", "work", "business"]) && self.is(k + 1, "week") {
            let first = add_days(monday(self.r)?, off)?;
            return Some((k + 2, Val::period(first, add_days(first, 4)?, Grain::Free)?));
        }
        None
    }

    /// "this month", "last year", "next quarter", "past week" (no "the": calendar
    /// units), "the week after next", "the weekend", "(the) rest of the month",
    /// "for the day", "partner of the year".
    fn rel_period(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let the = self.is(i, "the");
        let j = self.skip(i, "the");
        let unit_at = |k: usize| -> Option<(usize, Unit)> {
            let k2 = self.skip(k, "calendar");
            let u = self.unit(k2)?;
            // Plural unit words belong to spans ("last 3 weeks"), not here.
            let w = self.word(k2)?;
            if w.ends_with('s') && !matches!(w, "days") || u == Unit::Hour || u == Unit::Day {
                return None;
            }
            Some((k2 + 1, u))
        };
        let period = |u: Unit, k: i64| -> Option<Val> {
            let (f, l) = unit_period(r, u, k)?;
            Val::period(f, l, Grain::of(u))
        };
        let recent_weekend = || -> Option<Val> {
            let k = if r.weekday().num_days_from_monday() >= 5 {
                0
            } else {
                -1
            };
            period(Unit::Weekend, k)
        };
        // "rest of the month", "rest of my week", "rest this week".
        if self.is(j, "rest") {
            let k = self.skip_any(self.skip(j + 1, "of"), &["the", "this", "my", "current"]);
            let (e, u) = unit_at(k)?;
            let (_, l) = unit_period(r, u, 0)?;
            return Some((e, Val::period(r, l, Grain::Free)?));
        }
        if self.any(j, &["all", "my"]) && !the {
            let (e, u) = unit_at(j + 1)?;
            return Some((e, period(u, 0)?));
        }
        // "this past weekend".
        if self.is(j, "this") && self.is(j + 1, "past") && self.is(j + 2, "weekend") {
            return Some((j + 3, recent_weekend()?));
        }
        if let Some(d) = self.dir(j) {
            // With "the", "last"/"past" is a rolling span (see `span`).
            if the && matches!(self.word(j), Some("last" | "past")) {
                return None;
            }
            let (e, u) = unit_at(j + 1)?;
            let k = match d {
                Dir::Last => -1,
                Dir::This => 0,
                Dir::Next | Dir::Coming => 1,
            };
            return Some((e, period(u, k)?));
        }
        // "the week after next", "the year before last", "the weekend after the next".
        if let Some((e, u)) = unit_at(j) {
            if self.is(e, "after") && self.is(self.skip(e + 1, "the"), "next") {
                return Some((self.skip(e + 1, "the") + 1, period(u, 2)?));
            }
            if self.is(e, "before") && self.is(e + 1, "last") {
                return Some((e + 2, period(u, -2)?));
            }
            // "the month" on its own is the current one ("partner of the month",
            // "I'm away for the month"), unless more follows that ties it elsewhere.
            let blocked = self.any(e, AFTER_BARE_UNIT)
                || self.punct(e, b'\'')
                || self.punct(e, b'-')
                || self.num(e, 4).is_some();
            if blocked || !(the || u == Unit::Weekend) {
                return None;
            }
            if u == Unit::Weekend {
                // News says "over the weekend" of the one just past; otherwise the
                // weekend is this week's, as "this week" is.
                let past = i > 0 && self.any(i - 1, &["over", "during", "at"]);
                return Some((
                    e,
                    if past {
                        recent_weekend()?
                    } else {
                        period(u, 0)?
                    },
                ));
            }
            if !matches!(u, Unit::Week | Unit::Fortnight | Unit::Month | Unit::Year) {
                return None;
            }
            return Some((e, period(u, 0)?));
        }
        // "the day" ending a clause ("I'm blocked for the day"): the reference day.
        // Not "later in the day", which news says of the story's own day.
        let narrative =
            i > 0 && self.any(i - 1, &["in", "during", "throughout", "of", "that", "all"]);
        if the && self.is(j, "day") && self.ends(j + 1) && !narrative {
            return Some((j + 1, Val::day(r)));
        }
        None
    }

    /// "the first week of 2015", "last week of Dec 2016", "third last week of 2018",
    /// "the third Wednesday of previous month", "last Sunday of March 2014",
    /// "the 9th month of next year", "first ten days of last year",
    /// "last 3 weeks of this year", "the 20th of next month", "third tuesday after christmas 2014".
    fn ordinal_of(&self, i: usize) -> Option<(usize, Val)> {
        let j = self.skip(i, "the");
        // Position: from the start (n) or from the end.
        let (mut k, n, from_end) = if self.is(j, "last") {
            (j + 1, 1i64, true)
        } else {
            let (k, n) = self.ordinal(j).or_else(|| {
                // "20 of next month": a bare day number before "of"/"day of".
                let v = self.num(j, 2)?;
                (self.any(j + 1, &["of", "day"])).then_some((j + 1, v))
            })?;
            if self.is(k, "last") {
                (k + 1, i64::from(n), true)
            } else {
                (k, i64::from(n), false)
            }
        };
        if n < 1 {
            return None;
        }
        // "first ten days of", "last 3 weeks of": a count of units.
        let mut count = None;
        if (n == 1) && (from_end || self.is(j, "first")) {
            if let Some((k2, c)) = self.cardinal(k) {
                if self.unit(k2).is_some() {
                    count = Some(i64::from(c));
                    k = k2;
                }
            }
        }
        enum What {
            Unit(Unit),
            Weekday(Weekday),
            DayNumber,
        }
        let what_weekday = |w: &What| match w {
            What::Weekday(wd) => Some(*wd),
            _ => None,
        };
        let (what, after_what) = if let Some(u) = self.unit(k) {
            (What::Unit(u), k + 1)
        } else if let Some((k2, wd, _)) = self.weekday(k) {
            (What::Weekday(wd), k2)
        } else if self.any(k, &["of"]) && !from_end && count.is_none() {
            (What::DayNumber, k)
        } else {
            return None;
        };
        // "third tuesday after christmas 2014".
        if let What::Weekday(wd) = what {
            if self.is(after_what, "after") && !from_end {
                let (e, a) = self.period_slot(after_what + 1)?;
                return Some((e, Val::day(nth_weekday_from(a.first, wd, n)?)));
            }
        }
        let of = if self.any(after_what, &["of", "in"]) {
            after_what + 1
        } else if self.dir(after_what).is_some() {
            after_what
        } else if matches!(what, What::Weekday(_)) && self.ends(after_what) && count.is_none() {
            // "the second Sunday" on its own: of the reference's month.
            let (f, l) = unit_period(self.r, Unit::Month, 0)?;
            let p = Val::period(f, l, Grain::Month)?;
            return self
                .nth_weekday_in(&p, what_weekday(&what)?, n, from_end)
                .map(|v| (after_what, v));
        } else {
            return None;
        };
        let of = self.skip(of, "around");
        let (e, p) = self.period_slot(of).or_else(|| {
            // "of the month", "of month": the current one.
            let k = self.skip(of, "the");
            let u = self
                .unit(k)
                .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter))?;
            let (f, l) = unit_period(self.r, u, 0)?;
            Some((k + 1, Val::period(f, l, Grain::of(u))?))
        })?;
        if p.grain == Grain::Day {
            return None;
        }
        let (pf, pl) = (p.first, p.last);
        let val = match what {
            What::DayNumber => {
                if p.grain != Grain::Month {
                    return None;
                }
                Val::day(ymd(pf.year(), pf.month(), u32::try_from(n).ok()?)?)
            }
            What::Weekday(wd) => self.nth_weekday_in(&p, wd, n, from_end)?,
            What::Unit(u) => {
                let c = count.unwrap_or(1);
                let (f, l) = match u {
                    Unit::Week => {
                        let (a, b) = weeks_of(pf, pl)?;
                        let (f, l) = if from_end {
                            let l = add_days(b, -7 * (n - 1))?;
                            (add_days(l, -7 * (c - 1))?, add_days(l, 6)?)
                        } else {
                            let f = add_days(a, 7 * (n - 1))?;
                            (f, add_days(f, 7 * c - 1)?)
                        };
                        if f < a || f > b {
                            return None;
                        }
                        (f, l)
                    }
                    Unit::Weekend => {
                        let sat = if from_end {
                            add_days(on_or_before(pl, Weekday::Sat)?, -7 * (n - 1))?
                        } else {
                            add_days(
                                nth_weekday_from(add_days(pf, -1)?, Weekday::Sat, 1)?,
                                7 * (n - 1),
                            )?
                        };
                        if sat < pf || sat > pl {
                            return None;
                        }
                        (sat, add_days(sat, 1)?)
                    }
                    Unit::Day | Unit::Month | Unit::Quarter | Unit::Year => {
                        let unit = u;
                        if from_end {
                            let end = add_days(add_units(add_days(pl, 1)?, unit, -(n - 1))?, -1)?;
                            (add_units(add_days(end, 1)?, unit, -c)?, end)
                        } else {
                            let f = add_units(pf, unit, n - 1)?;
                            (f, add_days(add_units(f, unit, c)?, -1)?)
                        }
                    }
                    _ => return None,
                };
                if u != Unit::Week && (f < pf || l > pl) {
                    return None;
                }
                let grain = if count.is_some() {
                    Grain::Free
                } else {
                    Grain::of(u)
                };
                if grain == Grain::Day {
                    Val::day(f)
                } else {
                    Val::period(f, l, grain)?
                }
            }
        };
        Some((self.time_of_day(e), val))
    }

    /// The `n`-th `wd` of a period, counted from its start or its end.
    fn nth_weekday_in(&self, p: &Val, wd: Weekday, n: i64, from_end: bool) -> Option<Val> {
        let d = if from_end {
            add_days(on_or_before(p.last, wd)?, -7 * (n - 1))?
        } else {
            add_days(
                nth_weekday_from(add_days(p.first, -1)?, wd, 1)?,
                7 * (n - 1),
            )?
        };
        (p.first <= d && d <= p.last).then(|| Val::day(d))
    }

    /// A day of the month alone: "the 27th", "on the first", "around the 21st",
    /// "29th", "the 27", "on 15" (bare numbers only at the end of a clause).
    fn day_of_month(&self, i: usize) -> Option<(usize, Val)> {
        let the = self.is(i, "the");
        let j = self.skip(i, "the");
        let digits = self.num(j, 2).is_some();
        let after_on = i > 0 && self.is(i - 1, "on");
        let (e, d) = if let Some(o) = self.ordinal(j) {
            o
        } else if (the || after_on)
            && digits
            && self.ends(j + 1)
            && !self.punct(j + 1, b'%')
            // "the 1.5 million": a decimal point glued on both sides is no clause end.
            && !(self.punct(j + 1, b'.') && self.glued(j + 1) && self.glued(j + 2))
        {
            // "the 27", "on 15": a bare number only when it ends the clause.
            (j + 1, self.num(j, 2)?)
        } else {
            return None;
        };
        if !(1..=31).contains(&d) {
            return None;
        }
        if !(digits
            || the && i > 0 && self.any(i - 1, &["on", "for", "by", "since", "until", "around"]))
        {
            return None;
        }
        if !(the || i == 0 || self.any(i - 1, &["on", "by", "since", "until", "till", "around"])) {
            return None;
        }
        let ok_after = self.ends(e)
            || self.any(
                e,
                &[
                    "at", "and", "or", "when", "as", "but", "in", "on", "to", "from", "until",
                    "till",
                ],
            );
        if !ok_after {
            return None;
        }
        Some((e, Val::day(self.recent_dom(d)?)))
    }

    // -- durations and shifts ---------------------------------------------------

    /// "three days", "a week", "1 month 2 years and 21 days".
    fn duration(&self, i: usize) -> Option<(usize, Vec<(i64, Unit)>)> {
        let mut out = Vec::new();
        let mut j = i;
        while let Some((k, n)) = self.count(j) {
            let Some(u) = self.unit(k).filter(|u| *u != Unit::Weekend) else {
                break;
            };
            out.push((i64::from(n), u));
            j = k + 1;
            let next = if self.is(j, "and") || self.punct(j, b',') {
                j + 1
            } else {
                j
            };
            if self.count(next).and_then(|(k, _)| self.unit(k)).is_none() {
                break;
            }
            j = next;
        }
        (!out.is_empty()).then_some((j, out))
    }

    fn apply(d: NaiveDate, dur: &[(i64, Unit)], sign: i64) -> Option<NaiveDate> {
        dur.iter().try_fold(d, |d, &(n, u)| {
            if u == Unit::Hour {
                add_days(d, sign * (n / 24))
            } else {
                add_units(d, u, sign * n)
            }
        })
    }

    /// "three days ago", "a week ago", "in two weeks", "3 years from today",
    /// "three weeks from tmrw", "2 weeks before May 13 1999", "three days after Easter",
    /// "in two years since 2011", "3 fridays from now".
    fn shift(&self, i: usize) -> Option<(usize, Val)> {
        if let Some(v) = self.counted_weekdays(i) {
            return Some(v);
        }
        let lead_in = self.is(i, "in");
        let (j, dur) = self.duration(if lead_in { i + 1 } else { i })?;
        let r = self.r;
        let day = |e: usize, d: NaiveDate| Some((e, Val::day(d)));
        if lead_in {
            if self.is(j, "since") {
                let (e, a) = self.period_slot(j + 1)?;
                return day(e, Self::apply(a.first, &dur, 1)?);
            }
            if self.any(j, &["of", "a", "an"]) || self.punct(j, b'-') {
                return None;
            }
            let mut e = j;
            if (self.is(e, "from") && self.any(e + 1, &["now", "today"]))
                || (self.punct(e, b'\'') && self.is(e + 1, "time"))
            {
                e += 2;
            } else if self.is(e, "time") {
                e += 1;
            }
            return day(e, Self::apply(r, &dur, 1)?);
        }
        match self.word(j)? {
            "ago" | "back" => day(j + 1, Self::apply(r, &dur, -1)?),
            "hence" => day(j + 1, Self::apply(r, &dur, 1)?),
            "from" if self.any(j + 1, &["now", "today"]) => day(j + 2, Self::apply(r, &dur, 1)?),
            "from" if self.is(j + 1, "right") && self.is(j + 2, "now") => {
                day(j + 3, Self::apply(r, &dur, 1)?)
            }
            "before" | "after" | "from" | "since" => {
                let sign = if self.is(j, "before") { -1 } else { 1 };
                let (e, a) = self.period_slot(j + 1)?;
                day(e, Self::apply(a.first, &dur, sign)?)
            }
            _ => None,
        }
    }

    // -- spans ------------------------------------------------------------------

    /// Spans counted from the reference: "the last four days", "past 48 hours",
    /// "last 3 months", "the past week", "next 3 weeks", "the next couple weeks",
    /// "within 9 months", "last 2 quarters", "for 3 days, from today",
    /// "a week starting tomorrow", "less than 3 days after tomorrow".
    fn span(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let units_to = |d: NaiveDate, u: Unit, n: i64| -> Option<NaiveDate> {
            if u == Unit::Hour {
                add_days(d, (n.abs() + 23) / 24 * n.signum())
            } else {
                add_units(d, u, n)
            }
        };
        // "within (the) (next) 9 months (from today)".
        if self.is(i, "within") {
            let j = self.skip_any(self.skip(i + 1, "the"), &["next", "coming"]);
            let (k, n) = self.count(j)?;
            let u = self.unit(k)?;
            let mut e = k + 1;
            if self.is(e, "from") && self.any(e + 1, &["today", "now"]) {
                e += 2;
            }
            return Some((
                e,
                Val::period(r, add_days(units_to(r, u, i64::from(n))?, -1)?, Grain::Free)?,
            ));
        }
        // "for 3 days, from today", "a week starting tomorrow", "less than 3 days after tomorrow".
        {
            let j = if self.is(i, "less") && self.is(i + 1, "than") {
                i + 2
            } else {
                self.skip(i, "for")
            };
            if let Some((k, n)) = self.count(j) {
                if let Some(u) = self.unit(k).filter(|u| *u != Unit::Weekend) {
                    let mut s = k + 1;
                    if self.punct(s, b',') {
                        s += 1;
                    }
                    let joined = (self.is(s, "starting")
                        && (j > i || self.any(i, &["a", "an"]) || self.num(i, 4).is_some()))
                        || (self.is(s, "from") && self.is(i, "for"))
                        || (self.is(s, "after") && self.is(i, "less"));
                    if joined {
                        let s = self.skip(s + 1, "from");
                        let (e, a) = self.period_slot(s)?;
                        let last = add_days(units_to(a.first, u, i64::from(n))?, -1)?;
                        return Some((e, Val::period(a.first, last, Grain::Free)?));
                    }
                }
            }
        }
        let the = self.is(i, "the");
        let j = self.skip(i, "the");
        // Direction and count, either order ("the next 2 days", "the 2 next days").
        let (back, k, n) = {
            let dir_at = |k: usize| -> Option<bool> {
                match self.word(k)? {
                    "last" | "past" | "previous" | "preceding" => Some(true),
                    "next" | "coming" | "upcoming" => Some(false),
                    _ => None,
                }
            };
            if let Some(b) = dir_at(j) {
                match self.count(j + 1) {
                    Some((k, n)) => (b, k, Some(n)),
                    None => (b, j + 1, None),
                }
            } else {
                let (k, n) = self.count(j).filter(|_| the)?;
                (dir_at(k)?, k + 1, Some(n))
            }
        };
        let u = self.unit(k)?;
        if u == Unit::Weekend || (n.is_none() && !the) {
            return None;
        }
        // "the previous month" is the calendar month (see `rel_period`).
        if n.is_none()
            && matches!(
                self.word(j),
                Some("previous" | "preceding" | "coming" | "upcoming")
            )
        {
            return None;
        }
        let e = k + 1;
        let n = i64::from(n.unwrap_or(1));
        if n < 1 {
            return None;
        }
        let calendar = matches!(
            u,
            Unit::Fortnight | Unit::Quarter | Unit::Half | Unit::Decade | Unit::Century
        );
        if back {
            if calendar {
                let (f, _) = unit_period(r, u, -n)?;
                let (_, l) = unit_period(r, u, -1)?;
                return Some((e, Val::period(f, l, Grain::Free)?));
            }
            return Some((e, Val::span(units_to(r, u, -n)?, add_days(r, -1)?)?));
        }
        if calendar || !the {
            let (f, _) = unit_period(r, u, 1)?;
            let (_, l) = unit_period(r, u, n)?;
            return Some((e, Val::period(f, l, Grain::Free)?));
        }
        Some((
            e,
            Val::period(add_days(r, 1)?, units_to(r, u, n)?, Grain::Free)?,
        ))
    }

    // -- parts of periods -------------------------------------------------------

    /// A period for a part to apply to: an expression, or a bare unit word
    /// ("the end of month", "earlier in the week") meaning the current one.
    fn part_target(&self, i: usize) -> Option<(usize, Val)> {
        let k = self.skip(i, "around");
        if let Some((e, v)) = self.period_slot(k) {
            if v.grain != Grain::Day {
                return Some((e, v));
            }
        }
        let k = self.skip(k, "the");
        let u = self
            .unit(k)
            .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter))?;
        let (f, l) = unit_period(self.r, u, 0)?;
        Some((k + 1, Val::period(f, l, Grain::of(u))?))
    }

    /// "the end of 2023", "beginning of next week", "mid-November", "late last year",
    /// "early next year", "earlier this month", "later in the year", "EOM".
    fn fuzzy(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let j = self.skip(i, "the");
        let (e, part, target) = if let Some(&(_, part, unit)) = self
            .word(j)
            .filter(|_| self.toks[j].upper)
            .and_then(|w| PART_ABBREVIATIONS.iter().find(|a| a.0 == w))
        {
            let (f, l) = unit_period(r, unit, 0)?;
            (j + 1, part, Val::period(f, l, Grain::of(unit))?)
        } else {
            let part = self.info(j)?.part?;
            let mut k = j + 1;
            match part {
                Part::Beginning | Part::End => {
                    if self.is(j, "mid") || !self.is(k, "of") {
                        return None;
                    }
                    k += 1;
                }
                Part::Mid if self.is(j, "middle") => {
                    if !self.is(k, "of") {
                        return None;
                    }
                    k += 1;
                }
                Part::Early | Part::Mid | Part::Late => {
                    if j > i {
                        return None;
                    }
                    if (self.punct(k, b'-') && self.glued(k)) || self.any(k, &["in", "of"]) {
                        k += 1;
                    }
                }
                Part::Earlier | Part::Later => {
                    if j > i {
                        return None;
                    }
                    k = self.skip_any(k, &["in", "of", "during"]);
                }
            }
            let (e, target) = self.part_target(k)?;
            (e, part, target)
        };
        let (mut a, mut b) = part_of(target.first, target.last, target.grain, part)?;
        let holds_r = target.first <= r && r <= target.last;
        match part {
            Part::Earlier if holds_r => b = b.min(r),
            Part::Later if holds_r => a = a.max(r),
            _ => {}
        }
        if a > b {
            (a, b) = part_of(target.first, target.last, target.grain, part)?;
        }
        if part == Part::End {
            let mut v = Val::day(target.last);
            v.fuzzy = Some((a, b));
            return Some((e, v));
        }
        Some((e, Val::period(a, b, Grain::Free)?))
    }

    // -- ranges and open periods --------------------------------------------------

    /// "between January and March", "December 6-16", "July 13 to 15", "from 13 to
    /// 15 July", "Aug 8 - Aug 12", "from 2018 to 2020".
    fn range(&self, i: usize) -> Option<(usize, Val)> {
        let (j, between) = match self.word(i) {
            Some("between") => (i + 1, true),
            Some("from") => (i + 1, false),
            _ => (i, false),
        };
        let led = j > i;
        let connector = |k: usize| -> Option<usize> {
            if self.punct(k, b'-') {
                return Some(k + 1);
            }
            let w = self.word(k)?;
            let ok = matches!(w, "to" | "until" | "till" | "through" | "thru")
                || (between && w == "and");
            ok.then_some(k + 1)
        };
        // Compact day ranges within one month.
        let compact = self.compact_range(j, &connector);
        // General: two expressions.
        let general = (|| {
            let (k, a) = self.period_slot(j)?;
            let k2 = connector(k)?;
            let b_at = self.skip(k2, "the");
            let (e, mut b) = self.period_slot(b_at)?;
            if !led && (a.written == Written::Relative || b.written == Written::Relative) {
                return None;
            }
            // Two bare numbers read as years only in the years news is about:
            // "between 1500 and 2000 troops" is a count.
            let plausible = |at: usize, v: &Val| {
                self.num(at, 4).is_none()
                    || v.grain != Grain::Year
                    || (1900..=self.r.year() + 10).contains(&v.first.year())
            };
            if !plausible(j, &a) || !plausible(b_at, &b) {
                return None;
            }
            if b.last < a.first && matches!(b.written, Written::MonthDay(..) | Written::Month) {
                b.first = add_months(b.first, 12)?;
                b.last = add_months(b.last, 12)?;
            }
            let mut a = a;
            if b.last < a.first && matches!(a.written, Written::MonthDay(..) | Written::Month) {
                a.first = add_months(a.first, -12)?;
            }
            Some((e, Val::period(a.first, b.last, Grain::Free)?))
        })();
        best([compact, general])
    }

    fn compact_range(
        &self,
        j: usize,
        connector: &dyn Fn(usize) -> Option<usize>,
    ) -> Option<(usize, Val)> {
        // MONTH D1 - D2 [, YEAR]
        if let Some((k, m, _)) = self.month(j) {
            let (k, d1) = self.dom(self.skip(k, "the"))?;
            let k = connector(k)?;
            let k = self.month(k).filter(|x| x.1 == m).map_or(k, |x| x.0);
            let (e, d2) = self.dom(self.skip(k, "the"))?;
            let (e, y) = self.year_after_day(e, None);
            return self.day_range(e, m, d1, d2, y);
        }
        // [the] D1 - [the] D2 [of] MONTH [YEAR]
        let (k, d1) = self.dom(self.skip(j, "the"))?;
        let k = connector(k)?;
        let (k, d2) = self.dom(self.skip(k, "the"))?;
        let (e, m, _) = self.month(self.skip(k, "of"))?;
        let (e, y) = self.year_after_day(e, None);
        self.day_range(e, m, d1, d2, y)
    }

    fn day_range(
        &self,
        e: usize,
        m: u32,
        d1: u32,
        d2: u32,
        y: Option<i32>,
    ) -> Option<(usize, Val)> {
        if d2 <= d1 {
            return None;
        }
        let first = match y {
            Some(y) => ymd(y, m, d1)?,
            None => self.recent_md(m, d1)?,
        };
        let last = ymd(first.year(), m, d2)?;
        let w = if y.is_some() {
            Written::Full
        } else {
            Written::MonthDay(m, d1)
        };
        Some((e, Val::period(first, last, Grain::Free)?.written(w)))
    }

    /// "since Dec. 1", "since October 2023", "since the end of 1989",
    /// "since the war began on Oct. 7, 2023".
    fn since(&self, i: usize) -> Option<(usize, Val)> {
        if !self.is(i, "since") {
            return None;
        }
        let direct = self
            .period_slot(self.skip(i + 1, "the"))
            .or_else(|| self.period_slot(i + 1));
        let (e, a) = match direct {
            Some(x) => x,
            None => self.since_clause(i + 1)?,
        };
        self.since_val(e, a)
    }

    /// After "since", a short clause that ends in its date: "the war began on Oct. 7, 2023".
    fn since_clause(&self, i: usize) -> Option<(usize, Val)> {
        if self.any(
            i,
            &["then", "when", "it", "they", "we", "he", "she", "there"],
        ) {
            return None;
        }
        for k in i + 1..(i + 10).min(self.toks.len()) {
            if !matches!(self.toks[k - 1].kind, Kind::Word) {
                return None;
            }
            let cue = self.any(k - 1, &["on", "in", "of"])
                || (i..k).any(|x| self.any(x, SINCE_CLAUSE_STARTS));
            if !cue {
                continue;
            }
            if let Some((e, a)) = self.period_slot(k) {
                if a.written != Written::Relative || matches!(a.grain, Grain::Day) {
                    return Some((e, a));
                }
            }
        }
        None
    }

    fn since_val(&self, e: usize, a: Val) -> Option<(usize, Val)> {
        let r = self.r;
        if a.first > r || a.role == Role::Since {
            return None;
        }
        let mut v = Val::period(a.first, r, Grain::Free)?;
        v.role = Role::Since;
        v.fuzzy = a.fuzzy.map(|(f, _)| (f, r));
        v.written = a.written;
        Some((e, v))
    }

    /// "1/1/2016 and later", "year 2012 or later", "from March onwards".
    fn open_since(&self, i: usize) -> Option<(usize, Val)> {
        let from = self.is(i, "from");
        let (k, a) = self.period_slot(if from { i + 1 } else { i })?;
        let e = if from && self.any(k, &["onwards", "onward", "on"]) {
            k + 1
        } else if !from
            && self.any(k, &["and", "or"])
            && self.any(
                k + 1,
                &["later", "after", "onwards", "onward", "beyond", "since"],
            )
        {
            k + 2
        } else {
            return None;
        };
        if !self.ends(e) {
            return None;
        }
        self.since_val(e, a)
    }
}

// ---------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------

impl Parser<'_> {
    /// A holiday name at `i`, matched word by word with apostrophes and hyphens
    /// dropped ("New Year's Day" → "new years day", "Eid al-Fitr" → "eid al fitr").
    fn holiday_name(&self, i: usize) -> Option<(usize, Holiday)> {
        if !self.info(i)?.holiday_start {
            return None;
        }
        // The words from i on, in place: no copies, as most never match a name.
        let mut words = [NameWord::default(); 6];
        let mut n = 0;
        let mut k = i;
        while n < words.len() && k < self.toks.len() {
            match self.toks[k].kind {
                Kind::Word => {
                    let w = self.word(k).unwrap_or_default();
                    let possessive = w == "s" && k > i && self.punct(k - 1, b'\'') && self.glued(k);
                    if possessive {
                        if let Some(last) = n.checked_sub(1).map(|l| &mut words[l]) {
                            last.s += 1;
                            last.next = k + 1;
                        }
                    } else {
                        words[n] = NameWord {
                            word: w,
                            s: 0,
                            next: k + 1,
                        };
                        n += 1;
                    }
                }
                Kind::Punct(b'\'' | b'-' | b'.') => {}
                _ => break,
            }
            k += 1;
        }
        let words = &words[..n];
        // Filed without trailing "s"es, a name is found whether or not its
        // first word was written with a possessive "s".
        let cands = LEX
            .holidays
            .get(words.first()?.word.trim_end_matches('s'))?;
        for (name, rule) in cands {
            if name.len() <= words.len() && name.iter().zip(words).all(|(a, b)| b.spells(a)) {
                return Some((words[name.len() - 1].next, *rule));
            }
        }
        None
    }

    /// "Easter", "last easter", "thanksgiving 2017", "MLK day of last year",
    /// "thanksgiving in a year", "thanksgiving 3 months ago", "labor day weekend",
    /// "weekend of thanksgiving 2023", "Ramadan 2034".
    fn holiday_expr(&self, i: usize) -> Option<(usize, Val)> {
        let r = self.r;
        let mut j = i;
        let weekend_of = self.is(j, "weekend") && self.is(j + 1, "of");
        if weekend_of {
            j += 2;
        }
        let dir = {
            let k = self.skip(j, "the");
            match self.dir(k) {
                Some(d) if self.holiday_name(k + 1).is_some() => {
                    j = k + 1;
                    Some(d)
                }
                _ => None,
            }
        };
        let j = if dir.is_none() && self.is(j, "the") && self.holiday_name(j + 1).is_some() {
            j + 1
        } else {
            j
        };
        let (mut e, rule) = self.holiday_name(j)?;
        let occurrences = |y: i32| holidays::occurrences(rule, y);
        let around = |y0: i32| (y0 - 2..=y0 + 2).flat_map(occurrences).collect::<Vec<_>>();
        // Year or shift after the name.
        let k = self.skip_any(e, &["of", "in"]);
        let mut pick: Option<(NaiveDate, NaiveDate)> = None;
        if let Some((e2, y)) = self.year4(k).or_else(|| self.year_words(k)) {
            // A written year decides, even when the holiday does not fall in it.
            pick = Some(occurrences(y).into_iter().next()?);
            e = e2;
        }
        if pick.is_none()
            && self.any(e, &["of"])
            && self.dir(e + 1).is_some()
            && self.any(e + 2, &["year", "yr"])
        {
            let y = match self.dir(e + 1)? {
                Dir::Last => r.year() - 1,
                Dir::This => r.year(),
                Dir::Next | Dir::Coming => r.year() + 1,
            };
            pick = occurrences(y).into_iter().next();
            e += 3;
        }
        if pick.is_none() {
            // "in a year", "in 9 months", "3 months ago", "1 year ago".
            let shifted = (|| {
                let lead = self.is(e, "in");
                let (k2, dur) = self.duration(if lead { e + 1 } else { e })?;
                if lead {
                    return Some((k2, Self::apply(r, &dur, 1)?));
                }
                if self.is(k2, "ago") {
                    return Some((k2 + 1, Self::apply(r, &dur, -1)?));
                }
                if self.is(k2, "from") && self.is(k2 + 1, "now") {
                    return Some((k2 + 2, Self::apply(r, &dur, 1)?));
                }
                if self.is(k2, "hence") {
                    return Some((k2 + 1, Self::apply(r, &dur, 1)?));
                }
                None
            })();
            if let Some((e2, a)) = shifted {
                pick = around(a.year()).into_iter().find(|o| o.0 >= a);
                e = e2;
            }
        }
        let pick = match pick {
            Some(p) => p,
            None => {
                let all = around(r.year());
                match dir {
                    Some(Dir::Last) => all.into_iter().rev().find(|o| o.0 < r)?,
                    Some(Dir::Next | Dir::Coming) => all.into_iter().find(|o| o.0 > r)?,
                    Some(Dir::This) => all.into_iter().find(|o| o.0.year() == r.year())?,
                    None => all.into_iter().rev().find(|o| o.0 <= r)?,
                }
            }
        };
        let (mut f, mut l) = pick;
        if weekend_of || self.is(e, "weekend") {
            if !weekend_of {
                e += 1;
            }
            (f, l) = holidays::weekend_around(f)?;
        }
        let val = if f == l {
            Val::day(f)
        } else {
            Val::period(f, l, Grain::Free)?
        };
        Some((e, val))
    }
}

/// Holiday rules and the calendars behind them. Dates follow the conformance peers:
/// Jewish holidays start on their eve (the evening before the first day), Islamic
/// months start the day after a conjunction before 17:00 Mecca time (two days
/// after otherwise) up to 2030, and follow the arithmetic calendar after that.
mod holidays {
    use super::{add_days, nth_weekday_from, on_or_before, ymd};
    use chrono::{Datelike, NaiveDate, Weekday};

    #[derive(Debug, Clone, Copy)]
    pub(super) enum Holiday {
        /// Month and day.
        Fixed(u32, u32),
        /// The n-th weekday of a month (n = -1: the last).
        Nth(u32, i8, Weekday),
        /// Days after US Thanksgiving (Black Friday: 1).
        Thanksgiving(i8),
        /// Days after Western Easter, and the length in days.
        Easter(i16, u8),
        /// Days after Orthodox Easter, and the length in days.
        Orthodox(i16, u8),
        /// Hijri month and day.
        Hijri(u32, u32),
        Ramadan,
        /// The last Friday of Ramadan.
        JumuatulWida,
        /// Hebrew month (Nisan = 1 ... Tishri = 7 ... Adar = 12) and day, and the length in
        /// days counted from the eve.
        Hebrew(u32, u32, u8),
        Purim(u32),
        YomHaShoah,
        YomHaZikaron,
        YomHaatzmaut,
        TishaBav,
        /// Days after Diwali (Lakshmi Puja).
        Diwali(i8),
        /// Days after Holika Dahan (Holi: 1).
        Holi(i8),
        ChineseNewYear,
        /// October 16, or the nearest weekday.
        BossDay,
        /// April 27, or the 26th when the 27th is a Sunday.
        KingsDay,
    }

    use Holiday::{
        BossDay, ChineseNewYear, Diwali, Easter, Fixed, Hebrew, Hijri, Holi, JumuatulWida,
        KingsDay, Nth, Orthodox, Purim, Ramadan, Thanksgiving, TishaBav, YomHaShoah, YomHaZikaron,
        YomHaatzmaut,
    };

    const NISAN: u32 = 1;
    const IYYAR: u32 = 2;
    const SIVAN: u32 = 3;
    const AV: u32 = 5;
    const TISHRI: u32 = 7;
    const KISLEV: u32 = 9;
    const SHEVAT: u32 = 11;

    /// Holiday names, lower case, apostrophes and hyphens removed.
    pub(super) const HOLIDAYS: &[(&str, Holiday)] = &[
        ("christmas", Fixed(12, 25)),
        ("christmas day", Fixed(12, 25)),
        ("xmas", Fixed(12, 25)),
        ("christmas eve", Fixed(12, 24)),
        ("xmas eve", Fixed(12, 24)),
        ("boxing day", Fixed(12, 26)),
        ("new years day", Fixed(1, 1)),
        ("new year day", Fixed(1, 1)),
        ("new years", Fixed(1, 1)),
        ("new year", Fixed(1, 1)),
        ("new years eve", Fixed(12, 31)),
        ("new year eve", Fixed(12, 31)),
        ("valentines day", Fixed(2, 14)),
        ("valentine day", Fixed(2, 14)),
        ("valentines", Fixed(2, 14)),
        ("groundhog day", Fixed(2, 2)),
        ("st patricks day", Fixed(3, 17)),
        ("st patrick day", Fixed(3, 17)),
        ("st patrick", Fixed(3, 17)),
        ("st paddys day", Fixed(3, 17)),
        ("saint patricks day", Fixed(3, 17)),
        ("saint patrick day", Fixed(3, 17)),
        ("saint patrick", Fixed(3, 17)),
        ("april fools day", Fixed(4, 1)),
        ("april fools", Fixed(4, 1)),
        ("earth day", Fixed(4, 22)),
        ("international womens day", Fixed(3, 8)),
        ("womens day", Fixed(3, 8)),
        ("juneteenth", Fixed(6, 19)),
        ("inauguration day", Fixed(1, 20)),
        ("tax day", Fixed(4, 15)),
        ("cinco de mayo", Fixed(5, 5)),
        ("guy fawkes day", Fixed(11, 5)),
        ("remembrance day", Fixed(11, 11)),
        ("armistice day", Fixed(11, 11)),
        ("independence day", Fixed(7, 4)),
        ("halloween", Fixed(10, 31)),
        ("veterans day", Fixed(11, 11)),
        ("world vegan day", Fixed(11, 1)),
        ("mlk day", Nth(1, 3, Weekday::Mon)),
        ("mlk jr day", Nth(1, 3, Weekday::Mon)),
        ("martin luther king day", Nth(1, 3, Weekday::Mon)),
        ("martin luther kings day", Nth(1, 3, Weekday::Mon)),
        ("martin luther king jr day", Nth(1, 3, Weekday::Mon)),
        ("civil rights day", Nth(1, 3, Weekday::Mon)),
        ("presidents day", Nth(2, 3, Weekday::Mon)),
        ("washingtons birthday", Nth(2, 3, Weekday::Mon)),
        ("mothers day", Nth(5, 2, Weekday::Sun)),
        ("mother day", Nth(5, 2, Weekday::Sun)),
        ("memorial day", Nth(5, -1, Weekday::Mon)),
        ("fathers day", Nth(6, 3, Weekday::Sun)),
        ("father day", Nth(6, 3, Weekday::Sun)),
        ("labor day", Nth(9, 1, Weekday::Mon)),
        ("labour day", Nth(9, 1, Weekday::Mon)),
        ("columbus day", Nth(10, 2, Weekday::Mon)),
        ("thanksgiving", Thanksgiving(0)),
        ("thanksgiving day", Thanksgiving(0)),
        ("black friday", Thanksgiving(1)),
        ("cyber monday", Thanksgiving(4)),
        ("bosss day", BossDay),
        ("boss day", BossDay),
        ("bosses day", BossDay),
        ("kings day", KingsDay),
        ("koningsdag", KingsDay),
        ("easter", Easter(0, 1)),
        ("easter sunday", Easter(0, 1)),
        ("easter monday", Easter(1, 1)),
        ("easter mon", Easter(1, 1)),
        ("good friday", Easter(-2, 1)),
        ("holy saturday", Easter(-1, 1)),
        ("maundy thursday", Easter(-3, 1)),
        ("holy thursday", Easter(-3, 1)),
        ("covenant thu", Easter(-3, 1)),
        ("thu of mysteries", Easter(-3, 1)),
        ("palm sunday", Easter(-7, 1)),
        ("branch sunday", Easter(-7, 1)),
        ("ash wednesday", Easter(-46, 1)),
        ("shrove tuesday", Easter(-47, 1)),
        ("mardi gras", Easter(-47, 1)),
        ("pancake day", Easter(-47, 1)),
        ("ascension day", Easter(39, 1)),
        ("pentecost", Easter(49, 1)),
        ("whit sunday", Easter(49, 1)),
        ("whitsunday", Easter(49, 1)),
        ("white sunday", Easter(49, 1)),
        ("whit monday", Easter(50, 1)),
        ("monday of the holy spirit", Easter(50, 1)),
        ("trinity sunday", Easter(56, 1)),
        ("corpus christi", Easter(60, 1)),
        ("lent", Easter(-46, 46)),
        ("orthodox easter", Orthodox(0, 1)),
        ("orthodox easter sunday", Orthodox(0, 1)),
        ("clean monday", Orthodox(-48, 1)),
        ("orthodox shrove monday", Orthodox(-48, 1)),
        ("lazarus saturday", Orthodox(-8, 1)),
        ("great lent", Orthodox(-48, 40)),
        ("great fast", Orthodox(-48, 40)),
        ("ramadan", Ramadan),
        ("ramadhan", Ramadan),
        ("eid al fitr", Hijri(10, 1)),
        ("eid ul fitr", Hijri(10, 1)),
        ("eid alfitr", Hijri(10, 1)),
        ("id ul fitr", Hijri(10, 1)),
        ("eid al adha", Hijri(12, 10)),
        ("eid ul adha", Hijri(12, 10)),
        ("eid aladha", Hijri(12, 10)),
        ("id ul adha", Hijri(12, 10)),
        ("bakr id", Hijri(12, 10)),
        ("bakrid", Hijri(12, 10)),
        ("sacrifice feast", Hijri(12, 10)),
        ("feast of sacrifice", Hijri(12, 10)),
        ("day of arafat", Hijri(12, 9)),
        ("arafat day", Hijri(12, 9)),
        ("islamic new year", Hijri(1, 1)),
        ("hijri new year", Hijri(1, 1)),
        ("amun jadid", Hijri(1, 1)),
        ("ashura", Hijri(1, 10)),
        ("day of ashura", Hijri(1, 10)),
        ("mawlid", Hijri(3, 12)),
        ("mawlid al nabawi", Hijri(3, 12)),
        ("mawlid an nabi", Hijri(3, 12)),
        ("prophets birthday", Hijri(3, 12)),
        ("isra and miraj", Hijri(7, 27)),
        ("isra and mi raj", Hijri(7, 27)),
        ("isra miraj", Hijri(7, 27)),
        ("the prophets ascension", Hijri(7, 27)),
        ("prophets ascension", Hijri(7, 27)),
        ("the night journey", Hijri(7, 27)),
        ("night journey", Hijri(7, 27)),
        ("ascension to heaven", Hijri(7, 27)),
        ("laylat al qadr", Hijri(9, 27)),
        ("laylat al kadr", Hijri(9, 27)),
        ("lailat al qadr", Hijri(9, 27)),
        ("night of power", Hijri(9, 27)),
        ("night of measures", Hijri(9, 27)),
        ("jumuatul wida", JumuatulWida),
        ("jumu atul wida", JumuatulWida),
        ("jamat ul vida", JumuatulWida),
        ("rosh hashanah", Hebrew(TISHRI, 1, 3)),
        ("rosh hashana", Hebrew(TISHRI, 1, 3)),
        ("rosh hashanna", Hebrew(TISHRI, 1, 3)),
        ("jewish new year", Hebrew(TISHRI, 1, 3)),
        ("yom kippur", Hebrew(TISHRI, 10, 1)),
        ("sukkot", Hebrew(TISHRI, 15, 9)),
        ("succos", Hebrew(TISHRI, 15, 9)),
        ("feast of the ingathering", Hebrew(TISHRI, 15, 9)),
        ("feast of tabernacles", Hebrew(TISHRI, 15, 9)),
        ("shemini atzeret", Hebrew(TISHRI, 22, 1)),
        ("simchat torah", Hebrew(TISHRI, 23, 1)),
        ("hanukkah", Hebrew(KISLEV, 25, 8)),
        ("hanukah", Hebrew(KISLEV, 25, 8)),
        ("hannukkah", Hebrew(KISLEV, 25, 8)),
        ("chanukah", Hebrew(KISLEV, 25, 8)),
        ("chanukkah", Hebrew(KISLEV, 25, 8)),
        ("tu bishvat", Hebrew(SHEVAT, 15, 1)),
        ("tu bshvat", Hebrew(SHEVAT, 15, 1)),
        ("purim", Purim(14)),
        ("shushan purim", Purim(15)),
        ("passover", Hebrew(NISAN, 15, 9)),
        ("pesach", Hebrew(NISAN, 15, 9)),
        ("lag baomer", Hebrew(IYYAR, 18, 1)),
        ("lag b omer", Hebrew(IYYAR, 18, 1)),
        ("lag bomer", Hebrew(IYYAR, 18, 1)),
        ("shavuot", Hebrew(SIVAN, 6, 3)),
        ("shavuos", Hebrew(SIVAN, 6, 3)),
        ("tisha bav", TishaBav),
        ("tisha b av", TishaBav),
        ("yom hashoah", YomHaShoah),
        ("holocaust day", YomHaShoah),
        ("holocaust remembrance day", YomHaShoah),
        ("yom hazikaron", YomHaZikaron),
        ("yom haatzmaut", YomHaatzmaut),
        ("yom ha atzmaut", YomHaatzmaut),
        ("israel independence day", YomHaatzmaut),
        ("diwali", Diwali(0)),
        ("deepavali", Diwali(0)),
        ("lakshmi puja", Diwali(0)),
        ("dhanteras", Diwali(-2)),
        ("dhanatrayodashi", Diwali(-2)),
        ("naraka chaturdashi", Diwali(-1)),
        ("kali chaudas", Diwali(-1)),
        ("choti diwali", Diwali(-1)),
        ("govardhan puja", Diwali(1)),
        ("bhai dooj", Diwali(2)),
        ("bhaiya dooj", Diwali(2)),
        ("chhath", Diwali(6)),
        ("dala puja", Diwali(6)),
        ("surya shashthi", Diwali(6)),
        ("holi", Holi(1)),
        ("dhulandi", Holi(1)),
        ("phagwah", Holi(1)),
        ("holika dahan", Holi(0)),
        ("chhoti holi", Holi(0)),
        ("choti holi", Holi(0)),
        ("kamudu pyre", Holi(0)),
        ("rabindra jayanti", Fixed(5, 9)),
        ("rabindranath jayanti", Fixed(5, 9)),
        ("ides of march", Fixed(3, 15)),
        ("chinese new year", ChineseNewYear),
        ("chinese new years", ChineseNewYear),
        ("chinese lunar new year", ChineseNewYear),
        ("chinese lunar new years day", ChineseNewYear),
        ("chinese new years day", ChineseNewYear),
        ("lunar new year", ChineseNewYear),
    ];

    /// The holiday's occurrences that begin in Gregorian year `y`, as (first, last).
    pub(super) fn occurrences(rule: Holiday, y: i32) -> Vec<(NaiveDate, NaiveDate)> {
        let one = |d: Option<NaiveDate>| d.map(|d| (d, d)).into_iter().collect::<Vec<_>>();
        let long = |d: Option<NaiveDate>, len: u8| -> Vec<(NaiveDate, NaiveDate)> {
            d.and_then(|d| Some((d, add_days(d, i64::from(len) - 1)?)))
                .into_iter()
                .collect()
        };
        match rule {
            Fixed(m, d) => one(ymd(y, m, d)),
            Nth(m, n, wd) => one(nth_in_month(y, m, n, wd)),
            Thanksgiving(off) => {
                one(nth_in_month(y, 11, 4, Weekday::Thu).and_then(|d| add_days(d, i64::from(off))))
            }
            Easter(off, len) => long(easter(y).and_then(|d| add_days(d, i64::from(off))), len),
            Orthodox(off, len) => long(
                orthodox_easter(y).and_then(|d| add_days(d, i64::from(off))),
                len,
            ),
            Hijri(m, d) => hijri_years(y)
                .filter_map(|ah| add_days(hijri_month_start(ah, m)?, i64::from(d) - 1))
                .filter(|d| d.year() == y)
                .map(|d| (d, d))
                .collect(),
            Ramadan => hijri_years(y)
                .filter_map(|ah| {
                    Some((
                        hijri_month_start(ah, 9)?,
                        add_days(hijri_month_start(ah, 10)?, -1)?,
                    ))
                })
                .filter(|p| p.0.year() == y)
                .collect(),
            JumuatulWida => hijri_years(y)
                .filter_map(|ah| {
                    on_or_before(add_days(hijri_month_start(ah, 10)?, -1)?, Weekday::Fri)
                })
                .filter(|d| d.year() == y)
                .map(|d| (d, d))
                .collect(),
            Hebrew(m, d, len) => hebrew_in(y, |hy| hebrew_date(hy, m, d), len),
            Purim(d) => hebrew_in(
                y,
                |hy| hebrew_date(hy, if hebrew_leap(hy) { 13 } else { 12 }, d),
                1,
            ),
            YomHaShoah => hebrew_in(
                y,
                |hy| {
                    let d = hebrew_date(hy, NISAN, 27)?;
                    match d.weekday() {
                        Weekday::Fri => add_days(d, -1),
                        Weekday::Sun => add_days(d, 1),
                        _ => Some(d),
                    }
                },
                1,
            ),
            YomHaatzmaut => hebrew_in(y, independence_day, 1),
            YomHaZikaron => hebrew_in(y, |hy| add_days(independence_day(hy)?, -1), 1),
            TishaBav => hebrew_in(
                y,
                |hy| {
                    let d = hebrew_date(hy, AV, 9)?;
                    if d.weekday() == Weekday::Sat {
                        add_days(d, 1)
                    } else {
                        Some(d)
                    }
                },
                1,
            ),
            Diwali(off) => one(diwali(y).and_then(|d| add_days(d, i64::from(off)))),
            Holi(off) => one(holika_dahan(y).and_then(|d| add_days(d, i64::from(off)))),
            ChineseNewYear => one(chinese_new_year(y)),
            BossDay => one(ymd(y, 10, 16).and_then(|d| match d.weekday() {
                Weekday::Sat => add_days(d, -1),
                Weekday::Sun => add_days(d, 1),
                _ => Some(d),
            })),
            KingsDay => one(ymd(y, 4, 27).and_then(|d| {
                if d.weekday() == Weekday::Sun {
                    add_days(d, -1)
                } else {
                    Some(d)
                }
            })),
        }
    }

    /// The long weekend a holiday belongs to: Thursday or Friday to Sunday, Saturday
    /// to Monday, or the weekend itself.
    pub(super) fn weekend_around(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        match d.weekday() {
            Weekday::Mon => Some((add_days(d, -2)?, d)),
            Weekday::Thu => Some((d, add_days(d, 3)?)),
            Weekday::Fri => Some((d, add_days(d, 2)?)),
            Weekday::Sat => Some((d, add_days(d, 1)?)),
            Weekday::Sun => Some((add_days(d, -1)?, d)),
            _ => {
                let sat = on_or_before(d, Weekday::Sat)?;
                Some((sat, add_days(sat, 1)?))
            }
        }
    }

    fn nth_in_month(y: i32, m: u32, n: i8, wd: Weekday) -> Option<NaiveDate> {
        if n > 0 {
            let first = nth_weekday_from(add_days(ymd(y, m, 1)?, -1)?, wd, 1)?;
            let d = add_days(first, 7 * (i64::from(n) - 1))?;
            (d.month() == m).then_some(d)
        } else {
            let (_, last) = super::month_period(y, m)?;
            on_or_before(last, wd)
        }
    }

    /// Western Easter Sunday (the anonymous Gregorian algorithm).
    fn easter(y: i32) -> Option<NaiveDate> {
        let a = y % 19;
        let b = y / 100;
        let c = y % 100;
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
    }

    /// Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar.
    fn orthodox_easter(y: i32) -> Option<NaiveDate> {
        let a = y % 4;
        let b = y % 7;
        let c = y % 19;
        let d = (19 * c + 15) % 30;
        let e = (2 * a + 4 * b - d + 34) % 7;
        let month = (d + e + 114) / 31;
        let day = (d + e + 114) % 31 + 1;
        let julian = ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
        add_days(julian, i64::from(y / 100 - y / 400 - 2))
    }

    // -- Hebrew calendar (arithmetic rules of the fixed calendar) ----------------

    fn hebrew_leap(hy: i64) -> bool {
        (7 * hy + 1).rem_euclid(19) < 7
    }

    fn hebrew_elapsed_days(hy: i64) -> i64 {
        let months = (235 * hy - 234).div_euclid(19);
        let parts = 12084 + 13753 * months;
        let days = 29 * months + parts.div_euclid(25920);
        if (3 * (days + 1)).rem_euclid(7) < 3 {
            days + 1
        } else {
            days
        }
    }

    /// Day number (days from 0001-01-01 = 1) of Tishri 1 of Hebrew year `hy`.
    fn hebrew_new_year(hy: i64) -> i64 {
        const EPOCH: i64 = -1_373_427;
        let ny0 = hebrew_elapsed_days(hy - 1);
        let ny1 = hebrew_elapsed_days(hy);
        let ny2 = hebrew_elapsed_days(hy + 1);
        let delay = if ny2 - ny1 == 356 {
            2
        } else if ny1 - ny0 == 382 {
            1
        } else {
            0
        };
        EPOCH + ny1 + delay
    }

    fn hebrew_month_length(hy: i64, m: u32) -> i64 {
        let year_len = hebrew_new_year(hy + 1) - hebrew_new_year(hy);
        let short = matches!(m, 2 | 4 | 6 | 10 | 13)
            || (m == 12 && !hebrew_leap(hy))
            || (m == 8 && !matches!(year_len, 355 | 385))
            || (m == 9 && matches!(year_len, 353 | 383));
        if short {
            29
        } else {
            30
        }
    }

    fn hebrew_date(hy: i64, m: u32, d: u32) -> Option<NaiveDate> {
        let last_month = if hebrew_leap(hy) { 13 } else { 12 };
        let mut n = hebrew_new_year(hy) + i64::from(d) - 1;
        if m < 7 {
            n += (7..=last_month)
                .map(|mm| hebrew_month_length(hy, mm))
                .sum::<i64>();
            n += (1..m).map(|mm| hebrew_month_length(hy, mm)).sum::<i64>();
        } else {
            n += (7..m).map(|mm| hebrew_month_length(hy, mm)).sum::<i64>();
        }
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
    }

    /// Yom Ha'atzmaut: 5 Iyyar, moved to Thursday from Friday or Saturday and to
    /// Tuesday from Monday.
    fn independence_day(hy: i64) -> Option<NaiveDate> {
        let d = hebrew_date(hy, IYYAR, 5)?;
        match d.weekday() {
            Weekday::Fri => add_days(d, -1),
            Weekday::Sat => add_days(d, -2),
            Weekday::Mon => add_days(d, 1),
            _ => Some(d),
        }
    }

    /// Occurrences in Gregorian year `y` of a Hebrew-calendar day, starting on its eve.
    fn hebrew_in(
        y: i32,
        day: impl Fn(i64) -> Option<NaiveDate>,
        len: u8,
    ) -> Vec<(NaiveDate, NaiveDate)> {
        let mut out: Vec<(NaiveDate, NaiveDate)> = (3760..=3761)
            .filter_map(|off| {
                let first = add_days(day(i64::from(y) + off)?, -1)?;
                Some((first, add_days(first, i64::from(len) - 1)?))
            })
            .filter(|p| p.0.year() == y)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    // -- Islamic calendar -----------------------------------------------------

    /// Hijri years that may hold a date in Gregorian year `y`.
    fn hijri_years(y: i32) -> impl Iterator<Item = i64> {
        let ah = (i64::from(y) - 622) * 33 / 32;
        ah - 1..=ah + 2
    }

    /// First day of Hijri month `m` of year `ah`.
    fn hijri_month_start(ah: i64, m: u32) -> Option<NaiveDate> {
        // Lunation 227 is the conjunction of 2018-05-15, which began Ramadan 1439.
        let index = (ah - 1) * 12 + i64::from(m) - 1;
        let k = 227 + index - ((1439 - 1) * 12 + 8);
        let (date, hour) = split_jd(lunar_phase(k as f64, false) + 3.0 / 24.0)?;
        let start = add_days(date, if hour < 17.0 { 1 } else { 2 })?;
        if start.year() <= 2030 {
            return Some(start);
        }
        // The arithmetic (tabular) calendar, epoch 622-07-16 (Julian).
        let n = 227_014
            + (ah - 1) * 354
            + (3 + 11 * ah).div_euclid(30)
            + 29 * (i64::from(m) - 1)
            + i64::from(m) / 2
            + 1;
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
    }

    // -- Lunar phases (Meeus, Astronomical Algorithms, ch. 49) ------------------

    /// Periodic terms of the new and full moon: coefficient at new moon, at full
    /// moon, power of the eccentricity factor E, and the multiples of M, M', F and Ω
    /// in the sine's argument.
    const PHASE_TERMS: [(f64, f64, i32, f64, f64, f64, f64); 25] = [
        (-0.40720, -0.40614, 0, 0.0, 1.0, 0.0, 0.0),
        (0.17241, 0.17302, 1, 1.0, 0.0, 0.0, 0.0),
        (0.01608, 0.01614, 0, 0.0, 2.0, 0.0, 0.0),
        (0.01039, 0.01043, 0, 0.0, 0.0, 2.0, 0.0),
        (0.00739, 0.00734, 1, -1.0, 1.0, 0.0, 0.0),
        (-0.00514, -0.00515, 1, 1.0, 1.0, 0.0, 0.0),
        (0.00208, 0.00209, 2, 2.0, 0.0, 0.0, 0.0),
        (-0.00111, -0.00111, 0, 0.0, 1.0, -2.0, 0.0),
        (-0.00057, -0.00057, 0, 0.0, 1.0, 2.0, 0.0),
        (0.00056, 0.00056, 1, 1.0, 2.0, 0.0, 0.0),
        (-0.00042, -0.00042, 0, 0.0, 3.0, 0.0, 0.0),
        (0.00042, 0.00042, 1, 1.0, 0.0, 2.0, 0.0),
        (0.00038, 0.00038, 1, 1.0, 0.0, -2.0, 0.0),
        (-0.00024, -0.00024, 1, -1.0, 2.0, 0.0, 0.0),
        (-0.00017, -0.00017, 0, 0.0, 0.0, 0.0, 1.0),
        (-0.00007, -0.00007, 0, 2.0, 1.0, 0.0, 0.0),
        (0.00004, 0.00004, 0, 0.0, 2.0, -2.0, 0.0),
        (0.00004, 0.00004, 0, 3.0, 0.0, 0.0, 0.0),
        (0.00003, 0.00003, 0, 1.0, 1.0, -2.0, 0.0),
        (0.00003, 0.00003, 0, 0.0, 2.0, 2.0, 0.0),
        (-0.00003, -0.00003, 0, 1.0, 1.0, 2.0, 0.0),
        (0.00003, 0.00003, 0, -1.0, 1.0, 2.0, 0.0),
        (-0.00002, -0.00002, 0, -1.0, 1.0, -2.0, 0.0),
        (-0.00002, -0.00002, 0, 1.0, 3.0, 0.0, 0.0),
        (0.00002, 0.00002, 0, 0.0, 4.0, 0.0, 0.0),
    ];

    /// Julian Ephemeris Day of lunation `k` (k = 0: the new moon of 2000-01-06);
    /// `full` gives the full moon half a lunation later.
    fn lunar_phase(k: f64, full: bool) -> f64 {
        let k = if full { k + 0.5 } else { k };
        let t = k / 1236.85;
        let jde = 2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t * t
            - 0.000_000_150 * t.powi(3)
            + 0.000_000_000_73 * t.powi(4);
        let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t * t;
        let rad = |deg: f64| deg.rem_euclid(360.0).to_radians();
        let m = rad(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t * t - 0.000_000_11 * t.powi(3));
        let mp = rad(201.5643
            + 385.816_935_28 * k
            + 0.010_758_2 * t * t
            + 0.000_012_38 * t.powi(3)
            - 0.000_000_058 * t.powi(4));
        let f = rad(
            160.7108 + 390.670_502_84 * k - 0.001_611_8 * t * t - 0.000_002_27 * t.powi(3)
                + 0.000_000_011 * t.powi(4),
        );
        let om = rad(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t * t + 0.000_002_15 * t.powi(3));
        let correction: f64 = PHASE_TERMS
            .iter()
            .map(|&(new, fullc, ep, a, b, c, d)| {
                let coef = if full { fullc } else { new };
                coef * e.powi(ep) * (a * m + b * mp + c * f + d * om).sin()
            })
            .sum();
        jde + correction
    }

    /// Splits a Julian Day into the calendar date and the hour of day.
    fn split_jd(jd: f64) -> Option<(NaiveDate, f64)> {
        let days = jd - 1_721_424.5;
        if !days.is_finite() || !(1.0..3_000_000.0).contains(&days) {
            return None;
        }
        let whole = days.floor();
        let date = NaiveDate::from_num_days_from_ce_opt(whole as i32)?;
        Some((date, (days - whole) * 24.0))
    }

    /// New (or full) moons near Gregorian year `y` + `frac`, in order.
    fn lunations_near(y: i32, frac: f64, full: bool) -> impl Iterator<Item = f64> {
        let k = ((f64::from(y) + frac - 2000.0) * 12.3685).floor();
        (-2..=2).map(move |d| lunar_phase(k + f64::from(d), full))
    }

    /// The day whose evening (17:45 in India) falls in the lunar day (tithi) that ends
    /// at the phase `jd`: the tithi lasts about a day, so it is the phase's own date
    /// when the phase comes after that evening, else the day before.
    fn evening_before(jd: f64) -> Option<NaiveDate> {
        let (date, hour) = split_jd(jd + 5.5 / 24.0)?;
        if hour >= 17.75 {
            Some(date)
        } else {
            add_days(date, -1)
        }
    }

    /// Diwali (Lakshmi Puja): the day whose evening (17:45 in India) falls on the new
    /// moon day of Kartika, taken as the new moon between mid-October and mid-November.
    fn diwali(y: i32) -> Option<NaiveDate> {
        let (lo, hi) = (ymd(y, 10, 13)?, ymd(y, 11, 14)?);
        lunations_near(y, 0.83, false)
            .filter_map(evening_before)
            .find(|d| lo <= *d && *d <= hi)
    }

    /// Holika Dahan, the eve of Holi: the evening in the full-moon day of Phalguna, taken
    /// as the first full moon that puts Holi in March.
    fn holika_dahan(y: i32) -> Option<NaiveDate> {
        let (lo, hi) = (ymd(y, 2, 28)?, ymd(y, 3, 29)?);
        lunations_near(y, 0.17, true)
            .filter_map(evening_before)
            .find(|d| lo <= *d && *d <= hi)
    }

    /// Chinese New Year: the first new moon (Beijing time) on or after January 21.
    fn chinese_new_year(y: i32) -> Option<NaiveDate> {
        let lo = ymd(y, 1, 21)?;
        let mut days: Vec<NaiveDate> = lunations_near(y, 0.08, false)
            .filter_map(|jd| Some(split_jd(jd + 8.0 / 24.0)?.0))
            .collect();
        days.sort();
        days.into_iter().find(|d| *d >= lo)
    }
}

use holidays::Holiday;

// ---------------------------------------------------------------------------
// Publication date
// ---------------------------------------------------------------------------

mod published {
    use super::{scan, DateOrder, Grain, Hit, LazyLock, NaiveDate, Regex, Written, FUTURE_CUES};
    use chrono::Datelike;

    /// Text before a dateline's date: a capitalised place, perhaps with a region or
    /// country, ending in a comma ("BEIRUT, ", "KHARTOUM, Sudan, ").
    static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[ \t]*\p{Lu}[\p{L} .'’\-]{0,40}(?:,[ \t]*\p{L}[\p{L} .'’\-]{0,30}){0,2},[ \t]*$",
        )
        .expect("valid regex")
    });

    /// Text after a dateline's date: an optional agency in brackets, then a dash.
    static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—:]").expect("valid regex")
    });

    /// A "Published"/"Updated" line; group 1 tells which.
    static STAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?im)^[ \t]*(?:first[ \t]+)?(published|posted|last[ \t]+updated|updated|date)(?-u:\b)[^\n]*")
            .expect("valid regex")
    });

    /// Dates in URLs: "/2025/01/22/", "2025-01-22".
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:/|(?-u:\b))((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/._-]|(?-u:\b)|$)")
            .expect("valid regex")
    });

    pub(super) fn infer(text: &str, url: Option<&str>) -> Option<NaiveDate> {
        // Partial dates resolve against a late day; only written years are used here.
        let reference = NaiveDate::from_ymd_opt(2099, 12, 31)?;
        let hits = scan(text, reference, DateOrder::Unambiguous);
        let datelines: Vec<&Hit> = hits.iter().filter(|h| is_dateline(text, h)).collect();
        if let Some(d) = datelines
            .iter()
            .find(|h| h.val.written == Written::Full && h.val.grain == Grain::Day)
        {
            return Some(d.val.first);
        }
        if let Some(d) = stamped(text, &hits) {
            return Some(d);
        }
        if let Some(d) = url.and_then(url_date) {
            return Some(d);
        }
        let latest = latest_full_date(text, &hits);
        if let Some(Written::MonthDay(m, d)) = datelines.first().map(|h| h.val.written) {
            // The first year that puts the dateline on or after the text's latest date.
            let l = latest?;
            return (l.year()..=l.year() + 1)
                .find_map(|y| NaiveDate::from_ymd_opt(y, m, d).filter(|x| *x >= l));
        }
        latest
    }

    fn line_start(text: &str, at: usize) -> usize {
        text[..at].rfind('\n').map_or(0, |n| n + 1)
    }

    fn is_dateline(text: &str, h: &Hit) -> bool {
        if h.val.grain != Grain::Day
            || !matches!(h.val.written, Written::Full | Written::MonthDay(..))
        {
            return false;
        }
        let before = &text[line_start(text, h.start)..h.start];
        DATELINE_PLACE.is_match(before) && DATELINE_TAIL.is_match(&text[h.end..])
    }

    /// The date on a "Published" line, else on an "Updated" line.
    fn stamped(text: &str, hits: &[Hit]) -> Option<NaiveDate> {
        let mut updated = None;
        for c in STAMP_LINE.captures_iter(text) {
            let (Some(line), Some(kind)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let date = hits
                .iter()
                .find(|h| {
                    h.start >= line.start()
                        && h.end <= line.end()
                        && h.val.written == Written::Full
                        && h.val.grain == Grain::Day
                })
                .map(|h| h.val.first);
            let Some(date) = date else { continue };
            if kind.as_str().to_ascii_lowercase().contains("updated") {
                updated = updated.or(Some(date));
            } else {
                return Some(date);
            }
        }
        updated
    }

    fn url_date(url: &str) -> Option<NaiveDate> {
        let c = URL_DATE.captures(url)?;
        let n = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
        NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)
    }

    /// The latest full date (day, month and year written) not announced as future.
    /// Caption dates count: a recent caption is the best clue to the year, and an
    /// old file photo is older than the story's own dates anyway.
    fn latest_full_date(text: &str, hits: &[Hit]) -> Option<NaiveDate> {
        hits.iter()
            .filter(|h| h.val.written == Written::Full && h.val.grain == Grain::Day)
            .filter(|h| {
                let from = text[..h.start].rfind(['.', '\n']).map_or(0, |n| n + 1);
                let before = text[from..h.start].to_ascii_lowercase();
                !before
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| FUTURE_CUES.contains(&w))
            })
            .map(|h| h.val.first)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn conformance() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/conformance/dates.jsonl"
        );
        let rate = run_suite(path);
        assert!(rate >= 0.95, "pass rate {rate:.3} below 0.95");
    }

    /// `letter_run` reads eight bytes at a time what a loop a byte reads:
    /// runs of every length, at every distance from the end, among bytes of
    /// all kinds (the edges of `A..=Z` and `a..=z`, digits, UTF-8).
    #[test]
    fn letter_run_is_the_byte_loop() {
        let bytes = *b"@AZ[`az{09 -'\x7f\x80\xc3\xa9\xffmQ";
        let mut next = crate::extract::test_walk(0x1e77e5);
        for _ in 0..20_000 {
            let len = 1 + next(24);
            let mut b: Vec<u8> = (0..len).map(|_| bytes[next(bytes.len())]).collect();
            let start = next(len);
            b[start] = b"aZq"[next(3)];
            let mut end = start;
            while end < b.len() && b[end].is_ascii_alphabetic() {
                end += 1;
            }
            let (e, key) = letter_run(&b, start);
            assert_eq!(e, end, "{b:?} from {start}");
            let word = b[start..end].to_ascii_lowercase();
            let word = std::str::from_utf8(&word).expect("letters");
            if let Some(k) = ShortWords::key(word) {
                assert_eq!(key, k, "{b:?} from {start}");
            }
        }
    }

    /// Reference for the tables: Tuesday 2020-02-18 (shared/gold/seeds story 001).
    const REF: &str = "2020-02-18";

    /// (text, the expression's span, first, last, role)
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str, &str, Role)] = &[
        // Days. A weekday on the reference's own weekday is the reference day.
        ("Six people were killed on Tuesday.", "on Tuesday", "2020-02-18", "2020-02-18", Role::Day),
        ("The United Nations said Monday that 900,000 had fled.", "Monday", "2020-02-17", "2020-02-17", Role::Day),
        ("They met last Tuesday.", "last Tuesday", "2020-02-11", "2020-02-11", Role::Day),
        ("Talks resume next Tuesday.", "next Tuesday", "2020-02-25", "2020-02-25", Role::Day),
        ("It was raided on Sunday night.", "on Sunday night", "2020-02-16", "2020-02-16", Role::Day),
        ("Patrols stopped on Feb. 3, the military said.", "on Feb. 3", "2020-02-03", "2020-02-03", Role::Day),
        ("The strike on Jan. 8, 2019 killed 12.", "on Jan. 8, 2019", "2019-01-08", "2019-01-08", Role::Day),
        ("Fighting resumed on 8 January.", "on 8 January", "2020-01-08", "2020-01-08", Role::Day),
        ("In the evening of December 24, shelling resumed.", "December 24", "2019-12-24", "2019-12-24", Role::Day),
        ("Officials said on Sunday, Feb. 16 that 40 died.", "on Sunday, Feb. 16", "2020-02-16", "2020-02-16", Role::Day),
        ("Twelve were wounded yesterday.", "yesterday", "2020-02-17", "2020-02-17", Role::Day),
        ("It happened three days ago.", "three days ago", "2020-02-15", "2020-02-15", Role::Day),
        ("a week ago", "a week ago", "2020-02-11", "2020-02-11", Role::Day),
        ("At the end of 2019, 6.6 million were refugees.", "At the end of 2019", "2019-12-31", "2019-12-31", Role::Day),
        ("Released 2020-01-22 by the ministry.", "2020-01-22", "2020-01-22", "2020-01-22", Role::Day),
        ("He was born 10/31/1974.", "10/31/1974", "1974-10-31", "1974-10-31", Role::Day),
        ("on 22/04", "on 22/04", "2019-04-22", "2019-04-22", Role::Day),
        ("It was signed on the 27th.", "on the 27th", "2020-01-27", "2020-01-27", Role::Day),
        ("Elections are due tomorrow.", "tomorrow", "2020-02-19", "2020-02-19", Role::Day),
        ("The council had reported 46 deaths the day before.", "the day before", "2020-02-17", "2020-02-17", Role::Day),
        ("Nine had died the previous day.", "the previous day", "2020-02-17", "2020-02-17", Role::Day),
        ("Two more died a day earlier.", "a day earlier", "2020-02-17", "2020-02-17", Role::Day),
        ("It reopened on Easter Sunday 2019.", "on Easter Sunday 2019", "2019-04-21", "2019-04-21", Role::Day),
        // Periods.
        ("Clashes erupted in March.", "in March", "2019-03-01", "2019-03-31", Role::Period),
        ("A total of 1,873 were killed last week.", "last week", "2020-02-10", "2020-02-16", Role::Period),
        ("In 2018, 2,000 died.", "In 2018", "2018-01-01", "2018-12-31", Role::Period),
        ("The toll this year is 50.", "this year", "2020-01-01", "2020-12-31", Role::Period),
        ("Earlier this month, 12 soldiers died.", "Earlier this month", "2020-02-01", "2020-02-15", Role::Period),
        ("Police arrested 250 people over the weekend.", "over the weekend", "2020-02-15", "2020-02-16", Role::Period),
        ("Between January and March, 1,500 died.", "Between January and March", "2020-01-01", "2020-03-31", Role::Period),
        ("Strikes between December 6-16 killed 300.", "between December 6-16", "2019-12-06", "2019-12-16", Role::Period),
        ("in the first half of 2019", "in the first half of 2019", "2019-01-01", "2019-06-30", Role::Period),
        ("They withdrew by mid-November.", "mid-November", "2019-11-10", "2019-11-20", Role::Period),
        ("Violence peaked in the 1990s.", "in the 1990s", "1990-01-01", "1999-12-31", Role::Period),
        ("Violence peaked in the 80s.", "in the 80s", "1980-01-01", "1989-12-31", Role::Period),
        ("late last year", "late last year", "2019-07-01", "2019-12-31", Role::Period),
        ("during Q3 2019", "during Q3 2019", "2019-07-01", "2019-09-30", Role::Period),
        // Since: from the day or period named to the reference.
        ("875,000 have fled since Dec. 1, the UN said.", "since Dec. 1", "2019-12-01", "2020-02-18", Role::Since),
        ("since October 2019", "since October 2019", "2019-10-01", "2020-02-18", Role::Since),
        ("There have been clashes since 2017.", "since 2017", "2017-01-01", "2020-02-18", Role::Since),
        ("since this January", "since this January", "2020-01-01", "2020-02-18", Role::Since),
        ("Since the offensive began on Dec. 19, 2019, 700 have died.", "Since the offensive began on Dec. 19, 2019", "2019-12-19", "2020-02-18", Role::Since),
        // Rolling spans back from the reference, which they leave out.
        ("More than 40,000 fled in the last four days alone.", "in the last four days", "2020-02-14", "2020-02-17", Role::Span),
        ("over the past week", "over the past week", "2020-02-11", "2020-02-17", Role::Span),
        ("in the past 48 hours", "in the past 48 hours", "2020-02-16", "2020-02-17", Role::Span),
        ("24 more died in the past 24 hours.", "in the past 24 hours", "2020-02-17", "2020-02-17", Role::Span),
        ("last 3 months", "last 3 months", "2019-11-18", "2020-02-17", Role::Span),
    ];

    /// Texts with no date expression at all.
    const NON_DATES: &[&str] = &[
        "At least 10 people were killed and a 12-year-old was wounded.",
        "Russian Sukhoi Su-30 SM jets landed near the M4 highway.",
        "The convoy left at 10:30 and returned at 4 pm.",
        "Israeli vehicles block a road on the second day of the operation.",
        "The Sunday Times reported the figures. Bloody Sunday is remembered.",
        "They may return home, and thousands march in protest.",
        "The ministry counted 46,006 dead and 2.3 million displaced.",
        "He was on duty 24/7 and paid $10000, a rise of 40%.",
        "Jan Egeland said aid did not reach Mar Elias.",
        "It happened on 8/1/2025.",
        "February 30, 2020",
        "in 99999",
        "Most of the victims were in their 20s; one man was in his late 40s.",
    ];

    #[test]
    fn table_of_expressions() {
        let r = d(REF);
        for &(text, span, first, last, role) in CASES {
            let found = dates(text, r, DateOrder::Unambiguous);
            let m = found.iter().find(|m| &text[m.start..m.end] == span);
            let m = m.unwrap_or_else(|| panic!("{text:?}: no match {span:?}; found {found:?}"));
            assert_eq!(
                (m.first, m.last, m.role),
                (d(first), d(last), role),
                "{text:?}"
            );
        }
    }

    #[test]
    fn non_dates_match_nothing() {
        let r = d(REF);
        for text in NON_DATES {
            let found: Vec<&str> = dates(text, r, DateOrder::Unambiguous)
                .iter()
                .map(|m| &text[m.start..m.end])
                .collect();
            assert!(found.is_empty(), "{text:?} gave {found:?}");
        }
    }

    #[test]
    fn numeric_order_reads_ambiguous_dates() {
        let r = d(REF);
        let one = |order| dates("on 8/1/2019", r, order).first().map(|m| m.first);
        assert_eq!(one(DateOrder::Unambiguous), None);
        assert_eq!(one(DateOrder::Mdy), Some(d("2019-08-01")));
        assert_eq!(one(DateOrder::Dmy), Some(d("2019-01-08")));
        // Dots are the European style: day first, unless an order is given.
        let dotted = |order| dates("Date 03.11.2025", r, order).first().map(|m| m.first);
        assert_eq!(dotted(DateOrder::Unambiguous), Some(d("2025-11-03")));
        assert_eq!(dotted(DateOrder::Mdy), Some(d("2025-03-11")));
    }

    #[test]
    fn resolve_refines_a_week_with_a_weekday() {
        let r = d("2018-06-14");
        assert_eq!(
            resolve(
                "next week, how about on Wednesday?",
                r,
                DateOrder::Unambiguous
            ),
            Some((d("2018-06-20"), d("2018-06-20")))
        );
        assert_eq!(resolve("no date here", r, DateOrder::Unambiguous), None);
        // Vague parts: `resolve` gives the peers' stretch, `dates` the contract's day.
        let r = d("2020-04-24");
        assert_eq!(
            resolve("at the end of 2000", r, DateOrder::Unambiguous),
            Some((d("2000-09-01"), d("2000-12-31")))
        );
        assert_eq!(
            dates("at the end of 2000", r, DateOrder::Unambiguous)[0].first,
            d("2000-12-31")
        );
    }

    #[test]
    fn infer_published_prefers_datelines_stamps_and_urls() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Gaza City, 22 January 2025 — Israeli forces pressed a raid.", None, Some("2025-01-22")),
            ("KHARTOUM, Sudan, March 3, 2025 (AP) — Fighting spread.", None, Some("2025-03-03")),
            // A dateline without a year takes it from the text's other full dates.
            ("BEIRUT, Jan 8 (Reuters) - Strikes that began on January 6, 2025 went on.", None, Some("2025-01-08")),
            ("BEIRUT, Jan 8 (Reuters) - Strikes went on.", None, None),
            ("Strikes went on, officials said.", Some("https://news.example.org/2025/01/22/strikes"), Some("2025-01-22")),
            ("Published: 22 January 2025 10:30 GMT\nUpdated: 23 January 2025\nStrikes went on.", None, Some("2025-01-22")),
            ("Updated 3:41 PM, January 23, 2025\nStrikes went on.", None, Some("2025-01-23")),
            // A file-photo caption is years old; the dateline wins.
            (
                "Caption: A picture taken on October 3, 2015 shows jets landing. AFP Photo\n\nMOSCOW, Aug. 29, 2020 (AFP) - Talks began.",
                None,
                Some("2020-08-29"),
            ),
            // Otherwise the latest full date that is not announced as future.
            (
                "Clashes began on March 3, 2019 and flared on April 5, 2019. Elections are scheduled for May 1, 2020.",
                None,
                Some("2019-04-05"),
            ),
            ("People search the rubble on January 8, 2025. The war began on Oct. 7, 2023.", None, Some("2025-01-08")),
            ("No date at all.", None, None),
            // An old file photo does not pull a yearless dateline back.
            (
                "FILE PHOTO: Smoke rises, October 3, 2015. REUTERS/Name\nBEIRUT, Jan 8 (Reuters) - Strikes that began on January 6, 2025 went on.",
                None,
                Some("2025-01-08"),
            ),
        ];
        for &(text, url, want) in cases {
            assert_eq!(infer_published(text, url), want.map(d), "{text:?}");
        }
    }

    #[test]
    fn never_panics() {
        // Deterministic noise over the characters the grammar cares about.
        let alphabet: Vec<&str> = vec![
            "1",
            "12",
            "2019",
            "99999999999",
            "/",
            "-",
            ".",
            ",",
            "'",
            "’",
            "—",
            " ",
            "\n",
            "the",
            "last",
            "next",
            "of",
            "since",
            "May",
            "march",
            "Friday",
            "Sept.",
            "week",
            "days",
            "ago",
            "in",
            "between",
            "and",
            "31st",
            "Q",
            "h",
            "end",
            "mid",
            "Ramadan",
            "easter",
            "é",
            "$",
            "%",
            ":",
            "twenty",
            "thousand",
            "hundred",
            "nineteen",
        ];
        let mut seed: u64 = 7;
        let refs = [
            d("2020-02-18"),
            NaiveDate::MIN,
            NaiveDate::MAX,
            d("0001-01-01"),
            d("9999-12-31"),
        ];
        for n in 0..1500 {
            let mut text = String::new();
            for _ in 0..(n % 17) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
                if seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            for r in refs {
                for order in [DateOrder::Unambiguous, DateOrder::Mdy, DateOrder::Dmy] {
                    for m in dates(&text, r, order) {
                        assert!(
                            m.first <= m.last && m.start < m.end && m.end <= text.len(),
                            "{text:?}"
                        );
                    }
                    let _ = resolve(&text, r, order);
                }
            }
            let _ = infer_published(&text, Some(&text));
        }
    }

    /// Runs a conformance file through [`resolve`]; prints the failures and the
    /// pass rates, overall and by note tag; returns the overall rate.
    fn run_suite(path: &str) -> f64 {
        let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("reading {path} (../shared must sit beside the crate): {e}")
        });
        let mut total = 0;
        let mut passed = 0;
        let mut by_note: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("json line");
            let text = case["text"].as_str().expect("text");
            let reference = d(case["reference"].as_str().expect("reference"));
            let want = match case["date"].as_str() {
                Some(x) => (d(x), d(x)),
                None => (
                    d(case["start"].as_str().expect("start")),
                    d(case["end"].as_str().expect("end")),
                ),
            };
            let got = resolve(text, reference, DateOrder::Unambiguous);
            let ok = got == Some(want);
            total += 1;
            passed += u32::from(ok);
            let notes = case["note"].as_str().unwrap_or("none");
            for n in notes.split(',') {
                let e = by_note.entry(n.to_string()).or_default();
                e.0 += u32::from(ok);
                e.1 += 1;
            }
            if !ok {
                println!("FAIL {text:?} ref {reference} want {want:?} got {got:?} [{notes}]");
            }
        }
        let rate = f64::from(passed) / f64::from(total);
        println!("conformance: {passed}/{total} = {:.1}%", rate * 100.0);
        for (n, (p, t)) in &by_note {
            println!("  {n}: {p}/{t}");
        }
        rate
    }
}
