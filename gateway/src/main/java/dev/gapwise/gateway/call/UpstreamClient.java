package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.Timeouts;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends one request upstream with Jetty's HttpClient (no client-level retries, no redirects) and waits for the
 * response headers within the first-byte timeout; the total timeout bounds the whole exchange. Thread-safe.
 */
public final class UpstreamClient implements AutoCloseable {
    private final HttpClient http;

    public UpstreamClient(Timeouts timeouts) {
        http = new HttpClient();
        http.setConnectTimeout(timeouts.connect().toMillis());
        http.setIdleTimeout(timeouts.firstByte().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        http.setMaxConnectionsPerDestination(1024);
        http.setMaxRequestsQueuedPerDestination(65536);
        try {
            http.start();
            // upstream 401/407 and redirects are answers to relay, not challenges for the client library to handle
            http.getProtocolHandlers().clear();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the upstream HTTP client", e);
        }
    }

    /** The outcome of sending: response headers arrived, or the exchange failed before them. */
    sealed interface Sent {
    }

    /** Headers arrived; the body is read from {@code body}; {@code abort} cancels the exchange. */
    record Opened(int status, HttpFields headers, InputStream body, Runnable abort) implements Sent {
    }

    /** No response: connect error, timeout or broken connection. */
    record Unanswered(ErrorClass errorClass, String message) implements Sent {
    }

    /**
     * Sends a request and waits for its response headers; {@code cancellation} aborts the exchange from another
     * thread until the caller calls {@link Cancellation#closed()}. The body is read from the stream as it arrives.
     */
    Sent send(URI uri, Consumer<HttpFields.Mutable> headers, byte[] body, Timeouts timeouts, Cancellation cancellation) {
        Request request = request(uri, headers, body, timeouts);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        Runnable abort = abort(request, cancellation);
        request.send(listener);
        try {
            Response response = listener.get(timeouts.firstByte().toMillis(), TimeUnit.MILLISECONDS);
            InputStream in = listener.getInputStream();
            return new Opened(response.getStatus(), response.getHeaders(), in, abort);
        } catch (TimeoutException e) {
            request.abort(e);
            return firstByteTimeout(timeouts);
        } catch (InterruptedException e) {
            return interrupted(request, e);
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
    }

    /**
     * Sends a request whose answer is wanted whole (not streamed) and waits until it has all arrived: the calling
     * thread wakes once, when the exchange ends, not once for the headers and again for each piece of the body.
     * The same contract as {@link #send}: no headers within the first-byte timeout is a first-byte timeout; a body
     * that breaks off after the headers (or outgrows {@code maxBody}) reads as an {@link IOException} from the
     * returned stream, exactly as it would from a streamed body. An error answer (not 2xx) keeps only its first
     * {@code maxErrorBody} bytes, and the rest of its exchange is aborted.
     */
    Sent sendWhole(URI uri, Consumer<HttpFields.Mutable> headers, byte[] body, Timeouts timeouts,
                   Cancellation cancellation, int maxBody, int maxErrorBody) {
        Request request = request(uri, headers, body, timeouts);
        WholeResponse listener = new WholeResponse(maxBody, maxErrorBody);
        Runnable abort = abort(request, cancellation);
        request.send(listener);
        try {
            try {
                listener.done.get(timeouts.firstByte().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (listener.response == null) {
                    request.abort(e);
                    return firstByteTimeout(timeouts);
                }
                listener.done.get();
            }
        } catch (InterruptedException e) {
            return interrupted(request, e);
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
        Response response = listener.response;
        Result result = listener.result;
        if (response == null) {
            return classify(result.getFailure());
        }
        InputStream in = result.isFailed() && !listener.truncated ? new BrokenBody(result.getFailure())
                : new java.io.ByteArrayInputStream(listener.bytes, 0, listener.size);
        return new Opened(response.getStatus(), response.getHeaders(), in, abort);
    }

    private Request request(URI uri, Consumer<HttpFields.Mutable> headers, byte[] body, Timeouts timeouts) {
        return http.newRequest(uri).method(HttpMethod.POST)
                .timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers)
                .body(new BytesRequestContent("application/json", body));
    }

    private static Runnable abort(Request request, Cancellation cancellation) {
        Runnable abort = () -> request.abort(new IOException("cancelled by the gateway"));
        cancellation.whileOpen(abort);
        return abort;
    }

    private static Unanswered interrupted(Request request, InterruptedException e) {
        Thread.currentThread().interrupt();
        request.abort(e);
        return new Unanswered(ErrorClass.CLIENT_CANCELLED, "interrupted");
    }

    private static Unanswered firstByteTimeout(Timeouts timeouts) {
        return new Unanswered(ErrorClass.FIRST_BYTE_TIMEOUT, "no response within " + timeouts.firstByte().toMillis()
                + " ms");
    }

    /**
     * Gathers a whole response on Jetty's client thread and completes {@link #done} once, when the exchange ends
     * (successfully or not). The body array starts at the announced length, grows by doubling, and never exceeds
     * {@code max}: a longer answer aborts the exchange (a broken body); a longer error keeps its first {@code
     * maxError} bytes, enough for its message, and the exchange is aborted ({@link #truncated}).
     */
    private static final class WholeResponse implements Response.Listener {
        private final int maxAnswer;
        private final int maxError;
        private int max;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Response response;
        byte[] bytes = new byte[0];
        int size;
        Result result;
        boolean truncated;

        WholeResponse(int maxAnswer, int maxError) {
            this.maxAnswer = maxAnswer;
            this.maxError = maxError;
        }

        @Override
        public void onHeaders(Response response) {
            max = response.getStatus() / 100 == 2 ? maxAnswer : maxError;
            long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (length > 0 && length <= max) {
                bytes = new byte[(int) length];
            }
            this.response = response;
        }

        @Override
        public void onContent(Response response, ByteBuffer chunk) {
            int length = chunk.remaining();
            if ((long) size + length > max) {
                if (max == maxError && max != maxAnswer) {
                    length = max - size;
                    truncated = true;
                    chunk.limit(chunk.position() + length);
                } else {
                    response.abort(new IOException("upstream body larger than " + max + " bytes"));
                    return;
                }
            }
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(size + length, Math.max(1024L,
                        2L * bytes.length))));
            }
            chunk.get(bytes, size, length);
            size += length;
            if (truncated) {
                response.abort(new IOException("upstream error body longer than " + max + " bytes; the rest is dropped"));
            }
        }

        @Override
        public void onComplete(Result result) {
            this.result = result;
            done.complete(null);
        }
    }

    /** A body whose exchange failed after its headers: every read says so, as a broken stream would. */
    private static final class BrokenBody extends InputStream {
        private final Throwable cause;

        BrokenBody(Throwable cause) {
            this.cause = cause;
        }

        @Override
        public int read() throws IOException {
            throw new IOException("upstream body broke off", cause);
        }
    }

    private static Unanswered classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException
                    || (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("Connect"))) {
                return new Unanswered(ErrorClass.CONNECT, "cannot connect: " + t.getClass().getSimpleName());
            }
            if (t instanceof TimeoutException) {
                return new Unanswered(ErrorClass.TOTAL_TIMEOUT, "total timeout elapsed");
            }
        }
        return new Unanswered(ErrorClass.IO, "connection failed before the response: "
                + (cause == null ? "unknown" : cause.getClass().getSimpleName()));
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the upstream HTTP client", e);
        }
    }
}
