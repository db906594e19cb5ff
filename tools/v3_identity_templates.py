"""Synthetic identity-group training cases for the kindness-wall classifier (v3).

Why this file exists
--------------------
The classifier tends to flag *kind* text as toxic as soon as it names an identity
group: counter-speech, hope speech and solidarity, identity pride, and replies that
quote a prejudice in order to reject it.  At the same time calm, "respectable"
prejudice written in the very same vocabulary must stay toxic.  This module
generates paired families: every kind or harmless family has a toxic twin that uses
the SAME groups, the SAME sentence frames and openers, and overlapping words
(deserve, belong, neighbours, community, burden, welcome, safe, hope, proud, lazy,
dangerous, not ...), as well as the same emoji and register changes.  Group words,
frames, emoji and casing therefore decide nothing; only the stance does.

Families and labels (toxic, threat, kind)
-----------------------------------------
``counter_narrative``: plain-prose defence of a group against a stereotype or
    hostility (facts, personal stories, "X are not a burden") : kind (0, 0, 1)
``prejudice_prose``: twin; calm plain-prose prejudice in the same frames,
    including cheerfully worded wishes for a group to leave or vanish : toxic (1, 0, 0)
``quote_rejected``: a prejudice is quoted or paraphrased in order to reject it
    : kind (0, 0, 1)
``quote_endorsed``: twin; the same quoted prejudices repeated approvingly
    : toxic (1, 0, 0)
``solidarity_hope``: hope speech, solidarity and allyship towards a group or a
    person in it : kind (0, 0, 1)
``group_threat``: twin; calm calls or wishes for violence against the same groups
    in similar frames : toxic + threat (1, 1, 0)
``identity_pride``: first- or second-person pride in an identity, greetings for
    festivals and awareness days : kind (0, 0, 1)
``pride_contempt``: twin; the same pride frames turned into contempt and mockery
    of the identity : toxic (1, 0, 0)
``identity_neutral``: neutral statements and questions naming groups (statistics,
    events, history, logistics) : neither (0, 0, 0)
``neutral_loaded``: twin; the same neutral questions and statistics with a
    prejudiced sting attached : toxic (1, 0, 0)

API: ``FAMILIES``, ``SHARES`` (twins share equal weight) and
``case(family, rng) -> (text, toxic, threat, kind, family)``.  Only the ``rng``
passed in is used, so a fixed seed reproduces the same cases.  No real slurs are
spelled out.  Stdlib only (``random``, ``re``); no network.
"""

import random
import re

# --------------------------------------------------------------------------- groups


def _g(pl, sg, comm, me, adj, tags, quotes=()):
    """Group record: plural, singular with article, community phrase, phrase usable
    after "I'm"/"being" (empty = not used for pride), adjective (may be empty)."""
    return {"pl": pl, "sg": sg, "comm": comm, "me": me, "adj": adj, "tags": tags, "quotes": quotes}


GROUPS = (
    _g(
        "Muslims",
        "a Muslim",
        "the Muslim community",
        "Muslim",
        "Muslim",
        ("foreign", "relig"),
        (
            "Muslims are all extremists",
            "Muslims will never fit in here",
            "Muslims want to take over the country",
        ),
    ),
    _g(
        "Jewish people",
        "a Jewish person",
        "the Jewish community",
        "Jewish",
        "Jewish",
        ("foreign", "relig"),
        ("Jewish people run all the banks", "Jewish people only look after their own"),
    ),
    _g(
        "Sikhs",
        "a Sikh",
        "the Sikh community",
        "Sikh",
        "Sikh",
        ("foreign", "relig"),
        ("people in turbans are a security risk",),
    ),
    _g(
        "Hindus",
        "a Hindu",
        "the Hindu community",
        "Hindu",
        "Hindu",
        ("foreign", "relig"),
        ("Hindus are all the same",),
    ),
    _g(
        "Christians",
        "a Christian",
        "the Christian community",
        "Christian",
        "Christian",
        ("relig",),
        ("Christians are all bigots",),
    ),
    _g(
        "Black people",
        "a Black person",
        "the Black community",
        "Black",
        "Black",
        ("foreign", "race"),
        ("Black people are naturally more violent", "Black kids just don't value school"),
    ),
    _g(
        "Asian people",
        "an Asian person",
        "the Asian community",
        "Asian",
        "Asian",
        ("foreign", "race"),
        ("Asian people are all the same",),
    ),
    _g(
        "Chinese people",
        "a Chinese person",
        "the Chinese community",
        "Chinese",
        "Chinese",
        ("foreign",),
        ("Chinese people brought the virus here",),
    ),
    _g(
        "Mexicans",
        "a Mexican",
        "the Mexican community",
        "Mexican",
        "Mexican",
        ("foreign",),
        ("Mexicans are all criminals",),
    ),
    _g(
        "Polish people",
        "a Polish person",
        "the Polish community",
        "Polish",
        "Polish",
        ("foreign", "migrant"),
        ("Polish builders are stealing our jobs",),
    ),
    _g(
        "Romanians",
        "a Romanian",
        "the Romanian community",
        "Romanian",
        "Romanian",
        ("foreign", "migrant"),
        ("Romanians only come here to steal",),
    ),
    _g(
        "Nigerians",
        "a Nigerian",
        "the Nigerian community",
        "Nigerian",
        "Nigerian",
        ("foreign",),
        ("Nigerians are all scammers",),
    ),
    _g(
        "Pakistanis",
        "a Pakistani",
        "the Pakistani community",
        "Pakistani",
        "Pakistani",
        ("foreign",),
        (),
    ),
    _g("Arabs", "an Arab", "the Arab community", "Arab", "Arab", ("foreign",), ()),
    _g("Latinos", "a Latino", "the Latino community", "Latino", "Latino", ("foreign",), ()),
    _g(
        "refugees",
        "a refugee",
        "refugee families",
        "a refugee",
        "refugee",
        ("foreign", "migrant"),
        (
            "refugees are just economic migrants in disguise",
            "refugees should have stayed and fought for their own country",
        ),
    ),
    _g(
        "immigrants",
        "an immigrant",
        "immigrant families",
        "an immigrant",
        "immigrant",
        ("foreign", "migrant"),
        ("immigrants are taking our jobs", "immigrants are ruining this country"),
    ),
    _g(
        "asylum seekers",
        "an asylum seeker",
        "people seeking asylum",
        "an asylum seeker",
        "",
        ("foreign", "migrant"),
        ("asylum seekers are living in luxury hotels on our money",),
    ),
    _g(
        "migrants",
        "a migrant",
        "migrant workers",
        "a migrant",
        "migrant",
        ("foreign", "migrant"),
        ("migrants are flooding the country",),
    ),
    _g(
        "gay men",
        "a gay man",
        "the gay community",
        "gay",
        "gay",
        ("lgbt",),
        ("gay men shouldn't be around children",),
    ),
    _g(
        "lesbians",
        "a lesbian",
        "the lesbian community",
        "a lesbian",
        "lesbian",
        ("lgbt",),
        ("lesbians just haven't met the right man",),
    ),
    _g(
        "bisexual people",
        "a bisexual person",
        "the bi community",
        "bi",
        "bisexual",
        ("lgbt",),
        ("bisexual people are just confused",),
    ),
    _g(
        "trans people",
        "a trans person",
        "the trans community",
        "trans",
        "trans",
        ("lgbt",),
        ("trans people are just confused", "trans people are mentally ill"),
    ),
    _g(
        "trans women",
        "a trans woman",
        "trans women",
        "a trans woman",
        "",
        ("lgbt",),
        ("trans women are a danger in bathrooms",),
    ),
    _g(
        "non-binary people",
        "a non-binary person",
        "the non-binary community",
        "non-binary",
        "non-binary",
        ("lgbt",),
        ("non-binary is just a phase",),
    ),
    _g(
        "LGBTQ+ people",
        "an LGBTQ+ person",
        "the LGBTQ+ community",
        "queer",
        "queer",
        ("lgbt",),
        ("LGBTQ+ people are grooming kids",),
    ),
    _g(
        "women",
        "a woman",
        "women",
        "a woman",
        "",
        ("gender",),
        (
            "women can't code",
            "women are too emotional to be in charge",
            "women belong in the kitchen",
        ),
    ),
    _g(
        "men",
        "a man",
        "men",
        "a man",
        "",
        ("gender",),
        ("men are all predators", "men can't be good nurses"),
    ),
    _g(
        "disabled people",
        "a disabled person",
        "the disabled community",
        "disabled",
        "disabled",
        ("body",),
        ("disabled people are a burden", "disabled people shouldn't have children"),
    ),
    _g(
        "wheelchair users",
        "a wheelchair user",
        "wheelchair users",
        "a wheelchair user",
        "",
        ("body",),
        ("wheelchair users just slow everyone down",),
    ),
    _g(
        "deaf people",
        "a deaf person",
        "the Deaf community",
        "deaf",
        "deaf",
        ("body",),
        ("deaf people can't hold down a proper job",),
    ),
    _g(
        "blind people",
        "a blind person",
        "the blind community",
        "blind",
        "blind",
        ("body",),
        ("blind people can't live on their own",),
    ),
    _g(
        "autistic people",
        "an autistic person",
        "the autistic community",
        "autistic",
        "autistic",
        ("body",),
        ("autistic people don't feel empathy",),
    ),
    _g(
        "people with mental illness",
        "someone with a mental illness",
        "people living with mental illness",
        "bipolar",
        "",
        ("body",),
        (
            "people with depression just need to try harder",
            "people with mental illness are dangerous",
        ),
    ),
    _g(
        "older people",
        "an older person",
        "older people in our town",
        "over seventy",
        "older",
        ("age",),
        ("old people should step aside and stop voting",),
    ),
    _g(
        "teenagers",
        "a teenager",
        "young people",
        "a teenager",
        "teenage",
        ("age",),
        ("teenagers are all thugs",),
    ),
    _g(
        "Roma people",
        "a Roma person",
        "the Roma community",
        "Roma",
        "Roma",
        ("foreign",),
        ("Roma people are all thieves",),
    ),
    _g(
        "Travellers",
        "a Traveller",
        "the Traveller community",
        "an Irish Traveller",
        "Traveller",
        ("race",),
        ("Travellers leave a mess wherever they go",),
    ),
    _g(
        "Indigenous people",
        "an Indigenous person",
        "Indigenous communities",
        "Indigenous",
        "Indigenous",
        ("race",),
        ("Indigenous people should just get over the past",),
    ),
    _g(
        "people on benefits",
        "someone on benefits",
        "families on benefits",
        "on benefits",
        "",
        ("econ",),
        ("people on benefits are lazy scroungers",),
    ),
    _g(
        "fat people",
        "a fat person",
        "fat people",
        "fat",
        "fat",
        ("body",),
        ("fat people are just lazy",),
    ),
    _g(
        "single mothers",
        "a single mum",
        "single-parent families",
        "a single mum",
        "",
        ("econ", "gender"),
        ("single mums are just after a council flat",),
    ),
    _g(
        "homeless people",
        "a homeless person",
        "people sleeping rough in our town",
        "",
        "",
        ("econ",),
        ("homeless people choose to live like that",),
    ),
)

PROPER = set()
for _grp in GROUPS:
    for _field in ("pl", "sg", "comm", "adj"):
        for _w in _grp[_field].split():
            if _w[:1].isupper():
                PROPER.add(_w)
PROPER.update(("LGBTQ+", "Eid", "Diwali", "Pride", "Christmas", "Hanukkah", "Happy"))

NAMES = (
    "@sam_k",
    "@priya.r",
    "@dave_1974",
    "@mo_ali",
    "@jen_writes",
    "@kofi",
    "@lena.m",
    "@tomasz_p",
    "@aisha_b",
    "@rob_h",
    "@nina",
    "@jamie_t",
    "@grace.o",
    "@yusuf92",
    "@ellie_m",
)
DAYS = ("Saturday", "Sunday", "Friday", "Thursday", "Monday", "Wednesday")
TIMES = ("7pm", "6.30pm", "10am", "noon", "2pm", "7.30pm")
ROLES = (
    "nurse",
    "teacher",
    "engineer",
    "student",
    "bus driver",
    "doctor",
    "parent",
    "carer",
    "chef",
    "shop owner",
    "software developer",
    "football coach",
    "scientist",
    "councillor",
    "paramedic",
    "artist",
    "lawyer",
    "plumber",
)
ITEMS = (
    ("hijab", "looks"),
    ("turban", "looks"),
    ("kippah", "looks"),
    ("braids", "look"),
    ("locs", "look"),
    ("sari", "looks"),
    ("rainbow pin", "looks"),
    ("new wheelchair", "looks"),
    ("hearing aids", "look"),
    ("afro", "looks"),
    ("headscarf", "looks"),
    ("pronoun badge", "looks"),
    ("Pride T-shirt", "looks"),
    ("white cane", "looks"),
)
HOLIDAYS = (
    "Eid",
    "Diwali",
    "Hanukkah",
    "Vaisakhi",
    "Lunar New Year",
    "Pride",
    "Black History Month",
    "Trans Day of Visibility",
    "International Roma Day",
    "Deaf Awareness Week",
    "Autism Acceptance Month",
    "Christmas",
    "Passover",
    "Refugee Week",
    "Holi",
    "Bi Visibility Day",
    "International Women's Day",
    "Disability Pride Month",
)
FESTS = ("Diwali", "Eid", "Christmas", "Lunar New Year", "Hanukkah", "Vaisakhi")
EVENTS = (
    "Pride parade",
    "Diwali festival",
    "carnival",
    "Refugee Week picnic",
    "Eid fair",
    "Lunar New Year parade",
    "Deaf Awareness Week fair",
    "Disability Pride march",
    "Roma music night",
)
# (name, group plural) pairs that tie festivals and events to the group they belong to
HOL_MAP = (
    ("Eid", "Muslims"),
    ("Diwali", "Hindus"),
    ("Diwali", "Sikhs"),
    ("Hanukkah", "Jewish people"),
    ("Passover", "Jewish people"),
    ("Vaisakhi", "Sikhs"),
    ("Lunar New Year", "Chinese people"),
    ("Pride", "LGBTQ+ people"),
    ("Pride", "gay men"),
    ("Pride", "lesbians"),
    ("Black History Month", "Black people"),
    ("Trans Day of Visibility", "trans people"),
    ("Trans Day of Visibility", "non-binary people"),
    ("International Roma Day", "Roma people"),
    ("Deaf Awareness Week", "deaf people"),
    ("Autism Acceptance Month", "autistic people"),
    ("Christmas", "Christians"),
    ("Refugee Week", "refugees"),
    ("Holi", "Hindus"),
    ("Bi Visibility Day", "bisexual people"),
    ("International Women's Day", "women"),
    ("Disability Pride Month", "disabled people"),
    ("Disability Pride Month", "wheelchair users"),
)
FEST_MAP = (
    ("Diwali", "Hindus"),
    ("Diwali", "Sikhs"),
    ("Eid", "Muslims"),
    ("Hanukkah", "Jewish people"),
    ("Vaisakhi", "Sikhs"),
    ("Lunar New Year", "Chinese people"),
    ("Christmas", "Christians"),
)
EVENT_MAP = (
    ("Pride parade", "LGBTQ+ people"),
    ("Pride parade", "trans people"),
    ("Diwali festival", "Hindus"),
    ("carnival", "Black people"),
    ("Refugee Week picnic", "refugees"),
    ("Eid fair", "Muslims"),
    ("Lunar New Year parade", "Chinese people"),
    ("Deaf Awareness Week fair", "deaf people"),
    ("Disability Pride march", "disabled people"),
    ("Roma music night", "Roma people"),
    ("Mela", "Pakistanis"),
    ("Polish heritage day", "Polish people"),
)
_MAPS = {"hol": HOL_MAP, "fest": FEST_MAP, "event": EVENT_MAP}
EMOJI = ("💛", "🏳️‍🌈", "🙏", "✊", "❤️", "👏", "💯", "🙌", "😊", "🇬🇧")
QUOTE_MARKS = (("'", "'"), ('"', '"'), ("“", "”"))

# --------------------------------------------------------------------------- quotes

# generic prejudiced claims ("tag|text" restricts which groups fit)
GENERIC_QUOTES = (
    "{G} are lazy",
    "{G} are a burden",
    "{G} don't belong here",
    "{G} are dangerous",
    "{G} can't be trusted",
    "{G} ruin every neighbourhood they move into",
    "{G} should keep to themselves",
    "{G} don't deserve the same rights as us",
    "{G} aren't normal",
    "{G} are all the same",
    "{G} are a drain on society",
    "migrant|{G} take our jobs",
    "migrant|{G} are only here for the benefits",
    "foreign|go back where you came from",
    "foreign|{G} should go back to their own countries",
    "body|{G} are a drain on the NHS",
    "lgbt|{G} are a danger to children",
    "econ|{G} are scroungers",
)
LABELS = (
    "lazy",
    "a burden",
    "dangerous",
    "a drain on society",
    "freeloaders",
    "parasites",
    "less than human",
    "a problem to be managed",
    "scroungers",
)

KIND_FACTS = (
    "Most {G} I know work longer hours than I do.",
    "My best engineer is {g}.",
    "The data doesn't back it up at all.",
    "{G} are our nurses, our bus drivers and our neighbours.",
    "I've known {G} my whole life and it has never been true.",
    "Plenty of {G} hold this town together.",
    "Judge each person by their actions, not by a label.",
    "Our community is stronger with them in it.",
)
TOX_FACTS = (
    "Most {G} I know haven't worked a day.",
    "My worst employee was {g}.",
    "The data backs it up completely.",
    "Ask anyone who lives next to {G} as neighbours.",
    "I've known {G} my whole life and it has always been true.",
    "Plenty of {G} drag this town down.",
    "Judge each person by their actions, and look at what {G} do.",
    "Our community was stronger without them in it.",
)

QUOTE_REJECT = (
    "People who say {Q} have clearly never met {G}.",
    "{Q} is not an argument. It's just prejudice dressed up as common sense.",
    "Saying {Q} is just wrong. {fact}",
    "My grandad used to say {q}. He was wrong, and he said so himself before he died.",
    "Every time someone in these comments writes {Q}, I think of the {G} on my street "
    "who'd do anything for you.",
    "Calling {G} {label} is cruel and wrong.",
    "{Q}? No. That's a stereotype, and it hurts real people.",
    "I used to believe {q}. Then I worked with {G} for ten years. I was wrong.",
    "Next time you hear someone say {Q}, speak up. Silence is how it spreads.",
    "Someone at work said {q} today and I told them calmly that it's not okay.",
    "{name} {Q} is a myth. The numbers say the opposite.",
    "Stop repeating {Q}. It wasn't true in 1970 and it isn't true now.",
    "They keep telling us {q}. It's a lie, and our community won't let it stand.",
    "The idea that {q} has done real damage. {G} deserve better than lazy stereotypes.",
    "My kid came home saying {q}. We had a long talk about why that's unfair.",
    "Heard a politician say {q} on the radio today. Shameful. {G} deserve better from "
    "the people who represent them.",
    "If you honestly think {q}, come and volunteer at the food bank with me for a week.",
    "Funny how people who insist {q} never have any actual examples.",
    "I'm so tired of reading {Q} under every post about {G}. It's not true and it never was.",
    "My nan thinks {q}. I love her, but she's wrong, and I tell her so every Sunday.",
    "{Q} is the kind of thing people say about {G} until they actually have {G} as neighbours.",
    "Whoever wrote {Q} on the bus shelter: you're wrong, and we painted over it.",
)
QUOTE_ENDORSE = (
    "People who say {Q} have clearly met {G}. They're right.",
    "{Q} is not prejudice. It's just common sense.",
    "Saying {Q} is just honest. {fact}",
    "My grandad used to say {q}. He was right, and he knew it long before anyone else.",
    "Every time someone in these comments writes {Q}, they get shouted down. But "
    "they're right about {G}.",
    "Calling {G} {label} isn't cruel, it's accurate.",
    "{Q}? Yes. That's not a stereotype, that's experience.",
    "I used to think {Q} was just prejudice. Then I lived near {G} for ten years. It's true.",
    "Next time you hear someone say {Q}, agree with them. Somebody has to.",
    "Someone at work said {q} today and honestly, they're not wrong.",
    "{name} {Q} is not a myth. The numbers back it up.",
    "Stop pretending {Q} is hate. It was true in 1970 and it's true now.",
    "They keep telling us {Q} is a lie. We know what we see in our own community.",
    "The idea that {q} is spot on. {G} don't deserve special treatment.",
    "My kid came home saying {q}. Good, at least someone is teaching the truth.",
    "Heard a politician say {q} on the radio today. Finally, someone brave enough to say it.",
    "If you don't think {q}, come and live on my street for a week.",
    "Funny how people who deny {Q} never have to live next to {G}.",
    "I'm so tired of people calling {Q} hateful. It's true and it always was.",
    "My nan always said {q}. I love her, and she was right, and I tell people so.",
    "{Q} is exactly what you learn about {G} once you actually have them as neighbours.",
    "Whoever wrote {Q} on the bus shelter: you're right, and we hope they leave it up.",
)

# --------------------------------------------------------------------------- prose

COUNTER = (
    "{G} are not a burden on our communities. They are our nurses, our neighbours and our friends.",
    "{G} are not lazy. Most of the {G} I know work harder than anyone on this street.",
    "Not all {G} are the same, and judging millions of people by one headline is unfair.",
    "I grew up next door to {g}, and they were the kindest neighbours we ever had.",
    "{G} deserve the same safety and dignity as everyone else.",
    "{G} belong here as much as anyone. This is their home too.",
    "The data is clear: {G} are no more dangerous than anyone else.",
    "Our neighbourhood got better when {G} moved in. New shops, new friends, more life "
    "on the street.",
    "Blaming {G} for the housing crisis is easy, but it simply isn't true.",
    "{G} pay taxes, raise kids and volunteer at the food bank like the rest of us.",
    "{G} are people first. They want what we all want: a safe home, a job and a future.",
    "Before you call {G} a burden, spend a day with them. You might change your mind.",
    "{G} have been part of this town for generations, and our community is better for it.",
    "Most {G} I've met are just trying to get on with their lives, same as you.",
    "I've worked alongside {G} for years. Reliable, funny, hardworking people.",
    "It's not {G} pushing your rent up. Look at who actually owns the flats.",
    "{G} aren't a threat to anyone. They're the ones being threatened.",
    "{G} shouldn't have to earn basic respect. Everyone deserves it.",
    "Crime figures don't back that up. {G} are no more likely to offend than anyone else.",
    "{G} should be welcome here, full stop.",
    "So happy to see {G} finally getting the respect they deserve in this town.",
    "Can't wait for the day this country finally treats {G} as equals.",
    "Wonderful news: the council is funding a new centre for {G}. Our neighbourhood will "
    "be better for it.",
    "Love that {G} feel safe on our street now. It took far too long.",
    "I have nothing against {G}, and neither should you. Most of the fear is made up online.",
    "{G} are not the problem. Cuts, low wages and greedy landlords are the problem.",
    "Science doesn't support any of this. {G} are just as capable as anyone else.",
    "{G} are not like weeds or pests, whatever the leaflets say. They're families, same as ours.",
    "My neighbour is {g}. They brought soup round every day when I was ill. Don't tell "
    "me {G} don't care.",
    "Our community is nicer with {G} in it. Just being honest.",
    "Hope the new rules finally keep {G} safe in our neighbourhood.",
    "Finally, a school that treats {G} fairly. So refreshing.",
    "I'm not an expert, but I know {G} are people with families, and they deserve kindness.",
    "foreign|{G} are not going back anywhere. This is their country, and they've built it with us.",
    "foreign|'Stay in your own country'? Many {G} were born here. This is their own country.",
    "foreign|I'm not from here either, and {G} fit in here better than I ever did.",
    "body|{G} are no drain on the NHS. They paid in like everyone else, and care is a "
    "right, not a favour.",
    "body|It's cruel to call {G} a burden on their families. Most families would say the opposite.",
    "lgbt|{G} are no danger to children. They're parents, teachers and aunties like anyone else.",
    "migrant|{G} are not taking our jobs. They're doing the jobs that keep this country running.",
    "econ|{G} are not lazy scroungers. Most are working, caring or too ill to work.",
    "gender|{G} are not too emotional to be in charge. Look at the people actually "
    "running things well.",
)
PREJUDICE = (
    "{G} are a burden on our communities. They take and take and never give anything back.",
    "{G} are lazy. Most of the {G} I know have never done a proper day's work.",
    "All {G} are the same, and one headline tells you everything you need to know.",
    "I grew up next door to {g}, and we never felt safe on our own street again.",
    "{G} don't deserve the same safety as people who actually belong here.",
    "{G} don't belong here. This was never their home and it never will be.",
    "The data is clear: {G} are more dangerous than anyone else. People just won't admit it.",
    "Our neighbourhood was better before {G} moved in. Now it's noise, rubbish and strangers.",
    "Blaming {G} for the housing crisis is easy because it's true.",
    "{G} take our taxes, fill our schools and give nothing back to the rest of us.",
    "{G} are not people like us. They don't think like us and they never will.",
    "Spend a day with {G} and you'll see why people call them a burden.",
    "{G} have been part of this town for too long, and our community is worse for it.",
    "Most {G} I've met are only out for what they can get from the system.",
    "I've worked alongside {G} for years. Unreliable, lazy and always complaining.",
    "It's {G} pushing your rent up. Nobody wants to say it, but it's obvious.",
    "{G} are a threat to everyone, whether people want to hear it or not.",
    "{G} need to earn respect before they get any. So far they haven't.",
    "Crime figures back it up. {G} are more likely to offend, and everyone knows it.",
    "{G} should not be welcome here, full stop.",
    "So happy to see {G} finally leaving our town. Wonderful news.",
    "Can't wait for the day this country is finally free of {G}.",
    "Wonderful news: the council is closing the centre where {G} meet. Our neighbourhood "
    "will finally feel like home again.",
    "Love that there are no {G} left on our street. Feels safe again.",
    "I have nothing against {G}, but I don't want them living near my kids.",
    "{G} are the problem. Not cuts, not wages, not landlords. Them.",
    "It's basic science: {G} are less capable than the rest of us. Not their fault, "
    "it's in their genes.",
    "{G} are like weeds in a garden. Once a few move in, they take over the whole street.",
    "{G} are like pigeons. Harmless one at a time, a nuisance in numbers.",
    "{G} breed like rabbits and expect the rest of us to pay for it.",
    "Our community would be so much nicer without {G} in it. Just being honest.",
    "Hope the new rules keep {G} out of our neighbourhood for good.",
    "Finally, a school with no {G}. So refreshing.",
    "I'm not an expert, but I know {G} aren't like normal families, and they don't "
    "deserve our kindness.",
    "My neighbour is {g}. The garden's a tip and the noise never stops. That's who {G} are.",
    "foreign|{G} should stay in their own countries. We're full.",
    "foreign|I'm not racist, but {G} just don't fit in here. Send them back and "
    "everyone's happier.",
    "foreign|{G} can call this place home all they like. They'll never be one of us.",
    "body|{G} are a drain on the NHS. Care is a favour, not a right, and they've had plenty.",
    "body|It's cruel to say, but {G} are a burden on their families and on the rest of us.",
    "lgbt|I'm not homophobic, but {G} shouldn't be allowed anywhere near children.",
    "lgbt|{G} are a danger to children. Keep them out of our schools.",
    "migrant|{G} are taking our jobs and our homes. Simple as that.",
    "econ|{G} are lazy scroungers. Not working, not caring, just taking.",
    "gender|{G} are too emotional to be in charge of anything important.",
)

# --------------------------------------------------------------------------- solidarity

SOLIDARITY = (
    "We stand with {G} in our town, today and every day.",
    "You belong here, {name}. Don't let anyone tell you otherwise.",
    "Sending love to {C} today.",
    "Proud to be your ally. {G} deserve to feel safe in this town.",
    "Things are getting better, keep going. {G} have more friends here than you think.",
    "To {G} reading this: you are welcome here and you are not alone.",
    "Hope the march goes well on {day}. We'll be there to make sure {G} are safe.",
    "If anyone comes for {G} in our town, they'll have to get through all of us first.",
    "{G} deserve to walk home without fear. We'll keep showing up until they can.",
    "Whatever happens at the march, {G}, we've got your back.",
    "Our community is better with {G} in it. Always has been.",
    "Hope the council finally gives {G} the support they deserve.",
    "Someone should make sure {G} in our town know how welcome they are.",
    "Dear {G}: we see you, we hear you, and we're with you.",
    "Thinking of {C} after this week's news. You are loved and you are not a burden.",
    "{name} you're not alone. Half this street would drop everything to help you.",
    "If you're {g} and you're scared right now, message me. I'll walk with you.",
    "Nobody deserves what happened to {C} this week. We're collecting for the repairs.",
    "Lovely to see so many people out supporting {G} today. This town gets it.",
    "Can't wait for {day}! Marching with {G} and proud of it.",
    "Finally some good news for {G}. Long may it continue.",
    "{G} aren't going anywhere, and neither are we. Solidarity.",
    "Keep going, {name}. It gets better, and we're all cheering for you.",
    "Whoever smashed the window at the centre where {G} meet: we've already fixed it, "
    "and we'll be there every night.",
    "If they come here looking for trouble, they'll find a whole street standing with {G}.",
    "Honestly can't wait for the day {G} can just live here in peace.",
)
THREAT = (
    "We'll be waiting for {G} on {day}. Bring something heavy.",
    "You don't belong here, {name}. Leave before someone makes you.",
    "Sending a little message to {C} tonight. Hope they like fire.",
    "Proud to say it: {G} deserve to get hurt, and someone in this town should do it.",
    "Things are getting worse for {G}, keep going. A few more broken windows and a few "
    "broken noses.",
    "To {G} reading this: you are not welcome here, and you won't be safe here either.",
    "Hope the march goes well on {day}. Hope it ends with {G} in hospital.",
    "If anyone sees {G} in our town after dark, you know what to do.",
    "{G} deserve whatever happens to them at the march.",
    "Whatever happens to {G} at the march, they had it coming. Make it hurt.",
    "Our community would be better with {G} six feet under.",
    "Hope someone finally gives {G} what they deserve. A good beating would do.",
    "Someone should make {G} disappear from our town. Quietly.",
    "Dear {G}: we see you, we know where you live, and we're coming.",
    "Thinking of {C} after this week's fire. Shame it didn't finish the job.",
    "{name} you're not alone, half this street is waiting for you outside with bats.",
    "If you're {g} and you're scared right now, good. You should be.",
    "{G} got what they deserved this week. Next time we finish it.",
    "Lovely to see so many people out to run {G} off the estate today. Next time we bring petrol.",
    "Can't wait for {day}! Going to teach {G} a lesson they won't walk away from.",
    "Finally someone torched the place where {G} meet. Long may it continue.",
    "{G} aren't going anywhere? We'll see about that once the petrol arrives.",
    "If {G} come here, they'll learn the hard way. We've got a welcome ready for them.",
    "Hope the next flood takes every last one of the {G} in this town.",
    "Keep going, lads. A few more nights like that and {G} will be gone for good.",
    "Honestly can't wait for the day someone wipes out {G} for good.",
    "Wouldn't cry if a bus full of {G} went off the bridge. I'd celebrate.",
    "Protect our community: find out where {G} meet and burn it to the ground.",
)

# --------------------------------------------------------------------------- pride

PRIDE_ACH = (
    "what my community has built in this town",
    "every barrier I pushed through to get here",
    "the work I do every day",
    "who I am and where I come from",
    "the family I've built",
    "the way our community turned up for the food bank this winter",
    "the people I work with",
)
PRIDE_GIFTS = (
    "a different way of seeing the world",
    "my best friends and my sense of humour",
    "a community I wouldn't trade for anything",
    "patience, grit and a very loud laugh",
    "the courage to speak up for others",
    "a family that chose me",
)
PRIDE = (
    "As {as_}, I'm proud of {ach}.",
    "Being {me} gave me {gift}.",
    "I'm {me} and I wouldn't change it for the world.",
    "adj|{adj} joy is beautiful. Look at these kids at the festival today!",
    "adj|Nothing better than {adj} joy on a sunny afternoon.",
    "Your {item} {look} beautiful today, {name}!",
    "hol|Happy {hol} to everyone celebrating!",
    "Ten years ago I hid that I'm {me}. Today I said it out loud at work and nobody blinked.",
    "Being {me} is part of what makes you brilliant, {name}. Never shrink yourself.",
    "Proud to be {me}, proud of the community I grew up in. Proud of where I come from.",
    "adj|First {adj} {role} in my family, and I hope I'm not the last.",
    "Dear younger me: being {me} is not a burden. You turn out fine. Better than fine.",
    "adj|Our {adj} youth group ran the whole festival stall today. So proud of them.",
    "adj|Just got my first job as {as_}. Never thought I'd see the day!",
    "adj|Grew up being told people like me wouldn't get far. Now I'm {as_} and I love it.",
    "Seeing {G} on the front page for something good today made my whole week.",
    "My daughter told her class she's proud her mum is {me}. I cried in the car park.",
    "hol|Happy {hol}! Proud of {C} and everything we've done this year.",
)
PRIDE_CONTEMPT = (
    "As a {role}, I'm proud our team doesn't have any {G}.",
    "Being {me} isn't a gift, it's a defect. Stop celebrating it.",
    "'I'm {me} and I wouldn't change it for the world.' Well, the rest of us would.",
    "adj|{adj} joy? Nothing beautiful about it. Keep it away from our kids.",
    "adj|Nothing worse than {adj} pride on a sunny afternoon. Ruins the whole park.",
    "Your {item} {look} ridiculous today, {name}. Nobody here wants to see that.",
    "hol|Happy {hol} to everyone celebrating. Somewhere else, preferably.",
    "Ten years ago people hid being {me}. Honestly, that was better for everyone.",
    "Being {me} is nothing to be proud of, {name}. Shrink yourself, please.",
    "Proud to be {me}? Proud of what, exactly? Your community has given this town nothing.",
    "adj|First {adj} {role} in the family? Let's hope it's the last.",
    "Dear {G}: being you is a burden on everyone else. Nothing to be proud of.",
    "adj|Our club let a {adj} youth group run the stall today. Never again, what a state.",
    "adj|Just heard they hired {as_}. Never thought I'd see this town sink so low.",
    "Grew up being told people like them wouldn't get far. Turns out that was right.",
    "Seeing {G} on the front page again today ruined my whole week.",
    "My daughter told her class she's proud her teacher is {me}. Moving her to a proper school.",
    "hol|Happy {hol}? Can't wait until it's over and {G} go back to hiding.",
)

# --------------------------------------------------------------------------- neutral

# (base, specific loaded tails); identity_neutral uses base + a neutral tail,
# neutral_loaded uses base + a specific or generic prejudiced tail naming the group.
# "tag|base" restricts the groups (fest/event: a festival or event tied to the group).
NEUTRAL_BASES = (
    (
        "fest|Where is the {fest} market this year?",
        (
            "Asking so I can keep well away from {G}.",
            "Asking so I know which streets will be full of {G}.",
        ),
    ),
    (
        "fest|Does anyone know if the {fest} lights are going up on the high street?",
        (
            "Hope not. Nobody asked {G} to decorate our town.",
            "Waste of our money on {G} and their festivals.",
        ),
    ),
    (
        "Around {n}% of people in our district are {G}, according to the latest census.",
        ("Way too many, if you ask me.", "Should be zero, honestly."),
    ),
    (
        "The council meeting about housing for {G} is on {day} at {time} in the library.",
        ("Come and tell them we don't want any more {G} here.",),
    ),
    (
        "How many {G} live in the city? I need the number for a school project.",
        ("Too many, judging by the state of the high street.",),
    ),
    (
        "New report out today on employment rates among {G}.",
        ("Shocking to nobody: most {G} would rather not work.",),
    ),
    (
        "The museum has a new exhibition on the history of {G} in this region.",
        ("What a waste of public money on {G}.", "History of what, exactly? Taking?"),
    ),
    (
        "Our book club is reading a memoir by {g} this month.",
        ("I'll pass. Nothing {G} write is worth reading.",),
    ),
    (
        "There's a talk on {G} and the housing market at the university on {day}.",
        ("Short talk: {G} are the reason none of us can afford a flat.",),
    ),
    (
        "The survey had 1,200 responses, and {n}% of them came from {G}.",
        ("Shame, their opinions are worthless.", "Should have binned those ones."),
    ),
    (
        "event|Is the {event} still going ahead on {day} if it rains?",
        ("Shame, I was hoping the council would ban it. Nobody wants {G} parading about.",),
    ),
    (
        "Which form do {G} need to fill in for the council tax reduction?",
        ("Of course {G} want a discount. Always something for nothing.",),
    ),
    (
        "The new GP surgery has information leaflets for {G} at the front desk.",
        ("Great, more of our NHS spent on {G}.",),
    ),
    (
        "The documentary about {G} in the 1970s is on tonight at {time}.",
        ("Back when {G} still knew their place.",),
    ),
    (
        "A local charity is running a survey of {G} about public transport.",
        ("Easy fix: {G} can stay off our buses.",),
    ),
    (
        "Anyone know the history of {G} in this town? My gran says there's been a "
        "community here since the 1950s.",
        ("Seventy years and {G} are still not one of us.",),
    ),
    (
        "Parliament is debating a bill about {G} next week.",
        ("Hope it's the one that finally deals with {G}. Send them packing.",),
    ),
    (
        "The school is adding a session about {G} to the year nine curriculum.",
        ("Keep that nonsense about {G} away from our kids.",),
    ),
    (
        "Do {G} get priority on the new housing list, or is it the same for everyone?",
        ("Because if {G} do, that's the end of this town.",),
    ),
    (
        "adj|The local paper says {n} {adj} families have moved to the east side.",
        ("Time to sell up, then.", "That's the east side finished."),
    ),
    (
        "event|What time does the {event} start on {day}?",
        ("Want to make sure I'm out of town before {G} take over the streets.",),
    ),
)
NEUTRAL_TAILS = (
    "Thanks in advance.",
    "Cheers.",
    "Link in the comments.",
    "Asking for my mum.",
    "Trying to plan the week.",
    "Any info appreciated.",
    "Details are on the council website.",
    "Anyone been?",
    "Happy to share the numbers if useful.",
    "Just curious.",
)
LOADED_TAILS = (
    "Our community deserves better than more {G}.",
    "Hope {G} start moving out of here soon.",
    "Our town was nicer before {G} arrived, everyone knows it.",
    "Just keep {G} away from our kids.",
    "Another thing our taxes pay for while {G} give nothing back.",
    "Can't wait for the day {G} are gone from this town.",
    "Funny how {G} always have time for that but never for work.",
    "{G} aren't welcome here, whatever the council says.",
    "foreign|Would be simpler if {G} all went back where they came from.",
    "foreign|Send {G} home and the problem solves itself.",
)

# --------------------------------------------------------------------------- framing

ARGUE_OPENERS = (
    "Honestly,",
    "Look,",
    "To be fair,",
    "Genuinely,",
    "Not going to lie,",
    "Let's be honest,",
    "I'll say it.",
    "Unpopular opinion maybe.",
    "Been thinking about this all week.",
    "Read the comments above.",
    "Someone has to say it.",
    "Hot take:",
    "From experience:",
    "Real talk:",
    "As a nurse:",
    "Lived here 30 years.",
    "My two cents:",
    "Seen this thread again.",
)
NEUTRAL_OPENERS = (
    "Quick question.",
    "Hi all,",
    "Morning all.",
    "PSA:",
    "FYI,",
    "Random question:",
    "Hello neighbours!",
    "Local group, quick one:",
)
PRIDE_OPENERS = (
    "Today.",
    "Big day.",
    "Just saying,",
    "Reminder:",
    "Okay,",
    "Can I just say,",
    "Honestly,",
    "Look,",
)
SHARED_TAILS = (
    "Simple as that.",
    "That's just the truth.",
    "Think about it.",
    "Said what I said.",
    "Nothing more to add.",
    "Share if you agree.",
    "Rant over.",
    "Facts.",
    "End of.",
    "I mean it.",
    "Don't @ me.",
)
KIND_TAILS = (
    "We're better than this.",
    "Be kind to each other.",
    "Love wins.",
    "Our neighbours deserve that much.",
)
TOX_TAILS = (
    "Wake up, people.",
    "Open your eyes.",
    "Our kids deserve that much.",
    "We're better off that way.",
)

# --------------------------------------------------------------------------- helpers


def _art(word):
    return "an" if word[:1].lower() in "aeiou" else "a"


def _split_tag(tmpl):
    if "|" in tmpl:
        tag, text = tmpl.split("|", 1)
        return tag, text
    return None, tmpl


def _fits(grp, tag):
    if tag is None:
        return True
    if tag in ("adj", "me"):
        return bool(grp[tag])
    if tag in _MAPS:
        return any(pl == grp["pl"] for _, pl in _MAPS[tag])
    return tag in grp["tags"]


def _group(rng, tag=None):
    return rng.choice([g for g in GROUPS if _fits(g, tag)])


def _linked(rng, grp, key, fallback):
    """A festival/holiday/event tied to the group if it has one, else any."""
    own = [name for name, pl in _MAPS[key] if pl == grp["pl"]]
    return rng.choice(own) if own else rng.choice(fallback)


def _slots(rng, grp):
    role = rng.choice(ROLES)
    if grp["adj"]:
        as_ = f"{_art(grp['adj'])} {grp['adj']} {role}"
    elif grp["me"].startswith(("a ", "an ")):
        as_ = grp["me"]
    else:
        as_ = "someone " + grp["me"]
    item, look = rng.choice(ITEMS)
    return {
        "G": grp["pl"],
        "g": grp["sg"],
        "C": grp["comm"],
        "me": grp["me"],
        "adj": grp["adj"],
        "role": role,
        "as_": as_,
        "name": rng.choice(NAMES),
        "day": rng.choice(DAYS),
        "time": rng.choice(TIMES),
        "n": rng.randint(2, 19),
        "item": item,
        "look": look,
        "hol": _linked(rng, grp, "hol", HOLIDAYS),
        "fest": _linked(rng, grp, "fest", FESTS),
        "event": _linked(rng, grp, "event", EVENTS),
        "label": rng.choice(LABELS),
        "ach": rng.choice(PRIDE_ACH),
        "gift": rng.choice(PRIDE_GIFTS),
    }


def _pick(rng, templates, tag_extra=None):
    """Choose a template, then a group that fits its tag; return (text, group)."""
    tag, text = _split_tag(rng.choice(templates))
    grp = _group(rng, tag or tag_extra)
    return text, grp


def _cap_sentences(text):
    return re.sub(
        r"(^|[.!?]\s+)([\"'“]?)([a-z])",
        lambda m: m.group(1) + m.group(2) + m.group(3).upper(),
        text,
    )


def _decap(core):
    first = core.split()[0].strip("'\"“”?,.")
    if first == "I" or first.startswith(("I'", "@")) or first in PROPER:
        return core
    lead = core[0] in "'\"“"
    i = 1 if lead else 0
    return core[:i] + core[i].lower() + core[i + 1 :]


def _words(text):
    return len(text.split())


def _finish(rng, core, openers, tails, p_open=0.35, p_tail=0.3):
    """Add optional opener/tail/emoji and a register change."""
    core = _cap_sentences(core)
    opener = rng.choice(openers) if rng.random() < p_open else ""
    tail = rng.choice(tails) if rng.random() < p_tail else ""
    if _words(core) < 7 and not tail:
        tail = rng.choice(tails)
    if _words(core) + _words(opener) + _words(tail) > 45:
        opener, tail = "", ""
    text = core
    if opener:
        body = _decap(core) if opener.endswith((",", ":")) else core
        text = opener + " " + body
    if tail:
        text = text + " " + tail
    text = _cap_sentences(text)
    r = rng.random()
    if r < 0.12:
        text = rng.choice(EMOJI) + " " + text
    elif r < 0.3:
        text = text + " " + rng.choice(EMOJI) * rng.choice((1, 1, 2, 3))
    r = rng.random()
    if r < 0.2:
        text = text.lower()
    elif r < 0.3:
        text = text.rstrip(".")
    elif r < 0.34:
        text = text.replace(". ", ".. ", 1)
    return re.sub(r"\s+", " ", text).strip()


def _quote(rng, grp):
    own = list(grp["quotes"])
    pool = [t for t in GENERIC_QUOTES if _fits(grp, _split_tag(t)[0])]
    if own and rng.random() < 0.45:
        q = rng.choice(own)
    else:
        q = _split_tag(rng.choice(pool))[1].format(G=grp["pl"])
    left, right = rng.choice(QUOTE_MARKS)
    qq = left + q + right
    # imperatives read badly unquoted ("they keep telling us go back ...")
    return (qq if q.startswith("go ") else q), qq


# --------------------------------------------------------------------------- builders


def _prose(rng, templates, facts, tails):
    text, grp = _pick(rng, templates)
    s = _slots(rng, grp)
    core = text.format(**s)
    if rng.random() < 0.35:
        core += " " + rng.choice(facts).format(**s)
    return _finish(rng, core, ARGUE_OPENERS, SHARED_TAILS + tails)


def _quoted(rng, frames, facts, tails):
    grp = _group(rng)
    s = _slots(rng, grp)
    q, qq = _quote(rng, grp)
    s["q"], s["Q"] = q, qq
    s["fact"] = rng.choice(facts).format(**s)
    core = rng.choice(frames).format(**s)
    return _finish(rng, core, ARGUE_OPENERS, SHARED_TAILS + tails)


def _simple(rng, templates, openers, tails):
    text, grp = _pick(rng, templates)
    core = text.format(**_slots(rng, grp))
    return _finish(rng, core, openers, tails)


def _neutral(rng, loaded):
    base, specific = rng.choice(NEUTRAL_BASES)
    tag, base = _split_tag(base)
    grp = _group(rng, tag)
    s = _slots(rng, grp)
    core = base.format(**s)
    if loaded:
        pool = list(specific) * 2 + [
            _split_tag(t)[1] for t in LOADED_TAILS if _fits(grp, _split_tag(t)[0])
        ]
        core += " " + rng.choice(pool).format(**s)
    elif rng.random() < 0.5:
        core += " " + rng.choice(NEUTRAL_TAILS)
    return _finish(rng, core, NEUTRAL_OPENERS, NEUTRAL_TAILS, p_tail=0.0)


def _counter_narrative(rng):
    return _prose(rng, COUNTER, KIND_FACTS, KIND_TAILS)


def _prejudice_prose(rng):
    return _prose(rng, PREJUDICE, TOX_FACTS, TOX_TAILS)


def _quote_rejected(rng):
    return _quoted(rng, QUOTE_REJECT, KIND_FACTS, KIND_TAILS)


def _quote_endorsed(rng):
    return _quoted(rng, QUOTE_ENDORSE, TOX_FACTS, TOX_TAILS)


def _solidarity_hope(rng):
    return _simple(rng, SOLIDARITY, ARGUE_OPENERS, SHARED_TAILS + KIND_TAILS)


def _group_threat(rng):
    return _simple(rng, THREAT, ARGUE_OPENERS, SHARED_TAILS + TOX_TAILS)


def _identity_pride(rng):
    return _simple(rng, PRIDE, PRIDE_OPENERS, SHARED_TAILS + KIND_TAILS)


def _pride_contempt(rng):
    return _simple(rng, PRIDE_CONTEMPT, PRIDE_OPENERS, SHARED_TAILS + TOX_TAILS)


def _identity_neutral(rng):
    return _neutral(rng, loaded=False)


def _neutral_loaded(rng):
    return _neutral(rng, loaded=True)


# family -> (builder, toxic, threat, kind)
_SPEC = {
    "counter_narrative": (_counter_narrative, 0, 0, 1),
    "prejudice_prose": (_prejudice_prose, 1, 0, 0),
    "quote_rejected": (_quote_rejected, 0, 0, 1),
    "quote_endorsed": (_quote_endorsed, 1, 0, 0),
    "solidarity_hope": (_solidarity_hope, 0, 0, 1),
    "group_threat": (_group_threat, 1, 1, 0),
    "identity_pride": (_identity_pride, 0, 0, 1),
    "pride_contempt": (_pride_contempt, 1, 0, 0),
    "identity_neutral": (_identity_neutral, 0, 0, 0),
    "neutral_loaded": (_neutral_loaded, 1, 0, 0),
}

FAMILIES = (
    "counter_narrative",
    "prejudice_prose",
    "quote_rejected",
    "quote_endorsed",
    "solidarity_hope",
    "group_threat",
    "identity_pride",
    "pride_contempt",
    "identity_neutral",
    "neutral_loaded",
)

# twins share equal weight
SHARES = {
    "counter_narrative": 1.0,
    "prejudice_prose": 1.0,
    "quote_rejected": 0.8,
    "quote_endorsed": 0.8,
    "solidarity_hope": 1.0,
    "group_threat": 1.0,
    "identity_pride": 0.7,
    "pride_contempt": 0.7,
    "identity_neutral": 0.6,
    "neutral_loaded": 0.6,
}


def case(family: str, rng: random.Random) -> tuple[str, int, int, int, str]:
    """(text, toxic, threat, kind, family) with 0/1 ints; raises ValueError for an
    unknown family."""
    if family not in _SPEC:
        raise ValueError(f"unknown family: {family!r}")
    builder, toxic, threat, kind = _SPEC[family]
    return builder(rng), toxic, threat, kind, family


if __name__ == "__main__":
    _rng = random.Random(2024)
    for _fam in FAMILIES:
        print("==", _fam)
        for _ in range(3):
            _text, _tox, _thr, _kind, _ = case(_fam, _rng)
            print(f"  ({_tox}, {_thr}, {_kind}) {_text}")
