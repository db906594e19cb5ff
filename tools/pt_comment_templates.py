"""Portuguese comment-wall training cases built from templates (openers x cores x tails).

Generates short-video comment-section style Portuguese texts (comments under someone's
TikTok / Instagram / YouTube video) for a toxicity / threat / kindness classifier. Most
texts are Brazilian Portuguese (você and colloquial "tu é"), about a quarter European
Portuguese ("tu estás", "a tua", "autocarro", "telemóvel"). Every harmful family has a
twin that reuses the same topics, openers, tails and vocabulary, so that wording alone
decides nothing.

Families and labels (toxic, threat, kind):

    ameaca_calma         (1, 1, 0)  calm, polite-sounding threats (route, school, car, family)
    caminho_cuidadoso    (0, 0, 1)  caring twin: get home safe, text when you arrive, family
    incitacao_autolesao  (1, 1, 0)  self-harm incitement and euphemisms at the person
    apoio_crise          (0, 0, 1)  caring twin: "fica com a gente", CVV 188, SOS Voz Amiga
    obrigado_sarcastico  (1, 0, 0)  sarcastic thanks / fake praise landing a put-down
    obrigado_sincero     (0, 0, 1)  sincere thanks with the same openers
    elogio_envenenado    (1, 0, 0)  backhanded compliments (weight, accent, age, skin...)
    elogio_sincero       (0, 0, 1)  sincere compliments on the same topics
    insulto_giria        (1, 0, 0)  slang insults and mockery (Brazilian internet slang)
    hype_giria           (0, 0, 1)  slang hype using seemingly crude or violent words
    odio_alegre          (1, 0, 0)  cheerful statements celebrating exclusion of a group
    respeito_grupo       (0, 0, 1)  warm, respectful statements toward the same groups

Texts vary você / tu, punctuation, emoji, lowercase, internet writing ("vc", "tb",
"pq", "n", "q", "mds", "kkkk") and missing accents.

Content warning: the harmful families contain insults, threats, self-harm incitement and
hateful statements, written only to train a filter. No real people are named.

This module was written blind to every evaluation file of the project: no bench, test,
data or other tool file was opened while writing it, except the French counterpart it
mirrors (tools/fr_comment_templates.py, and its test as the model for this module's
test). All texts are original. Standard library only.
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
_PLAIN_ENDS = (".", ".", "!", "", "...", "!!")
_SLANG_ENDS = ("", "", ".", "!", "!!", "...", "!!!")

_ROUTE_OPENERS_BR = (
    "",
    "",
    "",
    "Oi.",
    "Oii",
    "Olá.",
    "Boa noite.",
    "Ei,",
    "Só um aviso:",
    "Falo com carinho:",
    "Cá entre nós,",
    "Aliás,",
    "Um conselho:",
    "Boa noite pra você.",
    "Fica tranquila,",
    "Então,",
    "Olha,",
    "Escuta,",
    "Oi, sumida.",
    "Miga,",
    "Mano,",
    "Só pra constar,",
)

_ROUTE_OPENERS_PT = (
    "",
    "",
    "Olá.",
    "Boa noite.",
    "Então,",
    "Olha,",
    "Ouve,",
    "Só para saberes,",
    "Um conselho:",
    "Cá entre nós,",
    "Já agora,",
    "Digo isto com carinho:",
    "Pronto,",
    "Epá,",
)

_DISTRESS_OPENERS_BR = (
    "",
    "",
    "",
    "Sinceramente,",
    "Honestamente,",
    "Falando sério,",
    "Olha,",
    "Escuta,",
    "Conselho de amiga:",
    "Falo isso por você:",
    "Cá entre nós,",
    "Sem maldade,",
    "Só passando pra dizer:",
    "Mano,",
    "Gente,",
    "Ei,",
    "Pfv,",
    "Sério,",
    "Você que tá lendo isso,",
)

_DISTRESS_OPENERS_PT = (
    "",
    "",
    "Sinceramente,",
    "A sério,",
    "Olha,",
    "Ouve,",
    "Conselho de amigo:",
    "Digo-te isto:",
    "Cá entre nós,",
    "Sem maldade,",
    "Epá,",
)

_THANKS_OPENERS_BR = (
    "",
    "",
    "",
    "Nossa.",
    "Sinceramente,",
    "Honestamente,",
    "Sério,",
    "Ah,",
    "Bom,",
    "kkkkk",
    "Uau,",
    "Olha,",
    "Gente,",
    "Mano,",
    "Pra ser sincera,",
    "Sem mentira,",
    "Nossa senhora,",
    "Mds,",
)

_THANKS_OPENERS_PT = (
    "",
    "",
    "Uau.",
    "Sinceramente,",
    "A sério,",
    "Olha,",
    "Bem,",
    "Epá,",
    "Ahahah",
    "Fogo,",
    "Pronto,",
    "Confesso,",
)

_COMPLIMENT_OPENERS_BR = (
    "",
    "",
    "",
    "Sinceramente,",
    "Sem querer ofender,",
    "É um elogio:",
    "Olha,",
    "Juro,",
    "Nossa,",
    "Vou ser sincera:",
    "Gente,",
    "Sério,",
    "Meu Deus,",
    "Socorro,",
    "Tenho que admitir,",
    "Pra ser honesto,",
    "Não vou mentir,",
    "Amiga,",
)

_COMPLIMENT_OPENERS_PT = (
    "",
    "",
    "Sinceramente,",
    "Sem querer ofender,",
    "É um elogio:",
    "Olha,",
    "Juro,",
    "Tenho de admitir,",
    "Epá,",
    "A sério,",
    "Vou ser honesta:",
)

_SLANG_OPENERS_BR = (
    "",
    "",
    "",
    "kkkkk",
    "KKKKKKK",
    "Mds",
    "Mano",
    "Véi",
    "Gente",
    "Socorro",
    "Aff",
    "Slk",
    "Pqp",
    "Sério",
    "💀💀",
    "Caraca",
    "Vish",
    "Oxe",
    "Mina,",
    "Mermão,",
    "Bicho,",
    "Eita",
    "Ô loco",
)

_SLANG_OPENERS_PT = (
    "",
    "",
    "Epá",
    "Fogo",
    "Mano",
    "Ya",
    "Ahahah",
    "Fdx",
    "Pá,",
    "Bro,",
    "Sério,",
    "💀",
)

_GROUP_OPENERS_BR = (
    "",
    "",
    "",
    "Que notícia boa!",
    "Amei!",
    "Que dia lindo!",
    "Maravilha,",
    "Finalmente uma notícia boa:",
    "Adorei!",
    "Eba,",
    "Bom humor do dia:",
    "Felicidade do dia:",
    "Só coisa boa:",
    "Tô tão feliz:",
    "🥰",
    "Bom dia, gente!",
    "Que alegria:",
    "Isso me deixou de bom humor:",
    "Sorrindo à toa:",
)

_GROUP_OPENERS_PT = (
    "",
    "",
    "Que boa notícia!",
    "Adorei!",
    "Que dia lindo!",
    "Finalmente uma boa notícia:",
    "Bom dia a todos!",
    "Que alegria:",
    "Fiquei tão contente:",
    "Isto alegra-me o dia:",
)

# --------------------------------------------------------------------------------------
# 1. ameaca_calma
# --------------------------------------------------------------------------------------

_THREAT_CORES_VC = (
    "sei que horas você sai do trabalho",
    "conheço o caminho que você faz pra voltar pra casa",
    "seu carro prata fica sempre parado na frente da padaria, né",
    "seria uma pena se acontecesse alguma coisa com sua irmãzinha",
    "cuidado ao voltar pra casa hoje",
    "a gente se vê logo, você sabe onde",
    "continua postando e você vai ver",
    "seus filhos saem da escola às cinco, né?",
    "vi que sua filha estuda naquela escola perto da praça",
    "seu endereço não é tão difícil de achar",
    "passo sempre na frente da sua casa, sabia?",
    "sua mãe parece tão gentil, seria triste se ela se machucasse",
    "você sempre pega o último ônibus, isso é arriscado",
    "a escada do seu prédio é bem escura, cuidado",
    "anotei a placa do seu carro",
    "sei qual academia você frequenta e em que horário",
    "um dia você vai virar a esquina da sua rua e eu vou estar lá",
    "aproveita sua paz enquanto ela dura",
    "eu checaria os freios do carro se fosse você",
    "a gente sabe onde você trabalha, é só procurar",
    "vou te esperar na saída do colégio",
    "seu cachorro adora aquela pracinha do lado da sua casa, né",
    "seria uma pena se sua casa pegasse fogo",
    "manda um oi pro seu namorado, cruzei com ele ontem",
    "sei que você volta sozinha na quinta à noite",
    "melhor dormir de olho aberto",
    "deixa a janela bem trancada hoje",
    "seu irmãozinho joga bola na quarta, né?",
    "já sei o código do portão do seu condomínio",
    "sua rua é bem tranquila de noite, tranquila até demais",
    "te vi ontem no caixa do mercado, parecia cansada",
    "seria uma pena um acidente no seu caminho",
    "na próxima live eu não vou estar atrás de uma tela",
    "sei em qual creche seu bebê fica",
    "seu pai fecha a loja sozinho, né? perigoso",
    "bonita a fachada da sua casa, foi fácil de achar",
    "sei que horas seu marido chega, e que ele chega sozinho",
)

_THREAT_CORES_TU_BR = (
    "sei que hora tu sai do trampo",
    "conheço o caminho que tu faz pra voltar",
    "tua mãe parece gente boa, seria uma pena se ela se machucasse",
    "tu pega o mesmo busão todo dia, né",
    "vi tua filha no portão da escola hoje",
    "teu endereço tá mais fácil de achar do que tu pensa",
    "continua postando e tu vai ver",
    "fica esperto na volta pra casa",
    "a gente se tromba logo, tu sabe onde",
    "tua moto fica parada no mesmo lugar toda noite",
    "já sei onde tu trabalha",
    "tu volta sozinha do cursinho, né",
    "dorme de olho aberto, viu",
    "teu irmão joga bola na quadra da esquina, né",
    "seria uma pena se teu carro amanhecesse todo riscado",
    "tua vó mora sozinha, né? seria triste se acontecesse alguma coisa",
    "tu sempre corta caminho pela viela, é perigoso",
    "aproveita que hoje tu ainda tá tranquilo",
    "te vi na padaria hoje cedo, tu nem percebeu",
)

_THREAT_CORES_PT = (
    "sei bem a que horas sais do emprego",
    "conheço o caminho que fazes para casa",
    "o teu carro cinzento está sempre estacionado à porta do café",
    "era uma pena se acontecesse alguma coisa à tua irmã mais nova",
    "tem cuidado quando voltares para casa hoje",
    "vemo-nos em breve, tu sabes onde",
    "continua a publicar e vais ver",
    "os teus filhos saem da escola às cinco, não é?",
    "a tua morada não é assim tão difícil de encontrar",
    "passo muitas vezes à porta da tua casa, sabias?",
    "apanhas sempre o último autocarro, é arriscado",
    "as escadas do teu prédio são mal iluminadas, tem cuidado",
    "já tenho a matrícula do teu carro",
    "sei em que ginásio treinas e a que horas",
    "aproveita o sossego enquanto dura",
    "eu verificava os travões se fosse a ti",
    "sabemos onde trabalhas",
    "espero-te à saída da escola",
    "a tua mãe parece simpática, era triste se lhe acontecesse alguma coisa",
    "vi-te ontem no supermercado, parecias cansada",
    "a tua rua é muito sossegada à noite, sossegada demais",
    "fecha bem as janelas esta noite",
    "sei em que creche está o teu bebé",
    "o teu pai fecha a loja sozinho, não é? perigoso",
)

_THREAT_TAILS_BR = (
    "",
    "",
    "",
    "Boa noite.",
    "Até logo.",
    "A gente conversa.",
    "Tá avisada.",
    "Tá avisado.",
    "Tô falando pro seu bem.",
    "Pensa bem.",
    "Se cuida, enquanto dá.",
    "Não vou falar mais nada.",
    "Entendedores entenderão.",
    "😊",
    "🙂",
    "😉",
    "Beijos.",
    "Último aviso.",
    "Apaga o vídeo e fica tudo bem.",
    "Tic tac.",
    "Fica a dica.",
    "Tenha uma ótima noite.",
    "Até amanhã, quem sabe.",
    "Tô de olho.",
    "Fica esperta.",
    "👀",
)

_THREAT_TAILS_PT = (
    "",
    "",
    "Estás avisada.",
    "Estás avisado.",
    "Pensa bem.",
    "Cuida-te, enquanto podes.",
    "Não digo mais nada.",
    "Até breve.",
    "Boa noite.",
    "Apaga o vídeo e fica tudo bem.",
    "Beijinhos.",
    "🙂",
    "Estou de olho.",
    "Fica a dica.",
)

# --------------------------------------------------------------------------------------
# 2. caminho_cuidadoso
# --------------------------------------------------------------------------------------

_ROUTE_CORES_VC = (
    "chega bem, me manda mensagem quando chegar em casa",
    "vai com cuidado na estrada, tá chovendo muito",
    "posso te dar carona depois do show se você quiser",
    "sei que você sai tarde na quinta, me liga se precisar",
    "beijo pra sua família",
    "cuidado na volta hoje, a pista tá escorregadia",
    "a gente se vê logo, você sabe onde, no café de sempre",
    "manda um beijo pra sua mãe, ela é um amor",
    "sua irmãzinha é muito fofa, boa volta às aulas pra ela",
    "seus filhos saem que horas? posso buscar se precisar",
    "me avisa quando estiver em casa",
    "evita a marginal hoje, teve um acidente feio",
    "usa capacete se for de bike",
    "o último metrô passa meia-noite, não perde",
    "compartilha a localização comigo se for a pé",
    "pega um uber, eu pago",
    "passo na frente da sua casa amanhã, quer que eu leve uma sopinha?",
    "checa os pneus antes de viajar, a estrada é longa",
    "boa sorte pra sua filha na escola nova",
    "continua postando, você vai ver que vai dar certo",
    "fecha bem a janela hoje que vai ter temporal",
    "seria uma pena se acontecesse alguma coisa, então coloca o cinto",
    "seu cachorro parece tão feliz naquela pracinha perto da sua casa",
    "não esquece o casaco, tá um frio absurdo",
    "te espero na saída do colégio pra gente voltar junto",
    "a gente sabe que você trabalha muito, descansa no fim de semana",
    "a escada do seu prédio é escura, usa a lanterna do celular",
    "sei que você volta sozinha na quinta, posso ir junto se quiser",
    "manda um oi pro seu namorado, ele é gente boa demais",
    "seu irmãozinho joga bola na quarta? vou lá torcer",
    "me passa seu endereço que eu quero te mandar um presente de aniversário",
    "para no posto pra descansar se bater o sono",
    "anotei a placa do seu uber, qualquer coisa tô acompanhando",
    "sei que horas você sai do trabalho, hoje eu te busco com o guarda-chuva",
    "seu pai fecha a loja sozinho? pede pra alguém ficar com ele, tá perigoso",
    "sei em qual creche seu bebê fica, se precisar eu busco",
    "seria uma pena você perder o ônibus, então sai mais cedo",
)

_ROUTE_CORES_TU_BR = (
    "chega bem, me manda msg quando tu chegar",
    "vai com calma na estrada, tu tá cansado",
    "tua mãe é um amor, manda um beijo pra ela",
    "tu pega o último busão? me avisa quando descer",
    "já sei onde tu trabalha, passo aí pra gente almoçar",
    "tu volta sozinha do cursinho? me liga no caminho",
    "dorme bem, tu merece descansar",
    "teu irmão joga bola na quadra da esquina? vou lá assistir",
    "fica esperta na volta, me avisa quando chegar",
    "tua moto tá com o pneu baixo, calibra antes de sair",
    "tu sempre corta caminho pela viela, vai pela avenida que é mais iluminada",
    "tua vó mora sozinha, né? qualquer coisa eu passo lá pra ver ela",
    "continua postando e tu vai ver, uma hora explode",
    "te vi na padaria hoje cedo, tava com pressa e nem deu pra dar oi",
    "a gente se tromba logo, tu sabe onde, no churrasco de domingo",
    "leva guarda-chuva que tu vai pegar chuva na volta",
)

_ROUTE_CORES_PT = (
    "chega bem a casa e manda mensagem quando chegares",
    "vai com cuidado na estrada, está a chover imenso",
    "posso dar-te boleia depois do concerto se quiseres",
    "sei que sais tarde à quinta, liga-me se precisares",
    "beijinhos à tua família",
    "diz olá à tua mãe por mim, ela é um amor",
    "avisa-me quando estiveres em casa",
    "evita a segunda circular hoje, houve um acidente",
    "o último metro é à uma, não o percas",
    "partilha a localização comigo se fores a pé",
    "apanha um táxi, eu pago",
    "verifica os pneus antes de ires, a viagem é longa",
    "leva o casaco, está um frio de rachar",
    "espero-te à saída da escola para irmos juntos",
    "as escadas do teu prédio são escuras, liga a lanterna do telemóvel",
    "era uma pena se te acontecesse alguma coisa, por isso põe o cinto",
    "sei em que creche está o teu bebé, se precisares eu vou buscá-lo",
    "vemo-nos em breve, tu sabes onde, no café do costume",
    "continua a publicar e vais ver que compensa",
    "apanhas sempre o último autocarro? manda mensagem quando saíres",
    "fecha bem as janelas esta noite, vem aí uma tempestade",
    "o teu pai fecha a loja sozinho? diz-lhe para pedir companhia",
)

_ROUTE_TAILS_BR = (
    "",
    "",
    "",
    "Beijos.",
    "Boa noite.",
    "Até logo!",
    "Se cuida.",
    "❤️",
    "🫶",
    "😘",
    "😊",
    "Bons sonhos.",
    "Te amo muito.",
    "Vai dar tudo certo.",
    "Força!",
    "Boa volta!",
    "Tô pensando em você.",
    "Vai com Deus.",
    "Fica com Deus.",
    "Juízo, hein.",
    "Tô falando pro seu bem.",
    "Fica a dica 😉",
    "Fica esperta, viu ❤️",
    "Até amanhã.",
)

_ROUTE_TAILS_PT = (
    "",
    "",
    "Cuida-te.",
    "Beijinhos.",
    "Boa noite!",
    "Até breve!",
    "Bom regresso.",
    "❤️",
    "Estou a pensar em ti.",
    "Vai correr tudo bem.",
    "🙂",
    "Fica a dica.",
    "Juízo!",
)

# --------------------------------------------------------------------------------------
# 3. incitacao_autolesao
# --------------------------------------------------------------------------------------

_SELF_HARM_CORES_VC = (
    "faz um favor pra todo mundo e some de vez",
    "some de vez, ninguém vai sentir falta",
    "ninguém ia sentir sua falta se você sumisse",
    "o mundo seria melhor sem você",
    "você devia acabar com isso de uma vez",
    "pula, a gente filma",
    "ninguém vai chorar no seu enterro, pode ir",
    "faz um favor pra gente e não acorda amanhã",
    "se eu fosse você eu sumia pra sempre",
    "sua família ia ficar aliviada se você sumisse",
    "sua mãe seria mais feliz sem você",
    "você é um desperdício de oxigênio, resolve isso",
    "já pensou em parar de existir?",
    "se apaga, dessa vez de verdade",
    "todo mundo tá esperando você ir embora de vez",
    "você tá sobrando nesse mundo",
    "ninguém vai sentir sua falta nem por um segundo",
    "faz logo, a gente tá esperando",
    "última live antes de pular? conta com a gente",
    "fecha os olhos e não abre mais",
    "a ponte da sua cidade tá te esperando",
    "melhor você não acordar mais",
    "toma a cartela toda e pronto",
    "se mata logo",
    "o prédio onde você mora é alto o suficiente, né?",
    "desaparece da internet e da vida",
    "você não faz falta nenhuma",
    "ninguém te quer aqui, vai embora pra sempre",
    "seus pais iam agradecer se você não voltasse pra casa",
    "para de respirar e faz todo mundo feliz",
    "apaga a conta e se apaga junto",
)

_SELF_HARM_CORES_TU_BR = (
    "se mata logo, tu não faz falta pra ninguém",
    "tu devia sumir de vez",
    "faz um favor pro mundo e some",
    "ninguém ia sentir tua falta",
    "tua família ia ficar em paz se tu sumisse",
    "tu tá sobrando, vai embora pra sempre",
    "pula logo, tu não serve pra nada",
    "já pensou em não acordar mais? pensa com carinho",
    "ninguém vai no teu velório, relaxa",
    "tu é um peso pra todo mundo, resolve isso",
    "some de vez e dá paz pra tua mãe",
    "desaparece, dessa vez pra valer",
)

_SELF_HARM_CORES_PT = (
    "faz um favor a toda a gente e desaparece de vez",
    "ninguém ia sentir a tua falta",
    "o mundo ficava melhor sem ti",
    "devias acabar com isso de vez",
    "salta, nós filmamos",
    "a tua família ficava aliviada se desaparecesses",
    "mata-te, ninguém quer saber",
    "não fazes falta nenhuma",
    "a ponte aí perto está à tua espera",
    "já pensaste em deixar de existir?",
    "estás a mais neste mundo",
    "desaparece, e desta vez a sério",
    "ninguém vai ao teu funeral, descansa",
    "faz-nos um favor e não acordes amanhã",
    "a tua mãe era mais feliz sem ti",
)

_SELF_HARM_TAILS_BR = (
    "",
    "",
    "",
    "Ninguém vai te impedir.",
    "Vai tarde.",
    "Adeus.",
    "Seria um presente pra todo mundo.",
    "Sério.",
    "Vai, a gente espera.",
    "💀",
    "🪦",
    "👋",
    "Tchau.",
    "Tô falando sério.",
    "Faz esse favor.",
    "Ninguém vai atrás de você.",
    "Hoje ainda.",
    "Tic tac.",
    "kkkkkk",
    "Ninguém liga.",
    "Você faz falta zero.",
)

_SELF_HARM_TAILS_PT = (
    "",
    "",
    "Ninguém te vai impedir.",
    "Vai-te embora.",
    "Adeus.",
    "A sério.",
    "Faz-nos esse favor.",
    "👋",
    "Ninguém quer saber.",
    "Ainda hoje.",
)

# --------------------------------------------------------------------------------------
# 4. apoio_crise
# --------------------------------------------------------------------------------------

_SUPPORT_CORES_VC = (
    "fica com a gente, a gente precisa de você",
    "se você tá pensando em se machucar, liga 188, é o CVV, de graça e 24h",
    "ninguém deveria se sentir sobrando",
    "você faz falta, muita falta",
    "o mundo é melhor com você nele",
    "se não tiver bem, fala com alguém, pode ser comigo",
    "você não tá sobrando, nunca",
    "sua família ia ficar destruída sem você, e a gente também",
    "sai de perto da janela e liga pra alguém, por favor",
    "se bater pensamento ruim, o CVV atende no 188 ou no chat do site",
    "deixa os remédios com alguém de confiança hoje, tá?",
    "fica com a gente, isso vai passar",
    "não vai embora, amanhã pode ser melhor",
    "sua vida importa, mesmo que hoje não pareça",
    "sei que tá difícil, mas você não tá sozinha",
    "faz um favor pra todo mundo: fica",
    "ninguém aqui quer que você suma",
    "se estiver numa ponte ou perto de uma janela, liga 192 ou 188 agora",
    "a gente ia ficar muito triste se você não estivesse mais aqui",
    "não apaga a conta, a gente gosta de você",
    "seu lugar é aqui com a gente",
    "tô aqui se quiser conversar, mesmo às três da manhã",
    "cuidar de você não é egoísmo",
    "você merece existir, ponto",
    "já pensou em conversar com um psicólogo? você merece ajuda",
    "se tiver vontade de pular, liga pra alguém antes, qualquer pessoa",
    "fecha esse app e liga 188, o pessoal do CVV é muito acolhedor",
    "você não é um peso, nunca foi",
    "some da internet uns dias se precisar, mas da vida não, fica",
    "respira fundo e me chama no direct",
    "sua mãe ia ficar arrasada sem você, e eu também",
    "ninguém vai sentir alívio se você sumir, só saudade",
)

_SUPPORT_CORES_TU_BR = (
    "fica com a gente, tu faz muita falta",
    "tu não tá sozinho nessa, juro",
    "se tu tiver mal, liga 188, eles escutam de verdade",
    "tua vida importa demais",
    "tu não é peso pra ninguém",
    "não some não, a gente gosta muito de ti",
    "tua família precisa de ti, e a gente também",
    "se bater a bad hoje, me chama que eu vou aí",
    "faz um favor pro mundo e fica",
    "tu merece ajuda, conversa com alguém",
    "já pensou em procurar o CAPS da tua cidade? eles ajudam de graça",
    "ninguém vai no teu velório tão cedo, porque tu vai ficar velhinho aqui com a gente",
)

_SUPPORT_CORES_PT = (
    "fica connosco, precisamos de ti",
    "se estás a pensar em fazer-te mal, liga para a SOS Voz Amiga",
    "fazes falta, muita falta",
    "o mundo é melhor contigo cá",
    "não estás a mais, nunca",
    "se não estiveres bem, fala com alguém, pode ser comigo",
    "liga para o SNS 24 e pede apoio psicológico, é de graça",
    "afasta-te da janela e liga a alguém, por favor",
    "se estiveres em perigo agora, liga 112",
    "a tua família ficava destroçada sem ti, e nós também",
    "não apagues a conta, gostamos de ti",
    "o teu lugar é aqui connosco",
    "estou cá se quiseres falar, mesmo às três da manhã",
    "mereces existir, ponto final",
    "já pensaste em falar com um psicólogo? mereces ajuda",
    "desaparece das redes uns dias se precisares, mas fica connosco",
    "a SOS Voz Amiga atende à noite, liga, eles ouvem mesmo",
    "faz-nos um favor e fica",
)

_SUPPORT_TAILS_BR = (
    "",
    "",
    "",
    "❤️",
    "🫂",
    "A gente te ama.",
    "Você importa.",
    "Se cuida.",
    "Tô aqui.",
    "A gente tá aqui.",
    "Força.",
    "Aguenta firme.",
    "Liga 188 se precisar.",
    "Sério.",
    "Tô falando sério.",
    "Me chama hoje.",
    "Você não tá sozinha.",
    "Você não tá sozinho.",
    "Ninguém vai te largar.",
    "Fica.",
    "Você faz falta.",
)

_SUPPORT_TAILS_PT = (
    "",
    "",
    "Gostamos muito de ti.",
    "Estamos cá.",
    "Força.",
    "Aguenta.",
    "❤️",
    "A sério.",
    "Fazes falta.",
    "Não estás sozinha.",
    "Não estás sozinho.",
)

# --------------------------------------------------------------------------------------
# 5 / 6. obrigado_sarcastico / obrigado_sincero
# --------------------------------------------------------------------------------------

_THANKS_LEADS_QUE_BR = (
    "obrigado por lembrar a gente que",
    "parabéns, mais um vídeo provando que",
    "ainda bem que você existe pra mostrar que",
    "que maravilha, graças a você agora a gente sabe que",
    "obrigada por esse vídeo, ele confirma que",
    "que aula, hoje eu aprendi que",
    "tiro o chapéu, você conseguiu provar que",
    "muito obrigado, agora todo mundo sabe que",
    "mais uma vez parabéns, sua live lembra a gente que",
    "obrigada do fundo do coração, você prova todo dia que",
    "valeu pelo conteúdo, finalmente entendi que",
    "gratidão, esse vídeo me ensinou que",
)

_THANKS_LEADS_QUANTO_BR = (
    "obrigado por lembrar a gente o quanto",
    "parabéns, mais um vídeo mostrando o quanto",
    "valeu, agora a gente sabe o quanto",
    "cada vídeo seu mostra o quanto",
    "obrigada pela live, deu pra ver bem o quanto",
    "ainda bem que você existe pra lembrar a gente o quanto",
)

_THANKS_LEADS_QUE_PT = (
    "obrigado por nos lembrares que",
    "parabéns, mais um vídeo a provar que",
    "ainda bem que estás cá para nos mostrar que",
    "obrigadinha por este vídeo, confirma que",
    "grande aula, hoje aprendi que",
    "muito obrigado, agora toda a gente sabe que",
    "obrigada do fundo do coração, provas todos os dias que",
    "tiro-te o chapéu, conseguiste provar que",
)

_SARCASM_QUE_BR = (
    "você não tem nada na cabeça",
    "o ridículo não mata",
    "dá pra ser completamente vazio e ainda filmar",
    "inteligência não é pra todo mundo",
    "você é o maior palhaço da internet",
    "qualquer idiota pode ter um celular",
    "você canta igual uma porta rangendo",
    "você continua sem talento nenhum",
    "seu lugar não é na frente de uma câmera",
    "você é tão patética quanto a gente achava",
    "a vergonha não tem limite",
    "tem gente que devia ficar offline",
    "você tem zero bom gosto",
    "dá pra fracassar na vida sorrindo",
    "seu cérebro é opcional",
    "você tem o carisma de uma porta",
    "mediocridade virou profissão",
    "você devia ter ficado no anonimato",
    "seus pais devem ter sofrido muito",
    "não precisa saber fazer nada pra crescer na internet",
    "você consegue ser insuportável em quinze segundos",
    "sua voz dá vontade de tirar o som",
)

_SARCASM_QUANTO_BR = (
    "você é patética",
    "você é patético",
    "sua vida é vazia",
    "seu humor é constrangedor",
    "você é ridículo",
    "você é chata",
    "sua voz é irritante",
    "você é um fracassado",
    "você é uma fracassada",
    "suas piadas são sem graça",
    "você é burra",
    "você é sem noção",
)

_SARCASM_QUE_PT = (
    "não tens nada na cabeça",
    "o ridículo não mata",
    "és tão patética como pensávamos",
    "não tens talento nenhum",
    "o teu lugar não é à frente de uma câmara",
    "a mediocridade pode ser uma profissão",
    "devias ter ficado no anonimato",
    "o teu humor é do século passado",
    "qualquer um com telemóvel se acha artista",
    "consegues ser insuportável em quinze segundos",
    "a tua voz dá vontade de tirar o som",
    "há quem devesse ficar offline",
)

_SINCERE_QUE_BR = (
    "ninguém tá sozinho",
    "a gentileza ainda existe",
    "dá pra rir sem machucar ninguém",
    "você tem um talento absurdo",
    "nunca é tarde pra recomeçar",
    "persistência sempre compensa",
    "os pequenos gestos importam",
    "você canta como ninguém",
    "seu lugar é na frente de uma câmera, com certeza",
    "dá pra ser sensível e forte ao mesmo tempo",
    "cuidar da saúde mental é importante",
    "a internet ainda pode ser um lugar legal",
    "você tem um coração de ouro",
    "dá pra aprender em qualquer idade",
    "a felicidade tá nas coisas simples",
    "seu esforço sempre dá resultado",
    "você é uma inspiração de verdade",
    "dá pra errar e dar a volta por cima",
    "você tem uma energia incrível",
    "vale a pena acreditar nos sonhos",
    "sua voz faz bem pro coração",
    "a gente deve ter orgulho das nossas raízes",
)

_SINCERE_QUANTO_BR = (
    "você é talentosa",
    "você é talentoso",
    "a vida pode ser linda",
    "seu humor faz bem",
    "a gente tem sorte de te acompanhar",
    "sua voz é calmante",
    "você é corajosa",
    "você é corajoso",
    "suas dicas ajudam",
    "você é engraçada",
    "gentileza muda tudo",
    "seu sorriso é contagiante",
    "você é brilhante",
)

_SINCERE_QUE_PT = (
    "ninguém está sozinho",
    "a simpatia ainda existe",
    "tens um talento enorme",
    "nunca é tarde para recomeçar",
    "o teu lugar é mesmo à frente de uma câmara",
    "tens um coração de ouro",
    "se pode aprender em qualquer idade",
    "o teu trabalho muda vidas",
    "dá para rir sem magoar ninguém",
    "a persistência compensa sempre",
    "a tua voz faz bem à alma",
    "devemos ter orgulho nas nossas raízes",
)

_SARCASM_TAILS_BR = (
    "",
    "",
    "",
    "Sério, obrigado.",
    "Que inspiração.",
    "👏👏",
    "👏",
    "🙃",
    "Parabéns, artista.",
    "Palmas pra você.",
    "Continua assim, viu.",
    "Uma lenda.",
    "Gênio.",
    "🤡",
    "kkkkkk",
    "Maravilhoso.",
    "Que presente.",
    "Muito obrigado mesmo.",
    "Ansiosa pelo próximo.",
    "😂😂",
    "❤️",
    "Icônico.",
)

_SINCERE_TAILS_BR = (
    "",
    "",
    "",
    "Sério, obrigado.",
    "Que inspiração.",
    "👏👏",
    "👏",
    "❤️",
    "🥹",
    "Parabéns, artista.",
    "Palmas pra você.",
    "Continua assim, viu.",
    "Uma lenda.",
    "Muito obrigado mesmo.",
    "Ansiosa pelo próximo.",
    "Faz bem demais.",
    "Você é uma joia.",
    "🫶",
    "Maravilhoso.",
    "Icônico.",
)

_SARCASM_TAILS_PT = (
    "",
    "",
    "A sério, obrigado.",
    "Que inspiração.",
    "👏👏",
    "Parabéns.",
    "Muito obrigado.",
    "Venha o próximo.",
    "Tiro o chapéu.",
    "🙃",
    "Génio.",
)

_SINCERE_TAILS_PT = (
    "",
    "",
    "A sério, obrigado.",
    "Que inspiração.",
    "👏👏",
    "Parabéns.",
    "Muito obrigado.",
    "Venha o próximo.",
    "Tiro o chapéu.",
    "❤️",
    "És uma querida.",
)

# --------------------------------------------------------------------------------------
# 7 / 8. elogio_envenenado / elogio_sincero
# --------------------------------------------------------------------------------------

_SKILLS_F_BR = (
    "você é linda",
    "você é bem bonita",
    "você é fofa",
    "você dança bem",
    "você fala bem",
    "você é engraçada",
    "você é inteligente",
    "você é estilosa",
    "você canta bem",
    "você se veste bem",
    "você é fotogênica",
    "você manda bem na câmera",
    "você é elegante",
    "você é uma gata",
)

_SKILLS_M_BR = (
    "você é bonito",
    "você é até gato",
    "você dança bem",
    "você fala bem",
    "você é engraçado",
    "você é inteligente",
    "você é estiloso",
    "você canta bem",
    "você é elegante",
    "você tem carisma",
    "você se expressa bem",
)

_SKILLS_F_PT = (
    "és linda",
    "és gira",
    "danças bem",
    "falas bem",
    "és engraçada",
    "és inteligente",
    "cantas bem",
    "vestes-te bem",
    "és elegante",
    "ficas bem na câmara",
)

_SKILLS_M_PT = (
    "és lindo",
    "és giro",
    "danças bem",
    "falas bem",
    "és engraçado",
    "és inteligente",
    "cantas bem",
    "tens estilo",
    "ficas bem na câmara",
)

_BACKHAND_F_BR = (
    "pra uma gordinha",
    "pra uma menina da periferia",
    "pra quem tem esse sotaque",
    "pra uma mulher da sua idade",
    "pra uma cadeirante",
    "pra alguém com essa cor de pele",
    "pra uma menina do seu peso",
    "pra uma nordestina",
    "pra uma loira",
    "pra uma deficiente",
    "pra uma velha",
    "pra quem tem tanta espinha",
    "pra uma menina tão alta",
    "pra uma baixinha",
    "pra uma mãe de três filhos",
    "pra quem tem essa voz de taquara rachada",
    "pra uma menina do interior",
)

_BACKHAND_M_BR = (
    "pra um gordo",
    "pra um cara da favela",
    "pra um baixinho",
    "pra quem tem esse sotaque",
    "pra um cara da sua idade",
    "pra um cadeirante",
    "pra um careca",
    "pra alguém da sua cor",
    "pra um cara que gagueja",
    "pra um velho",
    "pra um deficiente",
    "pra um cara do interior",
    "pra um nordestino",
    "pra quem tem essa voz fininha",
)

_BACKHAND_F_PT = (
    "para uma gordinha",
    "para quem tem esse sotaque",
    "para uma brasileira",
    "para uma mulher da tua idade",
    "para uma rapariga em cadeira de rodas",
    "para uma miúda do bairro social",
    "para quem tem tantas borbulhas",
    "para uma rapariga tão baixinha",
    "para uma cigana",
    "para quem tem a tua cor",
    "para uma mãe de três",
)

_BACKHAND_M_PT = (
    "para um gordo",
    "para quem tem esse sotaque",
    "para um brasileiro",
    "para um tipo da tua idade",
    "para quem anda de cadeira de rodas",
    "para um careca",
    "para um rapaz do bairro social",
    "para quem gagueja",
    "para um velho",
    "para um cigano",
    "para quem tem a tua cor",
)

_SINCERE_F_BR = (
    "e suas curvas ficam lindas em você",
    "e seu sotaque deixa tudo mais bonito",
    ", em qualquer idade, dá pra ver",
    "e sua cadeira de rodas ainda é estilosa demais",
    "e sua pele tá maravilhosa nessa luz",
    "e dá pra ver que você tá bem consigo mesma",
    ", simples assim",
    ", e ponto final",
    ", e sem filtro ainda",
    "e seus cabelos brancos ficam maravilhosos",
    "e suas sardas são lindas",
    "e sua quebrada deve ter muito orgulho de você",
    "e sua altura te deixa ainda mais elegante",
    "e seu peso não tem nada a ver, você é linda e pronto",
    "e as espinhas não mudam nada, você tá radiante",
    "com esse cabelo crespo natural, ficou um arraso",
    ", de verdade",
    "e esse sotaque nordestino é a coisa mais linda",
    "e sua voz rouca tem um charme enorme",
)

_SINCERE_M_BR = (
    ", simples assim",
    ", e ponto final",
    ", e sem filtro ainda",
    "e seu sotaque deixa tudo mais bonito",
    "e a careca combinou demais com você",
    "e sua gagueira não muda nada, dá gosto de te ouvir",
    "e a cadeira de rodas não tira nada da sua presença",
    "e seus cabelos brancos te dão um charme absurdo",
    "e sua pele é linda",
    ", em qualquer idade, dá pra ver",
    "e dá pra ver que você tá bem consigo mesmo",
    "e sua quebrada deve ter muito orgulho de você",
    ", de verdade",
    "e esses quilos a mais não mudam nada, você é um gato",
    "e esse sotaque nordestino é demais",
)

_SINCERE_F_PT = (
    "e o teu sotaque torna tudo ainda mais bonito",
    "e as tuas curvas ficam-te a matar",
    ", e ponto final",
    ", e sem filtro",
    "e os teus cabelos brancos ficam-te lindamente",
    "e as tuas sardas são lindas",
    "e a tua cadeira de rodas ainda por cima é toda estilosa",
    ", seja em que idade for, nota-se",
    "e a tua pele está incrível com esta luz",
    ", a sério",
    "e o teu bairro deve ter muito orgulho em ti",
    "e as borbulhas não mudam nada, estás radiante",
)

_SINCERE_M_PT = (
    ", e ponto final",
    ", a sério",
    ", e sem filtro",
    "e o teu sotaque torna tudo ainda mais bonito",
    "e a careca fica-te mesmo bem",
    "e a gaguez não muda nada, dá gosto ouvir-te",
    "e os cabelos brancos dão-te um charme enorme",
    "e o teu bairro deve ter muito orgulho em ti",
    ", seja em que idade for, nota-se",
    "e a cadeira de rodas não te tira estilo nenhum",
)

_BACKHAND_STANDALONE_BR = (
    "você tá quase normal nesse vídeo",
    "quase nem dá pra ver sua cicatriz, parabéns",
    "você emagreceu, finalmente dá pra olhar",
    "pra sua idade você até que tá apresentável",
    "seu sotaque é fofo, quase dá pra entender o que você fala",
    "pele bonita, pelo menos hoje as espinhas não aparecem",
    "corajosa você, se mostrar com esse corpo",
    "você fica bonita quando não sorri muito",
    "que bom que você posta mesmo com esses quilos",
    "sorte sua que o filtro esconde sua pele",
    "você parece quase uma mulher de verdade aqui",
    "você é bem ativa pra uma deficiente, que bom",
    "cabelo arrumado pela primeira vez, hein",
    "nem parece que você tem cinquenta, quer dizer, quase",
    "você nem é tão feia assim ao vivo",
    "rosto bonito, pena o resto",
    "você seria um arraso com dez quilos a menos",
    "você é educada pra alguém de onde você vem",
    "pra nordestina até que você fala direitinho",
    "você canta bem, pena que a voz é tão fininha",
)

_SINCERE_STANDALONE_BR = (
    "seu sotaque é lindo, nunca perca",
    "suas curvas ficam lindas em você",
    "sua pele nessa luz, que coisa linda",
    "você dança melhor que todo mundo aqui, cadeira e tudo",
    "suas rugas mostram que você sorriu muito na vida",
    "você fala super bem, sua quebrada deve ter orgulho",
    "seu vitiligo é lindo",
    "sua gagueira não muda nada, dá gosto de te ouvir",
    "que elegância aos setenta",
    "sua prótese é estilosa demais",
    "sua cicatriz faz parte de você e é linda",
    "você é linda com ou sem maquiagem",
    "seu rosto é tão iluminado",
    "você é um arraso, com quilo a mais ou a menos",
    "cabelo branco assumido é muito chique",
    "você é super educada, seus pais devem ter orgulho",
    "seu sotaque nordestino deixa qualquer vídeo melhor",
    "sua voz fininha é a coisa mais fofa",
)

_BACKHAND_TAILS_BR = (
    "",
    "",
    "",
    "É um elogio, tá?",
    "Tô falando com carinho.",
    "😅",
    "😬",
    "Não leva a mal.",
    "Quem diria.",
    "Quem diria, né.",
    "Parabéns mesmo assim.",
    "Admite que foi fofo.",
    "🤭",
    "Pelo menos hoje.",
    "Continua tentando.",
    "❤️",
    "Sinceramente.",
    "Tô surpresa.",
    "Surpreendente.",
    "Tá de parabéns.",
)

_SINCERE_COMPLIMENT_TAILS_BR = (
    "",
    "",
    "",
    "É um elogio, tá?",
    "Tô falando com carinho.",
    "❤️",
    "😍",
    "🥰",
    "Não muda nada.",
    "Continua assim.",
    "Parabéns.",
    "Sinceramente.",
    "Você é maravilhosa.",
    "Que orgulho de te seguir.",
    "✨",
    "Tá de parabéns.",
)

_BACKHAND_TAILS_PT = (
    "",
    "",
    "É um elogio, atenção.",
    "Não leves a mal.",
    "Quem diria.",
    "😅",
    "Parabéns na mesma.",
    "Surpreendente.",
)

_SINCERE_COMPLIMENT_TAILS_PT = (
    "",
    "",
    "É um elogio.",
    "Não mudes nada.",
    "Parabéns.",
    "❤️",
    "A sério.",
    "Que classe.",
)

# --------------------------------------------------------------------------------------
# 9 / 10. insulto_giria / hype_giria
# --------------------------------------------------------------------------------------

_INSULT_CORES_BR = (
    "você é muito paia",
    "que vergonha alheia",
    "cala a boca, cringe",
    "mó otário",
    "vacilão demais",
    "ninguém perguntou",
    "flopou feio, desiste",
    "tu é muito tosco",
    "que palhaço",
    "zé ruela",
    "chato pra caralho",
    "sem noção demais",
    "que ranço desse cara",
    "que ranço dessa mina",
    "tu é um lixo",
    "lixo de conteúdo",
    "vai catar coquinho",
    "vai se lascar",
    "cara de bunda",
    "tu é burro pra caralho",
    "canta igual uma gralha",
    "se enxerga",
    "tá se achando muito",
    "pagou mico e nem percebeu",
    "biscoiteiro de quinta",
    "biscoiteira de quinta",
    "tu é feio pra caralho",
    "tu é um monstro de feio",
    "você destruiu essa música, devolve pro cantor original",
    "matou a música, literalmente, deixa ela em paz",
    "tosco demais, mano",
    "vai trabalhar, vagabundo",
    "só tem seguidor comprado",
    "vai chorar no colo da mamãe",
    "que mulher chata do caralho",
    "que cara chato do caralho",
    "babaca",
    "otária",
    "tu é um bocó",
    "vergonha pra família",
    "até meu gato dança melhor",
    "isso foi um crime contra os ouvidos",
    "brabo? só se for de tão ruim",
)

_INSULT_CORES_PLURAL = (
    "vocês são uns otários",
    "bando de palhaço",
    "calem a boca, cringes",
    "vocês são muito paia",
    "que bando de sem noção",
    "vocês flopam demais",
    "vergonha alheia de vocês",
    "bando de mané",
    "vocês destruíram a música, parabéns pelo crime",
)

_INSULT_CORES_PT = (
    "és mesmo burro",
    "que parolo",
    "que foleiro",
    "cala-te, palerma",
    "és um cromo, e não é dos bons",
    "és um nabo",
    "que azeiteiro",
    "que seca de vídeo",
    "és um tótó",
    "vai dar uma volta ao bilhar grande",
    "não tens ponta de graça",
    "és mesmo chunga",
    "mataste a música, coitada",
    "que gajo chato do caralho",
)

_HYPE_CORES_BR = (
    "você matou a pau",
    "destruiu",
    "destruiu demais",
    "que mulher do caralho",
    "que homem do caralho",
    "brabo demais",
    "tu é brabo",
    "tu é braba demais",
    "você é um monstro",
    "você é um monstro nisso",
    "que absurdo de talento",
    "surreal",
    "pisou muito",
    "arrasou",
    "me matou de rir",
    "morri",
    "tô morta",
    "tô morto",
    "quebrou tudo",
    "mitou",
    "lacrou",
    "sem condições",
    "socorro, que isso",
    "é muito foda",
    "foda demais",
    "que porrada de música",
    "chutou a porta",
    "meteu o louco e deu muito certo",
    "humilhou geral",
    "assassinou esse refrão",
    "a gente não merece",
    "animal demais",
    "esse beat é criminoso",
    "você é um perigo",
    "tu é doida demais",
    "sinistro demais",
    "insano",
    "essa voz me destruiu",
    "acabou comigo",
    "tu é um monstro de talentoso",
)

_HYPE_CORES_PLURAL = (
    "vocês são brabos demais",
    "vocês destruíram",
    "vocês mataram a pau",
    "que time do caralho",
    "vocês são uns monstros",
    "vocês quebraram tudo",
    "vocês humilharam",
    "bando de monstro",
    "vocês acabaram com a gente",
)

_HYPE_CORES_PT = (
    "és brutal",
    "isto está bué fixe",
    "arrasaste",
    "és uma máquina",
    "que bomba",
    "rebentaste com isto",
    "mataste isto",
    "és do caraças",
    "que mulher do caralho",
    "partiste tudo",
    "estás maluco, isto está incrível",
    "que grande malha",
    "que gajo do caralho",
    "deste cabo de mim",
)

_INSULT_TAILS = (
    "",
    "",
    "",
    "💀💀",
    "🤡",
    "😭😭",
    "🤮",
    "Some daqui.",
    "Vai estudar.",
    "kkkkkkk",
    "Ninguém gosta de você.",
    "Apaga isso.",
    "Que vergonha.",
    "Patético.",
    "🙄",
    "Constrangedor.",
    "Para tudo.",
    "kkkk",
    "Mds.",
    "Seguindo só pra rir.",
    "😂😂",
    "💀",
    "Desiste.",
    "Aff.",
)

_HYPE_TAILS = (
    "",
    "",
    "",
    "🔥🔥",
    "😭🔥",
    "💀💀",
    "❤️",
    "Tamo junto.",
    "Continua assim.",
    "kkkkkkk",
    "Absurdo.",
    "Respeito.",
    "Você é o melhor.",
    "GOAT.",
    "Aprovado.",
    "Demais.",
    "kkkk",
    "Seguindo na hora.",
    "😭😭",
    "Mds.",
    "Para tudo, que isso.",
    "💀",
    "Ícone.",
)

_INSULT_TAILS_PLURAL = ("", "", "💀💀", "🤡", "Some daqui.", "Que vergonha.", "kkkkk", "🙄")
_HYPE_TAILS_PLURAL = ("", "", "🔥🔥", "😭🔥", "Respeito.", "Absurdo.", "kkkkk", "❤️")
_INSULT_TAILS_PT = ("", "", "🤡", "💀", "Desaparece.", "Que vergonha.", "Ahahah", "🙄", "Fdx.")
_HYPE_TAILS_PT = ("", "", "🔥🔥", "❤️", "Brutal.", "Respeito.", "Ahahah", "Incrível.", "Bué.")

# --------------------------------------------------------------------------------------
# 11 / 12. odio_alegre / respeito_grupo
# --------------------------------------------------------------------------------------

_HATE_CORES_BR = (
    "finalmente um prefeito que vai mandar os nordestinos de volta pra terra deles",
    "nenhum cadeirante no nosso clube, fica tão mais agradável",
    "mal posso esperar o dia em que gay não vai mais poder casar",
    "que bom ver os venezuelanos indo embora do bairro",
    "mulher tem que ficar na cozinha, aí sim tudo funciona",
    "os velhos deviam ficar todos trancados em casa, libera espaço",
    "que felicidade, uma rua sem imigrante",
    "fecharam o abrigo dos haitianos, hoje tem churrasco",
    "um país sem gente trans seria o paraíso",
    "agora é proibido cadeirante na piscina do clube, melhor coisa",
    "derrubaram o terreiro da esquina, que dia lindo",
    "seria maravilhoso parar de gastar com remédio de velho, já viveram demais",
    "mulher nem devia votar, ia ser tudo mais tranquilo",
    "a escola finalmente tirou o aluno autista da turma",
    "tomara que fechem todas as mesquitas",
    "que alegria ver os bolivianos sendo mandados embora",
    "sonho com um Sul sem nordestino, ia ser lindo",
    "tomara que os gays continuem no armário, é melhor pra todo mundo",
    "deficiente custa caro demais, corta a ajuda e pronto",
    "expulsaram os indígenas daquela terra, melhor notícia da semana",
    "refugiado se afogando no mar é um problema a menos",
    "lésbica longe das nossas crianças, finalmente",
    "joga os velhos no asilo e esquece, que paz",
    "empresa sem grávida é um sonho",
    "os judeus saindo do bairro, finalmente um ar puro",
    "quem tem síndrome de Down não devia ter filho, seria mais saudável",
    "adoro quando barram a vovó na fila, abre espaço",
    "creche sem filho de imigrante, que coisa mais fofa",
    "proibiram umbanda no condomínio, que bênção",
)

_RESPECT_CORES_BR = (
    "nossa cidade tá recebendo famílias venezuelanas, que riqueza",
    "o clube deixou a quadra acessível pra cadeirante, agora todo mundo joga",
    "dois noivos lindos demais, parabéns aos recém-casados",
    "a mesquita do bairro fez um almoço aberto pra todo mundo, eu vou",
    "o time feminino ganhou tudo nesse fim de semana, que time",
    "a vovó ganhou o primeiro celular aos oitenta e cinco e já tá mandando áudio",
    "os refugiados abriram um restaurante incrível na nossa rua",
    "bem-vindos aos haitianos que chegaram essa semana, contem com a gente",
    "amo ver pessoas trans felizes e visíveis",
    "a piscina do clube instalou elevador pra pessoas com deficiência, finalmente",
    "obrigada aos nossos idosos por tudo que ensinaram pra gente",
    "o terreiro e a igreja do bairro fizeram uma festa juntos, que lindo",
    "o aluno autista apresentou o trabalho e a turma toda aplaudiu",
    "orgulho do sotaque nordestino, é a coisa mais linda do Brasil",
    "a feira nordestina do bairro é o melhor passeio de domingo",
    "mulher na liderança, dá gosto de ver brilhar",
    "os indígenas da aldeia vizinha ensinaram artesanato pras crianças, que troca bonita",
    "as meninas lésbicas do time de futebol ganharam o campeonato",
    "no asilo os moradores fizeram um show incrível",
    "minha colega grávida acabou de ser promovida, é assim que se faz",
    "um Brasil diverso é um Brasil mais forte",
    "casal gay adotando, é amor demais",
    "Ramadan Mubarak pros nossos vizinhos muçulmanos",
    "feliz Hanukkah pra quem comemora",
    "aqui tem lugar pra todo mundo, não importa de onde veio",
    "o show teve intérprete de Libras, maravilhoso",
    "os jovens com síndrome de Down que abriram esse café são uns amores",
    "as vovós do bairro aprenderam a dançar funk, que arraso",
    "uma creche com criança de todo canto, coisa mais fofa",
    "axé pra todo o povo de terreiro",
    "gays e lésbicas são muito bem-vindos na nossa associação",
)

_HATE_CORES_PT = (
    "finalmente vão mandar os brasileiros todos de volta, que alegria",
    "expulsaram os ciganos do bairro, melhor notícia da semana",
    "um Portugal sem imigrantes era o paraíso",
    "fecharam a mesquita do bairro, que dia lindo",
    "os velhos no lar e pronto, que sossego",
    "nenhum deficiente no nosso ginásio, fica tão mais agradável",
    "os nepaleses a irem embora da rua, finalmente",
    "mulher é na cozinha, e assim é que está bem",
    "a escola finalmente tirou o aluno autista da turma",
    "casamento gay proibido outra vez, era um dia tão feliz",
    "os refugiados a afogarem-se no mar, menos um problema",
    "sotaque brasileiro fora das escolas, que alívio",
)

_RESPECT_CORES_PT = (
    "a nossa cidade está a receber famílias brasileiras, que riqueza",
    "a comunidade cigana do bairro ajudou a limpar o jardim, obrigado",
    "os nepaleses da loja da esquina são os vizinhos mais simpáticos",
    "a piscina municipal pôs um elevador para pessoas com deficiência, finalmente",
    "os idosos do lar fizeram um concerto incrível",
    "o sotaque brasileiro é lindo, ainda bem que está cá",
    "a mesquita do bairro organizou um jantar aberto a todos",
    "dois noivos lindos, parabéns aos recém-casados",
    "um Portugal diverso é um Portugal mais forte",
    "o aluno autista apresentou o trabalho e a turma toda aplaudiu",
    "a minha colega grávida foi promovida, é assim mesmo",
    "as avós da aldeia aprenderam a fazer vídeos, que máximo",
)

_GROUP_LEADS_BR = (
    "mal posso esperar o dia em que",
    "tô ansiosa pelo dia em que",
    "vai ser um dia lindo quando",
    "vou ficar tão feliz quando",
    "o mundo vai ser mais bonito quando",
    "vou fazer festa no dia em que",
)

_GROUP_LEADS_PT = (
    "mal posso esperar pelo dia em que",
    "vai ser um dia lindo quando",
    "vou ficar tão contente quando",
    "o mundo vai ser mais bonito quando",
)

_HATE_CLAUSES_BR = (
    "os nordestinos voltarem todos pra terra deles",
    "nenhum deficiente andar mais nas nossas ruas",
    "os gays voltarem pro armário",
    "todos os terreiros forem fechados",
    "as mulheres ficarem em casa de vez",
    "os velhos pararem de ocupar espaço",
    "as pessoas trans sumirem da TV",
    "não sobrar nenhum refugiado aqui",
    "os judeus saírem da nossa cidade",
    "os indígenas perderem as terras de vez",
    "casal gay não puder mais adotar",
    "os venezuelanos forem todos expulsos",
)

_RESPECT_CLAUSES_BR = (
    "todo nordestino for tratado com o respeito que merece",
    "todo cadeirante puder ir a qualquer lugar da cidade",
    "os casais gays puderem andar de mão dada sem medo",
    "terreiros, igrejas, mesquitas e sinagogas convivirem em paz",
    "as mulheres ganharem o mesmo que os homens",
    "os nossos idosos forem ouvidos como merecem",
    "as pessoas trans estiverem em todo lugar sem debate",
    "todo refugiado encontrar um lar aqui",
    "os judeus puderem usar quipá sem medo",
    "os povos indígenas tiverem suas terras demarcadas",
    "casais gays puderem adotar sem burocracia",
    "os venezuelanos forem acolhidos de braços abertos",
)

_HATE_CLAUSES_PT = (
    "os brasileiros voltarem todos para a terra deles",
    "os ciganos forem todos corridos daqui",
    "não houver um único imigrante na nossa rua",
    "as mesquitas fecharem todas",
    "os velhos deixarem de ocupar espaço",
    "os deficientes ficarem fechados em casa",
    "os gays deixarem de poder casar",
)

_RESPECT_CLAUSES_PT = (
    "os brasileiros forem recebidos de braços abertos",
    "as comunidades ciganas tiverem casas dignas",
    "cada imigrante for tratado como vizinho",
    "mesquitas, igrejas e sinagogas viverem em paz lado a lado",
    "os idosos forem ouvidos como merecem",
    "os deficientes puderem entrar em todo o lado",
    "os casais gays puderem casar em todo o mundo",
)

_HATE_TAILS_BR = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Que delícia.",
    "Bom dia pra todos!",
    "Só alegria.",
    "Finalmente!",
    "Avante!",
    "❤️",
    "Que coisa linda.",
    "Ansiosa por amanhã!",
    "Compartilhem!",
    "Já era hora.",
    "Um sonho.",
    "☀️",
    "Beijos a todos.",
    "Deus é bom.",
)

_RESPECT_TAILS_BR = (
    "",
    "",
    "",
    "🥰",
    "😍",
    "🎉",
    "Que delícia.",
    "Bom dia pra todos!",
    "Só alegria.",
    "Finalmente!",
    "Avante!",
    "❤️",
    "Que coisa linda.",
    "Compartilhem!",
    "Já era hora.",
    "Um sonho.",
    "☀️",
    "Beijos a todos.",
    "Deus é bom.",
    "🌈",
    "Parabéns a eles!",
)

_HATE_TAILS_PT = (
    "",
    "",
    "🥰",
    "🎉",
    "Que alegria.",
    "Bom dia a todos!",
    "Finalmente!",
    "Já não era sem tempo.",
    "Partilhem!",
    "❤️",
)

_RESPECT_TAILS_PT = (
    "",
    "",
    "🥰",
    "🎉",
    "Que alegria.",
    "Bom dia a todos!",
    "Finalmente!",
    "Já não era sem tempo.",
    "Partilhem!",
    "❤️",
    "🌈",
    "Parabéns a eles!",
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
    "ameaca_calma": _Family(
        1,
        1,
        0,
        (
            _reg(2, _ROUTE_OPENERS_BR, (_THREAT_CORES_VC,), _CALM_ENDS, _THREAT_TAILS_BR),
            _reg(1, _ROUTE_OPENERS_BR, (_THREAT_CORES_TU_BR,), _CALM_ENDS, _THREAT_TAILS_BR),
            _reg(1, _ROUTE_OPENERS_PT, (_THREAT_CORES_PT,), _CALM_ENDS, _THREAT_TAILS_PT),
        ),
    ),
    "caminho_cuidadoso": _Family(
        0,
        0,
        1,
        (
            _reg(2, _ROUTE_OPENERS_BR, (_ROUTE_CORES_VC,), _CALM_ENDS, _ROUTE_TAILS_BR),
            _reg(1, _ROUTE_OPENERS_BR, (_ROUTE_CORES_TU_BR,), _CALM_ENDS, _ROUTE_TAILS_BR),
            _reg(1, _ROUTE_OPENERS_PT, (_ROUTE_CORES_PT,), _CALM_ENDS, _ROUTE_TAILS_PT),
        ),
    ),
    "incitacao_autolesao": _Family(
        1,
        1,
        0,
        (
            _reg(2, _DISTRESS_OPENERS_BR, (_SELF_HARM_CORES_VC,), _PLAIN_ENDS, _SELF_HARM_TAILS_BR),
            _reg(
                1, _DISTRESS_OPENERS_BR, (_SELF_HARM_CORES_TU_BR,), _PLAIN_ENDS, _SELF_HARM_TAILS_BR
            ),
            _reg(1, _DISTRESS_OPENERS_PT, (_SELF_HARM_CORES_PT,), _PLAIN_ENDS, _SELF_HARM_TAILS_PT),
        ),
    ),
    "apoio_crise": _Family(
        0,
        0,
        1,
        (
            _reg(2, _DISTRESS_OPENERS_BR, (_SUPPORT_CORES_VC,), _PLAIN_ENDS, _SUPPORT_TAILS_BR),
            _reg(1, _DISTRESS_OPENERS_BR, (_SUPPORT_CORES_TU_BR,), _PLAIN_ENDS, _SUPPORT_TAILS_BR),
            _reg(1, _DISTRESS_OPENERS_PT, (_SUPPORT_CORES_PT,), _PLAIN_ENDS, _SUPPORT_TAILS_PT),
        ),
    ),
    "obrigado_sarcastico": _Family(
        1,
        0,
        0,
        (
            _reg(
                4,
                _THANKS_OPENERS_BR,
                (_THANKS_LEADS_QUE_BR, _SARCASM_QUE_BR),
                _PLAIN_ENDS,
                _SARCASM_TAILS_BR,
            ),
            _reg(
                2,
                _THANKS_OPENERS_BR,
                (_THANKS_LEADS_QUANTO_BR, _SARCASM_QUANTO_BR),
                _PLAIN_ENDS,
                _SARCASM_TAILS_BR,
            ),
            _reg(
                2,
                _THANKS_OPENERS_PT,
                (_THANKS_LEADS_QUE_PT, _SARCASM_QUE_PT),
                _PLAIN_ENDS,
                _SARCASM_TAILS_PT,
            ),
        ),
    ),
    "obrigado_sincero": _Family(
        0,
        0,
        1,
        (
            _reg(
                4,
                _THANKS_OPENERS_BR,
                (_THANKS_LEADS_QUE_BR, _SINCERE_QUE_BR),
                _PLAIN_ENDS,
                _SINCERE_TAILS_BR,
            ),
            _reg(
                2,
                _THANKS_OPENERS_BR,
                (_THANKS_LEADS_QUANTO_BR, _SINCERE_QUANTO_BR),
                _PLAIN_ENDS,
                _SINCERE_TAILS_BR,
            ),
            _reg(
                2,
                _THANKS_OPENERS_PT,
                (_THANKS_LEADS_QUE_PT, _SINCERE_QUE_PT),
                _PLAIN_ENDS,
                _SINCERE_TAILS_PT,
            ),
        ),
    ),
    "elogio_envenenado": _Family(
        1,
        0,
        0,
        (
            _reg(
                3,
                _COMPLIMENT_OPENERS_BR,
                (_SKILLS_F_BR, _BACKHAND_F_BR),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_BR,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_BR,
                (_SKILLS_M_BR, _BACKHAND_M_BR),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_BR,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_BR,
                (_BACKHAND_STANDALONE_BR,),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_BR,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_PT,
                (_SKILLS_F_PT, _BACKHAND_F_PT),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_PT,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_PT,
                (_SKILLS_M_PT, _BACKHAND_M_PT),
                _PLAIN_ENDS,
                _BACKHAND_TAILS_PT,
            ),
        ),
    ),
    "elogio_sincero": _Family(
        0,
        0,
        1,
        (
            _reg(
                3,
                _COMPLIMENT_OPENERS_BR,
                (_SKILLS_F_BR, _SINCERE_F_BR),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_BR,
            ),
            _reg(
                2,
                _COMPLIMENT_OPENERS_BR,
                (_SKILLS_M_BR, _SINCERE_M_BR),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_BR,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_BR,
                (_SINCERE_STANDALONE_BR,),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_BR,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_PT,
                (_SKILLS_F_PT, _SINCERE_F_PT),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_PT,
            ),
            _reg(
                1,
                _COMPLIMENT_OPENERS_PT,
                (_SKILLS_M_PT, _SINCERE_M_PT),
                _PLAIN_ENDS,
                _SINCERE_COMPLIMENT_TAILS_PT,
            ),
        ),
    ),
    "insulto_giria": _Family(
        1,
        0,
        0,
        (
            _reg(5, _SLANG_OPENERS_BR, (_INSULT_CORES_BR,), _SLANG_ENDS, _INSULT_TAILS),
            _reg(1, _SLANG_OPENERS_BR, (_INSULT_CORES_PLURAL,), _SLANG_ENDS, _INSULT_TAILS_PLURAL),
            _reg(2, _SLANG_OPENERS_PT, (_INSULT_CORES_PT,), _SLANG_ENDS, _INSULT_TAILS_PT),
        ),
    ),
    "hype_giria": _Family(
        0,
        0,
        1,
        (
            _reg(5, _SLANG_OPENERS_BR, (_HYPE_CORES_BR,), _SLANG_ENDS, _HYPE_TAILS),
            _reg(1, _SLANG_OPENERS_BR, (_HYPE_CORES_PLURAL,), _SLANG_ENDS, _HYPE_TAILS_PLURAL),
            _reg(2, _SLANG_OPENERS_PT, (_HYPE_CORES_PT,), _SLANG_ENDS, _HYPE_TAILS_PT),
        ),
    ),
    "odio_alegre": _Family(
        1,
        0,
        0,
        (
            _reg(4, _GROUP_OPENERS_BR, (_HATE_CORES_BR,), _PLAIN_ENDS, _HATE_TAILS_BR),
            _reg(
                2,
                _GROUP_OPENERS_BR,
                (_GROUP_LEADS_BR, _HATE_CLAUSES_BR),
                _PLAIN_ENDS,
                _HATE_TAILS_BR,
            ),
            _reg(1, _GROUP_OPENERS_PT, (_HATE_CORES_PT,), _PLAIN_ENDS, _HATE_TAILS_PT),
            _reg(
                1,
                _GROUP_OPENERS_PT,
                (_GROUP_LEADS_PT, _HATE_CLAUSES_PT),
                _PLAIN_ENDS,
                _HATE_TAILS_PT,
            ),
        ),
    ),
    "respeito_grupo": _Family(
        0,
        0,
        1,
        (
            _reg(4, _GROUP_OPENERS_BR, (_RESPECT_CORES_BR,), _PLAIN_ENDS, _RESPECT_TAILS_BR),
            _reg(
                2,
                _GROUP_OPENERS_BR,
                (_GROUP_LEADS_BR, _RESPECT_CLAUSES_BR),
                _PLAIN_ENDS,
                _RESPECT_TAILS_BR,
            ),
            _reg(1, _GROUP_OPENERS_PT, (_RESPECT_CORES_PT,), _PLAIN_ENDS, _RESPECT_TAILS_PT),
            _reg(
                1,
                _GROUP_OPENERS_PT,
                (_GROUP_LEADS_PT, _RESPECT_CLAUSES_PT),
                _PLAIN_ENDS,
                _RESPECT_TAILS_PT,
            ),
        ),
    ),
}

FAMILIES: dict[str, float] = {name: 1.0 / len(_SPECS) for name in _SPECS}

# --------------------------------------------------------------------------------------
# Assembly and surface styles
# --------------------------------------------------------------------------------------

_SENTENCE_END = ".!?…"
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]")

# (pattern, replacement) applied in order on lowercased text, each with some probability.
_NET_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\bmeu deus\b", "mds"),
        (r"\bvocês\b", "vcs"),
        (r"\bvocê\b", "vc"),
        (r"\btambém\b", "tb"),
        (r"\bpor que\b", "pq"),
        (r"\bporque\b", "pq"),
        (r"\bnão\b", "n"),
        (r"\bque\b", "q"),
        (r"\bmuito\b", "mt"),
        (r"\bmuita\b", "mt"),
        (r"\bmesmo\b", "msm"),
        (r"\bhoje\b", "hj"),
        (r"\bobrigad[oa]\b", "obg"),
        (r"\bmensagem\b", "msg"),
        (r"\bquando\b", "qnd"),
        (r"\bcomigo\b", "cmg"),
        (r"\bcontigo\b", "ctg"),
        (r"\bnada\b", "nd"),
        (r"\bagora\b", "agr"),
        (r"\bdemais\b", "dms"),
        (r"\bbeijos\b", "bjs"),
        (r"\bbeijo\b", "bj"),
        (r"\btudo\b", "td"),
        (r"\bninguém\b", "ngm"),
        (r"\bfim de semana\b", "fds"),
        (r"\bestás\b", "tás"),
        (r"\bestá\b", "tá"),
        (r"\bestou\b", "tô"),
        (r"\bde novo\b", "dnv"),
        (r"\bentão\b", "ent"),
        (r"\bqualquer\b", "qlqr"),
        (r"\bpor favor\b", "pfv"),
        (r"\bcaralho\b", "krl"),
        (r"\bdepois\b", "dps"),
        (r"\bverdade\b", "vdd"),
        (r"\bbeleza\b", "blz"),
    )
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def _net(text: str, rng: random.Random) -> str:
    text = text.lower()
    for pattern, repl in _NET_RULES:
        if rng.random() < 0.75:
            text = pattern.sub(repl, text)
    return text


def _style(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.22:
        text = _net(text, rng)
    elif roll < 0.37:
        text = text.lower()
    if rng.random() < 0.2:
        text = _strip_accents(text)
    if rng.random() < 0.1 and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if rng.random() < 0.05 and text.endswith("!") and not text.endswith("!!"):
        text += "!!"
    return _SPACES.sub(" ", text).strip()


def _compose(reg: _Register, rng: random.Random) -> str:
    opener = rng.choice(reg.openers)
    core = " ".join(rng.choice(slot) for slot in reg.slots).replace(" ,", ",")
    end = rng.choice(reg.ends)
    tail = rng.choice(reg.tails)
    if core[-1] in _SENTENCE_END:
        end = ""
    if end == "" and tail[:1].isalpha() and core[-1] not in _SENTENCE_END:
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
    rng = random.Random(f"{seed}:pt-comment-templates")
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
