package io.amoc.xmpp.transport;

import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jxmpp.jid.EntityBareJid;

import javax.security.auth.callback.CallbackHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
        return authenticationText(authorizationId, authenticationId, password);
    }

    /** The {@code <auth/>} this mechanism sends, for a login that sends it ahead of the stream features. */
    static SaslNonza.AuthMechanism auth(EntityBareJid authzid, String username, String password) {
        return new SaslNonza.AuthMechanism(PLAIN,
                Base64.getEncoder().encodeToString(authenticationText(authzid, username, password)));
    }

    private static byte[] authenticationText(EntityBareJid authzid, String username, String password) {
        String authorization = authzid == null ? "" : authzid.toString();
        return (authorization + '\u0000' + username + '\u0000' + password).getBytes(StandardCharsets.UTF_8);
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
