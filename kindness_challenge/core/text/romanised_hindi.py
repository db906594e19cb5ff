"""Common words of romanised Hindi and Urdu (Hinglish), as typed in comment sections.

wordfreq's Hindi list is mostly Devanagari, so "kya", "bolta" or "bandar" are nobody's common
words there, and a Hinglish comment with a few English words in it ("court", "list", "news")
read as English to the language check (``language``). These are the language's function words,
pronouns, common verbs and forms of address, spelt the usual ways. Words that are also English
words ("main", "to", "me", "ho", "par", "log", "sun", "mat", "tab", "jab", "hum") are left out,
and so are syllables common in romanised Korean, Chinese or Japanese names ("ji", "hoon", "hae",
"hu", "hua", "mai"), so "happy birthday Ji Hoon" stays English: a Hinglish text has enough of the
rest, and an English one must not lose its own words. None of them counted as a common English
word before this list (``language._english_word`` without it; tested).
"""

from __future__ import annotations

WORDS = frozenset(
    """
    hai hain tha thi thay hoga hogi honge hota hoti hote raha rahi rahe rha rhi rhe
    kya kyu kyun kyon kyunki kaise kaisa kaisi kaha kahan kab kaun kitna kitni kitne abhi
    kabhi sabhi itna itne jitna jitne aisa aise waisa waise vaise jaisa jaise
    nahi nahin nai nhi haan bilkul zaroor jaldi
    ka ki ke ko mein tak liye wala wali wale sath saath tarah
    aur lekin magar phir bhi toh sirf bahut bohot bohat zyada jyada thoda kuch kuchh koi sab
    sabko sabka pura poora
    mera meri tera teri tere uska uski uske unka unki unke iska iski iske apna apni apne hamara
    hamari humara tumhara tumhari mujhe tujhe usko isko unko inko humko tumko humein tumhe
    tumhein aapko aap tum woh yeh
    karo kro karna krna karta karti karte kar diya diye dena dedo lelo gaya gayi gaye gya gye
    aaya aayi aaye kiya sakta sakti sakte jaye jaaye hokar
    bol bolo bolta bolti bolte bola boli suno sunn dekh dekho dekha dekhna chal chalo chala jao
    jaa jaana aaja batao bata batayega
    accha acha achha achi acchi achhe theek thik sahi galat bura buri bure naya nayi naye
    pagal bewakoof bakwas bakchodi chutiya chutiye saala sala saale kamina kamine
    bhai bhaiya behen didi yaar yar dost arre arey oye
    baat logon desh sarkar neta paisa paise zindagi pyaar pyar dard khush khushi ghar kaam
    matlab samajh
    """.split()
)
