package io.amoc.xmpp;

/** An {@code xmpp_*} setting has a value amoc cannot use; the message names the key and the accepted values. */
public final class XmppConfigException extends RuntimeException {

    /** {@code key} is {@code value}, but only {@code accepted} are understood. */
    public XmppConfigException(String key, Object value, String accepted) {
        super("config key '" + key + "' is '" + value + "'; use one of: " + accepted);
    }
}
