package io.amoc.command;

/** An uploaded scenario source longer than {@link ScenarioLibrary#MAX_SOURCE_BYTES}; nothing was changed. */
public final class SourceTooLargeException extends CommandException {

    private final long bytes;

    SourceTooLargeException(long bytes) {
        super("upload: the source is " + bytes + " bytes, more than the " + ScenarioLibrary.MAX_SOURCE_BYTES
                + " a scenario may have: keep large data out of the source (read it in init)");
        this.bytes = bytes;
    }

    /** How long the refused source was. */
    public long bytes() {
        return bytes;
    }
}
