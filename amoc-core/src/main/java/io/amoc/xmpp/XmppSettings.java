package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.config.ConfigKey;
import io.amoc.config.ConfigKeys;
import io.amoc.config.ConfigValueException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

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
 * @param tls             STARTTLS use, key {@code xmpp_tls}: {@code disabled} (default), {@code optional}, {@code required}
 * @param sasl            SASL mechanism to use, key {@code xmpp_sasl}: {@code PLAIN} (default: cheap for client and
 *                        server, as amoc's escalus does), {@code SCRAM-SHA-1} (4096 PBKDF2 rounds per login on
 *                        both sides), ...; empty lets Smack pick the strongest the server offers
 * @param transport       connection class, key {@code xmpp_transport}: {@code tcp} (default) or {@code modular}
 * @param timeout         reply timeout for connecting, logging in and Smack's IQs, key {@code xmpp_timeout} in ms
 *                        (default 30000)
 */
public record XmppSettings(String host, int port, String domain, String usernamePattern, String passwordPattern,
                           String resource, XmppTls tls, String sasl, XmppTransport transport, Duration timeout) {

    /**
     * The settings as configured now (keys {@code xmpp_*} of {@link ConfigKeys}, read at each call so run-time changes
     * apply).
     */
    public static XmppSettings fromConfig() {
        Config config = Config.global();
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
                Duration.ofMillis(ConfigKeys.XMPP_TIMEOUT.get(config)));
    }

    /** The XMPP username of amoc user {@code userId}, e.g. {@code user_42}. */
    public String username(long userId) {
        return String.format(Locale.ROOT, usernamePattern, userId);
    }

    /** The password of amoc user {@code userId}, e.g. {@code password_42}. */
    public String password(long userId) {
        return String.format(Locale.ROOT, passwordPattern, userId);
    }

    /** These settings with another server address and port. */
    public XmppSettings withServer(String newHost, int newPort) {
        return new XmppSettings(newHost, newPort, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                transport, timeout);
    }

    /** These settings with other username and password patterns (e.g. {@code "user_%d"}, {@code "wrong_%d"}). */
    public XmppSettings withCredentials(String newUsernamePattern, String newPasswordPattern) {
        return new XmppSettings(host, port, domain, newUsernamePattern, newPasswordPattern, resource, tls, sasl,
                transport, timeout);
    }

    /** These settings with another STARTTLS policy. */
    public XmppSettings withTls(XmppTls newTls) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, newTls, sasl,
                transport, timeout);
    }

    /** These settings with one SASL mechanism (empty: Smack's choice). */
    public XmppSettings withSasl(String newSasl) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, newSasl,
                transport, timeout);
    }

    /** These settings with another connection class. */
    public XmppSettings withTransport(XmppTransport newTransport) {
        return new XmppSettings(host, port, domain, usernamePattern, passwordPattern, resource, tls, sasl,
                newTransport, timeout);
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
            throw new XmppConfigException(key.name(), value, accepted);
        }
    }
}
