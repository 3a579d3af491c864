package io.amoc.command;

import java.util.Optional;

/**
 * A request that makes no sense, whoever sent it: ids below 1, {@code to} below {@code from}, too many users for one
 * command, a config value a key refuses. The message names the operation and says what to send instead; the field
 * names the argument at fault (an HTTP front end answers 400 with it).
 */
public final class BadRequestException extends CommandException {

    private final String field;

    private BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code operation: problem}, e.g. {@code local.do: To (2) is below From (5): ...}. */
    public static BadRequestException of(String operation, String field, String problem) {
        return new BadRequestException(field, operation + ": " + problem);
    }

    /** A problem whose message already says everything (e.g. a config value's own one-line error). */
    public static BadRequestException about(String field, String message) {
        return new BadRequestException(field, message);
    }

    /** The argument at fault ({@code from}, {@code count}, {@code value}...), if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
