package org.yaqaza.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** A request body kept in memory, read again as a stream: one chunk, then the end, when there is demand. */
final class BufferStream implements ReadStream<Buffer> {

    private final Context context;
    private Buffer pending;
    private boolean paused;
    private boolean done;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;

    BufferStream(Context context, Buffer body) {
        this.context = context;
        this.pending = body;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        schedule();
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        paused = true;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        paused = false;
        schedule();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        return resume();
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        schedule();
        return this;
    }

    private void schedule() {
        if (!paused && !done && handler != null) {
            context.runOnContext(ignored -> emit());
        }
    }

    private void emit() {
        if (paused || done || handler == null) {
            return;
        }
        if (pending != null && pending.length() > 0) {
            Buffer chunk = pending;
            pending = null;
            handler.handle(chunk);
        }
        if (!paused && !done) {
            done = true;
            if (endHandler != null) {
                endHandler.handle(null);
            }
        }
    }
}
