"""Everyday comment-thread training cases for the third-generation classifier, built from parts.

Content warning: the ``quiet_menace`` parts below hold calm, polite threats and intimidation:
stalking-style remarks that show knowledge of someone's home, street, car, children and their
school, partner, pet, workplace, commute, schedule, phone number or clothes, followed by a soft
ominous line; calmly worded wishes and predictions of harm to the reader and their family; and
calm instructions to self-harm. They were written fresh for this project to teach the
classifier two things that sit in the meaning of a comment rather than in its words: kindness is
kindness *toward someone*, and quiet, grammatical menace is a threat even with no rude word.

Each case is ``(text, toxic, threat, kind, family)`` with 0/1 labels:

* ``everyday_kindness``: short, ordinary kind replies aimed at a person, as people type them
  in threads: thanks, sympathy and condolence, affection ("I like you"), welcomes and
  welcome-backs, goodnight, get-well and safe-travels wishes, checking in ("are you
  alright?"), pride and encouragement, "you deserve better", blessings, admiration and
  reassurance, including hesitant and understated forms: kind;
* ``everyday_plain``: harmless near twins with the same short shapes, openers and topics
  (sleep, travel, welcome pages, names, work, kids, pets, weather): plain statements,
  questions, logistics and opinions about things, never warmth toward a person and never
  insulting: neither;
* ``quiet_menace``: calm, polite threats with no slurs, swearing or shouting: a personal detail
  the writer should not know or should not be dwelling on, followed by an implied consequence,
  a "reminder" or patience ("I can wait", "accidents happen", "drive safely, the roads get
  dark"), sometimes opening with a friendly word or a compliment before it turns; calm wishes
  or predictions of harm; calm instructions to self-harm: toxic and threat;
* ``personal_detail_warm``: the same personal details (kids, the school run, street, car, pet,
  workplace, commute, clothes, schedule) and many of the same phrases ("I know", "I'll be
  watching", "drive safely", "your address") from neighbours, friends, colleagues and fans:
  kind when warm toward the person (looking out for them, praising, helping), otherwise neither
  (logistics, facts, questions).

Texts come in several registers: sentence case with full punctuation, all lower case (sometimes
"u" and "ur"), as typed, with an occasional ellipsis or emoji. A name appears in some cases; a
tenth of those use the literal placeholder ``[NAME]``, the way one public corpus masks names.

Every case comes from ``case(family, rng)``; the same ``random.Random`` seed gives the same
cases. Stdlib only.
"""

from __future__ import annotations

import random
import re

FAMILIES = (
    "everyday_kindness",
    "everyday_plain",
    "quiet_menace",
    "personal_detail_warm",
)

# Each family weighs the same: kindness and its plain twin, menace and its warm twin.
SHARES = {family: 1.0 for family in FAMILIES}

# ---------------------------------------------------------------------------------------------
# Slot fillers. Parts are written in lower case (proper nouns aside); ``_finish`` picks the
# register.
# ---------------------------------------------------------------------------------------------

NAMES = (
    "Amara", "Kenji", "Siobhan", "Mateo", "Priya", "Olu", "Freya", "Dmitri", "Leilani",
    "Tomasz", "Aisha", "Joaquín", "Mei", "Kwabena", "Ingrid", "Ravi", "Zanele", "Hamza", "Noa",
    "Björn", "Fatima", "Luca", "Chiamaka", "Yusuf", "Ana", "Declan", "Sunita", "Tariq", "Keanu",
    "Marisol", "Oksana", "Emeka", "Hana", "Rahul", "Giulia", "Tevita", "Nadia", "Seo-yeon",
    "Pablo", "Aroha", "Ifeoma", "Liam", "Esther", "Khalid", "Maya", "Jun", "Rosa", "Ahmed",
    "Sofia", "Kofi", "Bridget", "Arjun", "Thandiwe", "Niamh", "Farid", "Lupe", "Wren", "Omar",
)  # fmt: skip

# A tenth of the names become this placeholder, as in one public corpus.
NAME_MASK = "[NAME]"

SLOTS: dict[str, tuple[str, ...]] = {
    "street": (
        "Hollis Road", "Marlow Street", "Fennel Close", "Quarry Lane", "Birchwood Avenue",
        "Ashgrove Terrace", "Kettle Street", "Orchard Row", "Saltmarsh Lane", "Cedar Drive",
        "Wren Crescent", "Tannery Way", "Pondside Grove", "Lantern Hill",
    ),
    "school": (
        "Oakfield Primary", "St Bride's", "Larchmont Juniors", "Hillcrest Academy",
        "Riverside Nursery", "the school on {street}", "Brookvale Infants", "Hazelmere High",
    ),
    "kid": (
        "your son", "your daughter", "your little one", "your eldest", "your youngest",
        "your boy", "your girl", "your lad", "your middle one",
    ),
    "partner": (
        "your wife", "your husband", "your partner", "your girlfriend", "your boyfriend",
        "your fiancée", "your fiancé",
    ),
    "pet": (
        "dog", "cat", "spaniel", "little terrier", "tabby", "greyhound", "rabbit", "collie",
        "pug", "ginger cat", "labrador",
    ),
    "car": (
        "the grey hatchback", "the silver estate", "the blue Corsa", "the red van",
        "the white Prius", "the black Golf", "the green Fiesta", "the old Volvo",
        "the yellow Mini", "the dented Astra",
    ),
    "colour": (
        "red", "navy", "mustard", "green", "grey", "purple", "orange", "cream", "black",
        "sky blue", "maroon",
    ),
    "clothes": (
        "the {colour} coat", "the {colour} scarf", "that {colour} jumper",
        "the {colour} rain jacket", "the {colour} dress", "those {colour} trainers",
        "the {colour} beanie", "the {colour} hoodie", "the {colour} cardigan",
    ),
    "workplace": (
        "the pharmacy on the high street", "the call centre by the ring road", "the bus depot",
        "the dental surgery", "the library on {street}", "the warehouse on the industrial estate",
        "the bakery", "the garden centre", "the leisure centre", "the vet's on {street}",
        "the council offices", "the hospital canteen",
    ),
    "commute": (
        "the 7:52 train", "the number 38 bus", "the night bus", "the early ferry",
        "the tram from the square", "the 17:10 from platform 2", "the X4 coach",
    ),
    "route": (
        "the footpath by the canal", "the underpass by the station", "the park after dark",
        "the shortcut behind the retail park", "the alley by the chip shop", "the old railway path",
    ),
    "days": (
        "on Tuesdays", "every Thursday", "on weekdays", "most mornings", "every Friday",
        "on Monday evenings", "at weekends", "every other Wednesday",
    ),
    "time": (
        "7:40", "quarter past eight", "half three", "6:15", "ten to five", "3:20",
        "twenty past six", "ten past nine", "quarter to four",
    ),
    "late": ("11", "half eleven", "midnight", "ten past twelve", "about one"),
    "town": ("Ashford", "Kendal", "Truro", "Dundee", "Wrexham", "Lismore", "Ely", "Tralee"),
    "thing": (
        "film", "book", "new layout", "recipe", "playlist", "podcast", "update", "game",
        "museum", "café on the corner",
    ),
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Family 1: everyday kindness toward a person.
# ---------------------------------------------------------------------------------------------

# Cores by kind of kindness; a second core, when there is one, comes from the same group.
KIND_CORES: dict[str, tuple[str, ...]] = {
    "thanks": (
        "thank you so much",
        "thanks, that honestly helped more than you know",
        "thank you for being so patient with me",
        "thanks for sticking up for me earlier",
        "thank you, you've been a real help this week",
        "really appreciate you taking the time",
        "thank you for listening to me go on",
        "thanks for checking on me, it meant a lot",
        "cheers, you're a star",
        "you didn't have to do that, thank you",
        "thank you for the lovely message",
        "that was so thoughtful of you",
        "so grateful for you",
        "thank you for everything you did this year",
        "you saved my whole afternoon, thanks",
        "thanks for the lift, I owe you one",
    ),
    "sympathy": (
        "so sorry for your loss",
        "I'm so sorry, that sounds awful",
        "sending you the biggest hug",
        "thinking of you and your family",
        "sorry you're going through all this",
        "my heart goes out to you",
        "that's rough, I'm sorry you had to deal with it",
        "I'm so sorry about your mum, she sounded wonderful",
        "holding you in my thoughts today",
        "I'm here if you ever want to talk",
        "sorry about your grandad, he was a lovely man",
        "wish I could give you a hug in person",
    ),
    "affection": (
        "I like you",
        "I really like you",
        "you're one of my favourite people on here",
        "I've missed you",
        "you're a good egg",
        "always happy when your name pops up",
        "you make this place better",
        "love you loads",
        "you're the best",
        "I'm lucky to know you",
        "I'm really glad we met",
        "the thread is more fun with you in it",
        "you're my favourite person to chat to here",
    ),
    "welcome": (
        "welcome!",
        "welcome aboard",
        "welcome back, we missed you",
        "so glad you joined us",
        "good to have you back",
        "welcome in, make yourself at home",
        "nice to meet you, glad you're here",
        "welcome back, it wasn't the same without you",
    ),
    "wishes": (
        "goodnight, sleep well",
        "sweet dreams",
        "get well soon",
        "hope you feel better soon",
        "safe travels",
        "have a safe trip home",
        "enjoy your holiday, you've earned it",
        "good luck tomorrow, you'll be brilliant",
        "happy birthday, hope it's a lovely one",
        "rest up and look after yourself",
        "hope your day gets better from here",
        "fingers crossed for you",
        "hope the new job is everything you wanted",
        "wishing you a speedy recovery",
        "night night, hope you get some proper rest",
    ),
    "pride": (
        "so proud of you",
        "you've got this",
        "you did so well",
        "look how far you've come",
        "keep going, you're doing great",
        "I believe in you",
        "you should be really proud of yourself",
        "that took guts, well done",
        "you handled that with so much grace",
        "you were amazing up there",
    ),
    "deserve": (
        "you deserve better",
        "you deserve so much better than that",
        "you deserve all the good things coming your way",
        "don't let them make you feel small",
        "you didn't deserve any of that",
    ),
    "blessing": (
        "bless you",
        "god bless you and yours",
        "wishing you every happiness",
        "hope this year is gentle with you",
        "blessings to you and the little one",
    ),
    "admire": (
        "you're so kind",
        "you're such a lovely person",
        "you've got a heart of gold",
        "you're an inspiration",
        "you always know what to say",
        "the world needs more people like you",
        "you're funnier than you give yourself credit for",
        "I admire you so much",
        "you're one of the good ones",
        "that made my day",
        "you're alright, you",
        "you cheered me right up",
        "that was really nice of you",
    ),
    "reassure": (
        "it's not your fault",
        "you're not alone in this",
        "it'll be okay, I promise",
        "be gentle with yourself",
        "you did nothing wrong",
        "one day at a time, you're doing fine",
        "nobody's cross with you, honestly",
        "you're allowed to rest",
    ),
    "check_in": (
        "are you alright?",
        "how are you holding up?",
        "you okay? you've been quiet lately",
        "did you get home okay?",
        "haven't seen you around, everything okay?",
        "how did the appointment go? been thinking about you",
        "how are you feeling today?",
        "need anything? I'm around all day",
        "are you doing okay after yesterday?",
        "can I bring you anything?",
        "how's the recovery going? hope you're resting",
        "just checking in on you",
        "hope you're doing alright today",
    ),
}

# Hesitant or understated forms, used whole.
KIND_HESITANT = (
    "I... really like you",
    "I, um, think you're lovely",
    "this is awkward but I've missed you",
    "not gonna lie, that made my day, thank you",
    "okay this is cheesy but you're one of the good ones",
    "don't laugh, but you're my favourite person in this group",
    "I'm bad at this stuff, but thank you, really",
    "not sure how to say it, but I'm glad you're here",
    "I know we don't talk much, but I hope you're okay",
    "probably won't say it right, but you matter to me",
    "um... welcome back",
    "I... yeah, thank you",
    "I don't say it enough, but I appreciate you",
    "this might sound silly, but you helped me a lot",
    "I hope it's okay to say, but you seem really lovely",
)

# Openers that fit any core, and openers that only fit statements.
KIND_OPENERS_ANY = (
    "aw,", "aww", "oh,", "hey,", "hi,", "hey {name},", "{name},", "oh {name},", "hiya,",
    "okay,", "listen,", "{name}!", "morning,",
)  # fmt: skip
KIND_OPENERS_SAY = (
    "honestly,", "genuinely,", "ngl", "not gonna lie,", "just wanted to say",
    "I just want to say", "for what it's worth,", "seriously,", "real talk,", "no pressure, but",
    "can I just say", "quick one:",
)  # fmt: skip

KIND_TAILS = (
    "x", "xx", "take care", "sending love", "big hugs", "always", "mate", "friend", "love",
    "truly", "mean it", "thinking of you", "no need to reply", "look after yourself", "pal",
    "hun",
)  # fmt: skip
# Tails said to the person, after a comma.
VOCATIVES = ("mate", "friend", "love", "pal", "hun")

KIND_EMOJI = ("❤️", "🥰", "🤗", "💛", "🙏", "😊", "🫶", "💕", "🌷", "✨", "🥺", "☺️", "💐", "🙂")

# ---------------------------------------------------------------------------------------------
# Family 2: plain twins: the same shapes and topics, no warmth toward anyone.
# ---------------------------------------------------------------------------------------------

PLAIN_CORES: dict[str, tuple[str, ...]] = {
    "sleep": (
        "my sleep has been all over the place since the clocks went back",
        "can't sleep, the neighbour's car alarm keeps going",
        "up at five again, the baby had other plans",
        "the goodnight routine takes an hour with the toddler",
        "slept through two alarms this morning",
        "the new mattress arrives on {weekday}",
        "anyone else awake at 3am for no reason?",
        "does melatonin actually do anything?",
    ),
    "travel": (
        "train's delayed by half an hour, standard",
        "my flight got moved to the afternoon",
        "the ferry timetable has changed again",
        "left my travel adapter at home, classic",
        "the motorway is shut between junctions 4 and 6 tonight",
        "the bus app says four minutes, it's been twelve",
        "the drive to {town} took nearly three hours",
        "the footbridge is closed for repairs until {weekday}",
        "is there parking near the station?",
        "how long is the drive to {town} from here?",
        "does the night bus still run on {weekday}?",
        "which platform does the {town} train leave from?",
    ),
    "forum": (
        "the welcome email went straight to my spam folder",
        "the welcome page still shows last year's rules",
        "the link in the welcome post is broken",
        "new members' thread has moved to the top of the forum",
        "sorry, wrong thread",
        "posting this in the right place this time",
        "is the welcome thread pinned anywhere?",
        "where did the welcome page go after the update?",
        "does anyone know how to change a display name?",
        "is it me or is the app slow today?",
    ),
    "names": (
        "my name's spelt wrong on the badge again",
        "the name field won't accept accents",
        "they called out the wrong name at the pharmacy",
        "half the team has the same first name now",
        "is there a limit on how long a username can be?",
    ),
    "work": (
        "back at work tomorrow after a week off",
        "the meeting has moved to three",
        "my laptop has been updating for forty minutes",
        "the printer's jammed again",
        "payroll is a day late this month",
        "the office heating is on the blink",
        "{name} is covering the front desk on {weekday}",
        "it's {name}'s turn to bring biscuits on {weekday}",
        "what time is the meeting on {weekday}?",
        "{name}, is the meeting in room 4 or 5?",
        "does anyone have a spare phone charger?",
        "the lift on floor two is out again",
    ),
    "kids": (
        "kids are off school on {weekday}",
        "the school run took forty minutes in this rain",
        "packed lunches again tomorrow",
        "the nursery fees went up in september",
        "the kids' shoes are already too small",
        "the parents' evening slots open on {weekday}",
        "anyone know if the school is open tomorrow?",
        "do we need to book for the swimming lessons?",
    ),
    "pets": (
        "the dog has decided the sofa is his now",
        "the cat knocked a glass off the table at 4am",
        "the vet appointment moved to {weekday}",
        "the rabbit chewed through the phone charger",
        "dog food has gone up again",
        "is the vet open on bank holidays?",
    ),
    "home": (
        "it's raining again",
        "forecast says snow by the weekend",
        "the heating's been off since {weekday}",
        "moving house next month, boxes everywhere",
        "the new bins are bigger than the old ones",
        "the water's off on our street until noon",
        "the queue at the post office was out the door",
        "what time does the shop close today?",
        "is the pool open on sundays?",
    ),
    "opinions": (
        "I like the new layout",
        "I like this song more than the last one",
        "the {thing} was a bit long",
        "the {thing} was better than I expected",
        "not a fan of the {thing}",
        "the ending of the {thing} was odd",
        "the recipe needed twice as long as it said",
        "the match got called off for rain",
        "proud moment: got the shelf up straight first try",
        "I love a quiet monday",
        "my coffee went cold twice this morning",
        "has anyone tried the {thing} yet?",
    ),
}

PLAIN_OPENERS_ANY = (
    "oh,", "hey,", "hi,", "hey {name},", "{name},", "okay,", "right,", "so", "ugh,", "well,",
    "morning,", "quick one:", "random but", "hiya,",
)  # fmt: skip
PLAIN_OPENERS_SAY = (
    "honestly,", "not gonna lie,", "ngl", "update:", "fyi", "for what it's worth,",
    "seriously,", "just so you know,", "psa:",
)  # fmt: skip

PLAIN_TAILS = (
    "again", "as usual", "typical", "anyway", "fyi", "if anyone's wondering", "fun times",
    "no idea why", "we'll see", "apparently", "lol", "ugh", "for the record", "just saying",
    "so that's my evening", "go figure",
)  # fmt: skip

PLAIN_EMOJI = ("😴", "🙃", "🚆", "☔", "☕", "🤷", "😅", "🐶", "🐱", "📦", "🙂", "🤔", "🌧️")

# ---------------------------------------------------------------------------------------------
# Personal details, shared by families 3 and 4. Each topic has facts (second-person statements)
# and, for family 4, caring and plain continuations; family 3 adds its own ominous turns.
# ---------------------------------------------------------------------------------------------

FACTS: dict[str, tuple[str, ...]] = {
    "kid": (
        "{kid} finishes at {school} at {time}",
        "{kid} walks home along {street}",
        "{kid} has football practice {days}",
        "{kid} goes to {school}",
        "{kid} waits at the bus stop on {street} after school",
    ),
    "home": (
        "you live on {street}",
        "your house is the one with the {colour} door on {street}",
        "you're at number {num}, {street}",
    ),
    "car": (
        "{car} is yours",
        "you park {car} outside number {num}",
        "you leave {car} on {street} overnight",
    ),
    "clothes": (
        "you wore {clothes} today",
        "you had {clothes} on this morning",
        "you were in {clothes} at the shops earlier",
    ),
    "work": (
        "you work at {workplace}",
        "you finish at {workplace} at {time} {days}",
    ),
    "commute": (
        "you take {commute} {days}",
        "you get {commute} home {days}",
    ),
    "route": (
        "you walk home through {route} {days}",
        "you cut through {route} on your way back from work",
    ),
    "pet": (
        "your {pet} sits in the front window while you're out",
        "you walk your {pet} along {street} before work",
        "your {pet} sleeps in the garden on warm days",
    ),
    "partner": (
        "{partner} works late {days}",
        "{partner} is on nights this month",
        "{partner} drives to {town} {days}",
    ),
    "phone": (
        "your number is {phone}",
    ),
    "schedule": (
        "you're at the gym {days} at {time}",
        "you go to the market on {street} on saturday mornings",
        "you go running by the river {days}",
    ),
}  # fmt: skip

# Family 3 only: details no well-wisher would bring up.
MENACE_FACTS: dict[str, tuple[str, ...]] = {
    "kid": ("{kid} is always the last one out of {school}",),
    "home": (
        "your back gate opens onto the alley behind {street}",
        "your kitchen light goes off around {late}",
        "your spare key is under the plant pot",
        "your bedroom is the one at the front",
    ),
    "car": ("you never lock {car}",),
    "clothes": ("you had your hair up today",),
    "work": (
        "you lock up at {workplace} on your own {days}",
        "you take your break alone behind {workplace}",
    ),
    "commute": ("you're always the last one off {commute}",),
    "route": ("you walk through {route} alone {days}", "you always have headphones in on {route}"),
    "pet": ("your {pet} comes to anyone who calls",),
    "partner": ("{partner} leaves the house before you do",),
    "phone": ("your new number ends in {digits}", "you changed your number last month"),
    "schedule": ("you're home alone {days}", "you run the same route by the river {days}"),
}  # fmt: skip

# Family 4: continuations that look out for the person or praise them (kind).
WARM_AFTER: dict[str, tuple[str, ...]] = {
    "kid": (
        "so I can walk them back with mine if you're stuck at work",
        "they were beaming when they came out today, you should be so proud",
        "tell them good luck from all of us next door",
        "they waved at me this morning and it made my day",
        "they told me all about the class hamster, what a lovely kid",
        "I'm happy to do pickup any time you need a hand",
    ),
    "home": (
        "I've left your parcel in the porch so it doesn't get wet",
        "if you ever need a hand with the shopping, just knock",
        "the flowers out front look beautiful this year, well done you",
        "welcome to the street, we're so glad you moved in",
        "shout if you need anything while you're settling in",
    ),
    "car": (
        "one of your headlights is out, wanted to tell you before you drive tonight",
        "I scraped the ice off it for you this morning",
        "drive safely, the roads are like glass tonight",
        "your lights were left on, I knocked so your battery wouldn't go flat",
    ),
    "clothes": (
        "it really suits you",
        "you looked so happy in it",
        "where's it from? you looked great",
        "the colour is perfect on you",
    ),
    "work": (
        "congrats on the new role, they're lucky to have you",
        "I'll drop you a coffee on my way past",
        "I can give you a lift home, it's been a long week for you",
        "you always make the place feel friendlier, thank you",
    ),
    "commute": (
        "text me when you're home safe",
        "I'll meet you at the stop with an umbrella",
        "take your time and get home safe",
        "I'll keep the kettle on for when you're back",
    ),
    "route": (
        "the streetlights there are out this week, so take the main road and stay safe",
        "I'll walk with you if you like, it's nicer with company",
        "text me when you're in, so I know you got back okay",
    ),
    "pet": (
        "bless, they adore you",
        "they greeted me like an old friend today",
        "I'll pop in and feed them while you're away",
        "they're the happiest little thing on the street",
    ),
    "partner": (
        "so I'll bring round a casserole for the two of you",
        "tell them we're thinking of them",
        "come round for dinner if you fancy the company",
    ),
    "phone": (
        "save mine too, ring any time you need anything",
        "call me if you ever need a lift",
        "message me whenever, day or night, I'm happy to help",
    ),
    "schedule": (
        "I'll be watching for you at the finish line of the fun run, go get it",
        "I'll come along one week if you fancy the company",
        "proud of you for sticking with it",
        "I'll be cheering you on, you're doing brilliantly",
    ),
}  # fmt: skip

# Family 4: continuations that are logistics or facts (neither kind nor harmful).
PLAIN_AFTER: dict[str, tuple[str, ...]] = {
    "kid": (
        "the pickup gate has moved round the side this week",
        "the club fees are due on {weekday}",
        "the crossing outside is closed for roadworks",
    ),
    "home": (
        "the bins go out on thursday now",
        "the water will be off from nine till twelve tomorrow",
        "the council is resurfacing the pavement next week",
    ),
    "car": (
        "it's blocking the drop kerb, could you move it when you get a sec",
        "the parking permits change next month",
        "the car wash on {street} has shut down",
    ),
    "clothes": (
        "there's one just like it in the lost property box at reception",
        "the shop on {street} has them half price now",
    ),
    "work": (
        "the car park there is closed for repairs on {weekday}",
        "do they still do the late opening?",
        "is the side entrance open yet?",
    ),
    "commute": (
        "it's a replacement bus this weekend",
        "the timetable changes on sunday",
        "it's been running ten minutes late all week",
    ),
    "route": (
        "the council is putting new lights in there next month",
        "it's closed for a week while they fix the drainage",
    ),
    "pet": (
        "they got into our garden again, they're back over the fence now",
        "the vet on {street} has moved to new premises",
    ),
    "partner": (
        "could they sign for my parcel on {weekday}?",
        "is the car share still on for next week?",
    ),
    "phone": (
        "I've added it to the residents' group chat",
        "the form needs it with the area code",
    ),
    "schedule": (
        "the gym is shut for a deep clean on {weekday}",
        "the market has moved indoors for winter",
        "the path is flooded past the second bridge",
    ),
}  # fmt: skip

# Family 4: how a fact is brought up (many the same as family 3's).
WARM_FRAMES = (
    "I know {fact}", "I noticed {fact}", "I remember {fact}", "{fact}", "{fact}",
    "I know that {fact}", "{name} said {fact}", "I heard {fact}",
)  # fmt: skip

# Family 4: standalone lines, many sharing phrases with family 3.
WARM_SOLO_KIND = (
    "drive safely tonight, the roads round {street} are like glass",
    "drive safely and text me when you're home",
    "I'll be watching from the sideline on saturday, cheering the loudest",
    "I'll be watching your stall at the fair while you grab lunch, take your time",
    "I can wait, there's no rush at all, look after yourself first",
    "accidents happen, the broken vase is no big deal, I'm just glad you're okay",
    "I'll remember this, you went out of your way for me today",
    "it would be a pity if you missed the street party, we'd love to have you there",
    "think carefully about the job offer, and whatever you choose we're behind you",
    "what's your address? I want to send {kid} a birthday card",
    "I know your address from the party invite, so I've popped a card in the post",
    "I know where you live, so expect a tray of brownies on your step",
    "we'll keep an eye on your house while you're away, enjoy the sunshine",
    "your kids were so sweet in the nativity, the little sheep stole the show",
    "your {pet} sat by the gate waiting for you all morning, such devotion",
    "saw you in {clothes} on the way to {workplace}, you looked so happy",
    "I noticed you've been leaving {workplace} late every night, please look after yourself",
    "saw {kid} at the gate of {school} this morning, they looked so grown up",
    "your garden is the nicest on {street}, it cheers me up every time I walk past",
    "I'll be watching the forecast for you, safe flight tomorrow",
    "we found your {pet} on {street} and brought them home, they're safe and fed",
    "I know your schedule's packed, so I've done the school pickup for you today",
    "your porch light was flickering, I've left a spare bulb on the step for you",
    "I see you every morning on {commute} and you always smile, it makes my day",
    "I'll be outside {school} at {time}, so I'll walk {kid} home with mine, no trouble",
)

WARM_SOLO_PLAIN = (
    "I'll be watching the match at home, the pub's too loud",
    "new drive safely signs have gone up near {school}",
    "the roads round {street} are closed for resurfacing on {weekday}",
    "accidents happen on that junction all the time, it needs a proper light",
    "I can wait for the next bus, it's only ten minutes",
    "what's your address for the delivery form?",
    "your parcel went to number {num} by mistake",
    "your car's across our drive, could you shift it",
    "is pickup at {school} still at {time} on fridays?",
    "{workplace} is shut on monday for the bank holiday",
    "your {pet} got into our garden again, they're back over now",
    "{commute} is cancelled this weekend, there's a replacement bus",
    "I know the school gate code changed, does anyone have the new one?",
    "I'll remember to bring the ladder back tomorrow",
    "is {street} the one with the new bike lane?",
    "does {school} still need the consent form by {weekday}?",
    "the lost property box at {workplace} is overflowing",
)

WARM_OPENERS_KIND = (
    "hey {name},", "{name},", "hiya,", "oh,", "morning neighbour,", "hi love,", "aw,",
    "just so you know,", "hey,", "quick one,",
)  # fmt: skip
WARM_OPENERS_PLAIN = (
    "hey {name},", "{name},", "hiya,", "morning,", "just so you know,", "hey,", "quick one,",
    "fyi",
)  # fmt: skip

WARM_TAILS = ("x", "take care", "no rush", "any time", "see you soon", "shout if you need me")
WARM_EMOJI = ("😊", "❤️", "🙂", "🤗", "🐶", "👋", "☺️", "💛")

# ---------------------------------------------------------------------------------------------
# Family 3: quiet menace.
# ---------------------------------------------------------------------------------------------

MENACE_FRAMES = (
    "I know {fact}", "I know {fact}", "I know that {fact}", "I've noticed {fact}",
    "I happen to know {fact}", "I've made a note that {fact}",
    "it didn't take long to find out {fact}", "good to know {fact}", "{fact}", "{fact}",
    "just so you know, I know {fact}", "I've been paying attention, {fact}",
    "it's easy to learn things, like {fact}",
)  # fmt: skip

# Turns that fit any fact: the implied consequence, the "reminder", the patience.
MENACE_TURNS = (
    "it would be a pity if something happened",
    "accidents happen, even on quiet streets",
    "I can wait",
    "I'm a very patient person",
    "I'll remember this",
    "think carefully about your next post",
    "drive safely, the roads get dark out there",
    "lock your doors tonight, not that it will help",
    "you won't see me coming",
    "sleep well while you still can",
    "it's a long walk home in the dark",
    "keep posting and see what happens",
    "one more comment like that and I'll pay you a visit",
    "I'd hate for your family to pay for your attitude",
    "consider this a friendly reminder",
    "we'll talk in person soon",
    "see you around, sooner than you think",
    "it's so easy to find people these days",
    "you'll want to delete that comment while you still can",
    "it would be a shame if that changed",
    "you should start checking your mirrors",
    "I'll be waiting",
    "I'll be watching, every single day",
    "remember that the next time you open your mouth on here",
    "I'll leave the rest to your imagination",
    "sooner or later you'll be on your own",
    "you have until friday to apologise",
    "think of this as your only warning",
    "nobody would hear a thing from the back of that house",
    "people go missing on roads like that",
    "I know where to find you when I'm ready",
    "I wouldn't go out alone for a while",
    "be careful who you argue with online",
    "bad things happen to people who talk like you",
    "I'd think very hard about what you say next",
    "I'm closer than you think",
    "you'll never know which day",
    "enjoy the quiet while it lasts",
)

# Turns tied to a topic.
MENACE_TOPIC_TURNS: dict[str, tuple[str, ...]] = {
    "kid": (
        "it would be a shame if they didn't make it home one day",
        "I'd walk them to the gate yourself from now on, every day",
        "children wander off so easily",
        "tell them a friend of yours says hello",
    ),
    "home": (
        "old houses catch fire so easily",
        "that back gate won't keep anyone out",
        "I wonder how deeply you sleep",
        "I might knock one evening",
    ),
    "car": (
        "brake lines are such delicate things",
        "cars get damaged at night all the time",
        "I'd check underneath it before you set off",
    ),
    "clothes": (
        "you'll be easy to spot in a crowd",
        "wear it again tomorrow, it makes you so easy to follow",
        "I'll know you anywhere now",
    ),
    "work": (
        "the car park there is very dark after closing",
        "I could be waiting outside any evening",
        "your manager might like to hear from me, and so might you",
    ),
    "commute": (
        "I'll be on it one of these days",
        "nobody would notice if you didn't get off at your stop",
        "I'll sit right behind you next time",
    ),
    "route": (
        "it's a lonely stretch, anything could happen",
        "nobody would hear you down there",
        "one evening you won't be the only one on it",
    ),
    "pet": (
        "they'd be so easy to take",
        "it would be a pity if they went missing",
        "pets eat the strangest things left over the fence",
    ),
    "partner": (
        "tell them to be careful too",
        "they're on their own a lot, aren't they",
        "it would be sad for them to get a phone call about you",
    ),
    "phone": (
        "expect a call when you least want one",
        "I'll be in touch, day or night",
        "changing it won't help, I'll find the next one too",
    ),
    "schedule": (
        "you're never as alone as you think",
        "such a regular routine makes things easy for me",
        "that path gets very quiet at that hour",
    ),
}  # fmt: skip

# Friendly openers that turn.
MENACE_FRIENDLY = (
    "lovely to see you out and about today.",
    "what a sweet family you have.",
    "hope you're well.",
    "your garden looks lovely this time of year.",
    "big fan of your posts, really.",
    "no hard feelings.",
    "you seem like a sensible person, so I'll say this once.",
    "congratulations on the new job.",
    "such a cute {pet}.",
    "you looked nice today.",
    "have a lovely evening.",
    "I mean this kindly.",
    "don't worry, I'm not angry.",
    "nice to finally put a face to the name.",
)

# Calm wishes and predictions of harm to the reader or their family.
MENACE_WISHES = (
    "I hope you lose everything you love, slowly",
    "one day someone will hurt you badly, and I hope I'm there to see it",
    "I hope your house burns down with you in it",
    "I sincerely hope your next flight doesn't land",
    "people like you don't tend to live very long",
    "your family will be grieving before the year is out",
    "I hope {partner} finds you cold on the floor one morning",
    "you'll have an accident soon, people like you always do",
    "I hope the next car that passes you doesn't swerve",
    "mark my words, you won't see another birthday",
    "I hope your children grow up without you",
    "your time is running out, and you know it",
    "I hope you choke on your dinner tonight",
    "I genuinely hope something heavy falls on you",
    "I hope {kid} has to visit you in hospital",
    "I pray every night that you don't wake up",
    "one of these days you'll fall down the stairs, and nobody will help",
    "I hope you suffer, quietly and for a long time",
    "someone is going to hurt you soon, and it won't be quick",
    "I hope your {pet} is the only one left to miss you, and soon",
)

# Calm instructions to self-harm.
MENACE_SELF_HARM = (
    "do us all a kindness and skip waking up tomorrow",
    "the kindest thing you could do is end it tonight",
    "you should take every pill in your cabinet and go to sleep",
    "walk into the sea and keep walking",
    "there's a bridge on {street}, go and use it",
    "go and hurt yourself the way you've hurt everyone here",
    "nobody would miss you, so why not just stop",
    "find somewhere high and step off, quietly please",
    "the world would be a gentler place once you've left it, so go",
    "put yourself out of everyone's misery",
    "you know what to do with the rope in your shed",
    "just stop eating, it would be better for everyone",
)

# Calm lines that stand on their own.
MENACE_SOLO = (
    "think carefully about your next post, I know more about you than you'd like",
    "I don't forget names, and I know yours",
    "I found your address in under ten minutes, imagine what else I can find",
    "I've got your photo, your street and plenty of time",
    "you should be more careful about what you say to strangers who know where you live",
    "I'd start locking the back door if I were you",
    "you won't see me, but I'll see you",
    "I waited outside your place last night, you didn't notice",
    "I followed you home on {weekday}, you walk very slowly",
    "I know which window is your bedroom",
    "I was two rows behind you on {commute} this morning",
)

MENACE_TAILS = (
    "just saying", "take care now", "have a lovely evening", "see you soon", "sleep tight",
    "no need to reply", "think about it", "this is your reminder", "be good", "bye for now",
    "enjoy your weekend", "stay safe", "you've been warned", "I mean it",
)  # fmt: skip

MENACE_EMOJI = ("🙂", "😉", "🙃", "👀", "😊", "🌙", "😌", "🤫")

# ---------------------------------------------------------------------------------------------
# Text helpers.
# ---------------------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"{(\w+)}")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _name(rng: random.Random) -> str:
    return NAME_MASK if rng.random() < 0.1 else rng.choice(NAMES)


def _slot(key: str, rng: random.Random) -> str:
    if key == "name":
        return _name(rng)
    if key == "num":
        return str(rng.randint(2, 98))
    if key == "digits":
        return f"{rng.randint(0, 999):03d}"
    if key == "phone":
        return f"07700 900{rng.randint(0, 999):03d}"
    if key == "weekday":
        return rng.choice(_WEEKDAYS)
    return _fill(rng.choice(SLOTS[key]), rng)


def _fill(template: str, rng: random.Random, **fixed: str) -> str:
    """``template`` with each ``{slot}`` filled (the same slot twice gets the same value)."""
    values = dict(fixed)
    for key in _SLOT_RE.findall(template):
        if key not in values:
            values[key] = _slot(key, rng)
    return template.format(**values)


def _terminal(text: str) -> bool:
    """Whether ``text`` already ends like a sentence (punctuation or emoji)."""
    return text[-1] in ".!?" or ord(text[-1]) > 0x2000


def _maybe(rng: random.Random, p: float, options: tuple[str, ...]) -> str:
    return _fill(rng.choice(options), rng) if rng.random() < p else ""


def _join(rng: random.Random, first: str, second: str, seps: tuple[str, ...]) -> str:
    """``second`` after ``first``: after a stop a space, otherwise one of ``seps``."""
    if not first:
        return second
    if not second:
        return first
    if _terminal(first):
        return f"{first} {second}"
    return f"{first}{rng.choice(seps)} {second}"


def _lead(opener: str, core: str) -> str:
    return f"{opener} {core}" if opener else core


def _add_name(text: str, name: str) -> str:
    """``name`` as a vocative at the end, inside the final stop when there is one."""
    if text[-1] in ".!?":
        return f"{text[:-1]}, {name}{text[-1]}"
    return f"{text}, {name}"


def _tail(rng: random.Random, text: str, tails: tuple[str, ...], seps: tuple[str, ...]) -> str:
    tail = _fill(rng.choice(tails), rng)
    if tail.lower() in text.lower():
        return text
    if tail in ("x", "xx"):
        return f"{text} {tail}"
    if tail in VOCATIVES:
        return _add_name(text, tail)
    return _join(rng, text, tail, seps)


_SENTENCE_START = re.compile(r"(^|[.!?] )([a-z])")
_CALENDAR = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r"|september|christmas)\b")


def _finish(text: str, rng: random.Random, emoji: tuple[str, ...], p_emoji: float) -> str:
    """The case in one register (sentence case, lower case or as typed), with an occasional
    ellipsis or emoji."""
    style = rng.random()
    if style < 0.4:
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        text = re.sub(r"\bi\b", "I", text)
        text = _CALENDAR.sub(lambda m: m.group(1).capitalize(), text)
        if not _terminal(text):
            text += "."
    elif style < 0.8:
        text = text.lower().replace(NAME_MASK.lower(), NAME_MASK)
        if rng.random() < 0.15:
            text = re.sub(r"\byou\b(?!')", "u", text)
            text = re.sub(r"\byour\b", "ur", text)
        if text.endswith(".") and not text.endswith("...") and rng.random() < 0.6:
            text = text[:-1]
    if rng.random() < 0.1 and "..." not in text:
        if ", " in text and rng.random() < 0.6:
            text = text.replace(", ", "... ", 1)
        elif text.endswith("."):
            text += ".."
        elif not _terminal(text):
            text += "..."
    if rng.random() < p_emoji:
        text = f"{text} {rng.choice(emoji)}"
    return re.sub(r" {2,}", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Builders: each returns (text, toxic, threat, kind) before the register is picked.
# ---------------------------------------------------------------------------------------------

_SEPS = (".", ".", ",", "!")
_CALM_SEPS = (".", ".", ",", "...")


def _chat(
    rng: random.Random,
    cores: dict[str, tuple[str, ...]],
    openers: tuple[tuple[str, ...], tuple[str, ...]],
    tails: tuple[str, ...],
) -> str:
    """A short thread reply: an opener sometimes, one core or two of the same group, a tail or
    a name sometimes. Questions only take the openers that fit any core."""
    group = cores[rng.choice(tuple(cores))]
    core = _fill(rng.choice(group), rng)
    pool = openers[0] if "?" in core else openers[0] + openers[1]
    text = _lead(_maybe(rng, 0.4, pool), core)
    if rng.random() < 0.2:
        second = _fill(rng.choice(group), rng)
        if second != core:
            text = _join(rng, text, second, _SEPS)
    named = NAME_MASK in text or any(n in text for n in NAMES)
    if not named and rng.random() < 0.12:
        text = _add_name(text, _name(rng))
    elif rng.random() < 0.3:
        text = _tail(rng, text, tails, _SEPS)
    return text


def _kindness(rng: random.Random) -> tuple[str, int, int, int]:
    if rng.random() < 0.12:
        text = rng.choice(KIND_HESITANT)
        if rng.random() < 0.3:
            text = _tail(rng, text, KIND_TAILS, _SEPS)
    else:
        openers = (KIND_OPENERS_ANY, KIND_OPENERS_SAY)
        text = _chat(rng, KIND_CORES, openers, KIND_TAILS)
    return _finish(text, rng, KIND_EMOJI, 0.3), 0, 0, 1


def _plain(rng: random.Random) -> tuple[str, int, int, int]:
    openers = (PLAIN_OPENERS_ANY, PLAIN_OPENERS_SAY)
    text = _chat(rng, PLAIN_CORES, openers, PLAIN_TAILS)
    return _finish(text, rng, PLAIN_EMOJI, 0.2), 0, 0, 0


def _fact(rng: random.Random, frames: tuple[str, ...], facts: tuple[str, ...]) -> str:
    return _fill(rng.choice(frames), rng, fact=_fill(rng.choice(facts), rng))


def _menace_line(rng: random.Random) -> str:
    """A personal detail followed by an ominous turn."""
    topic = rng.choice(tuple(FACTS))
    fact = _fact(rng, MENACE_FRAMES, FACTS[topic] + MENACE_FACTS[topic])
    own = MENACE_TOPIC_TURNS[topic]
    turn = _fill(rng.choice(own if rng.random() < 0.4 else MENACE_TURNS), rng)
    return _join(rng, fact, turn, _CALM_SEPS)


def _menace(rng: random.Random) -> tuple[str, int, int, int]:
    r = rng.random()
    if r < 0.5:
        text = _menace_line(rng)
    elif r < 0.65:
        text = _lead(_fill(rng.choice(MENACE_FRIENDLY), rng), _menace_line(rng))
    elif r < 0.8:
        text = _fill(rng.choice(MENACE_WISHES), rng)
    elif r < 0.9:
        text = _fill(rng.choice(MENACE_SELF_HARM), rng)
    else:
        text = _fill(rng.choice(MENACE_SOLO), rng)
    if rng.random() < 0.15:
        text = _lead(f"{_name(rng)},", text)
    if rng.random() < 0.3:
        text = _tail(rng, text, MENACE_TAILS, _CALM_SEPS)
    return _finish(text, rng, MENACE_EMOJI, 0.25), 1, 1, 0


def _personal(rng: random.Random) -> tuple[str, int, int, int]:
    kind = int(rng.random() < 0.55)
    if rng.random() < 0.55:
        topic = rng.choice(tuple(FACTS))
        fact = _fact(rng, WARM_FRAMES, FACTS[topic])
        after = _fill(rng.choice((WARM_AFTER if kind else PLAIN_AFTER)[topic]), rng)
        text = _join(rng, fact, after, _CALM_SEPS)
    else:
        text = _fill(rng.choice(WARM_SOLO_KIND if kind else WARM_SOLO_PLAIN), rng)
    opener = _maybe(rng, 0.3, WARM_OPENERS_KIND if kind else WARM_OPENERS_PLAIN)
    text = _lead(opener, text)
    if kind and rng.random() < 0.25:
        text = _tail(rng, text, WARM_TAILS, _SEPS)
    return _finish(text, rng, WARM_EMOJI, 0.25 if kind else 0.1), 0, 0, kind


_BUILDERS = {
    "everyday_kindness": _kindness,
    "everyday_plain": _plain,
    "quiet_menace": _menace,
    "personal_detail_warm": _personal,
}


def case(family: str, rng: random.Random) -> tuple[str, int, int, int, str]:
    """One ``(text, toxic, threat, kind, family)`` case of ``family``, drawn with ``rng``."""
    if family not in _BUILDERS:
        raise ValueError(f"unknown family: {family!r}")
    text, toxic, threat, kind = _BUILDERS[family](rng)
    return text, toxic, threat, kind, family


if __name__ == "__main__":
    demo = random.Random(2024)
    for name in FAMILIES:
        print(f"== {name}")
        for _ in range(3):
            print("  ", case(name, demo))
