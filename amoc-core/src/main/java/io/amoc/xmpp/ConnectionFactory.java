package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.config.ConfigChanges;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;
import io.amoc.xmpp.transport.LeanConfiguration;
import io.amoc.xmpp.transport.LeanConnection;
import io.amoc.xmpp.transport.NoDelaySocketFactory;
import io.amoc.xmpp.transport.SharedTls;
import io.amoc.xmpp.transport.SmackSetup;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.packet.id.StandardStanzaIdSource;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Builds unconnected Smack connections from {@link XmppSettings}, with what a load test does not need turned off. */
final class ConnectionFactory {

    /** Settings values whose lean configurations are kept at most; past that the cache starts again. */
    private static final int MAX_SHARED_SETTINGS = 64;
    /**
     * Lean configurations without credentials, one per (settings, server, source address), shared by every user
     * they serve: building one (domain and resource validation, name look-up) was a noticeable part of a login.
     */
    private static final Map<XmppSettings, Shared> SHARED = new ConcurrentHashMap<>();
    /** The settings of the latest lean connection: most logins use the same object, found without hashing it. */
    private static volatile Shared lastShared;

    /**
     * The shared configurations of one settings value, by where its users connect to and from (and the one there is
     * when all connect from and to the same place), built while the configuration was at {@code version} with
     * {@code pipelining} ({@code xmpp_pipelining}).
     */
    private record Shared(XmppSettings settings, long version, boolean pipelining,
                          Map<Route, LeanConfiguration> configurations, AtomicReference<LeanConfiguration> onlyRoute) {
    }

    private record Route(InetSocketAddress server, InetAddress source) {
    }

    static {
        SmackSetup.apply();
        // No stream management unless a scenario enables it on its tcp connection: a simulated user does exactly
        // what its scenario says and nothing behind its back.
        XMPPTCPConnection.setUseStreamManagementDefault(false);
        XMPPTCPConnection.setUseStreamManagementResumptionDefault(false);
    }

    private ConnectionFactory() {
    }

    /**
     * A connection for user {@code userId}, not connected yet.
     *
     * @throws SmackSaslException the configured SASL mechanism is one amoc cannot use
     * @throws IOException        the server's name does not resolve (or is not a valid XMPP domain)
     */
    static AbstractXMPPConnection create(long userId, XmppSettings settings) throws SmackSaslException, IOException {
        checkSasl(settings.sasl().trim());
        return switch (settings.transport()) {
            case LEAN -> lean(userId, settings);
            case TCP -> tcp(userId, settings);
        };
    }

    /** A lean connection without credentials: they are given at login ({@link LeanConnection#connectAndLogin}). */
    private static AbstractXMPPConnection lean(long userId, XmppSettings settings) throws IOException {
        Shared shared = lastShared;
        long version = ConfigChanges.version();
        if (shared == null || shared.settings() != settings || shared.version() != version) {
            if (SHARED.size() >= MAX_SHARED_SETTINGS) {
                SHARED.clear();
            }
            boolean pipelining = ConfigKeys.XMPP_PIPELINING.get(Config.global());
            Shared found = SHARED.get(settings);
            if (found == null || found.pipelining() != pipelining) {
                found = new Shared(settings, version, pipelining, new ConcurrentHashMap<>(), new AtomicReference<>());
                SHARED.put(settings, found);
            }
            // this object, which the next login passes again
            shared = new Shared(settings, version, pipelining, found.configurations(), found.onlyRoute());
            lastShared = shared;
        }
        LeanConfiguration config = configuration(shared, userId);
        LeanConnection connection = new LeanConnection(config);
        connection.setReplyTimeout(settings.timeout().toMillis());
        return connection;
    }

    /** The configuration for where user {@code userId} connects to and from. */
    private static LeanConfiguration configuration(Shared shared, long userId) throws IOException {
        XmppSettings settings = shared.settings();
        boolean oneRoute = settings.servers().isEmpty() && settings.sourceAddresses().isEmpty();
        LeanConfiguration only = shared.onlyRoute().get();
        if (oneRoute && only != null) {
            return only;                       // every user connects from and to the same place: no look-up
        }
        Route route = new Route(settings.serverFor(userId), settings.sourceAddressFor(userId).orElse(null));
        LeanConfiguration config = shared.configurations().get(route);
        if (config == null) {
            config = leanConfiguration(settings, route, shared.pipelining());
            shared.configurations().put(route, config);
        }
        if (oneRoute) {
            shared.onlyRoute().set(config);
        }
        return config;
    }

    private static LeanConfiguration leanConfiguration(XmppSettings settings, Route route, boolean pipelining)
            throws IOException {
        LeanConfiguration.Builder builder = LeanConfiguration.builder()
                .setPipelining(pipelining)
                .setConnectTimeout(timeoutMillis(settings))
                .setSourceAddress(route.source())
                .setDirectTls(settings.tls() == XmppTls.DIRECT)
                .setHostAddress(InetAddress.getByName(route.server().getHostString()))
                .setPort(route.server().getPort());
        configureSession(builder, settings);
        return builder.build();
    }

    private static AbstractXMPPConnection tcp(long userId, XmppSettings settings) throws IOException {
        InetSocketAddress server = settings.serverFor(userId);
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder()
                .setHost(server.getHostString())
                .setPort(server.getPort())
                .setConnectTimeout(timeoutMillis(settings))
                .setSocketFactory(new NoDelaySocketFactory(settings.sourceAddressFor(userId).orElse(null)))
                .setSslContextFactory(() -> SharedTls.FOR_SMACK)
                .setCustomX509TrustManager(SharedTls.ACCEPT_ANY)
                .setHostnameVerifier((host, session) -> true);
        configure(builder, userId, settings);
        XMPPTCPConnection connection = new XMPPTCPConnection(builder.build());
        connection.setReplyTimeout(settings.timeout().toMillis());
        return connection;
    }

    private static <B extends ConnectionConfiguration.Builder<B, ?>> void configure(
            B builder, long userId, XmppSettings settings) throws IOException {
        builder.setUsernameAndPassword(settings.username(userId), settings.password(userId));
        configureSession(builder, settings);
    }

    /** What every user of {@code settings} shares. */
    private static <B extends ConnectionConfiguration.Builder<B, ?>> void configureSession(
            B builder, XmppSettings settings) throws IOException {
        builder.setXmppDomain(settings.domain())
                .setResource(settings.resource())
                .setSendPresence(false)
                .setCompressionEnabled(false)
                // one id source for the JVM: Smack's default gives each connection its own, seeded by a
                // SecureRandom that each user thread would create for itself
                .setStanzaIdSourceFactory(() -> StandardStanzaIdSource.DEFAULT)
                .setSecurityMode(securityMode(settings.tls()));
        if (!settings.sasl().isBlank()) {
            builder.addEnabledSaslMechanism(settings.sasl().trim());
        }
    }

    /**
     * Settings a scenario made itself ({@link XmppSettings#withSasl}) have not been through {@code xmpp_sasl}'s check
     * when set: the same check, as a login failure (a mechanism Smack lacks would fail the configuration unchecked).
     */
    private static void checkSasl(String mechanism) throws SmackSaslException {
        try {
            ConfigKeys.XMPP_SASL.convert(mechanism);
        } catch (ConfigValueException e) {
            throw new SmackSaslException(e.getMessage());
        }
    }

    private static int timeoutMillis(XmppSettings settings) {
        return (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    }

    private static SecurityMode securityMode(XmppTls tls) {
        return switch (tls) {
            case DISABLED -> SecurityMode.disabled;
            case OPTIONAL -> SecurityMode.ifpossible;
            case REQUIRED, DIRECT -> SecurityMode.required;
        };
    }
}
