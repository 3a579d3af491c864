package io.amoc.xmpp.transport;

import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.util.ByteUtils;

import javax.security.auth.callback.CallbackHandler;

/**
 * SASL PLAIN (RFC 4616) built directly: Smack's PLAIN goes through {@code javax.security.sasl}, which walks every
 * installed security provider at each login (about a tenth of a login's CPU).
 */
final class PlainMechanism extends SASLMechanism {

    /** Smack's priority for PLAIN (lower is preferred; SCRAM comes first when the server offers both). */
    private static final int PRIORITY = 410;

    @Override
    protected void authenticateInternal(CallbackHandler handler) {
        throw new UnsupportedOperationException("PLAIN takes the password from the configuration");
    }

    @Override
    protected byte[] getAuthenticationText() {
        String authzid = authorizationId == null ? "" : authorizationId.toString();
        return ByteUtils.concat(toBytes(authzid + '\u0000' + authenticationId), toBytes('\u0000' + password));
    }

    @Override
    public String getName() {
        return PLAIN;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    protected SASLMechanism newInstance() {
        return new PlainMechanism();
    }

    @Override
    public void checkIfSuccessfulOrThrow() {
        // the server's <success/> is all there is to check
    }

    @Override
    public boolean authzidSupported() {
        return true;
    }
}
