package io.amoc.shell.attach;

import java.io.IOException;

/** The other side of an attach connection sent something that is not a valid frame. */
public final class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }
}
