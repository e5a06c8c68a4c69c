package dev.gapwise.gateway.ingress;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A GET endpoint whose body and status come from a supplier: health, readiness, metrics. Thread-safe. */
final class TextHandler extends Handler.Abstract.NonBlocking {
    /** A status and a body. */
    record Answer(int status, String contentType, String body) {
    }

    private final Supplier<Answer> answer;

    TextHandler(Supplier<Answer> answer) {
        this.answer = answer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answer current = answer.get();
        response.setStatus(current.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, current.contentType());
        response.write(true, ByteBuffer.wrap(current.body().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
