package org.yaqaza.systemtest.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OTLP/HTTP (protobuf) trace receiver standing in for a collector: the services are separate processes, so
 * the test sees their spans only as a collector would. It reads just the fields a trace assertion needs from
 * {@code ExportTraceServiceRequest} (opentelemetry-proto trace.proto / resource.proto field numbers), so it needs
 * no generated classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lowercase hex as in a traceparent, parentSpanId empty for a root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            int kind) {

        public static final int SERVER = 2;
        public static final int CLIENT = 3;
    }

    /** Beyond this many spans the receiver drops new ones: a long shared run must not fill the test JVM. */
    private static final int MAX_SPANS = 200_000;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to give the services as their OTLP traces endpoint. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    public List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (exchange; InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (spans.size() < MAX_SPANS) {
                new Wire(body).fields((field, value) -> {
                    if (field == 1) { // resource_spans
                        readResourceSpans(value);
                    }
                });
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    private void readResourceSpans(Wire resourceSpans) {
        String[] service = {"?"};
        List<Wire> scopeSpans = new ArrayList<>();
        resourceSpans.fields((field, value) -> {
            if (field == 1) { // resource
                value.fields((f, attribute) -> {
                    if (f == 1) { // attributes: KeyValue
                        String[] key = {null};
                        String[] text = {null};
                        attribute.fields((kf, kv) -> {
                            if (kf == 1) {
                                key[0] = kv.text();
                            } else if (kf == 2) { // AnyValue.string_value
                                kv.fields((vf, v) -> text[0] = vf == 1 ? v.text() : text[0]);
                            }
                        });
                        if ("service.name".equals(key[0])) {
                            service[0] = text[0];
                        }
                    }
                });
            } else if (field == 2) {
                scopeSpans.add(value);
            }
        });
        for (Wire scope : scopeSpans) {
            scope.fields((field, span) -> {
                if (field == 2) { // spans
                    spans.add(readSpan(service[0], span));
                }
            });
        }
    }

    private static ReceivedSpan readSpan(String service, Wire span) {
        String[] ids = {"", "", ""};
        String[] name = {""};
        int[] kind = {0};
        span.fields((field, value) -> {
            switch (field) {
                case 1 -> ids[0] = value.hex();
                case 2 -> ids[1] = value.hex();
                case 4 -> ids[2] = value.hex();
                case 5 -> name[0] = value.text();
                case 6 -> kind[0] = (int) value.varint;
                default -> {
                }
            }
        });
        return new ReceivedSpan(service, ids[0], ids[1], ids[2], name[0], kind[0]);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A protobuf message (or one field's value): walks its fields in order. */
    private static final class Wire {

        private final byte[] bytes;
        private final int from;
        private final int to;
        private long varint;

        Wire(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        private Wire(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
        }

        interface FieldVisitor {
            void field(int number, Wire value);
        }

        String text() {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        String hex() {
            return HexFormat.of().formatHex(bytes, from, to);
        }

        void fields(FieldVisitor visitor) {
            int[] at = {from};
            while (at[0] < to) {
                long tag = readVarint(at);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> {
                        Wire value = new Wire(bytes, at[0], at[0]);
                        value.varint = readVarint(at);
                        visitor.field(number, value);
                    }
                    case 1 -> at[0] += 8;
                    case 2 -> {
                        int length = (int) readVarint(at);
                        visitor.field(number, new Wire(bytes, at[0], at[0] + length));
                        at[0] += length;
                    }
                    case 5 -> at[0] += 4;
                    default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
                }
            }
        }

        private long readVarint(int[] at) {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at[0]++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }
}
