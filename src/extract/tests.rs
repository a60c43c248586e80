//! Sentence → figures table: the grammar's end-to-end cases, one line each.
//! Columns: sentence, number phrase, metric, value, low, high, qualifier.
//! A sentence with no figure lists none: those are the non-figures of §2.

use chrono::NaiveDate;

use super::{figures, Figure, Kind, Metric};
use crate::document::Document;

fn run(text: &str) -> Vec<Figure> {
    let doc = Document::new("t", NaiveDate::from_ymd_opt(2025, 1, 22), text);
    figures(&doc)
}

type Row = (
    &'static str,
    &'static str,
    u64,
    Option<u64>,
    Option<u64>,
    &'static str,
);

/// (sentence, expected figures)
const CASES: &[(&str, &[Row])] = &[
    // A stay's span between "spent" and the shelter; a move to one.
    (
        "About 2,300 residents spent Monday night in evacuation centers.",
        &[("About 2,300", "displaced", 2300, None, None, "approx")],
    ),
    (
        "More than 14,000 people have been moved to 236 shelters in the three districts.",
        &[("More than 14,000", "displaced", 14000, Some(14000), None, "more_than")],
    ),
    ("He spent 12 years in prison.", &[]),
    // A count restated in other units; households are no people count.
    (
        "The DTM said an estimated 4,200 households, or about 21,000 people, had been displaced since Sunday.",
        &[("about 21,000", "displaced", 21000, None, None, "approx")],
    ),
    (
        "In Satkhira, some 1.5 lakh people took refuge in shelters on Sunday.",
        &[("some 1.5 lakh", "displaced", 150000, None, None, "approx")],
    ),
    (
        "Cyclone Amphan forced 2.4 million people into shelters.",
        &[("2.4 million", "displaced", 2400000, Some(2400000), Some(2400000), "exact")],
    ),
    (
        "About 25,000 residents and visitors were ordered out of the park late Monday.",
        &[("About 25,000", "displaced", 25000, None, None, "approx")],
    ),
    // A border crossing named by its point.
    (
        "Some 1,140 people crossed at the Fassala border point last week.",
        &[("Some 1,140", "displaced", 1140, None, None, "approx")],
    ),
    // "those" and a participle name the group; the main verb is its fate.
    ("The commission says 127 of those arrested on Sunday have been released.", &[]),
    (
        "Twelve of those killed were children.",
        &[("Twelve", "killed", 12, Some(12), Some(12), "exact")],
    ),
    // A two-column key-figures table: the cell border marks the label.
    (
        "People displaced inside Lebanon (Government estimate) | 1.2 million",
        &[("1.2 million", "displaced", 1200000, Some(1200000), Some(1200000), "exact")],
    ),
    (
        "People in collective shelters in Lebanon | more than 180,000",
        &[("more than 180,000", "displaced", 180000, Some(180000), None, "more_than")],
    ),
    // Captives still held, in other words.
    (
        "At least 40 passengers remain in captivity.",
        &[("At least 40", "abducted", 40, Some(40), None, "at_least")],
    ),
    (
        "Police said 14 of the passengers remain in the hands of their kidnappers.",
        &[("14", "abducted", 14, Some(14), Some(14), "exact")],
    ),
    // Outlaws are people; a headline's present deploys.
    (
        "Troops killed 14 bandits near Faskari on Friday.",
        &[("14", "killed", 14, Some(14), Some(14), "exact")],
    ),
    (
        "Guatemala sends 1,200 troops to border",
        &[("1,200", "troops", 1200, Some(1200), Some(1200), "exact")],
    ),
    // "degrees" has a people ending ("-ees") and counts none.
    (
        "Among the dead were three polling officers in Odisha, where temperatures crossed 46 degrees Celsius.",
        &[("three", "killed", 3, Some(3), Some(3), "exact")],
    ),
    (
        "The army deployed 230 soldiers on Monday, and a further 150 were deployed on Tuesday.",
        &[
            ("230", "troops", 230, Some(230), Some(230), "exact"),
            ("150", "troops", 150, Some(150), Some(150), "exact"),
        ],
    ),
    (
        "Since January, at least 12 refugees have been detained by soldiers.",
        &[("at least 12", "detained", 12, Some(12), None, "at_least")],
    ),
    (
        "In Teuchitlan, a municipality of about 10,000 residents, 36 people have been reported missing.",
        &[("36", "missing", 36, Some(36), Some(36), "exact")],
    ),
    (
        "The agency registered 9,870 new arrivals from Mali in April.",
        &[("9,870", "displaced", 9870, Some(9870), Some(9870), "exact")],
    ),
    (
        "Jihadists killed 140 soldiers this year, compared with 173 in 2024.",
        &[
            ("140", "killed", 140, Some(140), Some(140), "exact"),
            ("173", "killed", 173, Some(173), Some(173), "exact"),
        ],
    ),
    (
        "The toll rose to 19 on Tuesday, up from 12 a day earlier.",
        &[
            ("19", "killed", 19, Some(19), Some(19), "exact"),
            ("12", "killed", 12, Some(12), Some(12), "exact"),
        ],
    ),
    (
        "Papiri school abduction: 50 pupils escape, 265 still held",
        &[("265", "abducted", 265, Some(265), Some(265), "exact")],
    ),
    (
        "Seventeen passengers were still being held in the forest.",
        &[("Seventeen", "abducted", 17, Some(17), Some(17), "exact")],
    ),
    (
        "Washington sent 100 military instructors to Niamey.",
        &[("100", "troops", 100, Some(100), Some(100), "exact")],
    ),
    (
        "Seven people were killed there, including three children from one family.",
        &[
            ("Seven", "killed", 7, Some(7), Some(7), "exact"),
            ("three", "killed", 3, Some(3), Some(3), "exact"),
        ],
    ),
    (
        "Most were released, but 42 remain in detention.",
        &[("42", "detained", 42, Some(42), Some(42), "exact")],
    ),
    (
        "The number of people who died in the mudslide that swept through Katesh town and \
         nearby villages in Hanang District, Manyara Region, on Sunday morning rose to 68.",
        &[("68", "killed", 68, Some(68), Some(68), "exact")],
    ),
    (
        "About 1,400 evacuees were in shelters, down from a peak of 1,700 on Saturday.",
        &[
            ("About 1,400", "displaced", 1400, None, None, "approx"),
            ("1,700", "displaced", 1700, Some(1700), Some(1700), "exact"),
        ],
    ),
    (
        "Israeli forces killed 10 people in Jenin.",
        &[("10", "killed", 10, Some(10), Some(10), "exact")],
    ),
    (
        "At least 10 people were killed.",
        &[("At least 10", "killed", 10, Some(10), None, "at_least")],
    ),
    (
        "The quake claimed more than 50,000 lives.",
        &[(
            "more than 50,000",
            "killed",
            50000,
            Some(50000),
            None,
            "more_than",
        )],
    ),
    (
        "The death toll rose to 300.",
        &[("300", "killed", 300, Some(300), Some(300), "exact")],
    ),
    (
        "Nearly 900 people remain missing.",
        &[("Nearly 900", "missing", 900, None, Some(900), "up_to")],
    ),
    (
        "Police arrested 12 protesters.",
        &[("12", "detained", 12, Some(12), Some(12), "exact")],
    ),
    (
        "Gunmen kidnapped dozens of students.",
        &[("dozens", "abducted", 24, Some(24), None, "vague")],
    ),
    (
        "Between 10 and 15 people were wounded.",
        &[(
            "Between 10 and 15",
            "injured",
            10,
            Some(10),
            Some(15),
            "range",
        )],
    ),
    // A colon inside brackets does not cut the toll from its verb.
    (
        "The death toll from the storm (international name: Trami) rose to 85 on Saturday.",
        &[("85", "killed", 85, Some(85), Some(85), "exact")],
    ),
    (
        "The state would send between 300 and 400 Guard members to Washington.",
        &[(
            "between 300 and 400",
            "troops",
            300,
            Some(300),
            Some(400),
            "range",
        )],
    ),
    (
        "Divers recovered the bodies of six people off the coast on Tuesday.",
        &[("six", "killed", 6, Some(6), Some(6), "exact")],
    ),
    (
        "Gunmen shot dead at least 31 men at a checkpoint.",
        &[("at least 31", "killed", 31, Some(31), None, "at_least")],
    ),
    (
        "Militants beheaded nine villagers overnight.",
        &[("nine", "killed", 9, Some(9), Some(9), "exact")],
    ),
    (
        "Three soldiers were martyred in the ambush.",
        &[("Three", "killed", 3, Some(3), Some(3), "exact")],
    ),
    ("No casualties were reported.", &[]),
    ("Russia has established three military bases.", &[]),
    ("The highway M4 reopened in 2017.", &[]),
    ("A 12-year-old boy was killed.", &[]),
    (
        "The government pledged $450 million for the 2.3 million displaced.",
        &[(
            "2.3 million",
            "displaced",
            2300000,
            Some(2300000),
            Some(2300000),
            "exact",
        )],
    ),
    // The complement of "took" names the metric, and the sentence is not
    // filtered out for lacking a cue word.
    (
        "Gunmen took 30 villagers hostage.",
        &[("30", "abducted", 30, Some(30), Some(30), "exact")],
    ),
    (
        "Four people were killed and one police officer was wounded.",
        &[
            ("Four", "killed", 4, Some(4), Some(4), "exact"),
            ("one", "injured", 1, Some(1), Some(1), "exact"),
        ],
    ),
    (
        "The fire claimed the lives of 9 children.",
        &[("9", "killed", 9, Some(9), Some(9), "exact")],
    ),
    ("Nurses saved the lives of 40 patients.", &[]),
    (
        "Some 8,000 soldiers are held as prisoners of war.",
        &[("Some 8,000", "detained", 8000, None, None, "approx")],
    ),
    (
        "Nearly 150,000 people are in evacuation centres.",
        &[(
            "Nearly 150,000",
            "displaced",
            150000,
            None,
            Some(150000),
            "up_to",
        )],
    ),
    // A relative clause's verb is the noun's; the main verb decides.
    (
        "At least 12 children who fled into the bush are still unaccounted for.",
        &[("At least 12", "missing", 12, Some(12), None, "at_least")],
    ),
    (
        "Some 185,000 persons (42,526 households) have been displaced.",
        &[("Some 185,000", "displaced", 185000, None, None, "approx")],
    ),
    (
        "At least 22 people are now known to have died.",
        &[("At least 22", "killed", 22, Some(22), None, "at_least")],
    ),
    (
        "About 3,800 IDPs are sheltering in schools.",
        &[("About 3,800", "displaced", 3800, None, None, "approx")],
    ),
    (
        "There were 125 persons who sustained injuries.",
        &[("125", "injured", 125, Some(125), Some(125), "exact")],
    ),
    (
        "A 1,700-strong contingent of police was deployed to the port.",
        &[("1,700", "troops", 1700, Some(1700), Some(1700), "exact")],
    ),
    ("A 5,000-strong crowd marched as troops were deployed.", &[]),
    (
        "The toll rose from 40 to 56.",
        &[
            ("40", "killed", 40, Some(40), Some(40), "exact"),
            ("56", "killed", 56, Some(56), Some(56), "exact"),
        ],
    ),
    (
        "The unrest has brought to 261 the number of people killed.",
        &[("261", "killed", 261, Some(261), Some(261), "exact")],
    ),
    (
        "At least 21 of its officials and military officers have been detained.",
        &[("At least 21", "detained", 21, Some(21), None, "at_least")],
    ),
    // The subject of a toll verb in a reported or subordinate clause.
    (
        "Rescuers pulled more bodies from the sea as the death toll from the collapse of two dams topped 5,300.",
        &[("topped 5,300", "killed", 5300, Some(5300), None, "more_than")],
    ),
    (
        "The mayor said that the number of people sheltering in schools was now exceeding 20,000.",
        &[("exceeding 20,000", "displaced", 20000, Some(20000), None, "more_than")],
    ),
    // An appositive between the noun's place and its verb.
    (
        "He said 10 to 15 residents of Sampaloc, a village in the town, were still unaccounted for.",
        &[("10 to 15", "missing", 10, Some(10), Some(15), "range")],
    ),
    (
        "The mission is meant to field up to 2,500 personnel.",
        &[("up to 2,500", "troops", 2500, None, Some(2500), "up_to")],
    ),
    (
        "About 9,000 more have fled into Uganda.",
        &[("About 9,000", "displaced", 9000, None, None, "approx")],
    ),
    // A dash aside, an age aside, a participle adjective.
    (
        "Roughly 400,000 people \u{2014} between 60,000 and 80,000 households \u{2014} fled the camp.",
        &[("Roughly 400,000", "displaced", 400000, None, None, "approx")],
    ),
    (
        "Two children, aged seven and nine, have been missing since Thursday.",
        &[("Two", "missing", 2, Some(2), Some(2), "exact")],
    ),
    ("Police seized three unlicensed firearms.", &[]),
    // A rate anywhere in the clause is no figure.
    ("On average, 13 people are murdered in the province every day.", &[]),
    (
        "Nine members of his family drowned when the water hit their house.",
        &[("Nine", "killed", 9, Some(9), Some(9), "exact")],
    ),
    (
        "Nearly 53,000 people have taken shelter in relief camps.",
        &[("Nearly 53,000", "displaced", 53000, None, Some(53000), "up_to")],
    ),
    (
        "Another 1,500 members of the Civilian Joint Task Force have been deployed.",
        &[("1,500", "troops", 1500, Some(1500), Some(1500), "exact")],
    ),
    (
        "Officials had put the number of dead in the town at 151.",
        &[("151", "killed", 151, Some(151), Some(151), "exact")],
    ),
    (
        "Some 2,500 peacekeepers from Kenya and 1,000 from Benin will be deployed.",
        &[
            ("Some 2,500", "troops", 2500, None, None, "approx"),
            ("1,000", "troops", 1000, Some(1000), Some(1000), "exact"),
        ],
    ),
    // A count spanning two metrics is no figure (§2).
    ("More than 1 million troops have been killed or wounded.", &[]),
    ("At least 923 people have died or gone missing at sea.", &[]),
    // A sub-count takes its total's metric, whatever follows the aside.
    (
        "The toll stands at 17, including six children, and 58 people have been injured.",
        &[
            ("17", "killed", 17, Some(17), Some(17), "exact"),
            ("six", "killed", 6, Some(6), Some(6), "exact"),
            ("58", "injured", 58, Some(58), Some(58), "exact"),
        ],
    ),
    (
        "A total of 2,140 residents whose homes were destroyed have been evacuated.",
        &[("A total of 2,140", "displaced", 2140, Some(2140), Some(2140), "exact")],
    ),
    (
        "Two peacekeepers were slightly injured.",
        &[("Two", "injured", 2, Some(2), Some(2), "exact")],
    ),
    (
        "Police have recaptured 47 of the inmates.",
        &[("47", "detained", 47, Some(47), Some(47), "exact")],
    ),
    ("Fifty of the pupils have escaped from their captors.", &[]),
    (
        "The centre admitted 11 more patients with gunshot wounds.",
        &[("11", "injured", 11, Some(11), Some(11), "exact")],
    ),
    (
        "The fire has claimed one life.",
        &[("one", "killed", 1, Some(1), Some(1), "exact")],
    ),
    (
        "The number of injured was revised down to 26 from 31.",
        &[
            ("26", "injured", 26, Some(26), Some(26), "exact"),
            ("31", "injured", 31, Some(31), Some(31), "exact"),
        ],
    ),
    (
        "The mission sent 150 Kenyan and Jamaican officers to the town.",
        &[("150", "troops", 150, Some(150), Some(150), "exact")],
    ),
    (
        "Indonesia has 1,231 soldiers deployed, followed by Italy with 1,068 and Ghana with 877.",
        &[
            ("1,231", "troops", 1231, Some(1231), Some(1231), "exact"),
            ("1,068", "troops", 1068, Some(1068), Some(1068), "exact"),
            ("877", "troops", 877, Some(877), Some(877), "exact"),
        ],
    ),
    (
        "The mutineers held four senior officers hostage before troops freed them.",
        &[("four", "abducted", 4, Some(4), Some(4), "exact")],
    ),
    (
        "Police arrested three stewards.",
        &[("three", "detained", 3, Some(3), Some(3), "exact")],
    ),
    (
        "Rescuers pulled out 9 miners, three of them with serious injuries.",
        &[("three", "injured", 3, Some(3), Some(3), "exact")],
    ),
    (
        "Over 4m people have fled their homes.",
        &[(
            "Over 4m",
            "displaced",
            4000000,
            Some(4000000),
            None,
            "more_than",
        )],
    ),
    // A participle and a name before the people noun.
    (
        "The ministry said 40 stranded Afghan migrants had drowned.",
        &[("40", "killed", 40, Some(40), Some(40), "exact")],
    ),
    // "all" between the verb and its number.
    (
        "Commandos stormed the compound, killing all 12 gunmen.",
        &[("12", "killed", 12, Some(12), Some(12), "exact")],
    ),
    // A force noun before another: one noun phrase.
    (
        "Five border police personnel were wounded in the ambush.",
        &[("Five", "injured", 5, Some(5), Some(5), "exact")],
    ),
    // A hyphenated age inside an appositive does not close it.
    (
        "One farmer, a 64-year-old father of five, was shot dead near the fence.",
        &[("One", "killed", 1, Some(1), Some(1), "exact")],
    ),
    // The object of "the bodies of" is dead, whatever its noun says.
    (
        "Divers recovered the bodies of all four hostages from the lake.",
        &[("four", "killed", 4, Some(4), Some(4), "exact")],
    ),
    // An earlier value, however far back its figure stands.
    (
        "Officials said 88 people had been detained since the curfew began, up from 51 on Monday.",
        &[
            ("88", "detained", 88, Some(88), Some(88), "exact"),
            ("51", "detained", 51, Some(51), Some(51), "exact"),
        ],
    ),
    // "for a month" is a stretch of time, not a rate.
    (
        "The floods drove 3,000 villagers from their homes for nearly a month.",
        &[("3,000", "displaced", 3000, Some(3000), Some(3000), "exact")],
    ),
    // The groups the counted people came from are no figure; an aside
    // with a number between commas is skipped.
    (
        "Nine members of three families, including two infants, were abducted from the camp.",
        &[
            ("Nine", "abducted", 9, Some(9), Some(9), "exact"),
            ("two", "abducted", 2, Some(2), Some(2), "exact"),
        ],
    ),
    // Harm complements: "with … injuries", "with burns", "treated for … wounds".
    (
        "The clinic admitted 75 patients with blast-related injuries, 9 of whom later died.",
        &[
            ("75", "injured", 75, Some(75), Some(75), "exact"),
            ("9", "killed", 9, Some(9), Some(9), "exact"),
        ],
    ),
    // A quoted count is the count.
    (
        "The rebels claimed to have killed \"dozens\" of soldiers.",
        &[("dozens", "killed", 24, Some(24), None, "vague")],
    ),
    (
        "Authorities placed 14 opposition activists under house arrest.",
        &[("14", "detained", 14, Some(14), Some(14), "exact")],
    ),
    // A new clause with its own verb is not the object of the one before.
    (
        "Two fishermen were rescued and 5 are still missing.",
        &[("5", "missing", 5, Some(5), Some(5), "exact")],
    ),
    // "overnight" ends a noun phrase; "flown" deploys a force.
    (
        "The toll had climbed to 61 overnight.",
        &[("61", "killed", 61, Some(61), Some(61), "exact")],
    ),
    (
        "Another 800 police officers were flown to the island on Friday.",
        &[("800", "troops", 800, Some(800), Some(800), "exact")],
    ),
    // Shelter complements, not for soldiers in their camps.
    (
        "About 2,600 villagers are staying in 31 school shelters.",
        &[("About 2,600", "displaced", 2600, None, None, "approx")],
    ),
    ("Some 90 soldiers were staying in camps outside the town.", &[]),
    (
        "Doctors said 57 people had been taken to hospital with burns.",
        &[("57", "injured", 57, Some(57), Some(57), "exact")],
    ),
    (
        "Medics said 30 people were treated for shrapnel wounds and 6 for burns.",
        &[("30", "injured", 30, Some(30), Some(30), "exact")],
    ),
    // A rate adjective before a noun is no rate.
    (
        "At least 26 people were killed when a drone hit a weekly market.",
        &[("At least 26", "killed", 26, Some(26), None, "at_least")],
    ),
    ("About 630 people cross daily into Chad.", &[]),
    // A gapped conjunct takes its mate's metric.
    (
        "Of the dead, 59 were in Wajima and 23 in Suzu.",
        &[
            ("59", "killed", 59, Some(59), Some(59), "exact"),
            ("23", "killed", 23, Some(23), Some(23), "exact"),
        ],
    ),
    (
        "Officials confirmed 48 deaths on Tuesday, 64 by Wednesday and 73 later that night.",
        &[
            ("48", "killed", 48, Some(48), Some(48), "exact"),
            ("64", "killed", 64, Some(64), Some(64), "exact"),
            ("73", "killed", 73, Some(73), Some(73), "exact"),
        ],
    ),
    // Another number between is the conjunct's mate: no figure.
    (
        "Police are looking for two missing children, aged seven and nine, from Umlazi.",
        &[("two", "missing", 2, Some(2), Some(2), "exact")],
    ),
    // Harm complements.
    (
        "Doctors treated at least 230 people with gunshot wounds.",
        &[("at least 230", "injured", 230, Some(230), None, "at_least")],
    ),
    (
        "A nurse said 47 people had been brought in with injuries.",
        &[("47", "injured", 47, Some(47), Some(47), "exact")],
    ),
    (
        "38 people had been treated for gunshot and shrapnel wounds.",
        &[("38", "injured", 38, Some(38), Some(38), "exact")],
    ),
    ("Medics treated 40 people for cholera.", &[]),
    // "count" names a stated total as "number" does.
    (
        "The count of the missing stood at 242 on Thursday.",
        &[("242", "missing", 242, Some(242), Some(242), "exact")],
    ),
    (
        "MSF said it had treated 63 people for gunshot wounds since Sunday.",
        &[("63", "injured", 63, Some(63), Some(63), "exact")],
    ),
    // A hospital's patients are the injured; a clinic's cholera cases are not.
    (
        "Officials said 52 people were still being treated at the regional hospital.",
        &[("52", "injured", 52, Some(52), Some(52), "exact")],
    ),
    (
        "Eleven people were being treated at Sawla General Hospital.",
        &[("Eleven", "injured", 11, Some(11), Some(11), "exact")],
    ),
    ("Some 1,200 people are being treated for cholera.", &[]),
    (
        "The ferry sank off Bhola, drowning seven passengers.",
        &[("seven", "killed", 7, Some(7), Some(7), "exact")],
    ),
    // A conjunct's count after a share of a group is a share of it too.
    (
        "Of the dead, 14 were in Sunamganj, where roads were cut for four days, and nine were in Sylhet.",
        &[
            ("14", "killed", 14, Some(14), Some(14), "exact"),
            ("nine", "killed", 9, Some(9), Some(9), "exact"),
        ],
    ),
    (
        "Most of the dead were from Guinea, and at least six were women.",
        &[("at least six", "killed", 6, Some(6), None, "at_least")],
    ),
    ("Most of the residents were from Guinea, and six were women.", &[]),
    // A sitrep's key-figures line with a long label; a label without a cue.
    (
        "Individuals displaced from the site to Malakal town: 5,400",
        &[("5,400", "displaced", 5400, Some(5400), Some(5400), "exact")],
    ),
    ("Households assessed in the site and the town: 1,080", &[]),
    // Two nouns of people joined are one group, the verb after both.
    (
        "More than 4,000 returnees and refugees fleeing the fighting have crossed into Renk.",
        &[("More than 4,000", "displaced", 4000, Some(4000), None, "more_than")],
    ),
    // A modifier before a force's name.
    (
        "About 600 extra National Guard officers were sent to the port.",
        &[("About 600", "troops", 600, None, None, "approx")],
    ),
    (
        "The ministry said 100 more soldiers will arrive next week.",
        &[("100", "troops", 100, Some(100), Some(100), "exact")],
    ),
    (
        "The army had moved about 1,200 troops into the district.",
        &[("about 1,200", "troops", 1200, None, None, "approx")],
    ),
    // The size a force is brought to; a unit's losses are no force size.
    (
        "The army sent 250 more soldiers, bringing its deployment there to about 700.",
        &[
            ("250", "troops", 250, Some(250), Some(250), "exact"),
            ("about 700", "troops", 700, None, None, "approx"),
        ],
    ),
    (
        "The move brings the number of security personnel in the capital to more than 12,000.",
        &[("more than 12,000", "troops", 12000, Some(12000), None, "more_than")],
    ),
    ("The offensive brought the army's losses to 5,000.", &[]),
    // A headline's present tense.
    (
        "Heatwave deaths in Portugal pass 1,000",
        &[("pass 1,000", "killed", 1000, Some(1000), None, "more_than")],
    ),
    (
        "Turkey detains more than 1,100 as protests spread",
        &[("more than 1,100", "detained", 1100, Some(1100), None, "more_than")],
    ),
    (
        "Rebels abducted 12 men; two were found dead by a stream.",
        &[
            ("12", "abducted", 12, Some(12), Some(12), "exact"),
            ("two", "killed", 2, Some(2), Some(2), "exact"),
        ],
    ),
    // The harm as the verb's object.
    (
        "Twenty-three people were rescued, and five of them suffered serious injuries.",
        &[("five", "injured", 5, Some(5), Some(5), "exact")],
    ),
    (
        "Two soldiers sustained gunshot wounds.",
        &[("Two", "injured", 2, Some(2), Some(2), "exact")],
    ),
    // Followers of a creed or leader name people.
    (
        "More than 300 suspected Maoists have been killed since January.",
        &[("More than 300", "killed", 300, Some(300), None, "more_than")],
    ),
    // A qualifier after the number, with or without one before it, keeps
    // its noun.
    (
        "Some 2,000-odd people have fled their villages.",
        &[("Some 2,000-odd", "displaced", 2000, None, None, "approx")],
    ),
    (
        "300 or more people were killed.",
        &[("300 or more", "killed", 300, Some(300), None, "at_least")],
    ),
    (
        "The reinforcements bring the number of troops in the state to about 2,000.",
        &[("about 2,000", "troops", 2000, None, None, "approx")],
    ),
    // A bare total an earlier figure is brought to.
    (
        "Rescuers retrieved four more bodies on Monday, bringing the total to 30.",
        &[
            ("four", "killed", 4, Some(4), Some(4), "exact"),
            ("30", "killed", 30, Some(30), Some(30), "exact"),
        ],
    ),
    // Names with their counts in brackets after a cue.
    (
        "The ministry listed deaths in Al Haouz (1,351), Taroudant (492) and Casablanca (2).",
        &[
            ("1,351", "killed", 1351, Some(1351), Some(1351), "exact"),
            ("492", "killed", 492, Some(492), Some(492), "exact"),
            ("2", "killed", 2, Some(2), Some(2), "exact"),
        ],
    ),
    ("Teams visited Aleppo (12) and Idlib (3).", &[]),
    // A share's own verb wins over its group: died, not injured.
    (
        "The toll had stood at 151, but three more of the injured died overnight.",
        &[
            ("151", "killed", 151, Some(151), Some(151), "exact"),
            ("three", "killed", 3, Some(3), Some(3), "exact"),
        ],
    ),
    // A sub-count after "including the" keeps its total's metric.
    (
        "The government put the toll at 64, including the four officers.",
        &[
            ("64", "killed", 64, Some(64), Some(64), "exact"),
            ("four", "killed", 4, Some(4), Some(4), "exact"),
        ],
    ),
    ("At least 156 people had been killed or had disappeared.", &[]),
    (
        "Twelve people disappeared after the raid.",
        &[("Twelve", "missing", 12, Some(12), Some(12), "exact")],
    ),
    (
        "Nearly 750,000 Central Africans are living as refugees abroad.",
        &[("Nearly 750,000", "displaced", 750000, None, Some(750000), "up_to")],
    ),
    // An adverb of manner in the verb group, listed or not.
    (
        "By Monday, 15 people had been formally arrested by a court in Ufa.",
        &[("15", "detained", 15, Some(15), Some(15), "exact")],
    ),
    // An age in apposition is no count, past an aside and an adverb.
    (
        "Imamoglu, 53, the main rival to the president, was formally arrested on Sunday.",
        &[],
    ),
    // Men mobilised are conscripts.
    (
        "About 1,100 men from the district were mobilized in September 2022.",
        &[("About 1,100", "troops", 1100, None, None, "approx")],
    ),
    // "gone missing"; another count's noun before "and" is no second metric.
    (
        "So far, 289 migrants have died and 412 have gone missing on the route.",
        &[
            ("289", "killed", 289, Some(289), Some(289), "exact"),
            ("412", "missing", 412, Some(412), Some(412), "exact"),
        ],
    ),
    (
        "In 2024, IOM recorded 962 deaths and 1,452 missing migrants on the route.",
        &[
            ("962", "killed", 962, Some(962), Some(962), "exact"),
            ("1,452", "missing", 1452, Some(1452), Some(1452), "exact"),
        ],
    ),
    ("Ten people were wounded and killed.", &[]),
    // A mission's troop contributors.
    (
        "Burundi, which had contributed more than 2,000 soldiers, pulled out.",
        &[("more than 2,000", "troops", 2000, Some(2000), None, "more_than")],
    ),
    // A number restated in brackets before its noun.
    (
        "More than 1,000 (one thousand) residents had been evacuated.",
        &[("More than 1,000", "displaced", 1000, Some(1000), None, "more_than")],
    ),
];

#[test]
fn sentence_table() {
    let mut seen = std::collections::HashSet::new();
    for (text, want) in CASES {
        assert!(seen.insert(text), "duplicate case {text}");
        let got: Vec<Row> = run(text)
            .iter()
            .map(|f| {
                let phrase: &'static str =
                    Box::leak(text[f.start..f.end].to_string().into_boxed_str());
                (
                    phrase,
                    f.metric.as_str(),
                    f.value,
                    f.low,
                    f.high,
                    f.qualifier.as_str(),
                )
            })
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn an_earlier_value_is_a_total_on_its_own_date() {
    // 2025-01-24 is a Friday; Monday is 01-20.
    let doc = Document::new(
        "t",
        NaiveDate::from_ymd_opt(2025, 1, 24),
        "The ministry said 52 people had died, up from 31 deaths it reported on Monday.",
    );
    let got: Vec<(u64, String, &str)> = figures(&doc)
        .iter()
        .map(|f| (f.value, f.date.unwrap().to_string(), f.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (52, "2025-01-24".into(), "cumulative"),
            (31, "2025-01-20".into(), "cumulative"),
        ]
    );
}

#[test]
fn a_text_table_gives_a_running_total_per_cell_in_text_order() {
    let doc = Document::new(
        "t",
        NaiveDate::from_ymd_opt(2025, 3, 5),
        "Floods have killed 50 people, officials said.\n\n\
         Toll by district (as of 3 March)\n\
         District | Dead | Missing\n\
         Kunduz | 31 | 4\n\
         Baghlan | 19 | 0\n",
    );
    let figs = figures(&doc);
    let got: Vec<(u64, &str, String, Option<&str>, &str)> = figs
        .iter()
        .map(|f| {
            let date = f.date.unwrap().to_string();
            (
                f.value,
                f.metric.as_str(),
                date,
                f.place.as_deref(),
                f.kind.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                50,
                "killed",
                "2025-03-05".into(),
                Some("Kunduz"),
                "cumulative"
            ),
            (
                31,
                "killed",
                "2025-03-03".into(),
                Some("Kunduz"),
                "cumulative"
            ),
            (
                4,
                "missing",
                "2025-03-03".into(),
                Some("Kunduz"),
                "cumulative"
            ),
            (
                19,
                "killed",
                "2025-03-03".into(),
                Some("Baghlan"),
                "cumulative"
            ),
        ]
    );
}

#[test]
fn a_key_figures_line_is_a_running_total() {
    let doc = Document::new(
        "t",
        NaiveDate::from_ymd_opt(2025, 3, 5),
        "KEY FIGURES\n310 people dead\n45 people missing\n\nTroops killed 4 people on Monday.",
    );
    let figs = figures(&doc);
    let kinds: Vec<(u64, &str)> = figs.iter().map(|f| (f.value, f.kind.as_str())).collect();
    assert_eq!(
        kinds,
        vec![(310, "cumulative"), (45, "cumulative"), (4, "event")]
    );
}

#[test]
fn repeated_caption_counts_once() {
    let text = "Five people were killed in the blast.\n\nFive people were killed in the blast.";
    assert_eq!(run(text).len(), 1);
}

/// A figure a total brings along "with" shares its dating: both are the
/// running toll's.
#[test]
fn a_figure_brought_along_by_a_total_shares_its_kind() {
    let figs = run("The toll from the earthquake has climbed to 1,200, with 3,000 injured.");
    let kinds: Vec<_> = figs.iter().map(|f| (f.value, f.kind.as_str())).collect();
    assert_eq!(kinds, vec![(1200, "cumulative"), (3000, "cumulative")]);
}

/// Sentence → the `where` of its first figure: the most specific place the
/// sentence ties it to, named by the text even when the gazetteer lacks it.
#[test]
fn where_table() {
    const CASES: &[(&str, &str)] = &[
        // A headline in title case: "Least" is no place; nor is a corps.
        (
            "At Least 62 Migrants Dead After Boat Capsizes off Yemen's Abyan",
            "Abyan",
        ),
        (
            "About 2,500 Russian fighters of the Africa Corps are now deployed in Mali.",
            "Mali",
        ),
        // In a title-case headline a capital beside a town joins no name.
        ("Airstrike On Kirkuk Market Kills 12 Villagers", "Kirkuk"),
        ("Rebels Kill 12 Villagers As Goma Residents Flee", "Goma"),
        // Land named in a wider unit is the nearer place.
        (
            "Security forces killed 57 fighters in the Cal Miskaad mountains of Bari region.",
            "Cal Miskaad",
        ),
        // Names of bodies are not places: a name's tail after "for the", its
        // bracketed abbreviation, the tail of a name whose head is no place.
        (
            "The Office for the Coordination of Humanitarian Affairs says 9,000 people are sheltering in schools in Kalemie territory.",
            "Kalemie territory",
        ),
        (
            "The Balochistan Liberation Army (BLA) said it had seized 30 passengers.",
            "Balochistan",
        ),

        // A name of short words before a place noun ("village" is dropped).
        (
            "A military airstrike on a monastery in Lin Ta Lu village, in Myanmar's Sagaing Region, killed 23 people.",
            "Lin Ta Lu",
        ),
        // "the village of X": X is the place, not the container after "in".
        (
            "A guided bomb struck the village of Borova in Kharkiv Oblast, killing two people.",
            "Borova",
        ),
        (
            "Police in the Black Sea city of Batumi detained 24 people on Sunday night.",
            "Batumi",
        ),
        // A modifier between the name and its place noun.
        (
            "Gunmen killed at least 40 civilians in an attack on the Abu Shouk displacement camp.",
            "Abu Shouk",
        ),
        // A possessive place owns the place: "Sagaing's Myinmu township".
        (
            "In a separate operation in Sagaing's Myinmu township, soldiers detained 11 men.",
            "Myinmu township",
        ),
        // People fleeing a place.
        ("Some 3,900 people fled Abu Shouk in the past week.", "Abu Shouk"),
        ("The army sent about 300 troops to the Micay canyon on Monday.", "Micay canyon"),
        // A place that only locates the named one: "near", an appositive, "the X suburb of Y".
        (
            "A drone strike on the Balata refugee camp near Nablus killed two men on Tuesday.",
            "Balata",
        ),
        (
            "Gunmen abducted 30 farmers in Kankara, a small town in northwestern Katsina state.",
            "Kankara",
        ),
        (
            "Militia fighters killed nine people in the Bunia suburb of Lopa overnight.",
            "Lopa",
        ),
        // "the X <unit> of Y": the unit; "the Y neighbourhood of X": the neighbourhood.
        (
            "Landslides killed 14 people in the Shigal district of Kunar on Monday.",
            "Shigal district",
        ),
        (
            "Police said 12 people were shot dead in the Kabul neighbourhood of Dasht-e-Barchi.",
            "Dasht-e-Barchi",
        ),
        // People who flee take the place they fled to.
        (
            "Some 2,000 villagers fled Mambasa on Friday for Komanda, officials said.",
            "Komanda",
        ),
        // A place noun after an organisation's word ("Union") makes a place.
        ("The navy sent 50 sailors to Union Island on Tuesday.", "Union Island"),
        // Particles inside names; a sentence's first word is no organisation.
        (
            "At least 20 migrants drowned off Praia da Vitoria, also in the Azores.",
            "Praia da Vitoria",
        ),
        (
            "Residents of Ban Na Lao, a village in Attapeu province, said 40 people were missing.",
            "Ban Na Lao",
        ),
        // A named storm is no place.
        (
            "Severe Tropical Storm Maring killed 12 people in Cagayan.",
            "Cagayan",
        ),
        // A source after "according to" is not where things happened.
        (
            "WASHINGTON (AP) — Police have arrested 630 people since Aug. 7, according to the White House.",
            "Washington",
        ),
    ];
    for (text, want) in CASES {
        let got = run(text);
        let place = got.first().and_then(|f| f.place.clone());
        assert_eq!(place.as_deref(), Some(*want), "{text}");
    }
    // The tail of a name whose head is no place is no place either.
    let got = run("The president put the toll at 11 in an address from State House.");
    assert_eq!(got[0].place, None);
    // "the camp" points back to the place named as a camp, not the last place.
    let got = run(
        "Gunmen attacked the Abu Shouk displacement camp near El Fasher in \
        Sudan's Darfur region on Monday. Another 19 people were wounded in the assault \
        on the camp, the UN said.",
    );
    let wounded = got.iter().find(|f| f.value == 19).expect("the 19 wounded");
    assert_eq!(wounded.place.as_deref(), Some("Abu Shouk"));
}

/// The country a dateline names picks its town: "BENI, Congo" is the
/// Congolese city, not Bolivia's Beni department.
#[test]
fn dateline_country_picks_the_town() {
    let got = run(
        "BENI, Congo, Sept 9 (Reuters) - Rebels killed at least 40 people \
        at a funeral late on Monday, officials said. Beni has seen years of attacks.",
    );
    assert_eq!(got[0].place.as_deref(), Some("Beni"));
    assert_eq!(got[0].country.as_deref(), Some("COD"));
}

/// A pronoun opening a sentence points back to the group the sentence
/// before counted: its share takes that figure's metric and is part of it.
#[test]
fn pronoun_points_back_to_the_sentence_before() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.metric, f.value, f.subcount, f.who))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows(
            "Police arrested 40 people on Monday. Among them were 12 minors and three journalists."
        ),
        [
            (Metric::Detained, 40, false, Some("people".into())),
            (Metric::Detained, 12, true, Some("minors".into())),
            (Metric::Detained, 3, true, Some("journalists".into())),
        ]
    );
    assert_eq!(
        rows("The army has mobilised 20,000 soldiers. Around 3,000 of them are deployed in the valley."),
        [
            (Metric::Troops, 20000, false, Some("soldiers".into())),
            (Metric::Troops, 3000, true, None),
        ]
    );
    // "The remaining three": the rest of the group counted before.
    assert_eq!(
        rows("Nine of the deaths were in Sundargarh. The remaining three were from Balangir."),
        [
            (Metric::Killed, 9, false, None),
            (Metric::Killed, 3, true, None),
        ]
    );
    // "those" before a noun determines it: "of those deaths" are dead.
    assert_eq!(
        rows("At least 2,000 people have been killed and 9,000 injured. More than 1,100 of those deaths occurred since September."),
        [
            (Metric::Killed, 2000, false, Some("people".into())),
            (Metric::Injured, 9000, false, None),
            (Metric::Killed, 1100, false, None),
        ]
    );
    // Only the sentence right before; a fate of the share's own is no figure.
    assert_eq!(
        rows("Police arrested 40 people. Rain fell. Among them were 12 minors.").len(),
        1
    );
    assert_eq!(
        rows("Police arrested 40 people. Of them, 12 were released.").len(),
        1
    );
}

/// The first of two names sharing an organisation's noun is no place;
/// the same word after "in" is one.
#[test]
fn names_sharing_an_organisations_noun() {
    let place = |text: &str| run(text)[0].place.clone();
    assert_eq!(
        place("Gunmen killed 194 people, members of the Defense and Interior ministries said."),
        None
    );
    assert_eq!(
        place("Gunmen killed 19 people in Defense.").as_deref(),
        Some("Defense")
    );
}

/// A live page's day headings date the entries under them, until another
/// heading; one date line alone (a byline's) dates nothing.
#[test]
fn day_headings_date_their_entries() {
    let dates = |text: &str| {
        let doc = Document::new("t", NaiveDate::from_ymd_opt(2025, 8, 30), text);
        figures(&doc)
            .into_iter()
            .map(|f| (f.value, f.date.map(|d| d.to_string())))
            .collect::<Vec<_>>()
    };
    let day = |d: &str| Some(d.to_string());
    let page = "Saturday, August 30\n\nPolice detained 39 people.\n\n\
                Friday, August 29\n\nIn Yogyakarta, police detained 32 people this evening.\n\n\
                The wider picture\n\nPolice have detained 300 people in all.";
    assert_eq!(
        dates(page),
        [
            (39, day("2025-08-30")),
            (32, day("2025-08-29")),
            (300, day("2025-08-30"))
        ]
    );
    let byline = "August 28, 2025\n\nPolice detained 39 people.";
    assert_eq!(dates(byline), [(39, day("2025-08-30"))]);
    // One past day's heading below the day's own entries.
    let live = "Live: protests\n\nUpdated 9:48\n\nWhat we know\n\nCalm returns.\n\n\
                Police said the city was quiet.\n\nShops reopened.\n\nMore later.\n\n\
                Police detained 12 people.\n\nFriday, August 29\n\nPolice detained 49 people.";
    assert_eq!(
        dates(live),
        [(12, day("2025-08-30")), (49, day("2025-08-29"))]
    );
    // A date that ends a sentence run over a line is no heading.
    let wrapped = "Weekly report\n\nA\n\nB\n\nC\n\nD\n\nE\n\nF\n\nG\n\n\
                   The army said its forces had killed 60 militants since\n\n10 August.\n\n\
                   Police detained 49 people on Friday.";
    assert_eq!(dates(wrapped).last(), Some(&(49, day("2025-08-29"))));
}

/// A total over a period still running at publication stands on that day,
/// counted from the period's start: "so far this year".
#[test]
fn a_running_period_total_stands_at_publication() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.date, f.period_start, f.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("The observatory says 34 people have been killed in the city so far this year."),
        [(
            NaiveDate::from_ymd_opt(2025, 1, 22),
            NaiveDate::from_ymd_opt(2025, 1, 1),
            Kind::Cumulative
        )]
    );
}

/// A key-figures line names a force or a shelter in its label.
#[test]
fn key_figure_labels_name_forces_and_shelters() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.metric, f.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("Key figures\n\nMilitary personnel deployed: 850\n\nIn public shelters: 1,730\n\nShelters destroyed: 240"),
        [(Metric::Troops, 850), (Metric::Displaced, 1730)]
    );
    assert_eq!(
        rows("The army said it had sent about 500 reinforcements to Kayes."),
        [(Metric::Troops, 500)]
    );
}

/// A count over a whole calendar year adds up many incidents: a total,
/// unless the sentence names the one incident.
#[test]
fn whole_year_counts_are_totals() {
    let kinds = |text: &str| run(text).into_iter().map(|f| f.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds("In 2024, 219 Maoists were killed in the division."),
        [Kind::Cumulative]
    );
    assert_eq!(
        kinds("In 2004, an earthquake near Al Hoceima killed 628 people."),
        [Kind::Event]
    );
}

/// More of the dead, found: "Eight more were pulled from the rubble" after
/// a count of bodies; survivors found alive are no such count.
#[test]
fn more_recovered_after_bodies_are_killed() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.metric, f.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("Rescuers recovered 11 bodies on Saturday. Eight more were pulled from the rubble on Sunday."),
        [(Metric::Killed, 11), (Metric::Killed, 8)]
    );
    assert_eq!(
        rows("Rescuers recovered 11 bodies on Saturday. Three more were found alive on Sunday."),
        [(Metric::Killed, 11)]
    );
}

/// A total over a range written out ("between March 1 and May 31") is dated
/// on its last day with the first as its start, even when the range spans
/// whole months; a month named alone is its first day.
#[test]
fn a_range_of_whole_months_is_a_period() {
    let dates = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.date, f.period_start))
            .collect::<Vec<_>>()
    };
    let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d);
    assert_eq!(
        dates("At least 612 people were kidnapped in Katsina between January and May 2024."),
        [(day(5, 31), day(1, 1))]
    );
}

/// A follow-up about an incident keeps its day (§4): the injured after the
/// dead of Saturday's blast; not a deployment after it, nor a share.
#[test]
fn a_follow_up_keeps_the_incident_day() {
    let dates = |text: &str| run(text).into_iter().map(|f| f.date).collect::<Vec<_>>();
    let day = |d| NaiveDate::from_ymd_opt(2025, 1, d);
    assert_eq!(
        dates("A bomb exploded at a market in Kabul on Saturday, killing 11 people. At least 23 people were injured, officials said."),
        [day(18), day(18)]
    );
    assert_eq!(
        dates("A bomb exploded at a market in Kabul on Saturday, killing 11 people. Police deployed 300 officers."),
        [day(18), day(22)]
    );
}

/// Two forces joined are one group, and a participle after both is theirs:
/// "soldiers and police officers already stationed" is a force in place.
#[test]
fn joined_forces_share_their_participle() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.value, f.kind, f.who))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("The troops will reinforce some 2,000 soldiers and police officers already stationed along the frontier."),
        [(2000, Kind::Cumulative, Some("soldiers and police officers".into()))]
    );
}

/// A force's deployment verb far after its noun, past a list of units,
/// still says it is in place: "are deployed".
#[test]
fn a_force_in_place_past_a_list_of_units() {
    let kinds = |text: &str| run(text).into_iter().map(|f| f.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds("More than 3,000 personnel from the armed forces, fire brigades and Civil Protection are deployed in the town."),
        [Kind::Cumulative]
    );
}

/// The period a total is brought to is the total's, not the increment's:
/// "22 more died ..., taking the number of deaths since March 1 to 141".
#[test]
fn an_increment_leaves_its_total_the_period() {
    let rows = |text: &str| {
        run(text)
            .into_iter()
            .map(|f| (f.value, f.kind, f.period_start))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("Twenty-two more people died of heatstroke in Odisha on Tuesday, taking the number of heat-related deaths in the state since March 1 to 141."),
        [
            (22, Kind::Event, None),
            (141, Kind::Cumulative, NaiveDate::from_ymd_opt(2024, 3, 1)),
        ]
    );
}

/// "on June 3 this year": the year phrase is the day's year, not a period
/// of its own.
#[test]
fn a_day_with_this_year() {
    let dates = |text: &str| run(text).into_iter().map(|f| f.date).collect::<Vec<_>>();
    assert_eq!(
        dates(
            "When the volcano last erupted on June 3 last year, some 8,000 people were displaced."
        ),
        [NaiveDate::from_ymd_opt(2024, 6, 3)]
    );
}

/// A one-word town before another capitalised word starts a longer name
/// (a person's: "Omer Hamid"); "the Bureau of ..." is an office, not a place.
#[test]
fn a_town_inside_a_longer_name_is_no_place() {
    let places = |text: &str| run(text).into_iter().map(|f| f.place).collect::<Vec<_>>();
    assert_eq!(
        places("\"Until now, 32 are unaccounted for,\" Omer Hamid, a miner, told reporters."),
        [None]
    );
    assert_eq!(
        places("Another 150 personnel of the Bureau of Fire Protection were sent from Bacolod."),
        [Some("Bacolod".into())]
    );
}

/// A holiday is no place: "on New Year's Day".
#[test]
fn holidays_are_no_places() {
    let got = run("The quake that struck Ishikawa Prefecture on New Year's Day killed 84 people.");
    assert_eq!(got[0].place.as_deref(), Some("Ishikawa Prefecture"));
}

/// Initials in a noun phrase end no clause: "U.S." is part of the group.
#[test]
fn initials_inside_the_group() {
    let got = run("About 1,100 U.S. troops were stationed in Niger.");
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].metric, got[0].value), (Metric::Troops, 1100));
    assert_eq!(got[0].who.as_deref(), Some("U.S. troops"));
    assert_eq!(
        run("Militants killed 12 soldiers in the U.S.")[0]
            .place
            .as_deref(),
        Some("U.S.")
    );
}

/// The story's place (§5) for a figure whose sentence names none: the
/// headline's town over a filing town elsewhere, but a dateline inside the
/// headline's country is the more specific. A known name after "del" behind
/// a capitalised word is a longer name's tail ("Lanao del Sur" is not Oman's Sur).
#[test]
fn story_place_weighs_headline_against_dateline() {
    let story = |title: &str, text: &str| {
        let mut doc = Document::new("t", NaiveDate::from_ymd_opt(2025, 3, 11), text);
        doc.title = Some(title.to_string());
        figures(&doc)[0].place.clone()
    };
    let filed_elsewhere = "BUENOS AIRES, March 11 - At least 16 people have died, officials \
        said. The government in Buenos Aires promised aid.";
    assert_eq!(
        story("Bahia Blanca flood toll rises to 16", filed_elsewhere).as_deref(),
        Some("Bahia Blanca")
    );
    let filed_inside = "COTONOU, March 11 - Police have arrested 20 soldiers, officials \
        said. Calm returned to Cotonou.";
    assert_eq!(
        story("Benin arrests soldiers after coup attempt", filed_inside).as_deref(),
        Some("Cotonou")
    );
    assert_eq!(
        story(
            "Gunmen abduct 5 teachers in Lanao del Sur",
            "Gunmen abducted 5 teachers."
        )
        .as_deref(),
        None
    );
}

/// An estimate "put at" a number, and its sub-counts dated and kinded with it.
#[test]
fn estimates_put_at_a_number_and_their_subcounts() {
    let got = run("A rights group put the toll in Kadugli at 150, including 40 children.");
    let rows: Vec<(u64, &str, bool)> = got
        .iter()
        .map(|f| (f.value, f.kind.as_str(), f.subcount))
        .collect();
    assert_eq!(rows, [(150, "cumulative", false), (40, "cumulative", true)]);
    assert!(got.iter().all(|f| f.metric == Metric::Killed));
}

/// "across the country" spreads a count over the story's country; an
/// organisation's "for" does not join two places.
#[test]
fn where_of_country_wide_counts() {
    let got = run(
        "KABUL, Sept 2 (Reuters) - An earthquake struck the east on Sunday. \
        More than 3,000 people were injured across the country, officials said.",
    );
    assert_eq!(got[0].place.as_deref(), Some("Afghanistan"));
    assert_eq!(got[0].country.as_deref(), Some("AFG"));
    let got = run("The Association for Human Rights says 400 people were detained last year.");
    assert_ne!(got[0].place.as_deref(), Some("Human Rights"));
}

/// Sentence → the `where` of each figure, in text order: a fronted place
/// frames the sentence, the figure's own clause locates it, and a place
/// right after another figure belongs to that figure.
#[test]
fn where_per_figure() {
    const CASES: &[(&str, &[&str])] = &[
        (
            "In Zaporizhzhia Oblast, four people were killed in Vasylivka and two in Polohy \
            overnight, while nine others were injured across the region.",
            &["Vasylivka", "Polohy", "Zaporizhzhia Oblast"],
        ),
        (
            "In Kherson Oblast, shelling wounded 14 civilians on Friday, six of them in the city of Kherson.",
            &["Kherson Oblast", "Kherson"],
        ),
        (
            "Inside Sudan, about 500,000 people have fled their homes in North Kordofan since June.",
            &["North Kordofan"],
        ),
        // Each name labels the count in brackets after it.
        (
            "The ministry listed deaths in Al Haouz (1,351), Taroudant (492) and Chichaoua (202).",
            &["Al Haouz", "Taroudant", "Chichaoua"],
        ),
        // A clock's zone is no place: the story's is.
        (
            "MAKHACHKALA, Aug 15 (TASS) - A fuel tank exploded at a gas station in Makhachkala. \
            \"As of 10:00 Moscow time, 35 people have died,\" the ministry said.",
            &["Makhachkala"],
        ),
        // The sub-count's commas do not move the total away from its verb's place.
        (
            "At least eight people, including two nurses, were abducted from Beni on Sunday.",
            &["Beni", "Beni"],
        ),
    ];
    for (text, want) in CASES {
        let got: Vec<Option<String>> = run(text).into_iter().map(|f| f.place).collect();
        let want: Vec<Option<String>> = want.iter().map(|w| Some(w.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }
}

/// A share of a running total given in an earlier sentence is part of that
/// total; a share in a sentence on a day of its own is that day's count.
#[test]
fn a_share_of_an_earlier_total_is_counted_as_it_is() {
    let doc = Document::new(
        "share",
        NaiveDate::from_ymd_opt(2024, 9, 9),
        "The death toll has risen to 39, officials said. Nine of the dead were children.",
    );
    let figs = figures(&doc);
    assert_eq!(figs.len(), 2);
    assert_eq!(figs[1].value, 9);
    assert_eq!(figs[1].kind, Kind::Cumulative);
    let doc = Document::new(
        "share-event",
        NaiveDate::from_ymd_opt(2024, 9, 9),
        "The death toll has risen to 39, officials said. On Sunday, gunmen rounded up farmers and killed 12 of them.",
    );
    let figs = figures(&doc);
    assert_eq!(
        figs.last().map(|f| (f.value, f.kind)),
        Some((12, Kind::Event))
    );
}

/// A key-figures line, bare or labelled, states where a total stands.
#[test]
fn a_key_figures_line_is_a_total() {
    let doc = Document::new(
        "key",
        NaiveDate::from_ymd_opt(2024, 9, 9),
        "Key figures\n\n- Civilians killed: 12\nDeaths reported in the camp since the clashes: 20\n\n\
        Gunmen killed 5 people in the market.",
    );
    let kinds: Vec<(u64, Kind)> = figures(&doc).iter().map(|f| (f.value, f.kind)).collect();
    assert_eq!(
        kinds,
        [
            (12, Kind::Cumulative),
            (20, Kind::Cumulative),
            (5, Kind::Event)
        ]
    );
}

/// "the district" points back to the district a story named, however many
/// sentences before.
#[test]
fn an_anaphor_with_a_noun_reaches_back_to_its_place() {
    let places: Vec<Option<String>> = run("DHAKA (Reuters) - Floods in Sunamganj district \
         have killed 20 people, officials in Dhaka said. Roads were cut. Schools closed. \
         Power failed. Boats ferried food. In July, a landslide in the district killed 12 people.")
    .into_iter()
    .map(|f| f.place)
    .collect();
    let sunamganj = Some("Sunamganj district".to_string());
    assert_eq!(places, [sunamganj.clone(), sunamganj]);
}

/// A force stated as standing where it is ("with 1,231 soldiers deployed",
/// "forces already stationed") is a total; one sent on a named day is that
/// day's event.
#[test]
fn a_standing_force_is_a_total() {
    let kinds =
        |text: &str| -> Vec<(u64, Kind)> { run(text).iter().map(|f| (f.value, f.kind)).collect() };
    assert_eq!(
        kinds("Indonesia has the largest contingent, with 1,231 soldiers deployed in the south."),
        [(1231, Kind::Cumulative)]
    );
    assert_eq!(
        kinds("The Pentagon is sending more troops to bolster the 40,000 US forces already stationed in the region."),
        [(40000, Kind::Cumulative)]
    );
    assert_eq!(
        kinds("The army said 300 soldiers deployed on Sunday had reached the town."),
        [(300, Kind::Event)]
    );
}

/// "one thousand" restating a count is no year: the figure keeps the
/// publication date.
#[test]
fn one_thousand_is_no_year() {
    let dates: Vec<_> = run("More than 1,000 (one thousand) residents had been evacuated.")
        .iter()
        .map(|f| f.date)
        .collect();
    assert_eq!(dates, [NaiveDate::from_ymd_opt(2025, 1, 22)]);
}
