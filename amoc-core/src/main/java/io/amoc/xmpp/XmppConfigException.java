package io.amoc.xmpp;

/** An {@code xmpp_*} setting has a value amoc cannot use; the message names the key and what it accepts. */
public final class XmppConfigException extends RuntimeException {

    /** {@code key} is {@code value}, but amoc needs {@code accepted} (e.g. "one of: disabled, optional, required"). */
    public XmppConfigException(String key, Object value, String accepted) {
        super("config key '" + key + "' is '" + value + "'; use " + accepted);
    }
}
