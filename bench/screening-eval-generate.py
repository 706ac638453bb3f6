#!/usr/bin/env python3
"""Generates the name-screening evaluation set (run once; its output is committed and is what is evaluated).

Reads intelligence-service/src/test/resources/screening/eval-names.tsv (hand-written name parts in Arabic and
several Latin spellings) and writes, next to it, with a fixed seed:
  eval-persons.tsv  id, birth year, nationality, names (| separated; first = primary)
  eval-queries.tsv  category, query, birth year, nationality, expected person id ("-" = must not hit)
Persons are stored as a file would hold them: French/Maghrebi Latin spelling with or without the Arabic, or
Arabic only. Queries use other spellings, the other script, another order, fewer parts or a typo; hard
negatives combine real parts into names nobody has (new combinations, reversed patronymics, other fathers).
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import screening_eval_files  # noqa: E402

HERE = screening_eval_files.DIRECTORY
rng = random.Random(20261129)

male, female, family = [], [], []
for line in open(os.path.join(HERE, "eval-names.tsv"), encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    kind, arabic, latin = line.rstrip("\n").split("\t")
    entry = (arabic, latin.split("|"))
    {"M": male, "F": female, "L": family}[kind].append(entry)


def pick_given(is_male):
    if is_male and rng.random() < 0.15:
        return male[0]  # Mohamed: the commonest name by far
    return rng.choice(male if is_male else female)


persons = []  # dict(id, given, father, family, year, nat, names)
for n in range(1500):
    is_male = rng.random() < 0.75
    given = pick_given(is_male)
    father = pick_given(True) if rng.random() < 0.6 else None
    fam = rng.choice(family)
    year = rng.randint(1950, 2004)
    nat = rng.choice(["MA"] * 6 + ["DZ", "TN", "FR", "ES", "BE"])
    ben_ar = "بنت" if not is_male else "بن"
    ben_lat = "Bent" if not is_male else "Ben"
    latin = given[1][0] + ((" " + ben_lat + " " + father[1][0]) if father else "") + " " + fam[1][0]
    arabic = given[0] + ((" " + ben_ar + " " + father[0]) if father else "") + " " + fam[0]
    r = rng.random()
    if r < 0.55:
        names, script = [latin, arabic], "both"
    elif r < 0.78:
        names, script = [latin], "latin"
    else:
        names, script = [arabic], "arabic"
    persons.append(dict(id="P%04d" % n, given=given, father=father, family=fam, year=year, nat=nat, names=names,
                        script=script, male=is_male))


def key(p, with_father=True):
    return (p["given"][0], p["father"][0] if (with_father and p["father"]) else None, p["family"][0])


full_count = {}
pair_count = {}
for p in persons:
    full_count[key(p)] = full_count.get(key(p), 0) + 1
    pk = (p["given"][0], p["family"][0])
    pair_count[pk] = pair_count.get(pk, 0) + 1


def other_spelling(part):
    return part[1][rng.randint(1, len(part[1]) - 1)] if len(part[1]) > 1 else part[1][0]


def typo(word):
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(word) < 5:
        return word
    i = rng.choice(letters[1:-1] or letters)
    kind = rng.choice(["sub", "del", "swap", "dup"])
    if kind == "sub":
        c = rng.choice("aeioubdkmnrst")
        return word[:i] + c + word[i + 1:]
    if kind == "del":
        return word[:i] + word[i + 1:]
    if kind == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


queries = []


def add(category, text, p, year=None, nat=None):
    queries.append((category, text, "" if year is None else str(year), nat or "", p["id"] if p else "-"))


def unique_full(p):
    return full_count[key(p)] == 1 and (p["father"] or pair_count[(p["given"][0], p["family"][0])] == 1)


shuffled = persons[:]
rng.shuffle(shuffled)
counts = {}


def take(category, predicate, limit=60):
    for p in shuffled:
        if counts.get(category, 0) >= limit:
            return
        if p.get("used") or not predicate(p):
            continue
        yield p


# Arabic query, person on file in Latin only
for p in take("ar2lat", lambda p: p["script"] == "latin" and unique_full(p)):
    ben = " بن " if p["male"] else " بنت "
    q = p["given"][0] + ((ben + p["father"][0]) if p["father"] else "") + " " + p["family"][0]
    add("ar2lat", q, p, p["year"] if rng.random() < 0.3 else None)
    p["used"] = True
    counts["ar2lat"] = counts.get("ar2lat", 0) + 1
# Latin (English/scholarly) query, person on file in Arabic only
for p in take("lat2ar", lambda p: p["script"] == "arabic" and unique_full(p)):
    ben = " bin " if p["male"] else " bint "
    q = other_spelling(p["given"]) + ((ben + other_spelling(p["father"])) if p["father"] else "") + " " \
        + other_spelling(p["family"])
    add("lat2ar", q, p, None, p["nat"] if rng.random() < 0.3 else None)
    p["used"] = True
    counts["lat2ar"] = counts.get("lat2ar", 0) + 1
# another Latin spelling of every part, person on file in Latin (with or without Arabic)
for p in take("latvar", lambda p: p["script"] != "arabic" and unique_full(p)):
    ben = rng.choice([" bin ", " ben ", " ibn "]) if p["male"] else " bint "
    q = other_spelling(p["given"]) + ((ben + other_spelling(p["father"])) if p["father"] else "") + " " \
        + other_spelling(p["family"])
    add("latvar", q, p)
    p["used"] = True
    counts["latvar"] = counts.get("latvar", 0) + 1
# passenger-list order: FAMILY Given, no father
for p in take("reordered", lambda p: pair_count[(p["given"][0], p["family"][0])] == 1):
    fam = rng.choice(p["family"][1]).upper()
    q = fam + " " + rng.choice(p["given"][1])
    add("reordered", q, p)
    p["used"] = True
    counts["reordered"] = counts.get("reordered", 0) + 1
# partial: given and family, the father left out
for p in take("partial", lambda p: p["father"] and pair_count[(p["given"][0], p["family"][0])] == 1):
    if rng.random() < 0.5 and p["script"] != "latin":
        q = p["given"][0] + " " + p["family"][0]
    else:
        q = rng.choice(p["given"][1]) + " " + rng.choice(p["family"][1])
    add("partial", q, p)
    p["used"] = True
    counts["partial"] = counts.get("partial", 0) + 1
# one typo in one part of the Latin name as on file (or of a Latin spelling of an Arabic-only file)
for p in take("typo", lambda p: unique_full(p)):
    parts = [p["given"][1][0]] + ([p["father"][1][0]] if p["father"] else []) + [p["family"][1][0]]
    i = rng.randrange(len(parts))
    parts[i] = typo(parts[i])
    ben = "Ben" if p["male"] else "Bent"
    q = parts[0] + ((" " + ben + " " + parts[1]) if p["father"] else "") + " " + parts[-1]
    add("typo", q, p)
    p["used"] = True
    counts["typo"] = counts.get("typo", 0) + 1

# hard negatives: real parts, nobody's name
given_pairs = {(p["given"][0], p["family"][0]) for p in persons}
negatives = 0
while negatives < 30:
    g = pick_given(True)
    f = rng.choice(family)
    if (g[0], f[0]) in given_pairs:
        continue
    use_arabic = rng.random() < 0.4
    q = (g[0] + " " + f[0]) if use_arabic else (rng.choice(g[1]) + " " + rng.choice(f[1]))
    queries.append(("neg-combination", q, "", "", "-"))
    given_pairs.add((g[0], f[0]))
    negatives += 1
negatives = 0
for p in shuffled:
    if negatives >= 30:
        break
    if not p["father"] or not p["male"] or p["father"][0] == p["given"][0]:
        continue
    if (p["father"][0], p["family"][0]) in {(x["given"][0], x["family"][0]) for x in persons}:
        continue
    if p["script"] == "arabic":
        q = p["father"][0] + " بن " + p["given"][0] + " " + p["family"][0]
    else:
        q = p["father"][1][0] + " Ben " + p["given"][1][0] + " " + p["family"][1][0]
    queries.append(("neg-reversed", q, "", "", "-"))
    negatives += 1
negatives = 0
for p in shuffled:
    if negatives >= 30:
        break
    if not p["father"] or not p["male"]:
        continue
    same = [x for x in persons if x["given"][0] == p["given"][0] and x["family"][0] == p["family"][0]]
    if any(x["father"] is None for x in same):
        continue
    other = pick_given(True)
    if any(x["father"] and x["father"][0] == other[0] for x in same) or other[0] == p["given"][0]:
        continue
    q = p["given"][1][0] + " Ben " + other[1][0] + " " + p["family"][1][0]
    queries.append(("neg-other-father", q, "", "", "-"))
    negatives += 1

screening_eval_files.write("eval", "screening-eval-generate.py", [(p["id"], p["year"], p["nat"], p["names"]) for p in persons], queries)
