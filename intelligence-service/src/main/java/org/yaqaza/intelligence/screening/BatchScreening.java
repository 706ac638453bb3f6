package org.yaqaza.intelligence.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.intelligence.config.Workers;
import org.yaqaza.intelligence.screening.api.BatchItemError;
import org.yaqaza.intelligence.screening.api.BatchItemResult;
import org.yaqaza.intelligence.screening.api.ScreeningRequest;
import org.yaqaza.intelligence.screening.api.ScreeningResult;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * Batch screening, streamed both ways: items are read as they arrive (JSON array elements or NDJSON lines),
 * screened in chunks by a few workers (one transaction per chunk), and written back in input order as soon as
 * each chunk is done, so memory stays bounded whatever the batch size. A malformed body is refused with 400
 * while nothing has been answered yet (the first chunk); later, a bad item gets its own error result. Every
 * screened name is audited (a SCREEN event per name, the chunk's events appended together in the chunk's
 * transaction), besides the one SCREEN_BATCH event of the request. The workers are the {@link Workers} pool shared
 * by all batches: it carries the request's context (request id, caller) to them.
 */
@ApplicationScoped
public class BatchScreening {

    static final int CHUNK = 32;
    /** Chunks screened ahead of the one being written. */
    static final int WINDOW = 8;

    private final ObjectMapper json;
    private final Validator validator;
    private final ScreeningService service;
    private final ScreeningConfig config;
    private final ManagedExecutor workers;

    public BatchScreening(ObjectMapper json, Validator validator, ScreeningService service, ScreeningConfig config,
            @Identifier(Workers.SCREENING_BATCH) ManagedExecutor workers) {
        this.json = json;
        this.validator = validator;
        this.service = service;
        this.config = config;
        this.workers = workers;
    }

    /** An input item: checked query or the error to answer with; {@code last} ends the stream. */
    private record Item(int index, ScreeningService.Query query, String name, BatchItemError error, boolean last) {
    }

    /** A started batch: its first chunk read and checked, the rest read while the results are written. */
    @FunctionalInterface
    public interface Started {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Reads and checks the first chunk (a malformed or empty body is refused here, before any answer) and audits
     * the request; the returned batch screens and writes everything when it is given the response body.
     */
    public Started start(Caller caller, InputStream body, boolean ndjson) {
        Reader reader;
        List<Item> first;
        try {
            reader = ndjson ? new LineReader(body) : new ArrayReader(json.getFactory().createParser(body));
            first = reader.next(CHUNK, true);
        } catch (IOException e) {
            throw malformed(e);
        }
        // an end marker alone (query, error and name all absent) is an input without a single item
        if (first.isEmpty() || first.size() == 1 && first.get(0).last() && first.get(0).query() == null
                && first.get(0).error() == null && first.get(0).name() == null) {
            // nothing to screen is a client mistake (a wrong file, a cut upload), not an empty success
            throw ProblemException.badRequest("Empty batch", "The batch has no names to screen.");
        }
        String format = ndjson ? "ndjson" : "json";
        service.auditBatch(caller, format);
        return out -> write(caller, reader, first, out, ndjson);
    }

    private static ProblemException malformed(IOException e) {
        String detail = e instanceof JsonProcessingException j && j.getLocation() != null
                ? "Malformed JSON at line " + j.getLocation().getLineNr() + ", column "
                        + j.getLocation().getColumnNr() + "."
                : "The body could not be read as JSON.";
        return ProblemException.badRequest("Malformed JSON", detail);
    }

    private void write(Caller caller, Reader reader, List<Item> first, OutputStream out, boolean ndjson)
            throws IOException {
        Set<UUID> alerted = ConcurrentHashMap.newKeySet();
        String format = ndjson ? "ndjson" : "json";
        Deque<Future<List<BatchItemResult>>> inFlight = new ArrayDeque<>();
        boolean[] firstWritten = { false };
        try {
            if (!ndjson) {
                out.write('[');
            }
            List<Item> chunk = first;
            boolean done = false;
            while (true) {
                if (!chunk.isEmpty()) {
                    List<Item> items = chunk;
                    inFlight.add(workers.submit(() -> screen(caller, format, items, alerted)));
                }
                done = done || !chunk.isEmpty() && chunk.get(chunk.size() - 1).last || chunk.isEmpty();
                while (!inFlight.isEmpty() && (done || inFlight.size() >= WINDOW || inFlight.peek().isDone())) {
                    for (BatchItemResult r : await(inFlight.poll())) {
                        emit(out, r, ndjson, firstWritten);
                    }
                    out.flush();
                }
                if (done && inFlight.isEmpty()) {
                    break;
                }
                if (!done) {
                    chunk = reader.next(CHUNK, false);
                }
            }
            if (!ndjson) {
                out.write(firstWritten[0] ? "\n]".getBytes(StandardCharsets.UTF_8) : new byte[] { ']' });
            }
            out.flush();
        } finally {
            // a client gone mid-batch: chunks still waiting are dropped, not screened (and audited) for no one
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    /** Screens one chunk in its own transaction, its audit events included. */
    private List<BatchItemResult> screen(Caller caller, String format, List<Item> items, Set<UUID> alerted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<BatchItemResult> results = new ArrayList<>(items.size());
            List<ScreeningService.Screened> screened = new ArrayList<>(items.size());
            for (Item item : items) {
                if (item.error != null) {
                    results.add(new BatchItemResult(item.index, item.name, null, null, item.error));
                } else if (item.query != null) {
                    ScreeningResult r = service.run(caller, item.query, alerted, true);
                    screened.add(new ScreeningService.Screened(item.index, item.query, r));
                    results.add(new BatchItemResult(item.index, item.name, r.threshold(), r.candidates(), null));
                }
            }
            service.auditBatchItems(caller, format, screened);
            return results;
        });
    }

    private static List<BatchItemResult> await(Future<List<BatchItemResult>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch screening interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("batch screening failed", e.getCause());
        }
    }

    private void emit(OutputStream out, BatchItemResult r, boolean ndjson, boolean[] firstWritten) throws IOException {
        byte[] bytes = json.writeValueAsBytes(r);
        if (!ndjson) {
            out.write(firstWritten[0] ? ",\n".getBytes(StandardCharsets.UTF_8) : "\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(bytes);
        if (ndjson) {
            out.write('\n');
        }
        firstWritten[0] = true;
    }

    /** Turns one JSON value into a checked query or an item error. */
    private Item item(int index, JsonNode node) {
        String name = node != null && node.isObject() && node.get("name") != null && node.get("name").isTextual()
                ? node.get("name").asText() : node != null && node.isTextual() ? node.asText() : null;
        String shown = name == null || name.length() <= ScreeningService.MAX_NAME_LENGTH ? name
                : name.substring(0, ScreeningService.MAX_NAME_LENGTH) + "…";
        ScreeningRequest request;
        if (node != null && node.isTextual()) {
            request = new ScreeningRequest(node.asText(), null, null, null);
        } else if (node != null && node.isObject()) {
            try {
                request = json.treeToValue(node, ScreeningRequest.class);
            } catch (JsonProcessingException e) {
                return new Item(index, null, shown, new BatchItemError(400, "Invalid item",
                        "An item is a name or an object {name, birthYear, nationality, limit} without other fields."),
                        false);
            }
        } else {
            return new Item(index, null, shown, new BatchItemError(400, "Invalid item",
                    "An item is a name (string) or an object with a name."), false);
        }
        Set<ConstraintViolation<ScreeningRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Item(index, null, shown, new BatchItemError(400, "Invalid item", violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining("; "))),
                    false);
        }
        try {
            return new Item(index, service.query(request), shown, null, false);
        } catch (ProblemException e) {
            return new Item(index, null, shown, new BatchItemError(e.status(), e.title(), e.getMessage()), false);
        }
    }

    private Item tooMany(int index) {
        return new Item(index, null, null, new BatchItemError(413, "Too many names",
                "A batch holds at most " + config.batchMaxNames() + " names; the rest was not read."), true);
    }

    /** Reads items in chunks; the last item of the input is flagged {@code last} (or the chunk is empty). */
    private interface Reader {
        /** Up to {@code max} items; with {@code strict}, malformed JSON throws instead of becoming an item. */
        List<Item> next(int max, boolean strict) throws IOException;
    }

    private final class ArrayReader implements Reader {
        private final JsonParser parser;
        private int index;
        private boolean started;
        private boolean ended;

        ArrayReader(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public List<Item> next(int max, boolean strict) throws IOException {
            List<Item> items = new ArrayList<>();
            if (ended) {
                return items;
            }
            try {
                if (!started) {
                    started = true;
                    if (parser.nextToken() != JsonToken.START_ARRAY) {
                        throw ProblemException.badRequest("Invalid request",
                                "A JSON batch is an array of names; send NDJSON as application/x-ndjson.");
                    }
                }
                while (items.size() < max) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY || token == null) {
                        ended = true;
                        items.add(new Item(index, null, null, null, true));
                        break;
                    }
                    if (index >= config.batchMaxNames()) {
                        ended = true;
                        items.add(tooMany(index));
                        break;
                    }
                    // a reader of its own: the shared mapper may refuse "trailing tokens" after one element
                    JsonNode node = json.readerFor(JsonNode.class)
                            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
                    items.add(item(index++, node));
                }
            } catch (JsonProcessingException e) {
                if (strict) {
                    throw e;
                }
                ended = true;
                items.add(new Item(index, null, null, new BatchItemError(400, "Malformed JSON",
                        malformed(e).getMessage() + " The rest of the batch was not read."), true));
            }
            return items;
        }
    }

    private final class LineReader implements Reader {
        private final BufferedReader lines;
        private int index;
        private boolean ended;

        LineReader(InputStream body) {
            this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        }

        @Override
        public List<Item> next(int max, boolean strict) throws IOException {
            List<Item> items = new ArrayList<>();
            while (!ended && items.size() < max) {
                String line = lines.readLine();
                if (line == null) {
                    ended = true;
                    items.add(new Item(index, null, null, null, true));
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (index >= config.batchMaxNames()) {
                    ended = true;
                    items.add(tooMany(index));
                    break;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    if (strict) {
                        throw ProblemException.badRequest("Malformed JSON", "Item " + (index + 1)
                                + " (a non-blank line) is not JSON.");
                    }
                    items.add(new Item(index++, null, null, new BatchItemError(400, "Malformed JSON",
                            "This line is not JSON."), false));
                    continue;
                }
                items.add(item(index++, node));
            }
            return items;
        }
    }
}
