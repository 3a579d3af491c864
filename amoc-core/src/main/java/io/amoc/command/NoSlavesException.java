package io.amoc.command;

/**
 * A distributed operation while the master has no slave to use: neither config {@code hosts} nor {@code dist.connect}
 * gave one, or the master cannot talk to slaves at all (no TLS material, say).
 */
public final class NoSlavesException extends CommandException {

    public NoSlavesException() {
        super("no slaves: connect one with dist.connect(\"host:port\"), or list them in config hosts,"
                + " e.g. hosts = [\"10.0.0.5:1099\"]");
    }

    /** The slave side cannot start; {@code why} is one line with the fix. */
    public NoSlavesException(String why) {
        super(why);
    }
}
