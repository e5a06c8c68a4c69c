package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.config.EndpointAccess;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A GET endpoint whose body and status come from a function of the request, behind the endpoint guard: health,
 * readiness, metrics, models. Thread-safe.
 */
final class TextHandler extends Handler.Abstract.NonBlocking {
    /** A status and a body. */
    record Answer(int status, String contentType, byte[] body) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String endpoint;
    private final EndpointAccess.Access access;
    private final EndpointGuard guard;
    private final Function<Request, Answer> answer;

    TextHandler(String endpoint, EndpointAccess.Access access, EndpointGuard guard, Function<Request, Answer> answer) {
        this.endpoint = endpoint;
        this.access = access;
        this.guard = guard;
        this.answer = answer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Optional<Failure> refused = guard.refuse(access, endpoint, request);
        if (refused.isPresent()) {
            WireDialect dialect = Dialects.forRequest(request.getHttpURI().getPath(), request.getHeaders());
            new HttpClientChannel(response, callback, dialect, Redactor.shapesOnly()).fail(refused.get());
            return true;
        }
        Answer current = answer.apply(request);
        response.setStatus(current.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, current.contentType());
        response.write(true, ByteBuffer.wrap(current.body()), callback);
        return true;
    }
}
