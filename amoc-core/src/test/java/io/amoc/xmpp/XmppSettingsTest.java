package io.amoc.xmpp;

import io.amoc.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Reading the settings once per configuration change, and the user names they make. */
class XmppSettingsTest {

    @BeforeEach
    void freshConfig() {
        Config.install(new Config(Map.of(), Map.of()));
    }

    @Test
    void theSameSettingsUntilTheConfigurationChangesThenTheNewValue() {
        XmppSettings first = XmppSettings.fromConfig();
        assertSame(first, XmppSettings.fromConfig());
        Config.global().set("xmpp_port", 5333L);
        XmppSettings changed = XmppSettings.fromConfig();
        assertNotSame(first, changed);
        assertEquals(5333, changed.port());
        assertSame(changed, XmppSettings.fromConfig());
        Config.global().unset("xmpp_port");
        assertEquals(5222, XmppSettings.fromConfig().port());
        Config.install(new Config(Map.of("AMOC_XMPP_DOMAIN", "example.net"), Map.of()));
        assertEquals("example.net", XmppSettings.fromConfig().domain());
    }

    @Test
    void namesAreWhatStringFormatMakesOfEveryPattern() {
        for (String pattern : List.of("user_%d", "%d", "%d_user", "u%dx", "user_%05d", "user_%x", "%%_%d")) {
            XmppSettings settings = XmppSettings.fromConfig().withCredentials(pattern, "pw-" + pattern);
            for (long id : new long[] {0, 7, 42, 1_000_000, -3}) {
                assertEquals(String.format(Locale.ROOT, pattern, id), settings.username(id), pattern);
                assertEquals(String.format(Locale.ROOT, "pw-" + pattern, id), settings.password(id), pattern);
            }
        }
    }
}
