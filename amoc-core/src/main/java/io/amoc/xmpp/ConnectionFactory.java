package io.amoc.xmpp;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds unconnected Smack connections from {@link XmppSettings}, with what a load test does not need turned off. */
final class ConnectionFactory {

    /** Smack logs through java.util.logging; held here so the level set below is not garbage-collected. */
    private static final Logger SMACK_LOG = Logger.getLogger("org.jivesoftware.smack");

    static {
        SmackDefaults.apply();
        // Smack logs routine events of a closing connection (e.g. an interrupted wait for </stream>) at INFO.
        SMACK_LOG.setLevel(Level.WARNING);
        // No roster download at login, no automatic reconnection, no stream management: a simulated user does
        // exactly what its scenario says and nothing behind its back.
        Roster.setRosterLoadedAtLoginDefault(false);
        ReconnectionManager.setEnabledPerDefault(false);
        XMPPTCPConnection.setUseStreamManagementDefault(false);
        XMPPTCPConnection.setUseStreamManagementResumptionDefault(false);
        SmackConfiguration.DEBUG = false;
    }

    private ConnectionFactory() {
    }

    static AbstractXMPPConnection create(long userId, XmppSettings settings)
            throws XmppStringprepException, SmackSaslException {
        return switch (settings.transport()) {
            case TCP -> tcp(userId, settings);
            case MODULAR -> modular(userId, settings);
        };
    }

    private static AbstractXMPPConnection tcp(long userId, XmppSettings settings)
            throws XmppStringprepException, SmackSaslException {
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder();
        configure(builder, userId, settings);
        builder.setConnectTimeout((int) settings.timeout().toMillis());
        XMPPTCPConnection connection = new XMPPTCPConnection(builder.build());
        connection.setReplyTimeout(settings.timeout().toMillis());
        return connection;
    }

    private static AbstractXMPPConnection modular(long userId, XmppSettings settings)
            throws XmppStringprepException, SmackSaslException {
        ModularXmppClientToServerConnectionConfiguration.Builder builder =
                ModularXmppClientToServerConnectionConfiguration.builder();
        configure(builder, userId, settings);
        ModularXmppClientToServerConnection connection = new ModularXmppClientToServerConnection(builder.build());
        connection.setReplyTimeout(settings.timeout().toMillis());
        return connection;
    }

    private static <B extends ConnectionConfiguration.Builder<B, ?>> void configure(
            B builder, long userId, XmppSettings settings) throws XmppStringprepException, SmackSaslException {
        builder.setXmppDomain(settings.domain())
                .setHost(settings.host())
                .setPort(settings.port())
                .setUsernameAndPassword(settings.username(userId), settings.password(userId))
                .setResource(settings.resource())
                .setSendPresence(false)
                .setCompressionEnabled(false)
                .setSecurityMode(securityMode(settings.tls()));
        if (!settings.sasl().isBlank()) {
            SmackDefaults.checkSasl(settings.sasl().trim());
            builder.addEnabledSaslMechanism(settings.sasl().trim());
        }
        if (settings.tls() != XmppTls.DISABLED) {
            // Load tests aim at test servers with self-signed certificates: the certificate is not checked.
            builder.setCustomX509TrustManager(new AcceptingTrustManager()).setHostnameVerifier((host, session) -> true);
        }
    }

    private static SecurityMode securityMode(XmppTls tls) {
        return switch (tls) {
            case DISABLED -> SecurityMode.disabled;
            case OPTIONAL -> SecurityMode.ifpossible;
            case REQUIRED -> SecurityMode.required;
        };
    }

    /** Accepts any server certificate. */
    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
