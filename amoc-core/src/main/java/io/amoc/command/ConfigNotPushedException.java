package io.amoc.command;

import java.util.List;

/** config.set changed the master's value, but some slaves that are up did not take it. */
public final class ConfigNotPushedException extends CommandException {

    private final List<String> nodes;

    public ConfigNotPushedException(String key, List<String> nodes) {
        super(key + " is set here but not on " + String.join(", ", nodes) + ": see dist.status, then set it again");
        this.nodes = List.copyOf(nodes);
    }

    /** The slaves that did not take the value. */
    public List<String> nodes() {
        return nodes;
    }
}
