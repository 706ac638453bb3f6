package org.yaqaza.systemtest.security.differential;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A probe of twin worlds: its answer at a stage is read from what the twins built and did in that stage
 * ({@code answer}: caller and stage → normalised answer, null when the stage does not apply).
 */
final class TwinProbe extends DescribedProbe {

    private final BiFunction<String, Stage, String> answer;

    TwinProbe(String name, List<String> operations, List<String> callers, List<String> timeFields, String describe,
            BiFunction<String, Stage, String> answer) {
        super(name, operations, callers, timeFields, describe);
        this.answer = answer;
    }

    @Override
    public String observe(String caller, Stage stage) {
        return answer.apply(caller, stage);
    }
}
