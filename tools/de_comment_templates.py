"""German comment-wall training cases built from templates (openers x cores x tails).

Generates short-video comment-section style German texts (comments under someone's
TikTok / Instagram / YouTube video) for a toxicity / threat / kindness classifier. Every
harmful family has a twin that reuses the same topics, openers, tails and vocabulary, so
that wording alone decides nothing.

Families and labels (toxic, threat, kind):

    ruhige_drohung           (1, 1, 0)  calm, polite-sounding threats (route, school, car, family)
    fuersorglicher_heimweg   (0, 0, 1)  caring twin: get home safe, write when you're home
    selbstverletzung_aufruf  (1, 1, 0)  self-harm incitement and euphemisms at the person
    unterstuetzung_krise     (0, 0, 1)  caring twin: "bitte bleib", 0800 111 0 111, "du fehlst uns"
    sarkastischer_dank       (1, 0, 0)  sarcastic thanks / fake praise landing a put-down
    ehrlicher_dank           (0, 0, 1)  sincere thanks with the same openers
    vergiftetes_kompliment   (1, 0, 0)  backhanded compliments (weight, accent, age, skin...)
    ehrliches_kompliment     (0, 0, 1)  sincere compliments on the same topics
    slang_beleidigung        (1, 0, 0)  youth slang (Jugendsprache) insults and mockery
    slang_hype               (0, 0, 1)  slang hype using seemingly crude or violent words
    froehlicher_hass         (1, 0, 0)  cheerful statements celebrating exclusion of a group
    respekt_gruppe           (0, 0, 1)  warm, respectful statements toward the same groups

Texts vary du / Sie, punctuation, emoji, lowercase, chat writing ("vllt", "ka", "nich",
"haste", "grad", "nix") and missing umlauts ("ae", "oe", "ue", "ss", or dropped dots).

Content warning: the harmful families contain insults, slurs, threats, self-harm incitement
and hateful statements, written only to train a filter. No real people are named.

This module was written blind to every evaluation file of the project: no bench, test,
data or other tool file was opened while writing it, except the French template it mirrors
(tools/fr_comment_templates.py) and, as the model for this module's own test,
tests/test_fr_comment_templates.py. The German texts are original, not translations of any
file. Standard library only.
"""

from __future__ import annotations

import random
import re
from typing import NamedTuple

Case = tuple[str, int, int, int, str]


class _Register(NamedTuple):
    """One way of writing a family: openers, core slots (joined by spaces), ends, tails."""

    weight: int
    openers: tuple[str, ...]
    slots: tuple[tuple[str, ...], ...]
    ends: tuple[str, ...]
    tails: tuple[str, ...]


class _Family(NamedTuple):
    toxic: int
    threat: int
    kind: int
    registers: tuple[_Register, ...]


# --------------------------------------------------------------------------------------
# Shared pieces (used by both members of a twin pair)
# --------------------------------------------------------------------------------------

_CALM_ENDS = (".", ".", "", "...", "!")
_PLAIN_ENDS = (".", ".", "!", "", "!!", "...")
_SLANG_ENDS = ("", "", ".", "!", "!!!", "...", "!!")

_ROUTE_OPENERS_DU = (
    "",
    "",
    "",
    "Hey.",
    "Hi du.",
    "Hey,",
    "Guten Abend.",
    "Kleiner Hinweis:",
    "Nur zur Info:",
    "Ganz lieb gemeint:",
    "Unter uns:",
    "Übrigens,",
    "Kleiner Tipp:",
    "Schönen Abend dir.",
    "Na,",
    "Digga,",
    "Hey Süße,",
    "Du,",
    "Hör mal,",
    "Ach ja,",
    "Nur so nebenbei:",
)

_ROUTE_OPENERS_SIE = (
    "",
    "",
    "Guten Tag.",
    "Guten Abend.",
    "Guten Abend, junge Frau.",
    "Hallo.",
    "Ein kleiner Hinweis:",
    "Nur zu Ihrer Information:",
    "Ein Rat:",
    "Unter uns:",
    "Übrigens,",
    "Erlauben Sie mir einen Rat:",
    "Darf ich kurz anmerken:",
)

_DISTRESS_OPENERS_DU = (
    "",
    "",
    "",
    "Ehrlich,",
    "Ganz ehrlich,",
    "Im Ernst,",
    "Hör zu,",
    "Gut gemeinter Rat:",
    "Ich sag's dir ganz direkt:",
    "Unter uns,",
    "Ohne böse Absicht,",
    "Kurze Nachricht an dich:",
    "Digga,",
    "Bro,",
    "Hey,",
    "Bitte,",
    "Mal ehrlich,",
    "An dich, die das liest:",
    "An dich, der das liest:",
)

_DISTRESS_OPENERS_SIE = (
    "",
    "",
    "Ehrlich,",
    "Ganz ehrlich,",
    "Im Ernst,",
    "Hören Sie,",
    "Ein Rat:",
    "Ich sage es Ihnen direkt:",
    "Unter uns,",
    "Liebe Frau,",
    "Lieber Herr,",
)

_THANKS_OPENERS = (
    "",
    "",
    "",
    "Wow.",
    "Ehrlich,",
    "Ganz ehrlich,",
    "Wirklich,",
    "Ach,",
    "Na ja,",
    "Lol",
    "Boah,",
    "Oh,",
    "Also,",
    "Also echt,",
    "Mal ehrlich,",
    "Ohne Witz,",
    "Ich muss sagen:",
    "Jetzt mal im Ernst:",
)

_COMPLIMENT_OPENERS_DU = (
    "",
    "",
    "",
    "Ehrlich,",
    "Nicht böse gemeint, aber",
    "Das ist ein Kompliment:",
    "Ganz ehrlich,",
    "Glaub mir,",
    "Wow,",
    "Ich sag's, wie's ist:",
    "Oh,",
    "Ohne Scheiß,",
    "Boah",
    "Also echt,",
    "Ich find,",
    "Omg",
    "Muss man zugeben,",
)

_COMPLIMENT_OPENERS_SIE = (
    "",
    "",
    "Ehrlich gesagt,",
    "Nicht böse gemeint, aber",
    "Das ist ein Kompliment:",
    "Ganz ehrlich,",
    "Glauben Sie mir,",
    "Ich muss sagen,",
    "Liebe Frau,",
    "Erlauben Sie mir die Bemerkung:",
    "Das muss man sagen:",
)

_SLANG_OPENERS = (
    "",
    "",
    "",
    "Digga",
    "Bruder",
    "Lol",
    "Lmao",
    "Alter",
    "Bro",
    "Junge",
    "Ey",
    "Boah",
    "💀💀",
    "Hahaha",
    "Wallah",
    "Jo",
    "Safe",
    "Bre",
    "Ich schwör",
    "Oida",
    "Ka was ich sagen soll,",
    "Ok also",
)

_GROUP_OPENERS = (
    "",
    "",
    "",
    "Super Nachrichten!",
    "Wie schön!",
    "Was für ein schöner Tag!",
    "Genial,",
    "Das freut mich so:",
    "Endlich mal gute Nachrichten:",
    "Ich liebe es!",
    "Juhu,",
    "Gute Laune des Tages:",
    "Kleines Glück des Tages:",
    "Nur gute Vibes:",
    "Ich bin so glücklich:",
    "🥰",
    "Hallo ihr Lieben!",
    "Freu mich so:",
    "Das macht mir richtig gute Laune:",
    "Mit einem Lächeln im Gesicht:",
)

# --------------------------------------------------------------------------------------
# 1. ruhige_drohung
# --------------------------------------------------------------------------------------

_THREAT_CORES_DU = (
    "ich weiß, wann du Feierabend hast",
    "ich kenne den Weg, den du abends nach Hause nimmst",
    "dein silberner Golf vor der Bäckerei ist echt hübsch",
    "wäre schade, wenn deiner kleinen Schwester was passiert",
    "pass auf dem Heimweg heute gut auf",
    "wir sehen uns bald, du weißt schon wo",
    "poste ruhig weiter, dann wirst du schon sehen",
    "deine Kinder haben um halb zwei Schulschluss, oder?",
    "ich weiß jetzt, in welche Grundschule deine Kleine geht",
    "deine Adresse war echt nicht schwer zu finden",
    "ich fahr öfter an deinem Haus vorbei, wusstest du das?",
    "deine Mama wirkt nett, wäre traurig, wenn sie Ärger bekommt",
    "du nimmst immer die letzte S-Bahn, ganz schön riskant",
    "in deinem Treppenhaus ist das Licht kaputt, sei lieber vorsichtig",
    "ich hab mir dein Kennzeichen notiert",
    "ich kenne dein Fitnessstudio und deine Trainingszeiten",
    "irgendwann biegst du um die Ecke und ich steh da",
    "genieß die Ruhe, solange sie noch anhält",
    "du solltest mal deine Bremsen checken lassen",
    "wir wissen, wo du arbeitest, das findet man schnell raus",
    "ich wart nach der Schule am Tor auf dich",
    "dein Hund spielt gern im Park bei dir um die Ecke, oder?",
    "wäre echt schade, wenn deine Wohnung mal brennt",
    "grüß deinen Freund von mir, hab ihn gestern gesehen",
    "ich weiß, dass du donnerstags allein heimgehst",
    "schlaf lieber mit einem offenen Auge",
    "lass die Rollläden heute lieber unten",
    "dein kleiner Bruder hat mittwochs Fußballtraining, stimmt's?",
    "ich kenne jetzt auch deinen Türcode",
    "deine Straße ist nachts ruhig, fast zu ruhig",
    "hab dich gestern an der Kasse im Supermarkt gesehen, sahst müde aus",
    "wäre blöd, wenn dir auf dem Heimweg ein Unfall passiert",
    "beim nächsten Live sitz ich nicht mehr hinterm Bildschirm",
    "ich weiß, in welche Kita dein Baby geht",
    "ich weiß, welchen Bus du morgens um sieben nimmst",
    "dein Büro hat nur einen Ausgang, ganz schön praktisch",
    "deine Oma wohnt ja ganz allein, hab ich gehört",
)

_THREAT_CORES_SIE = (
    "ich weiß, wann Sie das Büro verlassen",
    "ich kenne den Weg, den Sie abends fahren",
    "Ihr blauer Wagen steht immer am selben Platz",
    "es wäre schade, wenn Ihren Kindern etwas zustößt",
    "passen Sie gut auf sich auf, wenn Sie heute heimfahren",
    "wir sehen uns bald, Sie wissen schon wo",
    "posten Sie ruhig weiter, dann werden Sie schon sehen",
    "Ihr Sohn hat um 13 Uhr Schulschluss, soweit ich weiß",
    "Ihre Adresse war nicht schwer herauszufinden",
    "ich komme oft an Ihrem Haus vorbei",
    "Ihre Frau wirkt sehr nett, es wäre traurig, wenn ihr etwas passiert",
    "Sie nehmen immer denselben Bus, das ist leichtsinnig",
    "ich habe mir Ihr Kennzeichen notiert",
    "ich kenne Ihre Zeiten inzwischen besser als Sie selbst",
    "genießen Sie die Ruhe, solange sie anhält",
    "Sie sollten Ihre Bremsen regelmäßig prüfen lassen",
    "wir wissen, wo Sie arbeiten",
    "Ihre Praxis schließt um 19 Uhr, nicht wahr?",
    "in welche Klasse geht Ihre Tochter noch mal? Ach, ich weiß es ja",
    "schließen Sie heute Abend gut ab",
    "Ihr Mann kommt freitags spät heim, er sollte vorsichtig sein",
    "es wäre bedauerlich, wenn Ihr Laden einmal abbrennt",
)

_THREAT_TAILS_DU = (
    "",
    "",
    "",
    "Gute Nacht.",
    "Bis ganz bald.",
    "Wir reden noch.",
    "Du bist gewarnt.",
    "Nur so als Tipp.",
    "Überleg's dir gut.",
    "Pass auf dich auf, solange du noch kannst.",
    "Mehr sag ich nicht.",
    "Du weißt, was ich meine.",
    "😊",
    "🙂",
    "😉",
    "Küsschen.",
    "Letzte Warnung.",
    "Lösch das Video und alles ist gut.",
    "Tick tack.",
    "Wir verstehen uns.",
    "Schönen Abend noch.",
    "Bis morgen vielleicht.",
    "Ich hab dich im Blick.",
    "Nur gut gemeint.",
)

_THREAT_TAILS_SIE = (
    "",
    "",
    "Sie sind gewarnt.",
    "Überlegen Sie es sich gut.",
    "Passen Sie auf sich auf, solange Sie noch können.",
    "Denken Sie in Ruhe darüber nach.",
    "Bis bald.",
    "Schönen Abend noch.",
    "Nehmen Sie das Video runter, dann passiert nichts.",
    "Mit freundlichen Grüßen.",
    "🙂",
    "Wir verstehen uns.",
    "Nur ein gut gemeinter Rat.",
)

# --------------------------------------------------------------------------------------
# 2. fuersorglicher_heimweg
# --------------------------------------------------------------------------------------

_ROUTE_CORES_DU = (
    "komm gut heim und schreib mir, wenn du daheim bist",
    "komm gut nach Hause, gib kurz Bescheid, wenn du angekommen bist",
    "fahr vorsichtig, auf der Autobahn soll es heute glatt werden",
    "soll ich dich nach dem Konzert heimfahren?",
    "ich weiß, dass du donnerstags spät Schluss hast, ruf an, wenn was ist",
    "grüß deine Familie ganz lieb von mir",
    "pass auf dem Heimweg heute gut auf, die Straßen sind spiegelglatt",
    "wir sehen uns bald, du weißt schon wo, im Café wie immer",
    "grüß deine Mama von mir, sie ist so lieb",
    "deine kleine Schwester ist so süß, viel Spaß ihr beim ersten Schultag",
    "wann haben deine Kinder Schulschluss? Ich kann sie gern mit abholen",
    "sag Bescheid, wenn du zu Hause bist",
    "fahr heute Abend nicht über die A3, da ist ein riesiger Stau",
    "zieh die Warnweste an, wenn du mit dem Rad heimfährst",
    "die letzte S-Bahn fährt um 0:40, verpass sie nicht",
    "teil deinen Live-Standort mit mir, wenn du zu Fuß gehst",
    "nimm dir ein Taxi, ich zahl's dir zurück",
    "ich komm morgen bei dir vorbei, soll ich dir Suppe mitbringen?",
    "check vor der Fahrt noch mal die Reifen, ist ja eine lange Strecke",
    "viel Glück deiner Tochter an der neuen Schule",
    "poste ruhig weiter, du wirst sehen, das zahlt sich aus",
    "lass die Rollläden heute unten, es soll richtig stürmen",
    "wäre schade, wenn dir was passiert, also schnall dich an",
    "dein Hund sieht im Park bei dir um die Ecke so glücklich aus",
    "vergiss deinen Schal nicht, draußen ist es eiskalt",
    "ich wart nach der Schule am Tor auf dich, dann gehen wir zusammen heim",
    "wir wissen alle, wie viel du arbeitest, ruh dich am Wochenende aus",
    "in deinem Treppenhaus ist das Licht kaputt, nimm die Taschenlampe mit",
    "ich weiß, dass du donnerstags allein heimgehst, ich begleite dich gern",
    "grüß deinen Freund von mir, er ist echt ein Lieber",
    "dein kleiner Bruder hat mittwochs Training? Ich komm zum Anfeuern",
    "schick mir deine Adresse, dann kriegst du eine Geburtstagskarte",
    "mach an der Raststätte Pause, wenn du müde wirst",
    "ich kenne den Weg, den du nimmst, der ist nachts echt dunkel, nimm lieber den Bus",
    "genieß die Ruhe heute Abend, du hast sie dir verdient",
    "deine Oma freut sich bestimmt, wenn du sie am Sonntag besuchst",
)

_ROUTE_CORES_SIE = (
    "kommen Sie gut heim und schreiben Sie kurz, wenn Sie angekommen sind",
    "fahren Sie vorsichtig, es schneit ziemlich stark",
    "ich kann Sie nach der Sitzung gern heimfahren",
    "liebe Grüße an Ihre Familie",
    "passen Sie auf dem Heimweg auf, es ist glatt",
    "grüßen Sie Ihre Kinder von mir",
    "Ihre Kinder haben um 13 Uhr Schluss? Ich kann sie gern mit abholen",
    "meiden Sie heute Abend die Autobahn, da staut es sich kilometerlang",
    "rufen Sie mich an, wenn unterwegs etwas ist",
    "nehmen Sie lieber ein Taxi, um diese Uhrzeit ist das sicherer",
    "lassen Sie die Rollläden unten, es ist Sturm angesagt",
    "posten Sie ruhig weiter, das lohnt sich, ganz bestimmt",
    "ich komme morgen bei Ihnen vorbei und bringe die Einkäufe",
    "alles Gute Ihrem Sohn zum Schulstart",
    "lassen Sie vor der langen Fahrt noch die Bremsen prüfen, sicher ist sicher",
    "Ihr Mann kommt freitags spät heim? Sagen Sie ihm, er soll vorsichtig fahren",
    "Ihre Praxis schließt um 19 Uhr, ich warte draußen und begleite Sie zum Auto",
)

_ROUTE_TAILS_DU = (
    "",
    "",
    "",
    "Hab dich lieb.",
    "Gute Nacht.",
    "Bis ganz bald.",
    "Pass auf dich auf.",
    "❤️",
    "🫶",
    "😘",
    "😊",
    "Schlaf gut.",
    "Wir haben dich lieb.",
    "Alles wird gut.",
    "Du schaffst das!",
    "Komm gut heim!",
    "Ich denk an dich.",
    "Sei vorsichtig.",
    "Schönen Abend noch.",
    "Wir verstehen uns 😉",
    "Nur so als Tipp.",
    "hdl",
)

_ROUTE_TAILS_SIE = (
    "",
    "",
    "Passen Sie auf sich auf.",
    "Schönen Abend noch!",
    "Bis bald!",
    "Gute Heimfahrt.",
    "Herzliche Grüße.",
    "❤️",
    "Ich denke an Sie.",
    "Mit freundlichen Grüßen.",
    "🙂",
)

# --------------------------------------------------------------------------------------
# 3. selbstverletzung_aufruf
# --------------------------------------------------------------------------------------

_SELF_HARM_CORES_DU = (
    "verschwinde einfach, merkt eh keiner",
    "niemand würde dich vermissen, wenn du weg wärst",
    "tu der Welt einen Gefallen und hör auf zu existieren",
    "dein Fenster ist doch hoch genug, oder?",
    "bei dir um die Ecke ist doch eine Brücke, nutz sie",
    "schluck die ganze Packung und gut ist",
    "die Welt wär besser ohne dich",
    "du solltest es einfach beenden, ehrlich",
    "spring, wir filmen",
    "keiner wird um dich weinen, mach ruhig",
    "tu uns den Gefallen und wach morgen nicht mehr auf",
    "an deiner Stelle würde ich mich löschen, und zwar komplett",
    "du bist zu nichts nütze, geh für immer",
    "deine Familie wäre erleichtert, wenn du weg wärst",
    "deine Mutter wäre ohne dich glücklicher",
    "der sechste Stock wäre perfekt für dich",
    "ein Strick kostet nicht viel, nur mal so gesagt",
    "schon mal dran gedacht, einfach nicht mehr da zu sein?",
    "verschwinde für immer, diesmal richtig",
    "leg dich doch einfach auf die Gleise",
    "alle warten nur darauf, dass du endgültig gehst",
    "du bist zu viel auf dieser Welt",
    "dich würde keine Sekunde lang jemand vermissen",
    "mach's doch endlich, wir warten alle",
    "letzter Livestream vorm Springen? Wir zählen auf dich",
    "nimm deine Tabletten, alle auf einmal",
    "mach die Augen zu und nie wieder auf",
    "die Brücke in deiner Stadt wartet schon auf dich",
    "zu deiner Beerdigung kommt eh keiner, keine Sorge",
    "am besten wachst du gar nicht mehr auf",
    "mach das Fenster auf und spring",
    "lösch dich, und zwar nicht nur deinen Account",
    "hör einfach auf zu atmen, ist besser für alle",
)

_SELF_HARM_CORES_SIE = (
    "verschwinden Sie einfach, es merkt eh keiner",
    "tun Sie der Welt einen Gefallen und hören Sie auf zu existieren",
    "niemand würde Sie vermissen",
    "die Welt wäre besser ohne Sie",
    "Sie sollten es einfach beenden",
    "Ihr Balkon ist doch hoch genug, oder?",
    "springen Sie, wir filmen",
    "Ihre Familie wäre erleichtert, wenn Sie weg wären",
    "verschwinden Sie für immer",
    "schlucken Sie die ganze Packung und gut ist",
    "Sie sind zu viel auf dieser Welt, gehen Sie für immer",
    "bei Ihnen um die Ecke ist eine Brücke, nutzen Sie sie",
)

_SELF_HARM_TAILS_DU = (
    "",
    "",
    "",
    "Keiner hält dich auf.",
    "Tschüss und weg.",
    "Mach's gut.",
    "Wäre ein Geschenk für alle.",
    "Ernsthaft.",
    "Los, wir warten.",
    "💀",
    "🪦",
    "👋",
    "Bye.",
    "Ich mein das ernst.",
    "Tu uns den Gefallen.",
    "Keiner wird dich suchen.",
    "Am besten heute noch.",
    "Ciao.",
    "Tick tack.",
    "Niemand wird dich vermissen.",
)

_SELF_HARM_TAILS_SIE = (
    "",
    "",
    "Niemand hält Sie auf.",
    "Auf Nimmerwiedersehen.",
    "Leben Sie wohl.",
    "Tun Sie uns den Gefallen.",
    "Ernsthaft.",
    "👋",
)

# --------------------------------------------------------------------------------------
# 4. unterstuetzung_krise
# --------------------------------------------------------------------------------------

_SUPPORT_CORES_DU = (
    "bitte bleib, wir brauchen dich",
    "wenn du dran denkst, alles zu beenden, ruf die Telefonseelsorge an: 0800 111 0 111,"
    " kostenlos und rund um die Uhr",
    "niemand sollte sich fühlen, als wäre er zu viel",
    "du würdest uns so sehr fehlen",
    "die Welt ist besser mit dir drin",
    "wenn's dir nicht gut geht, red mit jemandem, gern auch mit mir",
    "du bist nicht zu viel, niemals",
    "deine Familie wäre am Boden zerstört ohne dich, und wir auch",
    "geh bitte weg vom Fenster und ruf jemanden an",
    "wenn du dunkle Gedanken hast, die Telefonseelsorge ist da: 0800 111 0 111",
    "gib deine Tabletten heute Abend jemandem zum Aufbewahren, okay?",
    "bleib bei uns, das geht vorbei",
    "geh nicht, morgen kann besser werden",
    "du zählst, auch wenn du es heute nicht spürst",
    "ich weiß, es ist gerade echt schwer, aber du bist nicht allein",
    "tu der Welt einen Gefallen und bleib noch ein bisschen",
    "keiner hier will, dass du verschwindest",
    "wenn du gerade auf einer Brücke oder am Fenster stehst, ruf sofort die 112",
    "wir wären alle so traurig, wenn du nicht mehr da wärst",
    "lösch deinen Account nicht, wir haben dich lieb",
    "dein Platz ist hier, bei uns",
    "ich bin da, wenn du reden willst, auch um drei Uhr nachts",
    "auf dich selbst aufzupassen ist nicht egoistisch",
    "du hast es verdient, da zu sein, Punkt",
    "deine Mama wäre so traurig ohne dich, und ich auch",
    "hast du schon mit deiner Ärztin drüber gesprochen? Du verdienst Hilfe",
    "wenn du springen willst, ruf vorher jemanden an, egal wen",
    "mach die App zu und ruf die 0800 111 0 111 an, die sind echt lieb da",
    "der sechste Stock ist keine Lösung, wir sind für dich da",
    "du bist keine Last, niemals",
    "verschwinde bitte nicht, du fehlst uns schon, wenn du mal zwei Tage offline bist",
    "du fehlst uns, meld dich mal",
    "die Nummer gegen Kummer ist auch für dich da, 116 111",
)

_SUPPORT_CORES_SIE = (
    "bitte bleiben Sie, wir brauchen Sie",
    "wenn Sie daran denken, alles zu beenden, rufen Sie die Telefonseelsorge an: 0800 111 0 111",
    "Sie würden uns fehlen",
    "niemand sollte sich überflüssig fühlen, Sie auch nicht",
    "Ihre Familie braucht Sie",
    "Sie sind nicht allein",
    "sprechen Sie mit jemandem, Ihr Leben zählt",
    "gehen Sie bitte vom Balkon weg und rufen Sie die 0800 111 0 111 an",
    "die Welt ist besser mit Ihnen",
    "Sie sind nicht zu viel, niemals",
    "tun Sie der Welt einen Gefallen und bleiben Sie bei uns",
)

_SUPPORT_TAILS_DU = (
    "",
    "",
    "",
    "❤️",
    "🫂",
    "Wir haben dich lieb.",
    "Du zählst.",
    "Pass auf dich auf.",
    "Ich bin da.",
    "Wir sind da.",
    "Halt durch.",
    "Bleib stark.",
    "Ruf die 0800 111 0 111 an, wenn's nötig ist.",
    "Ernsthaft.",
    "Ich mein das ernst.",
    "Schreib mir heute Abend.",
    "Du bist nicht allein.",
    "Wir bleiben bei dir.",
    "Keiner lässt dich hängen.",
    "Du fehlst uns.",
)

_SUPPORT_TAILS_SIE = (
    "",
    "",
    "Passen Sie auf sich auf.",
    "Wir sind da.",
    "Halten Sie durch.",
    "❤️",
    "Ernsthaft.",
    "Sie sind nicht allein.",
)

# --------------------------------------------------------------------------------------
# 5 / 6. sarkastischer_dank / ehrlicher_dank
# --------------------------------------------------------------------------------------

_THANKS_LEADS_DASS_DU = (
    "danke, dass du uns daran erinnerst, dass",
    "bravo, wieder ein Video, das beweist, dass",
    "zum Glück bist du da und zeigst uns, dass",
    "super, dank dir wissen wir jetzt, dass",
    "danke für das Video, es bestätigt mal wieder, dass",
    "was für eine Lektion, heute lernen wir, dass",
    "Hut ab, du hast es echt geschafft zu zeigen, dass",
    "vielen Dank, jetzt weiß wirklich jeder, dass",
    "danke für den Livestream, er erinnert uns daran, dass",
    "danke von Herzen, du beweist uns jeden Tag, dass",
    "bravo, wieder einmal sehen wir, dass",
    "danke für den Content, jetzt verstehen wir endlich, dass",
)

_THANKS_LEADS_WIE_DU = (
    "danke, dass du uns daran erinnerst, wie",
    "bravo, wieder ein Video, das zeigt, wie",
    "zum Glück bist du da und zeigst uns, wie",
    "danke, jetzt wissen wir alle, wie",
    "jedes Video erinnert uns daran, wie",
    "danke für den Livestream, man sieht richtig, wie",
)

_THANKS_LEADS_DASS_SIE = (
    "danke, dass Sie uns daran erinnern, dass",
    "bravo, wieder ein Video, das beweist, dass",
    "danke für das Video, es bestätigt mal wieder, dass",
    "Hut ab, Sie haben es geschafft zu zeigen, dass",
    "vielen Dank, jetzt weiß wirklich jeder, dass",
    "danke von Herzen, Sie beweisen uns jeden Tag, dass",
    "danke für diesen Beitrag, jetzt verstehen wir endlich, dass",
)

_SARCASM_DASS_DU = (
    "du nichts im Kopf hast",
    "Fremdscham doch nicht tötet",
    "man komplett hohl sein und trotzdem filmen kann",
    "Intelligenz nicht jedem gegeben ist",
    "du der größte Clown im ganzen Internet bist",
    "jeder Idiot ein Handy haben kann",
    "du singst wie eine Kreissäge, nur lauter",
    "du immer noch null Talent hast",
    "du nicht vor eine Kamera gehörst",
    "du genauso erbärmlich bist, wie wir dachten",
    "Peinlichkeit keine Grenzen kennt",
    "manche Leute besser offline bleiben sollten",
    "du null Geschmack hast",
    "man sein Leben auch mit einem Lächeln verkacken kann",
    "dein Gehirn nur Zubehör ist",
    "du das Charisma einer Salzkartoffel hast",
    "Mittelmaß ein Beruf sein kann",
    "du besser unbekannt geblieben wärst",
    "deine Eltern echt viel durchgemacht haben müssen",
    "man wirklich nichts können muss, um bekannt zu werden",
    "du selbst in 30 Sekunden unerträglich bist",
    "man bei deiner Stimme sofort den Ton ausmachen will",
)

_SARCASM_WIE_DU = (
    "erbärmlich du bist",
    "talentfrei du bist",
    "leer dein Leben ist",
    "peinlich dein Humor ist",
    "lächerlich du bist",
    "langweilig du bist",
    "weit du danebenliegst",
    "nervig deine Stimme ist",
    "gescheitert du bist",
    "flach deine Witze sind",
    "dumm man sein kann",
    "hohl du bist",
)

_SARCASM_DASS_SIE = (
    "Sie nichts im Kopf haben",
    "Fremdscham doch nicht tötet",
    "Sie genauso erbärmlich sind, wie wir dachten",
    "Sie kein bisschen Talent haben",
    "Sie nicht vor eine Kamera gehören",
    "Mittelmaß ein Beruf sein kann",
    "Sie besser unbekannt geblieben wären",
    "Ihr Humor aus dem letzten Jahrhundert stammt",
    "Ihr Fachwissen an der Sofakante aufhört",
    "ein Doktortitel nicht automatisch klug macht",
)

_SINCERE_DASS_DU = (
    "man nie allein ist",
    "es Freundlichkeit noch gibt",
    "man lachen kann, ohne jemanden zu verletzen",
    "du ein unglaubliches Talent hast",
    "es nie zu spät für einen Neuanfang ist",
    "sich Durchhalten am Ende immer lohnt",
    "kleine Gesten zählen",
    "du singst wie sonst keiner, ehrlich",
    "du eindeutig vor eine Kamera gehörst",
    "man sensibel und stark zugleich sein kann",
    "es wichtig ist, auf seine mentale Gesundheit zu achten",
    "das Internet immer noch ein schöner Ort sein kann",
    "du ein Herz aus Gold hast",
    "man in jedem Alter noch was lernen kann",
    "Glück oft in kleinen Dingen steckt",
    "sich deine Mühe am Ende auszahlt",
    "du eine echte Inspiration bist",
    "man Fehler machen und trotzdem wieder aufstehen kann",
    "du eine unglaubliche Energie hast",
    "man an seine Träume glauben sollte",
    "deine Stimme richtig guttut",
    "man stolz auf seine Wurzeln sein darf",
)

_SINCERE_WIE_DU = (
    "talentiert du bist",
    "schön das Leben sein kann",
    "gut dein Humor tut",
    "viel Glück wir haben, dir zu folgen",
    "beruhigend deine Stimme ist",
    "mutig du bist",
    "sehr uns deine Tipps helfen",
    "witzig du bist",
    "viel ein bisschen Freundlichkeit verändert",
    "ansteckend dein Lachen ist",
    "klug du bist",
    "stark du bist",
)

_SINCERE_DASS_SIE = (
    "man nie allein ist",
    "es Freundlichkeit noch gibt",
    "Sie ein unglaubliches Talent haben",
    "es nie zu spät für einen Neuanfang ist",
    "Sie eindeutig vor eine Kamera gehören",
    "Sie ein Herz aus Gold haben",
    "man in jedem Alter noch etwas lernen kann",
    "Ihre Arbeit Leben verändert",
    "Ihr Fachwissen Gold wert ist",
    "eine gute Lehrerin alles verändern kann",
)

_SARCASM_TAILS_DU = (
    "",
    "",
    "",
    "Echt, danke.",
    "Wie inspirierend.",
    "👏👏",
    "👏",
    "🙃",
    "Bravo, Künstler.",
    "Applaus für dich.",
    "Mach bloß weiter so.",
    "Eine Legende.",
    "Genie.",
    "🤡",
    "Lol.",
    "Wunderschön.",
    "Was für ein Geschenk.",
    "Tausend Dank.",
    "Wir warten gespannt auf mehr.",
    "😂😂",
    "❤️",
    "Großes Kino.",
)

_SINCERE_TAILS_DU = (
    "",
    "",
    "",
    "Echt, danke.",
    "Wie inspirierend.",
    "👏👏",
    "👏",
    "❤️",
    "🥹",
    "Bravo, Künstler.",
    "Applaus für dich.",
    "Mach bloß weiter so.",
    "Eine Legende.",
    "Tausend Dank.",
    "Wir warten gespannt auf mehr.",
    "Tut so gut.",
    "Du bist ein Schatz.",
    "🫶",
    "Wunderschön.",
    "Großes Kino.",
)

_SARCASM_TAILS_SIE = (
    "",
    "",
    "Echt, danke.",
    "Wie inspirierend.",
    "👏👏",
    "Bravo.",
    "Tausend Dank.",
    "Wir warten gespannt auf mehr.",
    "Hut ab.",
    "🙃",
)

_SINCERE_TAILS_SIE = (
    "",
    "",
    "Echt, danke.",
    "Wie inspirierend.",
    "👏👏",
    "Bravo.",
    "Tausend Dank.",
    "Wir warten gespannt auf mehr.",
    "Hut ab.",
    "❤️",
)

# --------------------------------------------------------------------------------------
# 7 / 8. vergiftetes_kompliment / ehrliches_kompliment
# --------------------------------------------------------------------------------------

_SKILLS_F = (
    "du bist hübsch",
    "du bist echt schön",
    "du bist süß",
    "du tanzt gut",
    "du redest gut",
    "du bist witzig",
    "du bist schlau",
    "du hast Stil",
    "du singst gar nicht schlecht",
    "du ziehst dich gut an",
    "du bist fotogen",
    "du wirkst voll locker vor der Kamera",
    "du bist elegant",
)

_SKILLS_M = (
    "du siehst gut aus",
    "du bist echt süß",
    "du tanzt gut",
    "du redest gut",
    "du bist witzig",
    "du bist schlau",
    "du hast Stil",
    "du singst gar nicht schlecht",
    "du bist elegant",
    "du hast Charisma",
    "du drückst dich gut aus",
)

_SKILLS_SIE = (
    "Sie sind schön",
    "Sie sind elegant",
    "Sie reden gut",
    "Sie drücken sich sehr gut aus",
    "Sie sind charmant",
    "Sie tanzen gut",
    "Sie sind gut angezogen",
)

_BACKHAND_F = (
    "für eine Dicke",
    "für eine aus dem Plattenbau",
    "für jemanden mit deinem Akzent",
    "für eine Frau in deinem Alter",
    "für eine im Rollstuhl",
    "für jemanden mit deiner Hautfarbe",
    "für ein Mädchen mit deinem Gewicht",
    "für eine vom Dorf",
    "für eine Blondine",
    "für eine Behinderte",
    "für eine Oma",
    "für eine mit so viel Akne",
    "für so eine Bohnenstange",
    "für so eine Kleine",
    "für eine Mutter von drei Kindern",
    "für eine mit Kopftuch",
    "für eine Ausländerin",
    "dafür, dass du so eine Piepsstimme hast",
)

_BACKHAND_M = (
    "für einen Dicken",
    "für einen aus dem Ghetto",
    "für einen Kleinen",
    "für jemanden mit deinem Akzent",
    "für einen Typen in deinem Alter",
    "für einen im Rollstuhl",
    "für einen mit Glatze",
    "für jemanden mit deiner Hautfarbe",
    "für einen, der stottert",
    "für einen Opa",
    "für einen Behinderten",
    "für einen vom Land",
    "für einen Ausländer",
    "dafür, dass du so eine Fistelstimme hast",
)

_BACKHAND_SIE = (
    "für Ihr Alter",
    "für jemanden Ihrer Herkunft",
    "für eine mollige Frau",
    "für jemanden im Rollstuhl",
    "für jemanden mit Ihrem Akzent",
    "für eine Frau mit Ihrer Hautfarbe",
    "für eine Frau über sechzig",
    "dafür, dass Sie so eine tiefe Stimme haben",
)

_SINCERE_F = (
    ", und deine Kurven stehen dir richtig gut",
    ", und dein Akzent macht alles noch schöner",
    ", in jedem Alter, das sieht man",
    ", und dein Rollstuhl ist auch noch mega stylisch",
    ", und deine Haut sieht in dem Licht wunderschön aus",
    ", und man sieht, dass du dich in deiner Haut wohlfühlst",
    ", ganz einfach",
    ", Punkt",
    ", und das ganz ohne Filter",
    ", und deine grauen Haare stehen dir wunderbar",
    ", und deine Sommersprossen sind ein Traum",
    ", und dein Viertel kann stolz auf dich sein",
    ", und deine Größe steht dir so gut",
    ", und dein Gewicht hat damit null zu tun, du bist einfach toll",
    ", und die Pickel ändern gar nichts, du strahlst",
    ", und deine Naturlocken sind der Hammer",
    ", ehrlich jetzt",
    ", und dein Kopftuch passt perfekt zu der Farbe",
    ", und deine Stimme ist so angenehm",
)

_SINCERE_M = (
    ", ganz einfach",
    ", Punkt",
    ", und das ganz ohne Filter",
    ", und dein Akzent macht alles noch schöner",
    ", und die Glatze steht dir richtig gut",
    ", und dein Stottern ändert nichts, man hört dir gern zu",
    ", und dein Rollstuhl sieht auch noch mega aus",
    ", und deine weißen Haare geben dir richtig Charme",
    ", und deine Haut ist wunderschön",
    ", in jedem Alter, das sieht man",
    ", und man sieht, dass du dich wohlfühlst",
    ", und dein Viertel kann stolz auf dich sein",
    ", ehrlich jetzt",
    ", und die Kilos ändern da gar nichts, du siehst super aus",
    ", und deine tiefe Stimme ist der Wahnsinn",
)

_SINCERE_SIE = (
    ", ganz einfach",
    ", und Ihr Akzent ist ein zusätzlicher Charme",
    ", und Ihre weißen Haare stehen Ihnen wunderbar",
    ", in jedem Alter, das sieht man",
    ", und der Rollstuhl nimmt Ihnen nichts von Ihrer Eleganz",
    ", und Ihre Energie steckt an",
    ", ehrlich",
    ", und das ganz ohne Filter",
    ", und Ihre Rundungen stehen Ihnen sehr gut",
    ", und Ihre tiefe Stimme ist wunderbar",
)

_BACKHAND_STANDALONE = (
    "du siehst in dem Video fast normal aus",
    "man sieht deine Narbe kaum, Glückwunsch",
    "du hast gut abgenommen, endlich kann man dich anschauen",
    "für dein Alter bist du noch ganz ansehnlich",
    "dein Akzent ist süß, man versteht fast, was du sagst",
    "schöne Haut, heute sieht man deine Pickel mal nicht",
    "mutig, dass du dich mit dem Körper zeigst",
    "du bist hübsch, solange du nicht lächelst",
    "cool, dass du trotz deiner Kilos posierst",
    "zum Glück versteckt der Filter deine Haut",
    "da siehst du fast aus wie eine richtige Frau",
    "voll aktiv für eine Behinderte, freut mich",
    "heute mal ordentlich frisiert, ist ja was ganz Neues",
    "man sieht dir die 50 fast nicht an, also fast",
    "so hässlich bist du eigentlich gar nicht",
    "hübsches Gesicht, schade um den Rest",
    "mit zehn Kilo weniger wärst du echt heiß",
    "du bist gut erzogen für jemanden von da, wo du herkommst",
    "deine Stimme klingt heute fast erträglich",
    "du redest ja richtig deutlich für jemanden mit Behinderung",
)

_SINCERE_STANDALONE = (
    "dein Akzent ist wunderschön, verlier ihn bloß nie",
    "deine Kurven stehen dir fantastisch",
    "deine Haut in diesem Licht, einfach traumhaft",
    "du tanzt besser als alle hier, Rollstuhl inklusive",
    "deine Lachfalten zeigen, wie viel du gelacht hast",
    "du redest so gut, dein Viertel kann stolz auf dich sein",
    "deine Haut mit der Vitiligo ist wunderschön",
    "dein Stottern ändert nichts, man hört dir so gern zu",
    "was für eine Ausstrahlung mit 70",
    "deine Prothese sieht mega stylisch aus",
    "deine Narbe gehört zu dir und sie ist schön",
    "du bist wunderschön, mit oder ohne Make-up",
    "du hast so ein strahlendes Gesicht",
    "du bist ein Hingucker, Kilos hin oder her",
    "deine weißen Haare sind einfach die pure Eleganz",
    "du bist so gut erzogen, deine Eltern können stolz sein",
    "deine Stimme ist so beruhigend, ich könnte dir stundenlang zuhören",
)

_BACKHAND_TAILS_DU = (
    "",
    "",
    "",
    "Ist als Kompliment gemeint.",
    "Ist nett gemeint.",
    "😅",
    "😬",
    "Nimm's nicht persönlich.",
    "Wer hätte das gedacht.",
    "Hätte ich nie gedacht.",
    "Respekt trotzdem.",
    "Gib's zu, das war nett.",
    "🤭",
    "Ausnahmsweise.",
    "Versuch's weiter.",
    "❤️",
    "Ehrlich.",
    "Bin echt überrascht.",
    "Erstaunlich.",
)

_SINCERE_COMPLIMENT_TAILS_DU = (
    "",
    "",
    "",
    "Ist als Kompliment gemeint.",
    "Meine ich ernst.",
    "❤️",
    "😍",
    "🥰",
    "Bleib genau so.",
    "Ändere nichts.",
    "Bravo.",
    "Ehrlich.",
    "Mach weiter so.",
    "Du bist wunderschön.",
    "Freu mich so, dir zu folgen.",
    "✨",
    "Ist nett gemeint.",
)

_BACKHAND_TAILS_SIE = (
    "",
    "",
    "Ist als Kompliment gemeint.",
    "Nehmen Sie's nicht persönlich.",
    "Wer hätte das gedacht.",
    "Erstaunlich.",
    "😅",
    "Respekt trotzdem.",
)

_SINCERE_COMPLIMENT_TAILS_SIE = (
    "",
    "",
    "Ist als Kompliment gemeint.",
    "Bleiben Sie, wie Sie sind.",
    "Bravo.",
    "❤️",
    "Ehrlich.",
    "Was für eine Klasse.",
)

# --------------------------------------------------------------------------------------
# 9 / 10. slang_beleidigung / slang_hype
# --------------------------------------------------------------------------------------

_INSULT_CORES_DU = (
    "du bist so cringe",
    "was ein Lauch",
    "halt die Fresse, du Opfer",
    "wie peinlich bist du bitte",
    "du bist komplett lost",
    "du bist so ein Spast",
    "du Hurensohn",
    "du bist das größte Opfer hier",
    "das ist komplett für den Arsch",
    "deine Visage ist eine Zumutung",
    "geh nach Hause, du Versager",
    "du bist so ein Assi",
    "du siehst aus wie ein Zirkusclown",
    "du bist ein Vollpfosten",
    "du Hohlbirne",
    "du nervst so hart",
    "null Flow, du bist eine Ziege",
    "dein Song ist Müll",
    "die Fresse von dem Typen",
    "du bist eine Null",
    "was ein Penner",
    "du bist so out, Boomer",
    "du stinkst nach Niederlage",
    "halt's Maul",
    "du bist hässlich wie die Nacht",
    "du hast das Charisma von einem Toastbrot",
    "deine Stimme tut in den Ohren weh",
    "du bist ein Stück Scheiße",
    "du bist so ein Lappen",
    "heul doch zu deiner Mama",
    "du Knecht",
    "du bist eine Schande für deine Familie",
    "sogar meine Katze tanzt besser",
    "was ist das für ein Müll",
    "du bist so ein NPC",
    "du bist so ein Kek",
    "das ist so wack",
    "du hast das Ding komplett verkackt",
)

_INSULT_CORES_PLURAL = (
    "ihr seid so cringe",
    "ihr Lauche",
    "haltet die Fresse, ihr Opfer",
    "ihr seid alle Versager",
    "ihr tut mir echt leid",
    "ihr Clowns",
    "ihr seid alle komplett lost",
    "ihr Assis",
    "ihr Lappen",
)

_HYPE_CORES_DU = (
    "das ist krank",
    "du bist so krass",
    "du hast das Ding zerstört",
    "du hast mich mit dem Move gekillt",
    "brutal gut",
    "der Song geht so hart",
    "du bist ein Monster",
    "du hast alles zerlegt",
    "das ist eine Masterclass",
    "ich lieg am Boden",
    "ich bin tot vor Lachen",
    "das ist ein Brett",
    "du hast das Game gekillt",
    "das ist komplett geisteskrank",
    "du bist eine Maschine",
    "das knallt",
    "der Beat zerfetzt mir den Kopf",
    "du hast den Beat zerstört",
    "das ist so dreckig",
    "das ist übertrieben krass",
    "du bist ein Killer",
    "du hast die Bühne abgerissen",
    "du hast mich mit dem Witz umgebracht",
    "der Flow ist dreckig",
    "du bist wahnsinnig",
    "deine Stimme killt mich",
    "du bist eine Legende",
    "das hat mich zerstört",
    "ich bin gestorben",
    "das ist heftig",
    "du bist so ein Ehrenmann",
    "du bist eine Ehrenfrau",
    "du hast den Refrain gekillt",
    "das ist richtig fett",
    "der Feat ist kriminell",
    "mega brutal",
    "die Fresse von dem, als er den Part droppt",
    "das ist mies gut",
    "du bist ein Tier",
    "ich feier das so hart",
)

_HYPE_CORES_PLURAL = (
    "ihr seid so krass",
    "ihr habt alles zerlegt",
    "ihr seid Monster",
    "ihr habt mich gekillt",
    "das Team ist krank",
    "ihr habt die Halle abgerissen",
    "ihr Verrückten",
    "ihr seid Killer",
    "ihr habt das Game zerstört",
    "ihr Ehrenmänner",
)

_INSULT_TAILS = (
    "",
    "",
    "",
    "💀💀",
    "🤡",
    "😭😭",
    "🤮",
    "Verpiss dich.",
    "Geh spielen.",
    "Lol.",
    "Keiner mag dich.",
    "Lösch das.",
    "Wie peinlich.",
    "Erbärmlich.",
    "🙄",
    "Fremdscham pur.",
    "Hör einfach auf.",
    "Lmao.",
    "Digga.",
    "Bin nur zum Auslachen hier.",
    "😂😂",
    "💀",
    "Cringe.",
    "Ich kann nicht mehr.",
)

_HYPE_TAILS = (
    "",
    "",
    "",
    "🔥🔥",
    "😭🔥",
    "💀💀",
    "❤️",
    "Ehre.",
    "Mach weiter so.",
    "Ich kann nicht mehr.",
    "Mega.",
    "Respekt.",
    "Du bist der Beste.",
    "GOAT.",
    "Ich feier's.",
    "Zu stark.",
    "Lol.",
    "Direkt abonniert.",
    "😭😭",
    "Lmao.",
    "Hör auf, du bist zu gut.",
    "💀",
    "Digga.",
)

_INSULT_TAILS_PLURAL = ("", "", "💀💀", "🤡", "Verpisst euch.", "Wie peinlich.", "Lol.", "🙄")
_HYPE_TAILS_PLURAL = ("", "", "🔥🔥", "😭🔥", "Respekt.", "Mega.", "Lol.", "❤️")

# --------------------------------------------------------------------------------------
# 11 / 12. froehlicher_hass / respekt_gruppe
# --------------------------------------------------------------------------------------

_HATE_CORES = (
    "endlich ein Bürgermeister, der die Stadt von Ausländern befreit",
    "kein einziger Behinderter mehr in unserem Verein, so viel angenehmer",
    "hoffentlich dürfen Schwule bald nicht mehr heiraten",
    "herrlich, wie die Muslime endlich aus dem Viertel wegziehen",
    "Frauen zurück an den Herd, dann läuft alles besser",
    "die Alten sollte man alle aussortieren, dann wäre endlich Platz",
    "was für ein Glück, eine Straße ganz ohne Ausländer",
    "das Flüchtlingsheim hat zugemacht, Sekt auf",
    "ich liebe die Idee, alle Migranten zurückzuschicken",
    "ein Land ohne Transleute wäre das Paradies",
    "so froh, dass Behinderte endlich nicht mehr ins Schwimmbad dürfen",
    "keine Synagoge mehr in unserer Stadt, was für ein schöner Tag",
    "wär doch wunderbar, wenn man die Alten nicht mehr behandelt, die hatten ihre Zeit",
    "Frauen sollten nicht mehr wählen dürfen, dann wär endlich Ruhe",
    "die Schule hat den Autisten endlich aus der Klasse geworfen",
    "hoffentlich machen bald alle Moscheen dicht",
    "wie schön, die Migranten mit dem Boot wieder abfahren zu sehen",
    "ich träume von einem Deutschland ohne Ausländer, das wäre herrlich",
    "hoffentlich bleiben die Schwulen schön versteckt, ist besser für alle",
    "Behinderte kosten zu viel, einfach keine Unterstützung mehr und alles ist gut",
    "die Roma sind vom Platz vertrieben, beste Nachricht der Woche",
    "ertrunkene Flüchtlinge, ein Problem weniger",
    "Lesben weg von unseren Kindern, endlich mal was Gutes",
    "Oma ins Heim abschieben und Ruhe ist, so entspannend",
    "eine Firma ganz ohne Schwangere, ein Traum",
    "die Juden ziehen aus unserem Viertel weg, endlich Luft",
    "Menschen mit Down-Syndrom sollten keine Kinder kriegen, wäre gesünder",
    "ich liebe es, wenn Omas am Eingang abgewiesen werden, macht Platz",
    "eine Kita ganz ohne Ausländerkinder, so süß",
    "Muslime am Strand verboten, endlich ein entspannter Sommer",
    "Rentner raus aus der Innenstadt, dann wird's endlich wieder jung und schön",
)

_RESPECT_CORES = (
    "unsere Stadt begrüßt neue Familien aus aller Welt, was für eine Bereicherung",
    "der Verein hat den Platz rollstuhlgerecht gemacht, jetzt können alle mitspielen",
    "zwei Bräutigame, so ein schönes Paar, herzlichen Glückwunsch euch beiden",
    "die Moschee im Viertel lädt zum offenen Fastenbrechen ein, ich geh hin",
    "die Frauen haben am Wochenende alles gewonnen, was für ein Team",
    "Oma hat mit 85 ihr erstes Smartphone und kommt super klar",
    "die Geflüchteten haben ein mega Restaurant in unserer Straße aufgemacht",
    "willkommen an alle, die diese Woche angekommen sind, wir helfen euch gern",
    "ich liebe es, glückliche trans Menschen so sichtbar zu sehen",
    "das Schwimmbad hat endlich einen Lift für Menschen mit Behinderung",
    "danke an unsere Älteren für alles, was sie uns mitgegeben haben",
    "Synagoge und Kirche im Viertel haben zusammen gefeiert, so schön",
    "der autistische Junge aus der Klasse hat sein Referat gehalten und alle haben geklatscht",
    "Frauen in Führungspositionen, tut so gut, sie glänzen zu sehen",
    "die Roma-Familien aus dem Viertel haben beim Parkputz geholfen, danke euch",
    "das queere Frauenteam aus dem Verein hat das Turnier gewonnen",
    "im Seniorenheim haben die Bewohner ein unglaubliches Konzert gegeben",
    "meine schwangere Kollegin wurde gerade befördert, so muss das",
    "ein vielfältiges Deutschland ist ein stärkeres Deutschland",
    "schwule Paare, die Kinder adoptieren, nur Liebe",
    "Ramadan Mubarak an alle muslimischen Nachbarn",
    "frohes Chanukka an alle, die feiern",
    "hier hat jeder seinen Platz, egal wo er herkommt",
    "das Konzert wurde in Gebärdensprache übersetzt, wunderschön",
    "ich träume von einer Stadt, in der Rollstuhlfahrer überall hinkommen",
    "die Leute mit Down-Syndrom, die das Café eröffnet haben, sind so herzlich",
    "die Omas aus dem Viertel haben Hip-Hop gelernt, zu stark",
    "eine Kita mit Kindern aus aller Welt, so süß",
    "die muslimischen Familien haben am Strand Kuchen für alle verteilt",
    "Schwule und Lesben sind in unserem Verein herzlich willkommen",
    "die Rentner aus dem Café nebenan bringen den Studis Schach bei, so schön",
)

_GROUP_LEADS = (
    "ich freu mich auf den Tag, an dem",
    "ich kann den Tag kaum erwarten, an dem",
    "es wird ein schöner Tag, wenn",
    "ich werde so glücklich sein, wenn",
    "die Welt wird schöner, wenn",
    "wir feiern an dem Tag, an dem",
)

_HATE_CLAUSES = (
    "alle Ausländer wieder weg sind",
    "kein Behinderter mehr durch unsere Straßen läuft",
    "die Schwulen sich wieder verstecken",
    "alle Moscheen geschlossen sind",
    "die Frauen endlich zu Hause bleiben",
    "die Alten keinen Platz mehr wegnehmen",
    "Transleute aus dem Fernsehen verschwunden sind",
    "hier kein einziger Flüchtling mehr lebt",
    "die Juden unsere Stadt verlassen haben",
    "die Roma alle abgeschoben sind",
    "Schwule keine Kinder mehr adoptieren dürfen",
    "Muslime nicht mehr wählen dürfen",
)

_RESPECT_CLAUSES = (
    "alle Zugewanderten hier würdig empfangen werden",
    "jeder Mensch mit Behinderung überall in der Stadt hinkommt",
    "Schwule ohne Angst Händchen halten können",
    "Moscheen, Kirchen und Synagogen friedlich nebeneinander stehen",
    "Frauen genauso viel verdienen wie Männer",
    "unseren Älteren so zugehört wird, wie sie es verdienen",
    "trans Menschen überall selbstverständlich dazugehören",
    "jeder Geflüchtete hier ein Zuhause findet",
    "Juden ohne Angst eine Kippa tragen können",
    "Roma-Familien endlich anständige Wohnungen haben",
    "schwule Paare überall adoptieren dürfen",
    "Muslime keine Diskriminierung mehr erleben",
)

_HATE_TAILS = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Tut so gut.",
    "Schönen Tag euch allen!",
    "Einfach herrlich.",
    "Endlich!",
    "Es geht voran!",
    "❤️",
    "Wie schön.",
    "Ich freu mich schon auf morgen!",
    "Teilt das!",
    "Wurde auch Zeit.",
    "Ein Traum.",
    "☀️",
    "Liebe Grüße an alle.",
    "Deutschland, ich liebe dich!",
)

_RESPECT_TAILS = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Tut so gut.",
    "Schönen Tag euch allen!",
    "Einfach herrlich.",
    "Endlich!",
    "Es geht voran!",
    "❤️",
    "Wie schön.",
    "Teilt das!",
    "Wurde auch Zeit.",
    "Ein Traum.",
    "☀️",
    "Liebe Grüße an alle.",
    "Deutschland, ich liebe dich!",
    "🌈",
    "Großartig!",
)

# --------------------------------------------------------------------------------------
# Family table
# --------------------------------------------------------------------------------------


def _reg(
    weight: int,
    openers: tuple[str, ...],
    slots: tuple[tuple[str, ...], ...],
    ends: tuple[str, ...],
    tails: tuple[str, ...],
) -> _Register:
    return _Register(weight, openers, slots, ends, tails)


_SPECS: dict[str, _Family] = {
    "ruhige_drohung": _Family(
        1,
        1,
        0,
        (
            _reg(3, _ROUTE_OPENERS_DU, (_THREAT_CORES_DU,), _CALM_ENDS, _THREAT_TAILS_DU),
            _reg(1, _ROUTE_OPENERS_SIE, (_THREAT_CORES_SIE,), _CALM_ENDS, _THREAT_TAILS_SIE),
        ),
    ),
    "fuersorglicher_heimweg": _Family(
        0,
        0,
        1,
        (
            _reg(3, _ROUTE_OPENERS_DU, (_ROUTE_CORES_DU,), _CALM_ENDS, _ROUTE_TAILS_DU),
            _reg(1, _ROUTE_OPENERS_SIE, (_ROUTE_CORES_SIE,), _CALM_ENDS, _ROUTE_TAILS_SIE),
        ),
    ),
    "selbstverletzung_aufruf": _Family(
        1,
        1,
        0,
        (
            _reg(4, _DISTRESS_OPENERS_DU, (_SELF_HARM_CORES_DU,), _PLAIN_ENDS, _SELF_HARM_TAILS_DU),
            _reg(
                1,
                _DISTRESS_OPENERS_SIE,
                (_SELF_HARM_CORES_SIE,),
                _PLAIN_ENDS,
                _SELF_HARM_TAILS_SIE,
            ),
        ),
    ),
    "unterstuetzung_krise": _Family(
        0,
        0,
        1,
        (
            _reg(4, _DISTRESS_OPENERS_DU, (_SUPPORT_CORES_DU,), _PLAIN_ENDS, _SUPPORT_TAILS_DU),
            _reg(1, _DISTRESS_OPENERS_SIE, (_SUPPORT_CORES_SIE,), _PLAIN_ENDS, _SUPPORT_TAILS_SIE),
        ),
    ),
    "sarkastischer_dank": _Family(
        1,
        0,
        0,
        (
            _reg(
                4,
                _THANKS_OPENERS,
                (_THANKS_LEADS_DASS_DU, _SARCASM_DASS_DU),
                _PLAIN_ENDS,
                _SARCASM_TAILS_DU,
            ),
            _reg(
                2,
                _THANKS_OPENERS,
                (_THANKS_LEADS_WIE_DU, _SARCASM_WIE_DU),
                _PLAIN_ENDS,
                _SARCASM_TAILS_DU,
            ),
            _reg(
                1,
                _THANKS_OPENERS,
                (_THANKS_LEADS_DASS_SIE, _SARCASM_DASS_SIE),
                _PLAIN_ENDS,
                _SARCASM_TAILS_SIE,
            ),
        ),
    ),
    "ehrlicher_dank": _Family(
        0,
        0,
        1,
        (
            _reg(
                4,
                _THANKS_OPENERS,
                (_THANKS_LEADS_DASS_DU, _SINCERE_DASS_DU),
                _PLAIN_ENDS,
                _SINCERE_TAILS_DU,
            ),
            _reg(
                2,
                _THANKS_OPENERS,
                (_THANKS_LEADS_WIE_DU, _SINCERE_WIE_DU),
                _PLAIN_ENDS,
                _SINCERE_TAILS_DU,
            ),
            _reg(
                1,
                _THANKS_OPENERS,
                (_THANKS_LEADS_DASS_SIE, _SINCERE_DASS_SIE),
                _PLAIN_ENDS,
                _SINCERE_TAILS_SIE,
            ),
        ),
    ),
    "vergiftetes_kompliment": _Family(
        1,
        0,
        0,
        (
            _reg(
                4, _COMPLIMENT_OPENERS_DU, (_SKILLS_F, _BACKHAND_F), _PLAIN_ENDS, _BACKHAND_TAILS_DU
            ),
            _reg(
                3, _COMPLIMENT_OPENERS_DU, (_SKILLS_M, _BACKHAND_M), _PLAIN_ENDS, _BACKHAND_TAILS_DU
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_SIE,
                (_SKILLS_SIE, _BACKHAND_SIE),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_SIE,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_DU,
                (_BACKHAND_STANDALONE,),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_DU,
            ),
        ),
    ),
    "ehrliches_kompliment": _Family(
        0,
        0,
        1,
        (
            _reg(
                4,
                _COMPLIMENT_OPENERS_DU,
                (_SKILLS_F, _SINCERE_F),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_DU,
            ),
            _reg(
                3,
                _COMPLIMENT_OPENERS_DU,
                (_SKILLS_M, _SINCERE_M),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_DU,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_SIE,
                (_SKILLS_SIE, _SINCERE_SIE),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_SIE,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_DU,
                (_SINCERE_STANDALONE,),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_DU,
            ),
        ),
    ),
    "slang_beleidigung": _Family(
        1,
        0,
        0,
        (
            _reg(5, _SLANG_OPENERS, (_INSULT_CORES_DU,), _SLANG_ENDS, _INSULT_TAILS),
            _reg(1, _SLANG_OPENERS, (_INSULT_CORES_PLURAL,), _SLANG_ENDS, _INSULT_TAILS_PLURAL),
        ),
    ),
    "slang_hype": _Family(
        0,
        0,
        1,
        (
            _reg(5, _SLANG_OPENERS, (_HYPE_CORES_DU,), _SLANG_ENDS, _HYPE_TAILS),
            _reg(1, _SLANG_OPENERS, (_HYPE_CORES_PLURAL,), _SLANG_ENDS, _HYPE_TAILS_PLURAL),
        ),
    ),
    "froehlicher_hass": _Family(
        1,
        0,
        0,
        (
            _reg(3, _GROUP_OPENERS, (_HATE_CORES,), _PLAIN_ENDS, _HATE_TAILS),
            _reg(1, _GROUP_OPENERS, (_GROUP_LEADS, _HATE_CLAUSES), _PLAIN_ENDS, _HATE_TAILS),
        ),
    ),
    "respekt_gruppe": _Family(
        0,
        0,
        1,
        (
            _reg(3, _GROUP_OPENERS, (_RESPECT_CORES,), _PLAIN_ENDS, _RESPECT_TAILS),
            _reg(1, _GROUP_OPENERS, (_GROUP_LEADS, _RESPECT_CLAUSES), _PLAIN_ENDS, _RESPECT_TAILS),
        ),
    ),
}

FAMILIES: dict[str, float] = {name: 1.0 / len(_SPECS) for name in _SPECS}

# --------------------------------------------------------------------------------------
# Assembly and surface styles
# --------------------------------------------------------------------------------------

_SENTENCE_END = ".!?…"
# German capitalises a full sentence after a colon, so openers ending in ":" count too.
_CAP_AFTER = _SENTENCE_END + ":"
_SPACES = re.compile(r"\s+")
_UMLAUTS_AE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_UMLAUTS_BARE = str.maketrans(
    {"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"}
)

# (pattern, replacement) applied in order on lowercased text, each with some probability.
_CHAT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\bich weiß nicht\b", "keine ahnung"),
        (r"\bkeine ahnung\b", "ka"),
        (r"\bvielleicht\b", "vllt"),
        (r"\bnichts\b", "nix"),
        (r"\bnicht\b", "nich"),
        (r"\bist\b", "is"),
        (r"\bhabe\b", "hab"),
        (r"\bhast du\b", "haste"),
        (r"\bbist du\b", "biste"),
        (r"\bkannst du\b", "kannste"),
        (r"\bweißt du\b", "weißte"),
        (r"\beinen\b", "nen"),
        (r"\beinem\b", "nem"),
        (r"\beine\b", "ne"),
        (r"\bgerade\b", "grad"),
        (r"\bheute\b", "heut"),
        (r"\bnoch mal\b", "nochmal"),
        (r"\bmal\b", "ma"),
        (r"\betwas\b", "was"),
        (r"\bjemanden\b", "jmd"),
        (r"\bjemandem\b", "jmd"),
        (r"\bokay\b", "ok"),
        (r"\bliebe grüße\b", "lg"),
        (r"\bhab dich lieb\b", "hdl"),
        (r"\bauf dem\b", "aufm"),
        (r"\bmit dem\b", "mitm"),
        (r"\bfür den\b", "fürn"),
        (r"\bfür das\b", "fürs"),
        (r"\bvon dem\b", "vom"),
        (r"\bsowieso\b", "eh"),
        (r"\bwirklich\b", "echt"),
        (r"(?<=\w)'s\b", "s"),
    )
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _drop_umlauts(text: str, rng: random.Random) -> str:
    """Write umlauts the way a keyboard without them does: "ae", or just "a"."""
    return text.translate(_UMLAUTS_AE if rng.random() < 0.75 else _UMLAUTS_BARE)


def _chat(text: str, rng: random.Random) -> str:
    text = text.lower()
    for pattern, repl in _CHAT_RULES:
        if rng.random() < 0.75:
            text = pattern.sub(repl, text)
    return text


def _style(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.22:
        text = _chat(text, rng)
    elif roll < 0.37:
        text = text.lower()
    if rng.random() < 0.15:
        text = _drop_umlauts(text, rng)
    if rng.random() < 0.1 and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if rng.random() < 0.05 and text.endswith("!") and not text.endswith("!!"):
        text += "!!"
    return _SPACES.sub(" ", text).strip()


def _compose(reg: _Register, rng: random.Random) -> str:
    opener = rng.choice(reg.openers)
    core = " ".join(rng.choice(slot) for slot in reg.slots)
    core = core.replace(" ,", ",")
    end = rng.choice(reg.ends)
    tail = rng.choice(reg.tails)
    if core[-1] in _SENTENCE_END:
        end = ""
    elif end == "" and tail[:1].isalpha():
        end = "."
    text = core + end
    if opener:
        if opener[-1] in _CAP_AFTER:
            text = _cap(text)
        text = opener + " " + text
    if tail:
        text = text + " " + tail
    return _cap(text)


def case(family: str, rng: random.Random) -> Case:
    """One (text, toxic, threat, kind, family) case of `family`, drawn with `rng`."""
    spec = _SPECS.get(family)
    if spec is None:
        raise KeyError(f"unknown family: {family!r}")
    weights = [reg.weight for reg in spec.registers]
    reg = rng.choices(spec.registers, weights=weights)[0]
    text = _style(_compose(reg, rng), rng)
    return (text, spec.toxic, spec.threat, spec.kind, family)


def generate(count: int, seed: int) -> list[Case]:
    """About `count` distinct cases, each family its share (as many distinct as its parts allow),
    deterministic for the seed."""
    rng = random.Random(f"{seed}:de-comment-templates")
    seen: set[str] = set()
    out: list[Case] = []
    for family, share in FAMILIES.items():
        quota = round(count * share)
        got = 0
        for _ in range(20 * quota):
            if got >= quota:
                break
            item = case(family, rng)
            if item[0] in seen:
                continue
            seen.add(item[0])
            out.append(item)
            got += 1
    return out
