package io.amoc.scenario;

/**
 * {@link AmocConfig} cannot give a key's value: the key is set nowhere (and was asked for without a default), or
 * its value does not convert to the type of the default. The message is one line naming the key and how to set it.
 */
public final class AmocConfigException extends RuntimeException {

    private final String key;

    /** The value of {@code key} cannot be given, for the reason in {@code message}. */
    public AmocConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key that was asked for. */
    public String key() {
        return key;
    }
}
