package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;
import org.yaqaza.intelligence.screening.NameNormaliser.Part;
import org.yaqaza.intelligence.screening.api.Adjustment;
import org.yaqaza.intelligence.screening.api.Explanation;
import org.yaqaza.intelligence.screening.api.PartMatch;

/**
 * Scores a candidate name against a query: parts are aligned one to one (best similarity first), each pair
 * judged as exact, variant, transliteration (shared skeleton) or fuzzy (edit distance on skeletons, Jaro-Winkler
 * on Latin spellings); rare parts weigh more than common ones. Then birth year, nationality and the order of a
 * patronymic ({@code X ben Y} is not {@code Y ben X}) move the score. See docs/screening.md for the numbers.
 */
public final class NameMatcher {

    /** Parts of the candidate that the query does not mention count this much (partial queries still hit). */
    static final double CANDIDATE_SIDE = 0.5;
    static final double EXACT = 1.0;
    static final double VARIANT = 0.96;
    static final double TRANSLITERATION = 0.93;
    static final double LATIN_SPELLING = 0.92;
    /** The query names the father of the candidate (or the reverse): "Toufik Najjar" vs "Mohamed ben Toufik". */
    static final double FATHER_NOT_PERSON = 0.6;
    /** Same person's name and family, another father named. */
    static final double OTHER_FATHER = 0.8;
    static final double SWAPPED_PATRONYMIC = 0.55;
    /**
     * A match through a weak reading only (another convention's letter that in the main ones spells another
     * name): ranks the person above namesakes who share nothing for that part, yet a name differing from the
     * query only there stays below the threshold (three parts: (0.25 + 2) / 3 = 0.75 < 0.77).
     */
    static final double WEAK_READING = 0.25;
    /** Skeletons of four letters one edit apart: a typo or another name; enough to rank, never to hit. */
    static final double SHORT_TYPO = 0.25;

    /** Weight of a part in the name score (the service gives every part the same: no corpus statistic). */
    @FunctionalInterface
    public interface Weights {
        double of(Part part);
    }

    public record Scored(double score, Explanation explanation) {
    }

    private record Similarity(double value, String how) {
        static final Similarity NONE = new Similarity(0, "UNMATCHED");
    }

    public Scored score(Parsed query, Integer queryYear, String queryNationality, Parsed candidate,
            Integer candidateYear, String candidateNationality, Weights weights) {
        List<Part> q = query.parts();
        List<Part> c = candidate.parts();
        Similarity[][] sims = new Similarity[q.size()][c.size()];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                sims[i][j] = similarity(q.get(i), c.get(j));
                if (sims[i][j].value > 0) {
                    pairs.add(new int[] { i, j });
                }
            }
        }
        // greedy one-to-one alignment, best pairs first; ties keep the original order (i then j)
        pairs.sort((a, b) -> Double.compare(sims[b[0]][b[1]].value, sims[a[0]][a[1]].value));
        int[] qToC = new int[q.size()];
        int[] cToQ = new int[c.size()];
        Arrays.fill(qToC, -1);
        Arrays.fill(cToQ, -1);
        for (int[] p : pairs) {
            if (qToC[p[0]] < 0 && cToQ[p[1]] < 0) {
                qToC[p[0]] = p[1];
                cToQ[p[1]] = p[0];
            }
        }
        double qTotal = 0;
        double qMatched = 0;
        List<PartMatch> explained = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            double w = weights.of(q.get(i));
            qTotal += w;
            int j = qToC[i];
            if (j >= 0) {
                qMatched += w * sims[i][j].value;
                explained.add(new PartMatch(q.get(i).text(), c.get(j).text(), sims[i][j].how,
                        round(sims[i][j].value), round(w)));
            } else {
                explained.add(new PartMatch(q.get(i).text(), null, "UNMATCHED", 0, round(w)));
            }
        }
        double cTotal = 0;
        double cMatched = 0;
        List<String> unmatched = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) {
            double w = weights.of(c.get(j));
            cTotal += w;
            if (cToQ[j] >= 0) {
                cMatched += w * sims[cToQ[j]][j].value;
            } else {
                unmatched.add(c.get(j).text());
            }
        }
        double nameScore = qTotal + cTotal == 0 ? 0
                : (qMatched + CANDIDATE_SIDE * cMatched) / (qTotal + CANDIDATE_SIDE * cTotal);
        double score = nameScore;
        double[] qSim = new double[q.size()];
        for (int i = 0; i < q.size(); i++) {
            qSim[i] = qToC[i] >= 0 ? sims[i][qToC[i]].value : 0;
        }
        Adjustment order = order(query, candidate, qToC, cToQ, qSim);
        if (order != null) {
            score *= 1 + order.adjustment();
        }
        Adjustment year = birthYear(queryYear, candidateYear);
        Adjustment nationality = nationality(queryNationality, candidateNationality);
        score += (year == null ? 0 : year.adjustment()) + (nationality == null ? 0 : nationality.adjustment());
        score = Math.max(0, Math.min(1, score));
        return new Scored(round(score), new Explanation(round(nameScore), explained, unmatched, order, year,
                nationality));
    }

    /**
     * What the patronymics say: {@code X ben Y} aligned to {@code Y ben X} is another person (x0.55); a name
     * whose own given name is unmatched while its father's name is matched names the father, not the person
     * (x0.6); given names aligned but two different fathers named (x0.8).
     */
    private static Adjustment order(Parsed query, Parsed candidate, int[] qToC, int[] cToQ, double[] qSim) {
        for (int[] ql : query.patronymics()) {
            int cChild = qToC[ql[0]];
            int cFather = qToC[ql[1]];
            for (int[] cl : candidate.patronymics()) {
                if (cChild >= 0 && cFather >= 0 && cl[0] == cFather && cl[1] == cChild) {
                    return adjustment(query, ql, candidate, cl, SWAPPED_PATRONYMIC,
                            "patronymic reversed: names another person");
                }
            }
        }
        Adjustment a = fatherOnly(candidate, cToQ, query, false);
        if (a == null) {
            a = fatherOnly(query, qToC, candidate, true);
        }
        if (a != null) {
            return a;
        }
        for (int[] ql : query.patronymics()) {
            for (int[] cl : candidate.patronymics()) {
                // fathers aligned only through a weak reading or a short typo are still two fathers
                if (qToC[ql[0]] == cl[0] && (qToC[ql[1]] != cl[1] || qSim[ql[1]] < 0.5)) {
                    return adjustment(query, ql, candidate, cl, OTHER_FATHER, "another father named");
                }
            }
        }
        return null;
    }

    private static Adjustment fatherOnly(Parsed name, int[] aligned, Parsed other, boolean isQuery) {
        for (int[] link : name.patronymics()) {
            if (aligned[link[0]] < 0 && aligned[link[1]] >= 0) {
                String father = name.parts().get(link[1]).text();
                String reason = (isQuery ? "the query's" : "the candidate's") + " given name "
                        + name.parts().get(link[0]).text() + " is unmatched while the father's name " + father
                        + " is matched: the father, not this person";
                return new Adjustment(isQuery ? name.parts().get(link[0]).text() + " ben " + father : null,
                        isQuery ? null : name.parts().get(link[0]).text() + " ben " + father,
                        round(FATHER_NOT_PERSON - 1), reason);
            }
        }
        return null;
    }

    private static Adjustment adjustment(Parsed query, int[] ql, Parsed candidate, int[] cl, double factor,
            String reason) {
        return new Adjustment(query.parts().get(ql[0]).text() + " ben " + query.parts().get(ql[1]).text(),
                candidate.parts().get(cl[0]).text() + " ben " + candidate.parts().get(cl[1]).text(),
                round(factor - 1), reason + " (score x" + factor + ")");
    }

    static Adjustment birthYear(Integer query, Integer candidate) {
        if (query == null || candidate == null) {
            return null;
        }
        int gap = Math.abs(query - candidate);
        double delta;
        String reason;
        if (gap == 0) {
            delta = 0.05;
            reason = "same birth year";
        } else if (gap <= 2) {
            delta = 0;
            reason = "birth years " + gap + " apart (date uncertainty)";
        } else if (gap <= 5) {
            delta = -0.1;
            reason = "birth years " + gap + " apart";
        } else {
            delta = -0.25;
            reason = "birth years " + gap + " apart: likely another person";
        }
        return new Adjustment(query.toString(), candidate.toString(), delta, reason);
    }

    static Adjustment nationality(String query, String candidate) {
        if (query == null || candidate == null) {
            return null;
        }
        boolean same = query.equalsIgnoreCase(candidate);
        return new Adjustment(query, candidate, same ? 0.02 : -0.05,
                same ? "same nationality" : "different nationality (dual nationals exist)");
    }

    private static Similarity similarity(Part q, Part c) {
        if (q.form().equals(c.form())) {
            return new Similarity(EXACT, "EXACT");
        }
        if (q.group() != null && q.group().equals(c.group())) {
            return new Similarity(VARIANT, "VARIANT");
        }
        boolean arabicOnly = q.script() == NameNormaliser.Script.ARABIC && c.script() == NameNormaliser.Script.ARABIC;
        for (String k : q.keys()) {
            if (!k.startsWith("~") && c.keys().contains(k)) {
                // Arabic spelling is standardised: two Arabic spellings with one skeleton are usually two names
                // (أسامة/أسماء); a one-letter skeleton (Aicha/عائشة = "S") says less than a long one
                double v = arabicOnly ? 0.82 : k.length() <= 1 ? 0.85 : k.length() == 2 ? 0.9
                        : q.script() == c.script() ? LATIN_SPELLING : TRANSLITERATION;
                return new Similarity(v, "TRANSLITERATION");
            }
        }
        if (q.group() != null && c.group() != null) {
            return Similarity.NONE; // two different names of the curated table (Mohamed/Ahmed): no typo
        }
        int distance = Integer.MAX_VALUE;
        int longest = 0;
        // typo distance between spellings (own skeleton, group skeleton), not the derived alternates
        for (String a : List.of(q.skeleton(), q.keys().get(0))) {
            for (String b : List.of(c.skeleton(), c.keys().get(0))) {
                if (a.isEmpty() || b.isEmpty() || a.startsWith("~") || b.startsWith("~")) {
                    continue;
                }
                int d = damerauLevenshtein(a, b);
                if (d < distance || d == distance && Math.max(a.length(), b.length()) > longest) {
                    distance = d;
                    longest = Math.max(a.length(), b.length());
                }
            }
        }
        double best = 0;
        // short skeletons one edit apart are different names (Sebbar/Sebbai, Tazi/Touimi): only long ones
        if (nisbaOnly(q.skeleton(), c.skeleton())) {
            best = 0.88; // Zeroual/الزروالي: the same name with and without the nisba ending
        } else if (distance == 1 && longest >= (arabicOnly ? 6 : 5)) {
            best = longest >= 6 ? 0.8 : 0.76;
        } else if (distance == 2 && longest >= 7) {
            best = 0.6;
        } else if (distance == 1 && longest == 4 && !arabicOnly) {
            best = SHORT_TYPO;
        }
        if (weakMatch(q, c)) {
            best = Math.max(best, WEAK_READING);
        }
        if (q.script() == NameNormaliser.Script.LATIN && c.script() == NameNormaliser.Script.LATIN
                && Math.min(q.form().length(), c.form().length()) >= 5) {
            // typos within Latin spellings; a high bar, as Sebbar/Sebbai (0.93) are two names
            double jw = jaroWinkler(q.form(), c.form());
            if (jw >= 0.94) {
                best = Math.max(best, jw - 0.13);
            }
        }
        return best > 0 ? new Similarity(best, "FUZZY") : Similarity.NONE;
    }

    /** A weak reading of one part is a key of the other (either side: both names are parsed here). */
    private static boolean weakMatch(Part q, Part c) {
        for (String k : q.weak()) {
            if (c.keys().contains(k)) {
                return true;
            }
        }
        for (String k : c.weak()) {
            if (q.keys().contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nisbaOnly(String a, String b) {
        return a.length() >= 3 && b.length() >= 3 && (a.equals(b + "i") || b.equals(a + "i"));
    }

    /**
     * Optimal string alignment distance (adjacent transpositions count one edit). Three rolling rows in one array
     * (the recurrence reads two rows back) instead of a matrix of arrays: scoring calls this for every pair of
     * parts of every candidate, and the matrices were a quarter of what a screening allocated.
     */
    static int damerauLevenshtein(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int m = b.length() + 1;
        int[] rows = new int[3 * m];
        for (int j = 0; j < m; j++) {
            rows[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            // row i at (i % 3) * m, row i - 1 and row i - 2 before it, cyclically
            int cur = (i % 3) * m;
            int prev = ((i - 1) % 3) * m;
            int prev2 = ((i + 1) % 3) * m;
            rows[cur] = i;
            for (int j = 1; j < m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, rows[prev2 + j - 2] + 1);
                }
                rows[cur + j] = d;
            }
        }
        return rows[(a.length() % 3) * m + m - 1];
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.length(), i + window + 1); j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
