"""Titles and role words: one table, each word once with every way storytrace reads it.

Several parts of storytrace ask whether a word is a title or a role: the sentence splitter
(:mod:`storytrace.text`: no sentence ends at "Gen."), the name finder
(:mod:`storytrace.names`: "Mayor" is no name word; two sentences sharing only "deputy
transport secretary" and a name describe one person), and the quote rules
(:mod:`storytrace.quotes`: "Mrs Okafor" is a woman, "Sir Alfred" no organisation, "Senate
Majority Leader" no name). Each reads a set derived below from :data:`TABLE`, so a word's
row shows every one of those readings, and a change to a word is made once.

The table began (session 45) as the lists those modules held apart, word for word; then the
quote rules took as titles the offices the name finder or the splitter already read as titles
or roles ("Councillor", "Coach", "Justice", "Maj."). Where one reader still has a word another
lacks (the name finder has no "professor" or "superintendent", the quote rules no "chief"), the
row says so and no property claims more.

>>> "Gen" in ABBREVIATED_TITLES and "gen" in SPEAKER_TITLES and "gen" in NAME_TITLES
True
>>> sorted(PLAIN_TITLES)
['dr', 'miss', 'mme', 'mr', 'mrs', 'ms']
"""

from __future__ import annotations

PROPERTIES: dict[str, str] = {
    "abbr": "an abbreviated title whose full stop never ends a sentence: a name follows it "
    '("Gen. Lee", "Mr. Smith"); the splitter reads its capitalised form',
    "name": "a word before a name that is no part of it: a name never starts with it and "
    'drops it ("Mayor Jane Okafor" names "Jane Okafor")',
    "role": "a word that describes a person by office or role beside a name without being "
    'a title there ("Dana Morrow, the opposition\'s shadow leader")',
    "speaker": "a title the quote rules read before a speaker's name: the name is what "
    'follows it ("said Gen. Lee": "Lee"), and alone it names nobody',
    "male": 'a title only a man holds: a later "he" may be him',
    "female": 'a title only a woman holds: a later "she" may be her',
    "personal": "a title of the person, not of an office: a phrase opening with it names "
    'one person ("Mr. Clinton" is not the "Clinton Foundation")',
    "plain": "a title only a person is written with: no firm's or place's name opens with it "
    "('Sir Alfred McAlpine' plc and 'Lord's' do; 'Mr Fox' is a man whatever 'Fox' News is)",
    "qualifier": "a capitalised word of an office's name before a person's name, itself no "
    "title ('Senate Majority Leader', 'Presidential Communications Office Secretary')",
    "apposition": "a label an apposition gives a person besides a title or role: a party "
    "member's ('Representative Steve Cohen, Democrat of Tennessee,')",
    "dotted": 'an abbreviation that keeps its full stop inside a name ("John Smith Jr.", '
    '"St. Louis"): the quote rules\' phrase tokens keep the stop, as after a title',
}
"""Each property of :data:`TABLE` and the reason it exists."""

TABLE = """
# Courtesy titles
mr              abbr name speaker male personal plain
mrs             abbr name speaker female personal plain
ms              abbr name speaker female personal plain
miss            name speaker female personal plain
messrs          abbr
mme             abbr speaker female personal plain
# Academic titles
dr              abbr name speaker personal plain
prof            abbr name speaker personal
professor       speaker personal
# Honours, nobility and royalty
sir             name speaker male personal
dame            name speaker female personal
lord            name speaker male personal
lady            name speaker female personal
king            name speaker male personal
queen           name speaker female personal
prince          name speaker male personal
princess        name speaker female personal
hon             abbr
# Religion
pope            name speaker
rev             abbr name speaker
fr              abbr speaker
father          speaker male personal
sister          speaker female personal
brother         speaker male personal
saint           name
st              name dotted
# Government and elected office
president       name speaker
prime           name
minister        name speaker
ministers       role
pm              name
chancellor      name speaker
secretary       name speaker
secretaries     role
senator         name speaker
sen             abbr name speaker
rep             abbr name speaker
representative  role
congressman     role speaker
congresswoman   role speaker
gov             abbr name speaker
governor        name speaker
mayor           name speaker
mp              name
mps             name
mep             name
meps            name
councillor      role speaker
councilor       role speaker
ambassador      role speaker
envoy           role
commissioner    role speaker
# Law
judge           name speaker
justice         name speaker
attorney        role
lawyer          role
# Armed forces
gen             abbr name speaker
general         name speaker
lt              abbr name speaker
col             abbr name speaker
colonel         speaker
maj             abbr speaker
capt            abbr name speaker
captain         name speaker
cmdr            abbr speaker
adm             abbr speaker
admiral         speaker
sgt             abbr name speaker
sergeant        name speaker
cpl             abbr speaker
pvt             abbr speaker
officer         name speaker apposition
# Police
det             abbr speaker
detective       name speaker
insp            abbr speaker
inspector       name speaker
supt            abbr speaker
superintendent  speaker
constable       name speaker
chief           name
# Business, organisations and sport
ceo             name
chairman        name
chairwoman      name
chair           role
chairperson     role
director        name
executive       role
founder         role
manager         role
boss            role
head            role
editor          role
coach           role speaker
# Speaking for someone
spokesman       name
spokeswoman     name
spokesperson    role
aide            role
adviser         role
advisor         role
official        role
# Party and candidacy
leader          role
leaders         role
candidate       role
nominee         role
member          role apposition
members         role
democrat        apposition
republican      apposition
# Qualifiers of an office
deputy          role qualifier
vice            role
shadow          role
acting          role
interim         role
former          role
ex              role
senior          role
junior          role
majority        qualifier
minority        qualifier
presidential    qualifier
communications  qualifier
press           qualifier
# Name suffixes
jr              dotted
sr              dotted
"""
"""One row per word, lower case: the word, then its properties (:data:`PROPERTIES`).
Comment lines group the rows for the reader; the groups mean nothing to the code."""

WORDS: dict[str, frozenset[str]] = {
    row[0]: frozenset(row[1:])
    for row in (line.split() for line in TABLE.splitlines() if not line.startswith("#"))
    if row
}
"""Each word of :data:`TABLE` with its properties."""


def having(*properties: str) -> frozenset[str]:
    """The words of :data:`TABLE` with any of ``properties``."""
    return frozenset(w for w, props in WORDS.items() if not props.isdisjoint(properties))


ABBREVIATED_TITLES = frozenset(w.capitalize() for w in having("abbr"))
"""The sentence splitter's titles, capitalised as they are written ("Gen", "Mr")."""
NAME_TITLES = having("name")
"""What the name finder drops before a name (:mod:`storytrace.names`)."""
ROLE_WORDS = having("name", "role")
"""Words that describe a person by office or role (:func:`storytrace.names.description_tokens`)."""
SPEAKER_TITLES = having("speaker")
"""The quote rules' titles (``storytrace.quotes.lexicon.TITLES``)."""
MALE_TITLES = having("male")
FEMALE_TITLES = having("female")
PERSONAL_TITLES = having("personal")
PLAIN_TITLES = having("plain")
ROLE_QUALIFIERS = having("qualifier")
APPOSITION_WORDS = having("apposition")
PHRASE_ABBREVIATIONS = frozenset(w.capitalize() for w in having("speaker", "dotted"))
"""Words whose full stop the quote rules' phrase tokens keep ("Mr.", "Jr.")."""
