"""The words quote extraction keys on: reporting verbs and their forms, titles,
pronouns, determiners and the regular expressions for tokens and names."""

from __future__ import annotations

from storytrace.text import lazy_compile
from storytrace.titles import SPEAKER_TITLES

IRREGULAR = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "write": "write writes wrote written writing",
    "speak": "speak speaks spoke speaking",
    "call": "call calls called calling",
    "sing": "sing sings sang sung singing",
}
REGULAR = """add insist claim argue explain state tweet post note warn reply respond announce
    admit acknowledge confirm deny declare suggest recall remark observe assert contend maintain
    urge ask complain concede conclude counter joke quip boast vow pledge promise reveal stress
    emphasise emphasize press predict allege agree caution testify report describe accuse charge
    continue estimate insist lament mention point answer shout exclaim retort scoff recount
    assure reiterate dub label brand refer dismiss yell scream chant whisper mutter
    recite encourage liken hail deride hint indicate""".split()

# Participles after a comma take the sentence subject as speaker:
# "Philp called for a debate, arguing that ...".
PARTICIPLES: set[str] = set()


def inflect(verb: str) -> list[str]:
    if verb in IRREGULAR:
        return IRREGULAR[verb].split()
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        s3, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        s3 = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        past = verb + "d" if verb.endswith("e") else verb + "ed"
    if verb in ("admit", "quip", "dub", "refer"):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        ing = stem + "ing"
    return [verb, s3, past, ing]


# Their base and -s forms are mostly nouns in news copy ("the swing state",
# "reports of"); only the past and -ing forms count as cues.
NOUNLIKE = set(
    """report claim post note tweet reply joke boast vow pledge promise counter charge estimate
    state point quip remark lament mention caution""".split()
)

CUE_FORMS: dict[str, str] = {}
for _lemma in list(IRREGULAR) + REGULAR:
    for _k, _form in enumerate(inflect(_lemma)):
        if _lemma in NOUNLIKE and _k < 2:
            continue
        CUE_FORMS[_form] = _lemma
        if _form.endswith("ing"):
            PARTICIPLES.add(_form)
# "point" and "continue" only report speech in these phrases.
PHRASAL = {"point": ("out",), "continue": (":", ",", ".", " that ")}

# Base and -s forms of the noun-like verbs count only before "that": "estimates that".
CUE_FORMS_BEFORE_THAT = {
    form: lemma for lemma in NOUNLIKE for form in inflect(lemma)[:2] if form not in CUE_FORMS
}
# Naming verbs report speech only with quoted words nearby: "called Clinton 'crooked'".
NAMING = {"call", "dub", "label", "brand", "refer", "dismiss", "liken", "hail", "deride"}

# Verbs that also have non-reporting senses: "agreed to", "charged with".
NOT_BEFORE = lazy_compile(r"\s+(?:to|with|for|up|off|into)\b")
NEEDS_CHECK = {
    "encourage",
    "press",
    "agree",
    "charge",
    "continue",
    "promise",
    "vow",
    "pledge",
    "urge",
    "describe",
    "accuse",
    "ask",
    "report",
    "estimate",
    "post",
    "point",
    "mention",
}

PRONOUNS = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": "", "you": ""}
RELATIVES = {"who", "which", "that"}
AUX_ADV = set(
    """has have had was were is are be been also then later previously earlier once again even
    reportedly just recently will would could did does do not never has often repeatedly
    subsequently quickly simply further flatly publicly privately angrily separately still
    initially first last tersely bluntly memorably famously long however nonetheless
    nevertheless""".split()
)
# Words that open a plural subject: "several environmental groups", "two aides".
QUANTIFIERS = set("two three four five six seven eight nine ten several many both most all".split())
DETERMINERS = set("the a an his her their its our this that these those another one some".split())
# Lower-case words that end a backward noun-phrase scan: clause and phrase boundaries.
NP_STOP = set(
    """and but or nor that which who whom whose when while as because if although though
    after before since in on at during with by to from into onto over under than until unless
    where whether so yet not no it is was were are has have had be been being do does did
    said says say told tells tell there here also then however meanwhile""".split()
)
# The titles before a speaker's name; every other reading of a title or role word is in
# storytrace.titles too, beside this one.
TITLES = SPEAKER_TITLES
# Capitalised words that are not (parts of) personal names.
NOT_NAME = set(
    """the a an in on at but and or for of to during meanwhile however after before when while
    as if it its this that these those he she they we i his her their our my former ex shadow
    commons leader minister prime secretary chancellor house labour party tory tories
    conservative conservatives democrat democrats democratic republican republicans president
    senator senate congress government committee national federal state states united kingdom
    uk us usa eu white reform new north south east west january february march april may june
    july august september october november december monday tuesday wednesday thursday friday
    saturday sunday mp mps msp msps mep meps speaker chairman chairwoman director head spokesman
    spokeswoman
    spokesperson campaign convention council office department ministry court police army
    news times post daily mail telegraph guardian bbc cnn reuters ap afp fox twitter linkedin
    facebook instagram x sources officials critics supporters experts analysts ceo maybe
    perhaps under with without despite among amid following unlike against within through
    towards upon""".split()
)
# Sports clubs and competitions (issue 15, session 38): a name ending in one of these words
# ('Nottingham Forest', 'Bristol Rovers', 'Australian Open', 'Zurich Premiership') or opening
# with one of CLUB_OPENERS ('AC Milan', 'Real Madrid', 'FC Porto') is a team's or an
# event's, nobody's "he" or "she" (the parser tags "Nottingham Forest" a PERSON).
CLUB_ENDS = set(
    """united utd city rovers forest fc afc athletic albion wanderers hotspur rangers argyle
    orient town rugby open premiership championship cup trophy""".split()
)
CLUB_OPENERS = set(
    """fc ac afc real inter sporting dynamo dinamo bayern borussia olympique atletico
    deportivo""".split()
)
# Roles written after a team's name: 'Forest manager Gary Megson', 'United boss Sir Alex
# Ferguson', 'Chelsea striker Didier Drogba' (the name before the role is a club's).
CLUB_ROLES = set(
    """boss manager striker midfielder defender goalkeeper keeper winger skipper coach
    captain full-back centre-back forward fly-half scrum-half prop flanker lock""".split()
)
STATEMENT_NOUNS = set(
    """post tweet statement letter email message memo note blog video report interview
    release filing complaint""".split()
)
SPOKES = lazy_compile(r"\b(?:spokes(?:man|woman|person)|representative|aide|lawyer|attorney)s?\b")

INITIALS = lazy_compile(r"(?:[A-Z]\.)*[A-Z]")
"""Initials up to their last full stop: "J", "T.J", "U.S"."""

# A word of a name: capitalised, or run-together initials ("T.J.", "U.S.") read as one
# word, so that a run never starts at the second initial ("J. DiLeo").
NAME_RUN = lazy_compile(
    r"(?<![\w’'.])(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*\.?)"
    r"(?:[ \t]+(?:(?:de|van|von|bin|al|da|del|la|le)[ \t]+)?"
    r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*\.?))*"
)


# After these the next noun phrase is the listener, not the speaker.
TRANSITIVE = {"tell", "ask", "urge", "accuse", "assure", "warn"}
TEMPORAL = set(
    """yesterday today tonight now recently earlier later week month year morning afternoon
    evening night weekend monday tuesday wednesday thursday friday saturday sunday""".split()
)
TEMPORAL_LEAD = {"this", "last", "on", "next", "earlier", "later", "that"}
BARE_SPEAKERS = set(
    """sources officials critics experts analysts aides supporters opponents observers residents
    voters lawmakers economists democrats republicans people researchers scientists advocates
    activists insiders allies friends colleagues witnesses police prosecutors investigators
    documents records others many some both most all polls studies data surveys reports
    conservatives liberals protesters organizers organisers ministers mps tories members
    authorities officers detectives deputies troopers firefighters doctors relatives neighbours
    neighbors diplomats regulators executives advisers advisors strategists staffers employees
    participants respondents""".split()
)

NAME_PARTICLES = {"of", "for", "the", "and", "de", "van", "von", "da", "del", "al", "bin"}


ED_ADJECTIVES = set(
    """retired embattled unnamed named alleged appointed elected respected celebrated
    indicted disgraced jailed ousted acclaimed renowned based""".split()
)

INTRO = set(
    """once when while after before for on in at during as if although though because since
    with by from despite speaking asked addressing following under over like unlike hours days
    weeks months years minutes moments""".split()
)


IRREGULAR_PAST = set(
    """went said told gave made took came got wrote spoke put kept left found thought felt
    began ran sat stood knew saw held brought sent meant led read heard paid set let won lost
    struck stuck threw drew grew rose fell shut quit bought sold
    taught caught fought built spent lent dealt slept became forgot
    hid fled flew drove rode broke chose ate forgave froze hung laid overcame rang sank shook
    slid stole swore swept swam swung tore undertook underwent woke wore withdrew bore blew
    bled crept dug drank fed forbade foresaw knelt leapt misled overtook oversaw sought shone
    shrank sped spun sprang stung strode strove thrust upheld withheld withstood arose
    rebuilt rewrote mistook""".split()
)
# Past tenses that are also nouns ('a hit', 'job cuts'): a verb only after a noun or a
# name, not after a determiner ('said the driver hit a cyclist').
NOUN_PAST = {"hit", "cut", "shot", "hurt", "cost", "spread", "cast", "bid", "split"}
LEAD_CONJ = {"and", "but", "so", "then", "yet", "still", "also", "or"}
# Speech verbs the parser may add: a reporting verb with a subject and a clausal
# complement. Cognition and evidence verbs ("think", "believe", "found", "showed")
# report beliefs and findings, not speech, and are left out.
PARSE_LEMMAS = set(CUE_FORMS.values()) | {
    "cite",
    "reveal",
    "demand",
    "propose",
    "question",
    "reiterate",
}


PARSE_FORMS = {form: lemma for lemma in PARSE_LEMMAS for form in inflect(lemma)}

# Cues whose content must be quoted: "spoke to reporters", "speaking on condition".
QUOTE_ONLY = {"speak", "sing", "yell", "scream", "chant", "whisper", "mutter", "recite"}
PREPOSITIONS = set(
    """to for by about at on of with from into onto over under during after before since in
    against up out off as across through without within among toward towards upon via""".split()
)
SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
# Words that make a name an organisation's: "the Tax Policy Center", "The New York Times".
ORG_WORDS = set(
    """inc corp corporation co ltd llc plc party committee campaign university center centre
    times post journal association council department ministry agency foundation institute
    commission court bureau office police group company bank news network survey
    administration government board union senate congress fund service organization
    organisation league club church school college hospital museum magazine press tribune
    herald gazette review reuters bloomberg cnn bbc nbc abc cbs fox msnbc npr ap afp pac
    authority coalition alliance federation forum trust house cabinet parliament army navy
    fbi cia nato un eu who council's party's re sa nv gmbh holdings airways airlines
    motors resources industries pharmaceuticals securities telecom media retail online
    telecoms wireless aid relief""".split()
)
# Heads of a description standing for an organisation the article has named:
# "the company said", "the club said in its statement", "the paper says".
ORG_DESCRIPTORS = set(
    """company firm group club bank retailer paper newspaper agency business chain carrier
    airline maker manufacturer startup start-up insurer giant statement regulator watchdog
    miner reinsurer drugmaker carmaker automaker chipmaker brewer supermarket grocer operator
    producer supplier publisher broadcaster label lender utility conglomerate team charity
    union body daily tabloid""".split()
)
# Roles only a person holds: "the senator", "the former shadow chancellor".
PERSON_ROLES = set(
    """senator minister secretary chancellor president spokesman spokeswoman spokesperson mp
    leader candidate nominee governor mayor official aide lawyer attorney chairman chairwoman
    director adviser advisor executive ceo founder manager coach player judge economist
    analyst professor author writer reporter columnist editor host anchor sheriff chief
    congressman congresswoman representative delegate ambassador commissioner superintendent
    actor actress singer widow mother father son daughter wife husband man woman
    assemblyman assemblywoman councilman councilwoman businessman businesswoman
    keeper goalkeeper striker midfielder defender winger skipper boss captain moderator
    interviewer presenter correspondent journalist dj""".split()
)
# An office's holder-to-be is read as the office ('The president-elect, Barack Obama,',
# 'the chairman-designate').
PERSON_ROLES |= {
    f"{office}-{to_be}"
    for office in """senator minister secretary chancellor president leader governor mayor
    chairman chairwoman director ambassador commissioner congressman congresswoman""".split()
    for to_be in ("elect", "designate")
}
# Roles of whoever puts the questions: an interviewer is not the person answering.
INTERVIEWERS = {
    "host", "co-host", "anchor", "moderator", "interviewer", "presenter", "reporter",
    "correspondent", "journalist",
}  # fmt: skip
# Heads of descriptions that stand for a person the text is about ("the former Scotland
# international", "the world indoor champion"), kept apart from PERSON_ROLES because they
# also end organisations' names ("Amnesty International", "Morning Star").
PERSON_HEADS = PERSON_ROLES | set(
    """international champion sprinter athlete jockey trainer batsman bowler cyclist golfer
    boxer veteran youngster star ace forward flanker fly-half scrum-half hooker all-rounder
    tycoon entrepreneur banker strategist holder winner favourite favorite finalist medallist
    medalist olympian debutant rookie quarterback receiver linebacker pitcher""".split()
)
# Last words of place names ("Marshall Islands", "Persian Gulf"): a place is nobody's
# "he" or "she", whatever the first word suggests.
PLACE_WORDS = set(
    """islands island republic coast county city valley bay sea ocean river mountains
    street square park airport station stadium arena bridge road lake beach gulf strait
    peninsula province region district""".split()
)
# Every word that can start a frame, lower-cased: a text with none of them and no
# quotation mark holds no quote.
ANY_CUE = frozenset(CUE_FORMS) | frozenset(CUE_FORMS_BEFORE_THAT) | {"according"} | set(PARSE_FORMS)
# Promises report an infinitive as their content: "vowed to bring back jobs".
COMMISSIVES = {"vow", "pledge", "promise"}
# Requests report the infinitive after their listener: "urged voters to stay home"
# (content "to stay home"), "called on Trump to apologise".
REQUESTS = {"urge", "warn", "encourage", "ask", "tell", "call", "press"}

# Cognition and evidence verbs: they report what somebody believes or what a study
# found, not what anybody said. Off by default; ``extract_quotes(beliefs=True)``
# reports them as kind ``belief``.
BELIEF_IRREGULAR = {
    "think": "think thinks thought thinking",
    "know": "know knows knew known knowing",
    "feel": "feel feels felt feeling",
    "find": "find finds found finding",
    "show": "show shows showed shown showing",
    "understand": "understand understands understood understanding",
}
BELIEF_REGULAR = """believe expect hope fear suspect doubt worry assume reckon realise realize
    indicate demonstrate prove""".split()
BELIEF_FORMS: dict[str, str] = {}
for _lemma in BELIEF_REGULAR:
    for _form in inflect(_lemma):
        BELIEF_FORMS[_form] = _lemma
for _lemma, _forms in BELIEF_IRREGULAR.items():
    for _form in _forms.split():
        BELIEF_FORMS[_form] = _lemma
