package org.yaqaza.systemtest.security.differential;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.yaqaza.systemtest.Json;

import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * A probe of the shared world that asks one thing the same way at every stage: a GET (or a POST that only reads,
 * such as a screening), by every caller.
 */
final class ReadProbe extends DescribedProbe {

    private final String operation;
    private final BiFunction<Gateway, String, Resp> ask;
    private final Gateway gateway;
    private final Duration settle;
    private final UnaryOperator<Object> view;

    private ReadProbe(String name, String operation, List<String> callers, List<String> timeFields,
            Gateway gateway, BiFunction<Gateway, String, Resp> ask, String describe, Duration settle,
            UnaryOperator<Object> view) {
        super(name, List.of(operation), callers, timeFields, describe);
        this.operation = operation;
        this.gateway = gateway;
        this.ask = ask;
        this.settle = settle;
        this.view = view;
    }

    /**
     * The same probe comparing only part of the JSON answer ({@code view} of the parsed body), for a probe that
     * judges one channel of an answer that carries several (the candidates of a screening, not its scores).
     */
    ReadProbe viewing(String describeView, UnaryOperator<Object> part) {
        return new ReadProbe(name(), operation, callers(), timeFields(), gateway, ask, describe() + ", "
                + describeView, settle, part);
    }

    /** A GET of {@code path} with {@code accept}; {@code operation} is the OpenAPI operation it exercises. */
    static ReadProbe get(Gateway gateway, String name, String operation, String path, String accept,
            List<String> callers, List<String> timeFields) {
        return new ReadProbe(name, operation, callers, timeFields, gateway,
                (gw, caller) -> gw.call("GET", path, caller, null, accept), "GET " + path + " (" + accept + ")",
                Duration.ZERO, null);
    }

    static ReadProbe get(Gateway gateway, String name, String operation, String path, List<String> callers) {
        return get(gateway, name, operation, path, "application/json", callers, List.of());
    }

    /** A POST that only reads (its side effects are judged by other probes). */
    static ReadProbe post(Gateway gateway, String name, String operation, String path, Object body,
            List<String> callers, Duration settle) {
        return new ReadProbe(name, operation, callers, List.of(), gateway, (gw, caller) -> gw.post(path, caller, body),
                "POST " + path + " " + Json.write(body), settle, null);
    }

    @Override
    public String observe(String caller, Stage stage) {
        Resp answer = ask.apply(gateway, caller);
        if (view != null && answer.status() == 200) {
            return answer.status() + " view/json " + Json.write(view.apply(Json.parse(answer.body())));
        }
        return Answers.normalise(answer, timeFields());
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public boolean accumulating() {
        return true;
    }

    @Override
    public Duration settle() {
        return settle;
    }
}
