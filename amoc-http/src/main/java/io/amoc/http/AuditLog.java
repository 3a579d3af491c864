package io.amoc.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * One line in the log (logger {@value #LOGGER}) per request that changes something or is refused: who (the token's
 * fingerprint, never the token), what (the operation and its arguments, the SHA-256 of an uploaded source or of the
 * scenario started), and the result (status and error). Handlers add what they did with {@link #note}.
 */
final class AuditLog {

    static final String LOGGER = "amoc.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String NOTES = "amoc.audit.notes";
    private static final int MAX_ERROR_CHARS = 300;
    private static final int FIRST_ERROR = 400;

    private AuditLog() {
    }

    /** Adds {@code key=value} to the request's audit line. */
    static void note(Context ctx, String key, Object value) {
        StringJoiner notes = ctx.attribute(NOTES);
        if (notes == null) {
            notes = new StringJoiner(" ");
            ctx.attribute(NOTES, notes);
        }
        notes.add(key + "=" + value);
    }

    /** After every request: changes are always written, reads only when refused. */
    static void record(Context ctx) {
        boolean reads = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        int status = ctx.statusCode();
        if (reads && status < FIRST_ERROR) {
            return;
        }
        ApiTokens.Caller caller = ctx.attribute(AccessGuard.CALLER);
        StringJoiner notes = ctx.attribute(NOTES);
        String error = ctx.attribute(ErrorAnswers.ERROR);
        LOG.info("who={} from={} what=\"{} {}\"{} result={}{}", caller == null ? "none" : caller, ctx.ip(),
                ctx.method(), ctx.path(), notes == null ? "" : " " + notes, status,
                error == null ? "" : " error=\"" + oneLine(error) + "\"");
    }

    /** The SHA-256 of {@code text} (UTF-8) in hex: names a source, or a token without revealing it. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('"', '\'');
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
