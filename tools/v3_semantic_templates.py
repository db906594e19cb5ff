"""Semantic-harm training cases for the third-generation classifier, built from parts.

Content warning: the parts below hold put-downs, exclusion, veiled threats, self-harm
incitement and cheerful mockery of illness, disability, looks and groups of people. They were
written fresh for this project to teach the classifier harm that sits in the meaning of a post
rather than in rude words, together with harmless near twins so that the wording alone decides
nothing.

Each case is ``(text, toxic, threat, kind, family)`` with 0/1 labels:

* ``sarcastic_putdown``: sincere-sounding thanks or praise whose second half reveals contempt
  (incompetence, ugliness, worthlessness, the bad example): toxic;
* ``sincere_praise``: the same openers followed by warm elaboration, affectionate mock-rude
  slang ("you absolute legend") or kind mention of an earlier failure: kind;
* ``quiet_exclusion``: polite belittling, exclusion and condescension: toxic;
* ``inclusion_twin``: near twins of the above that include someone (kind) or are plain group
  logistics (neither);
* ``veiled_threat``: calm or friendly threats (knowing a routine, "accidents happen",
  ultimatums, predictions of harm): toxic and threat;
* ``veiled_twin``: lifts, safety warnings, reminders, deadlines, game trash talk and weather
  notices (kind when caring for the reader, otherwise neither);
* ``self_harm_nudge``: polite or indirect urging to self-harm: toxic and threat;
* ``support_twin``: caring messages about the same hard topics: kind;
* ``cheerful_harm``: cheerful celebration of harm to a group, or mockery of someone's illness,
  disability, weight or looks: toxic (threat when it calls for harm);
* ``friendly_signoff_wrap``: a toxic core from the put-down, exclusion, threat or cheerful-harm
  families after a friendly opener and/or before a chatty sign-off: toxic, threat kept;
* ``friendly_signoff_kind``: a kind core from the praise or support families wrapped the same
  way: kind.

Every case comes from ``case(family, rng)``; the same ``random.Random`` seed gives the same
cases. Stdlib only.
"""

from __future__ import annotations

import random
import re

FAMILIES = (
    "sarcastic_putdown",
    "sincere_praise",
    "quiet_exclusion",
    "inclusion_twin",
    "veiled_threat",
    "veiled_twin",
    "self_harm_nudge",
    "support_twin",
    "cheerful_harm",
    "friendly_signoff_wrap",
    "friendly_signoff_kind",
)

# Toxic families and their twins get equal weight; so do the two sign-off families.
SHARES = {
    "sarcastic_putdown": 1.0,
    "sincere_praise": 1.0,
    "quiet_exclusion": 1.0,
    "inclusion_twin": 1.0,
    "veiled_threat": 1.0,
    "veiled_twin": 1.0,
    "self_harm_nudge": 1.0,
    "support_twin": 1.0,
    "cheerful_harm": 1.0,
    "friendly_signoff_wrap": 1.0,
    "friendly_signoff_kind": 1.0,
}

# ---------------------------------------------------------------------------------------------
# Slot fillers shared by several families. Sentence parts further down start with a lower-case
# letter (unless they start with "I" or a proper noun); ``_s`` capitalises them where a sentence
# begins, and a lead-in ending in a comma or colon keeps them lower-case.
# ---------------------------------------------------------------------------------------------

SLOTS: dict[str, tuple[str, ...]] = {
    "name": (
        "Sam", "Priya", "Jordan", "Aoife", "Marcus", "Leila", "Tom", "Chloe", "Dev", "Hannah",
        "Kofi", "Maya", "Ollie", "Fatima", "Ben", "Rosa", "Callum", "Mei", "Jamie", "Zara",
        "Luca", "Nadia", "Ethan", "Siobhan",
    ),
    "place": (
        "the gym", "the office", "the station", "the corner shop", "the school gates",
        "the park", "the library", "the pub", "the allotment", "the swimming baths",
        "the leisure centre", "the church hall", "the café", "the car park", "the supermarket",
    ),
    "clock": (
        "7:30", "half six", "eight sharp", "quarter past five", "6pm", "midnight",
        "ten past nine", "5:45", "noon", "11pm", "10:15", "half past seven",
    ),
    "when": (
        "tonight", "tomorrow night", "this weekend", "on Friday", "after your shift",
        "on Sunday", "next week", "in the morning", "this evening", "after practice", "later",
        "before the school run",
    ),
    "deadline": (
        "by Friday", "by end of day", "before noon tomorrow", "by Monday", "within the hour",
        "by 5pm", "before the weekend", "by tonight", "by close of play", "before midnight",
        "by Thursday", "first thing tomorrow",
    ),
    "street": (
        "Mill Lane", "Oak Street", "Victoria Road", "Harbour View", "Station Approach",
        "Birch Close", "Maple Avenue", "Church Street", "Ferry Road", "Linden Way",
        "King's Parade", "Willow Crescent",
    ),
    "vehicle": (
        "car", "bike", "van", "scooter", "motorbike", "little blue Fiesta", "silver Golf",
        "Vespa", "pickup", "hatchback", "moped", "red Mini",
    ),
    "fam": (
        "your kids", "your mum", "your little girl", "your son", "your wife", "your husband",
        "your dog", "your cat", "your nan", "your partner", "your brother", "your baby",
    ),
    "post": (
        "that video", "your review", "the post about me", "that comment", "the photos",
        "your thread", "the complaint", "that tweet", "the blog post", "your reply",
        "the screenshots", "those messages",
    ),
    "high": (
        "the pier", "the cliffs", "the multi-storey car park", "the old viaduct",
        "the top of the quarry", "the harbour wall", "the roof of your building",
        "the footbridge over the motorway", "the tower block roof", "the clifftop path",
        "the railway bridge", "the top floor of the car park",
    ),
    "help": (
        "Samaritans on 116 123", "988", "Shout by texting 85258", "Lifeline on 13 11 14",
        "Childline on 0800 1111", "the Crisis Text Line", "a crisis line",
        "your local crisis team", "NHS 111, option 2", "a helpline near you",
        "Papyrus HOPELINE247", "the Samaritans",
    ),
    "event": (
        "the barbecue", "Friday drinks", "the wedding", "the study group", "the five-a-side",
        "the book club", "the birthday dinner", "the team lunch", "the road trip",
        "the sleepover", "the gaming night", "the Christmas party", "the hen do",
        "the camping weekend", "the quiz night",
    ),
    "chat": (
        "the group chat", "the new server", "the team channel", "the family WhatsApp",
        "the Discord", "the class chat", "the neighbours' group", "the squad chat",
        "the running club chat", "the office Slack", "the book club thread", "the parents' chat",
    ),
    "menial": (
        "carry the bags", "mind the bags by the door", "fetch the drinks", "do the washing up",
        "take photos of the rest of us", "mind the car", "set up the chairs",
        "take the bins out afterwards", "pay for the taxi", "fill in the spreadsheet",
        "run to the shop", "sit by the door and take tickets", "clean the barbecue",
        "wait in the car",
    ),
    "topic": (
        "the plan", "the menu", "where we go", "the budget", "the playlist", "the dates",
        "the new logo", "the itinerary", "the seating plan", "the theme", "the guest list",
        "the rules",
    ),
    "reason": (
        "your sister asked us to", "you have a car", "it would be awkward not to",
        "you pay for the first round", "we feel a bit sorry for you",
        "your mum knows everyone's mum", "you bring the snacks", "you're the boss's nephew",
        "you found the venue", "nobody wants a scene", "you were already in the chat",
        "it keeps the numbers even",
    ),
    "slot": (
        "Saturday", "Sunday afternoon", "the 14th", "next Friday", "7pm", "half past six",
        "the weekend after", "Thursday evening", "the bank holiday", "early next month",
        "lunchtime", "eight o'clock",
    ),
    "game": (
        "chess", "Mario Kart", "darts", "FIFA", "Scrabble", "padel", "pool", "the pub quiz",
        "Monopoly", "table tennis", "bowling", "Catan",
    ),
    "group": (
        "homeless people", "refugees", "immigrants", "disabled people", "old people",
        "trans people", "Muslims", "Travellers", "Jewish families", "asylum seekers",
        "foreign students", "people on benefits", "Roma families", "gay couples",
        "Polish workers", "autistic kids",
    ),
}  # fmt: skip

HAPPY_EMOJI = (
    "🙂", "😊", "😄", "🥰", "✨", "💕", "🌸", "👏", "🙌", "💯", "🎉", "😁", "🤗", "☀️", "🌈", "💛",
    "😌", "🫶", "👍", "😇",
)  # fmt: skip
SUPPORT_EMOJI = ("💛", "🤗", "🫶", "💕", "🌻", "🙏", "❤️", "🌈", "☀️", "🌱", "🕊️", "💜")  # fmt: skip
SMUG_EMOJI = (
    "🙂", "😉", "😇", "🙃", "😌", "👍", "✌️", "😊", "🤭", "💅", "😘", "🌹", "🤗", "😁",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Families 1 and 2: the same praise openers, then a put-down or a sincere elaboration.
# ---------------------------------------------------------------------------------------------

TARGETS = {
    "work": (
        "your presentation", "the quarterly report", "your pull request", "the new logo",
        "your slide deck", "the website redesign", "your spreadsheet", "the onboarding guide",
        "your pitch this morning", "the project plan", "your first article", "the app update",
    ),
    "cooking": (
        "the lasagne", "your homemade bread", "the birthday cake", "your curry",
        "the Sunday roast", "those brownies", "your vegan chilli", "the pavlova",
        "your jollof rice", "the bake sale cupcakes", "your sourdough", "the soup you brought in",
    ),
    "singing": (
        "your cover of that ballad", "the karaoke performance", "your solo at the concert",
        "the song you posted", "your violin recital", "your open mic set", "the choir video",
        "your new track", "that duet", "your guitar livestream", "the busking clip",
        "your audition tape",
    ),
    "looks": (
        "your new haircut", "the holiday photos", "your new profile picture", "that outfit",
        "the wedding pics", "your selfie", "the new glasses", "your makeover video",
        "the gym progress photo", "your prom look", "the new beard", "the tattoo reveal",
    ),
    "opinions": (
        "your thoughts on the budget", "your take on the election", "the long thread about parking",
        "your review of the film", "your hot take on pineapple pizza",
        "your comment on the council meeting", "your opinion piece", "your post about parenting",
        "the rant about trains", "your analysis of the match", "your view on remote work",
        "your book review",
    ),
    "effort": (
        "your marathon time", "your first 5k", "the model ship you built", "the garden makeover",
        "your DIY shelves", "the sandcastle", "your science fair project", "the charity run",
        "the scarf you knitted", "your painting", "the fundraiser", "your new mural",
    ),
    "intelligence": (
        "your explanation of the tax rules", "the maths you showed us",
        "your theory about the pyramids", "your quiz answers", "the fact-check you did",
        "your chess strategy", "your summary of the meeting", "the homework help",
        "your lecture notes", "your coding tutorial", "your history lesson in the comments",
        "your answer at the pub quiz",
    ),
}  # fmt: skip

PRAISE_OPENERS = (
    "Thank you so much for {t}!",
    "Thanks for sharing {t}, {name}.",
    "Congratulations on {t}!",
    "Wow, {t}!",
    "Big congrats on {t}, {name}!",
    "I just have to say something about {t}.",
    "Cheers for {t}, mate.",
    "Honestly, I can't stop thinking about {t}.",
    "Hats off to you for {t}.",
    "Okay, {t}. Wow.",
    "Can we talk about {t} for a second?",
    "Massive thanks for {t}!",
    "Ten out of ten for {t}.",
    "I've been thinking about {t} all day.",
    "Well done on {t}, {name}.",
    "So glad you posted {t}.",
    "Just saw {t}!",
    "{name}, thank you for {t}.",
    "OMG, {t}!!",
    "Right, {t}. Where do I even start?",
)

BRIDGES = (
    "Honestly,",
    "Genuinely,",
    "I mean it:",
    "No, really,",
    "I have to say,",
    "Not gonna lie,",
    "And you know what?",
    "Real talk:",
    "Credit where it's due,",
    "In all honesty,",
    "Between us,",
    "Seriously though,",
    "All I'll say is",
)

PUTDOWN_TWISTS = {
    "work": (
        "now the rest of us know exactly what not to hand in",
        "it made everyone else's work look amazing by comparison",
        "I didn't know a whole week could produce so little",
        "we'll keep it on file to show new starters how not to do it",
        "the intern is redoing it, but the thought was there",
        "bold of you to put your name on that",
        "it's reassuring to know my job is safe while you're here",
        "most people would have quietly fixed it first, but not you",
        "the client was speechless, and not in the good way",
        "it really shows what happens when nobody checks your work",
        "the bar has truly never been lower",
        "I'm printing it out to remind myself that anyone can get hired",
    ),
    "cooking": (
        "the bin enjoyed it more than we did",
        "the dog sniffed it and walked away",
        "now I understand why your family always eats out",
        "I've never seen a smoke alarm so excited",
        "it's good to know takeaway menus exist",
        "brave of you to serve that to actual guests",
        "we all went home and had toast afterwards",
        "I'm sure someone out there enjoys cardboard",
        "it was the perfect reason to start my diet",
        "it made me grateful for hospital food",
        "at least nobody will ask you to cook again",
        "even the birds in the garden left the leftovers",
    ),
    "singing": (
        "my neighbours thought someone had trodden on a cat",
        "I finally understood why earplugs were invented",
        "it was a lovely reminder that not everyone should sing",
        "the audience was so stunned they forgot to clap",
        "the replay button is safe from me, don't worry",
        "even autotune would have given up on that",
        "the dog howled along, which was the best part",
        "it's brave to share something like that with people who have working ears",
        "karaoke night has been cancelled because of you",
        "I've had fillings that sounded more musical",
        "it was truly a performance people will try to forget",
        "my speakers have asked for a break",
    ),
    "looks": (
        "it's a bold choice for someone with your face",
        "the camera did its best, honestly",
        "maybe next time stand a bit further away",
        "good to see you're not letting your looks hold you back",
        "the filter was working overtime on that one",
        "some people just aren't made for photos, and that's fine",
        "now I know why you usually post pictures of your dog",
        "confidence like that must be a gift, because it isn't the looks",
        "I'm sure it'll grow on people eventually, it has to",
        "at least the background is nice",
        "you must have a very kind mirror at home",
        "it takes real courage to look like that in public",
    ),
    "opinions": (
        "it's always nice to hear from someone who clearly hasn't read anything",
        "the adults will take it from here",
        "it added a lot of words to the conversation and nothing else",
        "we'll file it with the other things nobody asked for",
        "such a confident opinion for someone so wrong",
        "I read it twice and somehow knew less afterwards",
        "maybe stick to posting pictures of your lunch",
        "next time just let the people who know what they're talking about answer",
        "it's great that you feel included even when you've got nothing to add",
        "I love how you never let facts slow you down",
        "it's genuinely the least useful thing I've read all year",
        "you've inspired me to stop reading the comments",
    ),
    "effort": (
        "shame it was all for nothing, but at least you're used to that",
        "it's sweet that you still think trying counts",
        "nobody will remember it, but you did try",
        "the participation certificate is in the post",
        "imagine what you could do with any talent at all",
        "it's good to see you've finally found your level",
        "you really gave it everything, and everything wasn't much",
        "my six-year-old did the same in half the time",
        "a whole month for that is quite something",
        "it's lovely that your mum is proud, someone has to be",
        "most people quit when they realise they're bad at something, so fair play",
        "all that work and it still looks like the before photo",
    ),
    "intelligence": (
        "it's brave to explain things with so little to work with upstairs",
        "I didn't know someone could be that confident and that wrong",
        "you're living proof that anyone can own a keyboard",
        "I can hear the single brain cell working overtime",
        "it's amazing what people will post when nobody stops them",
        "thank goodness the rest of us were there to fix it",
        "never change, the rest of us need someone to feel clever next to",
        "your teachers must have had their hands full",
        "it's adorable how you think that's how it works",
        "my toaster has stronger reasoning skills",
        "somewhere a search engine is weeping",
        "I learned a lot, mainly about how low the bar goes",
    ),
}

GENERIC_TWISTS = (
    "you're the perfect example of what not to do, and we need those too",
    "honestly, you've made the rest of us feel so much better about ourselves",
    "keep it up, somebody has to be the cautionary tale",
    "every team needs someone who makes the others look good",
    "it was exactly as good as we expected from you",
    "I'll be using it in my training as the before picture",
    "not everyone can be useful, and that's okay",
    "it's lovely when people with nothing to offer still join in",
    "you've set the bar somewhere near the floor, and thank you for that",
    "just when I thought it couldn't get worse, you delivered",
    "wasted effort is still effort, I suppose",
    "what a gift to give the rest of us something to laugh about",
    "it's nice that you've stopped worrying about being good at things",
    "the rest of us will quietly sort it out, as usual",
)

SINCERE_LINES = {
    "work": (
        "the way you explained the tricky bits made it click for the whole team",
        "you clearly put hours into it and it shows in every detail",
        "the client loved it and so did we",
        "it's the clearest thing anyone has handed in this year",
        "I've already borrowed two of your ideas for my own work",
        "you made a dull topic genuinely interesting",
        "the new starters are going to learn so much from it",
        "it saved me a whole afternoon, honestly",
        "your calm under pressure got us over the line",
        "everyone in the meeting was nodding along",
        "that's the standard we should all be aiming for",
        "I'm so glad you're on this team",
    ),
    "cooking": (
        "I went back for thirds and regret nothing",
        "my kids are still talking about it",
        "please, please send me the recipe",
        "it tasted like a proper family kitchen",
        "the whole office was fighting over the last slice",
        "you've clearly got a gift for this",
        "it was better than any restaurant I've been to lately",
        "it was exactly the comfort I needed this week",
        "the spices were spot on",
        "my nan would have approved, and she was strict",
        "you made everyone feel so looked after",
        "I'm still dreaming about it",
    ),
    "singing": (
        "I had goosebumps from the first note",
        "you made the whole room go quiet in the best way",
        "I've listened to it five times already",
        "your voice has so much warmth in it",
        "my mum cried, in a good way",
        "the high note at the end was unreal",
        "it's been stuck in my head all day and I'm not mad about it",
        "you looked so at home up there",
        "I can't believe how much you've grown as a musician",
        "that gave me chills, honestly",
        "please record more, we need it",
        "you made an old song sound brand new",
    ),
    "looks": (
        "you look so happy and it's lovely to see",
        "that colour really suits you",
        "you're glowing, honestly",
        "the confidence looks amazing on you",
        "you look like you've had the best time",
        "it's such a fresh look and it really works",
        "you look fantastic and I hope you know it",
        "that smile could light up a stadium",
        "every single photo is a keeper",
        "you look so much like yourself, in the best way",
        "it's giving main character energy",
        "stunning, truly",
    ),
    "opinions": (
        "you made me see the whole thing differently",
        "it's so rare to read something this balanced",
        "you backed it up with sources, which I really appreciated",
        "I didn't agree at first, but you made a fair point",
        "that's the most sensible thing in the whole thread",
        "thanks for staying calm when others didn't",
        "I learned a lot from how you explained it",
        "you said what a lot of us were thinking, and said it kindly",
        "more of this thoughtful stuff, please",
        "you changed my mind, which doesn't happen often",
        "it's clear you really thought about it",
        "this deserves way more attention",
    ),
    "effort": (
        "all those early mornings really paid off",
        "you should be so proud of how far you've come",
        "the dedication you showed is genuinely inspiring",
        "I know how hard you worked for this",
        "it's beautiful, and you made it with your own hands",
        "watching you stick with it has been amazing",
        "you raised so much for a good cause",
        "you've inspired me to give it a go myself",
        "you never gave up, not once",
        "the care you put in shows in every bit of it",
        "that's a massive achievement, well deserved",
        "honestly, you've outdone yourself",
    ),
    "intelligence": (
        "you explained it so clearly that even I got it",
        "that's the kind of patient teaching we need more of",
        "I learned something new today thanks to you",
        "your brain is honestly a marvel",
        "you made something really complicated feel simple",
        "I've shared it with my study group already",
        "the way you think through problems is brilliant",
        "you were spot on, and kind about it too",
        "thanks for taking the time to explain it properly",
        "it saved me from a big mistake",
        "you've got a real gift for making sense of things",
        "sharp as ever, and so generous with it",
    ),
}

SLANG_PRAISE = (
    "you absolute legend",
    "sick moves, honestly",
    "this slaps so hard",
    "you killed it, no notes",
    "filthy skills, mate",
    "you beast!",
    "that was insane in the best way",
    "stupidly good, I'm obsessed",
    "you mad genius",
    "wicked work, bruv",
    "lowkey the best thing I've seen all week",
    "you cheeky genius, how?!",
    "dead good, that",
    "that's nasty, in a good way",
    "ridiculous talent, you menace",
    "bloody brilliant",
    "savage, absolutely savage",
    "you smashed it to pieces",
)

KIND_FAILURE = (
    "the first try flopped, but you kept going and nailed it",
    "I know the first version didn't work out, and look at you now",
    "you fell at the first hurdle and got straight back up, that's what counts",
    "you stumbled at the start and finished stronger than anyone",
    "it didn't go to plan last time, but you learned loads and it shows",
    "the first attempt was a mess, you said so yourself, and this one is brilliant",
    "failing once just made the win sweeter",
    "you had every reason to give up and you didn't",
    "the wobbly start makes the finish even better",
    "not every bit went smoothly, and you handled it with so much grace",
    "last year's attempt was rough, and this one is something else",
    "mistakes and all, I'm so proud of you",
    "it took you four goes and every one of them was worth it",
)

PRAISE_ENDINGS = (
    "Keep it up!",
    "Never change.",
    "Can't wait for the next one!",
    "Thanks again!",
    "Well done, really.",
    "Bravo.",
    "Iconic.",
    "Love that for you.",
    "Honestly, wow.",
    "What a day.",
    "Legend.",
    "Big hugs.",
    "Proud of you.",
    "Such talent.",
    "Bless you.",
    "Great stuff.",
)

# ---------------------------------------------------------------------------------------------
# Families 3 and 4: exclusion and its inclusive or neutral near twins.
# ---------------------------------------------------------------------------------------------

GROUP_OPENERS = (
    "Hey {name},",
    "Quick heads-up:",
    "Being totally upfront,",
    "Hi {name}!",
    "Small thing:",
    "Between us,",
    "Hiya,",
    "Okay so",
    "Just so we're clear,",
    "About this weekend,",
    "Morning all!",
    "Re the plans,",
    "So,",
    "Hi everyone,",
)

EXCLUSION_OPENERS = (
    "No offence, but",
    "Hate to say it, but",
    "Not to be rude, but",
    "With love,",
)

EXCLUSION_CORES = (
    "we're keeping {event} for people we actually want around",
    "we didn't invite you to {event} because it's nicer when it's just us",
    "please don't come to {event}, it's finally relaxed without you",
    "we made a new {chat} without you, and it's been lovely and quiet",
    "you can come to {event} if you {menial}, that's what you're best at",
    "you'd be perfect to {menial} while the rest of us enjoy ourselves",
    "everyone at {event} only puts up with you because {reason}",
    "the only reason you're in {chat} is that {reason}",
    "your opinion on {topic} isn't needed, the grown-ups have it covered",
    "we'll sort out {topic}, you can just nod along like usual",
    "no need to weigh in on {topic}, we've asked the people who matter",
    "it might be best if you sat {event} out, for everyone's sake",
    "we've got enough people for {event}, and honestly we always will",
    "if you see photos from {event}, that's because you weren't on the list",
    "you're welcome to {menial}, but please don't try to join the conversation",
    "you can leave {chat} whenever you like, nobody will mind",
    "it's sweet that you think you were invited to {event}",
    "should we need somebody to {menial}, you'll be the first we call",
    "people go quiet when you join {chat}, and it's not a coincidence",
    "we decided {topic} without you, it's just easier that way",
    "you're more of a background person, so maybe just {menial} at {event}",
    "we only added you to {chat} because {reason}, so don't read into it",
)

INCLUSION_CORES = (
    "we saved you a seat at {event}, come whenever you're ready",
    "we'd love your opinion on {topic} before we decide anything",
    "{chat} isn't the same without you, come back in",
    "you're not just tolerated, you're wanted, everyone asked if you were coming",
    "you're on the list for {event}, obviously, it wouldn't be the same without you",
    "can you help us sort out {topic}? You always have good ideas",
    "no need to {menial}, you're a guest, just come and enjoy yourself",
    "if you're nervous about {event}, stick with me and I'll introduce you to everyone",
    "I added you to {chat} so you don't miss anything",
    "we moved {event} to {slot} so that you could make it too",
    "honestly, your take on {topic} was the best one we got",
    "people light up when you pop into {chat}, we mean that",
    "there's always room for you at {event}",
    "you don't have to bring anything to {event}, just yourself",
    "we all voted and we want you to have the final say on {topic}",
    "please come to {event}, it's so much better with you there",
    "you were missed at {event}, we kept talking about you",
    "if anyone makes you feel unwelcome at {event}, they'll have me to deal with",
)

NEUTRAL_GROUP_CORES = (
    "we've moved {event} to {slot}, details are in {chat}",
    "{chat} is moving to a new app, the link is pinned",
    "numbers for {event} are capped at twenty because of the room size",
    "please sign up for {event} {deadline}",
    "we're splitting the cost of {event} evenly, I'll send the total later",
    "the plan for {topic} is in the shared doc",
    "could everyone confirm numbers for {event} {deadline}?",
    "{event} is indoors this time, so no need for coats",
    "I've muted {chat} for a bit, too many notifications",
    "parking at {event} is limited, so maybe share lifts",
    "please vote on {topic} {deadline}",
    "someone left a charger at {event}, it's with me",
    "we need a final headcount for {event} {deadline}",
    "{event} starts at {slot}, doors open fifteen minutes before",
)

GROUP_ENDINGS = (
    "Hope that makes sense.",
    "Cheers!",
    "Have a nice weekend.",
    "Thanks!",
    "Let me know.",
    "See you around.",
    "Ta.",
    "Just so you know.",
)
EXCLUSION_ENDINGS = (
    "Thanks for understanding!",
    "No hard feelings.",
    "It's nothing personal.",
    "You get it.",
    "Just easier this way.",
    "Love you though!",
    "Don't take it the wrong way.",
    "Better for everyone.",
)
INCLUSION_ENDINGS = (
    "Can't wait to see you!",
    "You're one of us.",
    "Honestly, come!",
    "We mean it.",
    "Bring your smile.",
    "Missing you already.",
    "It's not the same without you.",
    "Save the date!",
)

# ---------------------------------------------------------------------------------------------
# Families 5 and 6: veiled threats and their harmless or caring near twins.
# ---------------------------------------------------------------------------------------------

CALM_OPENERS = (
    "Hi {name}!",
    "Hope you're well.",
    "Just a friendly reminder:",
    "Hey {name},",
    "Lovely weather today.",
    "Just a thought,",
    "Hiya,",
    "Morning!",
    "Quick note:",
    "Funny thing,",
    "Hope the family's well.",
    "Heads-up:",
    "Don't worry,",
    "Between you and me,",
)
THREAT_ONLY_OPENERS = ("No hard feelings, but", "I'm not angry,", "It's not about you, but")

KNOW_ROUTINE = (
    "I know you leave {place} at {clock} every night",
    "your {vehicle} is parked on {street} again, I noticed",
    "lovely house on {street}, by the way",
    "I see {fam} in the garden most mornings",
    "you always take the shortcut past {place} on your way home",
    "your office is the one on the third floor by the window, isn't it?",
    "I know which window is your bedroom",
    "I saw you at {place} last night, you looked so relaxed",
    "you lock up on your own at {clock}, don't you?",
    "you really should close your curtains at night",
    "I know what time {fam} finishes at {place}",
    "you park your {vehicle} in the same spot every day",
    "I've got your address now, {street} is a nice road",
    "I know exactly where you and {fam} live",
    "you jog through the park at {clock}, always the same route",
    "your back gate doesn't lock properly, you know",
    "you leave your {vehicle} unlocked outside {place}",
    "I found out where you work, it wasn't hard",
)

HARM_HINTS = (
    "it would be a shame if something happened",
    "accidents happen, especially after dark",
    "brakes fail all the time, you know",
    "old houses like that catch fire so easily",
    "people fall down stairs every day",
    "people go missing and nobody notices for weeks",
    "I'd hate for anyone to get hurt",
    "it only takes one spark",
    "the roads round there are dangerous, cars come out of nowhere",
    "it would be awful if {fam} got hurt because of you",
    "you never know who's waiting round the corner",
    "it'd be a pity if you didn't make it home one night",
    "pets wander off and never come back, it's so sad",
    "windows break, tyres go flat, things like that",
    "nobody would hear a thing from there, would they?",
    "one wrong step on those stairs and that's that",
    "things have a way of going up in smoke",
    "sometimes people just vanish",
)

ULTIMATUMS = (
    "delete {post} {deadline}, or you'll find out what happens next",
    "take {post} down {deadline}, or I'll come and sort it out myself",
    "take {post} down {deadline}. After that, it's out of my hands",
    "apologise {deadline} or {fam} will be hearing from me in person",
    "keep posting about me and see what happens to your {vehicle}",
    "drop the complaint {deadline}, or next time it won't just be a warning",
    "remove {post} {deadline}, for your own safety",
    "withdraw your review {deadline} if you want to keep walking normally",
    "stop talking about me {deadline}, or you'll regret the day you started",
    "one more post like that and I'll be at your door",
    "say sorry publicly {deadline}. You won't like the alternative",
    "delete {post}, or the next fire on {street} won't be an accident",
    "take {post} down {deadline} and nobody has to get hurt",
)

HARM_PREDICTIONS = (
    "someone is going to get hurt at {place}, and I think it'll be you",
    "your luck is going to run out {when}",
    "I'll be waiting at {place} {when}",
    "you won't be posting much longer, I can promise you that",
    "things are going to go very badly for you {when}",
    "I have a feeling your {vehicle} won't start {when}, or worse",
    "see you at {place} {when}. Come alone",
    "enjoy yourself {when}, it might be the last time you can",
    "one day soon you'll look over your shoulder and I'll be there",
    "I'll be outside {place} at {clock}. You'll know it's me",
    "your house is going to be very warm {when}",
    "I'm sure {fam} would hate to see you in hospital",
    "you'll have a little accident on the stairs {when}, I'd bet on it",
)

THREAT_ENDINGS = (
    "Just saying.",
    "Think about it.",
    "Sleep well.",
    "Have a lovely evening.",
    "I'll be waiting.",
    "See you soon.",
    "Take care now.",
    "Your choice.",
    "Stay safe, if you can.",
    "Be seeing you.",
    "Nothing personal.",
    "Sweet dreams.",
    "Enjoy your weekend while you can.",
    "Cheers.",
)

CARE_CORES = (
    "I know you leave {place} at {clock} every night, want a lift home {when}?",
    "your {vehicle} is parked on {street} with the lights on, might want to check it",
    "careful on the way home past {place}, it's icy and accidents happen",
    "lock your bike properly at {place}, a few have gone missing this week",
    "I'll be waiting outside {place} at {clock} to walk you back, no rush",
    "text me when you get home from {place}, just so I know you're safe",
    "the steps at {place} are slippery after rain, so take it slow",
    "I know what time {fam} finishes at {place}, I can do the pick-up if you're stuck",
    "I saw you jogging at {clock}, maybe wear something bright, drivers can't see you",
    "your back gate doesn't lock properly, want me to come round and fix it?",
    "it would be a shame if you missed the cake at {place}, save room",
    "I've got a spare key for your place if you ever lock yourself out",
    "the streetlights on {street} are out, so stick to the main road {when}",
    "I found your wallet outside {place}, I'll drop it round {when}",
    "if the car won't start {when}, ring me and I'll come and get you",
    "I'll keep an eye on {fam} while you're away, don't worry about a thing",
)

NEUTRAL_WARNINGS = (
    "please send the slides {deadline}, or we'll have to push the launch",
    "delete the duplicate post {deadline} or the mods will merge it",
    "the invoices need approving {deadline}, otherwise payroll slips",
    "clear the old files off the shared drive {deadline}, or they'll be archived",
    "the library books are due back {deadline}, or there's a fine",
    "I'm going to crush you at {game} {when}",
    "you're going down at {game} {when}, prepare to lose",
    "I'll destroy you at {game}, bring tissues",
    "your team doesn't stand a chance on Saturday",
    "I'm coming for your high score, watch your back",
    "enjoy first place at {game} while it lasts, I'm gunning for it",
    "say goodbye to your winning streak {when}",
    "there's a storm warning for tonight, bring the garden furniture in or it'll end up next door",
    "the river's expected to flood near {place}, so avoid that path {when}",
    "black ice on {street} this morning, two cars have already slid",
    "the bridge on {street} closes {when} for repairs",
    "high winds are forecast, so the market is cancelled {when}",
    "the lifts at {place} are out of order {when}, so allow extra time",
)

CARE_ENDINGS = (
    "Stay safe!",
    "Get home safe x",
    "Take care.",
    "Look after yourself.",
    "Just looking out for you.",
    "Ring me if you need anything.",
    "Hope that helps!",
    "No pressure.",
    "See you soon!",
    "Mind how you go.",
    "Love you!",
    "Cheers!",
)
NEUTRAL_ENDINGS = (
    "Thanks!",
    "Cheers.",
    "You've been warned 😄",
    "Game on.",
    "Just a heads-up.",
    "Cheers, all.",
    "Ta.",
    "Good luck!",
    "Fair warning.",
    "See you there.",
    "Bring it on.",
    "Your choice.",
)

# ---------------------------------------------------------------------------------------------
# Families 7 and 8: self-harm incitement and supportive messages about the same topics.
# ---------------------------------------------------------------------------------------------

SOFT_OPENERS = (
    "Honestly,",
    "Hey {name},",
    "Just a thought,",
    "Look,",
    "I say this with love,",
    "Real talk,",
    "Hiya,",
    "Not being funny, but",
)
NUDGE_OPENERS = (
    "With respect,",
    "No hate, but",
    "Gentle suggestion:",
    "Friendly advice:",
    "Kindly,",
    "Serious question:",
)
SUPPORT_OPENERS = (
    "Hi love,",
    "Just checking in,",
    "Thinking of you today.",
    "I saw your post,",
    "Hope you don't mind me messaging,",
    "Sending a hug first 🤗",
    "Not prying,",
    "Morning {name},",
)

NUDGE_CORES = (
    "things would be a lot quieter and happier with you gone for good",
    "have you considered a long walk off {high}?",
    "{high} is lovely this time of year, you should take the quick way down",
    "everyone would cope just fine if you didn't wake up tomorrow",
    "there's a full packet of pills in your cupboard, and nobody would miss you",
    "do us all a favour and don't come back from {place}",
    "log off, and then log off for good, if you catch my drift",
    "the bridge on {street} has a lovely view on the way down",
    "your family would finally get some peace if you disappeared for good",
    "maybe it's time you gave everyone a break, permanently",
    "you'd be doing everyone a kindness by not being alive next week",
    "most people in your shoes would have called it a day for good by now",
    "your friends would be grateful if you simply stopped breathing",
    "you know where the tall buildings are, go and use one",
    "nobody would come to the funeral, but at least it'd be quiet",
    "take the whole bottle next time and save us all the bother",
    "I'd start writing your goodbye letter if I were you, we're all ready",
    "please just stop existing, it would be better for everyone",
    "you should go and stand on {high} and keep walking",
    "the last train from the station at {clock} could solve all your problems, just step forward",
)

NUDGE_ENDINGS = (
    "Just a thought.",
    "No pressure 🙂",
    "Think it over.",
    "Sweet dreams.",
    "Everyone agrees.",
    "Do it for us.",
    "You'd be doing the world a favour.",
    "Sending love, obviously.",
    "Take care 😇",
    "Sleep on it.",
    "We'll all be fine.",
    "Nobody will stop you.",
    "Have a good night.",
    "Byeee 👋",
)

SUPPORT_CORES = (
    "just checking you're safe tonight",
    "if the dark thoughts get loud, please text me, any hour",
    "if you're thinking about hurting yourself, please call {help}, they're there day and night",
    "the world is better with you in it, I really mean that",
    "you don't have to carry all of this on your own",
    "fancy a long walk by the river this weekend? I'd love the company",
    "if you're standing somewhere high tonight, please step back and ring me",
    "would it help if someone looked after your pills for a while? I can come round",
    "your family would be heartbroken without you, and so would I",
    "there's no shame in asking for help, it's brave",
    "you matter more than you know, even on the days it doesn't feel like it",
    "I can sit with you at {place} {when} if you want company",
    "it's okay to not be okay, and it's okay to tell someone",
    "I'm proud of you for getting through today",
    "if you ever want to talk about the bad days, I'm listening",
    "you can reach {help} day or night, and it's free",
    "please stay, things can get better, even slowly",
    "I'd miss you every single day, so please keep going",
    "you're not a burden, not to me, not to anyone here",
    "log off for tonight and get some rest, we'll still be here tomorrow",
    "one small step at a time is still moving forward",
    "I know you've been struggling, and I'm not going anywhere",
)

SUPPORT_ENDINGS = (
    "Love you x",
    "I'm here.",
    "Always here for you.",
    "You've got this.",
    "Sending a big hug 🤗",
    "Take care of yourself.",
    "No reply needed.",
    "Talk soon.",
    "Thinking of you 💛",
    "We'll get through it.",
    "Rest up.",
    "Text me anytime.",
    "You are loved.",
    "One day at a time.",
)

# ---------------------------------------------------------------------------------------------
# Family 9: cheerful celebration of harm, calls for harm and mockery of bodies and illness.
# ---------------------------------------------------------------------------------------------

CHEERS = (
    "Yay!",
    "Top headline of the week:",
    "Love this for us!",
    "Happy Monday, everyone!",
    "Honestly, this made my day:",
    "Woohoo!",
    "Amazing news!",
    "Good morning, sunshine people!",
    "Feeling so blessed today.",
    "Finally, some good news:",
    "Okay, I'm smiling:",
    "Brilliant start to the weekend!",
    "Great vibes only:",
    "Yesss!",
)

GROUP_HARM = (
    "another shelter for {group} has shut down, fewer of them hanging about",
    "the council cut support for {group} again, about time",
    "{group} got turned away from the new housing block again, love to see it",
    "heard the hostel where {group} stay burned down last night, couldn't happen to nicer people",
    "the flood took out the camp where {group} were staying, nature doing its job",
    "three {group} lost their jobs at the factory and the place already feels cleaner",
    "someone chased the {group} out of the park, what a lovely quiet afternoon",
    "the clinic for {group} lost its funding, so nice when things work out",
    "{group} in our town are finally scared to go out at night, progress",
    "a bus full of {group} broke down in the snow, karma is beautiful",
    "the landlord evicted all the {group} on our street, best neighbour ever",
    "watching {group} get booed off the stage was the highlight of my year",
    "{group} getting sick in the heatwave is just nature, and I'm here for it",
    "attacks on {group} are up again this year, finally some good numbers",
)

GROUP_CALLS = (
    "let's make sure the next fire at the hostel where {group} stay is a bigger one",
    "we should all go down to where {group} live and give them a proper send-off, bring matches",
    "who's up for chasing every last one of the {group} out of town this weekend?",
    "if everyone pushed one of the {group} off the pier, we'd have a lovely clean seafront",
    "let's block the road so {group} can't get to the hospital, teamwork",
    "time to make the {group} on our street too scared to leave the house, who's in?",
    "grab a brick each and let's welcome the {group} to the neighbourhood properly",
    "someone should lock the doors while {group} are inside and light the place up",
    "if the heat doesn't get rid of {group}, maybe we should help it along",
    "round up the {group}, put them on a boat and pull the plug, easy",
    "let's run the {group} over next time they cross in front of us, free points",
    "let's spike the food bank parcels meant for {group} and watch the magic happen",
)

BODY_MOCKERY = (
    "love how you wheeze after one flight of stairs, it's adorable",
    "congrats on the chemo haircut, finally a style that suits you",
    "another swimsuit photo? The beach must have emptied when you arrived",
    "your stutter makes your videos three times longer, such value for money",
    "so cute how you need a ramp for everything, like a little shopping trolley",
    "your wheelchair is the most interesting thing about you, and that's saying something",
    "amazing that you still post selfies with a face like that, so brave",
    "your hearing aid must be a blessing, you miss half of what we say about you",
    "watching you try to run is better than any comedy show",
    "love that your depression gives you so much free time to post",
    "your scars make you look like a jigsaw, in a fun way",
    "I hope the diet works, the chairs are getting nervous",
    "your tremor makes your latte art so unique, keep shaking",
    "it's sweet that your memory's going, you laugh at the same joke every time",
    "two chins and a smile, what more could anyone want",
    "your limp is basically a dance move, so trendy",
    "bless you, reading must be so hard with your little brain, well tried",
)

CHEER_ENDINGS = (
    "🎉",
    "😂",
    "🥳",
    "So happy!",
    "Love it!",
    "What a time to be alive!",
    "Blessed.",
    "Good vibes!",
    "Cheers to that!",
    "Best day ever.",
    "Smiling all day.",
    "Living for this.",
    "✨",
    "Yay!",
)

# ---------------------------------------------------------------------------------------------
# Family 10: friendly wrappers around a toxic or kind core.
# ---------------------------------------------------------------------------------------------

WRAP_OPENERS = (
    "Hope everyone's having a lovely week!",
    "Morning all!",
    "Positive energy to every single one of you.",
    "First post here, hi everyone!",
    "What a gorgeous day it is.",
    "Hi friends!",
    "Happy Friday, lovely people!",
    "Grabbing a coffee before I say this.",
    "Love this community so much.",
    "Okay, quick one from me.",
    "Hello hello!",
    "Sunday thoughts, with love:",
    "Hope you're all keeping well!",
    "Just popping in to say something.",
    "Good evening, everyone!",
    "Let's keep the positivity going!",
    "Greetings from a rainy Leeds!",
    "Big love to the whole wall!",
)

SIGNOFF_INTERJECTIONS = (
    "anyway",
    "right, that's me done",
    "okay, I'll stop rambling now",
    "phew",
    "anyhoo",
    "so yeah",
    "that's all from me",
    "rant over",
    "lol anyway",
    "alright",
    "well, there you go",
    "enough from me",
    "ok, back to work",
    "haha okay",
    "and that's that",
)
SIGNOFF_WISHES = (
    "hope you all have a cracking weekend",
    "wishing everyone sunshine and good coffee",
    "may your inbox be empty and your tea be hot",
    "hope everyone sleeps like a baby tonight",
    "stay hydrated and be good to each other",
    "wishing you all a peaceful week",
    "hope the sun finds you wherever you are",
    "enjoy the long weekend, everyone",
    "sending love to all you lovely lot",
    "may your trains all run on time",
    "look after yourselves out there",
    "hope your Monday is kinder than mine",
    "wishing you cosy evenings and clean dishes",
    "go hug someone you love today",
    "treat yourselves to something nice",
)
SIGNOFF_GOODBYES = (
    "take care x",
    "catch ya on the flip side",
    "much love, bye",
    "peace out ✌️",
    "ta-ra for now",
    "see you all tomorrow",
    "love and light",
    "over and out",
    "toodles",
    "bye for now 👋",
    "cheerio",
    "until next time",
    "hugs all round 🤗",
    "laters",
    "night night 🌙",
)

TYPOS = {
    "you": "u",
    "your": "ur",
    "really": "rly",
    "because": "cos",
    "tonight": "tonite",
    "thanks": "thx",
    "people": "ppl",
    "though": "tho",
    "okay": "ok",
    "about": "abt",
    "the": "teh",
    "you're": "youre",
    "don't": "dont",
    "it's": "its",
    "i'm": "im",
    "definitely": "definately",
    "something": "smth",
}

_SLOT_RE = re.compile(r"{(\w+)}")


def _fill(template: str, rng: random.Random, **fixed: str) -> str:
    """``template`` with each ``{slot}`` filled from ``SLOTS`` (or ``fixed``)."""
    values = dict(fixed)
    for key in _SLOT_RE.findall(template):
        if key not in values:
            values[key] = rng.choice(SLOTS[key])
    return template.format(**values)


def _terminal(text: str) -> bool:
    """Whether ``text`` already ends like a sentence (punctuation, emoji or a kiss)."""
    return text[-1] in ".!?" or ord(text[-1]) > 0x2000 or text.endswith((" x", " xx"))


def _s(text: str) -> str:
    """``text`` as a sentence: capitalised, with a full stop unless it already ends well."""
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if _terminal(text) else text + "."


def _lead(opener: str, core: str) -> str:
    """``core`` after ``opener``; a comma, colon or bare word before it keeps it lower-case."""
    if not opener:
        return _s(core)
    if opener[-1] in ",:" or opener[-1].isalpha():
        core = core.strip()
        return f"{opener} {core}" + ("" if _terminal(core) else ".")
    return f"{opener} {_s(core)}"


def _maybe(rng: random.Random, p: float, options: tuple[str, ...]) -> str:
    return rng.choice(options) if rng.random() < p else ""


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _vary(text: str, rng: random.Random) -> str:
    """Casual variation: all lower case, a text-speak typo or two, a missing final stop."""
    if rng.random() < 0.12:
        text = text.lower()
        text = re.sub(r"\. (?=\w)", lambda _m: rng.choice((" ", ", ", " - ", "\n")), text)
    if rng.random() < 0.12:
        present = [w for w in TYPOS if re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", text)]
        for word in rng.sample(present, min(len(present), rng.randint(1, 2))):
            text = re.sub(rf"(?<![\w']){re.escape(word)}(?![\w'])", TYPOS[word], text, count=1)
    if text[-1] in ".!" and rng.random() < 0.15:
        text = text.rstrip(".!")
    elif text.endswith("!") and rng.random() < 0.1:
        text += "!"
    return text


# ---------------------------------------------------------------------------------------------
# Builders: each returns (text, toxic, threat, kind) before casual variation.
# ---------------------------------------------------------------------------------------------


def _praise_opening(rng: random.Random) -> tuple[str, str]:
    domain = rng.choice(tuple(TARGETS))
    return domain, _fill(rng.choice(PRAISE_OPENERS), rng, t=rng.choice(TARGETS[domain]))


def _sarcastic(rng: random.Random) -> tuple[str, int, int, int]:
    domain, opening = _praise_opening(rng)
    twists = GENERIC_TWISTS if rng.random() < 0.3 else PUTDOWN_TWISTS[domain]
    body = _lead(_maybe(rng, 0.35, BRIDGES), rng.choice(twists))
    text = _join(opening, body, _maybe(rng, 0.4, PRAISE_ENDINGS), _maybe(rng, 0.3, SMUG_EMOJI))
    return text, 1, 0, 0


def _sincere(rng: random.Random) -> tuple[str, int, int, int]:
    domain, opening = _praise_opening(rng)
    pick = rng.random()
    if pick < 0.25:
        body = _join(_s(rng.choice(SLANG_PRAISE)), _s(rng.choice(SINCERE_LINES[domain])))
    elif pick < 0.5:
        body = _lead(_maybe(rng, 0.3, BRIDGES), rng.choice(KIND_FAILURE))
    else:
        body = _lead(_maybe(rng, 0.35, BRIDGES), rng.choice(SINCERE_LINES[domain]))
    if rng.random() < 0.15:
        body = _join(body, _s(rng.choice(SLANG_PRAISE)))
    text = _join(opening, body, _maybe(rng, 0.4, PRAISE_ENDINGS), _maybe(rng, 0.3, HAPPY_EMOJI))
    return text, 0, 0, 1


def _exclusion(rng: random.Random) -> tuple[str, int, int, int]:
    opener = _maybe(rng, 0.6, GROUP_OPENERS + EXCLUSION_OPENERS)
    core = _fill(rng.choice(EXCLUSION_CORES), rng)
    ending = _maybe(rng, 0.5, GROUP_ENDINGS + EXCLUSION_ENDINGS)
    text = _join(_lead(_fill(opener, rng), core), ending, _maybe(rng, 0.2, SMUG_EMOJI))
    return text, 1, 0, 0


def _inclusion(rng: random.Random) -> tuple[str, int, int, int]:
    kind = int(rng.random() < 0.6)
    opener = _maybe(rng, 0.6, GROUP_OPENERS)
    core = _fill(rng.choice(INCLUSION_CORES if kind else NEUTRAL_GROUP_CORES), rng)
    ending = _maybe(rng, 0.5, GROUP_ENDINGS + INCLUSION_ENDINGS if kind else GROUP_ENDINGS)
    emoji = _maybe(rng, 0.25, HAPPY_EMOJI if kind else ("👍", "🙂", "📅", "📌"))
    return _join(_lead(_fill(opener, rng), core), ending, emoji), 0, 0, kind


def _veiled_threat(rng: random.Random) -> tuple[str, int, int, int]:
    opener = _fill(_maybe(rng, 0.5, CALM_OPENERS + THREAT_ONLY_OPENERS), rng)
    pick = rng.random()
    if pick < 0.45:
        body = _join(
            _lead(opener, _fill(rng.choice(KNOW_ROUTINE), rng)),
            _s(_fill(rng.choice(HARM_HINTS), rng)),
        )
    elif pick < 0.75:
        body = _lead(opener, _fill(rng.choice(ULTIMATUMS), rng))
    else:
        body = _lead(opener, _fill(rng.choice(HARM_PREDICTIONS), rng))
    text = _join(body, _maybe(rng, 0.6, THREAT_ENDINGS), _maybe(rng, 0.3, SMUG_EMOJI))
    return text, 1, 1, 0


def _veiled_twin(rng: random.Random) -> tuple[str, int, int, int]:
    kind = int(rng.random() < 0.5)
    opener = _fill(_maybe(rng, 0.5, CALM_OPENERS), rng)
    core = _fill(rng.choice(CARE_CORES if kind else NEUTRAL_WARNINGS), rng)
    ending = _maybe(rng, 0.6, CARE_ENDINGS if kind else NEUTRAL_ENDINGS)
    emoji = _maybe(rng, 0.2, HAPPY_EMOJI if kind else ("😄", "🏆", "⚠️", "🌧️", "♟️", "😤"))
    return _join(_lead(opener, core), ending, emoji), 0, 0, kind


def _nudge(rng: random.Random) -> tuple[str, int, int, int]:
    opener = _fill(_maybe(rng, 0.6, SOFT_OPENERS + NUDGE_OPENERS), rng)
    text = _join(
        _lead(opener, _fill(rng.choice(NUDGE_CORES), rng)),
        _maybe(rng, 0.6, NUDGE_ENDINGS),
        _maybe(rng, 0.15, SMUG_EMOJI),
    )
    return text, 1, 1, 0


def _support(rng: random.Random) -> tuple[str, int, int, int]:
    opener = _fill(_maybe(rng, 0.6, SOFT_OPENERS + SUPPORT_OPENERS), rng)
    first, second = rng.sample(SUPPORT_CORES, 2)
    text = _lead(opener, _fill(first, rng))
    if rng.random() < 0.4:
        text = _join(text, _s(_fill(second, rng)))
    text = _join(text, _maybe(rng, 0.6, SUPPORT_ENDINGS))
    if ord(text[-1]) < 0x2000 and rng.random() < 0.15:
        text = _join(text, rng.choice(SUPPORT_EMOJI))
    return text, 0, 0, 1


def _cheerful_harm(rng: random.Random) -> tuple[str, int, int, int]:
    pick = rng.random()
    threat = 0
    if pick < 0.4:
        core = rng.choice(GROUP_HARM)
    elif pick < 0.65:
        core, threat = rng.choice(GROUP_CALLS), 1
    else:
        core = rng.choice(BODY_MOCKERY)
    opener = _maybe(rng, 0.7, CHEERS)
    text = _join(_lead(opener, _fill(core, rng)), _maybe(rng, 0.7, CHEER_ENDINGS))
    return text, 1, threat, 0


def _signoff(rng: random.Random) -> str:
    """A chatty sign-off of two or three parts: interjection, wish for the readers, goodbye."""
    shape = rng.choice(("iw", "wg", "iwg", "ig", "iwg"))
    table = {"i": SIGNOFF_INTERJECTIONS, "w": SIGNOFF_WISHES, "g": SIGNOFF_GOODBYES}
    parts = [rng.choice(table[key]) for key in shape]
    style = rng.random()
    if style < 0.45:
        text = ", ".join(parts)
        if not _terminal(text):
            text += rng.choice(("!", ".", "", "!!"))
        return text[0].upper() + text[1:]
    if style < 0.8:
        return " ".join(_s(p if _terminal(p) else p + rng.choice(".!")) for p in parts)
    return _s(" - ".join(parts))


_TOXIC_CORES = {
    "sarcastic_putdown": _sarcastic,
    "quiet_exclusion": _exclusion,
    "veiled_threat": _veiled_threat,
    "cheerful_harm": _cheerful_harm,
}
_KIND_CORES = {"sincere_praise": _sincere, "support_twin": _support}


def _wrapped(rng: random.Random, cores: dict) -> tuple[str, int, int, int]:
    text, toxic, threat, kind = cores[rng.choice(tuple(cores))](rng)
    shape = rng.random()
    opener = rng.choice(WRAP_OPENERS) if shape < 0.65 else ""
    signoff = _signoff(rng) if shape > 0.3 else ""
    return _join(opener, text, signoff), toxic, threat, kind


_BUILDERS = {
    **_TOXIC_CORES,
    **_KIND_CORES,
    "inclusion_twin": _inclusion,
    "veiled_twin": _veiled_twin,
    "self_harm_nudge": _nudge,
    "friendly_signoff_wrap": lambda rng: _wrapped(rng, _TOXIC_CORES),
    "friendly_signoff_kind": lambda rng: _wrapped(rng, _KIND_CORES),
}


def case(family: str, rng: random.Random) -> tuple[str, int, int, int, str]:
    """One ``(text, toxic, threat, kind, family)`` case of ``family``, drawn with ``rng``."""
    if family not in _BUILDERS:
        raise ValueError(f"unknown family: {family!r}")
    text, toxic, threat, kind = _BUILDERS[family](rng)
    return _vary(text, rng), toxic, threat, kind, family


if __name__ == "__main__":
    demo = random.Random(2024)
    for name in FAMILIES:
        print(f"== {name}")
        for _ in range(3):
            print("  ", case(name, demo))
