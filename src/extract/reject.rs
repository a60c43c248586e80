//! Numbers that cannot count people (§2), each with a reason a test can
//! name: years, labels ("page 12"), money, times, ages, percentages on their
//! own, zero. Things ("two hospitals") are rejected by their noun in
//! [`who`](super::who); dates by the [`date`](super::date) grammar's spans.

use super::lexicon::{List, CURRENCY_SYMBOLS};
use super::number::Form;
use super::token::{starts_with_any_case, Tok, Token};

/// Why a number is not a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Zero,
    Year,
    Label,
    Money,
    Time,
    Age,
    Percent,
}

/// Whether the number at token `i` is a percentage ("90%", "40 percent").
pub fn is_percent(tokens: &[Token], i: usize) -> bool {
    match tokens.get(i + 1) {
        Some(t) if t.is_punct('%') => true,
        Some(t) if t.is("percent") || t.is("pct") => true,
        Some(t) if t.is("per") => tokens.get(i + 2).is_some_and(|t| t.is("cent")),
        _ => false,
    }
}

/// The reason the number at token `i` is not a count of people, if any.
pub fn reason(s: &str, tokens: &[Token], i: usize) -> Option<Reason> {
    let t = &tokens[i];
    let Tok::Num(value, form) = t.kind else {
        return None;
    };
    if value == 0 {
        return Some(Reason::Zero);
    }
    let next = tokens.get(i + 1);
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    // A bare four-digit number in the range of years, unless it counts people ("2000 people").
    if form == Form::Digits && t.text.len() == 4 && (1800..=2100).contains(&value) {
        let people = next.is_some_and(|n| n.is_in(List::People) || n.is_in(List::Forces));
        if !people {
            return Some(Reason::Year);
        }
    }
    if prev.is_some_and(|p| p.is_in(List::Labels) && p.end + 2 >= t.start) {
        return Some(Reason::Label);
    }
    // Money: a symbol glued before, or a currency word after.
    let before = &s[..t.start];
    let glued = before.trim_end();
    if before.len() - glued.len() <= 1 && CURRENCY_SYMBOLS.iter().any(|c| glued.ends_with(c)) {
        return Some(Reason::Money);
    }
    if next.is_some_and(|n| n.is_in(List::Currencies)) {
        return Some(Reason::Money);
    }
    // Times: "10:30", "5 p.m.", "0500 GMT".
    if let Some(n) = next {
        if n.is_punct(':')
            && tokens
                .get(i + 2)
                .is_some_and(|d| d.is_num() && d.start == n.end)
        {
            return Some(Reason::Time);
        }
        if n.is_any(&["a.m", "p.m", "am", "pm", "gmt", "utc", "hrs", "o'clock"]) {
            return Some(Reason::Time);
        }
    }
    // Ages: "a 12-year-old", "aged 40", "40 years old".
    if let Some(n) = next {
        if n.is_punct('-')
            && tokens
                .get(i + 2)
                .is_some_and(|w| starts_with_any_case(w.text, "year"))
        {
            return Some(Reason::Age);
        }
        if n.is_any(&["years", "year"]) && tokens.get(i + 2).is_some_and(|w| w.is("old")) {
            return Some(Reason::Age);
        }
        if n.is_word()
            && n.start == t.end
            && (starts_with_any_case(n.text, "-year") || starts_with_any_case(n.text, "year-old"))
        {
            return Some(Reason::Age);
        }
    }
    // An age in apposition to a name: "Imamoglu, 53, the main rival to
    // the president, was arrested".
    let apposed = form == Form::Digits
        && value <= 120
        && i >= 2
        && prev.is_some_and(|p| p.is_punct(','))
        && tokens[i - 2].is_word()
        && tokens[i - 2].is_capitalised()
        && next.is_some_and(|n| n.is_punct(','));
    if apposed {
        return Some(Reason::Age);
    }
    if is_percent(tokens, i) {
        return Some(Reason::Percent);
    }
    if age_mate(tokens, i) {
        return Some(Reason::Age);
    }
    None
}

/// What joins the ages of a list after "aged": "41 and 57", "8, 10 or
/// 12", "between 18 and 25", "18-25".
pub(super) fn age_joiner(t: &Token) -> bool {
    t.is_any(&["and", "or", "to", "between"]) || t.is_punct(',') || t.is_punct('-')
}

/// Whether the number at token `i` is a later age of a list after "aged":
/// "aged 41 and 57", "aged 8, 10 and 12", "aged between 18 and 25" (the
/// first one is a [`Reason::Label`]).
fn age_mate(tokens: &[Token], i: usize) -> bool {
    if i == 0 || !age_joiner(&tokens[i - 1]) {
        return false;
    }
    tokens[..i - 1]
        .iter()
        .rev()
        .take(8)
        .find(|t| !(t.is_num() || age_joiner(t)))
        .is_some_and(|t| t.is_any(&["aged", "ages"]))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    const CASES: &[(&str, Option<Reason>)] = &[
        ("in 2017 the war", Some(Reason::Year)),
        ("2000 people fled", None),
        ("on page 12 of", Some(Reason::Label)),
        ("Resolution 2334 says", Some(Reason::Label)),
        ("$450 million in aid", Some(Reason::Money)),
        ("450 dollars each", Some(Reason::Money)),
        ("at 10:30 local time", Some(Reason::Time)),
        ("a 12-year-old boy", Some(Reason::Age)),
        ("aged 40 and", Some(Reason::Label)),
        ("he was 40 years old", Some(Reason::Age)),
        ("90% of residents", Some(Reason::Percent)),
        ("40 percent of", Some(Reason::Percent)),
        ("10 people died", None),
        ("Imamoglu, 53, the main rival", Some(Reason::Age)),
        ("In Gaza, 30 people died", None),
    ];

    #[test]
    fn non_figures_have_reasons() {
        for &(text, want) in CASES {
            let t = tokens(text);
            let i = t
                .iter()
                .position(|t| t.is_num())
                .unwrap_or_else(|| panic!("no number in {text}"));
            assert_eq!(reason(text, &t, i), want, "{text}");
        }
    }

    #[test]
    fn later_ages_of_a_list_are_ages() {
        for (text, want) in [
            ("two men aged 30 and 45 were killed", Some(Reason::Age)),
            ("children aged 8, 10 and 12 were hurt", Some(Reason::Age)),
            ("recruits aged between 18 and 25", Some(Reason::Age)),
            // A count joined to a count is no age.
            ("two men and 45 women were killed", None),
        ] {
            let t = tokens(text);
            let i = t.iter().rposition(|t| t.is_num()).unwrap();
            assert_eq!(reason(text, &t, i), want, "{text}");
        }
    }
}
