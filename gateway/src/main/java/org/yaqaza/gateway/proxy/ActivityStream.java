package org.yaqaza.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that reports each chunk as it passes and counts the bytes. Vert.x's request idle timeout
 * counts only data coming back from the upstream, so without the report a long upload would time out while
 * its bytes are still flowing. Past {@code maxBytes} (whatever Content-Length said, or with none) the stream
 * fails instead of passing the chunk on, which makes the proxy reset the upstream request.
 */
final class ActivityStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> delegate;
    private final long maxBytes;
    private final Runnable onData;
    private final Runnable onTooLarge;
    private Handler<Throwable> exceptionHandler;
    private long bytes;
    private boolean tooLarge;

    ActivityStream(ReadStream<Buffer> delegate, long maxBytes, Runnable onData, Runnable onTooLarge) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.onData = onData;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        delegate.handler(handler == null ? null : chunk -> {
            if (tooLarge) {
                return;
            }
            bytes += chunk.length();
            if (bytes > maxBytes) {
                tooLarge = true;
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new ForwardingInterceptor.BodyTooLarge());
                }
                return;
            }
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
        delegate.endHandler(endHandler == null ? null : v -> {
            if (!tooLarge) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
