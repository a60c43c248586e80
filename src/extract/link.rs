//! Link: tie each number of a sentence to the metric a cue gives it (§2),
//! read its bounds and its group. The cue may come before the number
//! ("killing 10", "the toll rose to 300"), after its noun phrase through a
//! verb group ("10 people were killed", "10 died"), or be the noun itself
//! ("109,378 wounded"). The nearest cue wins; anti-cues ("rescued",
//! "casualties") veto; troop cues need a force noun.

use std::sync::LazyLock;

use super::bounds::{self, Bound};
use super::date::DateMatch;
use super::lexicon::{
    Cue, List, CAPTIVE_COMPLEMENTS, CROSSED, CUES, CUE_INDEX, CUMULATIVE_INDEX, FORCE_SIZE,
    FRACTIONS, GAPPED_ADJUNCTS, HARMED, HARM_TAKING, PARTITIVE_HEADS, RATE_ADJECTIVES, RATE_INDEX,
    RATE_NOUNS, SHELTERED,
};
use super::reject;
use super::token::{tokens, Tok, Token};
use super::who::{self, cue_at, Head};
use super::{Metric, Qualifier};

/// How far (in tokens) a cue may stand from the number it governs.
const MAX_BRIDGE: usize = 8;

/// Verb-group facts the dating stage needs to tell a running total from an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hint {
    /// "have been killed", "has displaced": present perfect.
    pub perfect: bool,
    /// "are displaced", "remain missing", "are still held": a standing count.
    pub present: bool,
    /// "toll", "a total of", "so far" near the number.
    pub total: bool,
    /// "24 more", "another 12": an increment.
    pub increment: bool,
    /// A past state: "were deployed", "were missing".
    pub stative_past: bool,
    /// "up from 100": an earlier value of the figure before it.
    pub earlier: bool,
    /// "59 were in Wajima and 23 in Suzu": a gapped conjunct, counted as the
    /// figure before it is (same verb, so same kind) on its own adjunct.
    pub gapped: bool,
}

/// A figure found in one sentence; offsets are relative to the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    pub metric: Metric,
    pub who: Option<String>,
    /// Byte span of the cue that gave the metric (the number's own span for a noun cue).
    pub cue: (usize, usize),
    pub hint: Hint,
    /// A part of another figure: "including 12 children", "Among the dead are 84 Egyptians".
    pub subcount: bool,
}

impl Found {
    /// A placeholder figure at byte `at`, for scoring places against a position.
    pub fn at(at: usize) -> Found {
        Found {
            start: at,
            end: at,
            value: 0,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            metric: Metric::Killed,
            who: None,
            cue: (at, at),
            hint: Hint::default(),
            subcount: false,
        }
    }
}

/// Every figure of one sentence. `dates` are the sentence's date expressions
/// (relative offsets): numbers inside them are parts of dates, not counts.
pub fn figures_in(s: &str, dates: &[DateMatch]) -> Vec<Found> {
    figures_with_tokens(s, &tokens(s), dates)
}

/// [`figures_in`] on a sentence already tokenised.
pub fn figures_with_tokens(s: &str, toks: &[Token], dates: &[DateMatch]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    figures_into(s, toks, dates, None, &mut out);
    out
}

/// [`figures_with_tokens`] into `out` (emptied first), a buffer the caller
/// keeps from sentence to sentence. `before` is the metric of the last
/// figure of the sentence right before, which a pronoun may point back to
/// ("Among them were 298 civilians").
pub fn figures_into(
    s: &str,
    toks: &[Token],
    dates: &[DateMatch],
    before: Option<Metric>,
    out: &mut Vec<Found>,
) {
    out.clear();
    let mut next_free = 0;
    for i in 0..toks.len() {
        if i < next_free || !toks[i].is_num() {
            continue;
        }
        if dates
            .iter()
            .any(|d| d.start <= toks[i].start && toks[i].end <= d.end)
        {
            continue;
        }
        let context = Context {
            previous: out.last(),
            before,
        };
        let Some((found, last)) = figure_at(s, toks, i, context) else {
            continue;
        };
        // A figure's span takes in its number: the extractor reads a
        // sentence without its dates first and relies on it (see
        // `extract::figures_with`).
        debug_assert!(found.start <= toks[i].start && toks[i].end <= found.end);
        next_free = last + 1;
        out.push(found);
    }
}

/// What a number's figure may lean on beyond its own words: the figure
/// before it in the sentence ("and 13 others"), and the metric of the last
/// total of the sentence before ("Among them were 298 civilians").
#[derive(Clone, Copy)]
struct Context<'f> {
    previous: Option<&'f Found>,
    before: Option<Metric>,
}

/// The figure whose number is token `i`, and the last token it used.
fn figure_at(s: &str, toks: &[Token], i: usize, context: Context) -> Option<(Found, usize)> {
    // "90% of its 2.3 million people": the share of a population.
    if reject::is_percent(toks, i) {
        return share_of(s, toks, i, context);
    }
    if reject::reason(s, toks, i).is_some() {
        return None;
    }
    // "a third of the 30,000 residents".
    if let Some((frac, first)) = fraction_before(toks, i) {
        let Tok::Num(v, _) = toks[i].kind else {
            return None;
        };
        let bound = Bound {
            value: (v as f64 * frac).round() as u64,
            low: None,
            high: None,
            qualifier: Qualifier::Approx,
            first,
            last: i,
            number: i,
        };
        return complete(s, toks, bound, context);
    }
    let bound = bounds::read(toks, i);
    complete(s, toks, bound, context)
}

fn share_of(s: &str, toks: &[Token], i: usize, context: Context) -> Option<(Found, usize)> {
    let Tok::Num(pct, _) = toks[i].kind else {
        return None;
    };
    let unit_end = if toks[i + 1].is("per") { i + 2 } else { i + 1 };
    let mut j = unit_end + 1;
    if !toks.get(j).is_some_and(|t| t.is("of")) {
        return None;
    }
    j += 1;
    if toks.get(j).is_some_and(|t| {
        t.is_any(&[
            "the", "its", "their", "an", "a", "some", "about", "around", "roughly", "nearly",
        ])
    }) {
        j += 1;
    }
    if toks.get(j).is_some_and(is_possessive) {
        j += 1;
    }
    let Some(Tok::Num(total, _)) = toks.get(j).map(|t| t.kind) else {
        return None;
    };
    if pct > 100 {
        return None;
    }
    let pct_bound = bounds::read(toks, i);
    let qualifier = match pct_bound.qualifier {
        q @ (Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::UpTo) => q,
        _ => Qualifier::Approx,
    };
    let value = (total as f64 * pct as f64 / 100.0).round() as u64;
    let (low, high) = bounds::bounds(qualifier, value);
    let bound = Bound {
        value,
        low,
        high,
        qualifier,
        first: pct_bound.first,
        last: j,
        number: j,
    };
    complete(s, toks, bound, context)
}

/// "the town's", "Buzi’s": a possessive before a population.
fn is_possessive(t: &Token) -> bool {
    t.is_word() && (t.text.ends_with("'s") || t.text.ends_with("\u{2019}s"))
}

/// "a third of the", "half of the", "two-thirds of its" ending right before token `i`.
fn fraction_before(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    if j > 0 && is_possessive(&toks[j - 1]) {
        j -= 1;
    }
    if j > 0 && toks[j - 1].is_any(&["the", "its", "their"]) {
        j -= 1;
    }
    if j == 0 || !toks[j - 1].is("of") {
        return None;
    }
    let of = j - 1;
    // The first fraction of the table standing right before "of"; its last
    // word, compared first, turns most fractions away.
    FRACTION_WORDS.iter().find_map(|(words, frac)| {
        let from = of.checked_sub(words.len())?;
        words
            .iter()
            .rev()
            .zip(toks[from..of].iter().rev())
            .all(|(w, t)| t.is(w))
            .then_some((*frac, from))
    })
}

/// [`FRACTIONS`] split into their words, once.
static FRACTION_WORDS: LazyLock<Vec<(Vec<&'static str>, f64)>> = LazyLock::new(|| {
    FRACTIONS
        .iter()
        .map(|&(phrase, frac)| (phrase.split_ascii_whitespace().collect(), frac))
        .collect()
});

/// Give a bounded number its noun phrase, metric and hints.
fn complete(s: &str, toks: &[Token], bound: Bound, context: Context) -> Option<(Found, usize)> {
    let Context { previous, before } = context;
    // The noun follows a qualifier after the number: "300 or more people",
    // "2,000-odd people".
    let np = who::noun_phrase(toks, bound.last.max(bound.number));
    if np.head == Head::Thing {
        return None;
    }
    // "three children from one family": one group, not one person.
    if bound.value == 1 && toks[np.end].is_any(ONE_GROUP) {
        return None;
    }
    // "a municipality of about 10,000 residents": a place's population.
    if bound.first >= 2
        && toks[bound.first - 1].is("of")
        && toks[bound.first - 2].is_any(POPULATED_PLACES)
    {
        return None;
    }
    // "up from 130", "down from a peak of 1,700": an earlier value of the figure before it.
    let earlier_value = earlier_value(toks, bound.first);
    // The groups a count of people came from are no figure of their own:
    // "six members of two related families".
    let of_counted = bound.first >= 2
        && toks[bound.first - 1].is("of")
        && who::is_people(toks, bound.first - 2)
        && toks[bound.first.saturating_sub(6)..bound.first - 2]
            .iter()
            .any(Token::is_num);
    if of_counted {
        return None;
    }
    let np_end = np.end.max(bound.last);
    let aside = in_aside(toks, bound.first, bound.number);
    let subject = subject_cue(toks, bound.first);
    // A number that opens a new clause with its own verb ("three people
    // were rescued and 13 are still missing") is not the object of the
    // clause before.
    let own_clause =
        bound.first > 0 && toks[bound.first - 1].is("and") && finite_after(toks, np_end + 1);
    let left = cue_before(toks, bound.first).filter(|_| !own_clause);
    // A count restated in other units: "4,200 households, or about 21,000
    // people, had been displaced" (the comma after it closes the restatement).
    let restated =
        bound.first >= 2 && toks[bound.first - 1].is("or") && toks[bound.first - 2].is_punct(',');
    let right = cue_after(toks, np_end + 1, aside || restated);
    // "127 of those arrested have been released": the participle names the
    // group, the main verb after it its fate, and a fate that is no metric
    // ("released", "freed") leaves no figure.
    if np.head == Head::Elliptical && toks[np.end].is("those") {
        if let Some(r) = right.filter(|r| r.3 == 1) {
            let participle_end = toks.partition_point(|t| t.end <= r.2);
            if cue_after(toks, participle_end, false).is_some_and(|m| m.0.metric.is_none()) {
                return None;
            }
        }
    }
    let own = match np.head {
        Head::Cue(c) => Some((c, toks[np.end].start, toks[np.end].end, 0)),
        _ => np
            .modifier_cue
            .map(|c| (c, toks[bound.number].start, toks[bound.number].end, 0)),
    };
    // Pick the governing cue: a close cue after the number's noun (a verb
    // outranks the noun: "105 hostages were released"), then the noun's own
    // cue, then the subject of a toll verb, then the nearer of left and right.
    // A number that opens a new conjunct has its own verb: on a tie, the cue
    // after it wins ("five were killed and three were wounded").
    let conjoined =
        bound.first > 0 && (toks[bound.first - 1].is("and") || toks[bound.first - 1].is_punct(','));
    // A cue whose object the counted people are governs them, whatever their
    // noun says: "the bodies of all six hostages", "claimed the lives of 9 children".
    let object_of = left.filter(|l| l.0.phrase.ends_with(" of") && l.3 <= 2);
    let chosen: Option<Cue4> = match (own, right) {
        _ if object_of.is_some() => object_of,
        // (Or after two auxiliaries: "have been detained".)
        (Some(_), Some(r))
            if (r.3 <= 2 || (r.3 == 3 && auxiliaries(toks, np_end + 1, r.1)))
                && (r.0.metric.is_some() || matches!(np.head, Head::Cue(_))) =>
        {
            Some(r)
        }
        (Some(o), _) => Some(o),
        // A harm complement names the people's injuries, whatever the
        // verb before them: "treated 230 people with gunshot wounds".
        (None, _) => subject.or(match (left, right) {
            // "freed all 32 migrants who were kidnapped": the relative
            // clause says what befell the people, the verb before only
            // what became of them.
            (Some(l), Some(r))
                if r.3 < l.3
                    || (r.3 == l.3 && conjoined)
                    || (l.0.metric.is_none()
                        && r.0.metric.is_some()
                        && toks
                            .get(np_end + 1)
                            .is_some_and(|t| t.is_any(&["who", "that"])))
                    || (l.0.metric.is_none() && r.0.phrase == HARMED.phrase) =>
            {
                Some(r)
            }
            (Some(l), Some(_)) => Some(l),
            (l, r) => l.or(r),
        }),
    };
    let mut metric = chosen.and_then(|c| c.0.metric);
    if chosen.is_some() && metric.is_none() {
        return None; // an anti-cue governs the number
    }
    // Soldiers staying in camps are quartered, not displaced.
    if np.head == Head::Force && chosen.is_some_and(|c| c.0.phrase == SHELTERED.phrase) {
        return None;
    }
    // A count spanning two metrics is no figure (§2): "killed or wounded",
    // "have died or gone missing", "wounded and killed".
    if chosen.is_some_and(|c| two_metrics(toks, c.1, c.2, c.0.metric)) {
        return None;
    }
    // Troop cues count only a force; a force with no other cue needs a deployment verb.
    // An elliptical list mate of a force is one: "2,500 peacekeepers from
    // Kenya and 1,000 from Benin".
    // So is "Italy with 1,068" after one.
    // (Past an increment's words: "and a further 150 were sent".)
    let mate_start = (bound.first.saturating_sub(3)..bound.first)
        .rev()
        .take_while(|&k| toks[k].is_any(&["a", "an", "another", "further", "additional"]))
        .last()
        .unwrap_or(bound.first);
    let conjoined_mate =
        mate_start > 0 && (toks[mate_start - 1].is("and") || toks[mate_start - 1].is_punct(','));
    let mate_of_force = np.head == Head::Elliptical
        && previous.is_some_and(|p| p.metric == Metric::Troops)
        && (conjoined_mate
            || (bound.first > 1
                && toks[bound.first - 1].is("with")
                && toks[bound.first - 2].is_capitalised()));
    // Men mobilised are conscripts, a force: "About 1,100 men from the
    // district were mobilized".
    let mobilised_men = np.head == Head::Person
        && toks[np.end].is("men")
        && chosen.is_some_and(|c| c.0.phrase.starts_with("mobili"));
    // "Around 3,000 of them are deployed", after a force's count: a share of it.
    let back = before.is_some()
        && (points_back(toks, &bound)
            || (before == Some(Metric::Killed) && more_recovered(toks, &bound)));
    // "Military personnel deployed: 850": the label names the force.
    let labelled_force = bound.first > 0
        && label_mark(&toks[bound.first - 1])
        && (0..bound.first - 1).any(|j| toks[j].is_word() && who::names_force(toks, j));
    let force = np.head == Head::Force
        || labelled_force
        || mobilised_men
        || mate_of_force
        || (back && before == Some(Metric::Troops))
        || subject.is_some_and(|c| c.0.metric == Some(Metric::Troops));
    if metric == Some(Metric::Troops) && !force {
        return None;
    }
    // "had taken 12 Russian soldiers prisoner", "took 30 villagers captive":
    // the verb comes before the number and its complement after the people; it
    // comes before a deployment ("held four senior officers hostage").
    if metric.is_none() && matches!(np.head, Head::Person | Head::Force) {
        metric = taken_captive(toks, bound.first, np.end);
    }
    // A force with no other cue is troops if the sentence deploys one,
    // unless it is a sub-count of another figure ("131 people have been
    // kidnapped, including 18 members of the security forces").
    // The deployment verb then stands for the cue in the hints: "more than
    // 3,000 personnel from the armed forces, fire brigades and Civil
    // Protection are deployed" is a force in place.
    let mut deployed_at = None;
    if metric.is_none() && np.head == Head::Force && !(aside && previous.is_some()) {
        if let Some(k) = deployment_in(toks) {
            metric = Some(Metric::Troops);
            deployed_at = Some(k);
        }
    }
    // A force's elliptical list mate is counted as it is.
    if metric.is_none() && mate_of_force {
        metric = Some(Metric::Troops);
    }
    // A list mate ("11 children and four pregnant women") or an earlier value
    // ("more than doubled to 356, up from 100") shares the previous figure's metric.
    let mut gapped_mate = false;
    // A list mate of a share is a share too: "Among them were 12 minors
    // and three journalists".
    let mut share_mate = false;
    if metric.is_none() {
        if let Some(p) = previous {
            // The tokens between the two figures: a run, as tokens stand in text order.
            let from = toks.partition_point(|t| t.start < p.end);
            let to = toks
                .partition_point(|t| t.end <= toks[bound.first].start)
                .max(from);
            let between = &toks[from..to];
            let joiner = |t: &Token| {
                t.is_punct(',')
                    || t.is_any(&[
                        "and", "or", "up", "down", "from", "a", "further", "another", "of", "whom",
                    ])
                    || t.is_capitalised()
                    || t.is_in(List::Modifiers)
            };
            // "followed by Italy with 1,068, India with 903": a name and its
            // count, listed after the first.
            let named_count = |k: usize, t: &Token| {
                t.is_any(&["followed", "by"])
                    || (t.is("with") && k > 0 && between[k - 1].is_capitalised())
            };
            let noun_then_joiner = between.iter().enumerate().all(|(k, t)| {
                joiner(t) || named_count(k, t) || (k == 0 && who::is_people(toks, from))
            });
            // An earlier value names its figure however far back it
            // stands: "206 people had been arrested since the start of the
            // unrest, up from 130 the day before".
            // A gapped conjunct repeats the figure's verb and noun by
            // leaving them out, keeping only its own count and adjunct:
            // "59 were in Wajima and 23 in Suzu", "48 deaths on Tuesday,
            // 64 by Wednesday and 73 later that night". `between` starts
            // after the figure's number, so its noun is not a number here.
            let gapped = np.head == Head::Elliptical
                && conjoined
                && between.len() <= 14
                // Another number between is the conjunct's real mate: "aged
                // between eight and 15", "aged seven and nine".
                && !between.iter().any(|t| t.is_punct(';') || t.is_punct(':') || t.is_num())
                && toks.get(np_end + 1).is_none_or(|t| {
                    t.is_in(List::Prepositions)
                        || t.is_any(GAPPED_ADJUNCTS)
                        || t.is_punct('.')
                        || t.is_punct(',')
                });
            if (noun_then_joiner && between.len() <= 6) || earlier_value || gapped {
                metric = Some(p.metric);
                gapped_mate = gapped;
                share_mate = p.subcount && noun_then_joiner && !earlier_value;
            }
        }
    }
    // A bare total an earlier figure of the sentence is brought to is that
    // figure's: "retrieved four more bodies, bringing the total to 30".
    let brought = metric.is_none() && previous.is_some() && brought_to_total(toks, bound.first);
    if brought {
        metric = previous.map(|p| p.metric);
    }
    // A fronted partitive names the group: "Of those killed, 30 were women",
    // "Of the hostages, 116 remain". So does a share earlier in the sentence
    // for a conjunct that opens with its own count and a copula ("Of the
    // dead, 14 were in Sunamganj, and nine were in Sylhet"), and the cue
    // before a list of names with their counts in brackets ("listed deaths
    // in Al Haouz (1,351), Taroudant (492) and Chichaoua (202)").
    let partitive = if metric.is_none() {
        partitive_cue(toks, bound.first)
            .or_else(|| conjunct_share(toks, bound.first, bound.number))
            .or_else(|| bracket_list_cue(toks, bound.first, bound.number))
    } else {
        None
    };
    if let Some(c) = partitive {
        metric = c.metric;
    }
    // "Among them were 298 Druze civilians", "Around 3,000 of them are
    // deployed": a share of the figure the sentence before ended with.
    if back && metric.is_none() {
        metric = before;
    }
    let pointing_back = back && metric == before;
    // A sub-count ("including 12 children", "nine of them") shares its total's metric.
    // Its total's metric wins over a cue after the aside: "the toll stands
    // at 17, including six children, and 58 people have been injured";
    // not over the verb of its own relative clause: "75 patients with
    // injuries, 9 of whom later died".
    let own_verb = toks.get(bound.number + 1).is_some_and(|t| t.is("of"))
        && right.is_some_and(|r| r.3 <= 2 && r.0.metric.is_some());
    if aside && !own_verb {
        if let Some(p) = previous {
            metric = if own.is_some() {
                metric.or(Some(p.metric))
            } else {
                Some(p.metric)
            };
        }
    }
    let metric = metric?;
    let cue = match (chosen, deployed_at) {
        (Some(c), _) => (c.1, c.2),
        (None, Some(k)) if k > np_end => (toks[k].start, toks[k].end),
        _ => (toks[bound.number].start, toks[bound.number].end),
    };
    let lo = bound.first.min(token_at(toks, cue.0));
    if metric != Metric::Troops && projection(toks, lo.saturating_sub(3), bound.first) {
        return None;
    }
    if rate_after(toks, np_end + 1) {
        return None;
    }
    let mut hint = hint(toks, &bound, np_end, cue);
    hint.earlier = earlier_value;
    hint.gapped = gapped_mate;
    // "the number of people killed rose to 615": a stated total.
    hint.total |= subject.is_some() && chosen == subject && subject_marked(toks, bound.first);
    // So is the size a force is brought to: "bringing its deployment to 700",
    // and a bare total brought to a number.
    hint.total |= chosen.is_some_and(|c| c.0 == FORCE_SIZE) || brought;
    let found = Found {
        start: toks[bound.first].start,
        end: toks[bound.last].end,
        value: bound.value,
        low: bound.low,
        high: bound.high,
        qualifier: bound.qualifier,
        metric,
        // "Of the dead, 29 are children": the group is "children", not the copula.
        who: who::text(s, toks, np.who).map(|w| {
            let copula = ["are ", "were ", "is ", "was "];
            match copula.iter().find_map(|c| w.strip_prefix(c)) {
                Some(rest) if partitive.is_some() || pointing_back => rest.to_string(),
                _ => w.to_string(),
            }
        }),
        cue,
        hint,
        // "three children were among the 14 killed" is part of that total.
        subcount: aside
            || partitive.is_some()
            || pointing_back
            || share_mate
            || (chosen == subject && subject.is_some() && subject_among(toks, bound.first))
            || toks.iter().skip(np_end + 1).take(3).any(|t| t.is("among")),
    };
    // A number inside the noun phrase is part of a name ("27 suspected
    // Barrio 18 members"), no count of its own.
    let named = (bound.number + 1..=np.end).any(|k| toks[k].is_num());
    let last = if named { np.end } else { bound.last };
    Some((found, last.max(bound.number)))
}

/// Whether a phrase "to a hospital" starts at token `k`: "to the regional
/// hospital", "to hospitals in Niamey" (the noun after up to three modifiers).
fn to_hospital(toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is("to")) && hospital_within(toks, k + 1).is_some()
}

/// The noun of a hospital within the four words from token `k`: "the
/// regional hospital", "Sawla General Hospital", "hospitals in Niamey".
fn hospital_within(toks: &[Token], k: usize) -> Option<usize> {
    (k..toks.len().min(k + 4))
        .take_while(|&j| toks[j].is_word())
        .find(|&j| toks[j].is_in(List::Hospitals))
}

/// Whether a finite verb stands at token `k`, perhaps after one aside
/// between commas: "and six people, including a boy, were wounded".
fn finite_after(toks: &[Token], k: usize) -> bool {
    let finite = |k: usize| toks.get(k).is_some_and(|t| t.is_in(List::Finite));
    if finite(k) {
        return true;
    }
    if !(toks.get(k).is_some_and(|t| t.is_punct(','))
        && toks.get(k + 1).is_some_and(|t| t.is_in(List::Aside)))
    {
        return false;
    }
    // The aside's closing comma; a hyphen inside a word ("a 12-year-old
    // girl") is no mark.
    toks[k + 1..]
        .iter()
        .take(12)
        .position(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(';'))
        .is_some_and(|c| toks[k + 1 + c].is_punct(',') && finite(k + 2 + c))
}

/// Whether the clause before the number opens with "Among": a part of a total.
fn subject_among(toks: &[Token], first: usize) -> bool {
    let start = toks[..first]
        .iter()
        .rposition(|t| t.is_punct(';') || t.is_punct(':'))
        .map_or(0, |p| p + 1);
    toks.get(start).is_some_and(|t| t.is("among"))
}

/// Whether the clause before the number names a total ("the number of", "the toll").
fn subject_marked(toks: &[Token], first: usize) -> bool {
    let start = toks[..first]
        .iter()
        .rposition(|t| t.is_punct(';') || t.is_punct(':'))
        .map_or(0, |p| p + 1);
    toks[start..first]
        .iter()
        .any(|t| t.is_in(List::TotalNouns) || t.is_any(&["deaths", "fatalities", "dead"]))
}

/// A cue with its byte span and its distance in tokens from the number.
type Cue4 = (Cue, usize, usize, usize);

/// "taken N people prisoner" (detained), "took N people captive" or
/// "hostage" (abducted): a form of "take" right before the number (through
/// its qualifier) and the complement right after the counted people.
fn taken_captive(toks: &[Token], first: usize, np_end: usize) -> Option<Metric> {
    let take = (first.saturating_sub(3)..first).any(|k| {
        toks[k].is_any(&[
            "take", "takes", "took", "taken", "taking", "hold", "holds", "held", "holding",
        ])
    });
    if !take {
        return None;
    }
    // The complement may follow a short phrase: "taken 120 fighters from
    // army-allied militias prisoner"; a punctuation mark ends the search.
    // The noun phrase's last word may be it: "villagers captive" reads as
    // two nouns, since "captive" is also a singular for people.
    toks.iter()
        .skip(np_end)
        .take(7)
        .take_while(|t| t.is_word() || t.is_punct('-'))
        .find_map(|t| {
            CAPTIVE_COMPLEMENTS
                .iter()
                .find(|(w, _)| t.is(w))
                .map(|&(_, m)| m)
        })
}

/// Whether sentence `s` may open with a pronoun's share of the group of the
/// sentence before ("Among them", "Of those"): a cheap test before the
/// tokens, for a sentence with no cue of its own.
pub fn may_point_back(s: &str) -> bool {
    let mut words = s.split_ascii_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let b = b.trim_end_matches(',');
    (["among", "of"].iter().any(|w| a.eq_ignore_ascii_case(w))
        && BACK_PRONOUNS.iter().any(|w| b.eq_ignore_ascii_case(w)))
        // "Eight more were pulled from the rubble" (see [`more_recovered`]).
        || (b.eq_ignore_ascii_case("more") && super::number::may_hold_number(a))
        // "The remaining three were from Balangir" (see [`points_back`]).
        || (a.eq_ignore_ascii_case("the") && REST_OF.iter().any(|w| b.eq_ignore_ascii_case(w)))
}

/// Words after "the" that make a count the rest of a group counted
/// before: "The remaining three were from Balangir".
const REST_OF: &[&str] = &["remaining", "other"];

/// Whether the count `bound` opens its sentence as more of the dead the
/// sentence before counted, found: "Rescuers recovered 11 bodies on
/// Saturday. Eight more were pulled from the rubble on Sunday." The verb
/// says bodies were recovered; "found alive" are survivors.
fn more_recovered(toks: &[Token], bound: &Bound) -> bool {
    if bound.first != 0 || !toks.get(bound.last + 1).is_some_and(|t| t.is("more")) {
        return false;
    }
    let verb = toks[bound.last + 2..]
        .iter()
        .take(3)
        .find(|t| !t.is_any(&["were", "was", "have", "had", "been", "later"]));
    verb.is_some_and(|t| t.is_any(RECOVERED)) && !toks.iter().any(|t| t.is("alive"))
}

/// Verbs that recover the dead: "Eight more were pulled from the rubble".
const RECOVERED: &[&str] = &["found", "recovered", "retrieved", "pulled", "exhumed"];

/// Pronouns that point back to the group of the sentence before: "Among them".
const BACK_PRONOUNS: &[&str] = &["them", "those", "these"];

/// Whether the count `bound` opens its sentence as a share of a group the
/// sentence before counted, by a pronoun: "Among them were 298 civilians",
/// "Of those, 12 were children", "Around 3,000 of them are deployed".
fn points_back(toks: &[Token], bound: &Bound) -> bool {
    let opener =
        toks.len() > 2 && toks[0].is_any(&["among", "of"]) && toks[1].is_any(BACK_PRONOUNS);
    if opener {
        // The opener, perhaps a comma and a copula, then the count.
        let between = &toks[2..bound.first];
        return between.len() <= 2
            && between
                .iter()
                .all(|t| t.is_punct(',') || t.is_any(&["were", "was", "are", "is", "included"]));
    }
    // "The remaining three were from Balangir and Jharsuguda": the rest of
    // the group, with no noun of its own.
    let rest = bound.first == 2
        && toks[0].is("the")
        && toks[1].is_any(REST_OF)
        && toks
            .get(bound.last + 1)
            .is_some_and(|t| !t.is_word() || t.is_in(List::AfterBridge));
    rest || bound.first == 0
        && toks.get(bound.last + 1).is_some_and(|t| t.is("of"))
        && toks
            .get(bound.last + 2)
            .is_some_and(|t| t.is_any(BACK_PRONOUNS))
}

/// "Of those killed, 30 …", "Of the hostages, 116 …": a clause-initial "Of"
/// phrase with a cue, ending in the comma right before the number.
fn partitive_cue(toks: &[Token], first: usize) -> Option<Cue> {
    if first < 3 || !toks[first - 1].is_punct(',') {
        return None;
    }
    let start = (0..first - 1)
        .rev()
        .find(|&k| {
            // A clause starts after a comma, semicolon or colon, or with a quotation.
            [',', ';', ':', '"', '\u{201c}']
                .iter()
                .any(|&c| toks[k].is_punct(c))
        })
        .map_or(0, |k| k + 1);
    // An opening quote before "Of" belongs to the quotation, not the phrase.
    let start = (start..first - 1)
        .find(|&k| !(toks[k].is_punct('"') || toks[k].is_punct('\u{201c}')))
        .unwrap_or(start);
    let phrase = &toks[start..first - 1];
    // "Of those hostages", "Of the 256 people who have died".
    if phrase.len() > 9 || !phrase.first().is_some_and(|t| t.is("of")) {
        return None;
    }
    (start..first - 1).find_map(|k| cue_at(toks, k, |c| c.metric.is_some()).map(|(c, _)| c))
}

/// The group a conjunct's count is a share of: the count at `first` opens
/// a clause after "and", its number (at `number`) stands right before a
/// copula ("nine were in Sylhet", "six were women"), and an earlier clause of
/// the sentence names the group with "of the" and a cue noun, after a
/// quantifier or a count, or opening the sentence ("Of the dead, 14 were in
/// Sunamganj, and nine were in Sylhet").
fn conjunct_share(toks: &[Token], first: usize, number: usize) -> Option<Cue> {
    if first < 4
        || !toks[first - 1].is("and")
        || !toks
            .get(number + 1)
            .is_some_and(|t| t.is_any(&["were", "was", "are", "is"]))
    {
        return None;
    }
    (0..first - 3).rev().find_map(|k| {
        let head = k == 0 || toks[k - 1].is_num() || toks[k - 1].is_any(PARTITIVE_HEADS);
        if !(head && toks[k].is("of") && toks[k + 1].is_any(&["the", "those"])) {
            return None;
        }
        cue_at(toks, k + 2, |c| c.metric.is_some() && (c.noun || c.after)).map(|(c, _)| c)
    })
}

/// The cue of a list of names with their counts in brackets, for the count
/// at `first..=number`: "deaths in Al Haouz (1,351), Taroudant (492) and
/// Casablanca (2)". Walks back over the earlier items to the list's head, a
/// preposition or colon after the cue.
fn bracket_list_cue(toks: &[Token], first: usize, number: usize) -> Option<Cue> {
    if first < 3 || !toks[first - 1].is_punct('(') || !toks.get(number + 1)?.is_punct(')') {
        return None;
    }
    // The last word of the item's name.
    let mut k = first - 2;
    loop {
        if !toks[k].is_capitalised() {
            return None;
        }
        while k > 0 && toks[k - 1].is_capitalised() {
            k -= 1;
        }
        // What stands before the name: a joiner after an earlier item, or the head.
        let mut j = k.checked_sub(1)?;
        if toks[j].is("and") && j > 0 && toks[j - 1].is_punct(',') {
            j -= 1;
        }
        if toks[j].is_punct(',') || toks[j].is("and") {
            // An earlier item ends with "(count)".
            if j < 4
                || !toks[j - 1].is_punct(')')
                || !toks[j - 2].is_num()
                || !toks[j - 3].is_punct('(')
            {
                return None;
            }
            k = j - 4;
            continue;
        }
        if !(toks[j].is_any(&["in", "from", "of"]) || toks[j].is_punct(':')) {
            return None;
        }
        return (j.saturating_sub(3)..j)
            .rev()
            .find_map(|c| cue_at(toks, c, |c| c.metric.is_some()).map(|(c, _)| c));
    }
}

/// Whether the number is a sub-count in an aside: "including 12 children",
/// "among them 12 children", "nine of them".
fn in_aside(toks: &[Token], first: usize, number: usize) -> bool {
    let before = |k: usize, w: &str| first >= k && toks[first - k].is(w);
    before(1, "including")
        // "put the toll at 64, including the four officers".
        || (before(1, "the") && before(2, "including"))
        || (before(1, "them") && before(2, "among"))
        || (before(1, "whom") && before(2, "among"))
        || (toks.get(number + 1).is_some_and(|t| t.is("of"))
            && toks
                .get(number + 2)
                .is_some_and(|t| t.is_any(&["them", "whom"])))
}

/// The subject of a toll verb right before the number: "the death toll from
/// the floods reached 1,200", "the number of people killed rose to 615",
/// "Among the dead are 84 Egyptians". Scans left past the verb, through the
/// clause, to the nearest cue.
fn subject_cue(toks: &[Token], first: usize) -> Option<Cue4> {
    // Walk back over qualifiers to the verb.
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 4 && toks[k - 1].is_in(List::WalkBack) {
        k -= 1;
        steps += 1;
    }
    // "bringing the death toll since the war began to 36,654": the subject stands between the verb and "to".
    if first > 0 && toks[first - 1].is("to") {
        let from = first.saturating_sub(20);
        if let Some(v) = (from..first - 1)
            .rev()
            .find(|&j| toks[j].is_in(List::Bring))
        {
            if let Some(c) = first_cue(toks, v + 1, first - 1, first) {
                return Some(c);
            }
            // A force's size: "bringing its deployment there to about 700",
            // "bringing the number of security personnel in the capital to
            // more than 12,000".
            let size = |j: usize| {
                toks[j].is_in(List::ForceSizeNouns)
                    || (!toks[j].is_in(List::ForceUnits) && who::names_force(toks, j))
            };
            if let Some(at) = (v + 1..first - 1).find(|&j| size(j)) {
                return Some((FORCE_SIZE, toks[at].start, toks[at].end, first - at));
            }
        }
        // Inverted: "brought to 261 the number of people killed", the subject after the number.
        if first > 1 && toks[first - 2].is_in(List::Bring) {
            let after = toks[first..]
                .iter()
                .take(4)
                .position(|t| t.is_any(&["the", "its", "their"]));
            if let Some(a) = after {
                let from = first + a;
                let to = (from + 10).min(toks.len());
                let marked = toks[from..to]
                    .iter()
                    .take(3)
                    .any(|t| t.is_in(List::TotalNouns));
                if marked {
                    return (from..to).find_map(|at| {
                        cue_at(toks, at, |c| c.metric.is_some())
                            .map(|(c, n)| (c, toks[at].start, toks[at + n - 1].end, at - first))
                    });
                }
            }
        }
    }
    // A changed total: "the toll rose from 40 to 56", "the number of
    // fatalities has been revised down from 61 to 52", "raised the toll from
    // 40 to 56". Both the old and the new value are figures of the subject
    // named before the verb, or of the object after it.
    if first > 1
        && (toks[first - 1].is("from")
            || (toks[first - 1].is("to")
                && (first.saturating_sub(6)..first - 1).any(|j| toks[j].is("from")))
            // "was revised down to 26 from 31".
            || (toks[first - 1].is("to")
                && (first.saturating_sub(3)..first - 1).any(|j| toks[j].is_in(List::Change))))
    {
        let from = first.saturating_sub(8);
        if let Some(v) = (from..first - 1)
            .rev()
            .find(|&j| toks[j].is_in(List::Change))
        {
            let clause_start = (0..v)
                .rev()
                .find(|&p| toks[p].is_punct(',') || toks[p].is_punct(';'))
                .map_or(0, |p| p + 1);
            let marked = toks[clause_start..v]
                .iter()
                .any(|t| t.is_in(List::TotalNouns) || t.is_any(&["fatalities", "deaths"]));
            if marked {
                if let Some(c) = first_cue(toks, clause_start, v, first) {
                    return Some(c);
                }
            }
            if let Some(c) = first_cue(toks, v + 1, first - 1, first) {
                return Some(c);
            }
        }
    }
    // The verb may be the qualifier itself ("surpassed 40,000").
    let verb = if toks[first].is_in(List::TollVerbs) {
        first
    } else if k > 0 && toks[k - 1].is_in(List::TollVerbs) {
        k - 1
    } else {
        return None;
    };
    let copula = toks[verb].is_any(&["is", "was", "are", "were"]);
    // The clause before the verb (a time such as "08:15" is not a clause
    // break, nor is a colon inside brackets: "(international name: Trami)").
    let mut depth = 0i32;
    let start = (0..verb)
        .rev()
        .find(|&p| {
            if toks[p].is_punct(')') {
                depth += 1;
            } else if toks[p].is_punct('(') {
                depth -= 1;
            }
            depth <= 0
                && (toks[p].is_punct(';')
                    || (toks[p].is_punct(':')
                        && toks.get(p + 1).is_some_and(|n| n.start > toks[p].end)))
        })
        .map_or(0, |p| p + 1);
    // A subordinate or reported clause starts after its opener: "the mayor
    // said that the number of people sheltering ... was now exceeding
    // 20,000", "as the death toll from the collapse of two dams topped 5,300".
    let start = (start..verb)
        .rev()
        .find(|&p| {
            toks[p].is_in(List::ClauseOpeners)
                && toks
                    .get(p + 1)
                    .is_some_and(|n| n.is_any(&["the", "a", "an", "its", "their"]))
        })
        .map_or(start, |p| p + 1);
    let clause = &toks[start..verb];
    // A copula needs "Among ..." ("Among the dead are …") or "the number of".
    let marked = clause.iter().any(|t| t.is_in(List::TotalNouns));
    let among = clause.iter().take(3).any(|t| t.is("among"));
    // A subject headed by its total may carry a long relative clause: "The
    // number of people who died in the mudslide that swept through Katesh
    // town and nearby villages in Hanang District, Manyara Region, on
    // Sunday morning rose to 68".
    let headed = clause.iter().take(3).any(|t| t.is_in(List::TotalNouns));
    let longest = if headed {
        MAX_HEADED_SUBJECT
    } else {
        MAX_SUBJECT
    };
    if copula && !(among || marked) || clause.len() > longest {
        return None;
    }
    // "The migrants abducted near the border included six minors": the
    // parts of a group a cue names.
    let include = toks[verb].is_any(&["include", "included", "includes"]);
    if !(marked
        || among
        || include
        || clause
            .iter()
            .any(|t| t.is_any(&["deaths", "fatalities", "dead", "wounded", "injured"])))
    {
        return None;
    }
    first_cue(toks, start, verb, first)
}

/// Whether the tokens from `from` to the byte `cue` are all auxiliaries:
/// "have been", "had been", "are being".
fn auxiliaries(toks: &[Token], from: usize, cue: usize) -> bool {
    toks[from..]
        .iter()
        .take_while(|t| t.start < cue)
        .all(|t| t.is_any(AUXILIARIES))
}

/// The auxiliaries of a passive or perfect verb group.
const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "been", "be", "being", "was", "were", "is", "are", "will", "would",
];

/// Nouns of a place whose people "a town of 40,000 people" counts: its
/// population, no figure. (Not "camp": "a camp of 50,000 refugees" is one.)
const POPULATED_PLACES: &[&str] = &[
    "town",
    "city",
    "village",
    "municipality",
    "district",
    "country",
    "nation",
    "region",
    "province",
    "state",
    "island",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "community",
    "settlement",
    "county",
];

/// Singular nouns of a group of people: "one family" counts one group.
const ONE_GROUP: &[&str] = &["family", "household", "clan", "tribe", "group", "community"];

/// Nouns of a level an earlier value names: "down from a peak of 1,700".
const LEVEL_NOUNS: &[&str] = &[
    "peak", "high", "low", "record", "maximum", "minimum", "total",
];

/// Whether the number at `first` is an earlier value of the figure before
/// it: "up from 130", "down from a peak of 1,700", "compared with 173".
fn earlier_value(toks: &[Token], first: usize) -> bool {
    let from = if first >= 4
        && toks[first - 1].is("of")
        && toks[first - 2].is_any(LEVEL_NOUNS)
        && toks[first - 3].is_any(&["a", "the", "its"])
    {
        first - 3
    } else {
        first
    };
    let changed = from >= 2 && toks[from - 1].is("from") && toks[from - 2].is_any(&["up", "down"]);
    // "compared with 173 in the whole of 2024".
    let compared =
        from >= 2 && toks[from - 1].is_any(&["with", "to"]) && toks[from - 2].is("compared");
    changed || compared
}

/// The longest subject of a toll verb, in tokens: further back, a cue
/// belongs to another clause.
const MAX_SUBJECT: usize = 25;

/// The longest subject that starts with its total noun ("The number of
/// people who died in …"): its cue is at its head, however long the rest.
const MAX_HEADED_SUBJECT: usize = 45;

/// Nouns that mark a subject as a stated total: "the number of people
/// killed", "the toll", "the total", "the tally", "the count of the missing".
pub(super) const TOTAL_NOUNS: &[&str] = &["number", "toll", "total", "tally", "count"];

/// Words that open a clause whose subject may be a toll: "said that the
/// number of ...", "as the death toll ... topped".
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "that", "as", "while", "when", "whereas", "said", "says", "saying", "after",
];

/// Verbs that put an estimate at a number: "put the toll at 38".
pub(super) const ESTIMATE: &[&str] = &["put", "puts", "putting", "placed", "places", "placing"];

/// Words between a toll verb and its number: "rose to", "stood at", "has more than doubled to".
pub(super) const WALK_BACK: &[&str] = &[
    "to", "at", "of", "now", "already", "well", "just", "had", "has", "have", "been", "more",
    "than",
];

/// Verbs that carry a subject to a new total: "bringing the toll to 300".
pub(super) const BRING: &[&str] = &[
    "bring", "bringing", "brought", "brings", "raising", "raised", "raises", "pushing", "pushed",
    "taking", "took", "lifting", "lifted", "putting", "put",
];

/// Whether the count at `first` is what a bare total is brought to:
/// "bringing the total to 30", "took the tally to 12" (a verb of [`BRING`],
/// an article, a noun of [`TOTAL_NOUNS`], "to").
fn brought_to_total(toks: &[Token], first: usize) -> bool {
    first >= 4
        && toks[first - 1].is("to")
        && toks[first - 2].is_in(List::TotalNouns)
        && toks[first - 3].is_any(&["the", "its", "their"])
        && toks[first - 4].is_in(List::Bring)
}

/// The first cue in tokens `from..to` (a subject), as governing the number at `first`.
fn first_cue(toks: &[Token], from: usize, to: usize, first: usize) -> Option<Cue4> {
    (from..to).find_map(|at| {
        cue_at(toks, at, |c| c.metric.is_some())
            .map(|(c, n)| (c, toks[at].start, toks[at + n - 1].end, first - at))
    })
}

/// The first token starting at or after `byte` (the last token if none does).
/// Tokens stand in text order, so this is a binary search.
fn token_at(toks: &[Token], byte: usize) -> usize {
    match toks.partition_point(|t| t.start < byte) {
        k if k < toks.len() => k,
        _ => toks.len().saturating_sub(1),
    }
}

/// A cue governing a number that starts at token `first`, looking left.
/// Returns (cue, start byte, end byte, distance in tokens).
fn cue_before(toks: &[Token], first: usize) -> Option<(Cue, usize, usize, usize)> {
    if let Some(found) = estimate_at(toks, first) {
        return Some(found);
    }
    let mut k = first;
    let mut bridged = 0;
    let mut list = false;
    while k > 0 && bridged <= MAX_BRIDGE {
        k -= 1;
        // The longest cue phrase that ends at token k.
        let best = CUE_INDEX
            .may_end_at(toks, k)
            .then(|| {
                CUE_INDEX
                    .ending_at(toks, k)
                    .filter(|&(c, _)| CUES[c].before)
                    .max_by_key(|&(_, n)| n)
            })
            .flatten();
        if let Some((c, n)) = best {
            return Some((CUES[c], toks[k + 1 - n].start, toks[k].end, bridged + 1));
        }
        // A quoted count is the count: had killed "hundreds" of soldiers.
        if toks[k].is_punct('"') && k + 1 == first {
            continue;
        }
        if toks[k].is_in(List::BeforeBridge) {
            list |= toks[k].is("and");
            bridged += 1;
            continue;
        }
        // A list mate before this number: "killed 11 soldiers and two civilians".
        if toks[k].is_punct(',') {
            list = true;
            bridged += 1;
            continue;
        }
        if list
            && (toks[k].is_num()
                || who::is_people(toks, k)
                || toks[k].is_in(List::Forces)
                || toks[k].is_capitalised())
        {
            bridged += 1;
            continue;
        }
        if label_mark(&toks[k]) && k + 1 == first {
            return label_cue(toks, k);
        }
        return None;
    }
    None
}

/// Longest label of a key-figures line, in words: "Civilians injured: 6",
/// "Internally displaced people: 4,000".
const MAX_LABEL: usize = 4;

/// Longest label of a line that is nothing but the label and its count, as
/// a situation report's key-figures box prints them: "Individuals displaced
/// from the site to Malakal town: 5,400".
const MAX_LINE_LABEL: usize = 10;

/// The cue of a key-figures line ("Civilians injured: 6", "- Displaced:
/// 40,000"): a short label of words opening the sentence (after a bullet)
/// and ending in the colon at token `colon`, or a longer one when the count
/// ends the line. A label with no cue (an
/// "Explosions recorded: 734") gives none.
fn label_cue(toks: &[Token], colon: usize) -> Option<(Cue, usize, usize, usize)> {
    let start = toks[..colon].iter().take_while(|t| !t.is_word()).count();
    let longest = if count_ends_line(toks, colon) {
        MAX_LINE_LABEL
    } else {
        MAX_LABEL
    };
    if colon <= start || colon - start > longest || !label_words(&toks[start..colon]) {
        return None;
    }
    // A long label is a noun phrase whose head comes first ("Deaths
    // reported in the site", "Individuals displaced from the site to the
    // town"); a cue deeper in it belongs to a clause ("The officials who
    // spoke about the wounded said: 12").
    let last = if colon - start > MAX_LABEL {
        start + 2
    } else {
        colon
    };
    let cue = (start..last).rev().find_map(|k| {
        cue_at(toks, k, |c| c.after || c.noun)
            .filter(|&(_, n)| k + n <= colon)
            .map(|(c, n)| (c, toks[k].start, toks[k + n - 1].end, colon + 1 - k))
    });
    // "In public shelters: 1,730", "People in collective shelters": where
    // the displaced are housed (not "Shelters destroyed: 240").
    cue.or_else(|| {
        (start..colon)
            .find(|&k| {
                toks[k].is_in(List::ShelterNouns) && toks[start..k].iter().any(|t| t.is("in"))
            })
            .map(|k| (SHELTERED, toks[k].start, toks[k].end, colon + 1 - k))
    })
}

/// The mark between a key figure's label and its count: a colon, or the
/// cell border of a two-column key-figures table ("People displaced inside
/// Lebanon | 1.2 million").
fn label_mark(t: &Token) -> bool {
    t.is_punct(':') || t.is_punct('|')
}

/// Whether a label is words, with perhaps a remark in brackets ("People
/// displaced inside Lebanon (Government estimate)").
fn label_words(label: &[Token]) -> bool {
    let mut depth = 0usize;
    label.iter().all(|t| {
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            return t.is_word();
        }
        true
    }) && depth == 0
}

/// Whether nothing but a count follows the colon at token `colon`: the
/// label's line ends with its count ("Deaths reported in the site: 20").
fn count_ends_line(toks: &[Token], colon: usize) -> bool {
    let rest = &toks[colon + 1..];
    // The count may have its qualifier: "more than 180,000".
    let Some(n) = rest.iter().position(Token::is_num) else {
        return false;
    };
    n <= 3
        && rest[..n].iter().all(Token::is_word)
        && rest[n..].iter().all(|t| t.is_num() || !t.is_word())
}

/// A key-figures line: a label of words after an optional bullet, a colon,
/// and the count that ends the line ("- Civilians killed: 2", "Individuals
/// displaced from the site to Malakal town: 5,400"). Such a line states
/// where a total stands (§4).
pub fn is_labelled_line(toks: &[Token]) -> bool {
    let Some(colon) = toks.iter().position(label_mark) else {
        return false;
    };
    let start = toks[..colon].iter().take_while(|t| !t.is_word()).count();
    colon > start
        && colon - start <= MAX_LINE_LABEL
        && label_words(&toks[start..colon])
        && count_ends_line(toks, colon)
}

/// An estimate put at a number: "put the initial death toll in Komanda at 38",
/// "placed the number of deaths since June 14 at 937" — the cue stands in the
/// object of "put", however long, and the number follows "at".
fn estimate_at(toks: &[Token], first: usize) -> Option<(Cue, usize, usize, usize)> {
    if first == 0 || !toks[first - 1].is("at") {
        return None;
    }
    // The object may be long: "put the number of soldiers killed in
    // Friday's attack on the helicopter in Nasir at 27".
    let from = first.saturating_sub(MAX_BRIDGE + 16);
    let verb = (from..first - 1)
        .rev()
        .find(|&k| toks[k].is_in(List::Estimate))?;
    (verb + 1..first - 1).find_map(|k| {
        if !CUE_INDEX.may_end_at(toks, k) {
            return None;
        }
        let (c, n) = CUE_INDEX
            .ending_at(toks, k)
            // Any cue of a metric: "put the number of dead in the town at 151".
            .filter(|&(c, _)| CUES[c].metric.is_some())
            .max_by_key(|&(_, n)| n)?;
        // The whole cue phrase stands after the verb.
        (k >= n + verb).then(|| (CUES[c], toks[k + 1 - n].start, toks[k].end, first - k))
    })
}

/// A cue after a number's noun phrase, from token `from`, through auxiliaries,
/// asides (", including 12 children,") and list mates ("and three auxiliaries").
fn cue_after(toks: &[Token], from: usize, in_aside: bool) -> Option<(Cue, usize, usize, usize)> {
    let mut k = from;
    let mut bridged = 0;
    let mut may_close_aside = in_aside;
    while k < toks.len() && bridged <= MAX_BRIDGE {
        if let Some(end) = harm_at(toks, k) {
            return Some((HARMED, toks[k].start, toks[end].end, bridged + 1));
        }
        if let Some(end) = shelter_at(toks, k) {
            return Some((SHELTERED, toks[k].start, toks[end].end, bridged + 1));
        }
        if let Some(end) = border_crossed_at(toks, k) {
            return Some((CROSSED, toks[k].start, toks[end].end, bridged + 1));
        }
        if let Some((c, n)) = cue_at(toks, k, |c| c.after || c.noun) {
            // The wounded taken to a hospital are patients, not displaced.
            if c.after && c.metric == Some(Metric::Displaced) && to_hospital(toks, k + n) {
                return None;
            }
            if c.after {
                return Some((c, toks[k].start, toks[k + n - 1].end, bridged + 1));
            }
        }
        let t = &toks[k];
        // A relative clause is the noun's, its verb the sentence's: "a dozen
        // children who fled into the bush were still unaccounted for" (the
        // main verb decides); "12 people who were abducted" (no main verb:
        // the clause does).
        if t.is_any(&["who", "that", "whose"]) {
            // "whose homes were rendered uninhabitable have been evacuated":
            // past the relative's own noun and verb first.
            let from = if t.is("whose") {
                toks[k + 1..]
                    .iter()
                    .take(6)
                    .position(|a| a.is_in(List::AfterBridge))
                    .map_or(k + 1, |p| k + 2 + p)
            } else {
                k + 1
            };
            if let Some(main) = main_verb_after_relative(toks, from) {
                if let Some(c) = cue_after(toks, main, false) {
                    return Some((c.0, c.1, c.2, c.3 + bridged + 1));
                }
            }
        }
        // A bracket after the noun: "185,263 persons (42,526 households) have been displaced".
        if t.is_punct('(') {
            if let Some(close) = toks[k + 1..].iter().take(12).position(|a| a.is_punct(')')) {
                k = k + 2 + close;
                bridged += 1;
                continue;
            }
        }
        // An adverb of manner in the verb group, listed or not: "had been
        // formally arrested".
        let adverb = t.is_word()
            && !t.is_capitalised()
            && t.text.len() > 4
            && t.text.ends_with("ly")
            && !t.is_in(List::Function);
        if t.is_in(List::AfterBridge) || adverb {
            bridged += 1;
            k += 1;
            continue;
        }
        // An age after the noun: "two men aged 41 and 57 were killed".
        if t.is("aged")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_num() || n.is("between"))
        {
            k += 1;
            while toks.get(k).is_some_and(|a| {
                a.is_num() || (reject::age_joiner(a) && toks.get(k + 1).is_some_and(Token::is_num))
            }) {
                k += 1;
            }
            bridged += 1;
            continue;
        }
        // A dash aside: "roughly 400,000 people — between 60,000 and 80,000
        // households — fled Zamzam".
        if is_dash(t) {
            if let Some(close) = toks[k + 1..].iter().take(12).position(is_dash) {
                k = k + 2 + close;
                bridged += 1;
                continue;
            }
        }
        if (t.is_punct(',') || t.is_punct('-') || t.is_punct('('))
            && toks.get(k + 1).is_some_and(|a| a.is_in(List::Aside))
        {
            // Skip the aside to its closing mark; a hyphen inside a word
            // ("a 20-year-old student") closes nothing.
            let close = (k + 1..toks.len().min(k + 17)).position(|x| {
                let a = &toks[x];
                a.is_punct(',') || (a.is_punct('-') && !inside_word(toks, x)) || a.is_punct(')')
            });
            match close {
                Some(c) => {
                    k = k + 2 + c;
                    bridged += 1;
                    continue;
                }
                None => return None,
            }
        }
        // A numeric aside: ", nine of them South African,".
        if t.is_punct(',')
            && toks.get(k + 1).is_some_and(Token::is_num)
            && toks.get(k + 2).is_some_and(|o| o.is("of"))
            && toks.get(k + 3).is_some_and(|o| o.is_any(&["them", "whom"]))
        {
            if let Some(c) = toks[k + 1..].iter().take(10).position(|a| a.is_punct(',')) {
                k = k + 2 + c;
                bridged += 1;
                continue;
            }
        }
        // A prepositional phrase before the verb: "4m people in Yemen have been forced".
        // … or a participle or relative clause: "13 soldiers serving with the mission have been killed".
        let participle = t.is_word() && t.text.ends_with("ing") && !t.is_capitalised();
        if t.is_in(List::Prepositions) || participle || t.is_any(&["who", "that"]) {
            let verb = toks[k + 1..]
                .iter()
                .take(20)
                .position(|a| a.is_in(List::Finite));
            // Words only, or a list mate's number ("10 members of his
            // family and four close associates had been killed"), or a
            // preposition's ("six members of two families"), or one
            // appositive or aside between commas ("10 to 15 residents of
            // Sampaloc, a village in the town, were still unaccounted for",
            // "six members of the family, including three children, were
            // abducted").
            let clean = |end: usize| {
                let span = &toks[k + 1..k + 1 + end];
                let mut commas = (0..span.len()).filter(|&x| span[x].is_punct(','));
                let aside = match (commas.next(), commas.next(), commas.next()) {
                    (None, _, _) => Some(0..0),
                    (Some(a), Some(b), None) => (b == span.len() - 1
                        && span.get(a + 1).is_some_and(|d| d.is_in(List::Aside)))
                    .then_some(a..b),
                    _ => None,
                };
                aside.is_some_and(|aside| {
                    span.iter().enumerate().all(|(x, a)| {
                        a.is_word()
                            || a.is_punct('.')
                            || a.is_punct('-')
                            || a.is_punct(',')
                            || aside.contains(&x)
                            || (a.is_num()
                                && (toks[k + x].is("and") || toks[k + x].is_in(List::Prepositions)))
                    })
                })
            };
            if let Some(v) = verb.filter(|&v| v > 0 && clean(v)) {
                k = k + 1 + v;
                bridged += 1;
                continue;
            }
            // Or the cue's own verb: "nine members of his family drowned".
            let cue_verb = (k + 1..toks.len().min(k + 9))
                .find(|&j| cue_at(toks, j, |c| c.after && c.metric.is_some()).is_some());
            if let Some(j) = cue_verb.filter(|&j| j > k + 1 && clean(j - k - 1)) {
                k = j;
                bridged += 1;
                continue;
            }
        }
        if may_close_aside && (t.is_punct(',') || t.is_punct('-') || t.is_punct(')')) {
            may_close_aside = false;
            k += 1;
            continue;
        }
        // A total the number is part of: "three children were among the 14
        // people killed".
        if t.is_num() && k >= 2 && toks[k - 1].is("the") && toks[k - 2].is("among") {
            let total = who::noun_phrase(toks, k);
            match total.head {
                // "the 14 killed", "the 14 people killed": the total's noun is the cue.
                Head::Cue(c) if c.metric.is_some() => {
                    let end = toks[total.end].end;
                    let start = toks[total.end].start;
                    return Some((c, start, end, bridged + 1));
                }
                Head::Person | Head::Force | Head::Elliptical => {
                    k = total.end + 1;
                    bridged += 1;
                    continue;
                }
                _ => {}
            }
        }
        // A list mate: "31 soldiers and three auxiliaries were killed",
        // "Ten girls and a counsellor remain missing", "21 of its officials
        // and military officers have been detained".
        let counted = toks
            .get(k + 1)
            .is_some_and(|m| m.is_num() || m.is_any(&["a", "an", "one"]));
        if (t.is("and") || (t.is_punct(',') && counted))
            && toks.get(k + 1).is_some_and(|m| m.is_num() || m.is_word())
        {
            // A counted mate's phrase follows its number; a bare one follows "and".
            let mate = who::noun_phrase(toks, if counted { k + 1 } else { k });
            if matches!(mate.head, Head::Person | Head::Force) {
                k = mate.end + 1;
                bridged += 1;
                continue;
            }
        }
        return None;
    }
    None
}

/// Finite verbs that open the verb group a noun phrase's cue follows:
/// "4m people in Yemen have been forced", "children who fled ... were".
pub(super) const FINITE: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "remain", "remained", "remains",
];

/// Where the main clause's verb group starts after a relative clause that
/// opens at token `from` ("who fled into the bush | were still ..."): the
/// clause's own verb, then words only, then a finite verb. `None` when the
/// relative clause ends the sentence or a clause.
fn main_verb_after_relative(toks: &[Token], from: usize) -> Option<usize> {
    // The relative clause's own verb group comes first: skip it.
    let mut k = from;
    while toks.get(k).is_some_and(|t| t.is_in(List::AfterBridge)) {
        k += 1;
    }
    let rest = toks.get(k + 1..)?;
    let at = rest
        .iter()
        .take(12)
        .position(|t| !t.is_word() || t.is_in(List::Finite))?;
    (rest[at].is_in(List::Finite)).then_some(k + 1 + at)
}

/// Whether the cue at bytes `start..end` is joined by "or"/"and" to
/// another cue of a different metric, either way round.
fn two_metrics(toks: &[Token], start: usize, end: usize, metric: Option<Metric>) -> bool {
    // The cue's first and last tokens (tokens stand in text order).
    let first = toks.partition_point(|t| t.start < start);
    let last = toks.partition_point(|t| t.end <= end);
    if first == toks.len() || last == 0 {
        return false;
    }
    let last = last - 1;
    let other = |at: usize| {
        cue_at(toks, at, |c| c.metric.is_some()).is_some_and(|(c, _)| c.metric != metric)
    };
    let joiner = |at: usize| toks.get(at).is_some_and(|t| t.is_any(&["or", "and"]));
    // After: "killed or wounded", "died or gone missing".
    if joiner(last + 1) {
        let mut k = last + 2;
        if toks
            .get(k)
            .is_some_and(|t| t.is_any(&["gone", "been", "were", "went", "got"]))
        {
            k += 1;
        } else if toks[last + 1].is("or")
            && toks
                .get(k)
                .is_some_and(|t| t.is_any(&["had", "have", "has"]))
        {
            // "had been killed or had disappeared" (but "wounded and have
            // been evacuated" is a second predicate of the same people).
            k += 1;
        }
        if other(k) {
            return true;
        }
    }
    // Before: "wounded or killed" (but not another count's noun: "962
    // deaths and 1,452 missing migrants").
    first >= 2
        && joiner(first - 1)
        && !(first >= 3 && toks[first - 3].is_num())
        && CUE_INDEX
            .ending_at(toks, first - 2)
            .any(|(c, _)| CUES[c].metric.is_some() && CUES[c].metric != metric)
}

/// A dash around an aside: an em or en dash, or a hyphen with spaces
/// around it (the tokenizer reads all three as '-').
fn is_dash(t: &Token) -> bool {
    t.is_punct('-') && t.text != "-"
}

/// A harm complement at token `k` ("with protest-related injuries",
/// "treated for gunshot wounds", "with burns and fractures"): up to two
/// modifiers, then a noun of [`INJURIES`]. Its last token.
fn harm_at(toks: &[Token], k: usize) -> Option<usize> {
    let is = |j: usize, words: &[&str]| toks.get(j).is_some_and(|t| t.is_any(words));
    // "taken to hospital with burns", "brought in with injuries": where the
    // injury noun may start.
    let to_hospital = |j: usize| {
        if is(j + 1, &["to"]) && is(j + 2, &["hospital", "hospitals"]) && is(j + 3, &["with"]) {
            Some(j + 4)
        } else if is(j + 1, &["in"]) && is(j + 2, &["with"]) {
            Some(j + 3)
        } else {
            None
        }
    };
    let from = if toks[k].is("with") {
        k + 1
    } else if toks[k].is("for") && (k.saturating_sub(5)..k).any(|j| toks[j].is_in(List::HarmVerbs))
    {
        // "treated 63 people for gunshot wounds": the verb before the people.
        k + 1
    } else if toks[k].is_in(List::HarmVerbs) && toks.get(k + 1)?.is_any(&["for", "with"]) {
        k + 2
    } else if toks[k].is_any(HARM_TAKING) {
        k + 1
    } else if toks[k].is_in(List::HarmVerbs) && is(k + 1, &["at", "in", "to"]) {
        // "still being treated at the regional hospital", "admitted to
        // hospital": a hospital's patients are the injured, whatever hurt them.
        // The hospital may be named: "at Sawla General Hospital".
        return hospital_within(toks, k + 2);
    } else if toks[k].is_in(List::ToHospital) {
        to_hospital(k)?
    } else {
        return None;
    };
    noun_after_modifiers(toks, from, |t| t.is_in(List::Injuries))
}

/// The token at `from` or after up to two modifiers (lower-case content
/// words: "protest-related", "evacuation"), perhaps coordinated ("gunshot
/// and shrapnel wounds"), that is the noun `is_noun` asks for.
fn noun_after_modifiers(
    toks: &[Token],
    from: usize,
    is_noun: impl Fn(&Token) -> bool,
) -> Option<usize> {
    let mut modifiers = 0;
    for j in from..from + 4 {
        let t = toks.get(j)?;
        if is_noun(t) {
            return Some(j);
        }
        if modifiers > 0 && t.is_any(&["and", "or"]) {
            continue;
        }
        let modifier = t.is_word() && !t.is_capitalised() && !t.is_in(List::Function);
        if !modifier || modifiers == 2 {
            return None;
        }
        modifiers += 1;
    }
    None
}

/// A shelter complement at token `k` ("staying in 14 shelters", "housed in
/// eight evacuation centres"): a verb of [`SHELTER_VERBS`](super::lexicon::SHELTER_VERBS),
/// "in", perhaps a count of the places and two modifiers, then a noun of
/// [`SHELTER_NOUNS`](super::lexicon::SHELTER_NOUNS).
/// Its last token.
fn shelter_at(toks: &[Token], k: usize) -> Option<usize> {
    // "moved to 236 shelters", "relocated to temporary shelters": a move's
    // destination, as "staying in" is a stay's place.
    let moved = toks[k].is_in(List::ShelterMoves) && toks.get(k + 1)?.is_any(&["to", "into"]);
    // "forced 2.4 million people into shelters": the destination right
    // after the people.
    if toks[k].is("into") {
        return noun_after_modifiers(toks, k + 1, |t| t.is_in(List::ShelterNouns));
    }
    let at_in = if toks[k].is_in(List::ShelterVerbs) || moved {
        k + 1
    } else {
        span_of_stay(toks, k)?
    };
    if !(moved || toks.get(at_in)?.is("in")) {
        return None;
    }
    let mut from = at_in + 1;
    if toks.get(from).is_some_and(Token::is_num) {
        from += 1;
    }
    noun_after_modifiers(toks, from, |t| t.is_in(List::ShelterNouns))
}

/// A border crossing at token `k`: "crossed at the Fassala border point",
/// "crossed through the Masnaa crossing" ("crossed the border" and
/// "crossed into" are cues of their own). Its last token.
fn border_crossed_at(toks: &[Token], k: usize) -> Option<usize> {
    if !toks[k].is("crossed") || !toks.get(k + 1)?.is_any(&["at", "through", "via"]) {
        return None;
    }
    (k + 2..toks.len().min(k + 8))
        .take_while(|&j| !toks[j].is_punct(',') && !toks[j].is_punct('.'))
        .find(|&j| toks[j].is_any(&["border", "crossing", "frontier"]))
}

/// After "spent" at token `k`, the token past the span of time the verb
/// takes: "spent Monday night in evacuation centres", "spent two nights in
/// camps" are shelter complements as "staying in" is.
fn span_of_stay(toks: &[Token], k: usize) -> Option<usize> {
    if !toks[k].is_any(&["spent", "spend", "spending"]) {
        return None;
    }
    let span = toks[k + 1..]
        .iter()
        .take(3)
        .take_while(|t| {
            t.is_num()
                || t.is_in(List::StaySpan)
                || super::date::WEEKDAYS
                    .iter()
                    .any(|&(w, _)| w.len() > 3 && t.is(w))
        })
        .count();
    (span > 0).then_some(k + 1 + span)
}

/// Token `x` touches the tokens on both sides: a hyphen joining "20" and
/// "year-old", not a dash setting off an aside.
fn inside_word(toks: &[Token], x: usize) -> bool {
    x > 0
        && toks[x - 1].end == toks[x].start
        && toks.get(x + 1).is_some_and(|n| n.start == toks[x].end)
}

/// Words that deploy a force (§2 `troops`).
pub(super) const DEPLOY: &[&str] = &[
    "flown",
    "airlifted",
    "deployed",
    "deploy",
    "deploys",
    "deploying",
    "deployment",
    "stationed",
    "sent",
    "send",
    "sends",
    "sending",
    "dispatched",
    "dispatch",
    "dispatches",
    "ordered",
    "mobilised",
    "mobilized",
    "mobilising",
    "mobilizing",
    "reinforcements",
    "reinforce",
    "reinforced",
    "rushed",
    "field",
    "fields",
    "fielding",
    "include",
    "includes",
    "including",
    "contingent",
    "force",
    "arrived",
    "arrive",
    "arrives",
    "arriving",
    // A mission's troop contributors: "Burundi, which had contributed more
    // than 2,000 soldiers", "the largest contributor with 4,500 troops".
    "contributed",
    "contributes",
    "contributor",
    "contributors",
    // "had moved about 1,200 troops into Mangan district".
    "moved",
    "moving",
    "posted",
    "based",
    "garrison",
    "buildup",
    "surge",
];

/// The first word of the sentence that deploys a force (§2 `troops`), if any.
fn deployment_in(toks: &[Token]) -> Option<usize> {
    toks.iter().position(|t| t.is_in(List::Deploy))
}

/// A projection word in tokens `from..to` (§2: "could reach thousands").
fn projection(toks: &[Token], from: usize, to: usize) -> bool {
    // Capitalised "May" and "Will" are a month and a name, not modal verbs.
    toks[from..to.min(toks.len())]
        .iter()
        .any(|t| t.is_in(List::Projections) && !(t.is_capitalised() && t.is_any(&["may", "will"])))
}

/// A rate after the noun phrase, in its clause: "630 people cross daily",
/// "500 a day", "13 people are murdered in KwaZulu-Natal every day".
/// A rate adjective before a noun is not one: "killed in a weekly market".
fn rate_after(toks: &[Token], from: usize) -> bool {
    (from..(from + 10).min(toks.len()))
        .take_while(|&k| !toks[k].is_punct(',') && !toks[k].is_punct(';') && !toks[k].is_punct('.'))
        .any(|k| {
            RATE_INDEX.starting_at(toks, k).any(|(_, len)| {
                !modifies_noun(toks, k + len - 1)
                    // "up from 145 a day earlier": a time, not a rate.
                    && !toks
                        .get(k + len)
                        .is_some_and(|t| t.is_any(&["earlier", "later", "before", "after", "ago"]))
            }) && !(k > 0 && toks[k - 1].is_in(List::DurationBefore))
        })
}

/// Whether the rate word at `k` is an adjective before a noun (see [`RATE_ADJECTIVES`]).
fn modifies_noun(toks: &[Token], k: usize) -> bool {
    toks[k].is_any(RATE_ADJECTIVES)
        && toks.get(k + 1).is_some_and(|n| {
            n.is_word()
                && !n.is_in(List::Function)
                && !n.is_in(List::Prepositions)
                && !n.is_any(RATE_NOUNS)
        })
}

fn hint(toks: &[Token], bound: &Bound, np_end: usize, cue: (usize, usize)) -> Hint {
    let cue_tok = token_at(toks, cue.0);
    let lo = bound.first.min(cue_tok).saturating_sub(4);
    let hi = (np_end.max(cue_tok) + 6).min(toks.len());
    let window = &toks[lo..hi];
    // The auxiliary may stand before a first, coordinated verb: "has flattened … and displaced".
    let clause_start = toks[..cue_tok]
        .iter()
        .rposition(|t| t.is_punct(',') || t.is_punct(';'))
        .map_or(0, |p| p + 1);
    // "they had detained two men" is reported speech for a past event, while
    // "670 people had died" and "it has killed 17,000" report standing totals.
    let active_before = cue_tok < bound.first;
    let is_perfect =
        |t: &Token| t.is_in(List::Perfect) || (t.is_in(List::Pluperfect) && !active_before);
    let perfect = window.iter().any(is_perfect)
        || toks[clause_start.max(cue_tok.saturating_sub(10))..cue_tok]
            .iter()
            .any(is_perfect);
    // A standing count: "are sheltering", "remain missing", "were missing", "hosts 3.6 million".
    // So is a lasting state right after the noun, as a reduced relative:
    // "with 1,231 soldiers deployed", "40,000 US forces already stationed
    // in the region" (a named day still makes it that day's event).
    let after = np_end + 1 + usize::from(toks.get(np_end + 1).is_some_and(|t| t.is("already")));
    let reduced = toks.get(after).is_some_and(|t| t.is_in(List::Stative));
    let stative_past = reduced
        || window
            .windows(2)
            .any(|w| w[0].is_in(List::PastBe) && w[1].is_in(List::Stative));
    let present = stative_past || window.iter().any(|t| t.is_in(List::Present));
    let total = (lo..hi).any(|k| !toks[k].is("since") && CUMULATIVE_INDEX.any_at(toks, k));
    let increment = toks
        .get(bound.number + 1)
        .is_some_and(|t| t.is_in(List::Increment))
        || (bound.first > 0 && toks[bound.first - 1].is_any(&["another", "additional", "further"]));
    Hint {
        perfect,
        present,
        total,
        increment,
        stative_past,
        earlier: false,
        gapped: false,
    }
}

/// Present-tense verbs of a standing count.
pub(super) const PRESENT: &[&str] = &[
    "are",
    "is",
    "remain",
    "remains",
    "still",
    "hosts",
    "host",
    "shelters",
    "houses",
    "holds",
    "keeps",
    "counts",
    "totals",
    "numbers",
    "remained",
    "hosting",
    "housing",
    "sheltering",
    "living",
    "staying",
];

/// Auxiliaries of the present perfect: "have been killed", "it has displaced".
pub(super) const PERFECT: &[&str] = &["have", "has", "'ve"];

/// Auxiliaries of the past perfect: "670 people had died".
pub(super) const PLUPERFECT: &[&str] = &["had", "'d"];

/// The past of "be" before a lasting state: "were missing".
pub(super) const PAST_BE: &[&str] = &["were", "was"];

/// States that last: "were missing", "were displaced", "were deployed".
pub(super) const STATIVE: &[&str] = &[
    "missing",
    "displaced",
    "homeless",
    "deployed",
    "stationed",
    "held",
    "unaccounted",
    "sheltering",
    "living",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, &'static str, u64, &'static str)> {
        figures_in(s, &[])
            .into_iter()
            .map(|f| {
                (
                    s[f.start..f.end].to_string(),
                    f.metric.as_str(),
                    f.value,
                    f.qualifier.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn cues_before_after_and_as_noun() {
        assert_eq!(
            figs("Troops killed 10 people in Jenin."),
            vec![("10".into(), "killed", 10, "exact")]
        );
        assert_eq!(
            figs("A total of 46,006 Palestinians have been killed and 109,378 wounded."),
            vec![
                ("A total of 46,006".into(), "killed", 46006, "exact"),
                ("109,378".into(), "injured", 109378, "exact")
            ]
        );
        assert_eq!(
            figs("More than 40,000 have been displaced."),
            vec![("More than 40,000".into(), "displaced", 40000, "more_than")]
        );
        assert_eq!(
            figs("Some 100 hostages are still inside Gaza."),
            vec![("Some 100".into(), "abducted", 100, "approx")]
        );
        assert_eq!(
            figs("It displaced around 90% of its 2.3 million people."),
            vec![(
                "around 90% of its 2.3 million".into(),
                "displaced",
                2070000,
                "approx"
            )]
        );
    }

    #[test]
    fn lists_and_subcounts() {
        assert_eq!(
            figs("At least 31 soldiers and three auxiliaries were killed."),
            vec![
                ("At least 31".into(), "killed", 31, "at_least"),
                ("three".into(), "killed", 3, "exact")
            ]
        );
        assert_eq!(
            figs("The strike killed 46 people, including 12 children."),
            vec![
                ("46".into(), "killed", 46, "exact"),
                ("12".into(), "killed", 12, "exact")
            ]
        );
        // A new conjunct with its own verb takes that verb's cue.
        assert_eq!(
            figs("Five people were killed and three others were wounded."),
            vec![
                ("Five".into(), "killed", 5, "exact"),
                ("three".into(), "injured", 3, "exact")
            ]
        );
        assert_eq!(
            figs("Rebels killed 12 villagers, and 30 were abducted."),
            vec![
                ("12".into(), "killed", 12, "exact"),
                ("30".into(), "abducted", 30, "exact")
            ]
        );
        // A singular agrees with a count of one.
        assert_eq!(
            figs("Two soldiers and one police officer were killed."),
            vec![
                ("Two".into(), "killed", 2, "exact"),
                ("one".into(), "killed", 1, "exact")
            ]
        );
        assert_eq!(
            figs("Three children were among the 14 people killed."),
            vec![
                ("Three".into(), "killed", 3, "exact"),
                ("14".into(), "killed", 14, "exact")
            ]
        );
        assert!(figures_in("Three children were among the 14 killed.", &[])[0].subcount);
        assert_eq!(
            figs("One vendor died."),
            vec![("One".into(), "killed", 1, "exact")]
        );
    }

    #[test]
    fn taken_prisoner_or_captive() {
        assert_eq!(
            figs("Its fighters had taken 12 Russian soldiers prisoner near Borova."),
            vec![("12".into(), "detained", 12, "exact")]
        );
        assert_eq!(
            figs("Militants took at least 30 villagers captive."),
            vec![("at least 30".into(), "abducted", 30, "at_least")]
        );
        assert_eq!(
            figs("The RSF had taken 120 fighters from army-allied militias prisoner."),
            vec![("120".into(), "detained", 120, "exact")]
        );
        assert!(figs("The army has taken 12 villages.").is_empty());
    }

    #[test]
    fn fronted_partitives_name_the_group() {
        assert_eq!(
            figs("Of those hostages, 116 remain in Gaza."),
            vec![("116".into(), "abducted", 116, "exact")]
        );
        assert_eq!(
            figs("Of the dead, 12 were children."),
            vec![("12".into(), "killed", 12, "exact")]
        );
        // The group after a copula, and a relative clause as the cue.
        let all = super::super::figures(&crate::Document::new(
            "t",
            chrono::NaiveDate::from_ymd_opt(2024, 8, 1),
            "Of the 256 people who have died, 29 are children.",
        ));
        let sub: Vec<_> = all.iter().map(|f| (f.value, f.who.as_deref())).collect();
        assert_eq!(sub, [(256, Some("people")), (29, Some("children"))]);
    }

    #[test]
    fn non_figures() {
        assert!(figs("Hundreds of thousands are packed into tent camps.").is_empty());
        assert!(figs("The army had hit over 10 terrorists.").is_empty());
        assert!(figs("Rescuers freed 40 people trapped under rubble.").is_empty());
        assert!(figs("The toll could reach 10,000.").is_empty());
        assert!(figs("About 630 people cross daily.").is_empty());
        assert!(figs("Soldiers killed in three military bases.").is_empty());
        assert!(figs("It reported 12 casualties.").is_empty());
    }

    /// The dates only skip the numbers inside them: read without them, a
    /// sentence gives the same figures unless one takes in a date's span
    /// (the extractor reads again then), and each figure's span takes in
    /// its number.
    #[test]
    fn dates_change_only_the_figures_over_them() {
        use super::super::date::{dates, DateOrder};
        let published = chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap();
        for s in [
            "On 24 January 2019, 10 people were killed.",
            "Troops killed 10 people on Tuesday.",
            "Since Oct. 7, 2023, 46,000 Palestinians have been killed.",
            "The toll rose to 300 by 5 March, up from 120 on 1 March.",
            "12 people died on 12 March and 3 on 13 March.",
            "Between March 1 and 15, 2,000 people fled.",
        ] {
            let toks = tokens(s);
            let found = dates(s, published, DateOrder::default());
            let with = figures_with_tokens(s, &toks, &found);
            let without = figures_with_tokens(s, &toks, &[]);
            let over = |f: &Found| found.iter().any(|d| d.start < f.end && f.start < d.end);
            if !without.iter().any(over) {
                assert_eq!(with, without, "{s}");
            }
            for f in with.iter().chain(&without) {
                assert!(toks
                    .iter()
                    .any(|t| t.is_num() && f.start <= t.start && t.end <= f.end));
            }
        }
    }

    #[test]
    fn key_figures_lines() {
        assert_eq!(
            figs("- Civilians wounded: 7"),
            vec![("7".into(), "injured", 7, "exact")]
        );
        assert_eq!(
            figs("Displaced: 40,000"),
            vec![("40,000".into(), "displaced", 40000, "exact")]
        );
        // A label with no cue, or a long clause before a colon, is no key figure.
        assert!(figs("- Shelling incidents recorded: 311").is_empty());
        assert!(figs("The officials who spoke about the wounded said: 12").is_empty());
        // A long label when the count ends the line, its head first.
        assert_eq!(
            figs("Deaths reported in Malakal PoC site: 20"),
            vec![("20".into(), "killed", 20, "exact")]
        );
        assert!(figs("People in the camp who said they had been wounded: 12").is_empty());
    }

    #[test]
    fn verb_groups_and_determiners() {
        assert_eq!(
            figs("Four reporters had been briefly detained."),
            vec![("Four".into(), "detained", 4, "exact")]
        );
        assert_eq!(
            figs("Police arrested his three brothers."),
            vec![("three".into(), "detained", 3, "exact")]
        );
        // Ages after the noun are passed over, and are no figures.
        assert_eq!(
            figs("Two women aged 30 and 45 were killed."),
            vec![("Two".into(), "killed", 2, "exact")]
        );
        assert_eq!(
            figs("Two women and 45 men were killed."),
            vec![
                ("Two".into(), "killed", 2, "exact"),
                ("45".into(), "killed", 45, "exact")
            ]
        );
    }

    #[test]
    fn a_new_conjunct_keeps_its_verb_past_an_aside() {
        assert_eq!(
            figs("Three soldiers were killed and five people, including a 10-year-old boy, were wounded."),
            vec![
                ("Three".into(), "killed", 3, "exact"),
                ("five".into(), "injured", 5, "exact")
            ]
        );
        // No verb after the aside: the verb before governs.
        let f = figs("Gunmen killed three soldiers and five people, including a boy, on Monday.");
        assert_eq!(f[1], ("five".into(), "killed", 5, "exact"));
    }

    #[test]
    fn relative_clauses_name_what_befell_the_people() {
        assert_eq!(
            figs("Troops freed all 20 passengers who were abducted from a bus on Friday."),
            vec![("20".into(), "abducted", 20, "exact")]
        );
        assert!(figs("Troops freed all 20 passengers from a bus on Friday.").is_empty());
        // The wounded taken to a hospital are patients, not displaced.
        assert_eq!(
            figs("Some 30 people who were injured in the attack have been evacuated to the district hospital."),
            vec![("Some 30".into(), "injured", 30, "approx")]
        );
        assert_eq!(
            figs("Some 30 people have been evacuated to the district capital."),
            vec![("Some 30".into(), "displaced", 30, "approx")]
        );
    }

    #[test]
    fn the_parts_a_group_included() {
        assert_eq!(
            figs("The passengers abducted near the border included four minors and seven women."),
            vec![
                ("four".into(), "abducted", 4, "exact"),
                ("seven".into(), "abducted", 7, "exact")
            ]
        );
        assert!(figs("The passengers on the bus included four minors.").is_empty());
    }

    #[test]
    fn a_number_inside_a_name_is_no_count() {
        assert_eq!(
            figs("Police detained 12 suspected Calle 18 members."),
            vec![("12".into(), "detained", 12, "exact")]
        );
    }

    #[test]
    fn troops_need_a_force_and_a_deployment() {
        assert_eq!(
            figs("The province deployed about 2,000 Rangers and police officers."),
            vec![("about 2,000".into(), "troops", 2000, "approx")]
        );
        assert_eq!(
            figs("Over 15,000 Turkish soldiers have deployed."),
            vec![("Over 15,000".into(), "troops", 15000, "more_than")]
        );
        assert_eq!(
            figs("12 soldiers were killed."),
            vec![("12".into(), "killed", 12, "exact")]
        );
        assert!(figs("The ministry sent 10 people to hospital.").is_empty());
    }
}
