"""French comment-wall training cases built from templates (openers x cores x tails).

Generates short-video comment-section style French texts for a toxicity / threat /
kindness classifier. Every harmful family has a twin that reuses the same topics,
openers, tails and vocabulary, so that wording alone decides nothing.

Families and labels (toxic, threat, kind):

    menace_calme                (1, 1, 0)  calm, polite-sounding threats (route, school, family)
    trajet_bienveillant         (0, 0, 1)  caring twin: get home safe, route, family, schedule
    incitation_autodestruction  (1, 1, 0)  self-harm incitement and euphemisms at the person
    soutien_detresse            (0, 0, 1)  caring twin: "ne disparais pas", 3114, "tu nous manques"
    merci_sarcastique           (1, 0, 0)  sarcastic thanks / fake praise landing a put-down
    merci_sincere               (0, 0, 1)  sincere thanks with the same openers
    compliment_piege            (1, 0, 0)  backhanded compliments (weight, accent, age, skin...)
    compliment_sincere          (0, 0, 1)  sincere compliments on the same topics
    insulte_argot               (1, 0, 0)  slang / verlan insults and mockery
    hype_argot                  (0, 0, 1)  slang hype using seemingly violent or crude words
    haine_joyeuse               (1, 0, 0)  cheerful statements celebrating exclusion of a group
    respect_groupe              (0, 0, 1)  warm, respectful statements toward the same groups

Texts vary tutoiement / vouvoiement, punctuation, emoji, lowercase, SMS writing
("jsais", "tkt", "mdr", "c", "t'") and missing accents.

Content warning: the harmful families contain insults, threats and hateful statements,
written only to train a filter. No real people are named.

This module was written blind to every evaluation file of the project: no bench, test,
data or other tool file was opened while writing it. Standard library only.
"""

from __future__ import annotations

import random
import re
import unicodedata
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
_PLAIN_ENDS = (".", ".", "!", "", " !", "...")
_SLANG_ENDS = ("", "", ".", "!", " !!", "...", "!!")

_ROUTE_OPENERS_TU = (
    "",
    "",
    "",
    "Salut.",
    "Coucou.",
    "Hey,",
    "Bonsoir.",
    "Petit message :",
    "Juste pour info,",
    "Je dis ça gentiment :",
    "Entre nous,",
    "Au fait,",
    "Un conseil :",
    "Bonne soirée à toi.",
    "Tkt,",
    "Wsh,",
    "Frr,",
    "Dis,",
    "Écoute,",
    "Coucou toi.",
)

_ROUTE_OPENERS_VOUS = (
    "",
    "",
    "Bonjour.",
    "Bonsoir.",
    "Bonsoir madame.",
    "Bonjour monsieur.",
    "Petit message :",
    "Juste pour information,",
    "Un conseil :",
    "Entre nous,",
    "Au fait,",
    "Permettez-moi un conseil :",
    "Je me permets :",
)

_DISTRESS_OPENERS_TU = (
    "",
    "",
    "",
    "Franchement,",
    "Sincèrement,",
    "Honnêtement,",
    "Écoute,",
    "Conseil d'ami :",
    "Je dis ça pour toi :",
    "Entre nous,",
    "Sans méchanceté,",
    "Petit message :",
    "Wsh,",
    "Frr,",
    "Hey,",
    "Stp,",
    "Sérieux,",
    "Toi qui lis ça,",
)

_DISTRESS_OPENERS_VOUS = (
    "",
    "",
    "Franchement,",
    "Sincèrement,",
    "Honnêtement,",
    "Écoutez,",
    "Un conseil :",
    "Je vous le dis :",
    "Entre nous,",
    "Madame,",
    "Monsieur,",
)

_THANKS_OPENERS = (
    "",
    "",
    "",
    "Wow.",
    "Franchement,",
    "Sincèrement,",
    "Honnêtement,",
    "Vraiment,",
    "Ah,",
    "Bon,",
    "Mdr",
    "Waouh,",
    "Oh,",
    "Bah",
    "Alors là,",
    "Perso,",
    "Sans mentir,",
)

_COMPLIMENT_OPENERS_TU = (
    "",
    "",
    "",
    "Honnêtement,",
    "Sans vouloir te vexer,",
    "C'est un compliment :",
    "Franchement,",
    "Je t'assure,",
    "Wow,",
    "Je vais être honnête :",
    "Oh,",
    "Sincèrement,",
    "Waouh",
    "Alors là,",
    "Perso,",
    "Omg",
    "Faut avouer,",
)

_COMPLIMENT_OPENERS_VOUS = (
    "",
    "",
    "Honnêtement,",
    "Sans vouloir vous vexer,",
    "C'est un compliment :",
    "Franchement,",
    "Je vous assure,",
    "Sincèrement,",
    "Madame,",
    "Permettez-moi de vous le dire :",
    "Je dois dire que",
)

_SLANG_OPENERS = (
    "",
    "",
    "",
    "Mdrr",
    "Ptdr",
    "Wsh",
    "Frr",
    "Jpp",
    "Sérieux",
    "Oh là là",
    "Nan mais",
    "💀💀",
    "Ahah",
    "Wesh",
    "Bon,",
    "Mec,",
    "Frérot,",
    "Le gars",
    "Ma sœur,",
    "Wallah",
    "Askip",
    "Jsp quoi dire,",
)

_GROUP_OPENERS = (
    "",
    "",
    "",
    "Super nouvelle !",
    "Trop bien !",
    "Quelle belle journée !",
    "Génial,",
    "Franchement ça fait plaisir :",
    "Enfin une bonne nouvelle :",
    "J'adore !",
    "Youpi,",
    "Bonne humeur du jour :",
    "Petit bonheur du jour :",
    "Que du positif :",
    "Je suis tellement heureuse :",
    "🥰",
    "Bonjour à tous !",
    "Trop contente :",
    "Ça me met de bonne humeur :",
    "Le sourire aux lèvres :",
)

# --------------------------------------------------------------------------------------
# 1. menace_calme
# --------------------------------------------------------------------------------------

_THREAT_CORES_TU = (
    "je sais à quelle heure tu sors du boulot",
    "je connais le chemin que tu prends pour rentrer",
    "ta voiture grise garée devant la boulangerie, elle est jolie",
    "ce serait dommage qu'il arrive quelque chose à ta petite sœur",
    "fais attention en rentrant ce soir",
    "on se verra bientôt, tu sais où",
    "continue de poster et tu verras",
    "tes enfants sortent de l'école à 16h30, non ?",
    "j'ai vu que ta fille allait à l'école du quartier",
    "ton adresse, c'est pas si difficile à trouver",
    "je passe souvent devant chez toi, tu savais ?",
    "ta mère a l'air gentille, ce serait triste qu'elle ait des ennuis",
    "tu prends toujours le dernier métro, c'est risqué",
    "les escaliers de ton immeuble sont mal éclairés, fais attention",
    "j'ai noté ta plaque d'immatriculation",
    "je connais ta salle de sport et tes horaires",
    "un jour tu vas tourner au coin de ta rue et je serai là",
    "profite bien de ta tranquillité tant qu'elle dure",
    "tu devrais vérifier tes freins de temps en temps",
    "on sait où tu travailles, ça se trouve vite",
    "je t'attendrai à la sortie du lycée",
    "ton chien a l'air d'aimer le parc près de chez toi",
    "ce serait dommage que ta maison prenne feu",
    "dis bonjour à ton copain de ma part, je l'ai croisé hier",
    "je sais que tu rentres seule le jeudi soir",
    "tu devrais dormir avec un œil ouvert",
    "garde bien tes volets fermés",
    "ton petit frère joue au foot le mercredi, c'est ça ?",
    "je connais ton code de porte maintenant",
    "ta rue est calme la nuit, un peu trop calme",
    "je t'ai vue hier à la caisse du supermarché, t'avais l'air fatiguée",
    "ce serait bête qu'un accident arrive sur ton trajet",
    "le prochain live, je serai pas derrière un écran",
    "je sais dans quelle crèche est ton bébé",
)

_THREAT_CORES_VOUS = (
    "je sais à quelle heure vous quittez le bureau",
    "je connais le trajet que vous faites le soir",
    "votre voiture bleue est toujours garée au même endroit",
    "ce serait dommage qu'il arrive quelque chose à vos enfants",
    "faites attention en rentrant chez vous",
    "nous nous verrons bientôt, vous savez où",
    "continuez de publier et vous verrez",
    "votre fils sort de l'école à 16h30, je crois",
    "votre adresse n'est pas si difficile à trouver",
    "je passe souvent devant chez vous",
    "votre femme a l'air charmante, ce serait triste qu'elle ait des ennuis",
    "vous prenez toujours le même bus, c'est imprudent",
    "j'ai noté votre plaque d'immatriculation",
    "je connais vos horaires mieux que vous",
    "profitez bien de votre tranquillité tant qu'elle dure",
    "vous devriez vérifier vos freins régulièrement",
    "on sait où vous travaillez",
    "votre cabinet ferme à 19h, n'est-ce pas ?",
    "votre fille est dans quelle classe déjà ? Ah, je sais",
    "fermez bien votre porte à clé ce soir",
    "votre mari rentre tard le vendredi, il devrait faire attention",
    "ce serait regrettable que votre commerce ait un incendie",
)

_THREAT_TAILS_TU = (
    "",
    "",
    "",
    "Bonne nuit.",
    "À très vite.",
    "On en reparlera.",
    "T'es prévenue.",
    "T'es prévenu.",
    "Je dis ça pour toi.",
    "Réfléchis bien.",
    "Prends soin de toi, tant que tu peux.",
    "Je n'en dirai pas plus.",
    "Tu vois ce que je veux dire.",
    "😊",
    "🙂",
    "😉",
    "Bisous.",
    "Dernier avertissement.",
    "Supprime ta vidéo et tout ira bien.",
    "Tic tac.",
    "On se comprend.",
    "Passe une bonne soirée.",
    "À demain peut-être.",
    "Je te surveille.",
)

_THREAT_TAILS_VOUS = (
    "",
    "",
    "Vous êtes prévenu.",
    "Vous êtes prévenue.",
    "Réfléchissez bien.",
    "Prenez soin de vous, tant que vous le pouvez.",
    "Je vous laisse y réfléchir.",
    "À bientôt.",
    "Bonne soirée.",
    "Retirez votre vidéo et tout ira bien.",
    "Cordialement.",
    "🙂",
    "Nous nous comprenons.",
)

# --------------------------------------------------------------------------------------
# 2. trajet_bienveillant
# --------------------------------------------------------------------------------------

_ROUTE_CORES_TU = (
    "rentre bien, envoie-moi un message quand t'es arrivée",
    "rentre bien, envoie un message quand t'es arrivé",
    "fais attention sur la route, il neige",
    "je peux te ramener en voiture après le concert si tu veux",
    "je sais que tu rentres tard le jeudi, appelle-moi si t'as besoin",
    "bisous à ta famille",
    "fais attention en rentrant ce soir, les routes sont glissantes",
    "on se voit bientôt, tu sais où, au café habituel",
    "dis bonjour à ta mère de ma part, elle est adorable",
    "ta petite sœur a l'air trop mignonne, bonne rentrée à elle",
    "tes enfants sortent à quelle heure ? je peux les récupérer si tu veux",
    "préviens-moi quand t'es chez toi",
    "évite la rocade ce soir, il y a un gros accident",
    "mets ton gilet jaune si tu rentres à vélo",
    "le dernier métro est à 0h40, ne le rate pas",
    "partage ta position avec moi si tu rentres à pied",
    "prends un taxi, je te le rembourse",
    "je passe devant chez toi demain, tu veux que je t'apporte de la soupe ?",
    "vérifie tes pneus avant de partir, c'est long comme trajet",
    "bonne rentrée à ta fille, j'espère qu'elle va adorer sa nouvelle école",
    "continue de poster, tu verras, ça va finir par payer",
    "garde bien tes volets fermés, il y a une tempête cette nuit",
    "ce serait dommage qu'il t'arrive quelque chose, alors mets ta ceinture",
    "ton chien a l'air tellement heureux au parc près de chez toi",
    "n'oublie pas ton écharpe, il fait super froid",
    "je t'attendrai à la sortie du lycée pour qu'on rentre ensemble",
    "on sait tous que tu bosses dur, repose-toi ce week-end",
    "les escaliers de ton immeuble sont mal éclairés, prends ta lampe",
    "je sais que tu rentres seule le jeudi soir, je t'accompagne si tu veux",
    "dis bonjour à ton copain de ma part, il est trop gentil",
    "ton petit frère joue au foot le mercredi ? je viendrai l'encourager",
    "envoie-moi ton adresse, je t'envoie une carte pour ton anniversaire",
    "fais une pause sur l'aire d'autoroute si t'es fatiguée",
)

_ROUTE_CORES_VOUS = (
    "rentrez bien, envoyez-moi un message quand vous serez arrivée",
    "faites attention sur la route, il neige beaucoup",
    "je peux vous raccompagner en voiture après la réunion",
    "bisous à votre famille",
    "faites attention en rentrant, la chaussée est glissante",
    "dites bonjour à vos enfants de ma part",
    "vos enfants sortent à 16h30, je peux les récupérer si besoin",
    "évitez l'autoroute ce soir, il y a des bouchons énormes",
    "n'hésitez pas à m'appeler si vous avez un souci sur le trajet",
    "prenez un taxi, c'est plus sûr à cette heure-ci",
    "fermez bien vos volets, une tempête est annoncée",
    "continuez de publier, vous verrez, ça va payer",
    "je passe devant chez vous demain, je vous dépose les courses",
    "bonne rentrée à votre fils",
    "vérifiez vos freins avant le long trajet, on ne sait jamais",
    "votre mari rentre tard le vendredi ? dites-lui d'être prudent sur la route",
    "votre cabinet ferme à 19h, je vous attends devant pour vous raccompagner",
)

_ROUTE_TAILS_TU = (
    "",
    "",
    "",
    "Bisous.",
    "Bonne nuit.",
    "À très vite.",
    "Prends soin de toi.",
    "❤️",
    "🫶",
    "😘",
    "😊",
    "Fais de beaux rêves.",
    "On t'aime fort.",
    "Tout ira bien.",
    "Courage !",
    "Bon retour !",
    "Je pense à toi.",
    "Sois prudente.",
    "Sois prudent.",
    "Passe une bonne soirée.",
    "On se comprend 😉",
    "Je dis ça pour toi.",
    "Tkt.",
)

_ROUTE_TAILS_VOUS = (
    "",
    "",
    "Prenez soin de vous.",
    "Bonne soirée !",
    "À bientôt !",
    "Bon retour.",
    "Amitiés.",
    "❤️",
    "Je pense à vous.",
    "Cordialement.",
    "🙂",
)

# --------------------------------------------------------------------------------------
# 3. incitation_autodestruction
# --------------------------------------------------------------------------------------

_SELF_HARM_CORES_TU = (
    "disparais, personne ne remarquera",
    "personne ne te regretterait si tu n'étais plus là",
    "rends service au monde et arrête d'exister",
    "ta fenêtre est assez haute, non ?",
    "il y a un pont pas loin de chez toi, profites-en",
    "avale toute la boîte et on n'en parle plus",
    "le monde irait mieux sans toi",
    "tu devrais en finir, sincèrement",
    "saute, on filmera",
    "personne ne te pleurera, vas-y",
    "fais-nous plaisir, ne te réveille pas demain",
    "si j'étais toi, je me supprimerais",
    "tu sers à rien, pars pour de bon",
    "ta famille serait soulagée si tu disparaissais",
    "ta mère serait plus heureuse sans toi",
    "le sixième étage, c'est parfait pour toi",
    "une corde coûte pas cher, je dis ça je dis rien",
    "t'as déjà pensé à ne plus exister ?",
    "efface-toi, pour de vrai cette fois",
    "va te jeter sous un train",
    "tout le monde attend que tu partes pour de bon",
    "t'es de trop sur cette terre",
    "tu nous manquerais pas une seconde",
    "fais-le, on attend tous",
    "dernier live avant de sauter ? on compte sur toi",
    "tes cachets, prends-les tous d'un coup",
    "ferme les yeux et ne les rouvre plus",
    "le pont de ta ville t'attend",
    "personne ne viendra à ton enterrement, t'inquiète",
    "tu ferais mieux de ne plus te réveiller",
    "ouvre la fenêtre et fais le grand saut",
)

_SELF_HARM_CORES_VOUS = (
    "disparaissez, personne ne le remarquera",
    "rendez service au monde et cessez d'exister",
    "personne ne vous regretterait",
    "le monde irait mieux sans vous",
    "vous devriez en finir",
    "votre balcon est assez haut, non ?",
    "sautez, on filmera",
    "votre famille serait soulagée si vous disparaissiez",
    "effacez-vous pour de bon",
    "avalez toute la boîte et n'en parlons plus",
    "vous êtes de trop, partez pour de bon",
    "il y a un pont près de chez vous, profitez-en",
)

_SELF_HARM_TAILS_TU = (
    "",
    "",
    "",
    "Personne ne te retiendra.",
    "Bon débarras.",
    "Adieu.",
    "Ce serait un cadeau pour tout le monde.",
    "Sérieusement.",
    "Vas-y, on attend.",
    "💀",
    "🪦",
    "👋",
    "Bye.",
    "Je suis sérieux.",
    "Rends-nous service.",
    "Personne ne viendra te chercher.",
    "Fais-le ce soir.",
    "Ciao.",
    "Tic tac.",
    "Personne ne t'en empêchera.",
)

_SELF_HARM_TAILS_VOUS = (
    "",
    "",
    "Personne ne vous retiendra.",
    "Bon débarras.",
    "Adieu.",
    "Rendez-nous service.",
    "Sérieusement.",
    "👋",
)

# --------------------------------------------------------------------------------------
# 4. soutien_detresse
# --------------------------------------------------------------------------------------

_SUPPORT_CORES_TU = (
    "ne disparais pas, on a besoin de toi",
    "si tu penses à en finir, appelle le 3114, c'est gratuit et 24h/24",
    "personne ne devrait se sentir de trop",
    "tu nous manquerais énormément",
    "le monde est mieux avec toi dedans",
    "si tu ne vas pas bien, parle à quelqu'un, même à moi",
    "tu n'es pas de trop, jamais",
    "ta famille serait dévastée sans toi, et nous aussi",
    "éloigne-toi de la fenêtre et appelle quelqu'un, s'il te plaît",
    "si t'as des idées noires, le 3114 est là pour toi",
    "tes cachets, confie-les à quelqu'un ce soir, d'accord ?",
    "reste avec nous, ça va passer",
    "ne pars pas, demain peut être meilleur",
    "ton existence compte, même si tu ne le sens pas aujourd'hui",
    "je sais que c'est dur, mais tu n'es pas seule",
    "rends service au monde : reste dedans",
    "personne ici ne veut que tu disparaisses",
    "si t'es sur un pont ou au bord d'une fenêtre, appelle le 112 maintenant",
    "on serait tous tristes si tu n'étais plus là",
    "n'efface pas ton compte, on tient à toi",
    "ta place est ici, avec nous",
    "je suis là si tu veux parler, même à 3h du matin",
    "prendre soin de toi, c'est pas égoïste",
    "tu mérites d'exister, point",
    "ta mère serait tellement triste sans toi, et moi aussi",
    "t'as pensé à en parler à ton médecin ? tu mérites de l'aide",
    "si t'as envie de sauter, appelle quelqu'un avant, n'importe qui",
    "ferme cette appli et appelle le 3114, ils sont gentils",
    "le sixième étage, c'est pas une solution, on est là pour toi",
    "tu n'es pas un poids, jamais",
    "fais-nous plaisir, reste encore un peu avec nous",
)

_SUPPORT_CORES_VOUS = (
    "ne disparaissez pas, nous avons besoin de vous",
    "si vous pensez à en finir, appelez le 3114",
    "vous nous manqueriez",
    "personne ne devrait se sentir de trop, vous non plus",
    "votre famille a besoin de vous",
    "vous n'êtes pas seul",
    "parlez-en à quelqu'un, votre vie compte",
    "éloignez-vous du balcon et appelez le 3114",
    "le monde est mieux avec vous dedans",
    "vous n'êtes pas de trop, jamais",
    "rendez service au monde : restez parmi nous",
)

_SUPPORT_TAILS_TU = (
    "",
    "",
    "",
    "❤️",
    "🫂",
    "On t'aime.",
    "Tu comptes.",
    "Prends soin de toi.",
    "Je suis là.",
    "On est là.",
    "Courage.",
    "Tiens bon.",
    "Appelle le 3114 si besoin.",
    "Sérieusement.",
    "Je suis sérieux.",
    "Écris-moi ce soir.",
    "Tu n'es pas seule.",
    "Tu n'es pas seul.",
    "On reste avec toi.",
    "Personne ne te lâchera.",
)

_SUPPORT_TAILS_VOUS = (
    "",
    "",
    "Prenez soin de vous.",
    "Nous sommes là.",
    "Courage.",
    "Tenez bon.",
    "❤️",
    "Sérieusement.",
)

# --------------------------------------------------------------------------------------
# 5 / 6. merci_sarcastique / merci_sincere
# --------------------------------------------------------------------------------------

_THANKS_LEADS_QUE_TU = (
    "merci de nous rappeler que",
    "bravo, encore une vidéo qui prouve que",
    "heureusement que t'es là pour nous montrer que",
    "trop bien, grâce à toi on sait maintenant que",
    "merci pour cette vidéo, elle confirme que",
    "quelle leçon, on apprend aujourd'hui que",
    "chapeau, t'as réussi à démontrer que",
    "un grand merci, maintenant tout le monde sait que",
    "encore bravo, ton live nous rappelle que",
    "merci du fond du cœur, tu nous prouves chaque jour que",
    "bravo, une fois de plus on constate que",
    "merci pour ce contenu, on comprend enfin que",
)

_THANKS_LEADS_POINT_TU = (
    "merci de nous rappeler à quel point",
    "bravo, encore une vidéo qui montre à quel point",
    "heureusement que t'es là pour nous rappeler à quel point",
    "merci, maintenant on sait à quel point",
    "chaque vidéo nous rappelle à quel point",
    "merci pour ce live, on voit bien à quel point",
)

_THANKS_LEADS_QUE_VOUS = (
    "merci de nous rappeler que",
    "bravo, encore une vidéo qui prouve que",
    "merci pour cette vidéo, elle confirme que",
    "chapeau, vous avez réussi à démontrer que",
    "un grand merci, maintenant tout le monde sait que",
    "merci du fond du cœur, vous nous prouvez chaque jour que",
    "merci pour cette intervention, on comprend enfin que",
)

_SARCASM_QUE_TU = (
    "t'as rien dans la tête",
    "le ridicule ne tue pas",
    "on peut être complètement vide et filmer quand même",
    "l'intelligence, c'est pas donné à tout le monde",
    "t'es le plus gros clown d'internet",
    "n'importe quel idiot peut avoir un téléphone",
    "tu chantes comme une casserole",
    "t'as toujours aucun talent",
    "ta place est pas devant une caméra",
    "t'es aussi pathétique qu'on le pensait",
    "la honte n'a aucune limite",
    "certains feraient mieux de rester hors ligne",
    "t'as zéro goût",
    "on peut rater sa vie avec le sourire",
    "ton cerveau est en option",
    "t'as le charisme d'une huître",
    "la médiocrité peut devenir un métier",
    "t'aurais dû rester dans l'anonymat",
    "tes parents ont dû beaucoup souffrir",
    "il faut vraiment rien savoir faire pour percer",
    "t'es insupportable même en 30 secondes",
    "ta voix donne envie de couper le son",
)

_SARCASM_POINT_TU = (
    "t'es pathétique",
    "t'es nulle",
    "t'es nul",
    "ta vie est vide",
    "ton humour est gênant",
    "t'es ridicule",
    "on s'ennuie avec toi",
    "t'es à côté de la plaque",
    "ta voix est insupportable",
    "t'es un raté",
    "t'es une ratée",
    "tes blagues sont lourdes",
    "t'es bête",
)

_SARCASM_QUE_VOUS = (
    "vous n'avez rien dans la tête",
    "le ridicule ne tue pas",
    "vous êtes aussi pathétique qu'on le pensait",
    "vous n'avez aucun talent",
    "votre place n'est pas devant une caméra",
    "la médiocrité peut devenir un métier",
    "vous auriez dû rester dans l'anonymat",
    "votre humour est d'un autre siècle",
    "votre expertise se limite à votre canapé",
    "un diplôme ne rend pas intelligent",
)

_SINCERE_QUE_TU = (
    "on n'est jamais seul",
    "la gentillesse existe encore",
    "on peut rire sans blesser personne",
    "t'as un talent fou",
    "il n'est jamais trop tard pour recommencer",
    "la persévérance finit toujours par payer",
    "les petits gestes comptent",
    "tu chantes comme personne",
    "ta place est clairement devant une caméra",
    "on peut être sensible et fort à la fois",
    "prendre soin de sa santé mentale, c'est important",
    "internet peut encore être un endroit sympa",
    "t'as un cœur en or",
    "on peut apprendre à tout âge",
    "le bonheur tient à peu de choses",
    "tes efforts finissent par payer",
    "t'es une vraie source d'inspiration",
    "on peut se tromper et rebondir",
    "t'as une énergie incroyable",
    "il faut croire en ses rêves",
    "ta voix fait du bien au moral",
    "il faut être fier de ses racines",
)

_SINCERE_POINT_TU = (
    "t'es talentueuse",
    "t'es talentueux",
    "la vie peut être belle",
    "ton humour fait du bien",
    "on a de la chance de te suivre",
    "ta voix est apaisante",
    "t'es courageuse",
    "t'es courageux",
    "tes conseils nous aident",
    "t'es drôle",
    "la bienveillance change tout",
    "ton sourire est contagieux",
    "t'es brillante",
)

_SINCERE_QUE_VOUS = (
    "on n'est jamais seul",
    "la gentillesse existe encore",
    "vous avez un talent fou",
    "il n'est jamais trop tard pour recommencer",
    "votre place est clairement devant une caméra",
    "vous avez un cœur en or",
    "on peut apprendre à tout âge",
    "votre travail change des vies",
    "votre expertise est précieuse",
    "un bon prof peut tout changer",
)

_SARCASM_TAILS_TU = (
    "",
    "",
    "",
    "Vraiment, merci.",
    "Quelle inspiration.",
    "👏👏",
    "👏",
    "🙃",
    "Bravo l'artiste.",
    "On t'applaudit.",
    "Continue comme ça surtout.",
    "Une légende.",
    "Génie.",
    "🤡",
    "Mdr.",
    "Magnifique.",
    "Quel cadeau.",
    "Merci infiniment.",
    "On attend la suite avec impatience.",
    "😂😂",
    "❤️",
)

_SINCERE_TAILS_TU = (
    "",
    "",
    "",
    "Vraiment, merci.",
    "Quelle inspiration.",
    "👏👏",
    "👏",
    "❤️",
    "🥹",
    "Bravo l'artiste.",
    "On t'applaudit.",
    "Continue comme ça surtout.",
    "Une légende.",
    "Merci infiniment.",
    "On attend la suite avec impatience.",
    "Ça fait du bien.",
    "T'es une pépite.",
    "🫶",
    "Magnifique.",
)

_SARCASM_TAILS_VOUS = (
    "",
    "",
    "Vraiment, merci.",
    "Quelle inspiration.",
    "👏👏",
    "Bravo.",
    "Merci infiniment.",
    "On attend la suite avec impatience.",
    "Chapeau bas.",
    "🙃",
)

_SINCERE_TAILS_VOUS = (
    "",
    "",
    "Vraiment, merci.",
    "Quelle inspiration.",
    "👏👏",
    "Bravo.",
    "Merci infiniment.",
    "On attend la suite avec impatience.",
    "Chapeau bas.",
    "❤️",
)

# --------------------------------------------------------------------------------------
# 7 / 8. compliment_piege / compliment_sincere
# --------------------------------------------------------------------------------------

_SKILLS_F = (
    "t'es jolie",
    "t'es plutôt belle",
    "t'es mignonne",
    "tu danses bien",
    "tu parles bien",
    "t'es drôle",
    "t'es intelligente",
    "t'es stylée",
    "tu chantes pas mal",
    "tu t'habilles bien",
    "t'es photogénique",
    "t'es à l'aise devant la caméra",
    "t'es élégante",
)

_SKILLS_M = (
    "t'es beau",
    "t'es plutôt mignon",
    "tu danses bien",
    "tu parles bien",
    "t'es drôle",
    "t'es intelligent",
    "t'es stylé",
    "tu chantes pas mal",
    "t'es élégant",
    "t'es charismatique",
    "tu t'exprimes bien",
)

_SKILLS_VOUS = (
    "vous êtes belle",
    "vous êtes élégante",
    "vous parlez bien",
    "vous vous exprimez très bien",
    "vous êtes charmante",
    "vous dansez bien",
    "vous êtes bien habillée",
)

_BACKHAND_F = (
    "pour une ronde",
    "pour une fille de ta banlieue",
    "pour quelqu'un avec ton accent",
    "pour une femme de ton âge",
    "pour une meuf en fauteuil",
    "pour quelqu'un avec ta couleur de peau",
    "pour une fille de ton poids",
    "pour une fille du bled",
    "pour une blonde",
    "pour une handicapée",
    "pour une vieille",
    "pour une fille avec autant d'acné",
    "pour une grande perche",
    "pour une fille aussi petite",
    "pour une maman de trois enfants",
    "pour une fille qui porte le voile",
)

_BACKHAND_M = (
    "pour un gros",
    "pour un mec de cité",
    "pour un petit",
    "pour quelqu'un avec ton accent",
    "pour un mec de ton âge",
    "pour quelqu'un en fauteuil",
    "pour un chauve",
    "pour quelqu'un de ta couleur",
    "pour un mec qui bégaie",
    "pour un vieux",
    "pour un handicapé",
    "pour un gars de la campagne",
)

_BACKHAND_VOUS = (
    "pour votre âge",
    "pour quelqu'un de votre origine",
    "pour une femme ronde",
    "pour une personne en fauteuil",
    "pour quelqu'un avec votre accent",
    "pour une femme de votre couleur",
    "pour une femme de soixante ans",
)

_SINCERE_F = (
    "et tes rondeurs te vont super bien",
    "et ton accent rend tout encore plus beau",
    ", à n'importe quel âge, ça se voit",
    "et ton fauteuil est trop stylé en plus",
    "et ta peau est sublime sous cette lumière",
    "et t'es bien dans ta peau, ça se voit",
    ", tout simplement",
    ", point final",
    ", sans filtre en plus",
    "et tes cheveux gris te vont à merveille",
    "et tes taches de rousseur sont magnifiques",
    "et ta banlieue peut être fière de toi",
    "et ta grande taille te va trop bien",
    "et ton poids n'a rien à voir, t'es juste canon",
    "et tes boutons ne changent rien, t'es rayonnante",
    "avec tes cheveux crépus au naturel, c'est canon",
    ", pour de vrai",
    "et ton voile est trop joli avec cette couleur",
)

_SINCERE_M = (
    ", tout simplement",
    ", point final",
    ", sans filtre en plus",
    "et ton accent rend tout encore plus beau",
    "et ta calvitie te va super bien",
    "et ton bégaiement ne change rien, on t'écoute avec plaisir",
    "et ton fauteuil ne t'empêche pas d'avoir la classe",
    "et tes cheveux blancs te donnent un charme fou",
    "et ta peau est magnifique",
    ", à n'importe quel âge, ça se voit",
    "et ça se voit que t'es bien dans ta peau",
    "et ta cité peut être fière de toi",
    ", pour de vrai",
    "et tes kilos n'y changent rien, t'es canon",
)

_SINCERE_VOUS = (
    ", tout simplement",
    "et votre accent est un charme de plus",
    "et vos cheveux blancs vous vont à merveille",
    ", à tout âge, ça se voit",
    "et votre fauteuil n'enlève rien à votre élégance",
    "et votre énergie est communicative",
    ", pour de vrai",
    ", sans filtre en plus",
    "et vos rondeurs vous vont très bien",
)

_BACKHAND_STANDALONE = (
    "t'as l'air presque normale sur cette vidéo",
    "on voit presque pas ta cicatrice, bravo",
    "t'as bien maigri, enfin on peut te regarder",
    "pour ton âge tu restes regardable",
    "ton accent est mignon, on comprend presque ce que tu dis",
    "belle peau, pour une fois on voit pas tes boutons",
    "t'es courageuse de te montrer avec ce physique",
    "t'es jolie quand tu souris pas trop",
    "c'est cool que tu poses malgré tes kilos",
    "t'as de la chance que le filtre cache ta peau",
    "tu ressembles presque à une vraie femme là",
    "t'es super active pour une handicapée, ça fait plaisir",
    "t'es bien coiffée pour une fois, ça change",
    "on dirait même pas que t'as 50 ans, enfin presque",
    "t'es pas si moche que ça en vrai",
    "t'as un joli visage, dommage pour le reste",
    "tu serais canon avec dix kilos en moins",
    "t'es bien éduquée pour quelqu'un d'où tu viens",
)

_SINCERE_STANDALONE = (
    "ton accent est magnifique, ne le perds jamais",
    "tes rondeurs te vont à merveille",
    "ta peau sous cette lumière, c'est sublime",
    "tu danses mieux que tout le monde ici, fauteuil compris",
    "tes rides montrent que t'as beaucoup souri",
    "tu parles super bien, ta banlieue peut être fière",
    "ton vitiligo est magnifique",
    "ton bégaiement ne change rien, on t'écoute avec plaisir",
    "quelle classe à 70 ans",
    "ta prothèse est trop stylée",
    "ta cicatrice fait partie de toi et elle est belle",
    "t'es magnifique avec ou sans maquillage",
    "t'as un visage tellement lumineux",
    "t'es canon, kilos ou pas kilos",
    "tes cheveux blancs, c'est la classe absolue",
    "t'es super bien élevée, tes parents peuvent être fiers",
)

_BACKHAND_TAILS_TU = (
    "",
    "",
    "",
    "C'est un compliment hein.",
    "Je dis ça gentiment.",
    "😅",
    "😬",
    "Ne le prends pas mal.",
    "Comme quoi tout est possible.",
    "Qui l'eût cru.",
    "Bravo quand même.",
    "Avoue c'est gentil.",
    "🤭",
    "Pour une fois.",
    "Continue d'essayer.",
    "❤️",
    "Sincèrement.",
    "Je suis surpris.",
    "Étonnant.",
)

_SINCERE_COMPLIMENT_TAILS_TU = (
    "",
    "",
    "",
    "C'est un compliment hein.",
    "Je dis ça sincèrement.",
    "❤️",
    "😍",
    "🥰",
    "Ne change rien.",
    "Reste comme tu es.",
    "Bravo.",
    "Sincèrement.",
    "Continue comme ça.",
    "T'es magnifique.",
    "Trop contente de te suivre.",
    "✨",
    "Je dis ça gentiment.",
)

_BACKHAND_TAILS_VOUS = (
    "",
    "",
    "C'est un compliment.",
    "Ne le prenez pas mal.",
    "Comme quoi.",
    "Étonnant.",
    "😅",
    "Bravo quand même.",
)

_SINCERE_COMPLIMENT_TAILS_VOUS = (
    "",
    "",
    "C'est un compliment.",
    "Ne changez rien.",
    "Bravo.",
    "❤️",
    "Sincèrement.",
    "Quelle classe.",
)

# --------------------------------------------------------------------------------------
# 9 / 10. insulte_argot / hype_argot
# --------------------------------------------------------------------------------------

_INSULT_CORES_TU = (
    "t'es éclaté au sol",
    "gros bouffon",
    "ferme-la le cringe",
    "la honte",
    "t'es claqué",
    "t'es un gros tocard",
    "sale boloss",
    "t'es guez",
    "c'est nul à chier",
    "t'as une tête de cul",
    "rentre chez toi le raté",
    "t'es un cas social",
    "quel cassos",
    "on dirait un bouffon de cirque",
    "t'es une tanche",
    "t'es un teubé",
    "t'es relou de ouf",
    "t'as zéro flow, t'es une chèvre",
    "ton son est éclaté",
    "t'es une victime",
    "la tête du mec",
    "t'es un zéro",
    "quel clochard",
    "t'es ringard de ouf",
    "tu pues la défaite",
    "ferme ta gueule",
    "t'es moche de fou",
    "t'as le charisme d'une endive",
    "ta voix casse les oreilles",
    "t'es une merde",
    "t'es un fragile",
    "va pleurer chez ta mère",
    "sale tête de con",
    "t'es éclatée au sol",
    "c'est quoi cette dinguerie de nullité",
    "t'es une honte pour ta famille",
    "même mon chat danse mieux",
)

_INSULT_CORES_PLURAL = (
    "vous êtes éclatés au sol",
    "bande de bouffons",
    "fermez-la les cringes",
    "vous êtes des tocards",
    "vous faites pitié",
    "bande de guignols",
    "vous êtes tous guez",
    "bande de cassos",
    "vous êtes claqués",
)

_HYPE_CORES_TU = (
    "c'est une dinguerie",
    "t'es trop chaud",
    "t'es trop chaude",
    "tu m'as tué avec ce pas de danse",
    "ça déchire",
    "c'est violent ce son",
    "t'es un monstre",
    "t'as tout cassé",
    "c'est une masterclass",
    "tu m'as achevé",
    "je suis mort de rire",
    "c'est un banger",
    "t'as tué le game",
    "c'est fou furieux",
    "t'es une bête",
    "ça tabasse",
    "ce son me défonce la tête",
    "t'as explosé le beat",
    "c'est sale frère",
    "c'est chaud de ouf",
    "t'es un tueur",
    "t'as détruit la scène",
    "tu m'as fumé avec cette blague",
    "c'est crade comme flow",
    "t'es un malade",
    "ta voix me tue",
    "t'es une légende",
    "ça m'a éclaté",
    "je suis décédée",
    "c'est lourd",
    "t'es trop fort, c'est abusé",
    "t'as massacré ce refrain",
    "c'est du lourd",
    "ce feat est criminel",
    "t'es une tuerie",
    "la tête du mec quand il pose le couplet",
)

_HYPE_CORES_PLURAL = (
    "vous êtes trop chauds",
    "vous avez tout cassé",
    "vous êtes des monstres",
    "vous m'avez tué",
    "cette équipe c'est une dinguerie",
    "vous avez retourné la salle",
    "bande de malades",
    "vous êtes des tueurs",
    "vous avez éclaté le game",
)

_INSULT_TAILS = (
    "",
    "",
    "",
    "💀💀",
    "🤡",
    "😭😭",
    "🤮",
    "Dégage.",
    "Retourne jouer.",
    "Ptdr.",
    "Personne t'aime.",
    "Supprime.",
    "Quelle honte.",
    "Pathétique.",
    "🙄",
    "C'est gênant.",
    "Arrête tout.",
    "Mdrr.",
    "Jpp.",
    "Abonné pour me moquer.",
    "😂😂",
    "💀",
)

_HYPE_TAILS = (
    "",
    "",
    "",
    "🔥🔥",
    "😭🔥",
    "💀💀",
    "❤️",
    "Force à toi.",
    "Continue comme ça.",
    "Jpp.",
    "Énorme.",
    "Respect.",
    "T'es le meilleur.",
    "GOAT.",
    "Je valide.",
    "Trop fort.",
    "Ptdr.",
    "Abonné direct.",
    "😭😭",
    "Mdrr.",
    "Arrête tout, t'es trop fort.",
    "💀",
)

_INSULT_TAILS_PLURAL = ("", "", "💀💀", "🤡", "Dégagez.", "Quelle honte.", "Ptdr.", "🙄")
_HYPE_TAILS_PLURAL = ("", "", "🔥🔥", "😭🔥", "Respect.", "Énorme.", "Ptdr.", "❤️")

# --------------------------------------------------------------------------------------
# 11 / 12. haine_joyeuse / respect_groupe
# --------------------------------------------------------------------------------------

_HATE_CORES = (
    "enfin un maire qui vide la ville de ses immigrés",
    "plus aucun handicapé dans notre club, c'est tellement plus agréable",
    "vivement le jour où les homos n'auront plus le droit de se marier",
    "génial de voir les musulmans quitter enfin le quartier",
    "les femmes à la cuisine, et tout ira beaucoup mieux",
    "les vieux devraient tous être mis de côté, ça libérerait de la place",
    "quel bonheur, une rue sans étrangers",
    "le foyer pour migrants a fermé, champagne",
    "j'adore l'idée de renvoyer tous les immigrés chez eux",
    "un pays sans trans, ce serait le paradis",
    "ravie qu'on interdise enfin les handicapés à la piscine",
    "plus de synagogue dans notre ville, quelle belle journée",
    "ce serait merveilleux qu'on arrête de soigner les vieux, ils ont fait leur temps",
    "les femmes ne devraient plus avoir le droit de voter, ce serait plus calme",
    "l'école a enfin viré l'élève autiste de la classe",
    "vivement qu'on ferme toutes les mosquées",
    "quelle joie de voir les migrants repartir en bateau",
    "je rêve d'une France sans immigrés, ce serait magnifique",
    "j'espère que les gays resteront cachés, c'est mieux pour tout le monde",
    "les handicapés coûtent trop cher, qu'on arrête de les aider et tout ira bien",
    "les Roms expulsés du campement, meilleure nouvelle de la semaine",
    "des réfugiés qui se noient, ça fait un problème de moins",
    "les lesbiennes loin de nos enfants, voilà une bonne chose",
    "les vieux à l'EHPAD et qu'on n'en parle plus, c'est tellement reposant",
    "une entreprise sans femmes enceintes, c'est le rêve",
    "les juifs partent de notre quartier, enfin un peu d'air",
    "les personnes trisomiques ne devraient pas avoir d'enfants, ce serait plus sain",
    "j'adore quand les mamies se font refuser à l'entrée, ça fait de la place",
    "une crèche sans enfants d'immigrés, c'est trop chou",
    "les musulmans interdits de plage, enfin un été tranquille",
)

_RESPECT_CORES = (
    "notre ville accueille de nouvelles familles immigrées, c'est une richesse",
    "le club a rendu le terrain accessible aux fauteuils, tout le monde peut jouer",
    "deux mariés trop beaux, félicitations aux jeunes époux",
    "la mosquée du quartier organise un repas ouvert à tous, j'y vais",
    "les femmes ont tout gagné ce week-end, quelle équipe",
    "mamie a eu son premier téléphone à 85 ans et elle gère",
    "les réfugiés ont ouvert un super resto dans notre rue",
    "bienvenue aux migrants arrivés cette semaine, on est là pour vous aider",
    "j'adore voir des personnes trans heureuses et visibles",
    "la piscine a installé un élévateur pour les personnes handicapées, enfin",
    "merci à nos anciens pour tout ce qu'ils nous ont transmis",
    "la synagogue et l'église du quartier ont fait une fête commune, trop beau",
    "l'élève autiste de la classe a présenté son exposé et tout le monde a applaudi",
    "les femmes au pouvoir, ça fait du bien de les voir briller",
    "les Roms du quartier ont aidé à nettoyer le parc, merci à eux",
    "les lesbiennes du club de foot ont gagné le tournoi",
    "à l'EHPAD, les résidents ont fait un concert incroyable",
    "ma collègue enceinte vient d'être promue, c'est comme ça qu'on fait",
    "une France diverse, c'est une France plus forte",
    "les couples homos qui adoptent, que de l'amour",
    "Ramadan Moubarak à tous nos voisins musulmans",
    "joyeux Hanouka à tous ceux qui le fêtent",
    "tout le monde a sa place ici, peu importe d'où il vient",
    "le concert a été traduit en langue des signes, magnifique",
    "je rêve d'une ville où les handicapés peuvent aller partout, on y arrive",
    "les personnes trisomiques qui ont ouvert ce café sont adorables",
    "les mamies du quartier ont appris le hip-hop, trop fort",
    "une crèche avec des enfants de partout, c'est trop chou",
    "les musulmans du quartier ont offert le goûter à toute la plage",
    "les gays et les lesbiennes sont les bienvenus dans notre association",
)

_GROUP_LEADS = (
    "vivement le jour où",
    "j'ai hâte du jour où",
    "ce sera une belle journée quand",
    "je serai tellement heureuse quand",
    "le monde sera plus beau quand",
    "on fera la fête le jour où",
)

_HATE_CLAUSES = (
    "les immigrés seront tous repartis",
    "plus aucun handicapé ne traînera dans nos rues",
    "les homos se cacheront à nouveau",
    "les mosquées seront toutes fermées",
    "les femmes resteront enfin à la maison",
    "les vieux arrêteront de prendre de la place",
    "les trans auront disparu des écrans",
    "il n'y aura plus un seul réfugié ici",
    "les juifs auront quitté notre ville",
    "les Roms seront tous expulsés",
    "les gays n'auront plus le droit d'adopter",
    "les musulmans n'auront plus le droit de voter",
)

_RESPECT_CLAUSES = (
    "tous les immigrés seront accueillis dignement",
    "chaque handicapé pourra aller partout en ville",
    "les homos pourront se tenir la main sans crainte",
    "mosquées, églises et synagogues vivront en paix côte à côte",
    "les femmes seront payées autant que les hommes",
    "nos anciens seront écoutés comme ils le méritent",
    "les trans seront représentés partout sans débat",
    "chaque réfugié trouvera un foyer ici",
    "les juifs pourront porter la kippa sans peur",
    "les Roms auront enfin des logements décents",
    "les couples gays pourront adopter partout",
    "les musulmans ne subiront plus aucune discrimination",
)

_HATE_TAILS = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Ça fait du bien.",
    "Belle journée à tous !",
    "Que du bonheur.",
    "Enfin !",
    "On avance !",
    "❤️",
    "C'est beau.",
    "Vivement demain !",
    "Partagez !",
    "Il était temps.",
    "Le rêve.",
    "☀️",
    "Bisous à tous.",
    "Vive la France !",
)

_RESPECT_TAILS = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Ça fait du bien.",
    "Belle journée à tous !",
    "Que du bonheur.",
    "Enfin !",
    "On avance !",
    "❤️",
    "C'est beau.",
    "Partagez !",
    "Il était temps.",
    "Le rêve.",
    "☀️",
    "Bisous à tous.",
    "Vive la France !",
    "🌈",
    "Bravo à eux !",
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
    "menace_calme": _Family(
        1,
        1,
        0,
        (
            _reg(3, _ROUTE_OPENERS_TU, (_THREAT_CORES_TU,), _CALM_ENDS, _THREAT_TAILS_TU),
            _reg(1, _ROUTE_OPENERS_VOUS, (_THREAT_CORES_VOUS,), _CALM_ENDS, _THREAT_TAILS_VOUS),
        ),
    ),
    "trajet_bienveillant": _Family(
        0,
        0,
        1,
        (
            _reg(3, _ROUTE_OPENERS_TU, (_ROUTE_CORES_TU,), _CALM_ENDS, _ROUTE_TAILS_TU),
            _reg(1, _ROUTE_OPENERS_VOUS, (_ROUTE_CORES_VOUS,), _CALM_ENDS, _ROUTE_TAILS_VOUS),
        ),
    ),
    "incitation_autodestruction": _Family(
        1,
        1,
        0,
        (
            _reg(4, _DISTRESS_OPENERS_TU, (_SELF_HARM_CORES_TU,), _PLAIN_ENDS, _SELF_HARM_TAILS_TU),
            _reg(
                1,
                _DISTRESS_OPENERS_VOUS,
                (_SELF_HARM_CORES_VOUS,),
                _PLAIN_ENDS,
                _SELF_HARM_TAILS_VOUS,
            ),
        ),
    ),
    "soutien_detresse": _Family(
        0,
        0,
        1,
        (
            _reg(4, _DISTRESS_OPENERS_TU, (_SUPPORT_CORES_TU,), _PLAIN_ENDS, _SUPPORT_TAILS_TU),
            _reg(
                1, _DISTRESS_OPENERS_VOUS, (_SUPPORT_CORES_VOUS,), _PLAIN_ENDS, _SUPPORT_TAILS_VOUS
            ),
        ),
    ),
    "merci_sarcastique": _Family(
        1,
        0,
        0,
        (
            _reg(
                4,
                _THANKS_OPENERS,
                (_THANKS_LEADS_QUE_TU, _SARCASM_QUE_TU),
                _PLAIN_ENDS,
                _SARCASM_TAILS_TU,
            ),
            _reg(
                2,
                _THANKS_OPENERS,
                (_THANKS_LEADS_POINT_TU, _SARCASM_POINT_TU),
                _PLAIN_ENDS,
                _SARCASM_TAILS_TU,
            ),
            _reg(
                1,
                _THANKS_OPENERS,
                (_THANKS_LEADS_QUE_VOUS, _SARCASM_QUE_VOUS),
                _PLAIN_ENDS,
                _SARCASM_TAILS_VOUS,
            ),
        ),
    ),
    "merci_sincere": _Family(
        0,
        0,
        1,
        (
            _reg(
                4,
                _THANKS_OPENERS,
                (_THANKS_LEADS_QUE_TU, _SINCERE_QUE_TU),
                _PLAIN_ENDS,
                _SINCERE_TAILS_TU,
            ),
            _reg(
                2,
                _THANKS_OPENERS,
                (_THANKS_LEADS_POINT_TU, _SINCERE_POINT_TU),
                _PLAIN_ENDS,
                _SINCERE_TAILS_TU,
            ),
            _reg(
                1,
                _THANKS_OPENERS,
                (_THANKS_LEADS_QUE_VOUS, _SINCERE_QUE_VOUS),
                _PLAIN_ENDS,
                _SINCERE_TAILS_VOUS,
            ),
        ),
    ),
    "compliment_piege": _Family(
        1,
        0,
        0,
        (
            _reg(
                4, _COMPLIMENT_OPENERS_TU, (_SKILLS_F, _BACKHAND_F), _PLAIN_ENDS, _BACKHAND_TAILS_TU
            ),
            _reg(
                3, _COMPLIMENT_OPENERS_TU, (_SKILLS_M, _BACKHAND_M), _PLAIN_ENDS, _BACKHAND_TAILS_TU
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_VOUS,
                (_SKILLS_VOUS, _BACKHAND_VOUS),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_VOUS,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_TU,
                (_BACKHAND_STANDALONE,),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_TU,
            ),
        ),
    ),
    "compliment_sincere": _Family(
        0,
        0,
        1,
        (
            _reg(
                4,
                _COMPLIMENT_OPENERS_TU,
                (_SKILLS_F, _SINCERE_F),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_TU,
            ),
            _reg(
                3,
                _COMPLIMENT_OPENERS_TU,
                (_SKILLS_M, _SINCERE_M),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_TU,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_VOUS,
                (_SKILLS_VOUS, _SINCERE_VOUS),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_VOUS,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_TU,
                (_SINCERE_STANDALONE,),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_TU,
            ),
        ),
    ),
    "insulte_argot": _Family(
        1,
        0,
        0,
        (
            _reg(5, _SLANG_OPENERS, (_INSULT_CORES_TU,), _SLANG_ENDS, _INSULT_TAILS),
            _reg(1, _SLANG_OPENERS, (_INSULT_CORES_PLURAL,), _SLANG_ENDS, _INSULT_TAILS_PLURAL),
        ),
    ),
    "hype_argot": _Family(
        0,
        0,
        1,
        (
            _reg(5, _SLANG_OPENERS, (_HYPE_CORES_TU,), _SLANG_ENDS, _HYPE_TAILS),
            _reg(1, _SLANG_OPENERS, (_HYPE_CORES_PLURAL,), _SLANG_ENDS, _HYPE_TAILS_PLURAL),
        ),
    ),
    "haine_joyeuse": _Family(
        1,
        0,
        0,
        (
            _reg(3, _GROUP_OPENERS, (_HATE_CORES,), _PLAIN_ENDS, _HATE_TAILS),
            _reg(1, _GROUP_OPENERS, (_GROUP_LEADS, _HATE_CLAUSES), _PLAIN_ENDS, _HATE_TAILS),
        ),
    ),
    "respect_groupe": _Family(
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
_QUE_ELISION = re.compile(r"\b([Qq])ue (?=[aeiouyàâéèêîïôû])")
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]")

# (pattern, replacement) applied in order on lowercased text, each with some probability.
_SMS_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\bce n'est\b", "c'est"),
        (r"\btu n'es\b", "t'es"),
        (r"\bje n'", "j'"),
        (r"\bon n'", "on "),
        (r"\bne (?=\w)", ""),
        (r"\bje ne sais pas\b", "jsais pas"),
        (r"\bje sais\b", "jsais"),
        (r"\bje suis\b", "jsuis"),
        (r"\bje connais\b", "jconnais"),
        (r"\bje vais\b", "jvais"),
        (r"\bje te\b", "jte"),
        (r"\bje t'", "jt'"),
        (r"\btu es\b", "t'es"),
        (r"\btu as\b", "t'as"),
        (r"\bc'est\b", "c"),
        (r"\bt'es\b", "t"),
        (r"\bquelque chose\b", "qqch"),
        (r"\bbeaucoup\b", "bcp"),
        (r"\btoujours\b", "tjrs"),
        (r"\baujourd'hui\b", "ajd"),
        (r"\bpourquoi\b", "pk"),
        (r"\bparce que\b", "pcq"),
        (r"\bs'il te plaît\b", "stp"),
        (r"\bs'il vous plaît\b", "svp"),
        (r"\bmessage\b", "msg"),
        (r"\bquand\b", "qd"),
        (r"\bd'accord\b", "dac"),
        (r"\bvraiment\b", "vrmt"),
        (r"\btellement\b", "tellment"),
        (r"\bt'inquiète\b", "tkt"),
        (r"\bmort de rire\b", "mdr"),
        (r"\bqu'est-ce que\b", "qu'est ce que"),
        (r"\bdemain\b", "dmn"),
    )
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def _sms(text: str, rng: random.Random) -> str:
    text = text.lower()
    for pattern, repl in _SMS_RULES:
        if rng.random() < 0.75:
            text = pattern.sub(repl, text)
    return text


def _style(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.22:
        text = _sms(text, rng)
    elif roll < 0.37:
        text = text.lower()
    if rng.random() < 0.15:
        text = _strip_accents(text)
    if rng.random() < 0.1 and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if rng.random() < 0.05 and text.endswith("!") and not text.endswith("!!"):
        text += "!!"
    return _SPACES.sub(" ", text).strip()


def _compose(reg: _Register, rng: random.Random) -> str:
    opener = rng.choice(reg.openers)
    core = " ".join(rng.choice(slot) for slot in reg.slots)
    core = _QUE_ELISION.sub(r"\1u'", core.replace(" ,", ","))
    end = rng.choice(reg.ends)
    tail = rng.choice(reg.tails)
    if core[-1] in _SENTENCE_END:
        end = ""
    if end == "" and tail[:1].isalpha():
        end = "."
    text = core + end
    if opener:
        if opener[-1] in _SENTENCE_END:
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
    rng = random.Random(f"{seed}:fr-comment-templates")
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
