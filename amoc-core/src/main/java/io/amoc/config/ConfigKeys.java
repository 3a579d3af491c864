package io.amoc.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key amoc itself reads, with its kind of value, its default and one line of documentation: the
 * one registry that feeds validation at {@code config.set}, {@code config.list}, completion in the shell and the
 * check that {@code conf/amoc.properties} documents every key. Scenarios' own keys are not registered: they stay
 * free-form ({@link ConfigValues} only limits their shape).
 *
 * <p>Adding a key takes one entry here and two lines in {@code conf/amoc.properties}:
 * <pre>{@code
 * public static final ConfigKey<Long> MY_TIMEOUT = key("my_timeout", ValueTypes.positiveMillis(), 5000L,
 *         "Milliseconds ... (one line).");
 * }</pre>
 * (or {@link #unset} for a key whose absence means something), then in the properties file the same line as a
 * comment followed by {@code #my_timeout = 5000} (ConfigKeysTest checks both), and read it with
 * {@code ConfigKeys.MY_TIMEOUT.get(config)}. The kinds of value are in {@link ValueTypes}.
 */
public final class ConfigKeys {

    /**
     * The longest grace period of a forced removal: a stop or remove waits this long at most, so a larger value
     * would hold the run's commands hostage to users that ignore interruption (they are shown as stragglers instead).
     */
    public static final long MAX_GRACE_SECONDS = 30;
    /**
     * The SASL mechanisms amoc logs in with (PLAIN and SCRAM-SHA-256 are amoc's, registered by
     * {@code io.amoc.xmpp.transport.SmackSetup}; SCRAM-SHA-1 is Smack's): {@code xmpp_sasl} takes one of them or
     * {@code ""}, checked when set, when read at start, and at each login for settings a scenario made itself.
     */
    public static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256");
    private static final List<ConfigKey<?>> ALL = new ArrayList<>();

    // --- users (docs/engine.md)
    public static final ConfigKey<Long> INTERARRIVAL = key("interarrival", ValueTypes.millis(), 50L,
            "Milliseconds between two user starts on a node (0 = all at once).");
    public static final ConfigKey<Long> REPEAT_INTERVAL = key("repeat_interval", ValueTypes.millis(), 60_000L,
            "Milliseconds a user waits between two iterations of start().");
    public static final ConfigKey<Long> REPEAT_NUM = key("repeat_num", ValueTypes.countOrInfinity(),
            Double.POSITIVE_INFINITY, "How many times each user runs start() in all: a number or infinity.");
    public static final ConfigKey<Duration> REMOVE_GRACE_PERIOD = key("remove_grace_period",
            ValueTypes.secondsOrZero(MAX_GRACE_SECONDS), 2L, "Seconds a forcibly removed (or stopped) user"
                    + " has to end before it is reported as a straggler (at most 30; a straggler is shown in status).");

    // --- scenarios and shell (docs/shell.md)
    public static final ConfigKey<List<String>> SCENARIO_PATH = key("scenario_path", ValueTypes.texts(), List.of(),
            "Extra directories of scenario sources, besides scenarios/ of the install and --scenarios DIR.");
    public static final ConfigKey<String> HISTORY_FILE = unset("history_file", ValueTypes.text("/tmp/amoc_history"),
            "~/.amoc_history",
            "The console's history file (default ~/.amoc_history, or var/.amoc_history when home is not writable).");

    // --- XMPP (io.amoc.xmpp, docs/xmpp.md)
    public static final ConfigKey<String> XMPP_HOST = key("xmpp_host", ValueTypes.text("127.0.0.1"), "127.0.0.1",
            "Address of the XMPP server the users log in to.");
    public static final ConfigKey<Integer> XMPP_PORT = key("xmpp_port", ValueTypes.port(), 5222L,
            "Client port of the XMPP server.");
    public static final ConfigKey<String> XMPP_DOMAIN = key("xmpp_domain", ValueTypes.nonEmptyText("localhost"),
            "localhost",
            "XMPP domain of the accounts.");
    public static final ConfigKey<String> XMPP_USERNAME_PATTERN = key("xmpp_username_pattern",
            ValueTypes.userPattern(true, "user_%d"),
            "user_%d", "Username of user N (a String.format pattern).");
    public static final ConfigKey<String> XMPP_PASSWORD_PATTERN = key("xmpp_password_pattern",
            ValueTypes.userPattern(false, "password_%d"),
            "password_%d", "Password of user N (a String.format pattern).");
    public static final ConfigKey<String> XMPP_RESOURCE = key("xmpp_resource", ValueTypes.text("amoc"), "amoc",
            "Resource bound at login.");
    public static final ConfigKey<String> XMPP_TLS = key("xmpp_tls",
            ValueTypes.oneOf("disabled", "optional", "required", "direct"), "disabled",
            "TLS: disabled, optional or required (STARTTLS), or direct (TLS from the first byte, e.g."
                    + " port 5223; lean transport only). Server certificates are not verified.");
    public static final ConfigKey<String> XMPP_SASL = key("xmpp_sasl", ValueTypes.saslMechanism(SASL_MECHANISMS),
            "PLAIN",
            "SASL mechanism: PLAIN (cheap), SCRAM-SHA-1 or SCRAM-SHA-256 (PBKDF2 per login on both"
                    + " sides); \"\" = the strongest the server offers. Any other is refused when set.");
    public static final ConfigKey<String> XMPP_TRANSPORT = key("xmpp_transport", ValueTypes.oneOf("lean", "tcp"),
            "lean",
            "Connection class: lean (one virtual reader thread per connection, small buffers) or tcp"
                    + " (Smack's XMPPTCPConnection: 2 platform threads per connection, for scenarios that need"
                    + " stream management).");
    public static final ConfigKey<List<String>> XMPP_SERVERS = key("xmpp_servers", ValueTypes.hostPorts(), List.of(),
            "Several servers as \"host:port\": user N connects to number ((N - 1) mod count) + 1; when"
                    + " set, replaces xmpp_host and xmpp_port. Example: [\"127.0.0.1:5222\", \"127.0.0.1:5223\"]");
    public static final ConfigKey<List<String>> XMPP_SOURCE_ADDRESSES = key("xmpp_source_addresses",
            ValueTypes.ipAddresses(), List.of(),
            "Local IP addresses to connect from: user N uses number ((N - 1) mod count) + 1, so that"
                    + " one generator opens more connections than the ~28,000 ephemeral ports of one address"
                    + " pair allow. [] = the system's choice. Example: [\"127.0.0.2\", \"127.0.0.3\"] (all of"
                    + " 127.0.0.0/8 is local on Linux).");
    public static final ConfigKey<Boolean> XMPP_PIPELINING = key("xmpp_pipelining", ValueTypes.bool(), true,
            "Lean logins with SASL PLAIN and no STARTTLS send <auth/> with the stream's opening tag and the"
                    + " resource binding with the new stream's (XEP-0305): two round trips instead of four."
                    + " false = wait for each answer.");
    public static final ConfigKey<Long> XMPP_TIMEOUT = key("xmpp_timeout", ValueTypes.positiveMillis(), 30_000L,
            "Milliseconds allowed for connecting, logging in and each Smack reply.");
    public static final ConfigKey<Boolean> XMPP_RECONNECT = key("xmpp_reconnect", ValueTypes.bool(), false,
            "What a lost connection does: false = its user fails (counted in connection_lost and user_failures);"
                    + " true = it logs in again in the background, with exponential backoff and full jitter"
                    + " (100 ms doubling to 30 s), counted in reconnects.");
    public static final ConfigKey<Double> XMPP_RECONNECT_RATE = key("xmpp_reconnect_rate", ValueTypes.positiveRate(),
            100L, "At most this many reconnection attempts per second per node (decimals allowed).");
    public static final ConfigKey<Long> MESSAGE_DRAIN_TIME = key("message_drain_time", ValueTypes.millis(), 5_000L,
            "Milliseconds a stop waits, before it stops the users, for stamped messages in flight to arrive or"
                    + " bounce (users send no more meanwhile); what is still unaccounted is messages_missing.");

    // --- metrics and Graphite (docs/metrics.md)
    public static final ConfigKey<String> GRAPHITE_HOST = unset("graphite_host",
            ValueTypes.text("graphite.example.com"),
            "none: metrics are not reported", "Host of Graphite's plaintext (carbon) receiver;"
                    + " unset = metrics are not reported. Env: AMOC_GRAPHITE_HOST");
    public static final ConfigKey<Integer> GRAPHITE_PORT = key("graphite_port", ValueTypes.port(), 2003L,
            "Port of Graphite's plaintext receiver. Env: AMOC_GRAPHITE_PORT");
    public static final ConfigKey<String> GRAPHITE_PREFIX = unset("graphite_prefix", ValueTypes.text("generator-1"),
            "this host's name", "First element of every metric path; default: this host's name"
                    + " (give each amoc JVM on one machine its own).");
    public static final ConfigKey<Duration> GRAPHITE_INTERVAL = key("graphite_interval", ValueTypes.seconds(), 10L,
            "Seconds between reports to Graphite (decimals allowed).");
    public static final ConfigKey<String> GRAPHITE_ENDPOINT = unset("graphite_endpoint",
            ValueTypes.text("graphite.example.com:80"),
            "none: no annotations",
            "host:port of graphite-web; when set, start/add/remove are posted as events (annotations).");

    public static final ConfigKey<Duration> REPORT_INTERVAL = key("report_interval", ValueTypes.seconds(), 1L,
            "Seconds between two samples of a run's figures for its report (per node and merged; decimals allowed).");

    // --- load generator health (docs/metrics.md)
    public static final ConfigKey<Double> GENERATOR_CPU_LIMIT = key("generator_cpu_limit", ValueTypes.percent(), 90L,
            "CPU use in percent (the higher of the amoc JVM's and the machine's) above which, held for"
                    + " generator_cpu_time, a load generator is overloaded (100 = never).");
    public static final ConfigKey<Duration> GENERATOR_CPU_TIME = key("generator_cpu_time", ValueTypes.seconds(), 10L,
            "Seconds the CPU use must stay above generator_cpu_limit before the generator counts as overloaded.");
    public static final ConfigKey<Long> GENERATOR_LAG_LIMIT = key("generator_lag_limit", ValueTypes.positiveMillis(),
            50L, "Milliseconds of virtual-thread scheduler lag (p99 over the last 10 s) above which a load generator"
                    + " is overloaded.");
    public static final ConfigKey<Double> GENERATOR_HEAP_LIMIT = key("generator_heap_limit", ValueTypes.percent(), 90L,
            "Heap in use after GC, in percent of the maximum heap, above which a load generator is overloaded.");

    // --- distribution (docs/distributed.md)
    public static final ConfigKey<List<String>> HOSTS = key("hosts", ValueTypes.texts(), List.of(),
            "Slaves the master drives with dist.*: a list of \"host:port\" (port = the slave's slave_port)."
                    + " Env: AMOC_HOSTS");
    public static final ConfigKey<Duration> HEARTBEAT_INTERVAL = key("heartbeat_interval", ValueTypes.seconds(), 1L,
            "Seconds between the master's heartbeats to each slave; a slave is down after 3 missed beats.");
    public static final ConfigKey<Duration> RMI_CONNECT_TIMEOUT = key("rmi_connect_timeout", ValueTypes.seconds(), 5L,
            "Seconds the master waits to open a connection to a slave.");
    public static final ConfigKey<Duration> RMI_READ_TIMEOUT = key("rmi_read_timeout", ValueTypes.seconds(), 60L,
            "Seconds the master waits for a slave's answer to a long call: start (with init), stop (with terminate),"
                    + " a forced remove; keep it above the slowest init and remove_grace_period.");
    public static final ConfigKey<Duration> RMI_CALL_DEADLINE = key("rmi_call_deadline", ValueTypes.seconds(), 10L,
            "Seconds the master waits for a slave's answer to a short call (add, gentle remove, config, metrics,"
                    + " heartbeat); a slave that misses it is named in the answer.");
    public static final ConfigKey<Integer> SLAVE_PORT = key("slave_port", ValueTypes.portOrZero(), 1099L,
            "Port of a slave's RMI registry (bin/amoc slave --port overrides it).");
    public static final ConfigKey<Integer> SLAVE_OBJECT_PORT = key("slave_object_port", ValueTypes.portOrZero(), 1100L,
            "Port of a slave's remote object (--object-port overrides it); open both ports to the master.");
    public static final ConfigKey<Duration> MASTER_SILENCE_TIMEOUT = key("master_silence_timeout", ValueTypes.seconds(),
            30L, "Seconds a slave waits without a heartbeat before it stops its users and accepts a new master.");
    public static final ConfigKey<String> TLS_DIR = key("tls_dir", ValueTypes.text("conf/tls"), "conf/tls",
            "The cluster's TLS material (bin/amoc tls init writes it): every RMI connection between the master and its"
                    + " slaves is mutual TLS 1.3 with it, and nothing runs without it. A relative directory is under"
                    + " the install. Env: AMOC_TLS_DIR");

    // --- HTTP API (docs/http-api.md)
    public static final ConfigKey<String> API_BIND = key("api_bind", ValueTypes.text("127.0.0.1"), "127.0.0.1",
            "Address the master's HTTP API listens on; an address other than loopback needs api_tls = on. Env:"
                    + " AMOC_API_BIND");
    public static final ConfigKey<Integer> API_PORT = key("api_port", ValueTypes.portOrOff(), 4000L,
            "Port of the master's HTTP API; 0 turns the API off. Env: AMOC_API_PORT");
    public static final ConfigKey<String> API_TLS = key("api_tls", ValueTypes.oneOf("off", "on"), "off",
            "on = the API speaks HTTPS only, with api_keystore or else the cluster's material in tls_dir.");
    public static final ConfigKey<String> API_KEYSTORE = unset("api_keystore", ValueTypes.text("conf/api.p12"),
            "unset = the cluster's material (cluster.p12 in tls_dir)",
            "A PKCS12 key store (key and certificate chain) for the API's HTTPS, instead of the cluster's material.");
    public static final ConfigKey<String> API_KEYSTORE_PASSWORD_FILE = unset("api_keystore_password_file",
            ValueTypes.text("conf/api.pass"), "needed with api_keystore",
            "A file holding api_keystore's password (one line; keep it 0600).");
    public static final ConfigKey<List<String>> API_HOSTS = key("api_hosts", ValueTypes.texts(), List.of(),
            "Host names clients reach the API by, besides localhost and api_bind: a change whose Host is another"
                    + " is refused (DNS rebinding).");
    public static final ConfigKey<Boolean> API_INSECURE_IN_CONTAINER = key("api_insecure_in_container",
            ValueTypes.flag(), false, "true = plain HTTP on an address other than loopback (only inside a"
                    + " container whose port is not published beyond the host; discouraged). Env:"
                    + " AMOC_API_INSECURE_IN_CONTAINER");

    // --- logging (docs/engine.md): one key per logger, log_level.<logger>, e.g. log_level.GroupChat = debug
    /** The start of the keys that set one logger's level: {@code log_level.<logger>} ({@code root} for all). */
    public static final String LOG_LEVEL_PREFIX = "log_level.";
    private static final ValueType<String> LOG_LEVEL = ValueTypes.oneOf("trace", "debug", "info", "warn", "error",
            "off");

    private ConfigKeys() {
    }

    /**
     * The key that sets the level of {@code logger} (a logger's name, e.g. {@code GroupChat} or {@code io.amoc};
     * {@code root} for every logger without a level of its own).
     */
    public static ConfigKey<String> logLevel(String logger) {
        return new ConfigKey<>(LOG_LEVEL_PREFIX + logger, LOG_LEVEL, null,
                "as set up: info, warn for io.amoc", "Level of the logger " + logger + " on every node: trace, debug,"
                + " info, warn, error or off.");
    }

    /** A key with a default: {@code defaultLiteral} as it would be written in the properties file. */
    private static <T> ConfigKey<T> key(String name, ValueType<T> type, Object defaultLiteral, String doc) {
        return register(new ConfigKey<>(name, type, defaultLiteral, null, doc));
    }

    /** A key without a default; {@code whenUnset} says what happens when it is set nowhere. */
    private static <T> ConfigKey<T> unset(String name, ValueType<T> type, String whenUnset, String doc) {
        return register(new ConfigKey<>(name, type, null, whenUnset, doc));
    }

    private static synchronized <T> ConfigKey<T> register(ConfigKey<T> key) {
        if (find(key.name()).isPresent()) {
            throw new IllegalStateException("config key " + key.name() + " is registered twice");
        }
        ALL.add(key);
        return key;
    }

    /** Every registered key, in the order of the registry. */
    public static synchronized List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL));
    }

    /** The registered key {@code name}, if it is one ({@code log_level.<logger>} keys included). */
    public static synchronized Optional<ConfigKey<?>> find(String name) {
        if (name.startsWith(LOG_LEVEL_PREFIX) && name.length() > LOG_LEVEL_PREFIX.length()) {
            return Optional.of(logLevel(name.substring(LOG_LEVEL_PREFIX.length())));
        }
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
