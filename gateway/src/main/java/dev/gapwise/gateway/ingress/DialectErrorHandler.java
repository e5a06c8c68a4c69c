package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.text.CleanText;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own refusals — header too large (431), an ambiguous URI, Content-Length with Transfer-Encoding, an
 * unsupported HTTP version (505), a missing or bad Host — answered as the dialect's JSON error instead of Jetty's
 * HTML page: the Anthropic shape on {@code /v1/messages}, the OpenAI shape elsewhere (and when the request was too
 * broken to have a path). Never shows a stack trace. Thread-safe.
 */
final class DialectErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        WireDialect dialect = Dialects.forRequest(path, request.getHeaders());
        byte[] body = body(dialect, status, message == null ? null : message.toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(Dialects.of(DialectKind.OPENAI), status, reason));
    }

    private static byte[] body(WireDialect dialect, int status, String reason) {
        String text = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() || reason.equals(text) ? "" : ": " + CleanText.of(reason, 200);
        Failure failure = new Failure.Protocol(status, "the HTTP request was refused (" + status + " " + text + detail + ")");
        return Json.bytes(ErrorResponses.render(failure).body(dialect));
    }
}
