package io.amoc.http;

import java.util.Optional;

/**
 * A request the API refuses before the command layer sees it: no or a wrong token, a foreign Host or Origin, a body
 * that is not what the operation takes. Answered with {@code status} and {@code {"error": message, "field": field}}.
 */
final class ApiError extends Exception {

    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int TOO_LARGE = 413;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final int UNPROCESSABLE = 422;
    static final int BAD_GATEWAY = 502;

    private final int status;
    private final String field;

    ApiError(int status, String message) {
        this(status, null, message);
    }

    ApiError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** A body field at fault: 400 naming it. */
    static ApiError badField(String field, String message) {
        return new ApiError(BAD_REQUEST, field, message);
    }

    int status() {
        return status;
    }

    Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
