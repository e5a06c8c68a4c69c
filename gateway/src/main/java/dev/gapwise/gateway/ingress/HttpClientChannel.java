package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Writes a call's answer to the Jetty response with blocking writes (the handler runs on a virtual thread). A
 * broken stream gets an error event and then the response is aborted, so the client sees no clean end. Every
 * error message is redacted once more on its way out (JSON and stream alike), whatever produced it. Used by one
 * thread.
 */
final class HttpClientChannel implements ClientChannel {
    private final Response response;
    private final Callback callback;
    private final WireDialect dialect;
    private final Redactor redactor;
    private HangUpSweeper.Watch watch;
    private boolean streaming;
    private boolean finished;
    private int status;
    private long overheadNanos = -1;
    private RateLimitStatus limits = RateLimitStatus.NONE;

    HttpClientChannel(Response response, Callback callback, WireDialect dialect, Redactor redactor) {
        this.response = response;
        this.callback = callback;
        this.dialect = dialect;
        this.redactor = redactor;
    }

    private ErrorResponses.Rendered render(Failure failure) {
        ErrorResponses.Rendered rendered = ErrorResponses.render(failure);
        return rendered.withMessage(redactor.redact(rendered.message()));
    }

    /** Cancels the call when the client hangs up before the response completes. */
    void watchHangUp(HangUpSweeper.Watch watch) {
        this.watch = watch;
    }

    /** Stops the watch before the response completes (Jetty watches the connection again for the next request). */
    private void completing() {
        if (watch != null && watch.stop() && !response.isCommitted()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        watch = null;
    }

    /** Stops the hang-up watch when the call ends without a response (a bug). */
    void stopWatching() {
        completing();
    }

    /** True once the response (or the stream) has started. */
    boolean started() {
        return streaming || finished;
    }

    @Override
    public void rateLimits(RateLimitStatus status) {
        limits = status;
    }

    @Override
    public boolean respond(ServedBy servedBy, byte[] json) {
        completing();
        headers(servedBy, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        status = 200;
        finished = true;
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(true, ByteBuffer.wrap(json), blocker);
            blocker.block();
            callback.succeeded();
            return true;
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            return false;
        }
    }

    /** Adds a header to the answer still to be written. */
    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public boolean send(ServedBy servedBy, SseEvent event) {
        if (!streaming) {
            streaming = true;
            status = 200;
            headers(servedBy, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        }
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(event.bytes()), blocker);
            blocker.block();
            return true;
        } catch (IOException | RuntimeException e) {
            finished = true;
            callback.failed(e);
            return false;
        }
    }

    @Override
    public void endStream() {
        completing();
        finished = true;
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(true, null, blocker);
            blocker.block();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    @Override
    public void breakStream(Failure failure) {
        completing();
        ErrorResponses.Rendered rendered = render(failure);
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(rendered.event(dialect).bytes()), blocker);
            blocker.block();
        } catch (IOException | RuntimeException e) {
            // the client is gone as well; the abort below is all that is left
        }
        finished = true;
        callback.failed(new IOException("stream ended with an error event (" + rendered.openAiCode() + ")"));
    }

    /** Writes an error response when nothing was sent yet. */
    void fail(Failure failure) {
        completing();
        ErrorResponses.Rendered rendered = render(failure);
        status = rendered.status();
        finished = true;
        byte[] body = dev.gapwise.gateway.dialect.neutral.Json.bytes(rendered.body(dialect));
        response.setStatus(rendered.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (rendered.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        ErrorResponses.headers(failure, Instant.now()).forEach(response.getHeaders()::put);
        RateLimitHeaders.write(limits, dialect, Instant.now(), response.getHeaders());
        if (ErrorResponses.closesConnection(failure)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    boolean finished() {
        return finished;
    }

    int status() {
        return status;
    }

    long overheadNanos() {
        return overheadNanos;
    }

    /** Nanoseconds as milliseconds with three decimals, e.g. {@code 0.142}. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        String fraction = Long.toString(1_000 + micros % 1_000).substring(1);
        return micros / 1_000 + "." + fraction;
    }

    private void headers(ServedBy servedBy, String contentType) {
        overheadNanos = servedBy.overheadNanos();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put("x-gapwise-deployment", servedBy.deploymentId());
        response.getHeaders().put("x-gapwise-route-reason", servedBy.reason());
        response.getHeaders().put("x-gapwise-overhead-ms", millis(servedBy.overheadNanos()));
        if (!servedBy.notes().isEmpty()) {
            response.getHeaders().put("x-gapwise-translation", CleanText.of(String.join("; ", servedBy.notes()), 1000));
        }
        RateLimitHeaders.write(limits, dialect, Instant.now(), response.getHeaders());
    }
}
