package io.amoc.xmpp.transport;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.sasl.SASLMechanism;

import java.net.InetAddress;
import java.util.Set;

/**
 * What a {@link LeanConnection} needs beyond Smack's common settings: how long connecting may take, the local
 * address to connect from, whether TLS starts with the first byte (direct TLS, XEP-0368) instead of STARTTLS, and
 * whether a login may send requests ahead of the server's answers. Every configuration shares {@link SharedTls}'s
 * context.
 */
public final class LeanConfiguration extends ConnectionConfiguration {

    private final int connectTimeoutMillis;
    private final InetAddress sourceAddress;
    private final boolean directTls;
    /** What {@link #pipelinesLogin()} answers, known once the configuration is built. */
    private final boolean pipelinesLogin;

    private LeanConfiguration(Builder builder) {
        super(builder);
        this.connectTimeoutMillis = builder.connectTimeoutMillis;
        this.sourceAddress = builder.sourceAddress;
        this.directTls = builder.directTls;
        Set<String> mechanisms = getEnabledSaslMechanisms();
        boolean plainOnly = mechanisms != null && mechanisms.equals(Set.of(SASLMechanism.PLAIN));
        this.pipelinesLogin = builder.pipelining && plainOnly
                && (directTls || getSecurityMode() == SecurityMode.disabled);
    }

    /** A builder with the shared TLS context (certificates are not checked) and no automatic presence. */
    public static Builder builder() {
        return new Builder()
                .setSslContextFactory(() -> SharedTls.FOR_SMACK)
                .setCustomX509TrustManager(SharedTls.ACCEPT_ANY)
                .setHostnameVerifier((host, session) -> true)
                .setSendPresence(false)
                .setCompressionEnabled(false);
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** The local address to connect from, or null for the system's choice. */
    InetAddress sourceAddress() {
        return sourceAddress;
    }

    boolean directTls() {
        return directTls;
    }

    /**
     * Whether a login sends its SASL PLAIN {@code <auth/>} with the stream's opening tag, and its resource binding
     * with the new stream's, each before the server's stream features (XEP-0305 pipelining): two round trips instead
     * of four. Only where the requests cannot depend on the features: PLAIN is the one mechanism enabled, and no
     * STARTTLS comes first.
     */
    boolean pipelinesLogin() {
        return pipelinesLogin;
    }

    /** Builds a {@link LeanConfiguration}. */
    public static final class Builder extends ConnectionConfiguration.Builder<Builder, LeanConfiguration> {

        private static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 30_000;

        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private InetAddress sourceAddress;
        private boolean directTls;
        private boolean pipelining = true;

        private Builder() {
        }

        /** How long opening the TCP connection (and a TLS handshake) may take. */
        public Builder setConnectTimeout(int millis) {
            this.connectTimeoutMillis = millis;
            return this;
        }

        /** The local address to connect from (null: the system's choice). */
        public Builder setSourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        /** TLS from the first byte (a direct-TLS port such as 5223) instead of STARTTLS. */
        public Builder setDirectTls(boolean direct) {
            this.directTls = direct;
            return this;
        }

        /**
         * Whether logins with SASL PLAIN send requests ahead of the server's answers (default true); see
         * {@link LeanConfiguration#pipelinesLogin()}.
         */
        public Builder setPipelining(boolean pipelining) {
            this.pipelining = pipelining;
            return this;
        }

        @Override
        public LeanConfiguration build() {
            return new LeanConfiguration(this);
        }

        @Override
        protected Builder getThis() {
            return this;
        }
    }
}
