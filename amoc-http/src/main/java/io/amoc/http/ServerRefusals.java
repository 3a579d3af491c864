package io.amoc.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * What the HTTP server answers to a request it refuses before any route sees it (a path or headers too long, a path
 * it cannot decode, no {@code Host}): the API's one line of JSON, {@code {"error": "..."}}, instead of Jetty's HTML
 * page, whatever the method.
 */
final class ServerRefusals extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        return body(status, reason);
    }

    private static ByteBuffer body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        String hint = switch (code) {
            case HttpStatus.URI_TOO_LONG_414 -> ": send a shorter path";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> ": send smaller headers";
            default -> " (see /api-docs for the API's requests)";
        };
        try {
            return ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(Json.object("error",
                    "the HTTP server refused the request: " + reason + hint)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string cannot fail to serialise", e);
        }
    }
}
