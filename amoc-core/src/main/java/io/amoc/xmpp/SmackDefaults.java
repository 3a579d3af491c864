package io.amoc.xmpp;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.SmackException.SmackSaslException;

/**
 * What amoc changes in Smack for every connection class, once per JVM and before Smack initialises itself:
 * <ul>
 *   <li>smack-extensions' managers (disco, caps, ping, MUC, receipts... about twenty) are not attached to every new
 *       connection: a scenario gets one when it asks, e.g. {@code MultiUserChatManager.getInstanceFor(connection)}.
 *       Their stanza parsers stay registered, so a manager created late works as one created at login;</li>
 *   <li>SASL SCRAM-SHA-256 is amoc's own ({@link ScramSha256Mechanism}): Smack 4.4 has only SCRAM-SHA-1;</li>
 *   <li>a mechanism Smack does not know fails the login as a refused one ({@link #checkSasl}), so it is counted in
 *       {@code connection_failures} instead of escaping as Smack's {@code IllegalArgumentException}.</li>
 * </ul>
 */
final class SmackDefaults {

    /** Start-up classes of smack-extensions and smack-experimental that attach a manager to every connection. */
    private static final String EAGER_MANAGERS = "org.jivesoftware.smackx";
    private static final String CHANNEL_BINDING_SUFFIX = "-PLUS";

    static {
        SmackConfiguration.addDisabledSmackClasses(EAGER_MANAGERS);
        SASLAuthentication.registerSASLMechanism(new ScramSha256Mechanism());
    }

    private SmackDefaults() {
    }

    /** Applies the settings (once per JVM; later calls do nothing). Call it before any other Smack class is used. */
    static void apply() {
        // the static initialiser does the work, exactly once
    }

    /**
     * Refuses a mechanism Smack cannot use, with the ones it can.
     *
     * @throws SmackSaslException naming the mechanism and what to use instead
     */
    static void checkSasl(String mechanism) throws SmackSaslException {
        if (mechanism.isBlank()) {
            return;
        }
        if (SASLAuthentication.getBlacklistedSASLMechanisms().contains(mechanism)
                || mechanism.endsWith(CHANNEL_BINDING_SUFFIX)) {
            throw new SmackSaslException("SASL " + mechanism + " needs channel binding, which Smack 4.4 does not do;"
                    + " use it without " + CHANNEL_BINDING_SUFFIX);
        }
        if (!SASLAuthentication.isSaslMechanismRegistered(mechanism)) {
            throw new SmackSaslException("SASL " + mechanism + " is not available; use PLAIN, SCRAM-SHA-1,"
                    + " SCRAM-SHA-256 or \"\" (the strongest the server offers)");
        }
    }
}
