"""Adversarial training cases for the third-generation classifier, from templates written here.

Content warning: the templates hold insults, threats and hateful statements, written for this
project to teach the classifier what the second generation missed (issue 18). Nothing is
copied from any test file or from ``moderation-dev``; the bench's adversarial dev cases
(``bench/adversarial_dev.jsonl``) are worded separately.

Each case is ``(text, toxic, threat, kind, family)`` with 0/1 labels:

* ``pad_toxic`` / ``pad_kind``: a training row with a harmless tail (numbers, hashtags, emoji,
  filler) or head; the label stays the row's, so a tail is evidence of nothing;
* ``wrap``: a short toxic training row between a kind opener and a kind closer: toxic, not kind;
* ``sarcastic``: thanks or praise that ends in an insult: toxic, not kind;
* ``cheerful_hate``: cheerful words about harm to a group or mockery of someone's illness or
  looks: toxic, not kind (threat when it calls for harm);
* ``calm_threat`` / ``self_harm``: threats without slurs or shouting, and self-harm
  incitement: toxic and threat;
* ``kind_toward``: thanks, praise, support and encouragement aimed at someone, slang praise,
  identity-positive and counter-speech posts: kind, not toxic.

Added after the first full run (its misses on the dev set: caring and optimistic comments held
for review, calm generalisations about groups published, a long friendly tail diluting insults):

* ``well_wish``: short casual care, reassurance, encouragement and good wishes (get well, good
  luck, don't worry, rest up), built from parts: kind, not toxic;
* ``implicit_hate``: calm generalisations and exclusion aimed at a group, with no slur or
  shouting, sometimes behind a disclaimer: toxic, not kind;
* ``group_neutral`` / ``group_positive``: plain or warm statements naming the same groups, so
  naming a group is evidence of nothing: not toxic (kind for the warm ones);
* ``long_tail``: a toxic or kind training row followed by a chatty sign-off of several clauses
  (built from parts, none of them a sentence of any dev file): the row's labels;
* ``threat_parts``: calm threats and self-harm incitement built from parts: toxic and threat.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

FAMILIES = (
    "pad_toxic", "pad_kind", "wrap", "sarcastic", "cheerful_hate", "calm_threat", "self_harm",
    "kind_toward", "well_wish", "implicit_hate", "group_neutral", "group_positive", "long_tail",
    "threat_parts",
)  # fmt: skip

PEOPLE = ("you", "u", "this guy", "that woman", "your friend", "the new girl", "my neighbour",
          "this creator", "the ref", "our coach", "that kid", "your brother")  # fmt: skip
GROUPS = ("immigrants", "refugees", "trans people", "gay people", "disabled people", "Muslims",
          "Jews", "black people", "women", "fat people", "old people", "autistic kids",
          "Mexicans", "Asians", "homeless people", "Christians")  # fmt: skip
INSULTS = (
    "you absolute waste of space",
    "what a pathetic loser",
    "nobody can stand you, idiot",
    "you useless clown",
    "go crawl back under your rock",
    "you are dumb as a brick",
    "honestly you're a disgrace",
    "shut up, moron",
    "you talentless hack",
    "everyone laughs at you behind your back",
    "you ugly freak",
    "you braindead troll",
    "get lost, nobody asked you",
    "you're a joke and always will be",
    "what a spineless coward",
    "your face makes me sick",
    "you're the dumbest person here",
    "stupid cow",
    "you disgusting little worm",
    "keep crying, snowflake",
    "you're such a fraud",
    "you smell like garbage",
    "what an embarrassing excuse for a human",
)
THANKS = (
    "Thanks so much for your input,",
    "Wow, thank you for sharing,",
    "Great job as always,",
    "Thank you for this brilliant contribution,",
    "So grateful for your wisdom,",
    "Amazing work, really,",
    "Bless your heart,",
    "Love that for you,",
    "Thanks a lot,",
    "Congrats on the new job,",
    "What a lovely post,",
    "Really appreciate you,",
)
KIND_OPENERS = (
    "Hope you're having a lovely day!",
    "Sending good vibes to everyone here.",
    "I really appreciate this community.",
    "Happy Friday all!",
    "With all respect and love,",
    "No offence and much love,",
    "Peace and kindness to all.",
    "Just my honest opinion:",
)
KIND_CLOSERS = (
    "Have a wonderful day!",
    "Stay blessed.",
    "Much love <3",
    "Be kind everyone!",
    "Spread kindness :)",
    "Cheers and hugs!",
    "Take care of yourselves.",
    "xoxo",
)
TAILS = (
    " [{n}-{d}]",
    " #{tag} #{tag2}",
    " {emoji}{emoji}{emoji}",
    " lol",
    " anyway...",
    " ({n})",
    " ref {n}",
    " {emoji} #{tag}",
    " ok bye",
    " just saying",
    " :) :)",
    " 1 2 3 4 5 6 7 8 9 10",
    " #blessed #kindness #love",
    " ...... ......",
    " tbh idk",
    " {n} {n} {n}",
    " hmm",
    " #createkindness",
    " \u2728\u2728",
    " [{n}]",
    " Anyway, off to make dinner now.",
    " That's all from me today, take care.",
    " Posted from my phone, sorry for typos.",
    " Edit: fixed spelling.",
    " ok back to work I guess",
    " #{tag} #{tag2} #{tag} #{tag2}",
    " #{tag} #{tag2} #{tag3}",
    " #{tag3} #{tag} #{tag2} #{tag3}",
    " {emoji} {emoji} {emoji} {emoji}",
    " Have a great weekend everybody!",
    " Hope everyone is staying warm out there.",
)
HEADS = ("{emoji} ", "#{tag} ", "Update {n}: ", "Quick thought: ", "ok so ", "[{n}] ")
HASHTAGS = ("mondaymood", "love", "blessed", "createkindness", "fyp", "viral", "sunday",
            "goodvibes", "friends", "news", "2024", "mood", "summer", "happy", "goodmorning",
            "life", "positivity", "holiday", "nofilter", "beach", "foodie", "pets", "music",
            "mumlife", "gratitude", "selfcare", "instagood", "throwback", "nature",
            "smile")  # fmt: skip
EMOJI = ("\U0001f338", "\U0001f60a", "\u2764\ufe0f", "\U0001f44d", "\U0001f31e", "\U0001f64f",
         "\U0001f602", "\U0001f389", "\u2b50", "\U0001f496")  # fmt: skip
CHEERS = (
    "So happy to see",
    "Love it when",
    "Best news all week:",
    "Can't stop smiling because",
    "What a beautiful day when",
    "Finally some good news,",
    "Honestly wholesome that",
    "My heart is full knowing",
)
HATE_HARM = (
    "{group} are finally being thrown out of our town",
    "{group} are getting beaten up again",
    "{group} keep dying off, the world gets better",
    "{group} are losing their jobs in droves",
    "{group} are being kept out of our schools",
    "another few of those {group} got what they deserve",
    "{group} are scared to walk outside now",
    "we made {group} cry today",
)
MOCKERY = (
    "Sending hugs to {person}, maybe the chemo will fix that ugly face too!",
    "Cheer up {person}, at least your weight gives everyone a good laugh",
    "So proud of {person} for trying so hard despite being this stupid <3",
    "Aww {person} stutters so cutely, we all love doing impressions of it!",
    "Good luck {person}, with those looks you'll need it lol",
    "Love how {person} thinks anyone cares, bless that tiny brain",
    "Get well soon {person}, or don't, honestly nobody would notice",
)
CALM_THREATS = (
    "I know where {person} live, and I will be waiting outside tonight.",
    "Keep posting and see what happens to you next week.",
    "Someone should teach {person} a lesson they won't walk away from.",
    "I have your address. Sleep well.",
    "It would be a shame if something happened to your car, or your kids.",
    "People like {person} should be hurt until they stop posting.",
    "One day soon {person} will regret this, I'll make sure of it personally.",
    "I'm coming for you after school, don't bother hiding.",
    "We will find {person} and make {person} disappear quietly.",
    "{group} should be rounded up and dealt with, calmly and for good.",
    "If I see {person} at the match again, {person} won't be going home.",
    "Watch your back, I know which bus you take.",
)
SELF_HARM = (
    "Nobody would miss you, just end it already.",
    "Do everyone a favour and kill yourself.",
    "Why don't you just disappear for good, the world would be better.",
    "Go jump off a bridge, seriously.",
    "kys, no one wants you here",
    "You should stop eating until you finally look normal.",
    "Honestly {person} should just give up on living.",
)
KIND_TOWARD = (
    "Thank you so much for helping me move, you're a star!",
    "You did an amazing job on the presentation, I'm proud of you.",
    "Sending you all my love, you've got this.",
    "Your kindness made my whole week, thank you.",
    "Congrats on graduating! So well deserved.",
    "You're such a good friend, I'm lucky to know you.",
    "This is fire, you ate and left no crumbs \U0001f525",
    "Slay queen, you look incredible!",
    "Lowkey the best teacher I ever had, thank you Ms. Patel.",
    "Proud of my trans sister for being exactly who she is.",
    "Muslims in our street cooked for the whole block, so grateful for them.",
    "Being gay is beautiful and you deserve every bit of joy.",
    "Disabled people belong everywhere, and I'm glad you're here.",
    "Hate has no place here. Refugees are welcome and we stand with you.",
    "Saying immigrants are criminals is just wrong, they are our neighbours and friends.",
    "Your story gave me hope, thank you for sharing it.",
    "Hang in there, it gets better and we are all rooting for you.",
    "Thank you nurses for everything you do!",
    "You're doing great, sweetie, keep going.",
    "Big thanks to the bus driver who waited for me today, legend.",
    "You handled that with so much grace, respect.",
    "Ur so talented omg keep it up!!",
    "Huge shoutout to my coach for believing in me.",
    "Welcome to the team, we're so happy to have you!",
)

NAMES = ("mate", "buddy", "friend", "OP", "dude", "girl", "man", "love", "fam", "pal", "Sam",
         "Priya", "Tom", "Aisha", "Jo", "little one", "champ", "everyone")  # fmt: skip
WISH_CORES = (
    "feel better soon",
    "get well soon",
    "hope you feel better",
    "rest up and take it easy",
    "hope the surgery goes smoothly",
    "fingers crossed for you",
    "good luck with the interview",
    "good luck tomorrow",
    "you've totally got this",
    "you'll smash it",
    "rooting for you",
    "don't stress about it",
    "no worries at all",
    "don't be so hard on yourself",
    "it's okay to take a break",
    "one day at a time",
    "it will get easier, I promise",
    "glad you're safe",
    "so glad you made it home",
    "hope your pup pulls through",
    "happy birthday",
    "congrats on the little one",
    "enjoy your trip",
    "have the best time",
    "sleep well",
    "stay warm out there",
    "take care of yourself",
    "hope things look up soon",
    "sending hugs",
    "thinking of you and your family",
    "proud of you for asking for help",
    "you deserve some rest",
    "hope tomorrow is kinder to you",
    "keep your chin up",
    "you're not alone in this",
    "I'm here if you want to talk",
    "sorry you're going through this",
    "wishing you a speedy recovery",
    "hope the new job is everything you wanted",
    "welcome back",
    "hope you get the place",
    "enjoy every minute",
    "happy anniversary",
    "hope the little guy is okay",
    "that's rough, hang in there",
    "don't give up on it",
)
WISH_HEADS = ("", "", "", "Aww ", "Oh no, ", "Hey ", "Honestly, ", "Omg ", "Ah ", "Dude ",
              "Man, ", "Ugh, ")  # fmt: skip
WISH_TAILS = ("", "", "!", "!!", " <3", " :)", " \u2764\ufe0f", " \U0001f917", ".", " x",
              " \U0001f64f")  # fmt: skip
GOOD_THINGS = (
    "this is adorable",
    "what a beautiful dog",
    "she's a legend",
    "that's the sweetest thing",
    "this made my day",
    "he's such a good boy",
    "you two are so cute together",
    "what a gorgeous photo",
    "love this so much",
    "your garden looks amazing",
    "what a lovely thing to do",
    "you're hilarious",
    "that's genuinely impressive",
    "what a wholesome story",
    "your mum sounds like a gem",
    "best comment in this thread",
)
HATE_FRAMES = ("", "", "", "Not being rude but ", "Just being honest, ", "Facts: ",
               "Everyone knows ", "I'm not racist but ", "Say what you want, ",
               "Let's be real, ", "Sorry not sorry, ", "Nothing personal, but ",
               "Call me old-fashioned, but ")  # fmt: skip
HATE_CLAIMS = (
    "{group} are ruining this country",
    "{group} can't be trusted with money",
    "{group} shouldn't be allowed to vote",
    "I don't want {group} living near my kids",
    "{group} bring crime wherever they go",
    "we need fewer {group} in our schools",
    "{group} are less intelligent, it's just science",
    "{group} only know how to take",
    "why do {group} always play the victim",
    "{group} don't belong in real jobs",
    "{group} are a burden on everyone else",
    "{group} should stay in their own countries",
    "{group} are basically animals",
    "{group} are a disease on this city",
    "{group} will never be real citizens",
    "it's natural to keep {group} at a distance",
    "{group} are all the same, lazy and loud",
    "{group} should not be teaching our children",
    "the problem with this town is all the {group}",
    "{group} are born liars",
    "no one should hire {group}",
    "{group} are confused and need fixing",
    "{group} breed like rats",
    "{group} ruin every neighbourhood they move into",
    "{group} are too emotional to lead anything",
    "{group} are a threat to our way of life",
)
# One member of a group, for claims about a single person because of the group.
MEMBERS = ("a woman", "a mother", "a trans woman", "a gay man", "a Muslim", "a refugee",
           "an immigrant", "a disabled person", "a black guy", "an old man", "a Mexican",
           "a Jewish girl", "a lesbian", "someone bisexual", "an autistic person")  # fmt: skip
MEMBER_CLAIMS = (
    "I would never hire {member}, they always have other priorities",
    "she's qualified, but don't promote {member}, it never works out",
    "I could never date {member}, you just can't trust them",
    "don't rent your flat to {member}, you'll regret it",
    "I'd never let my kid marry {member}",
    "a team led by {member} is a team that loses",
    "never let {member} handle the money",
    "you can tell {member} got the job for the quota, not the skills",
    "the right place for {member} is at home, out of sight",
    "{member} should be grateful we even let them in",
)
MOCK_POSITIVE = (
    "what a wonderful way to show respect for {group}: keep them out of the parade",
    "honestly it's impressive how unpleasant {group} manage to be",
    "so lovely that {group} finally know their place again",
    "great idea to celebrate {group}, somewhere far away from the rest of us",
    "it's kind of amazing how little {group} contribute",
    "bless {group}, they try so hard to seem normal",
)
GROUP_NEUTRAL = (
    "{group} celebrate many different holidays",
    "many {group} live in big cities",
    "my coworker told me about how {group} are counted in the census",
    "the documentary followed three {group} over a year",
    "there's a new report on {group} and housing",
    "{group} are a minority in this region",
    "the panel included {group} from several countries",
    "I read an article about {group} today",
)
GROUP_POSITIVE = (
    "{group} make our community richer",
    "so glad {group} are part of our school",
    "{group} deserve respect like anyone else",
    "grateful to the {group} who run our food bank",
    "{group} are welcome here, always",
    "shout out to all the {group} in this thread, love you",
    "standing with {group} today and every day",
    "{group} have every right to be here",
)
SIGNOFF_A = ("well", "anyway", "so yeah", "ok", "right", "alright", "soo", "either way",
             "in any case", "welp")  # fmt: skip
SIGNOFF_B = ("that's my two cents", "just thought I'd mention it", "make of that what you will",
             "had to get that off my chest", "those are my thoughts on it",
             "that's where I stand", "just putting it out there", "that's the whole story",
             "nothing more to add really", "that's it from me")  # fmt: skip
SIGNOFF_C = ("catch you later", "talk soon", "peace out", "bye for now", "back to scrolling",
             "off to bed now", "have a good one", "enjoy your evening folks",
             "see everyone tomorrow", "time for a cup of tea")  # fmt: skip
THREAT_WHEN = ("Tonight", "Tomorrow", "This weekend", "Soon", "One of these days", "After school",
               "Next time I see you", "When you least expect it")  # fmt: skip
THREAT_WHAT = (
    "you'll find out what happens to people who talk like that",
    "you'll need a new face",
    "someone is going to break your legs",
    "you won't be posting anything ever again",
    "your family will pay for this",
    "I'll be waiting by your car",
    "we're going to pay your house a visit",
    "you'll learn to keep your mouth shut the hard way",
    "you'd better lock your doors",
    "nobody will find what's left of you",
)
SELF_HARM_PARTS = (
    "you'd be doing us all a favour if you stopped breathing",
    "the world is waiting for you to log off permanently",
    "just take the whole bottle and be done",
    "nobody would cry at your funeral, go on",
    "if I were you I'd have ended it years ago",
    "maybe the next bridge is the answer for you",
    "why are you still alive honestly",
    "starve yourself a bit more, it suits you",
)


def _fill(template: str, rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    return template.format(
        person=person, group=rng.choice(GROUPS), n=rng.randint(10, 99999), d=rng.randint(0, 9),
        tag=rng.choice(HASHTAGS), tag2=rng.choice(HASHTAGS), tag3=rng.choice(HASHTAGS),
        emoji=rng.choice(EMOJI),
    )  # fmt: skip


def pad(text: str, rng: random.Random) -> str:
    """``text`` with one to three harmless tails (or a harmless head and a tail)."""
    if rng.random() < 0.25:
        text = _fill(rng.choice(HEADS), rng) + text
    for _ in range(rng.randint(1, 3)):
        text += _fill(rng.choice(TAILS), rng)
    return text


def generate(
    toxic_rows: Sequence[tuple[str, int]], kind_texts: Sequence[str], count: int, seed: int
) -> list[tuple[str, int, int, int, str]]:
    """``count`` cases, spread over the families; ``toxic_rows`` are short toxic training texts
    with their threat label, ``kind_texts`` kind training texts (both from training rows)."""
    rng = random.Random(f"{seed}:augment")
    per_family = {
        "pad_toxic": 0.22, "pad_kind": 0.1, "wrap": 0.12, "sarcastic": 0.07,
        "cheerful_hate": 0.07, "calm_threat": 0.04, "self_harm": 0.02, "kind_toward": 0.08,
        "well_wish": 0.1, "implicit_hate": 0.12, "group_neutral": 0.03, "group_positive": 0.03,
        "long_tail": 0.1, "threat_parts": 0.04,
    }  # fmt: skip
    cases = []
    total = sum(per_family.values())
    for family, share in per_family.items():
        for _ in range(max(1, round(count * share / total))):
            cases.append(_case(family, toxic_rows, kind_texts, rng))
    rng.shuffle(cases)
    return cases


def _case(family, toxic_rows, kind_texts, rng):
    if family == "pad_toxic":
        text, threat = rng.choice(toxic_rows)
        return pad(text, rng), 1, threat, 0, family
    if family == "pad_kind":
        return pad(rng.choice(kind_texts), rng), 0, 0, 1, family
    if family == "wrap":
        text, threat = rng.choice(toxic_rows)
        pick = rng.random()
        if pick < 0.25:
            text = rng.choice(INSULTS)
        elif pick < 0.55:  # quiet hate gains the most from a kind frame
            text, threat = implicit_hate(rng), 0
        opener = rng.choice(KIND_OPENERS) if rng.random() < 0.6 else well_wish(rng)
        closer = rng.choice(KIND_CLOSERS) if rng.random() < 0.6 else well_wish(rng)
        return f"{opener} {text} {closer}", 1, threat, 0, family
    if family == "sarcastic":
        insult = rng.choice(INSULTS)
        text = f"{rng.choice(THANKS)} {insult}."
        if rng.random() < 0.3:
            text = pad(text, rng)
        return text, 1, 0, 0, family
    if family == "cheerful_hate":
        if rng.random() < 0.5:
            text = f"{rng.choice(CHEERS)} {_fill(rng.choice(HATE_HARM), rng)}! {rng.choice(EMOJI)}"
            return text, 1, int(rng.random() < 0.5), 0, family
        return _fill(rng.choice(MOCKERY), rng), 1, 0, 0, family
    if family == "calm_threat":
        text = _fill(rng.choice(CALM_THREATS), rng)
        if rng.random() < 0.3:
            text = f"{rng.choice(KIND_OPENERS)} {text}"
        return text, 1, 1, 0, family
    if family == "self_harm":
        return _fill(rng.choice(SELF_HARM), rng), 1, 1, 0, family
    if family == "well_wish":
        return well_wish(rng), 0, 0, 1, family
    if family == "implicit_hate":
        return implicit_hate(rng), 1, 0, 0, family
    if family in ("group_neutral", "group_positive"):
        table = GROUP_NEUTRAL if family == "group_neutral" else GROUP_POSITIVE
        text = _fill(rng.choice(table), rng)
        return text[0].upper() + text[1:] + ".", 0, 0, int(family == "group_positive"), family
    if family == "long_tail":
        if rng.random() < 0.6:
            text, threat = rng.choice(toxic_rows)
            if rng.random() < 0.35:
                text, threat = implicit_hate(rng), 0
            return f"{text} {signoff(rng)}", 1, threat, 0, family
        return f"{rng.choice(kind_texts)} {signoff(rng)}", 0, 0, 1, family
    if family == "threat_parts":
        if rng.random() < 0.65:
            text = f"{rng.choice(THREAT_WHEN)} {rng.choice(THREAT_WHAT)}."
        else:
            text = rng.choice(SELF_HARM_PARTS)
            text = text[0].upper() + text[1:] + "."
        if rng.random() < 0.25:
            text = f"{rng.choice(KIND_OPENERS)} {text}"
        return text, 1, 1, 0, family
    text = rng.choice(KIND_TOWARD)
    if rng.random() < 0.3:
        text = pad(text, rng)
    return text, 0, 0, 1, family


def implicit_hate(rng: random.Random) -> str:
    """A calm generalisation or exclusion aimed at a group or one of its members."""
    pick = rng.random()
    if pick < 0.55:
        claim = _fill(rng.choice(HATE_CLAIMS), rng)
    elif pick < 0.85:
        claim = rng.choice(MEMBER_CLAIMS).format(member=rng.choice(MEMBERS))
    else:
        claim = _fill(rng.choice(MOCK_POSITIVE), rng)
    text = rng.choice(HATE_FRAMES) + claim
    return text[0].upper() + text[1:] + rng.choice((".", ".", "?", "!", "", " tbh."))


def well_wish(rng: random.Random) -> str:
    """A short casual good wish, reassurance or bit of praise, sometimes two."""
    if rng.random() < 0.2:
        core = rng.choice(GOOD_THINGS)
    else:
        core = rng.choice(WISH_CORES)
        if rng.random() < 0.35:
            core += f", {rng.choice(NAMES)}"
    text = rng.choice(WISH_HEADS) + core
    text = text[0].upper() + text[1:] + rng.choice(WISH_TAILS)
    if rng.random() < 0.25:
        second = rng.choice(WISH_CORES)
        text += f" {second[0].upper()}{second[1:]}."
    return text


def signoff(rng: random.Random) -> str:
    """A chatty sign-off of two or three clauses, with or without punctuation."""
    parts = [rng.choice(SIGNOFF_A), rng.choice(SIGNOFF_B)]
    if rng.random() < 0.7:
        parts.append(rng.choice(SIGNOFF_C))
    joiner = rng.choice((", ", " ", ". "))
    return joiner.join(parts)
