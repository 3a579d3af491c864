package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.config.LatestConfig;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link Xmpp#connect(long, XmppSettings)} reaches the server and logs in. {@link #fromConfig()} reads every
 * field from the configuration; the {@code with...} methods make per-call overrides:
 *
 * <pre>{@code
 * XmppSettings tls = XmppSettings.fromConfig().withTls(XmppTls.REQUIRED).withSasl("SCRAM-SHA-1");
 * AbstractXMPPConnection connection = Xmpp.connect(userId, tls);
 * }</pre>
 *
 * @param host            server address, key {@code xmpp_host} (default {@code 127.0.0.1})
 * @param port            client port, key {@code xmpp_port} (default 5222)
 * @param domain          XMPP domain of the accounts, key {@code xmpp_domain} (default {@code localhost})
 * @param usernamePattern {@link String#format} pattern applied to the user id, key {@code xmpp_username_pattern}
 *                        (default {@code user_%d})
 * @param passwordPattern the same for the password, key {@code xmpp_password_pattern} (default {@code password_%d})
 * @param resource        resource bound at login, key {@code xmpp_resource} (default {@code amoc})
 * @param tls             TLS use, key {@code xmpp_tls}: {@code disabled} (default), {@code optional},
 *                        {@code required} (both STARTTLS) or {@code direct}
 * @param sasl            SASL mechanism to use, key {@code xmpp_sasl}: {@code PLAIN} (default: cheap for client and
 *                        server, as amoc's escalus does), {@code SCRAM-SHA-1}, {@code SCRAM-SHA-256} (4096 PBKDF2
 *                        rounds per login on both sides); empty lets Smack pick the strongest the server offers.
 *                        Another name fails each login (a counted connection failure naming these)
 * @param transport       connection class, key {@code xmpp_transport}: {@code lean} (default) or {@code tcp}
 * @param timeout         timeout for connecting, logging in and Smack's replies, key {@code xmpp_timeout} in ms
 *                        (default 30000)
 * @param servers         {@code "host:port"} of several servers, key {@code xmpp_servers} (default none): user N
 *                        connects to number {@code ((N - 1) mod count) + 1}; when set, {@code host} and
 *                        {@code port} are not used
 * @param sourceAddresses local IP addresses to connect from, key {@code xmpp_source_addresses} (default none: the
 *                        system's choice): user N uses number {@code ((N - 1) mod count) + 1}, so one generator
 *                        opens more connections than the ephemeral ports of one address pair allow (~28,000)
 */
public record XmppSettings(String host, int port, String domain, String usernamePattern, String passwordPattern,
                           String resource, XmppTls tls, String sasl, XmppTransport transport, Duration timeout,
                           List<String> servers, List<String> sourceAddresses) {

    /**
     * Checks the settings: a server that is not "host:port", a source that is not an IP address, or direct TLS on
     * the tcp transport is refused with an {@link XmppConfigException}.
     */
    public XmppSettings {
        servers = List.copyOf(servers);
        sourceAddresses = List.copyOf(sourceAddresses);
        servers.forEach(XmppAddresses::server);
        sourceAddresses.forEach(XmppAddresses::source);
        if (tls == XmppTls.DIRECT && transport == XmppTransport.TCP) {
            throw new XmppConfigException("xmpp_tls", "direct", "disabled, optional or required with xmpp_transport "
                    + "tcp, or xmpp_transport lean (direct TLS is the lean transport's)");
        }
    }

    private static final LatestConfig<XmppSettings> CONFIGURED = LatestConfig.of(XmppSettings::read);

    /**
     * The settings as configured now (keys {@code xmpp_*} of {@link ConfigKeys}): read again after each change of the
     * configuration, so run-time changes apply to the next login; the same object until then.
     */
    public static XmppSettings fromConfig() {
        return CONFIGURED.get();
    }

    private static XmppSettings read(Config config) {
        return new XmppSettings(
                ConfigKeys.XMPP_HOST.get(config),
                ConfigKeys.XMPP_PORT.get(config),
                ConfigKeys.XMPP_DOMAIN.get(config),
                ConfigKeys.XMPP_USERNAME_PATTERN.get(config),
                ConfigKeys.XMPP_PASSWORD_PATTERN.get(config),
                ConfigKeys.XMPP_RESOURCE.get(config),
                option(ConfigKeys.XMPP_TLS, XmppTls.class),
                ConfigKeys.XMPP_SASL.get(config),
                option(ConfigKeys.XMPP_TRANSPORT, XmppTransport.class),
                Duration.ofMillis(ConfigKeys.XMPP_TIMEOUT.get(config)),
                ConfigKeys.XMPP_SERVERS.get(config),
                ConfigKeys.XMPP_SOURCE_ADDRESSES.get(config));
    }

    /** The XMPP username of amoc user {@code userId}, e.g. {@code user_42}. */
    public String username(long userId) {
        return apply(usernamePattern, userId);
    }

    /** The password of amoc user {@code userId}, e.g. {@code password_42}. */
    public String password(long userId) {
        return apply(passwordPattern, userId);
    }

    /** {@code String.format(Locale.ROOT, pattern, userId)}, without the formatter when the only % is one %d. */
    private static String apply(String pattern, long userId) {
        int at = pattern.indexOf('%');
        if (at >= 0 && pattern.startsWith("d", at + 1) && pattern.indexOf('%', at + 1) < 0) {
            return pattern.substring(0, at) + userId + pattern.substring(at + 2);
        }
        return String.format(Locale.ROOT, pattern, userId);
    }

    /** The server user {@code userId} connects to (unresolved): from {@code servers} by id, else host and port. */
    public InetSocketAddress serverFor(long userId) {
        return servers.isEmpty() ? InetSocketAddress.createUnresolved(host, port)
                : XmppAddresses.server(XmppAddresses.byUser(servers, userId));
    }

    /** The local address user {@code userId} connects from, if {@code sourceAddresses} are set. */
    public Optional<InetAddress> sourceAddressFor(long userId) {
        return sourceAddresses.isEmpty() ? Optional.empty()
                : Optional.of(XmppAddresses.source(XmppAddresses.byUser(sourceAddresses, userId)));
    }

    /** These settings with another server address and port (and no {@code servers} list). */
    public XmppSettings withServer(String newHost, int newPort) {
        return new XmppSettings(newHost, newPort, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                transport, timeout, List.of(), sourceAddresses);
    }

    /** These settings with users spread over {@code newServers} ({@code "host:port"} each) by id. */
    public XmppSettings withServers(List<String> newServers) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                transport, timeout, newServers, sourceAddresses);
    }

    /** These settings with users spread over the local {@code addresses} by id. */
    public XmppSettings withSourceAddresses(List<String> addresses) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                transport, timeout, servers, addresses);
    }

    /** These settings with other username and password patterns (e.g. {@code "user_%d"}, {@code "wrong_%d"}). */
    public XmppSettings withCredentials(String newUsernamePattern, String newPasswordPattern) {
        return new XmppSettings(host, port, domain, newUsernamePattern, newPasswordPattern, resource, tls, sasl,
                transport, timeout, servers, sourceAddresses);
    }

    /** These settings with another TLS policy. */
    public XmppSettings withTls(XmppTls newTls) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, newTls, sasl,
                transport, timeout, servers, sourceAddresses);
    }

    /** These settings with one SASL mechanism (empty: Smack's choice). */
    public XmppSettings withSasl(String newSasl) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, newSasl,
                transport, timeout, servers, sourceAddresses);
    }

    /** These settings with another connection class. */
    public XmppSettings withTransport(XmppTransport newTransport) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                newTransport, timeout, servers, sourceAddresses);
    }

    /** These settings with another timeout for connecting, logging in and replies. */
    public XmppSettings withTimeout(Duration newTimeout) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                transport, newTimeout, servers, sourceAddresses);
    }

    private static <E extends Enum<E>> E option(ConfigKey<String> key, Class<E> type) {
        String value;
        try {
            value = key.get(Config.global());
        } catch (ConfigValueException notAChoice) {
            value = String.valueOf(Config.global().find(key.name()).orElse(""));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String accepted = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("");
            throw new XmppConfigException(key.name(), value, "one of: " + accepted);
        }
    }
}
