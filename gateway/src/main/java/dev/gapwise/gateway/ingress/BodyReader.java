package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.provider.BoundedRead;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body with a size limit (blocking; the caller is a virtual thread). Stateless. */
final class BodyReader {
    private BodyReader() {
    }

    sealed interface Result {
        record Read(byte[] bytes) implements Result {
        }

        record TooLarge() implements Result {
        }

        record Broken(String message) implements Result {
        }
    }

    static Result read(Request request, int limit) {
        long declared = request.getLength();
        if (declared > limit) {
            return new Result.TooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = BoundedRead.read(in, declared, limit);
            return bytes == null ? new Result.TooLarge() : new Result.Read(bytes);
        } catch (IOException e) {
            return new Result.Broken(e.getClass().getSimpleName());
        }
    }
}
