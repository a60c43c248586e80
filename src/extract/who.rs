//! Who: the noun phrase a number counts. It decides whether the number
//! counts people at all ("15 Palestinian civilians" yes, "three military
//! bases" no) and gives `who` as written (§5).

use super::lexicon::{
    lists_of_bytes, Cue, List, PhraseIndex, CUES, CUE_INDEX, DEMONYM_PLURALS, FORCE_INDEX,
    NOT_SINGULAR_PEOPLE, PEOPLE_INDEX, PEOPLE_SINGULAR_SUFFIXES, PEOPLE_SUFFIXES,
};
use super::token::{ends_with_any_case, Tok, Token};

/// What the number's noun is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// People: "people", "civilians", "Palestinians".
    Person,
    /// Members of a force: "soldiers", "troops", "personnel".
    Force,
    /// A cue word standing as the noun: "109,378 wounded", "100 hostages".
    Cue(Cue),
    /// No noun: "More than 40,000 have been displaced", "killing 10".
    Elliptical,
    /// A thing that is not people: "two hospitals", "five kilometres".
    Thing,
}

/// The number's noun phrase, as token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NounPhrase {
    pub head: Head,
    /// Tokens of `who` as written (`None` when the text names no group).
    pub who: Option<(usize, usize)>,
    /// Last token of the phrase (the number itself when elliptical).
    pub end: usize,
    /// A cue standing as a modifier of the noun: "9,000 displaced people", "39 wounded Rohingya".
    pub modifier_cue: Option<Cue>,
}

/// Match a cue phrase of the lexicon starting at token `i`, longest first.
pub fn cue_at(tokens: &[Token], i: usize, want: fn(&Cue) -> bool) -> Option<(Cue, usize)> {
    if !CUE_INDEX.may_start_at(tokens, i) {
        return None;
    }
    CUE_INDEX
        .starting_at(tokens, i)
        .filter(|&(c, _)| want(&CUES[c]))
        .max_by_key(|&(_, n)| n)
        .map(|(c, n)| (CUES[c], n))
}

/// Match a multi-word noun from an indexed table at token `i`; returns its length.
fn noun_at(tokens: &[Token], i: usize, index: &PhraseIndex) -> Option<usize> {
    if !index.may_start_at(tokens, i) {
        return None;
    }
    index.starting_at(tokens, i).map(|(_, n)| n).max()
}

/// A capitalised plural that names a people: "Palestinians", "Yemenis",
/// "Sudanese", and those of [`DEMONYM_PLURALS`] ("Serbs").
fn is_demonym_plural(t: &Token) -> bool {
    t.is_capitalised()
        && t.text.len() > 3
        && (t.text.ends_with("ans")
            || t.text.ends_with("is")
            || t.text.ends_with("ese")
            || t.text.ends_with("ns")
            // Followers of a creed or a leader: "300 suspected Maoists".
            || t.text.ends_with("ists")
            || t.is_any(DEMONYM_PLURALS))
}

/// Modifiers that do not belong to `who` ("10 more people" → "people").
pub(super) const NOT_WHO: &[&str] = &["more", "other", "additional", "further"];

/// Read the noun phrase after the number at token `n`.
pub fn noun_phrase(tokens: &[Token], n: usize) -> NounPhrase {
    let elliptical = NounPhrase {
        head: Head::Elliptical,
        who: None,
        end: n,
        modifier_cue: None,
    };
    let mut j = n + 1;
    // A quoted count before its noun: said "at least 1,500" police officers.
    let closing_quote = tokens
        .get(j)
        .is_some_and(|t| t.is_punct('"') && t.start == tokens[n].end);
    if closing_quote && tokens.get(j + 1).is_some_and(|t| t.is_word()) {
        j += 1;
    }
    // "a 1,700-strong contingent", "its 17,000-strong peacekeeping force":
    // the number is the size of a force, whatever the noun names it.
    if tokens.get(j).is_some_and(|t| t.is_punct('-'))
        && tokens.get(j + 1).is_some_and(|t| t.is("strong"))
    {
        // The force's noun and its modifiers, up to a verb or function word.
        let nouns = (j + 2..tokens.len().min(j + 5))
            .take_while(|&k| {
                tokens[k].is_word()
                    && !tokens[k].is_in(List::Function)
                    && cue_at(tokens, k, |c| c.after).is_none()
            })
            .count();
        let last = j + 1 + nouns;
        // "a 5,000-strong crowd" is no force.
        let force = (j + 2..=last).any(|k| names_force(tokens, k));
        return NounPhrase {
            head: if force { Head::Force } else { Head::Thing },
            who: (nouns > 0).then_some((j + 2, last)),
            end: last,
            modifier_cue: None,
        };
    }
    // A number restated in brackets before its noun: "more than 1,000 (one
    // thousand) residents".
    if tokens.get(j).is_some_and(|t| t.is_punct('(')) {
        let restated = tokens[j + 1..]
            .iter()
            .take(4)
            .position(|t| t.is_punct(')'))
            .filter(|&p| p > 0 && tokens[j + 1..j + 1 + p].iter().all(Token::is_num));
        if let Some(p) = restated {
            j += p + 2;
        }
    }
    // "thousands of people", "10 of the victims", "10 of them", "three
    // more of the injured".
    if tokens.get(j).is_some_and(|t| t.is("more")) && tokens.get(j + 1).is_some_and(|t| t.is("of"))
    {
        j += 1;
    }
    if tokens.get(j).is_some_and(|t| t.is("of")) {
        // "of those deaths": "those" then determines the noun after it.
        let determiner = tokens
            .get(j + 1)
            .is_some_and(|t| t.is_any(&["those", "these"]))
            && tokens.get(j + 2).is_some_and(|n| {
                n.is_word()
                    && (is_people(tokens, j + 2) || cue_at(tokens, j + 2, |c| c.noun).is_some())
            });
        match tokens.get(j + 1) {
            Some(_) if determiner => j += 2,
            Some(t) if t.is_any(&["them", "whom", "us", "those"]) => {
                return NounPhrase {
                    end: j + 1,
                    ..elliptical
                }
            }
            Some(t) if t.is_any(&["the", "its", "their", "these"]) => j += 2,
            Some(t) if t.is_word() => j += 1,
            _ => return elliptical,
        }
    }
    let mut who_start: Option<usize> = None;
    let mut mods = 0;
    let mut modifier_cue = None;
    let phrase = |head, from: Option<usize>, last: usize, modifier_cue| NounPhrase {
        head,
        who: from.map(|f| (f, last)),
        end: last,
        modifier_cue,
    };
    while let Some(t) = tokens.get(j) {
        // A number inside a name before the noun: "27 suspected Barrio 18
        // members", "MS 13 members".
        let in_name = t.is_num()
            && mods > 0
            && mods < 4
            && tokens[j - 1].is_capitalised()
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.is_word() && !n.is_in(List::Function));
        if in_name {
            mods += 1;
            j += 1;
            continue;
        }
        if !t.is_word() {
            break;
        }
        // A force noun ("border guards", "Turkish soldiers").
        if let Some(len) = noun_at(tokens, j, &FORCE_INDEX) {
            let mut last = j + len - 1;
            // A force noun modifying another noun for people: "three police personnel".
            if tokens.get(last + 1).is_some_and(|n| n.is_word()) {
                if let Some(more) = noun_at(tokens, last + 1, &FORCE_INDEX) {
                    last += more;
                } else if is_people(tokens, last + 1) {
                    last += 1;
                }
            }
            // Two forces joined are one: "2,000 soldiers and police officers
            // already stationed" (not a verb of the conjunct's own).
            if tokens
                .get(last + 1)
                .is_some_and(|a| a.is_any(&["and", "or"]))
                && tokens.get(last + 2).is_some_and(Token::is_word)
                && cue_at(tokens, last + 2, |c| c.after).is_none()
            {
                if let Some(more) = noun_at(tokens, last + 2, &FORCE_INDEX) {
                    last += 1 + more;
                }
            }
            return phrase(
                Head::Force,
                Some(who_start.unwrap_or(j)),
                last,
                modifier_cue,
            );
        }
        // A cue standing as the noun, unless it modifies a noun after it ("10 wounded soldiers").
        if let Some((c, len)) = cue_at(tokens, j, |c| c.noun) {
            let modifies = tokens
                .get(j + len)
                .is_some_and(|a| is_people(tokens, j + len) || a.is_capitalised());
            if !modifies || c.metric.is_none() {
                let last = j + len - 1;
                let from = is_group_noun(&c).then_some(who_start.unwrap_or(j));
                return phrase(Head::Cue(c), from, last, modifier_cue);
            }
            modifier_cue = modifier_cue.or(Some(c));
        }
        // A people noun ends the phrase unless another one follows ("Rohingya refugees").
        let compound = tokens.get(j + 1).is_some_and(|next| {
            next.is_word()
                && (is_people(tokens, j + 1) || cue_at(tokens, j + 1, |c| c.noun).is_some())
        });
        if is_people(tokens, j) && !compound {
            let head = if member_of_force(tokens, j) {
                Head::Force
            } else {
                Head::Person
            };
            // Two nouns of people joined are one group: "47,000 returnees
            // and refugees have crossed".
            let joined = tokens.get(j + 1).is_some_and(|a| a.is_any(&["and", "or"]))
                && tokens.get(j + 2).is_some_and(Token::is_word)
                && is_people(tokens, j + 2)
                // Not a verb of the conjunct: "killed 23 people and wounded 41".
                && cue_at(tokens, j + 2, |c| c.after).is_none()
                && !tokens.get(j + 3).is_some_and(|n| n.is_word() && is_people(tokens, j + 3));
            let last = if joined { j + 2 } else { j };
            return phrase(head, Some(who_start.unwrap_or(j)), last, modifier_cue);
        }
        let named = t.text.starts_with("al-") || t.text.starts_with("el-");
        // Any adjective before a people noun: "14,000 uniformed personnel",
        // also before names that modify it: "31 registered Egyptian pilgrims".
        let noun = (j + 1..tokens.len().min(j + 4))
            .find(|&k| !tokens[k].is_capitalised())
            .unwrap_or(j + 1);
        let people_noun =
            |k: usize| is_people(tokens, k) || noun_at(tokens, k, &FORCE_INDEX).is_some();
        let before_people = !t.is_in(List::Function)
            && (noun == j + 1 || t.text.ends_with("ed"))
            && tokens.get(noun).is_some_and(|n| n.is_word())
            && people_noun(noun);
        // Two lower-case modifiers stacked before the noun: an adverb and
        // its participle ("two badly burned inmates"), or an adjective and a
        // noun modifier ("14 striking oil workers"). The middle word is no
        // verb of its own: neither a function word nor a cue after a noun.
        let plain = |k: usize| {
            tokens.get(k).is_some_and(|w| {
                w.is_word()
                    && !w.is_capitalised()
                    && !w.is_in(List::Function)
                    && !w.is_in(List::Prepositions)
            })
        };
        let two_before_people = plain(j)
            && plain(j + 1)
            && cue_at(tokens, j + 1, |c| c.after).is_none()
            && tokens.get(j + 2).is_some_and(|n| n.is_word())
            && people_noun(j + 2);
        // "150 Kenyan and Jamaican officers": two names joined before the noun.
        // "1,500 Rangers and police personnel": a name joined to a force or
        // people noun shares it.
        let joined_names = t.is_any(&["and", "or"])
            && mods > 0
            && tokens[j - 1].is_capitalised()
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.is_capitalised() || (n.is_word() && people_noun(j + 1)));
        let modifier = compound
            || named
            || joined_names
            || before_people
            || two_before_people
            || t.is_in(List::Modifiers)
            || (t.is_capitalised() && !t.is_in(List::Function));
        if modifier && mods < 4 {
            if who_start.is_none() && !t.is_in(List::NotWho) {
                who_start = Some(j);
            }
            mods += 1;
            j += 1;
            continue;
        }
        break;
    }
    // The phrase ended without a known noun: a capitalised plural before a verb names a people.
    let prev = &tokens[j - 1];
    if j - 1 > n && is_demonym_plural(prev) {
        return phrase(
            Head::Person,
            Some(who_start.unwrap_or(j - 1)),
            j - 1,
            modifier_cue,
        );
    }
    let verb_like = match tokens.get(j) {
        None => true,
        Some(t) => match t.kind {
            Tok::Punct(_) | Tok::Num(..) => true,
            Tok::Word => {
                // A participle before a plural noun is an adjective: "three
                // unlicensed firearms" counts things, not people.
                let adjective = t.text.ends_with("ed")
                    && tokens.get(j + 1).is_some_and(|n| {
                        n.is_word()
                            && !n.is_capitalised()
                            && n.text.ends_with('s')
                            && !n.is_in(List::Function)
                            && !n.is_in(List::AfterBridge)
                    });
                t.is_in(List::Function)
                    || cue_at(tokens, j, |c| c.after).is_some()
                    || (t.text.ends_with("ed") && !adjective)
                    || t.text.ends_with("ly")
                    || t.is_capitalised()
            }
        },
    };
    if verb_like {
        // "9,000 more have fled": the increment word is part of the phrase.
        let end = if (n + 1..j).all(|k| tokens[k].is_in(List::NotWho)) {
            j - 1
        } else {
            n
        };
        NounPhrase {
            modifier_cue,
            end,
            ..elliptical
        }
    } else {
        phrase(Head::Thing, None, j, None)
    }
}

/// "members of the Civilian Joint Task Force", "800 members of the District
/// of Columbia National Guard": members of a body named as a force are a
/// force, whatever its name.
fn member_of_force(tokens: &[Token], j: usize) -> bool {
    tokens[j].is_any(&["members", "member"])
        && tokens.get(j + 1).is_some_and(|t| t.is("of"))
        && tokens[j + 2..]
            .iter()
            .take(8)
            .take_while(|t| t.is_word())
            .enumerate()
            .any(|(x, _)| names_force(tokens, j + 2 + x))
}

/// Whether token `k` names a force: a unit ("contingent", "battalion") or
/// the noun of its members ("soldiers", "border guards").
pub fn names_force(tokens: &[Token], k: usize) -> bool {
    tokens[k].is_in(List::ForceUnits) || noun_at(tokens, k, &FORCE_INDEX).is_some()
}

/// Whether token `i` is a noun for people: in the table, or a lower-case
/// plural with an agent ending ("missionaries", "vendors") that is not a
/// thing, or the singular of one ("one vendor").
///
/// A noun phrase asks this of each word and of the word after it, so the
/// answer is kept on the token; it is always asked of a whole sentence's
/// tokens, so it is the token's own.
pub fn is_people(tokens: &[Token], i: usize) -> bool {
    tokens[i].people(|| people_at(tokens, i))
}

/// [`is_people`], worked out.
fn people_at(tokens: &[Token], i: usize) -> bool {
    if noun_at(tokens, i, &PEOPLE_INDEX).is_some() {
        return true;
    }
    let t = &tokens[i];
    if !t.is_word() || t.is_capitalised() || t.is_in(List::Function) {
        return false;
    }
    // The tables are lower case: the word is compared case-blind, not copied.
    let agent = |plural: &str| {
        plural.len() > 4
            && PEOPLE_SUFFIXES
                .iter()
                .any(|s| ends_with_any_case(plural, s))
    };
    if agent(t.text) && !t.is_in(List::NotPeople) {
        return true;
    }
    // A singular: its plural with an "-s" ("vendor"), or "-man" ("gunman").
    // Most words end otherwise: no plural is built for them.
    if !PEOPLE_SINGULAR_SUFFIXES
        .iter()
        .any(|e| ends_with_any_case(t.text, e))
    {
        return false;
    }
    // The plural in lower case, built on the stack (on the heap for a very
    // long word).
    let word = t.text.as_bytes();
    let mut stack = [0u8; 32];
    let mut heap = Vec::new();
    let buf: &mut [u8] = if word.len() < stack.len() {
        &mut stack[..word.len() + 1]
    } else {
        heap.resize(word.len() + 1, 0);
        &mut heap
    };
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    let len = if buf[..word.len()].ends_with(b"man") {
        buf[word.len() - 2] = b'e';
        word.len()
    } else {
        buf[word.len()] = b's';
        word.len() + 1
    };
    let plural = &buf[..len];
    plural.len() > 4
        && PEOPLE_SUFFIXES
            .iter()
            .any(|s| plural.ends_with(s.as_bytes()))
        && lists_of_bytes(plural) & List::NotPeople.bit() == 0
        && t.text.len() > 3
        && !t.is_any(NOT_SINGULAR_PEOPLE)
        && !t.is_in(List::Modifiers)
}

/// Cue nouns that name the group itself ("hostages", "refugees"), as opposed
/// to a state ("wounded", "dead") that names no group.
fn is_group_noun(c: &Cue) -> bool {
    matches!(
        c.phrase,
        "hostages" | "refugees" | "evacuees" | "detainees" | "captives" | "bodies"
    )
}

/// `who` as written, from token indices.
pub fn text<'a>(s: &'a str, tokens: &[Token], who: Option<(usize, usize)>) -> Option<&'a str> {
    who.map(|(a, b)| &s[tokens[a].start..tokens[b].end])
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn head(text: &str) -> (Head, Option<String>) {
        let t = tokens(text);
        let n = t.iter().position(|t| t.is_num()).unwrap();
        let np = noun_phrase(&t, n);
        (np.head, super::text(text, &t, np.who).map(str::to_string))
    }

    #[test]
    fn people_things_and_ellipsis() {
        assert_eq!(
            head("15 Palestinian civilians were killed"),
            (Head::Person, Some("Palestinian civilians".into()))
        );
        assert_eq!(
            head("46,000 Palestinians have been killed"),
            (Head::Person, Some("Palestinians".into()))
        );
        // A people whose plural has none of the usual endings.
        assert_eq!(
            head("Three Serbs were arrested"),
            (Head::Person, Some("Serbs".into()))
        );
        assert_ne!(head("Three Bells were rung").0, Head::Person);
        assert_eq!(
            head("over 15,000 Turkish soldiers have deployed"),
            (Head::Force, Some("Turkish soldiers".into()))
        );
        assert_eq!(head("40,000 have been displaced").0, Head::Elliptical);
        assert_eq!(head("three military bases").0, Head::Thing);
        assert_eq!(head("five kilometers").0, Head::Thing);
        assert_eq!(head("dozens of vehicles").0, Head::Thing);
        assert_eq!(
            head("10 more people died"),
            (Head::Person, Some("people".into()))
        );
        assert!(matches!(head("109,378 wounded").0, Head::Cue(c) if c.phrase == "wounded"));
        assert_eq!(head("100 hostages are held").1, Some("hostages".into()));
        assert_eq!(head("12 drowned").0, Head::Elliptical);
    }

    #[test]
    fn two_stacked_modifiers_before_people() {
        assert_eq!(
            head("two badly burned prisoners died"),
            (Head::Person, Some("badly burned prisoners".into()))
        );
        assert_eq!(
            head("at least 14 striking dock workers"),
            (Head::Person, Some("striking dock workers".into()))
        );
        assert_eq!(
            head("about 2,000 Rangers and police officers"),
            (Head::Force, Some("Rangers and police officers".into()))
        );
        assert_eq!(
            head("12 suspected Calle 18 members"),
            (Head::Person, Some("suspected Calle 18 members".into()))
        );
        assert_eq!(
            head("said \"about 900\" police officers were sent"),
            (Head::Force, Some("police officers".into()))
        );
        assert_eq!(
            head("said \"about 900\", officials added").0,
            Head::Elliptical
        );
        // Stacked modifiers before a thing are no people.
        assert!(!matches!(
            head("two badly burned buses").0,
            Head::Person | Head::Force
        ));
    }
}
