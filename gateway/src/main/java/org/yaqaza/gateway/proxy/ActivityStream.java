package org.yaqaza.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that reports each chunk as it passes. Vert.x's request idle timeout counts only data coming
 * back from the upstream, so without this a long upload would time out while its bytes are still flowing.
 */
final class ActivityStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> delegate;
    private final Runnable onData;

    ActivityStream(ReadStream<Buffer> delegate, Runnable onData) {
        this.delegate = delegate;
        this.onData = onData;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        delegate.handler(handler == null ? null : chunk -> {
            onData.run();
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        delegate.endHandler(endHandler);
        return this;
    }
}
