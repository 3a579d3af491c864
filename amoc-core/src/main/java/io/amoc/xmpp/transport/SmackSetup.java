package io.amoc.xmpp.transport;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.xml.SmackXmlParser;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Smack's JVM-wide settings for load generation, applied once before Smack initialises itself (every transport
 * shares them):
 * <ul>
 *   <li>no manager is attached to every new connection: Smack's start-up list creates a roster, a reconnection
 *       manager and, with smack-extensions on the class path, about twenty managers per connection (disco, caps,
 *       ping, MUC...). A scenario gets one when it asks, e.g. {@code PingManager.getInstanceFor(connection)}
 *       (from then on Smack attaches that manager to the connections created after it);</li>
 *   <li>XMPP is parsed by {@link CompactXmlParser} (XPP3, small buffers, no entity limits);</li>
 *   <li>SASL PLAIN and SCRAM-SHA-256 are amoc's ({@link PlainMechanism}, {@link ScramSha256Mechanism}); SCRAM-SHA-1
 *       is Smack's;</li>
 *   <li>Smack's INFO logging of routine events (a closing connection) is silenced; warnings remain, but for the
 *       one per connection that closes with an error: amoc counts each loss ({@code connection_lost}) and groups
 *       the failures it causes, so that warning goes to amoc's debug log instead of flooding a console.</li>
 * </ul>
 */
public final class SmackSetup {

    /** Classes and packages Smack would load at start-up that attach a manager to every connection. */
    private static final String[] EAGER_MANAGERS = {
        "org.jivesoftware.smack.ReconnectionManager",
        "org.jivesoftware.smack.roster.Roster",
        "org.jivesoftware.smackx",
    };
    /** Smack logs through java.util.logging; held here so that the level set below is not garbage-collected. */
    private static final Logger SMACK_LOG = Logger.getLogger("org.jivesoftware.smack");
    private static final Logger CONNECTION_LOG = Logger.getLogger("org.jivesoftware.smack.AbstractXMPPConnection");
    private static final String CLOSED_WITH_ERROR = " closed with error";
    private static final org.slf4j.Logger LOSSES = org.slf4j.LoggerFactory.getLogger("io.amoc.xmpp.losses");

    static {
        SMACK_LOG.setLevel(Level.WARNING);
        CONNECTION_LOG.setFilter(SmackSetup::notALoss);
        SmackConfiguration.addDisabledSmackClasses(EAGER_MANAGERS);
        SmackConfiguration.DEBUG = false;
        SmackXmlParser.setXmlPullParserFactory(CompactXmlParser.FACTORY);
        SASLAuthentication.registerSASLMechanism(new PlainMechanism());
        SASLAuthentication.registerSASLMechanism(new ScramSha256Mechanism());
    }

    private SmackSetup() {
    }

    /** Smack's warning for each connection that closes with an error goes to the debug log: amoc counts losses. */
    private static boolean notALoss(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.endsWith(CLOSED_WITH_ERROR)) {
            return true;
        }
        LOSSES.debug("{}: {}", message, String.valueOf(record.getThrown()));
        return false;
    }

    /** Applies the settings (once per JVM; later calls do nothing). Call it before any Smack class is used. */
    public static void apply() {
        // the static initialiser above does the work, exactly once
    }
}
