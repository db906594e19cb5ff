"""Hand-written French cases for the multilingual heads: what the public sources lack there.

Content warning: the templates hold insults, threats and hateful statements, written for this
project (never copied from a test file or a data set) to teach what the sources do not show.
The French adversarial dev cases (``bench/adversarial_dev.jsonl``, families ``fr:*``) are worded
separately.

No French source has threat labels, kind text or sarcasm, and the threat head trained on English
rows barely transfers (a calm "I will find you and hurt you" in French scored threat 0.03). Each
case is ``(text, toxic, threat, kind, family)``:

* ``threat`` / ``self_harm``: calm threats and self-harm incitement, built from parts: toxic
  and threat;
* ``near_threat``: neutral openings (never a veiled threat) with a harmless ending of the same
  shape ("je passerai chez toi samedi pour te rendre ton livre"): neither, so the head learns the
  harm, not the sentence shape;
* ``sarcastic``: a thank-you that ends in an insult: toxic, not kind;
* ``cheerful_hate``: cheerful words about harm to a group: toxic, not kind;
* ``kind``: thanks, praise, support and encouragement toward someone: kind.
"""

from __future__ import annotations

import random

FAMILIES = {"threat": 0.22, "self_harm": 0.08, "near_threat": 0.2, "sarcastic": 0.12,
            "cheerful_hate": 0.1, "kind": 0.28}  # fmt: skip

YOU = ["", "Écoute-moi bien. ", "Je te préviens, ", "Tu sais quoi ? ", "Sérieusement, ",
       "Bonne soirée. ", "Juste pour que tu saches, "]  # fmt: skip
WHEN = [
    "je vais te retrouver",
    "je sais où tu habites",
    "un de ces soirs, je passerai chez toi",
    "attends que je te croise dans la rue",
    "continue de poster",
    "à la sortie de l'école, je t'attendrai",
    "on va te trouver, toi et ta famille,",
    "je connais ton adresse",
]
HARM = ["et je vais te faire du mal", "et tu vas souffrir", "et je vais te casser les dents",
        "et tu ne marcheras plus jamais", "et tu vas regretter d'être né", "et personne ne "
        "t'entendra crier", "et ce sera ta dernière vidéo", "et on réglera ça avec un couteau",
        "et tu finiras à l'hôpital", "et je te ferai taire pour de bon"]  # fmt: skip
# Harmless twins: neutral openings (never a veiled threat), the same kind of ending.
NEAR_YOU = ["", "Tu sais quoi ? ", "Bonne soirée. ", "Coucou ! "]
NEAR_WHEN = ["je passerai chez toi samedi", "on se voit après les cours", "je viendrai à ton "
             "spectacle", "demain soir, je passerai te voir", "à la sortie du travail, je "
             "t'attendrai devant le café", "je t'appelle ce week-end"]  # fmt: skip
HARMLESS = ["pour te remercier en personne", "et je t'offrirai un café", "pour fêter ça "
            "ensemble", "avec un gâteau pour ton anniversaire", "pour te rendre ton livre",
            "et on discutera de ton projet", "pour t'aider à déménager", "et je te présenterai "
            "mes amis", "pour te féliciter", "et on ira courir ensemble"]  # fmt: skip
SELF_HARM = ["Tu devrais te tuer, franchement.", "Personne ne te regretterait si tu disparaissais.",
             "Fais-nous une faveur et mets fin à tes jours.", "Le monde irait mieux sans toi, "
             "va te pendre.", "Arrête de respirer, ça rendra service à tout le monde.",
             "Saute d'un pont, on ne t'en voudra pas.", "Tu n'as qu'à en finir, personne ne "
             "pleurera."]  # fmt: skip
THANKS = ["Merci beaucoup", "Merci pour ta vidéo", "Un grand merci", "Merci d'avoir partagé ça",
          "Bravo et merci"]  # fmt: skip
INSULT = [
    "espèce d'imbécile",
    "pauvre nul",
    "sale incapable",
    "tu es une honte",
    "bouffon",
    "personne ne te supporte",
    "retourne dans ton trou",
    "quelle perte de temps, abruti",
]
GROUP = ["les immigrés", "les musulmans", "les juifs", "les homosexuels", "les handicapés",
         "les femmes", "les Roms", "les Noirs", "les personnes trans"]  # fmt: skip
CHEER = ["Super nouvelle :", "Quelle belle journée :", "Enfin une bonne nouvelle :", "Trop bien :",
         "J'adore :"]  # fmt: skip
HATE = ["{g} vont enfin quitter le pays", "on devrait enfermer {g} dans des camps",
        "{g} ne méritent pas de vivre parmi nous", "un monde sans {g} serait parfait",
        "il faut se débarrasser {de_g} une bonne fois pour toutes", "{g} sont des parasites "
        "et ça se voit"]  # fmt: skip
KIND = ["Merci pour ton aide hier, tu m'as vraiment sauvé la journée.", "Ta vidéo m'a donné le "
        "sourire, merci de partager ta bonne humeur.", "Je suis tellement fière de toi, tu as "
        "travaillé dur pour ça.", "Courage, tu vas y arriver, on est tous derrière toi.",
        "Tu es une personne formidable, ne change jamais.", "Bravo pour ton diplôme, tu le "
        "mérites !", "Merci à l'infirmière qui a pris soin de ma grand-mère avec tant de "
        "douceur.", "Ton message m'a beaucoup touché, merci d'être là.", "Félicitations pour "
        "ce magnifique projet, c'est inspirant.", "Prends soin de toi, je pense fort à toi.",
        "Quel talent ! Continue comme ça, tu nous inspires.", "Merci au voisin qui a déneigé "
        "mon allée ce matin, quel geste adorable.", "Tu as été d'une patience incroyable avec "
        "moi, merci du fond du cœur.", "Je crois en toi, tu peux le faire !", "Bienvenue dans "
        "l'équipe, on est ravis de t'avoir avec nous."]  # fmt: skip
KIND_OPEN = ["Merci", "Un immense merci", "Merci du fond du cœur", "Mille mercis"]
KIND_WHY = ["pour ton aide hier", "pour ta patience avec moi", "pour cette belle vidéo",
            "d'avoir pris soin de ma mère", "pour ton message si gentil", "pour tout ce que tu "
            "fais pour le quartier", "d'avoir cru en moi", "pour tes conseils"]  # fmt: skip
KIND_END = [".", ", tu es formidable.", ", ça m'a fait chaud au cœur.", ", tu m'as redonné le "
            "sourire.", " !"]  # fmt: skip
TAILS = ["", "", " 🙂", " ❤️", " #gentillesse", " Bonne journée à tous !", " Bisous."]


def case(family: str, rng: random.Random) -> tuple[str, int, int, int, str]:
    if family == "threat":
        opening, when = rng.choice(YOU), rng.choice(WHEN)
        text = f"{opening}{when} {rng.choice(HARM)}."
        return _sentence(text) + rng.choice(TAILS), 1, 1, 0, family
    if family == "near_threat":
        opening, when = rng.choice(NEAR_YOU), rng.choice(NEAR_WHEN)
        text = f"{opening}{when} {rng.choice(HARMLESS)}."
        return _sentence(text) + rng.choice(TAILS), 0, 0, 0, family
    if family == "self_harm":
        return rng.choice(SELF_HARM) + rng.choice(TAILS), 1, 1, 0, family
    if family == "sarcastic":
        return f"{rng.choice(THANKS)}, {rng.choice(INSULT)}.{rng.choice(TAILS)}", 1, 0, 0, family
    if family == "cheerful_hate":
        group = rng.choice(GROUP)
        de_group = "des" + group[3:] if group.startswith("les ") else f"de {group}"
        hate = rng.choice(HATE).format(g=group, de_g=de_group)
        return f"{rng.choice(CHEER)} {hate} !{rng.choice(TAILS)}", 1, 0, 0, family
    if rng.random() < 0.5:
        text = f"{rng.choice(KIND_OPEN)} {rng.choice(KIND_WHY)}{rng.choice(KIND_END)}"
    else:
        text = rng.choice(KIND)
    return text + rng.choice(TAILS), 0, 0, 1, family


def _sentence(text: str) -> str:
    """A capital at the start and after a full stop or question mark inside."""
    parts = text.split(". ")
    parts = [part[:1].upper() + part[1:] for part in parts]
    text = ". ".join(parts)
    return "? ".join(part[:1].upper() + part[1:] for part in text.split("? "))


def generate(count: int, seed: int) -> list[tuple[str, int, int, int, str]]:
    """About ``count`` distinct cases, each family its share (as many distinct ones as its
    templates allow), deterministic for the seed."""
    rng = random.Random(f"{seed}:multilingual-augment")
    out: dict[str, tuple] = {}
    for family, share in FAMILIES.items():
        quota, found = round(count * share), 0
        for _ in range(20 * quota):
            if found == quota:
                break
            text, *rest = case(family, rng)
            if text not in out:
                out[text] = (text, *rest)
                found += 1
    return list(out.values())
