#!/usr/bin/env python3
"""Generates the HELD-OUT name-screening evaluation set (run once; its output is committed and is what is evaluated).

Shares nothing with the service's variant table (src/main/resources/screening/name-variants.txt), with its rules
(org.yaqaza.intelligence.screening) or with the tuning set (eval-names.tsv): the names below are a separate
hand-written list, each given as Arabic script plus a phonemic transcription, and every Latin spelling is produced
here by an independent transliteration procedure per convention (see CONVENTIONS). HeldOutDisjointnessTest fails
if any name word of the output appears in the variant table or anywhere in the service's source (src/main).

Writes, next to the tuning set (intelligence-service/src/test/resources/screening/), with a fixed seed:
  heldout-persons.tsv  id, birth year, nationality, names (| separated; first = primary)
  heldout-queries.tsv  category, query, birth year, nationality, expected person id ("-" = must not hit)

Phonemic notation (ASCII + two Greek letters): consonants b t θ(ث) j H(ح) x(خ) d ð(ذ) r z s c(ش) S(ص) D(ض) T(ط)
Z(ظ) 3(ع) G(غ) f q k l m n h w y 2(hamza); short vowels a i u, long A I U, @ taa marbuta, E alif maqsura (read a),
e a Maghrebi/Amazigh reduced vowel; a doubled consonant is written twice; "al-" is the article, "3abd al-X" an
Abd compound, "bin-"/"bil-"/"bU-" particles joined to a family name, "ayt "/"wuld " separated family particles.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import screening_eval_files  # noqa: E402

HERE = screening_eval_files.DIRECTORY
rng = random.Random(20261203)

# ------------------------------------------------------------------ the names (kind, Arabic, phonemic)
# M/F given names, L family names; A* = Amazigh (given AM/AF, family AL). Chosen to be absent from eval-names.tsv,
# from the variant table and from the code.
NAMES = """
M	حسام	HusAm
M	مبارك	mubArak
M	سليم	salIm
M	صابر	SAbir
M	جابر	jAbir
M	رضوان	riDwAn
M	مختار	muxtAr
M	شكيب	cakIb
M	خليل	xalIl
M	جليل	jalIl
M	قاسم	qAsim
M	زهير	zuhayr
M	وليد	walId
M	هاشم	hAcim
M	جعفر	ja3far
M	صادق	SAdiq
M	منصف	munSif
M	ناصر	nASir
M	ياسر	yAsir
M	فيصل	faySal
M	رامي	rAmI
M	سامي	sAmI
M	هادي	hAdI
M	فادي	fAdI
M	زكي	zakI
M	غسان	GassAn
M	شفيق	cafIq
M	معاذ	mu3Að
M	حاتم	HAtim
M	ثامر	θAmir
M	الصديق	al-SiddIq
M	العربي	al-3arabI
M	الجيلالي	al-jIlAlI
M	بوشتى	bUctE
M	عيسى	3IsE
M	مرتضى	murtaDE
M	مأمون	ma2mUn
M	رؤوف	ra2Uf
M	لؤي	lu2ayy
M	هانئ	hAni2
M	عبد الصمد	3abd al-Samad
M	عبد الباسط	3abd al-bAsiT
M	عبد الرزاق	3abd al-razzAq
M	عبد اللطيف	3abd al-laTIf
M	عبد الحفيظ	3abd al-HafIZ
M	عبد الجليل	3abd al-jalIl
M	عبد الفتاح	3abd al-fattAH
M	عبد الوهاب	3abd al-wahhAb
M	عبد الغفور	3abd al-GafUr
M	عبد الرحيم	3abd al-raHIm
M	عبد المنعم	3abd al-mun3im
M	عبد الدائم	3abd al-dA2im
F	سلمى	salmE
F	سلوى	salwE
F	ليلى	laylE
F	هدى	hudE
F	ندى	nadE
F	نجوى	najwE
F	رقية	ruqayya@
F	غيثة	Gayθa@
F	عزيزة	3azIza@
F	وفاء	wafA2
F	صفاء	SafA2
F	إيمان	2ImAn
F	شيماء	caymA2
F	بشرى	bucrE
F	يسرى	yusrE
F	كوثر	kawθar
F	ابتسام	ibtisAm
F	حليمة	HalIma@
F	جميلة	jamIla@
F	مليكة	malIka@
F	ثريا	θurayyA
F	فتيحة	fatIHa@
F	سهام	sihAm
F	رجاء	rajA2
L	الصحراوي	al-SaHrAwI
L	الشامي	al-cAmI
L	الزياتي	al-zayyAtI
L	التمسماني	al-tamsamAnI
L	الرباطي	al-ribATI
L	السلاوي	al-salAwI
L	النعماني	al-nu3mAnI
L	الراشدي	al-rAcidI
L	الشاذلي	al-cAðilI
L	الطنجاوي	al-TanjAwI
L	الجراري	al-jarrArI
L	الضريف	al-DarIf
L	الزموري	al-zammUrI
L	التجاني	al-tijAnI
L	الدباغ	al-dabbAG
L	الثعالبي	al-θa3AlibI
L	الذهبي	al-ðahabI
L	الظريف	al-ZarIf
L	القرشي	al-quracI
L	الخياط	al-xayyAT
L	الغزالي	al-GazAlI
L	الحجوي	al-HajwI
L	البركاني	al-barkAnI
L	المسعودي	al-mas3UdI
L	العياشي	al-3ayyAcI
L	الهواري	al-hawwArI
L	الفقيه	al-faqIh
L	الجباري	al-jabbArI
L	الوكيلي	al-wakIlI
L	المريني	al-marInI
L	بنشقرون	bin-caqrUn
L	بنموسى	bin-mUsE
L	بلخياط	bil-xayyAT
L	بلحاج	bil-HAjj
L	بودرقة	bU-darqa@
L	بوعمامة	bU-3amAma@
L	عمور	3ammUr
L	قدورة	qaddUra@
L	زروق	zarrUq
L	ولد السالك	wuld al-sAlik
L	ولد الطلبة	wuld al-Tulba@
AM	يوبا	yUbA
AM	ماسينيسا	mAsInIsA
AM	أكسيل	aksIl
AM	إيدير	IdIr
AM	أمناي	amnAy
AM	كسيلة	kusayla@
AM	موحا	muHA
AM	غيلاس	GIlAs
AM	أمقران	amqrAn
AF	تيزيري	tIzIrI
AF	ديهيا	dIhyA
AF	تافسوت	tAfsUt
AF	ثيلelli	θilelli
AF	تانيرت	tAnIrt
AL	أمغار	amGAr
AL	أوشن	ucen
AL	أمزيان	amzyAn
AL	أوفقير	ufqIr
AL	إيزم	Izem
AL	أمهروق	amhrUq
AL	آيت باها	ayt bAhA
AL	آيت حمو	ayt Hammu
AL	آيت يدير	ayt yiddIr
AL	آيت منقلات	ayt mangallAt
"""
# a Tamazight female name written in Arabic script: fix the placeholder above (kept readable in the table)
NAMES = NAMES.replace("ثيلelli", "ثيللي")

# names one letter apart in Arabic script (distinct people's names): hard negatives
NEIGHBOURS = [("رامي", "سامي"), ("هادي", "فادي"), ("جابر", "صابر"), ("ناصر", "ياسر"), ("خليل", "جليل"),
              ("سلمى", "سلوى"), ("هدى", "ندى")]

SUN = set("tθdðrzscSDTZln")
VOWELS = "aiuAIUeE@"


def parse_names():
    out = {}
    for line in NAMES.strip().split("\n"):
        kind, arabic, phon = line.split("\t")
        out.setdefault(kind, []).append(dict(kind=kind, arabic=arabic, phon=phon))
    return out


# ------------------------------------------------------------------ transliteration, one procedure per convention
# Each option list is a convention's habits; the first option is the civil-registry (canonical) choice.
CONVENTIONS = {
    # French / Maghrebi civil registry
    "fr": dict(b=["b"], t=["t"], θ=["t", "th"], j=["j", "dj"], H=["h"], x=["kh"], d=["d"], ð=["d", "dh"],
               r=["r"], z=["z"], s=["s"], c=["ch"], S=["s"], D=["d", "dh"], T=["t"], Z=["z", "d"],
               G=["gh", "rh"], f=["f"], q=["k", "q"], k=["k"], l=["l"], m=["m"], n=["n"], h=["h"],
               w=["ou", "w"], y=["y", "i"], a=["a", "e"], i=["i", "e"], u=["ou", "o"], A=["a"], I=["i"],
               U=["ou"], e=["e"], E=["a"], article=["el", "al"], ain=["", "\u2019"], hamza=[""]),
    # Spanish: ج as y, خ as j, ش as ch or x, w as u/gu, ق as c/k
    "es": dict(b=["b"], t=["t"], θ=["z", "t"], j=["y", "j"], H=["h", "j"], x=["j", "kh"], d=["d"], ð=["d", "z"],
               r=["r"], z=["z"], s=["s"], c=["ch", "x", "sh"], S=["s"], D=["d"], T=["t"], Z=["z", "d"],
               G=["g", "gh"], f=["f"], q=["c", "k", "q"], k=["k", "c"], l=["l"], m=["m"], n=["n"], h=["h"],
               w=["u", "gu", "w"], y=["y", "i"], a=["a"], i=["i", "e"], u=["u", "o"], A=["a"], I=["i"], U=["u"],
               e=["e"], E=["a"], article=["el", "al"], ain=[""], hamza=[""]),
    # English / scholarly
    "en": dict(b=["b"], t=["t"], θ=["th"], j=["j"], H=["h"], x=["kh"], d=["d"], ð=["dh"], r=["r"], z=["z"],
               s=["s"], c=["sh"], S=["s"], D=["d", "dh"], T=["t"], Z=["z", "dh"], G=["gh"], f=["f"], q=["q"],
               k=["k"], l=["l"], m=["m"], n=["n"], h=["h"], w=["w"], y=["y"], a=["a"], i=["i"], u=["u"],
               A=["a", "aa"], I=["i", "ee"], U=["u", "oo"], e=["e", "a"], E=["a"], article=["al"],
               ain=["\u2019", "", "\u02bf", "'"], hamza=["'", ""]),
    # Maghrebi chat / arabizi habits: ع as 3, ح as 7, ق as 9, short vowels often left out
    "chat": dict(b=["b"], t=["t"], θ=["t", "th"], j=["j"], H=["7", "h"], x=["kh", "5"], d=["d"], ð=["d"],
                 r=["r"], z=["z"], s=["s"], c=["ch", "sh"], S=["s"], D=["d"], T=["t"], Z=["z", "d"],
                 G=["gh"], f=["f"], q=["9", "k", "q"], k=["k"], l=["l"], m=["m"], n=["n"], h=["h"],
                 w=["w", "ou"], y=["y", "i"], a=["a", "e", ""], i=["i", "e", ""], u=["ou", "o", "u", ""],
                 A=["a"], I=["i"], U=["ou", "u"], e=["", "e"], E=["a"], article=["el", "l"], ain=["3"],
                 hamza=["2", ""]),
    # Kabyle / Tamazight Latin orthography (ɣ, ε, ḥ, ṭ, ṣ, ḍ, ẓ, x for kh)
    "kab": dict(b=["b"], t=["t"], θ=["ṯ", "t"], j=["j"], H=["ḥ"], x=["x", "kh"], d=["d"], ð=["ḏ", "d"],
                r=["r"], z=["z"], s=["s"], c=["ch"], S=["ṣ"], D=["ḍ"], T=["ṭ"], Z=["ẓ"], G=["ɣ", "gh"],
                f=["f"], q=["q"], k=["k"], l=["l"], m=["m"], n=["n"], h=["h"], w=["w"], y=["y"], a=["a"],
                i=["i"], u=["u"], A=["a"], I=["i"], U=["u"], e=["e"], E=["a"], article=["el"], ain=["ε"],
                hamza=[""]),
}


def choose(options, canonical):
    return options[0] if canonical else rng.choice(options)


def render_word(phon, conv, canonical, double=True):
    """One phonemic word (no article, no particle) in a convention."""
    c = CONVENTIONS[conv]
    out = []
    i = 0
    while i < len(phon):
        ch = phon[i]
        nxt = phon[i + 1] if i + 1 < len(phon) else ""
        if ch == nxt and ch not in VOWELS:  # geminate
            one = choose(c[ch], canonical)
            if conv == "fr" and ch == "s":
                one = "s"
            final = i + 2 >= len(phon)
            out.append(one + one if double and len(one) == 1 and not (final and conv != "en") else one)
            i += 2
            continue
        if ch == "3":
            out.append(choose(c["ain"], canonical))
        elif ch == "2":
            out.append(choose(c["hamza"], canonical))
        elif ch == "@":  # taa marbuta after its vowel: silent, or an h
            out.append("" if canonical or rng.random() < 0.75 else "h")
        elif ch == "a" and nxt == "y" and (i + 2 >= len(phon) or phon[i + 2] not in VOWELS + "y"):
            out.append({"fr": "ai", "es": "ai", "en": "ay", "chat": "ay", "kab": "ay"}[conv]
                       if canonical else rng.choice(["ai", "ay", "ei"]))
            i += 2
            continue
        elif ch == "a" and nxt == "w" and (i + 2 >= len(phon) or phon[i + 2] not in VOWELS + "w"):
            out.append({"fr": "aou", "es": "au", "en": "aw", "chat": "aw", "kab": "aw"}[conv]
                       if canonical else rng.choice({"fr": ["aou", "ao", "aw"], "es": ["au", "aw"],
                                                      "en": ["aw"], "chat": ["aw", "aou"], "kab": ["aw"]}[conv]))
            i += 2
            continue
        elif ch == "s" and conv == "fr" and out and out[-1][-1:] in "aeiou" and nxt in VOWELS and nxt:
            out.append("ss")  # French: a single s between vowels would read z
        elif ch == "q" and conv == "es" and nxt not in "aAuU":
            out.append(rng.choice(["k", "q"]) if not canonical else "k")  # Spanish c reads k only before a/o/u
        elif ch == "g" or ch not in c:
            out.append(ch)
        else:
            out.append(choose(c[ch], canonical))
        i += 1
    word = "".join(out)
    if conv == "fr" and word[-1:] == "n" and phon[-2:-1] in ("A", "I") and (canonical or rng.random() < 0.7):
        word += "e"  # French: Rizwane-style final e after a long vowel
    if conv == "fr" and word.endswith("q") and canonical:
        word = word[:-1] + "k"
    return word


def cap(word):
    return word[:1].upper() + word[1:] if word[:1].isalpha() else word[:1] + word[1:2].upper() + word[2:]


def article(rest_phon, conv, canonical, style=None):
    """The article before a word: assimilated before sun letters (Es-, Ech-, Et-...), per convention."""
    first = rest_phon[0]
    base = choose(CONVENTIONS[conv]["article"], canonical)
    if first in SUN and (canonical or style == "assimilated" or (style is None and conv == "fr"
                                                                 and rng.random() < 0.5)):
        cons = render_word(first, conv, True)
        return ("e" if conv != "en" else "a") + cons, True
    return base, False


def render_part(phon, conv, canonical, style=None):
    """A name part (may carry an article, a particle or an Abd compound) -> list of words."""
    if phon.startswith("3abd al-"):
        rest = phon[len("3abd al-"):]
        rest_word = render_word(rest, conv, canonical)
        ain = "" if conv != "chat" else "3"
        if canonical:
            art = "e" + render_word(rest[0], conv, True) if rest[0] in SUN else "el"
            return [cap(ain + "abd" + art + rest_word)]
        sun = rest[0] in SUN
        cons = render_word(rest[0], conv, True)
        spacing = style or rng.choice(["joined", "abd-el", "abd-al", "abdul", "abd-sep", "hyphen"])
        assimilated = ("e" + cons) if sun else "el"
        if spacing == "joined":
            return [cap(ain + "abd" + (assimilated if rng.random() < 0.7 else "el") + rest_word)]
        if spacing == "abd-el":
            return [cap(ain + "abdel"), cap(rest_word)]
        if spacing == "abd-al":
            return [cap(ain + "abd"), ("a" + cons if sun else "al") + "-" + cap(rest_word)]
        if spacing == "abdul":
            return [cap(ain + "abdul" + (rest_word if rng.random() < 0.5 else "-" + cap(rest_word)))]
        if spacing == "abd-sep":
            return [cap(ain + "abd"), cap(assimilated) + " " + cap(rest_word)]
        return [cap(ain + "abd") + "-" + (assimilated if rng.random() < 0.5 else "el") + "-" + cap(rest_word)]
    for prefix, latin in (("bin-", ["ben", "bin", "ibn"]), ("bil-", ["bel", "bil", "ben"]),
                          ("bU-", ["bou", "bu", "abou"])):
        if phon.startswith(prefix):
            rest = render_word(phon[len(prefix):], conv, canonical)
            p = latin[0] if canonical else rng.choice(latin)
            if canonical or rng.random() < 0.5:
                return [cap(p + rest)]
            return [cap(p), cap(rest)]
    if phon.startswith("ayt ") or phon.startswith("wuld "):
        particle, rest = phon.split(" ", 1)
        words = render_part(rest, conv, canonical, style)
        if particle == "ayt":
            p = "Ait" if canonical else rng.choice(["Ait", "Aït", "Ayt", "Aït-", "Ait-", "Ait"])
        else:
            p = "Ould" if canonical else rng.choice(["Ould", "Ould", "Wuld", "Ould-"])
        if p.endswith("-"):
            return [p + words[0]] + words[1:]
        if not canonical and particle == "ayt" and len(words) == 1 and rng.random() < 0.2:
            return [p + words[0].lower()]
        return [p] + words
    if phon.startswith("al-"):
        rest = phon[3:]
        word = render_word(rest, conv, canonical)
        art, assimilated = article(rest, conv, canonical, style)
        if canonical:
            style = style or ("hyphen" if rest[0] in SUN else "none")
            if style == "assimilated-joined":
                return [cap(art + word)] if assimilated else [cap(word)]
            if style == "el":
                return [cap(art), cap(word)]
            return [cap(word)] if not assimilated else [cap(art) + "-" + cap(word)]
        form = style or rng.choice(["sep", "hyphen", "joined", "none"])
        if form == "none":
            return [cap(word)]
        if form == "joined":
            return [cap(art + word)]
        if form == "hyphen":
            return [cap(art) + "-" + cap(word)] if conv != "en" else [art + "-" + cap(word)]
        return [cap(art), cap(word)]
    return [cap(render_word(phon, conv, canonical))]


def latin(person_parts, conv, canonical, order="given-first", particle=None, with_father=True, style=None):
    given, father, family = person_parts["given"], person_parts["father"], person_parts["family"]
    g = []
    for k, n in enumerate(given):
        words = render_part(n["phon"], conv, canonical)
        g.extend(words)
    if len(given) > 1:
        join = person_parts.get("join", " ")
        g = [join.join(g)] if join == "-" else g
    fam = render_part(family["phon"], conv, canonical, style or (person_parts["art"] if canonical else None))
    middle = []
    if father and with_father:
        p = particle or ("Ben" if person_parts["male"] else "Bent")
        if person_parts["amazigh"] and particle is None:
            p = "Ou"
        middle = [p] + render_part(father["phon"], conv, canonical)
    if order == "family-first":
        return " ".join([w.upper() if canonical else w for w in fam] + g + middle)
    return " ".join(g + middle + fam)


def arabic(person_parts, with_father=True, order="given-first"):
    given = " ".join(n["arabic"] for n in person_parts["given"])
    fam = person_parts["family"]["arabic"]
    if person_parts["father"] and with_father:
        ben = "بن" if person_parts["male"] else "بنت"
        middle = " " + ben + " " + person_parts["father"]["arabic"]
    else:
        middle = ""
    if order == "family-first":
        return fam + " " + given + middle
    return given + middle + " " + fam


HAMZA_SWAPS = [("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"), ("ء", "")]
HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


def arabic_variant(text):
    """Hamza, alif maqsura, taa marbuta written the other way; sometimes vowel marks or tatweel added."""
    out = text
    for a, b in HAMZA_SWAPS:
        if a in out and rng.random() < 0.8:
            out = out.replace(a, b)
    if out == text:
        for a, b in (("ي ", "ى "), ("ا", "أ")):
            if a in out:
                out = out.replace(a, b, 1)
                break
    if rng.random() < 0.3:
        k = rng.randrange(1, len(out))
        if out[k - 1] not in " " and out[k - 1] not in HARAKAT:
            out = out[:k] + rng.choice(HARAKAT + ["\u0640"]) + out[k:]
    return out


def vowel_drop(word):
    """Maghrebi vowel omission in the first syllable (Mbarek-style) and doubled/undoubled letters."""
    w = word
    vowels = "aeiou"
    for k in range(1, min(len(w) - 2, 4)):
        if w[k] in vowels and w[k - 1] not in vowels and w[k + 1] not in vowels:
            end = k + 1
            if w[k:k + 2] == "ou":
                end = k + 2
            w = w[:k] + w[end:]
            break
    if w == word:
        for k in range(1, len(w) - 1):
            if w[k] == w[k + 1]:
                return w[:k] + w[k + 1:]
        for k in range(1, len(w) - 1):
            if w[k] not in vowels and w[k - 1] in vowels and w[k + 1] in vowels:
                return w[:k] + w[k] + w[k:]
    return w


def typo(word):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["sub", "del", "swap", "dup"])
    if kind == "sub":
        return word[:i] + rng.choice("aeioubdkmnrst") + word[i + 1:]
    if kind == "del":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


# ------------------------------------------------------------------ persons
names = parse_names()
persons = []
for n in range(2000):
    amazigh = rng.random() < 0.12
    male = rng.random() < 0.72
    if amazigh:
        given = [rng.choice(names["AM" if male else "AF"])]
        father = rng.choice(names["AM"]) if rng.random() < 0.5 else None
        family = rng.choice(names["AL"] + names["L"][:6])
    else:
        given = [rng.choice(names["M" if male else "F"])]
        if rng.random() < 0.12:  # compound first name (Hamid-Salim style)
            second = rng.choice([x for x in names["M" if male else "F"] if not x["phon"].startswith("3abd")
                                 and x is not given[0]])
            if not given[0]["phon"].startswith("3abd"):
                given.append(second)
        father = rng.choice(names["M"]) if rng.random() < 0.6 else None
        family = rng.choice(names["L"] + (names["AL"][:3] if rng.random() < 0.1 else []))
    person = dict(id="H%04d" % n, given=given, father=father, family=family, male=male, amazigh=amazigh,
                  year=rng.randint(1950, 2004), nat=rng.choice(["MA"] * 5 + ["DZ", "TN", "MR", "FR", "ES", "BE"]),
                  join=rng.choice(["-", " "]), art=rng.choice(["none", "hyphen", "assimilated-joined", "el"]))
    lat = latin(person, "fr", True)
    ar = arabic(person)
    r = rng.random()
    person["script"] = "both" if r < 0.5 else "latin" if r < 0.75 else "arabic"
    person["names"] = {"both": [lat, ar], "latin": [lat], "arabic": [ar]}[person["script"]]
    persons.append(person)


def full_key(p, with_father=True):
    return (tuple(g["arabic"] for g in p["given"]), p["father"]["arabic"] if with_father and p["father"] else None,
            p["family"]["arabic"])


full_count, pair_count = {}, {}
for p in persons:
    full_count[full_key(p)] = full_count.get(full_key(p), 0) + 1
    pair_count[full_key(p, False)] = pair_count.get(full_key(p, False), 0) + 1


def unique(p):
    return full_count[full_key(p)] == 1 and pair_count[full_key(p, False)] == 1


queries = []
counts = {}
shuffled = persons[:]
rng.shuffle(shuffled)
PER_CATEGORY = 70


def add(category, text, p):
    year = str(p["year"]) if rng.random() < 0.25 else ""
    nat = p["nat"] if rng.random() < 0.2 else ""
    queries.append((category, text, year, nat, p["id"]))
    counts[category] = counts.get(category, 0) + 1
    p["used"] = True


def take(category, predicate):
    for p in shuffled:
        if counts.get(category, 0) >= PER_CATEGORY:
            return
        if not p.get("used") and unique(p) and predicate(p):
            yield p


for p in take("amazigh", lambda p: p["amazigh"]):
    add("amazigh", latin(p, rng.choice(["kab", "kab", "en", "es", "fr"]), False,
                         particle=rng.choice(["U", "Ou", "Ou", "u", "Ag"]) if p["father"] else None), p)
for p in take("fr-variant", lambda p: not p["amazigh"] and p["script"] != "latin"):
    add("fr-variant", latin(p, "fr", False), p)
for p in take("es", lambda p: not p["amazigh"]):
    add("es", latin(p, "es", False, particle=rng.choice(["Ben", "Bin", "Ibn"]) if p["male"] else None), p)
for p in take("en", lambda p: not p["amazigh"]):
    add("en", latin(p, "en", False, particle=rng.choice(["bin", "ibn"]) if p["male"] else "bint"), p)
for p in take("chat", lambda p: not p["amazigh"]):
    add("chat", latin(p, "chat", False, particle="ben" if p["male"] else "bent").lower(), p)
for p in take("ar2lat", lambda p: p["script"] == "latin"):
    add("ar2lat", arabic_variant(arabic(p)), p)
for p in take("lat2ar", lambda p: p["script"] == "arabic" and not p["amazigh"]):
    add("lat2ar", latin(p, rng.choice(["fr", "en", "es"]), False), p)
for p in take("article", lambda p: p["family"]["phon"].startswith("al-") and p["script"] != "arabic"):
    style = rng.choice(["assimilated", "assimilated", "sep", "joined", "hyphen"])
    if style == "assimilated":
        if p["family"]["phon"][3] not in "tθdðrzscSDTZln":
            style = "joined"
        else:
            rest = p["family"]["phon"][3:]
            art = "e" + render_word(rest[0], "fr", True)
            word = render_word(rest, "fr", False)
            fam = rng.choice([cap(art) + "-" + cap(word), cap(art + word), cap(art) + " " + cap(word)])
            q = latin(dict(p, family=dict(p["family"], phon=rest)), "fr", True)
            q = q.rsplit(" ", 1)[0] + " " + fam
            add("article", q, p)
            continue
    q = latin(p, "fr", True)
    q = q.rsplit(" ", len(render_part(p["family"]["phon"], "fr", True, p["art"])))[0] + " " \
        + " ".join(render_part(p["family"]["phon"], "fr", False, style if style != "assimilated" else None))
    add("article", q, p)
for p in take("particle", lambda p: p["father"] or " " in p["family"]["phon"] or "-" in p["family"]["phon"]):
    if p["father"]:
        if p["amazigh"]:
            particle = rng.choice(["Ou", "U", "ou", "Ben"])
        elif p["male"]:
            particle = rng.choice(["Ben", "Bin", "Ibn", "ben", "b."])
        else:
            particle = rng.choice(["Bent", "Bint", "bent"])
        q = latin(p, "fr", True, particle=particle)
        if rng.random() < 0.4 and particle in ("Ben", "Bin", "ben"):
            q = q.replace(particle + " ", particle, 1)  # joined to the father's name
        add("particle", q, p)
    else:
        add("particle", latin(p, "fr", False), p)
for p in take("abd", lambda p: p["given"][0]["phon"].startswith("3abd") and p["script"] != "arabic"):
    add("abd", latin(p, rng.choice(["fr", "fr", "en", "es"]), False), p)
for p in take("compound-given", lambda p: len(p["given"]) == 2):
    words = [render_part(g["phon"], "fr", True)[0] for g in p["given"]]
    joined = rng.choice(["".join(words), words[0] + words[1].lower(), "-".join(words), " ".join(words)])
    if joined == (p["join"].join(words)):
        joined = "".join(words)
    rest = latin(dict(p, given=[]), "fr", True).strip()
    add("compound-given", joined + " " + rest, p)
for p in take("doubling-vowels", lambda p: not p["amazigh"] and p["script"] != "arabic"):
    words = latin(p, "fr", True).split(" ")
    k = rng.randrange(len(words))
    if words[k].lower() in ("ben", "bent", "ou", "ait") or len(words[k]) < 4:
        k = 0
    words[k] = cap(vowel_drop(words[k].lower()))
    add("doubling-vowels", " ".join(words), p)
for p in take("reordered", lambda p: True):
    conv = rng.choice(["fr", "fr", "en", "es"])
    if p["script"] == "arabic" and rng.random() < 0.3:
        add("reordered", arabic(p, with_father=rng.random() < 0.5, order="family-first"), p)
    else:
        q = latin(p, conv, False, order="family-first", with_father=rng.random() < 0.4)
        add("reordered", q if rng.random() < 0.5 else q.upper(), p)
for p in take("partial", lambda p: p["father"] is not None):
    if p["script"] == "arabic" or rng.random() < 0.2:
        add("partial", arabic(p, with_father=False), p)
    else:
        add("partial", latin(p, rng.choice(["fr", "en"]), False, with_father=False), p)
for p in take("typo", lambda p: p["script"] != "arabic"):
    words = latin(p, "fr", True).split(" ")
    k = rng.choice([i for i, w in enumerate(words) if len(w) >= 5] or [0])
    words[k] = typo(words[k])
    add("typo", " ".join(words), p)

# ------------------------------------------------------------------ hard negatives
NEGATIVES = 60
by_given_family = {}
for p in persons:
    by_given_family.setdefault((p["given"][0]["arabic"], p["family"]["arabic"]), []).append(p)
negative_count = {}


def negative(category, text):
    queries.append((category, text, "", "", "-"))
    negative_count[category] = negative_count.get(category, 0) + 1


# patronymic swap: "X ben Y F" asked as "Y ben X F" (nobody is Y son of X of family F)
for p in shuffled:
    if negative_count.get("neg-patronymic-swap", 0) >= NEGATIVES:
        break
    if not p["father"] or not p["male"] or len(p["given"]) > 1 or p["father"]["arabic"] == p["given"][0]["arabic"] \
            or p["amazigh"]:
        continue
    if (p["father"]["arabic"], p["family"]["arabic"]) in by_given_family:
        continue
    swapped = dict(p, given=[p["father"]], father=p["given"][0])
    negative("neg-patronymic-swap", arabic(swapped) if p["script"] == "arabic" else latin(swapped, "fr", True))
# same given and family name, another father (middle name) than anyone on file with that given and family name
for p in shuffled:
    if negative_count.get("neg-other-middle", 0) >= NEGATIVES:
        break
    if not p["father"] or len(p["given"]) > 1 or p["amazigh"]:
        continue
    same = by_given_family[(p["given"][0]["arabic"], p["family"]["arabic"])]
    if any(x["father"] is None for x in same):
        continue
    other = rng.choice(names["M"])
    if any(x["father"]["arabic"] == other["arabic"] for x in same) or other["arabic"] == p["given"][0]["arabic"]:
        continue
    q = dict(p, father=other)
    negative("neg-other-middle", arabic(q) if p["script"] == "arabic" else latin(q, "fr", True))
# one letter apart: a given name one Arabic letter from the person's, with the person's family name
neighbour = {}
for a, b in NEIGHBOURS:
    neighbour[a], neighbour[b] = b, a
by_arabic = {n["arabic"]: n for kind in names.values() for n in kind}
for p in shuffled:
    if negative_count.get("neg-one-letter", 0) >= NEGATIVES:
        break
    g = p["given"][0]["arabic"]
    if g not in neighbour or len(p["given"]) > 1:
        continue
    other = by_arabic[neighbour[g]]
    if (other["arabic"], p["family"]["arabic"]) in by_given_family:
        continue
    q = dict(p, given=[other])
    negative("neg-one-letter", arabic(q) if p["script"] == "arabic" else latin(q, "fr", True))
    by_given_family[(other["arabic"], p["family"]["arabic"])] = []

screening_eval_files.write("heldout", "screening-heldout-generate.py", [(p["id"], p["year"], p["nat"], p["names"]) for p in persons], queries)
