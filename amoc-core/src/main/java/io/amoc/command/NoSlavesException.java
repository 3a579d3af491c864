package io.amoc.command;

/** A distributed operation while the master has no slave: neither config {@code hosts} nor {@code dist.connect} gave one. */
public final class NoSlavesException extends CommandException {

    public NoSlavesException() {
        super("no slaves: connect one with dist.connect(\"host:port\"), or list them in config hosts,"
                + " e.g. hosts = [\"10.0.0.5:1099\"]");
    }
}
