"""Social-media reply training cases for the third-generation classifier, built from parts.

Content warning: the parts below hold mockery of people's looks, voices and work, pile-ons,
casual prejudice dressed up as compliments or jokes, calmly worded stereotypes about groups of
people, backhanded praise, self-harm incitement in platform euphemisms ("unalive", "kys") and
veiled threats that hint at knowing where someone lives. They were written fresh for this
project, mostly in the register of short video-comment replies (lower case, "ur", "fr", "ngl",
emoji), to teach the classifier harm that sits in the meaning of a comment rather than in rude
words, together with kind or harmless near twins that use the same slang, the same openers and
the same platform words, so that the wording alone decides nothing.

Each case is ``(text, toxic, threat, kind, family)`` with 0/1 labels:

* ``slang_hype``: praise in violent- or profane-sounding slang ("this is criminal", "u
  murdered it", "i hate how good this is"): kind;
* ``slang_insult``: the same register and subjects, genuinely demeaning (trash, cringe, quit,
  delete the app, mocking looks or voice, hype words turned sour): toxic;
* ``counter_speech_support``: defending or comforting someone against haters and trolls, full
  of words like hate, bitter, miserable, jealous: kind;
* ``pile_on``: joining in on the mockery in the comments ("ratio", "the comments are right"):
  toxic;
* ``identity_positive``: celebrating someone while naming a religion, ethnicity, disability,
  body size, age, gender identity, sexuality, neurodivergence or accent: kind;
* ``identity_jab``: casual or coded prejudice framed lightly or as a compliment ("pretty for
  a ...", "diversity hire", "no offence but you people"): toxic;
* ``backhanded``: a friendly opener whose tail is a put-down or condescension: toxic;
* ``sincere_compliment``: the same openers completed sincerely: kind;
* ``euphemism_self_harm``: self-harm incitement in platform euphemisms and abbreviations:
  toxic and threat;
* ``euphemism_care``: caring messages that use the same platform words supportively: kind;
* ``veiled_threat_social``: comment-style threats hinting at knowing someone's house, school,
  gym or family, always with the menace inside the sentence (a place or routine is followed by
  a menacing clause): toxic and threat;
* ``location_twin``: harmless comments about places and routines (kind when they look out for
  the person, for instance a privacy warning; otherwise neither);
* ``group_stereotype``: calm, even warm, prejudice about a group of people with no slurs or
  rude words: sweeping generalisations, "they should stay in their place", discriminatory
  hiring or renting advice, "for their own good" paternalism, pseudo-science, nostalgia for
  exclusion and polite dehumanising comparisons: toxic;
* ``group_respect``: near twins naming the same groups with the same openers and topics (jobs,
  sport, parades, schools, renting, studies, the past): kind when warm toward people
  (celebrating, welcoming, defending), otherwise neither (facts, questions, logistics, and
  praise of things such as food, lights or talks rather than of people).

A fifth of the cases of every family end with the same kind of chatty sign-off
(``SIGN_OFFS``), so that a friendly tail decides nothing either.

Every case comes from ``case(family, rng)``; the same ``random.Random`` seed gives the same
cases. Stdlib only.
"""

from __future__ import annotations

import random
import re

FAMILIES = (
    "slang_hype",
    "slang_insult",
    "counter_speech_support",
    "pile_on",
    "identity_positive",
    "identity_jab",
    "backhanded",
    "sincere_compliment",
    "euphemism_self_harm",
    "euphemism_care",
    "veiled_threat_social",
    "location_twin",
    "group_stereotype",
    "group_respect",
)

# Each toxic family and its kind or harmless twin get the same weight.
SHARES = {family: 1.0 for family in FAMILIES}

# ---------------------------------------------------------------------------------------------
# Slot fillers. Parts are written in lower case, the way most replies are typed; ``_vary``
# tidies some of them into sentence case.
# ---------------------------------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    # Things a creator posts, all singular so "is" and "was" agree.
    "n": (
        "dance", "cover", "edit", "beat", "cake", "goal", "drawing", "makeup look", "kickflip",
        "combo", "fit", "cosplay", "transition", "high note", "choreo", "freestyle", "nail set",
        "sourdough", "speedrun", "guitar solo", "mural", "crochet top", "glow up", "verse",
        "harmony", "remix", "animation", "routine", "backflip", "free kick", "dunk",
        "wig install", "lip sync", "piano arrangement", "clutch", "skate line", "braid job",
        "sketch", "drum fill", "outfit check",
    ),
    "name": (
        "priya", "jay", "amara", "kez", "lils", "rohan", "tia", "dami", "soph", "marco",
        "ayesha", "finn", "noor", "bex", "kwame", "luz", "harv", "yasmin", "theo", "deshawn",
    ),
    "bud": (
        "bestie", "sis", "bro", "babe", "mate", "queen", "king", "girlie", "fam", "bhai",
        "hun", "my guy", "bruv", "chief",
    ),
    "colour": ("blue", "red", "green", "yellow", "black", "white", "purple", "mint green"),
    "venue": (
        "the gym", "the skatepark", "the dance studio", "the climbing centre", "the rink",
        "the pool", "the uni library", "the boxing club", "the leisure centre", "the café",
        "ur college", "the 5-a-side pitch",
    ),
    "day": (
        "tomorrow", "on friday", "on saturday", "next week", "after ur shift", "on monday",
        "after class", "this weekend", "tonight", "on sunday morning",
    ),
    "clock": ("6am", "half 7", "8 sharp", "5:30", "9pm", "noon", "quarter to 6", "7ish"),
    # An evening time with its day, for doors opening at a gig or a show.
    "doors": (
        "7 on friday", "half 7 on saturday", "8 tonight", "7ish tonight", "6 on sunday",
        "half 6 tomorrow",
    ),
    "street": (
        "elm road", "canal street", "mill lane", "beacon hill", "rosemary close",
        "station road", "park crescent", "harbour lane", "ashby way", "kingsway",
    ),
    "fam": (
        "ur mum", "ur dad", "ur little brother", "ur nan", "ur sister", "ur boss",
        "ur girlfriend", "ur boyfriend", "ur teachers", "ur landlord",
    ),
    "help": (
        "samaritans on 116 123", "988", "shout on 85258", "lifeline on 13 11 14",
        "a crisis line", "a helpline", "ur gp", "someone u trust", "the crisis text line",
        "a school counsellor",
    ),
}  # fmt: skip

HYPE_EMOJI = (
    "😭", "🔥", "💀", "🙏", "✨", "😭🔥", "🔥🔥", "💀💀", "🤯", "🫡", "😮‍💨", "👏", "💯", "😭😭",
)  # fmt: skip
KIND_EMOJI = ("💛", "🫶", "🤍", "🙏", "✨", "💕", "🥺", "❤️", "🌷", "🤗", "💜", "🌻")
FRIENDLY_EMOJI = ("🥰", "🤗", "✨", "😊", "💕", "🙂", "😇", "🫶", "💖", "🌸", "😌", "😘")
MOCK_EMOJI = ("💀", "😂", "🤣", "😭", "🤡", "🥴", "😬", "🙄", "🫠", "💀😂", "🚮", "👎")
# Ends veiled threats: knowing, never warm.
SMUG_EMOJI = ("🙂", "😉", "🙃", "😌", "👀", "🤫", "👁️", "👀👀")

# Lead-ins common to the slang families (kind and toxic alike).
SLANG_OPENERS = (
    "ngl", "bro", "{bud}", "yo", "omg", "nah", "not gonna lie", "okay but", "lowkey",
    "highkey", "deadass", "on god", "mate", "bhai", "fr", "tbh", "be honest,", "wait",
    "hold on", "sorry but", "real talk", "ok so", "chat,", "istg", "oi",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Families 1 and 2: hype slang and genuine insults about the same creations.
# ---------------------------------------------------------------------------------------------

HYPE_CORES = (
    "{t} is actually illegal",
    "{t} should be a crime",
    "{t} is criminal, someone call the police",
    "{t} is straight up sick",
    "{t} is insane",
    "{t} is filthy",
    "{t} is nasty in the best way",
    "{t} is stupid good",
    "{t} is disgusting in the best way",
    "{t} is disgustingly clean",
    "it's unfair how good {t} is",
    "i hate how good {t} is",
    "i hate u for how good {t} is",
    "{t} slaps",
    "{t} goes so hard",
    "{t} went crazy",
    "{t} is lowkey dangerous",
    "{t} is dangerously good",
    "who allowed {t}",
    "who gave u permission to do {t} like that",
    "u murdered {t}",
    "u killed {t}",
    "u absolutely destroyed {t}",
    "u ate {t} and left no crumbs",
    "u ate with {t}, not a crumb left",
    "{t} is a crime scene and u did it",
    "{t} has no business being this good",
    "{t} is ridiculous, how",
    "{t} is a menace to society and i love it",
    "{t} is sick sick sick",
    "{t} just killed me",
    "{t} is giving felony",
    "{t} should be banned for being this good",
    "{t} is too stupid clean",
    "arrest whoever made {t}",
)

HYPE_SOLO = (
    "ur a beast",
    "absolute menace",
    "u little menace, stop being this talented",
    "i'm calling the cops, u stole the whole show",
    "this is a crime and ur the criminal",
    "i'm screaming",
    "my jaw hit the floor",
    "u went feral on this",
    "ur dangerous with it",
    "u snapped",
    "this is so unfair to the rest of us",
    "i'm deceased",
    "rip to my replay button",
    "u really said watch this",
    "the disrespect, it's too clean",
    "u make it look illegal",
    "stop it, i can't take any more",
    "u killed it and buried it",
)

HYPE_TAILS = (
    "no cap",
    "fr fr",
    "on god",
    "i've watched it 20 times",
    "on repeat all day",
    "the way i screamed",
    "take my money",
    "teach me pls",
    "obsessed",
    "keep going",
    "ur so talented",
    "i can't breathe",
    "this is peak",
    "actual goat behaviour",
    "proud of u",
    "i need a tutorial",
    "saving this forever",
    "so so good",
    "the talent is unreal",
    "ur different",
    "this made my whole week",
    "literally shaking",
    "sending this to everyone",
)

INSULT_CORES = (
    "{t} is trash",
    "{t} is so embarrassing",
    "{t} is actual cringe",
    "{t} is painful to sit through",
    "{t} gave me secondhand embarrassment",
    "{t} is mid and that's being nice",
    "{t} is the worst thing on my feed",
    "{t} is a joke and so are u",
    "{t} is criminal, criminally bad, delete it",
    "{t} is illegal, like it should be illegal to post something this bad",
    "{t} is sick, as in it made me feel sick",
    "it's insane that u posted {t} with ur whole chest",
    "who allowed {t}? ur friends should've stopped u",
    "i hate how bad {t} is",
    "u killed {t}, like killed it dead, it's ruined",
    "u destroyed {t}, and not in a good way",
    "{t} is disgusting and not in a fun way",
    "{t} is so bad it's making me angry",
    "{t} is a crime against my eyes",
    "u murdered {t}, rest in peace to it",
    "{t} is stupid, just stupid",
    "{t} looks like it was made by a toddler",
    "{t} is giving zero talent",
    "not a single good thing about {t}",
)

INSULT_SOLO = (
    "quit while ur behind",
    "delete the app",
    "pls stop posting",
    "nobody asked for this",
    "u should be embarrassed",
    "ur voice sounds like a dying seagull",
    "ur face is doing way too much",
    "the filter can't save that face",
    "u look like a potato someone drew a face on",
    "u can't dance to save ur life",
    "give up, it's not for u",
    "stick to ur day job, if u even have one",
    "the hairline is retreating faster than ur talent",
    "u have the rhythm of a fridge",
    "ur teeth are the loudest thing in the video",
    "go back to lurking",
    "u talk like ur chewing gravel",
    "even ur ring light looks tired of u",
    "this is why nobody follows u",
    "ur the reason skip buttons exist",
    "u sing like ur being stepped on",
    "someone take the phone off u",
)

INSULT_TAILS = (
    "no cap",
    "fr",
    "just being honest",
    "unfollowed",
    "cringe",
    "yikes",
    "do better",
    "so bad",
    "embarrassing",
    "i'm not even joking",
    "actually unwatchable",
    "waste of my time",
    "log off",
    "lol",
    "lmao",
    "zero talent",
)

# ---------------------------------------------------------------------------------------------
# Families 3 and 4: defending someone from haters, and joining the haters.
# ---------------------------------------------------------------------------------------------

# (object, subject-is, possessive) pronoun sets.
PRONOUNS = (("her", "she's", "her"), ("him", "he's", "his"), ("them", "they're", "their"))

DEFEND_CORES = (
    "the ppl hating on ur {n} are just bitter, don't stop posting",
    "ignore the trolls, ur {n} is lovely",
    "leave {obj} alone, {subj} just having fun",
    "whoever wrote that is miserable and it shows",
    "block them and keep going",
    "the mean comments say way more about them than u",
    "haters gonna hate, the {n} is beautiful",
    "jealous ppl will always find something to moan about",
    "don't read the ugly comments, u did nothing wrong",
    "i reported the nasty ones, keep doing ur thing",
    "the hate in this comment section is wild, {subj} literally a kid",
    "can't believe ppl are this cruel over a {n}",
    "imagine being so miserable u spend ur day hating on a stranger's {n}",
    "the trolls are loud but there's way more of us who love ur stuff",
    "ur {n} is great and the bitter ones know it",
    "pls don't let the hate get to u",
    "the haters have zero posts of their own, think about that",
    "leave {obj} alone fr, {subj} not hurting anyone",
    "mean comments on a {n}? some ppl need hobbies",
    "anyone calling {obj} ugly needs a mirror and a hug",
    "don't listen to the bullies, they're jealous",
    "the hate u get is a tax on being brilliant, sorry u have to pay it",
    "u handled those rude replies with so much grace",
    "the comments being this nasty made me follow u out of spite",
    "reporting every hateful reply i see on here",
    "miserable ppl love company, don't join them, keep posting",
    "i'm so sorry about the cruel comments, u deserve better",
    "ppl calling {poss} {n} trash couldn't make one themselves if they tried",
    "these bitter replies are embarrassing for them, not u",
    "the trolls will forget this tomorrow, ur {n} will still be fire",
)

DEFEND_OPENERS = (
    "{bud},", "hey {name},", "ok,", "listen,", "not the comments being like this,",
    "genuinely,", "honestly,", "reminder:", "just popping in to say", "fr though,",
    "psa:", "chat be nice,", "babes,", "to whoever needs it:",
)  # fmt: skip

DEFEND_TAILS = (
    "we love u here",
    "keep shining",
    "u got this",
    "sending love",
    "ur doing amazing",
    "don't let them win",
    "the whole comment section is behind u",
    "ur allowed to take up space",
    "protect this creator at all costs",
    "post more pls",
    "head up",
    "their loss",
)

PILE_CORES = (
    "the comments are spot on about u lol",
    "everyone's saying it so i'll say it too, this is awful",
    "ratio, this is embarrassing",
    "ratio + nobody asked",
    "imagine posting this and thinking it's good",
    "not the {n} again, nobody wants this",
    "ur the reason ppl leave this app",
    "top comment said it best, this is embarrassing",
    "came here for the roast and the comments delivered",
    "the way everyone clocked how bad this is",
    "+1 to everyone telling u to delete",
    "the comments are a full roast and u earned every word",
    "adding my ratio to the pile, u earned it",
    "this is why everyone unfollowed",
    "joining the hate train",
    "whoever compared {obj} to a potato was so right",
    "the comments carried this post because the {n} sure didn't",
    "agree with literally every mean comment here",
    "can't believe i agree with the haters for once, this is bad",
    "{subj} deleting this in an hour out of shame, watch",
    "the comment section is undefeated, {subj} finished",
    "it's the {n} for me, the comments already tore it apart and they're right",
    "the replies roasting u are better than the video",
    "all the hate is deserved honestly",
    "when even ur mutuals are roasting u, it's time to log off",
    "someone stitch this so more ppl can laugh",
    "screenshotting this for the group chat so they can laugh at u too",
    "i was gonna be nice but the comments convinced me, this is tragic",
)

PILE_OPENERS = (
    "lmaooo", "not gonna lie", "bro", "yeah", "nah", "lol", "sorry but", "chat,", "💀",
    "honestly", "sheesh", "the comments,", "no because",
)  # fmt: skip

PILE_TAILS = (
    "nobody wants this",
    "cringe",
    "embarrassing",
    "choo choo",
    "we're all laughing",
    "take the hint",
    "delete it",
    "L",
    "caught in 4k",
    "no one's on ur side",
    "bye",
    "the replies said it",
)

# ---------------------------------------------------------------------------------------------
# Families 5 and 6: identity named with warmth, and casual prejudice.
# ---------------------------------------------------------------------------------------------

IDENTITY_PEOPLE = (
    "a girl in a wheelchair", "a deaf dancer", "a blind gamer", "a sikh uncle in a turban",
    "a nan in her seventies", "a trans lad", "a plus size girl", "two grandads holding hands",
    "an autistic artist", "a nigerian aunty", "a desi dad", "a muslim goalkeeper",
    "a kid with a prosthetic leg", "a black ballerina", "a guy with a proper glaswegian accent",
    "a nonbinary chef", "a girl with down syndrome", "a jewish grandma", "a hijabi skater",
    "a dad with adhd", "an indigenous designer", "a fat guy", "a lesbian couple",
    "an amputee climber", "a brummie lad", "a tamil girl", "a chinese grandad",
    "a woman with vitiligo", "a 62 year old beginner", "a dwarf actor",
)  # fmt: skip

IDENTITY_ACTS = (
    "absolutely owning the dance floor", "winning the whole tournament", "teaching a recipe",
    "landing a kickflip", "doing a flawless makeup tutorial", "killing it at karaoke",
    "modelling a summer collection", "running a marathon", "reviewing trainers",
    "doing a cooking stream", "topping the leaderboard", "playing bass in a metal band",
    "explaining physics better than my teacher", "doing a fit check", "hosting a game show",
    "opening their own bakery", "learning to swim", "doing stand up", "singing opera",
)  # fmt: skip

IDENTITY_POS_CORES = (
    "seeing {who} {act} made my whole week",
    "{who} {act}?? we love to see it",
    "{who} {act} is the content i'm here for",
    "didn't know i needed {who} {act} on my fyp but here we are",
    "the algorithm finally gave me {who} {act} and i'm thrilled",
    "{who} {act}, representation like this matters",
    "as a fellow {self}, this means so much",
    "as a {self} myself, i've never felt so seen",
    "proud {self} here and this is everything",
    "i'm a {self} too and u just gave me so much courage",
    "showing this to every {self} i know",
    "more {plural} {field} pls",
    "{plural} {field}, finally",
    "ur {accent} accent is so lovely, never change it",
    "hearing a {accent} accent on here is such a joy",
    "the {accent} accent makes this ten times better",
)

SELF_IDENTITIES = (
    "wheelchair user", "person who stammers", "deaf person", "autistic girl", "fat girl",
    "queer kid", "brown girl", "hijabi", "trans woman", "muslim lad", "person with adhd",
    "amputee", "dyslexic", "dad of a disabled kid", "black woman in tech", "bi girl",
    "70 year old", "person with chronic pain", "blind person", "first gen immigrant",
)  # fmt: skip

PLURAL_IDENTITIES = (
    "disabled creators", "black women", "plus size models", "autistic people", "older women",
    "trans athletes", "deaf performers", "muslim women", "queer couples", "south asian artists",
    "wheelchair users", "neurodivergent teachers", "grandparents", "hijabi athletes",
)  # fmt: skip

FIELDS = (
    "in skating", "on my feed", "in fashion", "in gaming", "in the kitchen", "in sport",
    "in music", "doing comedy", "in science", "on telly", "in ballet", "in climbing",
)  # fmt: skip

ACCENTS = (
    "scouse", "geordie", "welsh", "kenyan", "punjabi", "irish", "jamaican", "glaswegian",
    "nigerian", "kiwi", "bengali", "yorkshire", "aussie", "south african", "brummie",
)  # fmt: skip

IDENTITY_POS_TAILS = (
    "thank u for posting",
    "made me tear up",
    "keep going",
    "so much joy in one video",
    "i'm grinning",
    "icon behaviour",
    "following immediately",
    "this is so wholesome",
    "the world needs more of this",
    "main character energy",
    "love everything about this",
    "serving",
)

JAB_SINGULAR = (
    "dark-skinned girl", "big girl", "girl in a wheelchair", "trans girl", "girl in a hijab",
    "footballer", "black guy", "kid from the estate", "northerner", "immigrant",
    "deaf person", "guy with an accent", "asian girl", "old woman", "gay guy", "muslim",
    "girl with a stammer", "indian guy", "nigerian", "autistic kid",
)  # fmt: skip

JAB_PLURAL = (
    "indians", "nigerians", "muslims", "gay men", "trans people", "immigrants", "old people",
    "autistic people", "women", "polish people", "asians", "disabled people", "northerners",
    "jewish people", "black people", "arabs",
)  # fmt: skip

JAB_STEREOTYPES = (
    "are always late", "can't drive", "are so loud", "only care about money",
    "make everything about themselves", "all look the same", "can't take a joke",
    "always play the victim", "are only good at one thing", "never tip",
    "are so dramatic", "can't be trusted with money", "are lazy", "are all the same",
)  # fmt: skip

JAB_CORES = (
    "ur actually pretty for a {one}",
    "ur so articulate for a {one}",
    "ur well spoken for a {one}, honestly shocked",
    "u dance well for a {one}",
    "not bad for a {one}",
    "ur really clean for a {one}",
    "{pro} only got that job for diversity points",
    "{pro} got picked to tick a box, be real",
    "diversity hire energy but ok",
    "finally a normal family on my fyp",
    "refreshing, a proper normal couple for a change",
    "no offence but u people {stereo}",
    "no offence but {many} {stereo}",
    "not being funny but {many} {stereo}",
    "it's a joke but {many} really {stereo}, everyone knows it",
    "didn't expect a {one} to be this talented lol",
    "u don't even look like a {one}, that's a compliment",
    "ur english is so good, where are u really from",
    "cute, but which one of u is the man",
    "why do {many} always have to make it their whole personality",
    "a {one} doing this? that's a first lol",
    "u must be one of the good ones",
    "finally a {one} who isn't annoying",
    "ur not like other {many}",
    "love this but can {many} stop shoving it in our faces",
    "for a {one} ur surprisingly normal",
)

JAB_TAILS = (
    "just saying",
    "it's a compliment",
    "don't get offended",
    "it's just a joke, relax",
    "no hate",
    "take it as a compliment",
    "u know what i mean",
    "not racist just honest",
    "everyone's thinking it",
    "lol",
    "facts",
    "can't say anything these days",
)

# ---------------------------------------------------------------------------------------------
# Families 7 and 8: the same openers, finished with a put-down or sincerely.
# ---------------------------------------------------------------------------------------------

MILESTONES = (
    "passing ur driving test", "getting the job", "finishing the marathon",
    "hitting 10k followers", "landing the trick", "getting into uni", "moving out",
    "finishing the painting", "learning the song", "getting ur degree", "buying a car",
    "nailing the routine",
)  # fmt: skip

# key -> (openers, backhanded tails, sincere tails). The openers are shared by both families.
COMPLIMENT_SETS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "brave": (
        ("brave of u to post this", "so brave of u to share this", "ur so brave for posting"),
        (
            "with that voice",
            "looking like that",
            "when the last one flopped so hard",
            "considering how it turned out",
            "i'd have deleted it by now",
            "knowing everyone can see it",
        ),
        (
            "it's going to help so many ppl",
            "the honesty is everything",
            "talking about this so openly takes guts",
            "i needed to hear this today",
            "thank u for being so real",
            "my sister went through the same thing",
        ),
    ),
    "congrats": (
        (
            "congrats on finally {ms}",
            "congrats on {ms} at last",
            "so happy u finally got round to {ms}",
        ),
        (
            "took u long enough lol",
            "only took u five goes",
            "we were all starting to worry",
            "guess even u get lucky sometimes",
            "the bar was on the floor but u did it",
            "hope u don't mess it up this time",
        ),
        (
            "after all that practice, so proud",
            "u earned every bit of it",
            "i remember u nearly giving up and look at u now",
            "all those late nights paid off",
            "u never quit and it shows",
            "celebrate properly tonight",
        ),
    ),
    "skill": (
        ("this is good", "honestly not half bad", "this is actually decent"),
        (
            "for someone who's never had a lesson",
            "for a beginner i guess",
            "for someone ur age",
            "considering u clearly have no talent",
            "for a girl",
            "compared to ur usual stuff anyway",
        ),
        (
            "and u said u'd never had a lesson, how",
            "the progress since ur first post is wild",
            "u should be so proud",
            "the detail at the end got me",
            "please do a part two",
            "ur teacher must be thrilled",
        ),
    ),
    "anyone": (
        (
            "love that anyone can make videos now",
            "love that anyone can post stuff now",
        ),
        (
            "even ppl like u",
            "no talent needed apparently",
            "the standards really dropped huh",
            "explains this one",
            "it's great for ppl with nothing to offer",
        ),
        (
            "so many cool voices getting heard",
            "this would never have reached me otherwise",
            "the internet is better with u on it",
            "small creators like u are the best part",
            "ur channel is a gem",
        ),
    ),
    "confidence": (
        ("ur confidence is inspiring", "i love ur confidence", "the confidence tho"),
        (
            "considering everything",
            "for someone who looks like that",
            "i could never post with a face like that",
            "wish i was that delusional",
            "especially with that body",
            "most ppl would hide",
        ),
        (
            "it's rubbed off on me, i posted my first video today",
            "thank u for showing up as urself",
            "it makes me want to try things",
            "u walk in like u own the place and u should",
            "it's contagious in the best way",
        ),
    ),
    "personality": (
        ("u have such a nice personality", "ur personality is everything"),
        (
            "at least, because the looks aren't doing much",
            "which is lucky tbh",
            "someone had to say it",
            "that's something i guess",
            "shame about everything else",
        ),
        (
            "and the video is so good too",
            "u made my whole day brighter",
            "ur friends are so lucky",
            "the way u talk to ur followers is so kind",
        ),
    ),
    "couple": (
        ("cute couple", "u two are so cute", "aww couple goals"),
        (
            "he's clearly punching below his weight",
            "give it a month",
            "she could do so much better tbh",
            "how did u pull him though",
            "he must be really nice to settle",
        ),
        (
            "u look so happy together",
            "the way he looks at u",
            "wishing u both the best",
            "the wedding better be on here",
            "u bring out the best in each other",
        ),
    ),
    "pretty": (
        ("ur so pretty", "omg u look gorgeous", "u look so good here"),
        (
            "shame about the voice",
            "when u don't talk",
            "with the filter on at least",
            "from this angle only",
            "for once",
            "i almost didn't recognise u",
        ),
        (
            "and ur kindness shines through",
            "inside and out",
            "the glow is unreal lately",
            "that colour is so u",
            "hope u know how lovely u are",
        ),
    ),
    "actually": (
        ("wow u actually did it", "u actually pulled this off", "okay u actually ate"),
        (
            "did something right for once",
            "shocked honestly, didn't think u had it in u",
            "miracles happen",
            "first time for everything i suppose",
        ),
        (
            "told u u would",
            "never doubted u for a second",
            "the hard work shows",
            "the whole group chat is cheering",
        ),
    ),
    "proud": (
        ("so proud of u", "honestly so proud of u", "love this for u"),
        (
            "for getting off the sofa for once",
            "it's nice u found something ur okay at",
            "someone has to be the funny-looking friend",
            "considering where u started, which was low",
            "even if nobody else is",
        ),
        (
            "u worked so hard for this",
            "u deserve all the good things",
            "after the year u've had",
            "hope ur celebrating tonight",
            "look how far u've come",
        ),
    ),
    "lucky": (
        ("ur so lucky", "honestly u got lucky", "lucky u"),
        (
            "that ur bf puts up with u",
            "ppl here are this nice to u",
            "nobody's told u the truth yet",
            "ur friends feel sorry for u",
        ),
        (
            "to have such a supportive family, and they're lucky to have u",
            "but u made ur own luck with all that work",
            "and u deserve every bit of it",
            "can't wait to see what's next",
        ),
    ),
}

# Tails starting with these words carry straight on from the opener, without a comma.
RUN_ON = frozenset(
    "for with when from compared considering especially that looking knowing even to since".split()
)

# ---------------------------------------------------------------------------------------------
# Families 9 and 10: platform euphemisms for self-harm, used to hurt or to care.
# ---------------------------------------------------------------------------------------------

NUDGE_CORES = (
    "unalive urself",
    "go unalive urself",
    "kys",
    "k y s",
    "k.y.s",
    "kys, nobody would care",
    "go touch a live wire",
    "do everyone a favour and log off permanently",
    "log off forever, and i mean forever",
    "the world wouldn't miss u",
    "nobody would notice if u disappeared for good",
    "go drink bleach",
    "have a bleach smoothie",
    "go play in traffic",
    "jump off something tall",
    "delete urself",
    "go to sleep and don't wake up",
    "uninstall life",
    "ctrl alt delete urself",
    "find the nearest bridge",
    "do us all a favour and unalive",
    "go take a long walk off a short pier",
    "the rope is calling u",
    "become a ghost, literally",
    "end it, nobody's stopping u",
    "u should unalive, just saying",
    "go swim with a toaster",
    "touch a plug socket with a fork",
)

NUDGE_OPENERS = (
    "lol", "honestly", "bro", "just", "pls", "after that {n},", "ngl",
    "friendly advice:", "lmao", "imagine posting this,", "sorry but", "babe,", "hey {name},",
)  # fmt: skip

NUDGE_TAILS = (
    "lol", "everyone agrees", "do it", "just saying", "for real", "💀", "🙂", "✌️",
    "it'd be a favour", "lmao", "byeee", "trust me", "i mean it",
)  # fmt: skip

CARE_CORES = (
    "unalive is such a weird word but pls reach out if ur struggling",
    "glad ur still here",
    "so glad u stayed",
    "log off and rest tonight, u deserve it",
    "pls talk to someone if it's that heavy",
    "if ur thinking about unaliving urself pls contact {help}, u matter",
    "the ppl telling u to kys are vile, i reported them all, u matter",
    "whoever spammed kys in ur replies is the problem, not u",
    "ur video about recovery helped me more than u know",
    "taking a break from the app is valid, come back whenever",
    "the world would miss u so much, it really would",
    "i used to think the world wouldn't miss me, i was wrong and so are they about u",
    "if it gets too dark tonight pls reach out to {help}",
    "that unalive joke in the comments wasn't funny, hope ur okay",
    "log off for a bit, touch grass, drink water, we'll be here",
    "seeing u post again after everything makes me so happy",
    "nobody gets to tell u u'd be better off gone, it's not true",
    "u being alive makes the internet better",
    "one year clean from sh?? so proud of u",
    "if u need to talk, my dms are open, no judgement",
    "the 'k y s' people are cowards, don't let them in ur head",
    "please stay, things can get lighter",
    "for anyone reading who needs it: samaritans 116 123 in the uk, 988 in the us",
    "unaliving is never the answer, reach out, ppl care",
    "delete the app for a week if u need to, just keep urself safe",
    "put ur phone down, get some sleep, tomorrow's a new day",
)

CARE_OPENERS = (
    "{bud},", "hey {name},", "gentle reminder:", "not to be dramatic but", "hey,",
    "real talk,", "pls read this:", "love u,", "honestly,", "psa:", "babes,",
)  # fmt: skip

CARE_TAILS = (
    "ur not alone", "we want u here", "sending love", "u matter so much", "one day at a time",
    "proud of u", "take care of urself", "ur worth it", "always here", "look after urself",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Families 11 and 12: hints of knowing where someone is, and harmless mentions of places.
# ---------------------------------------------------------------------------------------------

# Lines that are menacing on their own.
STALK_CORES = (
    "would be a shame if {fam} saw these",
    "i've saved all ur videos, we'll talk in person",
    "cute dog, shame it's always alone in the front garden",
    "{street} is closer to me than u think",
    "ur employer would love to hear about this, i've already found their email",
    "enjoy ur shift {when}, i'll be the one watching",
    "i'll be in the front row at ur next gig, and i'll follow u home after",
    "screenshots are saved, {fam} will get them {day}",
    "i know which bus u take now, sit near the back and wait for me",
)

# Places and routines that only turn menacing with the clause that comes after them: each
# setup with the clauses written for it; any of ``STALK_MENACE`` may follow it as well.
STALK_SETUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nice house, the {colour} door really stands out", ("easy to find in the dark",)),
    ("see u at {venue} {day}", ("u won't even know i'm there", "i know where that is now 👀")),
    ("same time at {venue} {day}", ("i'll be waiting by ur bike",)),
    ("u leave {venue} at {clock} every day, right", ("the walk home is so quiet",)),
    (
        "tell ur little sister i said hi",
        ("she walks home alone right", "i know which school she goes to"),
    ),
    ("love the {colour} car on ur drive", ("shame if something happened to it",)),
    ("the street sign in ur last video was very helpful", ("i know where that is now 👀",)),
    ("ur window reflection showed the whole street", ("i know where that is now 👀",)),
    ("counted the steps from the station to ur door", ("not far at all for me",)),
    ("ur curtains were open last night", ("u should keep them shut, i'm not going anywhere",)),
    ("found ur mum's facebook", ("she'd hate to get caught up in this",)),
    ("i know what ur uni halls look like now", ("which window is urs again",)),
    (
        "walked past ur place on {street} today",
        ("next time i'm knocking", "i know where that is now 👀"),
    ),
    ("u look different in person", ("smaller, easier to catch",)),
)

STALK_MENACE = (
    "u won't see me coming",
    "keep posting and see what happens",
    "shame if something happened",
    "sleep with one eye open",
    "next time i won't just be looking",
    "one more video like this and i'm coming round",
    "u won't be hard to find",
    "don't make me come and find u",
    "u should be more careful who u upset",
)

STALK_OPENERS = (
    "btw", "hey {name},", "just so u know,", "oh and", "fun fact:", "psst", "no worries,",
    "don't panic but", "remember,", "lol", "ok {bud},", "little tip:",
)  # fmt: skip

# Endings that keep the menace going, never a friendly sign-off.
STALK_TAILS = (
    "be seeing u", "u'll see", "watch ur back", "i'm closer than u think", "tick tock",
    "don't say i didn't warn u", "count on it", "sleep with the lights on",
)  # fmt: skip
# Times that read well after "enjoy ur shift".
STALK_WHEN = ("tomorrow", "on friday", "on saturday", "tonight", "on monday", "this weekend")

PLACE_NEUTRAL = (
    "nice house, love the {colour} door",
    "see u at {venue} {day}, leg day!",
    "is that {street}? i grew up two streets over",
    "the {colour} door is so cute, what paint is that",
    "this is my gym too, see u at the {clock} class",
    "ur hoodie is from my old school haha, small world",
    "ur mum dancing in the background is iconic",
    "the café on {street} does the best pastries, go there next",
    "i walk my dog past there every morning, lovely area",
    "same time at {venue} {day}? i'll bring the speaker",
    "the view from ur window is unreal",
    "see u at training {day}, bring the cones",
    "the {colour} car on ur drive is so retro",
    "omg i went to that uni, say hi to the library cat",
    "i'll be in the front row at ur next gig, can't wait",
    "we're neighbours basically, wave if u see me at {venue}",
    "ur garden is goals, what are those flowers",
    "doors open at {doors} right? coming with my sister",
)

PLACE_CARE = (
    "careful, ur house number is visible in the corner, maybe blur it",
    "heads up, the street sign shows at 0:12, might want to crop it",
    "ur school crest is on ur jumper, maybe crop it to stay safe",
    "pls turn off location tags, there are some weirdos in here",
    "just so u know, ur reg plate is readable in this, blur it",
    "the window reflection shows ur street, might be worth reposting",
    "love the video but u might want to hide the view of {street}",
    "friendly tip: don't post ur gym times, some ppl are creepy",
    "ur postcode is on the parcel in the background, quick blur",
    "careful, u can see the name of ur halls on the sign",
    "maybe don't post from home in real time, stay safe",
    "ur side gate is wide open in the back of this, maybe lock it when u get a sec",
    "ur school's logo is on ur hoodie btw, might be worth blurring so nobody can find u",
    "ur live showed ur front door, maybe go private for a bit",
)

PLACE_CARE_TAILS = ("stay safe", "just looking out for u", "love the content tho", "x", "no stress")
PLACE_NEUTRAL_EMOJI = ("😄", "🏡", "💪", "🙌", "🔥", "☕", "🐶", "🌸", "👋", "🎶")

# ---------------------------------------------------------------------------------------------
# Families 13 and 14: calm prejudice about groups of people, and respectful near twins that
# name the same groups with the same openers and topics.
# ---------------------------------------------------------------------------------------------

# (plural, one of them with its article), all in lower case; the polished form of
# ``_group_text`` capitalises names through ``PROPER``.
GROUPS = (
    ("women", "a woman"), ("men", "a man"), ("mothers", "a mum"),
    ("working mums", "a working mum"), ("old people", "an older person"),
    ("pensioners", "a pensioner"), ("teenagers", "a teenager"),
    ("disabled people", "a disabled person"), ("wheelchair users", "a wheelchair user"),
    ("blind people", "a blind person"), ("deaf people", "a deaf person"),
    ("autistic people", "an autistic person"),
    ("people with mental illness", "someone with a mental illness"),
    ("people with schizophrenia", "someone with schizophrenia"),
    ("immigrants", "an immigrant"), ("refugees", "a refugee"), ("muslims", "a muslim"),
    ("jewish people", "a jewish person"), ("christians", "a christian"), ("hindus", "a hindu"),
    ("sikhs", "a sikh"), ("black people", "a black person"), ("asians", "an asian person"),
    ("mexicans", "a mexican"), ("roma people", "a roma man"), ("irish people", "an irish lad"),
    ("africans", "an african"), ("nigerians", "a nigerian"), ("polish people", "a polish woman"),
    ("gay men", "a gay man"), ("lesbians", "a lesbian"), ("lgbtq+ people", "a queer person"),
    ("trans people", "a trans person"), ("trans women", "a trans woman"),
    ("poor people", "someone from a poor family"), ("people on benefits", "someone on benefits"),
    ("fat people", "a fat person"),
)  # fmt: skip

# Words written with a capital letter (via ``_PROPER_RE``) in the polished form of ``_group_text``.
PROPER = {
    "muslim": "Muslim", "muslims": "Muslims", "jewish": "Jewish", "christian": "Christian",
    "christians": "Christians", "arabic": "Arabic", "hindu": "Hindu", "hindus": "Hindus",
    "sikh": "Sikh", "sikhs": "Sikhs", "black": "Black", "asian": "Asian", "asians": "Asians",
    "mexican": "Mexican", "mexicans": "Mexicans", "roma": "Roma", "irish": "Irish",
    "african": "African", "africans": "Africans", "nigerian": "Nigerian",
    "nigerians": "Nigerians", "polish": "Polish", "lgbtq": "LGBTQ", "diwali": "Diwali",
    "eid": "Eid", "hanukkah": "Hanukkah", "vaisakhi": "Vaisakhi", "christmas": "Christmas",
}  # fmt: skip

# Lead-ins used by both families, so that an opener alone decides nothing.
GROUP_OPENERS = (
    "honestly,", "i'm just saying", "as a parent,", "to be fair,", "let's be honest,",
    "in my experience", "speaking as a landlord,", "as an employer,", "not being rude but",
    "look,", "for what it's worth,", "if you ask me", "from what i've seen", "as a teacher,",
    "i've lived here forty years and", "my view is simple:", "as a nan of six,", "right,",
    "as a dad,", "i run a small business and",
)  # fmt: skip
STEREO_OPENERS = (
    "i'm not prejudiced but", "i've nothing against them personally but",
    "people won't like this but", "call me old fashioned but", "no disrespect intended but",
    "someone has to say it,",
)  # fmt: skip
# Openers that can come before a question.
ASK_OPENERS = (
    "quick question,", "as a parent,", "as a teacher,", "honestly,", "not being rude but",
    "look,", "right,", "as a dad,", "as a nan of six,",
)  # fmt: skip
RESPECT_OPENERS = (
    "good news,", "quick question,", "proud to say", "friendly reminder,", "fyi",
    "just a thought,", "happy to report",
)  # fmt: skip

# Predicates after a plural subject ("{many} ..." or "they ...").
STEREO_TRAITS = (
    "are all lazy underneath", "can't really be trusted with money",
    "are less intelligent, it's well known", "always want something for nothing",
    "can't cope with any real pressure", "are naturally more aggressive",
    "only ever look after their own", "never settle in anywhere",
    "get far too emotional to decide anything", "bring trouble wherever they go",
    "don't feel things the way the rest of us do", "are basically big children",
    "can't think for themselves", "aren't built for proper work",
    "always expect special treatment", "lie as easily as they breathe",
    "don't value education", "are always off sick", "are a weight on everyone around them",
    "leave every place shabbier than they found it", "never pull their weight",
)  # fmt: skip
STEREO_ADJ = (
    "lazy", "dishonest", "dirty", "slow", "backward", "fragile", "dangerous", "greedy",
    "unreliable", "hopeless with anything practical", "simple", "two-faced",
)  # fmt: skip
STEREO_LESS = (
    "intelligent", "honest", "capable", "rational", "hardworking", "trustworthy",
    "able to concentrate", "fit to raise kids", "clean",
)  # fmt: skip
STEREO_CANT = (
    "do maths", "lead a team", "raise children properly", "hold down a proper job",
    "think logically", "be trusted around kids", "keep their tempers", "follow our customs",
    "look after themselves", "make sensible decisions", "manage a household",
    "handle a degree course", "run anything bigger than a corner shop",
)  # fmt: skip
STEREO_TELLS = (
    "the whole street goes quiet once they move in", "the front garden fills up with junk",
    "they never look you in the eye", "they're always the loudest on the bus",
    "they always haggle for a discount", "their kids are never in school",
    "the house smells of their cooking for weeks", "they can't hold a normal conversation",
    "they're always playing the victim", "the place goes downhill within a year",
    "they stare at everyone like they're plotting something",
)  # fmt: skip
STEREO_BANNED = (
    "drive", "vote", "work with children", "teach in our schools", "get married",
    "march through the town centre", "play in the proper leagues", "rent in the nice areas",
    "stand for the council", "adopt", "manage other people", "use the pool with everyone else",
    "sit on a jury", "open businesses on the high street", "have a parade in our town",
)  # fmt: skip
STEREO_SPACES = (
    "the town centre", "our schools", "the park on a sunday", "the council chamber",
    "management", "the front of the shop", "the local pool", "the football club",
    "our street", "the school playground", "the good neighbourhoods",
)  # fmt: skip

STEREO_CORES = (
    # Sweeping generalisations.
    "{many} {trait}",
    "{many} are all the same, they {trait}",
    "{many} are all {adj}, every single one",
    "{many} can't really {cant}",
    "{many} can't really {cant}, they just aren't able",
    "you can always tell {one} because {tell}",
    "you can always spot {one}, {tell}",
    "i've known plenty of {many} and they {trait}",
    "all the {many} at my work {trait}",
    # Staying in their place.
    "{many} should stay in their place",
    "{many} should know their place and stay there",
    "{many} shouldn't be allowed to {banned}",
    "honestly there's no reason {many} should {banned}",
    "keep {many} out of {space}, it's better for everyone",
    "{many} should stick to their own part of town",
    "nobody minds {many} existing, just not in {space}",
    # Hiring and renting.
    "don't hire {many}, they {trait}",
    "never rent to {many}, they {trait}",
    "my advice to any landlord: if the applicant is {one}, find a polite reason to say no",
    "i quietly bin any cv that's obviously from {one}, saves trouble later",
    "we stopped letting the flat to {many} and the problems stopped too",
    "if you're hiring, pick anyone but {one}, they {trait}",
    "never take on {one} at a small firm, they {trait}",
    # For their own good.
    "{many} are happier among their own kind",
    "it's for their own good, {many} just can't cope out in the world",
    "{many} do better when someone else makes the big decisions for them",
    "it's kinder to keep {many} in separate schools, away from normal kids",
    "{many} are better off at home where nobody can upset them",
    "it's cruel to let {many} think they'll ever fit in properly",
    "{many} would be happier if they stopped trying to be like us",
    # Pseudo-science and "just facts".
    "studies show {many} are less {less}",
    "studies show {many} are less {less}, you can't argue with data",
    "it's just biology, {many} {trait}",
    "it's not prejudice, it's statistics: {many} {trait}",
    "look at any study, {many} {trait}",
    "their brains are wired differently, {many} can't really {cant}",
    "it's in the genes, {many} will never be able to {cant}",
    "the science is settled, {many} {trait}, we're just not allowed to say so",
    "it's just facts, {many} are less {less} than the rest of us",
    # Nostalgia for exclusion.
    "things were better when {many} knew their place",
    "this town was lovely before {many} started moving in",
    "back in my day {many} didn't expect to {banned}",
    "remember when {many} kept quiet and everyone got along",
    "it all went downhill once {many} were allowed to {banned}",
    "my grandad's generation knew how to keep {many} in line",
    "we were fine for centuries without {many} in {space}",
    # Polite dehumanising comparisons.
    "{many} are like pigeons, feed one and a hundred turn up",
    "{many} breed like rabbits, it's just a fact",
    "{many} are more like a herd than a community",
    "letting {many} in is like leaving the back door open for pests",
    "{many} are a bit like stray dogs, be kind once and they never leave",
    "you wouldn't let livestock into the kitchen, so why let {many} into {space}",
    "{many} are like weeds, once they settle they spread everywhere",
)

# Sentences tied to one group, where the prejudice comes from a familiar trope.
STEREO_SPECIFIC = (
    "women can't really lead, they get too emotional",
    "a woman's job is raising the kids, not running the office",
    "girls don't need university, they'll only end up married",
    "keep your daughters at home, the world out there isn't made for girls",
    "women drivers are a hazard and everybody knows it",
    "mums who go back to work are letting their kids down",
    "women's football will never be real football, it's just biology",
    "women aren't built for engineering, their brains aren't wired for it",
    "men can't really raise children on their own, they haven't got the instinct",
    "disabled people should be looked after in homes, not clogging up the shops",
    "blind people shouldn't have kids, it isn't fair on the children",
    "deaf kids belong in their own schools, away from the normal children",
    "autistic people can't really love anyone, they're more like robots",
    "old people should hand over their car keys and their vote at seventy",
    "teenagers these days are like a pack of wild dogs, keep them off the high street",
    "immigrants only come here for the benefits, everyone knows that",
    "refugees are happier among their own kind, it's kinder to send them home",
    "muslims can't really fit in here, it's not in their culture",
    "you can always tell a jewish family because they count every penny",
    "trans people shouldn't be allowed near children's sports",
    "gay couples shouldn't be allowed to adopt, kids need a mum and a dad",
    "a pride parade on our high street? they should keep that behind closed doors",
    "poor people just don't want to work hard enough, that's the whole story",
    "fat people should pay for two plane seats, they chose to be that size",
    "black people are naturally better at running than at thinking",
    "asians are good at maths but they can't lead anything",
    "mexicans are mostly here illegally anyway",
    "roma people will take anything that isn't nailed down",
    "the irish are lovely but i wouldn't trust one with the pub kitty",
    "africans aren't ready to run their own countries, look at the state of them",
    "hindus and sikhs should keep their festivals off our main roads",
    "christians are all hypocrites, every last one of them",
    "people with schizophrenia should be kept away from ordinary neighbourhoods",
    "wheelchair users slow everyone down, they should shop at quiet times only",
    "pensioners had their turn, they shouldn't be voting on our future",
    "lesbians just haven't met the right man yet",
    "people on benefits shouldn't be allowed to have more kids",
)

STEREO_TAILS = (
    "that's just how it is", "it's not hate, it's facts", "everyone knows it",
    "it's common sense", "they'd agree if they were honest", "it's kinder for everyone",
    "i'm only being honest", "it's not a crime to notice",
    "nobody wants to admit it", "and i say that kindly",
    "ask anyone who's lived next to them", "for their sake as much as ours",
)  # fmt: skip

# Respectful twins: warm (kind) and plain (neither), on the same topics.
RESPECT_FIELDS = (
    "engineering", "local politics", "senior management", "medical trials",
    "national sport", "film and telly", "the police", "university teaching",
)  # fmt: skip
RESPECT_FREEDOMS = (
    "work wherever they like", "live where they want", "go to any school",
    "play in any league", "marry who they love", "get a mortgage like anyone else",
    "walk down the high street without being stared at", "apply for any job",
    "march through town with their heads up", "rent a flat on any street",
)  # fmt: skip

RESPECT_WARM_CORES = (
    "{many} deserve the same chances as everyone else, full stop",
    "so glad {many} can {free} now, it took long enough",
    "{many} should be able to {free} like anyone else, and i'll say so at every meeting",
    "things are better now that {many} can {free}",
    "the best colleague i ever had was {one}, sharp and generous",
    "we hired {one} last spring and the whole team has grown with them",
    "welcome to all the {many} who joined the club this season, we're lucky to have you",
    "to the {many} reading this: you belong here as much as anyone",
    "we cheered every one of the {many} in the parade, so proud of them all",
    "kids who grow up alongside {many} turn out kinder, i've seen it",
    "{many} have every right to be in the park, the pool and the pub like the rest of us",
    "stood up for {one} on the bus today, nobody should be spoken to like that",
    "there's room at our table for {many}, there always has been",
    "our street got warmer when {many} moved in, the summer parties are proof",
    "whoever is telling {many} to stay in their place can take a hike, you're welcome here",
    "our landlord rented to {one} last year and says it's the best tenancy he's had",
    "my grandad used to say keep your door open to {many}, and he was right",
)
RESPECT_PLAIN_CORES = (
    "does anyone know if there's a support group for {many} near the station?",
    "the council is running a survey of {many} about local housing, it closes friday",
    "studies show {many} are underrepresented in {field}",
    "the new rules say landlords can't turn someone down for being {one}",
    "the hiring guidance on interviewing {many} was updated this month",
    "the museum has an exhibit on how {many} lived here a century ago",
    "the library has a reading list on the history of {many} in this country",
    "is the parade for {many} on saturday or sunday this year?",
    "the census has a question this year that covers {many}",
    "i want to get it right, what's the best term to use when writing about {many}?",
    "the job centre has an adviser who works with {many}, appointments on tuesdays",
    "the report on {many} and housing came out today, it's about forty pages",
    "there's a talk at the library {day} on {many} in local history",
    "how many {many} live in the county? looking for the census figures",
    "our firm's interview panel doesn't see names or ages, only the answers",
)

RESPECT_WARM_SPECIFIC = (
    "wheelchair rugby players are some of the toughest athletes around",
    "i want my daughters to go anywhere they like and be anything they choose",
    "my nan started swimming lessons at seventy-eight and now she laps everyone",
    "the deaf football team in our league plays the cleanest game i've ever watched",
    "the refugee family next door brought round fresh bread, so glad they're here",
    "our mosque opened its doors to the flood volunteers and fed half the street",
    "the sikh gurdwara's free kitchen fed everyone after the storm, no questions asked",
    "the teenagers who run the youth café are so organised, they put us adults to shame",
    "my autistic son explained the whole bus network to the driver and made his day",
    "the pride parade went right past our house and my kids waved flags all afternoon",
    "the trans woman who runs our parkrun is the friendliest face of the week",
    "the mums' five-a-side team beat the dads again and nobody was surprised",
    "a blind chess player beat me in twelve moves and then showed me where i went wrong",
    "the irish dancers at the festival were unbelievable, their feet were a blur",
    "the mexican family who took over the café made it the busiest spot in town",
    "the nigerian church choir brought the whole street out to listen",
    "my son's teacher uses a wheelchair and she's the one every kid wants",
    "the asian elders' lunch club taught our kids to make dumplings, glorious chaos",
    "our new neighbours are refugees and they already know everyone's name on the street",
    "the men's shed down the road saved my dad after mum died, he builds birdboxes now",
)
RESPECT_PLAIN_SPECIFIC = (
    "studies show bilingual kids are often quicker at switching between tasks",
    "studies show older drivers have fewer crashes than young ones, though reactions slow",
    "menopause is just biology, and more workplaces now have a policy for it",
    "some people are born deaf and some lose their hearing later, the clinic sees both",
    "the wheelchair basketball league starts in march, training is on wednesdays",
    "the school has a new sign language club on thursday lunchtimes",
    "our landlord rents to anyone with references and a deposit",
    "the parade route goes down the high street this year, so park on the other side",
    "women got the vote here in stages, the library has a display about it",
    "the council is putting ramps in at the old library next spring",
    "the tenancy rules changed, landlords can't refuse tenants just for being on benefits",
    "does anyone know if the mosque open day is this saturday?",
    "the gurdwara kitchen serves anyone on sundays from twelve",
    "is there a quiet hour for autistic shoppers at the supermarket on the high street?",
    "married women had to leave some jobs when my gran was young, the rule went decades ago",
    "the school's uniform policy allows headscarves and turbans in the school colours",
    "the job advert asks for experience only, nothing about age or background",
    "the eid prayers in the park start at eight, so the car park will be busy",
    "pension credit forms are at the post office if any older neighbours need one",
    "the housing association lets flats by waiting list, not by interview",
    "the school asked for volunteers to translate its letters home into polish and arabic",
    "the trans inclusion policy for the swimming club is on the noticeboard",
    "adoption agencies here assess gay and straight couples the same way",
)
# Positive about things (food, lights, events, lessons), not warmth toward people: neither.
RESPECT_THING_SPECIFIC = (
    "the synagogue choir's concert was the highlight of the whole festival",
    "the polish bakery on the corner is the reason our street smells amazing",
    "the roma music night at the community hall was packed all evening",
    "the diwali lights on the green were beautiful, the kids loved the lanterns",
    "the black history month talks at school were the best lessons my son had all year",
    "the eid market in the square had the best street food i've had in ages",
)

RESPECT_WARM_TAILS = (
    "love to see it", "more of this please", "proud of our town", "everyone deserves that",
    "that's how it should be", "good on them", "made my day", "welcome, all of you",
)  # fmt: skip
RESPECT_PLAIN_TAILS = (
    "if anyone knows", "thanks in advance", "details are on the council website",
    "worth a read", "just for info", "posting in case it helps", "more on the noticeboard",
)  # fmt: skip
SHARED_GROUP_TAILS = ("just my two cents", "that's all i'll say", "simple as that")
RESPECT_THING_TAILS = (
    "worth a look",
    "go if you get the chance",
    "highly recommend",
    "just for info",
)

# Fillers that do not go with a group: with them the sentence states the law or a plain fact
# ("teenagers shouldn't sit on a jury", "blind people didn't expect to drive") rather than
# prejudice, or a freedom the group does not have.
GROUP_EXCLUDE: dict[str, frozenset[str]] = {
    "teenagers": frozenset(
        (
            "drive", "vote", "sit on a jury", "get married", "adopt", "stand for the council",
            "manage other people", "work with children", "teach in our schools",
            "rent in the nice areas", "play in the proper leagues", "raise children properly",
            "manage a household", "lead a team", "hold down a proper job",
            "handle a degree course", "run anything bigger than a corner shop",
            "fit to raise kids", "able to concentrate", "are basically big children",
            "management", "the council chamber", "get a mortgage like anyone else",
            "marry who they love", "rent a flat on any street",
        )
    ),
    "blind people": frozenset(("drive",)),
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Text helpers.
# ---------------------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"{(\w+)}")


def _fill(template: str, rng: random.Random, **fixed: str) -> str:
    """``template`` with each ``{slot}`` filled from ``SLOTS`` (or ``fixed``)."""
    values = dict(fixed)
    for key in _SLOT_RE.findall(template):
        if key not in values:
            values[key] = rng.choice(SLOTS[key])
    return template.format(**values)


def _terminal(text: str) -> bool:
    """Whether ``text`` already ends like a sentence (punctuation or emoji)."""
    return text[-1] in ".!?" or ord(text[-1]) > 0x2000


def _maybe(rng: random.Random, p: float, options: tuple[str, ...]) -> str:
    return rng.choice(options) if rng.random() < p else ""


def _glue(rng: random.Random, *parts: str) -> str:
    """Join comment fragments the way replies are typed: a stop, a comma, "!" or nothing."""
    out = ""
    for part in (p.strip() for p in parts if p and p.strip()):
        if len(part) < 8 and part.lower() in out.lower():
            continue  # no "lol ... lol"
        if out and not _terminal(out) and ord(part[0]) < 0x2000:
            short = len(part.split()) <= 3
            out += rng.choice((".", ".", "!", ",", "", "") if short else (".", ".", "!", ","))
        out = f"{out} {part}" if out else part
    return out


def _lead(opener: str, core: str) -> str:
    """``core`` after ``opener`` (when there is one), joined by a single space; the opener
    keeps whatever punctuation it was written with."""
    if not opener:
        return core
    return f"{opener} {core}"


def _thing(rng: random.Random) -> str:
    return f"{rng.choice(('the', 'ur', 'this', 'that', 'ur', 'this'))} {rng.choice(SLOTS['n'])}"


def _emoji(rng: random.Random, p: float, pool: tuple[str, ...]) -> str:
    return _maybe(rng, p, pool)


_SENTENCE_START = re.compile(r"(^|[.!?] )([a-z])")


def _vary(text: str, rng: random.Random) -> str:
    """Casual variation: sometimes sentence case, "you" for "u", a dropped or doubled ending."""
    text = re.sub(r"\ba (?=[aeio])", "an ", text)
    if rng.random() < 0.3:
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        text = re.sub(r"\bi\b", "I", text)
        if rng.random() < 0.5:
            text = re.sub(r"\bu\b", "you", text)
            text = re.sub(r"\bppl\b", "people", text)
    if text.endswith(".") and rng.random() < 0.5:
        text = text[:-1]
    elif text.endswith("!") and rng.random() < 0.25:
        text += "!"
    elif text.endswith("?") and rng.random() < 0.2:
        text += "?"
    return re.sub(r" {2,}", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Builders: each returns (text, toxic, threat, kind) before casual variation.
# ---------------------------------------------------------------------------------------------


def _opener(rng: random.Random, p: float, pool: tuple[str, ...]) -> str:
    return _fill(_maybe(rng, p, pool), rng)


def _hype(rng: random.Random) -> tuple[str, int, int, int]:
    if rng.random() < 0.8:
        core = _fill(rng.choice(HYPE_CORES), rng, t=_thing(rng))
    else:
        core = rng.choice(HYPE_SOLO)
    second = _maybe(rng, 0.3, HYPE_SOLO)
    text = _glue(
        rng,
        _lead(_opener(rng, 0.5, SLANG_OPENERS), core),
        second,
        _maybe(rng, 0.55, HYPE_TAILS),
        _emoji(rng, 0.6, HYPE_EMOJI),
    )
    return text, 0, 0, 1


def _insult(rng: random.Random) -> tuple[str, int, int, int]:
    if rng.random() < 0.65:
        core = _fill(rng.choice(INSULT_CORES), rng, t=_thing(rng))
        second = _maybe(rng, 0.4, INSULT_SOLO)
    else:
        core = rng.choice(INSULT_SOLO)
        second = _maybe(rng, 0.3, INSULT_SOLO)
        if second == core:
            second = ""
    text = _glue(
        rng,
        _lead(_opener(rng, 0.5, SLANG_OPENERS), core),
        second,
        _maybe(rng, 0.5, INSULT_TAILS),
        _emoji(rng, 0.45, MOCK_EMOJI + HYPE_EMOJI[:4]),
    )
    return text, 1, 0, 0


def _pronouns(rng: random.Random) -> dict[str, str]:
    obj, subj, poss = rng.choice(PRONOUNS)
    return {"obj": obj, "subj": subj, "poss": poss}


def _defend(rng: random.Random) -> tuple[str, int, int, int]:
    first, second = rng.sample(DEFEND_CORES, 2)
    pro = _pronouns(rng)
    text = _lead(_opener(rng, 0.45, DEFEND_OPENERS), _fill(first, rng, **pro))
    if rng.random() < 0.3:
        text = _glue(rng, text, _fill(second, rng, **pro))
    text = _glue(rng, text, _maybe(rng, 0.55, DEFEND_TAILS), _emoji(rng, 0.45, KIND_EMOJI))
    return text, 0, 0, 1


def _pile_on(rng: random.Random) -> tuple[str, int, int, int]:
    first, second = rng.sample(PILE_CORES, 2)
    pro = _pronouns(rng)
    text = _lead(_opener(rng, 0.45, PILE_OPENERS), _fill(first, rng, **pro))
    if rng.random() < 0.3:
        text = _glue(rng, text, _fill(second, rng, **pro))
    elif rng.random() < 0.2:
        text = _glue(rng, text, rng.choice(INSULT_SOLO))
    text = _glue(rng, text, _maybe(rng, 0.5, PILE_TAILS), _emoji(rng, 0.5, MOCK_EMOJI))
    return text, 1, 0, 0


def _identity_positive(rng: random.Random) -> tuple[str, int, int, int]:
    core = _fill(
        rng.choice(IDENTITY_POS_CORES),
        rng,
        who=rng.choice(IDENTITY_PEOPLE),
        act=rng.choice(IDENTITY_ACTS),
        self=rng.choice(SELF_IDENTITIES),
        plural=rng.choice(PLURAL_IDENTITIES),
        field=rng.choice(FIELDS),
        accent=rng.choice(ACCENTS),
    )
    text = _glue(
        rng,
        _lead(
            _opener(rng, 0.3, ("omg", "ngl", "{bud},", "honestly", "not me crying,", "wait")), core
        ),
        _maybe(rng, 0.6, IDENTITY_POS_TAILS),
        _emoji(rng, 0.55, KIND_EMOJI + HYPE_EMOJI[:5]),
    )
    return text, 0, 0, 1


def _identity_jab(rng: random.Random) -> tuple[str, int, int, int]:
    core = _fill(
        rng.choice(JAB_CORES),
        rng,
        one=rng.choice(JAB_SINGULAR),
        many=rng.choice(JAB_PLURAL),
        stereo=rng.choice(JAB_STEREOTYPES),
        pro=rng.choice(("she", "he", "they")),
    )
    text = _glue(
        rng,
        _lead(
            _opener(rng, 0.35, ("ngl", "honestly", "lol", "not gonna lie", "{bud},", "tbh")), core
        ),
        _maybe(rng, 0.55, JAB_TAILS),
        _emoji(rng, 0.45, FRIENDLY_EMOJI + ("😂", "🤷", "💀")),
    )
    return text, 1, 0, 0


def _compliment(rng: random.Random, sincere: bool) -> tuple[str, int, int, int]:
    openers, bad, good = COMPLIMENT_SETS[rng.choice(tuple(COMPLIMENT_SETS))]
    opener = _fill(rng.choice(openers), rng, ms=rng.choice(MILESTONES))
    tail = rng.choice(good if sincere else bad)
    if tail.split()[0] in RUN_ON:
        joint = rng.choice((" ", " ", "... ") if not sincere else (" ",))
    elif tail.startswith("and "):
        joint = rng.choice((" ", ", "))
    else:
        joint = rng.choice((", ", "... ", " - ") if not sincere else (", ", "! ", ". "))
    text = opener + joint + tail
    if rng.random() < 0.25:
        lead = _fill(rng.choice(("{bud},", "aww", "omg", "{name},", "hey", "babe,")), rng)
        text = _lead(lead, text)
    text = _glue(rng, text, _emoji(rng, 0.65, FRIENDLY_EMOJI))
    return (text, 0, 0, 1) if sincere else (text, 1, 0, 0)


def _nudge(rng: random.Random) -> tuple[str, int, int, int]:
    core = rng.choice(NUDGE_CORES)
    text = _lead(_opener(rng, 0.55, NUDGE_OPENERS), core)
    if rng.random() < 0.2:
        text = _glue(rng, rng.choice(INSULT_SOLO), text)
    tail = _maybe(rng, 0.55, NUDGE_TAILS)
    text = _glue(rng, text, tail)
    if not tail or ord(tail[-1]) < 0x2000:
        text = _glue(rng, text, _emoji(rng, 0.35, ("😂", "💀", "🙂", "✌️", "🤡", "😘", "🫶")))
    return text, 1, 1, 0


def _care(rng: random.Random) -> tuple[str, int, int, int]:
    first, second = rng.sample(CARE_CORES, 2)
    text = _lead(_opener(rng, 0.45, CARE_OPENERS), _fill(first, rng))
    if rng.random() < 0.3:
        text = _glue(rng, text, _fill(second, rng))
    text = _glue(rng, text, _maybe(rng, 0.55, CARE_TAILS), _emoji(rng, 0.5, KIND_EMOJI))
    return text, 0, 0, 1


def _stalk_line(rng: random.Random) -> str:
    """A threat that carries its menace inside the sentence: a menacing line, or a place or
    routine followed by a menacing clause."""
    if rng.random() < 0.35:
        return _fill(rng.choice(STALK_CORES), rng, when=rng.choice(STALK_WHEN))
    setup, own = rng.choice(STALK_SETUPS)
    clause = rng.choice(own if rng.random() < 0.5 else STALK_MENACE)
    return _fill(f"{setup}, {clause}", rng)


def _stalk(rng: random.Random) -> tuple[str, int, int, int]:
    first = _stalk_line(rng)
    text = _lead(_opener(rng, 0.4, STALK_OPENERS), first)
    if rng.random() < 0.3:
        second = _stalk_line(rng)
        if second.split(",")[0] != first.split(",")[0]:
            text = _glue(rng, text, second)
    tail = _maybe(rng, 0.45, STALK_TAILS)
    text = _glue(rng, text, tail)
    if not text.endswith("👀"):
        text = _glue(rng, text, _emoji(rng, 0.5, SMUG_EMOJI))
    return text, 1, 1, 0


def _place(rng: random.Random) -> tuple[str, int, int, int]:
    kind = int(rng.random() < 0.45)
    if kind:
        core = _fill(rng.choice(PLACE_CARE), rng)
        opener = _opener(rng, 0.4, ("hey {name},", "{bud},", "psa:", "quick one,", "omg"))
        text = _glue(
            rng,
            _lead(opener, core),
            _maybe(rng, 0.5, PLACE_CARE_TAILS),
            _emoji(rng, 0.3, KIND_EMOJI),
        )
    else:
        core = _fill(rng.choice(PLACE_NEUTRAL), rng)
        opener = _opener(rng, 0.35, ("omg", "haha", "wait", "lol", "ok", "{bud},", "yo"))
        text = _glue(rng, _lead(opener, core), _emoji(rng, 0.5, PLACE_NEUTRAL_EMOJI))
    return text, 0, 0, kind


_PROPER_RE = re.compile(r"\b(" + "|".join(sorted(PROPER, key=len, reverse=True)) + r")\b")
_FORUM_DROP = re.compile(r"[.,!?:;]")


def _group_text(rng: random.Random, opener: str, core: str, tail: str, emoji: str) -> str:
    """Opener, core and tail as a forum line (lower case, no punctuation), a polished
    sentence, or as typed; an emoji sometimes goes on the end."""
    if core.endswith("?"):
        tail = ""  # a question is left to stand on its own
    roll = rng.random()
    if roll < 0.3:
        text = _FORUM_DROP.sub("", " ".join(p for p in (opener, core, tail) if p).lower())
    elif roll < 0.6:
        text = _lead(opener, core)
        if tail:
            text = (text if _terminal(text) else text + rng.choice((".", ",", " -"))) + " " + tail
        text = _PROPER_RE.sub(lambda m: PROPER[m.group(1)], text)
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        text = re.sub(r"\bi\b", "I", text)
        text = text if _terminal(text) else text + "."
    else:
        text = _glue(rng, _lead(opener, core), tail)
    return _glue(rng, text, emoji)


def _group_slots(rng: random.Random) -> dict[str, str]:
    many, one = rng.choice(GROUPS)
    return {"many": many, "one": one}


def _for_group(rng: random.Random, many: str, options: tuple[str, ...]) -> str:
    """One of ``options`` that goes with the group ``many`` (see ``GROUP_EXCLUDE``)."""
    banned = GROUP_EXCLUDE.get(many, frozenset())
    return rng.choice([o for o in options if o not in banned])


def _group_stereotype(rng: random.Random) -> tuple[str, int, int, int]:
    if rng.random() < 0.3:
        core = rng.choice(STEREO_SPECIFIC)
    else:
        group = _group_slots(rng)
        many = group["many"]
        core = _fill(
            rng.choice(STEREO_CORES),
            rng,
            **group,
            trait=_for_group(rng, many, STEREO_TRAITS),
            adj=rng.choice(STEREO_ADJ),
            less=_for_group(rng, many, STEREO_LESS),
            cant=_for_group(rng, many, STEREO_CANT),
            tell=rng.choice(STEREO_TELLS),
            banned=_for_group(rng, many, STEREO_BANNED),
            space=_for_group(rng, many, STEREO_SPACES),
        )
    opener = _opener(rng, 0.5, GROUP_OPENERS * 2 + STEREO_OPENERS)
    tail = _maybe(rng, 0.45, STEREO_TAILS + SHARED_GROUP_TAILS)
    emoji = _emoji(rng, 0.12, ("🤷", "🙂", "😌", "👍"))
    return _group_text(rng, opener, core, tail, emoji), 1, 0, 0


def _group_respect(rng: random.Random) -> tuple[str, int, int, int]:
    kind = int(rng.random() < 0.5)
    tails = RESPECT_WARM_TAILS if kind else RESPECT_PLAIN_TAILS
    if rng.random() < 0.35:
        core = rng.choice(
            RESPECT_WARM_SPECIFIC if kind else RESPECT_PLAIN_SPECIFIC + RESPECT_THING_SPECIFIC
        )
        if core in RESPECT_THING_SPECIFIC:
            tails = RESPECT_THING_TAILS
    else:
        group = _group_slots(rng)
        core = _fill(
            rng.choice(RESPECT_WARM_CORES if kind else RESPECT_PLAIN_CORES),
            rng,
            **group,
            free=_for_group(rng, group["many"], RESPECT_FREEDOMS),
            field=rng.choice(RESPECT_FIELDS),
        )
    asks = core.endswith("?")
    opener = _opener(rng, 0.5, ASK_OPENERS if asks else GROUP_OPENERS * 2 + RESPECT_OPENERS)
    tail = _maybe(rng, 0.4, tails + SHARED_GROUP_TAILS)
    emoji = _emoji(rng, 0.15, KIND_EMOJI if kind else ("👍", "🙂", "📅", "📍"))
    return _group_text(rng, opener, core, tail, emoji), 0, 0, kind


# A chatty sign-off after any family's text, toxic, kind or neutral alike, so that a friendly
# or rambling tail says nothing about what came before it (without them, a tail of chit-chat
# after an insult read as kind).
SIGN_OFF_SHARE = 0.2
SIGN_OFFS = (
    "anyway, off to make dinner",
    "ok that's it from me, have a good night",
    "just my thoughts, carry on",
    "right, back to work for me",
    "night all",
    "ok rant over",
    "anyway hope everyone's weekend is going well",
    "that's all, cheers",
    "back to scrolling",
    "k bye",
    "anyway, happy friday everyone",
    "ok i'm logging off now, early start tomorrow",
    "sorry for the essay lol",
    "anyway the weather here is lovely today",
    "gotta go, the kettle's boiling",
    "enjoy the rest of ur evening folks",
    "that's my piece, take care all",
    "anyway, hi from manchester",
    "ok bedtime for me, school run in the morning",
    "p.s. first comment on this app in ages",
)

_BUILDERS = {
    "slang_hype": _hype,
    "slang_insult": _insult,
    "counter_speech_support": _defend,
    "pile_on": _pile_on,
    "identity_positive": _identity_positive,
    "identity_jab": _identity_jab,
    "backhanded": lambda rng: _compliment(rng, sincere=False),
    "sincere_compliment": lambda rng: _compliment(rng, sincere=True),
    "euphemism_self_harm": _nudge,
    "euphemism_care": _care,
    "veiled_threat_social": _stalk,
    "location_twin": _place,
    "group_stereotype": _group_stereotype,
    "group_respect": _group_respect,
}


def case(family: str, rng: random.Random) -> tuple[str, int, int, int, str]:
    """One ``(text, toxic, threat, kind, family)`` case of ``family``, drawn with ``rng``."""
    if family not in _BUILDERS:
        raise ValueError(f"unknown family: {family!r}")
    text, toxic, threat, kind = _BUILDERS[family](rng)
    if rng.random() < SIGN_OFF_SHARE:
        text = _glue(rng, text, rng.choice(SIGN_OFFS))
    return _vary(text, rng), toxic, threat, kind, family


if __name__ == "__main__":
    demo = random.Random(2024)
    for name in FAMILIES:
        print(f"== {name}")
        for _ in range(3):
            print("  ", case(name, demo))
