package io.amoc.config;

import io.amoc.xmpp.XmppTls;
import io.amoc.xmpp.XmppTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry against conf/amoc.properties, which documents every registered key beside its default. */
class ConfigKeysTest {

    private static final Pattern KEY_LINE = Pattern.compile("^#?([a-z][a-z0-9_]*) = (.*)$");
    private static final Pattern SCENARIO_KEY = Pattern.compile("AmocConfig\\.get\\(\"([a-z0-9_]+)\"");

    /** A documented key: the value on its line and the comment line above it. */
    private record Documented(String value, String comment) {
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("conf/amoc.properties"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static Map<String, Documented> documented() throws IOException {
        List<String> lines = Files.readAllLines(repository().resolve("conf/amoc.properties"));
        Map<String, Documented> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = KEY_LINE.matcher(lines.get(i));
            if (line.matches()) {
                keys.put(line.group(1), new Documented(line.group(2), commentAbove(lines, i)));
            }
        }
        return keys;
    }

    /** The comment lines directly above line {@code index}, joined: a key's documentation may take several lines. */
    private static String commentAbove(List<String> lines, int index) {
        List<String> comment = new java.util.ArrayList<>();
        for (int i = index - 1; i >= 0 && lines.get(i).startsWith("# ") && !lines.get(i).startsWith("# ---"); i--) {
            comment.addFirst(lines.get(i).substring(2));
        }
        return String.join(" ", comment);
    }

    /** The keys the example scenarios in scenarios/ read with AmocConfig.get: free-form, documented, not registered. */
    private static Set<String> exampleScenarioKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(repository().resolve("scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher read = SCENARIO_KEY.matcher(Files.readString(file));
                while (read.find()) {
                    keys.add(read.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void thePropertiesFileDocumentsEveryRegisteredKeyWithItsDocAndDefault() throws IOException {
        Map<String, Documented> file = documented();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            Documented documented = file.get(key.name());
            assertTrue(documented != null, key.name() + " is not documented in conf/amoc.properties");
            assertEquals(key.doc(), documented.comment(), "the comment above " + key.name());
            Object value = Literal.parseOrString(documented.value());
            if (key.defaultLiteral().isPresent()) {
                assertEquals(key.defaultLiteral().get(), value, "the default of " + key.name());
            } else {
                key.convert(value);
            }
        }
    }

    @Test
    void thePropertiesFileDocumentsNothingUnknown() throws IOException {
        Set<String> scenarioKeys = exampleScenarioKeys();
        assertFalse(scenarioKeys.isEmpty());
        for (String name : documented().keySet()) {
            assertTrue(ConfigKeys.find(name).isPresent() || scenarioKeys.contains(name),
                    name + " is in conf/amoc.properties but neither registered nor read by a scenario in scenarios/");
        }
    }

    @Test
    void theXmppChoicesAreTheTransportsOwnOptions() {
        assertEquals(names(XmppTls.values()), ConfigKeys.XMPP_TLS.type().description());
        assertEquals(names(XmppTransport.values()), ConfigKeys.XMPP_TRANSPORT.type().description());
    }

    private static String names(Enum<?>[] values) {
        return "one of " + String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }

    @Test
    void valuesThatMakeNoSenseAreRefusedWithOneLineNamingTheKey() {
        List<Map.Entry<String, Object>> refused = List.of(Map.entry("repeat_num", -1L),
                Map.entry("interarrival", "abc"), Map.entry("interarrival", -1L), Map.entry("repeat_interval", -5L),
                Map.entry("remove_grace_period", 1e308), Map.entry("remove_grace_period", 31L),
                Map.entry("rmi_call_deadline", 0L), Map.entry("graphite_interval", 0L),
                Map.entry("xmpp_port", 70_000L), Map.entry("xmpp_tls", "sometimes"),
                Map.entry("xmpp_reconnect", "maybe"), Map.entry("xmpp_reconnect", 1L),
                Map.entry("xmpp_reconnect_rate", 0L), Map.entry("xmpp_reconnect_rate", -0.5),
                Map.entry("xmpp_reconnect_rate", 2_000_000L), Map.entry("message_drain_time", -1L),
                Map.entry("message_drain_time", 1.5), Map.entry("hosts", List.of(List.of("a:1"))));
        refused.forEach(entry -> {
            String key = entry.getKey();
            ConfigValueException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                    () -> ConfigValues.checked(key, entry.getValue()), key);
            assertTrue(e.getMessage().startsWith(key + " must be "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        });
        assertEquals("remove_grace_period must be a number of seconds from 0 to 30 (decimals allowed, e.g. 0.5),"
                + " got 31", org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                        () -> ConfigValues.checked("remove_grace_period", 31L)).getMessage());
        assertEquals("repeat_num must be a positive whole number or infinity, got 0",
                org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                        () -> ConfigValues.checked("repeat_num", 0L)).getMessage());
    }

    @Test
    void accountPatternsAndADomainThatNoLoginCouldUseAreRefusedWhenSet() {
        assertEquals("xmpp_username_pattern must be a String.format pattern with one %d for the user's number, e.g."
                + " \"user_%d\", got \"user\"", refusal("xmpp_username_pattern", "user"));
        assertTrue(refusal("xmpp_username_pattern", "%s%s%d").startsWith("xmpp_username_pattern must be "));
        assertTrue(refusal("xmpp_password_pattern", "pass_%s_%s").startsWith("xmpp_password_pattern must be "));
        assertEquals("xmpp_domain must be a text that is not empty, e.g. \"localhost\", got \"\"",
                refusal("xmpp_domain", ""));
        assertEquals("user_%05d", ConfigKeys.XMPP_USERNAME_PATTERN.convert("user_%05d"));
        assertEquals("secret", ConfigKeys.XMPP_PASSWORD_PATTERN.convert("secret"));
        assertEquals("password_%d", ConfigKeys.XMPP_PASSWORD_PATTERN.convert("password_%d"));
    }

    @Test
    void aTextKeysHintShowsAValueOfItsOwnKind() {
        assertEquals("history_file must be a text, e.g. \"/tmp/amoc_history\", got 5", refusal("history_file", 5L));
    }

    private static String refusal(String key, Object value) {
        return org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                () -> ConfigValues.checked(key, value), key + " = " + value).getMessage();
    }

    @Test
    void sensibleValuesAreKeptAsGiven() {
        assertEquals(Double.POSITIVE_INFINITY, ConfigValues.checked("repeat_num", Double.POSITIVE_INFINITY));
        assertEquals(0L, ConfigValues.checked("interarrival", 0L));
        assertEquals(0.5, ConfigValues.checked("remove_grace_period", 0.5));
        assertEquals(500, ConfigKeys.REMOVE_GRACE_PERIOD.convert(0.5).toMillis());
        assertEquals("REQUIRED", ConfigValues.checked("xmpp_tls", "REQUIRED"));
        assertEquals(true, ConfigKeys.XMPP_RECONNECT.convert(true));
        assertEquals(0.5, ConfigKeys.XMPP_RECONNECT_RATE.convert(0.5));
        assertEquals(0L, ConfigKeys.MESSAGE_DRAIN_TIME.convert(0L));
        assertEquals(List.of("a:1", "b:2"), ConfigKeys.HOSTS.convert("a:1, b:2"));
        assertEquals(List.of("a", "b"), ConfigValues.checked("my_list", List.of(new Word("a"), "b")));
    }

    @Test
    void scenarioKeysAreFreeFormButListsMayNotNestDeeperThanThree() {
        assertEquals(List.of(List.of(List.of(1L))), ConfigValues.checked("my_key", List.of(List.of(List.of(1L)))));
        ConfigValueException deep = org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                () -> ConfigValues.checked("my_key", List.of(List.of(List.of(List.of(1L))))));
        assertEquals("my_key: lists may be nested at most 3 deep, e.g. [[1, 2], [3]]", deep.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                () -> ConfigValues.checked("../x", 1L)).getMessage().startsWith("'../x' is not a config key"));
    }

    @Test
    void aValueMayHoldAtMostAMillionCharactersOfTextInAll() {
        String half = "x".repeat(ConfigValues.MAX_TEXT_CHARS / 2);
        assertEquals(List.of(half, half), ConfigValues.checked("my_texts", List.of(half, half)));

        ConfigValueException big = org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                () -> ConfigValues.checked("my_texts", List.of(half, half, "x")));

        assertTrue(big.getMessage().startsWith("my_texts: a value may hold at most 1000000 characters"),
                big.getMessage());
    }

    @Test
    void badValuesInTheFileOrTheEnvironmentAreNamedWithWhereTheyAreSet() {
        Config config = new Config(Map.of("AMOC_XMPP_PORT", "0"), Map.of("interarrival", "abc", "greeting", "[[[[1]]]]"));
        assertEquals(List.of(
                "interarrival must be a whole number of milliseconds from 0 to 86400000, got \"abc\" (set in"
                        + " amoc.properties)",
                "xmpp_port must be a port from 1 to 65535, got 0 (set in the environment, AMOC_XMPP_PORT)"),
                ConfigValues.problems(config, "amoc.properties"));
    }

    @Test
    void aSaslMechanismAmocCannotLogInWithIsRefusedWhenSetAndWhenReadAtStartNamingTheOnesItCan() {
        String mustBe = "xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256, or \"\" (the strongest the"
                + " server offers), got ";
        ConfigValueException refused = org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                () -> ConfigValues.checked("xmpp_sasl", new Word("FOO")));
        assertEquals(mustBe + "\"FOO\"", refused.getMessage());
        assertEquals(mustBe + "\"SCRAM-SHA-1-PLUS\" (amoc cannot do channel binding: use SCRAM-SHA-1)",
                org.junit.jupiter.api.Assertions.assertThrows(ConfigValueException.class,
                        () -> ConfigValues.checked("xmpp_sasl", "SCRAM-SHA-1-PLUS")).getMessage());
        for (String usable : List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "")) {
            assertEquals(usable, ConfigKeys.XMPP_SASL.convert(ConfigValues.checked("xmpp_sasl", usable)));
        }

        Config config = new Config(Map.of("AMOC_XMPP_SASL", "DIGEST-MD5"), Map.of());
        assertEquals(List.of(mustBe + "\"DIGEST-MD5\" (set in the environment, AMOC_XMPP_SASL)"),
                ConfigValues.problems(config, "amoc.properties"));
        assertEquals(List.of(mustBe + "\"plain\" (set in amoc.properties)"),
                ConfigValues.problems(new Config(Map.of(), Map.of("xmpp_sasl", "plain")), "amoc.properties"));
    }

    @Test
    void aRegisteredKeyReadsItsDefaultItsValueAndItsSource() {
        Config config = new Config(Map.of(), Map.of("heartbeat_interval", "0.25"));
        assertEquals(250, ConfigKeys.HEARTBEAT_INTERVAL.get(config).toMillis());
        assertEquals(ConfigSource.FILE, config.lookup("heartbeat_interval").orElseThrow().source());
        assertEquals(Long.MAX_VALUE, ConfigKeys.REPEAT_NUM.get(config));
        assertEquals("infinity", ConfigKeys.REPEAT_NUM.defaultText());
        assertEquals("this host's name", ConfigKeys.GRAPHITE_PREFIX.defaultText());
        config.set("heartbeat_interval", 2L);
        assertEquals(ConfigSource.RUNTIME, config.lookup("heartbeat_interval").orElseThrow().source());
    }
}
