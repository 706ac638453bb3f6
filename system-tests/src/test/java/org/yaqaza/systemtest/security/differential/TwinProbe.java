package org.yaqaza.systemtest.security.differential;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A probe of twin worlds: its answer at a stage is read from what the twins built and did in that stage
 * ({@code answer}: caller and stage → normalised answer, null when the stage does not apply).
 */
final class TwinProbe implements Probe {

    private final String name;
    private final List<String> operations;
    private final List<String> callers;
    private final List<String> timeFields;
    private final String describe;
    private final BiFunction<String, Stage, String> answer;

    TwinProbe(String name, List<String> operations, List<String> callers, List<String> timeFields, String describe,
            BiFunction<String, Stage, String> answer) {
        this.name = name;
        this.operations = operations;
        this.callers = callers;
        this.timeFields = timeFields;
        this.describe = describe;
        this.answer = answer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> operations() {
        return operations;
    }

    @Override
    public List<String> callers() {
        return callers;
    }

    @Override
    public List<String> timeFields() {
        return timeFields;
    }

    @Override
    public String observe(String caller, Stage stage) {
        return answer.apply(caller, stage);
    }

    @Override
    public String describe() {
        return describe;
    }
}
