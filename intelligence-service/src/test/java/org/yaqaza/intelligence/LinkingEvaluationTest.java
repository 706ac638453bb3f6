package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.intelligence.LinkingCorpus.GeneratedReport;
import org.yaqaza.intelligence.LinkingCorpus.Known;
import org.yaqaza.intelligence.LinkingCorpus.Truth;
import org.yaqaza.intelligence.extraction.ExtractionWorker;
import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Precision and recall of mention extraction on the held-out corpus ({@link LinkingCorpus}), through the real
 * path: entities created over HTTP, reports bulk-ingested, the queue drained by the workers, proposals read over
 * HTTP. A proposal is right when it names the entity of a ground-truth span it overlaps (each span and each
 * proposal counts once). {@code bench/linking-eval.sh} runs it with {@code -Dlinking.reports=1200}; the module run
 * with 300. Goal: precision ≥ 0.90 and recall ≥ 0.90. The figures and the misses go to target/linking-eval.txt.
 * The corpus is filed by an agency of its own, so no other test's entity can be proposed.
 */
@QuarkusTest
class LinkingEvaluationTest {

    private static final long SEED = 20;
    /** Reports of the module run's slice (the corpus is seeded: the same slice every run). */
    static final int MODULE_RUN_REPORTS = 300;
    private static final String AUTHOR = PostgresTestResource.primary().token().subject("linking-eval")
            .roles("analyst").clearance("TOP_SECRET").agency("LNK").sign();

    @Inject
    ExtractionWorker worker;

    @Inject
    Sql sql;

    /**
     * Words (folded) of the variant table and of the service's code: spellings the corpus may not use. Words of one
     * or two letters are articles and particles (al, el, ben), not spellings of a name: they are not compared.
     */
    static Set<String> forbiddenSpellings() throws IOException {
        Set<String> words = new HashSet<>();
        try (InputStream in = LinkingEvaluationTest.class.getResourceAsStream("/screening/name-variants.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String word : line.split("[|\\s-]+")) {
                        words.add(LinkingCorpus.fold(word.strip()));
                    }
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String word : Files.readString(source).split("[^\\p{L}]+")) {
                    if (word.length() >= 4) {
                        words.add(LinkingCorpus.fold(word));
                    }
                }
            }
        }
        words.removeIf(word -> word.length() <= 2);
        return words;
    }

    @Test
    void noSpellingOfTheCorpusComesFromTheVariantTableOrTheCode() throws IOException {
        Set<String> forbidden = forbiddenSpellings();
        LinkingCorpus corpus = new LinkingCorpus(SEED, forbidden::contains);
        List<Known> known = corpus.entities(400, 60);
        List<String> spellings = new ArrayList<>();
        known.forEach(k -> {
            spellings.add(k.arabicName());
            spellings.add(k.latinName());
        });
        for (GeneratedReport r : corpus.reports(1200, known)) {
            r.truths().forEach(t -> spellings.add(t.text()));
            spellings.addAll(r.distractors());
        }
        List<String> taken = spellings.stream().flatMap(s -> Stream.of(s.split("[\\s-]+")))
                .map(LinkingCorpus::fold).filter(word -> word.length() > 2 && forbidden.contains(word)).distinct()
                .toList();
        assertEquals(List.of(), taken, "spellings the engine was given");
        assertTrue(spellings.size() > 3000, "a corpus of some size: " + spellings.size());
    }

    /**
     * In the module run on a slice of {@value #MODULE_RUN_REPORTS} reports (about a minute); bench/linking-eval.sh
     * runs it on 1,200 ({@code -Dlinking.reports=N}). docs/intelligence.md, "Evaluation", has the figures.
     */
    @Test
    void precisionAndRecallOfKnownEntityMentionsReachTheGoal() throws IOException {
        int reportCount = Integer.getInteger("linking.reports", MODULE_RUN_REPORTS);
        int persons = Math.max(60, reportCount / 3);
        LinkingCorpus corpus = new LinkingCorpus(SEED, forbiddenSpellings()::contains);
        List<Known> known = corpus.entities(persons, persons / 6);
        List<GeneratedReport> reports = corpus.reports(reportCount, known);

        Map<String, Integer> entityIndex = new HashMap<>();
        for (Known k : known) {
            String body = """
                    {"kind":"%s","displayName":"%s","names":[{"name":"%s"},{"name":"%s"}],%s\
                    "classification":"RESTRICTED"}"""
                    .formatted(k.kind(), Fixtures.json(k.latinName()), Fixtures.json(k.latinName()),
                            Fixtures.json(k.arabicName()), k.kind().equals("LOCATION") ? "\"country\":\"MA\"," : "");
            entityIndex.put(Fixtures.createEntity(AUTHOR, body), k.index());
        }
        List<String> reportIds = ingest(reports);
        awaitExtraction(reportIds);

        Map<String, int[]> byLanguage = new TreeMap<>(); // proposals, right proposals, truths, found truths
        StringBuilder misses = new StringBuilder();
        for (int n = 0; n < reports.size(); n++) {
            GeneratedReport r = reports.get(n);
            List<Map<String, Object>> proposals = given().auth().oauth2(AUTHOR)
                    .get("/api/intelligence/reports/" + reportIds.get(n) + "/proposals").then().statusCode(200)
                    .extract().jsonPath().getList("");
            int[] f = byLanguage.computeIfAbsent(r.language(), l -> new int[4]);
            Set<Integer> found = new HashSet<>();
            for (Map<String, Object> p : proposals) {
                Integer entity = entityIndex.get((String) p.get("entityId"));
                int start = (Integer) p.get("start");
                int end = (Integer) p.get("end");
                boolean right = false;
                for (int t = 0; t < r.truths().size(); t++) {
                    Truth truth = r.truths().get(t);
                    if ("BODY".equals(p.get("field")) && entity != null && entity == truth.entity()
                            && start < truth.end() && truth.start() < end && !found.contains(t)) {
                        found.add(t);
                        right = true;
                        break;
                    }
                }
                f[0]++;
                if (right) {
                    f[1]++;
                } else {
                    misses.append("false hit [").append(r.language()).append("] '").append(p.get("text"))
                            .append("' -> ").append(p.get("matchedName")).append('\n');
                }
            }
            f[2] += r.truths().size();
            f[3] += found.size();
            for (int t = 0; t < r.truths().size(); t++) {
                if (!found.contains(t)) {
                    Truth truth = r.truths().get(t);
                    misses.append("missed [").append(r.language()).append("] '").append(truth.text())
                            .append("' (").append(known.get(truth.entity()).latinName()).append(" / ")
                            .append(known.get(truth.entity()).arabicName()).append(")\n");
                }
            }
        }
        int[] all = new int[4];
        StringBuilder figures = new StringBuilder();
        figures.append(String.format(Locale.ROOT, "linking evaluation: %d reports (ar/fr/en), %d known entities"
                + " (%d persons, %d places), seed %d%n", reports.size(), known.size(), persons, persons / 6, SEED));
        byLanguage.forEach((language, f) -> {
            for (int i = 0; i < 4; i++) {
                all[i] += f[i];
            }
            figures.append(line(language, f));
        });
        figures.append(line("all", all));
        Path out = Path.of("target", "linking-eval.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures + "\n" + misses);
        double precision = all[1] / (double) Math.max(1, all[0]);
        double recall = all[3] / (double) Math.max(1, all[2]);
        // the same two figures as goals, into bench/all.sh's results file when it runs this (YAQAZA_BENCH_RESULTS)
        BenchGoals goals = new BenchGoals("linking-eval");
        goals.atLeast("precision of known-entity mentions, " + reportCount + " reports", precision, "", 0.90);
        goals.atLeast("recall of known-entity mentions, " + reportCount + " reports", recall, "", 0.90);
        assertTrue(precision >= 0.90 && recall >= 0.90, figures.toString());
    }

    private static String line(String language, int[] f) {
        return String.format(Locale.ROOT, "  %-3s precision %.3f (%d of %d proposals)  recall %.3f (%d of %d"
                + " mentions)%n", language, f[1] / (double) Math.max(1, f[0]), f[1], f[0],
                f[3] / (double) Math.max(1, f[2]), f[3], f[2]);
    }

    /** Bulk ingest (the path of large loads), one NDJSON line per report; the ids in input order. */
    private static List<String> ingest(List<GeneratedReport> reports) {
        StringBuilder ndjson = new StringBuilder();
        for (GeneratedReport r : reports) {
            ndjson.append("""
                    {"sourceType":"OSINT","reliability":"C","credibility":3,"collectedAt":"2026-02-01T09:00:00Z",\
                    "language":"%s","title":"%s","body":"%s","classification":"RESTRICTED"}
                    """.formatted(r.language(), Fixtures.json(r.title()), Fixtures.json(r.body())));
        }
        String response = given().auth().oauth2(AUTHOR).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/intelligence/reports/bulk")
                .then().statusCode(200).extract().asString();
        List<String> ids = new ArrayList<>();
        for (String line : response.split("\n")) {
            JsonPath result = JsonPath.from(line);
            assertEquals("CREATED", result.getString("status"), line);
            ids.add(result.getString("id"));
        }
        assertEquals(reports.size(), ids.size());
        return ids;
    }

    /** Drains the queue here and waits for rows a scheduled worker may still hold. */
    private void awaitExtraction(List<String> reportIds) {
        String[] ids = reportIds.toArray(String[]::new);
        for (int i = 0; i < 600; i++) {
            worker.drain();
            long waiting = QuarkusTransaction.requiringNew().call(() -> sql.one(
                    "select count(*) from extraction_queue where report_id::text = any(:ids)", Map.of("ids", ids),
                    rs -> rs.getLong(1)));
            if (waiting == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("extraction queue not drained");
    }
}
