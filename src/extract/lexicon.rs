//! The word tables of the figure grammar, one table per kind of word. Rules
//! in [`link`](super::link) refer to these tables and never spell words
//! themselves, so the grammar can grow by adding rows.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::token::{any_word, char_at, word_key, Sieve, Token, WORD_KEY_LEN};
use super::Metric;

/// Where a cue can stand relative to the number it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The words, lower case, separated by single spaces.
    pub phrase: &'static str,
    /// The metric; `None` marks an anti-cue: a fate that is not a figure (§2:
    /// rescued, freed, trapped, "casualties" spanning two metrics…).
    pub metric: Option<Metric>,
    /// Governs a number after it: "killing 10", "the death toll rose to 300".
    pub before: bool,
    /// Governs a number before it, through a verb group: "10 people were killed", "10 died".
    pub after: bool,
    /// Can be the counted noun itself: "109,378 wounded", "100 hostages", "23 dead".
    pub noun: bool,
}

const fn cue(
    phrase: &'static str,
    metric: Option<Metric>,
    before: bool,
    after: bool,
    noun: bool,
) -> Cue {
    Cue {
        phrase,
        metric,
        before,
        after,
        noun,
    }
}

use Metric::{
    Abducted as A, Detained as Dt, Displaced as D, Injured as I, Killed as K, Missing as M,
    Troops as T,
};

/// The cue lexicon (§2), inflections spelled out. Longer phrases are tried
/// first, so "death toll" wins over "toll" and "taken hostage" over "hostage".
/// Troop cues only count when the counted noun is a force ([`FORCES`]).
pub const CUES: &[Cue] = &[
    // killed
    cue("killed", Some(K), true, true, true),
    cue("killing", Some(K), true, false, false),
    cue("kill", Some(K), true, false, false),
    cue("kills", Some(K), true, false, false),
    cue("dead", Some(K), false, true, true),
    cue("died", Some(K), false, true, false),
    cue("have died", Some(K), false, true, false),
    cue("perished", Some(K), false, true, false),
    cue("deaths", Some(K), true, false, true),
    cue("death", Some(K), false, false, true),
    cue("death toll", Some(K), true, false, false),
    cue("toll", Some(K), true, false, false),
    cue("fatalities", Some(K), true, false, true),
    cue("lives", Some(K), false, false, true),
    cue("lost their lives", Some(K), false, true, false),
    // "the fire claimed the lives of 9 children": the dead counted after "of".
    cue("claimed the lives of", Some(K), true, false, false),
    cue("claiming the lives of", Some(K), true, false, false),
    cue("took the lives of", Some(K), true, false, false),
    cue("cost the lives of", Some(K), true, false, false),
    cue("bodies", Some(K), false, false, true),
    // "recovered the bodies of 19 people": the dead counted after "of".
    cue("bodies of", Some(K), true, false, false),
    cue("executed", Some(K), true, true, false),
    cue("executing", Some(K), true, false, false),
    cue("massacred", Some(K), true, true, false),
    cue("killings", Some(K), true, false, false),
    cue("execution", Some(K), true, false, false),
    cue("executions", Some(K), true, false, false),
    cue("murdered", Some(K), true, true, false),
    cue("slain", Some(K), false, true, false),
    // "gunmen shot dead at least 31 men", "five were shot dead".
    cue("shot dead", Some(K), true, true, false),
    cue("shot and killed", Some(K), true, true, false),
    cue("stabbed to death", Some(K), true, true, false),
    // "claimed one life": the singular of "lives".
    cue("life", Some(K), false, false, true),
    cue("beheaded", Some(K), true, true, false),
    // South Asian usage for soldiers killed: "two soldiers were martyred".
    cue("martyred", Some(K), false, true, false),
    cue("burned to death", Some(K), false, true, false),
    cue("drowned", Some(K), false, true, false),
    // "two were found dead by a stream".
    cue("found dead", Some(K), false, true, false),
    // "a boat capsized, drowning seven people".
    cue("drowning", Some(K), true, false, false),
    // injured
    cue("wounded", Some(I), true, true, true),
    cue("wounding", Some(I), true, false, false),
    cue("injured", Some(I), true, true, true),
    cue("injuring", Some(I), true, false, false),
    cue("shot and wounded", Some(I), true, true, false),
    cue("shot and injured", Some(I), true, true, false),
    // "11 more patients with gunshot wounds".
    cue("with gunshot wounds", Some(I), false, true, false),
    cue("with bullet wounds", Some(I), false, true, false),
    cue("with injuries", Some(I), false, true, false),
    cue("with serious injuries", Some(I), false, true, false),
    cue("with minor injuries", Some(I), false, true, false),
    cue("with critical injuries", Some(I), false, true, false),
    cue("hurt", Some(I), false, true, false),
    cue("injuries", Some(I), false, true, false),
    cue("wounds", Some(I), false, true, false),
    cue("injury", Some(I), false, true, false),
    cue("sustained injuries", Some(I), false, true, false),
    cue("suffered injuries", Some(I), false, true, false),
    // displaced
    cue("displaced", Some(D), true, true, true),
    cue("displacing", Some(D), true, false, false),
    cue("internally displaced", Some(D), false, true, true),
    cue("fled", Some(D), false, true, false),
    cue("flee", Some(D), false, true, false),
    cue("fleeing", Some(D), false, true, false),
    cue("refugees", Some(D), false, false, true),
    // "750,000 Central Africans are living as refugees": the complement
    // says what they are, over "living" (no figure on its own).
    cue("living as refugees", Some(D), false, true, false),
    cue("as refugees", Some(D), false, true, false),
    cue("evacuated", Some(D), true, true, false),
    cue("evacuating", Some(D), true, false, false),
    cue("evacuees", Some(D), false, false, true),
    // Internally displaced persons, as aid agencies write it: "3,800 IDPs".
    cue("idps", Some(D), false, false, true),
    cue("uprooted", Some(D), true, true, false),
    cue("uprooting", Some(D), true, false, false),
    cue("homeless", Some(D), false, true, false),
    cue("forced from their homes", Some(D), false, true, false),
    cue("forced out of their homes", Some(D), false, true, false),
    cue("forced to flee", Some(D), false, true, false),
    cue("driven from their homes", Some(D), false, true, false),
    cue("crossed the border", Some(D), false, true, false),
    cue("crossed into", Some(D), false, true, false),
    cue("sought refuge", Some(D), false, true, false),
    cue("sought shelter", Some(D), false, true, false),
    cue("taken shelter", Some(D), false, true, false),
    cue("took shelter", Some(D), false, true, false),
    cue("taking shelter", Some(D), false, true, false),
    cue("taken refuge", Some(D), false, true, false),
    cue("took refuge", Some(D), false, true, false),
    cue("taking refuge", Some(D), false, true, false),
    // An evacuation order's subjects: "25,000 residents were ordered out of the park".
    cue("ordered out", Some(D), false, true, false),
    cue("sheltering", Some(D), false, true, false),
    // A standing count where the displaced are housed: "150,000 people in
    // evacuation centres" (moves to shelters are read by the link grammar's
    // shelter complement, with [`SHELTER_MOVES`]).
    cue("in evacuation centres", Some(D), false, true, false),
    cue("in evacuation centers", Some(D), false, true, false),
    cue("in evacuation shelters", Some(D), false, true, false),
    cue("in relief camps", Some(D), false, true, false),
    cue("in displacement camps", Some(D), false, true, false),
    cue("from their homes", Some(D), false, true, false),
    cue("out of their homes", Some(D), false, true, false),
    cue("from their villages", Some(D), false, true, false),
    // A refugee agency's count of people who crossed in: "9,870 new arrivals".
    cue("new arrivals", Some(D), false, false, true),
    cue("evacuation", Some(D), true, false, false),
    cue("displacement", Some(D), true, false, false),
    cue("exodus", Some(D), true, false, false),
    // troops (need a force noun)
    cue("deployed", Some(T), true, true, false),
    cue("deploying", Some(T), true, false, false),
    cue("deploy", Some(T), true, false, false),
    cue("deploys", Some(T), true, false, false),
    cue("stationed", Some(T), false, true, false),
    cue("mobilised", Some(T), true, true, false),
    cue("mobilized", Some(T), true, true, false),
    cue("mobilise", Some(T), true, false, false),
    cue("mobilize", Some(T), true, false, false),
    cue("mobilising", Some(T), true, false, false),
    cue("mobilizing", Some(T), true, false, false),
    cue("dispatching", Some(T), true, false, false),
    cue("dispatch", Some(T), true, false, false),
    cue("dispatched", Some(T), true, true, false),
    cue("sent", Some(T), true, true, false),
    cue("sending", Some(T), true, false, false),
    cue("send", Some(T), true, false, false),
    // Headline present: "Guatemala sends 1,200 troops to border".
    cue("sends", Some(T), true, false, false),
    cue("dispatches", Some(T), true, false, false),
    // A force in place: "the total posted around Mendiola".
    cue("posted", Some(T), false, true, false),
    // detained
    cue("detained", Some(Dt), true, true, false),
    cue("detaining", Some(Dt), true, false, false),
    cue("detain", Some(Dt), true, false, false),
    // Headline present: "Turkey detains more than 1,100".
    cue("detains", Some(Dt), true, false, false),
    cue("arrested", Some(Dt), true, true, false),
    cue("arresting", Some(Dt), true, false, false),
    cue("arrest", Some(Dt), true, false, false),
    cue("captured", Some(Dt), true, true, false),
    cue("recaptured", Some(Dt), true, true, false),
    cue("capturing", Some(Dt), true, false, false),
    cue("taken prisoner", Some(Dt), false, true, false),
    // "ten leaders had been placed under house arrest", "placed 12 activists under house arrest".
    cue("placed under house arrest", Some(Dt), false, true, false),
    cue("under house arrest", Some(Dt), false, true, false),
    cue("rounded up", Some(Dt), true, true, false),
    cue("detainees", Some(Dt), false, false, true),
    cue("arrests", Some(Dt), true, false, true),
    cue("detention", Some(Dt), true, false, false),
    cue("in custody", Some(Dt), false, true, false),
    cue("in detention", Some(Dt), false, true, false),
    cue("jailed", Some(Dt), true, true, false),
    cue("prisoners of war", Some(Dt), false, false, true),
    cue("held as prisoners", Some(Dt), false, true, false),
    cue("held prisoner", Some(Dt), false, true, false),
    // A standing count of captives: "265 still held", "Seventeen passengers
    // were still being held". Detainees are "in custody" or "in detention"
    // in news copy; "still held" is a kidnapping's word.
    cue("still held", Some(A), false, true, false),
    cue("still being held", Some(A), false, true, false),
    // abducted
    cue("abducted", Some(A), true, true, false),
    cue("abducting", Some(A), true, false, false),
    cue("kidnapped", Some(A), true, true, false),
    cue("kidnapping", Some(A), true, false, false),
    cue("taken hostage", Some(A), false, true, false),
    cue("held hostage", Some(A), false, true, false),
    // Still held, in other words: "40 passengers remain in captivity",
    // "14 are in the hands of their kidnappers".
    cue("in captivity", Some(A), false, true, false),
    cue(
        "in the hands of their kidnappers",
        Some(A),
        false,
        true,
        false,
    ),
    cue("in the hands of their captors", Some(A), false, true, false),
    cue(
        "in the hands of their abductors",
        Some(A),
        false,
        true,
        false,
    ),
    cue("taken captive", Some(A), false, true, false),
    cue("hostages", Some(A), false, false, true),
    cue("captives", Some(A), false, false, true),
    cue("abduction", Some(A), true, false, false),
    cue("abductions", Some(A), true, false, false),
    cue("kidnappings", Some(A), true, false, false),
    // missing
    cue("missing", Some(M), false, true, true),
    cue("unaccounted for", Some(M), false, true, false),
    cue("disappeared", Some(M), false, true, false),
    cue("registered as missing", Some(M), false, true, false),
    cue("listed as missing", Some(M), false, true, false),
    cue("hurt", Some(I), true, false, false),
    cue("hurting", Some(I), true, false, false),
    cue("taken into custody", Some(Dt), false, true, false),
    cue("into custody", Some(Dt), false, true, false),
    cue("seized", Some(A), true, true, false),
    cue("seizing", Some(A), true, false, false),
    cue("crossed from", Some(D), false, true, false),
    // anti-cues: fates that are not figures (§2)
    cue("casualties", None, true, false, true),
    cue("rescued", None, true, true, false),
    cue("freed", None, true, true, false),
    cue("escaped", None, false, true, false),
    cue("released", None, true, true, false),
    cue("trapped", None, false, true, false),
    cue("buried", None, false, true, false),
    cue("affected", None, false, true, false),
    cue("neutralised", None, true, true, false),
    cue("neutralized", None, true, true, false),
    cue("hit", None, true, false, false),
    cue("survived", None, false, true, false),
    cue("returned", None, false, true, false),
    cue("protesting", None, false, true, false),
    cue("protested", None, false, true, false),
    cue("gathered", None, false, true, false),
    cue("infected", None, false, true, false),
    cue("treated", None, true, true, false),
    cue("saved", None, true, true, false),
    cue("live", None, false, true, false),
    cue("living", None, false, true, false),
];

/// Nouns of bodily harm. After "with" or "treated for" they make the people
/// before them injured, whatever modifies them: "patients with
/// protest-related injuries", "treated for gunshot wounds", "21 patients
/// with burns and fractures".
pub const INJURIES: &[&str] = &[
    "injuries",
    "injury",
    "wounds",
    "wound",
    "burns",
    "fractures",
];

/// Verbs whose object is the harm itself: "five of them suffered serious
/// injuries", "sustained gunshot wounds".
pub const HARM_TAKING: &[&str] = &["suffered", "sustained", "suffering", "sustaining"];

/// The verbs that take such a complement after "for" or "with": "treated for
/// shrapnel wounds", "hospitalised with burns".
pub const HARM_VERBS: &[&str] = &["treated", "hospitalised", "hospitalized", "admitted"];

/// Verbs that carry people to hospital: "taken to hospital with burns".
pub const TO_HOSPITAL: &[&str] = &["taken", "rushed", "brought", "admitted"];

/// Places of medical care: people evacuated to one are patients, not
/// displaced ("evacuated to the regional hospital").
pub const HOSPITALS: &[&str] = &["hospital", "hospitals", "clinic", "clinics", "infirmary"];

/// Verbs of staying somewhere, and the places that make their subject
/// displaced: "1,400 of them were staying in 14 shelters", "housed in
/// eight evacuation centres".
pub const SHELTER_VERBS: &[&str] = &[
    "staying",
    "stayed",
    "living",
    "housed",
    "accommodated",
    "lodged",
];
pub const SHELTER_NOUNS: &[&str] = &["shelters", "camps", "centres", "centers"];
/// Verbs that move people to a shelter: "moved to 236 shelters".
pub const SHELTER_MOVES: &[&str] = &["moved", "relocated", "transferred", "taken", "brought"];
/// The span of a stay between "spent" and a shelter ("spent the night in",
/// "spent two nights in"); weekday names are read from the date grammar's table.
pub const STAY_SPAN: &[&str] = &[
    "the", "a", "last", "night", "nights", "weekend", "day", "days", "week", "weeks",
];

/// The displaced cue a border crossing stands for ("crossed at the
/// Fassala border point").
pub const CROSSED: Cue = cue("crossed the border", Some(D), false, true, false);

/// The displaced cue a shelter complement stands for.
pub const SHELTERED: Cue = cue("in shelters", Some(D), false, true, false);

/// The troops cue a force's size stands for after "bringing ... to":
/// "bringing its deployment there to about 700".
pub const FORCE_SIZE: Cue = cue("troops", Some(T), true, false, false);

/// Nouns that name the size of a force, not a unit of it, in the subject of
/// "bringing ... to": "bringing its deployment there to about 700",
/// "bringing the US troop presence to 5,000".
pub const FORCE_SIZE_NOUNS: &[&str] =
    &["deployment", "contingent", "presence", "garrison", "troop"];

/// The injured cue a harm complement stands for.
pub const HARMED: Cue = cue("with injuries", Some(I), false, true, false);

/// Nouns that name people (§2: a figure counts people). Plural and singular.
pub const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "individuals",
    "civilians",
    "civilian",
    "residents",
    "inhabitants",
    "villagers",
    "locals",
    "citizens",
    "nationals",
    "children",
    "child",
    "kids",
    "minors",
    "babies",
    "infants",
    "women",
    "men",
    "man",
    "woman",
    "boys",
    "girls",
    "teenagers",
    "students",
    "pupils",
    "schoolchildren",
    "schoolgirls",
    "schoolboys",
    "worshippers",
    "pilgrims",
    "migrants",
    "asylum-seekers",
    "passengers",
    "workers",
    "employees",
    "staff",
    "journalists",
    "reporters",
    "medics",
    "doctors",
    "nurses",
    "paramedics",
    "patients",
    "farmers",
    "miners",
    "fishermen",
    "herders",
    "traders",
    "tourists",
    "volunteers",
    "protesters",
    "demonstrators",
    "prisoners",
    "inmates",
    "victims",
    "survivors",
    "others",
    "militants",
    "insurgents",
    "rebels",
    "gunmen",
    "bandits",
    "kidnappers",
    "pirates",
    "smugglers",
    "traffickers",
    "gangsters",
    "robbers",
    "poachers",
    "looters",
    "criminals",
    "assailants",
    "raiders",
    "jihadists",
    "attackers",
    "combatants",
    "militiamen",
    "extremists",
    "terrorists",
    "fighters",
    "commanders",
    "officials",
    "members",
    "crew",
    "sailors",
    "members",
    "relatives",
    "family",
    "guests",
    "shoppers",
    "spectators",
    "elderly",
    "adults",
    "youths",
    "firefighters",
    "rescuers",
    "settlers",
    "refugees",
    "returnees",
    "evacuees",
    "hostages",
    "captives",
    "detainees",
    "bodies",
    "dead",
    "wounded",
    "injured",
    "missing",
    "displaced",
    "suspects",
    "Christians",
    "Muslims",
    "Jews",
    "Arabs",
    "Kurds",
    "Yazidis",
    "Rohingya",
    "Bedouins",
    "Druze",
    "Alawites",
    "Shiites",
    "Sunnis",
    "Hazaras",
    "Uyghurs",
    "Tutsis",
    "Hutus",
    "Fulani",
    "missionaries",
    "priests",
    "nuns",
    "clergy",
    "foreigners",
    "expatriates",
    "diplomats",
    "engineers",
    "contractors",
    "vendors",
    "labourers",
    "laborers",
    "occupants",
    "mourners",
    "clients",
    "customers",
    "athletes",
    "players",
    "fans",
    "voters",
    "defendants",
    "believers",
    "parishioners",
    "congregants",
    "monks",
    "imams",
    "teachers",
    "lecturers",
    "professors",
    "judges",
    "lawyers",
    "activists",
    "politicians",
    "lawmakers",
    "ministers",
    "leaders",
    "chiefs",
    "elders",
    "sons",
    "daughters",
    "brothers",
    "sisters",
    "fathers",
    "mothers",
    "parents",
    "grandchildren",
    "siblings",
    "cousins",
    "toddlers",
    "newborns",
    "orphans",
    "widows",
    "humans",
    "souls",
    "associates",
    "colleagues",
    "aides",
    "bodyguards",
    "companions",
    "comrades",
    "friends",
    "neighbours",
    "neighbors",
    "campers",
    "staff",
    "staffers",
    "crew",
    "crewmen",
    "patrons",
    "diners",
    "revellers",
    "revelers",
    "stewards",
];

/// Plurals that name a people and that the endings of
/// `who::is_demonym_plural` ("-ans", "-is", "-ese", "-ns") miss: "Three
/// Serbs were arrested", "12 Kurds were killed".
pub const DEMONYM_PLURALS: &[&str] = &[
    "arabs", "bedouins", "bosniaks", "copts", "croats", "czechs", "danes", "druze", "fulani",
    "greeks", "hazaras", "hindus", "hutus", "jews", "kazakhs", "kurds", "muslims", "poles",
    "rohingya", "scots", "serbs", "sikhs", "slovaks", "swedes", "tajiks", "tuareg", "turks",
    "uighurs", "uyghurs", "uzbeks", "zulus",
];

/// Endings of agent and people nouns ("-ers", "-ists", "-ians"), so that a
/// noun the table lacks ("missionaries", "vendors") still counts as people.
pub const PEOPLE_SUFFIXES: &[&str] = &[
    "ers", "ors", "ists", "ians", "ants", "ents", "ees", "men", "aries", "ites", "ives",
];

/// The same endings in the singular ("vendor", "gunman"), for a count of one.
pub const PEOPLE_SINGULAR_SUFFIXES: &[&str] = &[
    "er", "or", "ist", "ian", "ant", "ent", "ee", "man", "ite", "ive",
];

/// Nouns with a people ending that are things: "shelters", "documents".
pub const NOT_PEOPLE: &[&str] = &[
    // "temperatures crossed 46 degrees".
    "degrees",
    "decrees",
    "fees",
    "trees",
    "containers",
    "shelters",
    "meters",
    "metres",
    "kilometers",
    "kilometres",
    "helicopters",
    "centers",
    "centres",
    "computers",
    "numbers",
    "orders",
    "borders",
    "quarters",
    "headquarters",
    "letters",
    "papers",
    "towers",
    "rivers",
    "layers",
    "chambers",
    "corners",
    "barriers",
    "posters",
    "trailers",
    "boulders",
    "tankers",
    "bombers",
    "carriers",
    "launchers",
    "transformers",
    "liters",
    "litres",
    "chapters",
    "waters",
    "matters",
    "incidents",
    "documents",
    "apartments",
    "governments",
    "settlements",
    "departments",
    "tournaments",
    "monuments",
    "instruments",
    "segments",
    "elements",
    "shipments",
    "statements",
    "agreements",
    "treatments",
    "payments",
    "investments",
    "assessments",
    "amendments",
    "comments",
    "moments",
    "tents",
    "cents",
    "events",
    "tractors",
    "generators",
    "reactors",
    "motors",
    "factors",
    "sensors",
    "corridors",
    "monitors",
    "tremors",
    "errors",
    "indicators",
    "archives",
    "initiatives",
    "incentives",
    "explosives",
    "alternatives",
    "objectives",
    "variants",
    "plants",
    "grants",
    "restaurants",
    "fragments",
    "garments",
    "floors",
    "doors",
    "sectors",
    "offers",
    "members'",
    "years",
    "ferries",
    "arteries",
    "batteries",
    "boundaries",
    "dictionaries",
    "summaries",
    "commentaries",
    "sanctuaries",
    "salaries",
    "territories",
    "ministries",
];

/// Nouns that name members of a force (§2 `troops`): counted as troops only
/// with a deployment cue, otherwise they are just people (killed soldiers…).
pub const FORCES: &[&str] = &[
    "soldiers",
    "soldier",
    "troops",
    "personnel",
    "servicemen",
    "servicemembers",
    "service members",
    "police",
    "policemen",
    "cops",
    "police officers",
    "officers",
    "gendarmes",
    "guards",
    "border guards",
    "agents",
    "border agents",
    "marines",
    "paratroopers",
    "reservists",
    "conscripts",
    "recruits",
    "peacekeepers",
    "commandos",
    "fighters",
    "mercenaries",
    "advisers",
    "advisors",
    "military instructors",
    "military trainers",
    "special forces",
    "national guard",
    "national guard members",
    "national guard troops",
    "guard members",
    "guard troops",
    "guardsmen",
    "sailors",
    "airmen",
    "forces",
    "auxiliaries",
    "reinforcements",
];

/// Nouns for a body of troops, sized by "N-strong": "a 1,700-strong
/// contingent", "its 17,000-strong peacekeeping force" (a "5,000-strong
/// crowd" is no force).
pub const FORCE_UNITS: &[&str] = &[
    "force",
    "forces",
    "contingent",
    "unit",
    "units",
    "battalion",
    "brigade",
    "division",
    "corps",
    "army",
    "mission",
    "deployment",
    "detachment",
    "garrison",
    "regiment",
    "militia",
    "team",
    "squad",
    "taskforce",
    "troop",
    "guard",
    "military",
    "navy",
    "gendarmerie",
    "police",
];

/// Words that may stand between a number and its counted noun: "10 more
/// people", "15 Palestinian civilians", "three young men".
pub const MODIFIERS: &[&str] = &[
    "more",
    "other",
    "additional",
    "further",
    "extra",
    "fresh",
    "young",
    "old",
    "unarmed",
    "armed",
    "foreign",
    "local",
    "innocent",
    "elderly",
    "civilian",
    "suspected",
    "alleged",
    "fellow",
    "off-duty",
    "active-duty",
    "aid",
    "medical",
    "security",
    "health",
    "rescue",
    "humanitarian",
    "police",
    "government",
    "army",
    "military",
    "rebel",
    "militia",
    "ethnic",
    "internally",
    "newly",
    "displaced",
    "injured",
    "wounded",
    "Palestinian",
    "Israeli",
    "Ukrainian",
    "Russian",
    "Syrian",
    "Turkish",
    "Sudanese",
    "Afghan",
    "Iraqi",
    "Yemeni",
    "Lebanese",
    "American",
    "British",
    "French",
    "Indian",
    "Pakistani",
    "Nigerian",
    "Somali",
    "Ethiopian",
    "Congolese",
    "Malian",
    "Haitian",
    "Burmese",
    "Kurdish",
    "Arab",
    "Muslim",
    "Christian",
    "Jewish",
    "UN",
    "U.N.",
    "female",
    "male",
    "pregnant",
    "disabled",
    "unidentified",
    "unknown",
    "Gazan",
    "Gaza",
    "Hamas",
    "Hezbollah",
    "ISIS",
    "IS",
    "al-Shabab",
    "SDF",
    "state",
    "federal",
    "regional",
    "private",
    "contract",
    "border",
    "riot",
    "traffic",
    "municipal",
    "national",
    "al-Shabaab",
    "Rohingya",
];

/// Words after a number that end its noun phrase without naming a thing:
/// verbs, auxiliaries and function words ("More than 40,000 have been displaced").
pub const FUNCTION: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "remain",
    "remained",
    "remains",
    "still",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "as",
    "to",
    "from",
    "since",
    "after",
    "before",
    "during",
    "across",
    "when",
    "while",
    "who",
    "whom",
    "whose",
    "that",
    "which",
    "by",
    "with",
    "without",
    "into",
    "inside",
    "near",
    "among",
    "including",
    "between",
    "amid",
    "for",
    "of",
    "so",
    "far",
    "reportedly",
    "also",
    "all",
    "each",
    "either",
    "both",
    "later",
    "now",
    "then",
    "overnight",
    "today",
    "yesterday",
    "tonight",
    "more",
    "others",
    "alone",
    "total",
    "altogether",
    "overall",
    "died",
    "fled",
    "perished",
    "there",
    "here",
    "this",
    "these",
    "those",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "according",
    "said",
    "say",
    "says",
    "people",
    "he",
    "she",
    "they",
    "it",
    "we",
    "out",
    "up",
    "down",
    "over",
    "under",
    "about",
    "around",
    "less",
    "fewer",
    "killed",
    "dead",
    "wounded",
    "injured",
    "displaced",
    "missing",
    "left",
    "had",
    "last",
    "this",
    "per",
];

/// Words that may stand between a cue and the number it governs when the cue
/// comes first: qualifiers, toll verbs and determiners ("the death toll has
/// risen to more than 300", "killing some 1,200").
pub const BEFORE_BRIDGE: &[&str] = &[
    "all",
    "at",
    "least",
    "more",
    "than",
    "over",
    "up",
    "to",
    "as",
    "many",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "an",
    "a",
    "estimated",
    "nearly",
    "almost",
    "close",
    "just",
    "under",
    "upwards",
    "of",
    "in",
    "excess",
    "no",
    "fewer",
    "less",
    "minimum",
    "maximum",
    "well",
    "exceeding",
    "surpassing",
    "topping",
    "passing",
    "reaching",
    "hitting",
    "rose",
    "risen",
    "rises",
    "rise",
    "rising",
    "climbed",
    "climbs",
    "jumped",
    "increased",
    "reached",
    "reaches",
    "stood",
    "stands",
    "hit",
    "passed",
    "topped",
    "exceeded",
    "surpassed",
    "crossed",
    "grew",
    "is",
    "was",
    "has",
    "had",
    "have",
    "been",
    "now",
    "already",
    "total",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "another",
    "further",
    "additional",
    "only",
    "also",
    "reportedly",
    "allegedly",
    "officially",
    "confirmed",
    "said",
    "stands",
    "stood",
    "mounted",
    "soared",
    "hovered",
    "nearing",
    "neared",
    "tops",
    "passes",
    "exceeds",
    "surpasses",
    "reportedly",
    "nearly",
    "by",
    "them",
    "those",
    "these",
    "and",
    "or",
    "so",
    "far",
    "shy",
];

/// Words that may stand between a number's noun phrase and a cue after it:
/// auxiliaries and adverbs ("10 people have reportedly been killed").
pub const AFTER_BRIDGE: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "being",
    "reportedly",
    "also",
    "all",
    "still",
    "now",
    "later",
    "since",
    "so",
    "far",
    "confirmed",
    "believed",
    "feared",
    "thought",
    "said",
    "to",
    "who",
    "that",
    "which",
    "remain",
    "remained",
    "remains",
    "subsequently",
    "already",
    "allegedly",
    "initially",
    "reported",
    "left",
    "made",
    "got",
    "went",
    // "412 have gone missing".
    "gone",
    "either",
    "both",
    "officially",
    "presumed",
    "likely",
    "probably",
    "would",
    "will",
    "may",
    "might",
    "could",
    "not",
    "yet",
    "currently",
    "recently",
    "newly",
    "just",
    "apparently",
    "seriously",
    "critically",
    "severely",
    "badly",
    "lightly",
    "fatally",
    "mortally",
    "instantly",
    "immediately",
    "eventually",
    "ultimately",
    "slightly",
    "moderately",
    "gravely",
    "briefly",
    "temporarily",
    "forcibly",
    "arbitrarily",
    "unlawfully",
    "illegally",
    "wrongfully",
    "secretly",
    "become",
    "became",
    "as",
    "well",
    "among",
    "the",
    "those",
    "many",
    "them",
    "known",
    "understood",
];

/// Prepositions whose phrase may stand between a noun phrase and its verb:
/// "4m people in Yemen have been forced from their homes".
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "across",
    "from",
    "near",
    "at",
    "inside",
    "throughout",
    "of",
    "around",
    "outside",
    "on",
    "along",
    "within",
    "aboard",
];

/// Words besides [`PREPOSITIONS`] that open the adjunct left of a gapped
/// conjunct: "48 deaths on Tuesday, 64 by Wednesday and 73 later that night".
pub const GAPPED_ADJUNCTS: &[&str] = &["by", "later", "earlier", "overnight", "during", "after"];

/// Verbs that state a total of a subject named before them: "the death toll
/// from the floods reached 1,200", "the number of people killed rose to 615",
/// "Among the dead are 84 Egyptians".
pub const TOLL_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "increased",
    "increases",
    "reached",
    "reaches",
    "reaching",
    "stood",
    "stands",
    "hit",
    "hits",
    "pass",
    "passed",
    "passes",
    "topped",
    "tops",
    "topping",
    "surpass",
    "surpassed",
    "surpasses",
    "surpassing",
    "exceed",
    "exceeded",
    "exceeds",
    "exceeding",
    "crossed",
    "grew",
    "soared",
    "mounted",
    "is",
    "was",
    "are",
    "were",
    "put",
    "doubled",
    "tripled",
    "quadrupled",
    "included",
    "include",
    "includes",
];

/// Words that take a share of a group before "of": "Most of the dead were
/// from Guinea", "half of those killed".
pub const PARTITIVE_HEADS: &[&str] = &["most", "many", "some", "all", "half", "majority", "none"];

/// Words that open an aside after a noun phrase: ", including 12 children,".
pub const ASIDE: &[&str] = &[
    "including",
    "among",
    "most",
    "many",
    "mainly",
    "mostly",
    "some",
    "of",
    "almost",
    "nearly",
    "more",
    "about",
    "half",
    "all",
    "both",
    "the",
    "majority",
    "according",
    "or",
    "a",
    "an",
    "aged",
];

/// Words before a number that make it a label, not a count: "page 12",
/// "Resolution 2334", "Flight 17", "Highway 1".
pub const LABELS: &[&str] = &[
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "resolution",
    "flight",
    "route",
    "highway",
    "road",
    "unit",
    "number",
    "no",
    "brigade",
    "division",
    "battalion",
    "regiment",
    "platoon",
    "squad",
    "room",
    "gate",
    "terminal",
    "block",
    "building",
    "apartment",
    "bus",
    "line",
    "channel",
    "level",
    "category",
    "grade",
    "phase",
    "stage",
    "round",
    "episode",
    "season",
    "volume",
    "version",
    "model",
    "code",
    "camp",
    "zone",
    "sector",
    "kilometre",
    "kilometer",
    "mile",
    "km",
    "checkpoint",
    "hill",
    "covid",
    "magnitude",
    "aged",
    "age",
    "ages",
    "vote",
    "votes",
    "voted",
    "ratio",
    "decree",
    "law",
    "file",
    "case",
    "item",
    "exhibit",
    "figure",
    "table",
    "paragraph",
    "clause",
    "platform",
    "tower",
    "sura",
];

/// Words before a number that say it will only happen: §2 projections.
pub const PROJECTIONS: &[&str] = &[
    "could",
    "might",
    "may",
    "would",
    "will",
    "expected",
    "feared",
    "projected",
    "forecast",
    "predicted",
    "likely",
    "threatens",
    "threatening",
    "risk",
    "warned",
    "warn",
    "warns",
    "potentially",
    "possibly",
    "preparing",
    "prepare",
    "prepares",
    "planning",
    "plans",
    "bracing",
    "brace",
    "anticipate",
    "anticipates",
    "anticipating",
    "expects",
    "expecting",
    "fear",
    "fears",
    "scenario",
    "if",
];

/// Words after a number's noun phrase that make it a rate: "630 cross daily".
pub const RATES: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "a day",
    "a week",
    "a month",
    "a year",
    "a night",
    "per day",
    "per week",
    "per month",
    "per year",
    "per hour",
    "every day",
    "every week",
    "every month",
    "each day",
    "each week",
    "each month",
    "a daily",
];

/// The rates of [`RATES`] that are also adjectives: before a noun they say
/// what kind of thing it is, not how often people are counted ("killed in a
/// weekly market", "daily shelling"). Before one of [`RATE_NOUNS`] they are
/// still rates ("on a daily basis").
pub const RATE_ADJECTIVES: &[&str] = &["daily", "weekly", "monthly", "yearly", "hourly"];

/// Nouns a rate adjective keeps its meaning before: "a daily average of 40".
pub const RATE_NOUNS: &[&str] = &["basis", "average", "rate", "toll", "tolls"];

/// Words before "a month", "a day" that make it a stretch of time, not a
/// rate: "forced from their homes for nearly a month", "in a week".
pub const DURATION_BEFORE: &[&str] = &[
    "for", "in", "within", "over", "nearly", "almost", "about", "around", "after", "than",
];

/// Markers of a running total (§4 `cumulative`).
pub const CUMULATIVE: &[&str] = &[
    "toll",
    "tolls",
    "total",
    "tally",
    "so far",
    "to date",
    "in all",
    "overall",
    "altogether",
    "cumulative",
    "since",
    "still",
    "remain",
    "remains",
    "now",
    "combined",
    "in total",
    "so far",
    // A share of a total: "Mandalay accounted for at least 1,591 of the dead".
    "accounted for",
];

/// Markers of an increment: "24 more killed", "another 12".
pub const INCREMENT: &[&str] = &["more", "another", "additional", "further", "new"];

/// Currency words after a number, or symbols before it: money is not a figure.
pub const CURRENCIES: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "sterling", "rupees", "rupee", "yen",
    "yuan", "shekels", "shekel", "rubles", "roubles", "hryvnias", "naira", "dinars", "riyals",
    "lira", "liras", "francs", "pesos", "usd", "eur", "gbp",
];

/// Symbols right before a number that make it money.
pub const CURRENCY_SYMBOLS: &[&str] =
    &["$", "€", "£", "¥", "₹", "₪", "₽", "US$", "USD", "Rs", "Rs."];

/// Fractions that can take "of N": "a third of the 30,000 residents".
pub const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("a half", 0.5),
    ("one half", 0.5),
    ("a third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("a quarter", 0.25),
    ("one quarter", 0.25),
    ("one-quarter", 0.25),
    ("two thirds", 2.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("three quarters", 0.75),
    ("three-quarters", 0.75),
    ("a fifth", 0.2),
    ("one fifth", 0.2),
    ("a tenth", 0.1),
];

/// The complements of "take" that make its object captives: "taken 12
/// soldiers prisoner" (detained), "took 30 villagers hostage" (abducted).
pub const CAPTIVE_COMPLEMENTS: &[(&str, Metric)] = &[
    ("prisoner", Metric::Detained),
    ("prisoners", Metric::Detained),
    ("captive", Metric::Abducted),
    ("captives", Metric::Abducted),
    ("hostage", Metric::Abducted),
    ("hostages", Metric::Abducted),
];

/// The gate's entries: [`CUES`], [`FORCES`], [`CAPTIVE_COMPLEMENTS`],
/// [`INJURIES`], [`SHELTER_NOUNS`] and the verb of [`CROSSED`] themselves,
/// so a new cue can never be filtered out.
///
/// A phrase with a word that is an entry of its own ("claimed the lives of"
/// and "lives") is left out: wherever it stands, that word does too.
fn gate_entries() -> Vec<&'static str> {
    let entries: Vec<&'static str> = CUES
        .iter()
        .map(|c| c.phrase)
        .chain(FORCES.iter().copied())
        .chain(CAPTIVE_COMPLEMENTS.iter().map(|c| c.0))
        .chain(INJURIES.iter().copied())
        .chain(SHELTER_NOUNS.iter().copied())
        // A border crossing's verb ([`CROSSED`]).
        .chain(["crossed"])
        .collect();
    let single: HashSet<&str> = entries
        .iter()
        .copied()
        .filter(|e| !e.contains(' '))
        .collect();
    entries
        .into_iter()
        .filter(|e| !e.contains(' ') || !e.split(' ').any(|w| single.contains(w)))
        .collect()
}

/// The gate's definition: an entry, any case, between ASCII word
/// boundaries, its spaces standing for any run of white space.
/// [`may_hold_figure`] reads words instead and asks this pattern only about
/// the rare sentence it cannot answer for (see [`FOLDS_TO_ASCII`]).
static PREFILTER: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<String> = gate_entries()
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", words.join("|"))).expect("cue pattern")
});

/// Characters that Unicode case folding makes equal to an ASCII letter
/// (KELVIN SIGN is "k", LONG S is "s"): a case-blind match of an entry may
/// hold one, which a scan of ASCII words does not see.
const FOLDS_TO_ASCII: [&str; 2] = ["\u{212A}", "\u{17F}"];

/// Searchers for [`FOLDS_TO_ASCII`], built once: the test runs on every
/// sentence the gate turns away.
static FOLD_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> =
    LazyLock::new(|| FOLDS_TO_ASCII.iter().map(memmem::Finder::new).collect());

/// The gate's entries by their first word: a hash lookup for a word of the
/// text. The pattern of two hundred alternatives it replaces took longer to
/// build (19 M instructions) than to run over 500 articles, and each run
/// of its automaton cost more per byte than this scan.
struct Gate {
    /// Keyed by [`word_key`]: the words that follow the first in each entry
    /// starting with it (none for a one-word entry).
    starts: HashMap<u128, Vec<Vec<&'static str>>>,
    /// Most words of a text fail this test and are never lower-cased and hashed.
    sieve: Sieve,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut gate = Gate {
        starts: HashMap::new(),
        sieve: Sieve::new(),
    };
    for entry in gate_entries() {
        let mut words = entry.split(' ');
        let first = words.next().expect("split yields a word");
        for w in entry.split(' ') {
            // The scan reads words of ASCII word bytes; an entry of other
            // characters could never be found by it.
            assert!(
                !w.is_empty() && w.len() <= WORD_KEY_LEN && w.bytes().all(is_word_byte),
                "a gate entry must be words of ASCII letters: {entry:?}"
            );
        }
        gate.sieve.add(first.as_bytes());
        gate.starts
            .entry(word_key(first.as_bytes()))
            .or_default()
            .push(words.collect());
    }
    gate
});

/// The bytes of a word for an ASCII word boundary (`\b` outside Unicode
/// mode): letters, digits and the underscore. Range tests, not a table, so
/// that [`any_word`] can test a whole block at once.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Gate {
    /// Whether an entry starts with the word `s[start..end]` (a whole run
    /// of word bytes).
    fn at(&self, s: &str, start: usize, end: usize) -> bool {
        let w = &s.as_bytes()[start..end];
        if w.len() > WORD_KEY_LEN || !self.sieve.may_hold(w) {
            return false;
        }
        let Some(tails) = self.starts.get(&word_key(w)) else {
            return false;
        };
        tails.iter().any(|tail| follows(s, end, tail))
    }
}

/// Whether `words` stand in `s` from byte `i` on, each after a run of white
/// space and each a whole word.
fn follows(s: &str, mut i: usize, words: &[&str]) -> bool {
    let b = s.as_bytes();
    for w in words {
        let gap = i;
        while i < s.len() && char_at(s, i).is_whitespace() {
            i += char_at(s, i).len_utf8();
        }
        let end = i + w.len();
        let whole = b
            .get(i..end)
            .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
            && b.get(end).is_none_or(|&c| !is_word_byte(c));
        if i == gap || !whole {
            return false;
        }
        i = end;
    }
    true
}

/// Whether a sentence is worth the full grammar: whether it names a cue, a
/// force, a captive complement, a harm or a shelter ([`gate_entries`]),
/// matched as [`PREFILTER`] matches them.
///
/// The text is read in blocks ([`any_word`]), and only whole words are
/// looked up.
pub fn may_hold_figure(s: &str) -> bool {
    let gate = &*GATE;
    if any_word(s.as_bytes(), is_word_byte, |start, end| {
        gate.at(s, start, end)
    }) {
        return true;
    }
    // A case-blind match may hold a character that folds to an ASCII letter.
    let b = s.as_bytes();
    FOLD_FINDERS.iter().any(|f| f.find(b).is_some()) && PREFILTER.is_match(s)
}

/// A word table that single tokens are tested against again and again: a
/// noun phrase asks of each word whether it is a function word or a
/// modifier, a hint scans a window of tokens for auxiliaries. Each table is
/// a bit of [`Token::is_in`]'s answer, found with one lookup the first time
/// a token is asked about, so a test is a bit test and not a scan of up to
/// two hundred words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Injuries,
    HarmVerbs,
    People,
    Forces,
    ForceUnits,
    ForceSizeNouns,
    Modifiers,
    Function,
    BeforeBridge,
    AfterBridge,
    Prepositions,
    TollVerbs,
    Aside,
    Labels,
    Projections,
    DurationBefore,
    Increment,
    Currencies,
    Change,
    Finite,
    TotalNouns,
    ClauseOpeners,
    Estimate,
    WalkBack,
    Bring,
    Deploy,
    Present,
    Stative,
    Perfect,
    Pluperfect,
    PastBe,
    ToHospital,
    Hospitals,
    ShelterVerbs,
    ShelterNouns,
    ShelterMoves,
    StaySpan,
    NotWho,
    NotPeople,
    Statement,
}

impl List {
    /// Every table, in the order of their bits.
    const ALL: [List; 40] = [
        List::Injuries,
        List::HarmVerbs,
        List::People,
        List::Forces,
        List::ForceUnits,
        List::ForceSizeNouns,
        List::Modifiers,
        List::Function,
        List::BeforeBridge,
        List::AfterBridge,
        List::Prepositions,
        List::TollVerbs,
        List::Aside,
        List::Labels,
        List::Projections,
        List::DurationBefore,
        List::Increment,
        List::Currencies,
        List::Change,
        List::Finite,
        List::TotalNouns,
        List::ClauseOpeners,
        List::Estimate,
        List::WalkBack,
        List::Bring,
        List::Deploy,
        List::Present,
        List::Stative,
        List::Perfect,
        List::Pluperfect,
        List::PastBe,
        List::ToHospital,
        List::Hospitals,
        List::ShelterVerbs,
        List::ShelterNouns,
        List::ShelterMoves,
        List::StaySpan,
        List::NotWho,
        List::NotPeople,
        List::Statement,
    ];

    /// The table's words.
    fn words(self) -> &'static [&'static str] {
        use super::{bounds, link, when, who};
        match self {
            List::Injuries => INJURIES,
            List::HarmVerbs => HARM_VERBS,
            List::People => PEOPLE,
            List::Forces => FORCES,
            List::ForceUnits => FORCE_UNITS,
            List::ForceSizeNouns => FORCE_SIZE_NOUNS,
            List::Modifiers => MODIFIERS,
            List::Function => FUNCTION,
            List::BeforeBridge => BEFORE_BRIDGE,
            List::AfterBridge => AFTER_BRIDGE,
            List::Prepositions => PREPOSITIONS,
            List::TollVerbs => TOLL_VERBS,
            List::Aside => ASIDE,
            List::Labels => LABELS,
            List::Projections => PROJECTIONS,
            List::DurationBefore => DURATION_BEFORE,
            List::Increment => INCREMENT,
            List::Currencies => CURRENCIES,
            List::Change => bounds::CHANGE,
            List::Finite => link::FINITE,
            List::TotalNouns => link::TOTAL_NOUNS,
            List::ClauseOpeners => link::CLAUSE_OPENERS,
            List::Estimate => link::ESTIMATE,
            List::WalkBack => link::WALK_BACK,
            List::Bring => link::BRING,
            List::Deploy => link::DEPLOY,
            List::Present => link::PRESENT,
            List::Stative => link::STATIVE,
            List::Perfect => link::PERFECT,
            List::Pluperfect => link::PLUPERFECT,
            List::PastBe => link::PAST_BE,
            List::ToHospital => TO_HOSPITAL,
            List::Hospitals => HOSPITALS,
            List::ShelterVerbs => SHELTER_VERBS,
            List::ShelterNouns => SHELTER_NOUNS,
            List::ShelterMoves => SHELTER_MOVES,
            List::StaySpan => STAY_SPAN,
            List::NotWho => who::NOT_WHO,
            List::NotPeople => NOT_PEOPLE,
            List::Statement => when::STATEMENT,
        }
    }

    /// The table's bit in [`Token::lists`].
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

/// The phrase tables indexed by their first and last words ([`PhraseIndex`]).
/// A word that keys one has a bit for it in [`lists_of`], after the bits of
/// [`List`]: the grammar asks an index at nearly every token, and a token
/// that keys no phrase is turned away by a bit test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indexed {
    Cues,
    People,
    Forces,
    Cumulative,
    Rates,
    Qualifiers,
}

impl Indexed {
    /// The first of the indexes' bits in [`lists_of`]; [`List`] has fewer tables.
    const FIRST_BIT: u32 = 48;

    /// The bit of a word that starts a phrase of the table.
    fn first_bit(self) -> u64 {
        1 << (Indexed::FIRST_BIT + 2 * self as u32)
    }

    /// The bit of a word that ends a phrase of the table.
    fn last_bit(self) -> u64 {
        self.first_bit() << 1
    }
}

/// The tables holding each word, keyed by [`word_key`]: bits of [`List`],
/// then the bits of the indexes ([`Indexed`]) the word keys.
/// A phrase of a table ("border guards") is never a token and is left out.
static LISTS: LazyLock<HashMap<u128, u64>> = LazyLock::new(|| {
    let mut map: HashMap<u128, u64> = HashMap::new();
    for list in List::ALL {
        for w in list.words().iter().filter(|w| !w.contains(' ')) {
            *map.entry(word_key(w.as_bytes())).or_default() |= list.bit();
        }
    }
    let indexes: [&PhraseIndex; 6] = [
        &CUE_INDEX,
        &PEOPLE_INDEX,
        &FORCE_INDEX,
        &CUMULATIVE_INDEX,
        &RATE_INDEX,
        &super::bounds::BEFORE_INDEX,
    ];
    for index in indexes {
        for keys in [&index.first, &index.last] {
            for &key in keys.map.keys() {
                *map.entry(key).or_default() |= keys.bit;
            }
        }
    }
    map
});

/// The tables holding `word` (compared case-blind, as [`Token::is_any`]
/// does), as bits of [`List`].
pub fn lists_of(word: &str) -> u64 {
    lists_of_bytes(word.as_bytes())
}

/// [`lists_of`] a word given as bytes (a word built on the stack).
pub fn lists_of_bytes(b: &[u8]) -> u64 {
    if b.len() > WORD_KEY_LEN {
        return 0;
    }
    LISTS.get(&word_key(b)).copied().unwrap_or(0)
}

/// Phrases: each one's position in its table and its words.
type Phrases = Vec<(usize, Vec<String>)>;

/// Phrases by one of their words, keyed by [`word_key`].
struct PhraseMap {
    map: HashMap<u128, Phrases>,
    /// The bit in [`lists_of`] of the words keying a phrase here: the
    /// grammar asks at every token, and most tokens key no phrase.
    bit: u64,
}

impl PhraseMap {
    fn new(bit: u64) -> PhraseMap {
        PhraseMap {
            map: HashMap::new(),
            bit,
        }
    }

    fn push(&mut self, key: &str, entry: (usize, Vec<String>)) {
        let b = key.as_bytes();
        assert!(b.len() <= WORD_KEY_LEN, "too long a word to index: {key}");
        self.map.entry(word_key(b)).or_default().push(entry);
    }

    /// The phrases keyed by token `t`, if any.
    fn get(&self, t: &Token) -> &[(usize, Vec<String>)] {
        if t.lists() & self.bit == 0 {
            return &[];
        }
        self.map
            .get(&word_key(t.text.as_bytes()))
            .map_or(&[], Vec::as_slice)
    }
}

/// A table of phrases indexed by their first and last words, so the
/// grammar finds the phrases standing at a token without scanning the table.
pub struct PhraseIndex {
    first: PhraseMap,
    last: PhraseMap,
}

impl PhraseIndex {
    /// Index `phrases` (single spaces, any case), the table `table`;
    /// matches report their position in it.
    pub fn new<P: AsRef<str>>(phrases: impl Iterator<Item = P>, table: Indexed) -> PhraseIndex {
        let mut first = PhraseMap::new(table.first_bit());
        let mut last = PhraseMap::new(table.last_bit());
        for (i, p) in phrases.enumerate() {
            let words: Vec<String> = p.as_ref().split(' ').map(str::to_ascii_lowercase).collect();
            first.push(&words[0], (i, words.clone()));
            let key = words[words.len() - 1].clone();
            last.push(&key, (i, words));
        }
        PhraseIndex { first, last }
    }

    /// Every phrase starting at token `i`: (position in the table, words).
    pub fn starting_at<'a>(
        &'a self,
        toks: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        Self::matches(&self.first, toks, i, move |n| {
            Some(i).filter(|_| i + n <= toks.len())
        })
    }

    /// Every phrase ending at token `k`: (position in the table, words).
    pub fn ending_at<'a>(
        &'a self,
        toks: &'a [Token],
        k: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        Self::matches(&self.last, toks, k, move |n| (k + 1).checked_sub(n))
    }

    /// The phrases of `map` keyed by token `at` whose words stand from the
    /// token `from(words)` returns. An iterator, not a list: the grammar
    /// asks at every token and mostly wants the longest match.
    fn matches<'a>(
        map: &'a PhraseMap,
        toks: &'a [Token],
        at: usize,
        from: impl Fn(usize) -> Option<usize> + 'a,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let cands: &[(usize, Vec<String>)] = toks.get(at).map_or(&[], |t| map.get(t));
        cands
            .iter()
            .filter(move |(_, w)| {
                from(w.len()).is_some_and(|f| w.iter().zip(&toks[f..]).all(|(w, t)| t.is(w)))
            })
            .map(|(p, w)| (*p, w.len()))
    }

    /// Whether any phrase starts at token `i`.
    pub fn any_at(&self, toks: &[Token], i: usize) -> bool {
        self.may_start_at(toks, i) && self.starting_at(toks, i).next().is_some()
    }

    /// Whether token `i` is the first word of a phrase: a bit test that
    /// turns most tokens away before any matching ([`Self::starting_at`]).
    pub fn may_start_at(&self, toks: &[Token], i: usize) -> bool {
        toks.get(i).is_some_and(|t| t.lists() & self.first.bit != 0)
    }

    /// Whether token `k` is the last word of a phrase ([`Self::ending_at`]).
    pub fn may_end_at(&self, toks: &[Token], k: usize) -> bool {
        toks.get(k).is_some_and(|t| t.lists() & self.last.bit != 0)
    }
}

/// The cue lexicon, indexed.
pub static CUE_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let phrases: Vec<&'static str> = CUES.iter().map(|c| c.phrase).collect();
    PhraseIndex::new(phrases.iter(), Indexed::Cues)
});

/// People nouns, indexed, with the singular of each plural ("one police
/// officer", "two soldiers and one journalist").
pub static PEOPLE_INDEX: LazyLock<PhraseIndex> =
    LazyLock::new(|| PhraseIndex::new(with_singulars(PEOPLE).iter(), Indexed::People));

/// Force nouns, indexed, with the singular of each plural.
pub static FORCE_INDEX: LazyLock<PhraseIndex> =
    LazyLock::new(|| PhraseIndex::new(with_singulars(FORCES).iter(), Indexed::Forces));

/// Singulars of people nouns that are mostly adjectives or other words
/// ("two local officials", "three minor injuries", "one other"): a count
/// before them counts the noun after, so they are never indexed as nouns.
/// Past tenses with a people ending are verbs: "2,300 residents spent the
/// night in evacuation centres".
pub const NOT_SINGULAR_PEOPLE: &[&str] = &[
    "spent",
    "went",
    "meant",
    "local",
    "national",
    "minor",
    "other",
    "relative",
    "adult",
    "human",
    "chief",
    "elder",
    "youth",
    "police",
    "troop",
    "force",
    "personnel",
    "guard",
    "agent",
    "body",
];

/// `phrases` and, for each whose last word is a regular plural, the same
/// phrase with that word in the singular, unless it is in
/// [`NOT_SINGULAR_PEOPLE`]. The tables list plurals (what counts above one
/// agree with); a count of one agrees with the singular.
fn with_singulars(phrases: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
    for p in phrases {
        let (head, last) = p.rsplit_once(' ').map_or(("", *p), |(h, l)| (h, l));
        let Some(one) = singular(last) else { continue };
        if NOT_SINGULAR_PEOPLE.contains(&one.to_ascii_lowercase().as_str()) {
            continue;
        }
        let phrase = if head.is_empty() {
            one
        } else {
            format!("{head} {one}")
        };
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&phrase)) {
            out.push(phrase);
        }
    }
    out
}

/// The singular of a regular English plural noun ("officers", "policemen",
/// "babies", "children"), or `None` if `word` is not one.
pub fn singular(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    let cut = |n: usize, add: &str| Some(format!("{}{add}", &word[..word.len() - n]));
    if lower == "children" {
        return cut(3, "");
    }
    if lower.ends_with("men") {
        return cut(2, "an");
    }
    if lower.ends_with("ies") && lower.len() > 4 {
        return cut(3, "y");
    }
    if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return cut(2, "");
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3 {
        return cut(1, "");
    }
    None
}

/// Running-total markers, indexed.
pub static CUMULATIVE_INDEX: LazyLock<PhraseIndex> =
    LazyLock::new(|| PhraseIndex::new(CUMULATIVE.iter(), Indexed::Cumulative));

/// Rate phrases, indexed.
pub static RATE_INDEX: LazyLock<PhraseIndex> =
    LazyLock::new(|| PhraseIndex::new(RATES.iter(), Indexed::Rates));

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cue is written once: a copy would be read twice and edited once.
    #[test]
    fn cues_are_written_once() {
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<_> = CUES
            .iter()
            .filter(|c| !seen.insert((c.phrase, c.metric, c.before, c.after, c.noun)))
            .map(|c| c.phrase)
            .collect();
        assert!(twice.is_empty(), "written twice: {twice:?}");
    }

    /// Every table has its own bit, and a token finds each of its words.
    #[test]
    fn lists_have_a_bit_each() {
        for (i, list) in List::ALL.into_iter().enumerate() {
            assert_eq!(list as usize, i);
            for w in list.words().iter().filter(|w| !w.contains(' ')) {
                assert!(w.len() <= WORD_KEY_LEN, "{w}");
                assert!(lists_of(&w.to_ascii_uppercase()) & list.bit() != 0, "{w}");
            }
        }
        assert_eq!(List::ALL.len(), List::Statement as usize + 1);
        assert!(List::ALL.len() <= Indexed::FIRST_BIT as usize);
    }

    /// The word scan answers as the pattern that defines the gate, on
    /// every entry and on text mixed from entries, their words, glue and
    /// every kind of separator.
    #[test]
    fn gate_answers_as_its_pattern() {
        let entries = gate_entries();
        let mut pieces: Vec<String> = entries.iter().map(|e| e.to_string()).collect();
        pieces.extend(
            entries
                .iter()
                .flat_map(|e| e.split(' '))
                .map(str::to_string),
        );
        pieces.extend(entries.iter().map(|e| e.to_ascii_uppercase()));
        pieces.extend(entries.iter().map(|e| e.replace(' ', "\u{a0}\n ")));
        pieces.extend(entries.iter().map(|e| e.replace(' ', "-")));
        pieces.extend(entries.iter().map(|e| e.replace('s', "\u{17f}")));
        pieces.extend(entries.iter().map(|e| e.replace('k', "\u{212a}")));
        pieces
            .extend(["the", "of", "5", "_", "x", "é", "war", "people", "their"].map(String::from));
        let glue = [
            " ", "", ", ", ".", "\n", "\u{2009}", "_", "9", "é", "\u{201c}", " - ",
        ];
        for e in &pieces {
            assert_eq!(may_hold_figure(e), PREFILTER.is_match(e), "{e:?}");
        }
        // A fixed pseudo-random walk, so a failure repeats.
        let mut next = crate::extract::test_walk(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..1 + next(12) {
                s.push_str(glue[next(glue.len())]);
                s.push_str(&pieces[next(pieces.len())]);
            }
            assert_eq!(may_hold_figure(&s), PREFILTER.is_match(&s), "{s:?}");
        }
    }

    #[test]
    fn gate_reads_whole_words_and_phrases() {
        assert!(may_hold_figure("At least 10 were KILLED."));
        assert!(may_hold_figure("They were taken\ninto  custody"));
        assert!(!may_hold_figure("They were taken into-custody"));
        assert!(!may_hold_figure("killed_ 5killed skilled"));
        assert!(!may_hold_figure("into custodyx"));
        assert!(may_hold_figure("the \u{17f}oldiers of x\u{17f}oldiers"));
    }

    #[test]
    fn singulars_of_regular_plurals() {
        for (plural, one) in [
            ("officers", "officer"),
            ("policemen", "policeman"),
            ("babies", "baby"),
            ("children", "child"),
            ("witnesses", "witness"),
        ] {
            assert_eq!(singular(plural).as_deref(), Some(one));
        }
        assert_eq!(singular("police"), None);
        assert_eq!(singular("press"), None);
        let people = with_singulars(&["police officers", "locals", "troops"]);
        assert!(people.iter().any(|p| p == "police officer"));
        assert!(!people.iter().any(|p| p == "local" || p == "troop"));
    }
}
