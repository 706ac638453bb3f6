package org.yaqaza.intelligence;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.bench.ScreeningEvaluationSet;
import org.yaqaza.intelligence.screening.ScreeningService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The screening quality goals on the tuning evaluation set (src/test/resources/screening: 1,500 persons, 450
 * labelled queries incl. 90 hard negatives), through the real retrieval on PostgreSQL and the real scoring:
 * recall@1 >= 0.95, recall@10 >= 0.99, false-hit rate <= 0.02 at the default threshold. The persons belong to
 * agency EVAL, which no other test uses. Prints and writes the figures to target/screening-eval.txt
 * (bench/screening-eval.sh shows that file).
 */
@QuarkusTest
class ScreeningEvaluationTest {

    @Inject
    ScreeningService screening;

    @Test
    void meetsTheQualityGoals() throws Exception {
        ScreeningEvaluationSet.named("eval").evaluate(screening, "EVAL", Path.of("target/screening-eval.txt")).assertGoals();
    }
}
