package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.Timeouts;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;

import java.io.InputStream;
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
     * thread until the caller calls {@link Cancellation#closed()}.
     */
    Sent send(URI uri, Consumer<HttpFields.Mutable> headers, byte[] body, Timeouts timeouts, Cancellation cancellation) {
        Request request = http.newRequest(uri).method(HttpMethod.POST)
                .timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers)
                .body(new BytesRequestContent("application/json", body));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        Runnable abort = () -> request.abort(new java.io.IOException("cancelled by the gateway"));
        cancellation.whileOpen(abort);
        request.send(listener);
        try {
            Response response = listener.get(timeouts.firstByte().toMillis(), TimeUnit.MILLISECONDS);
            InputStream in = listener.getInputStream();
            return new Opened(response.getStatus(), response.getHeaders(), in, abort);
        } catch (TimeoutException e) {
            request.abort(e);
            return new Unanswered(ErrorClass.FIRST_BYTE_TIMEOUT,
                    "no response within " + timeouts.firstByte().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return new Unanswered(ErrorClass.CLIENT_CANCELLED, "interrupted");
        } catch (ExecutionException e) {
            return classify(e.getCause());
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
