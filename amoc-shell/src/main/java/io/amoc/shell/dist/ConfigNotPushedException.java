package io.amoc.shell.dist;

import java.util.List;

/** config.set changed the master's value, but some slaves that are up did not take it. */
public final class ConfigNotPushedException extends Exception {

    public ConfigNotPushedException(String key, List<String> nodes) {
        super(key + " is set here but not on " + String.join(", ", nodes) + ": see dist.status, then set it again");
    }
}
