package io.amoc.xmpp;

import io.amoc.config.Config;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


import static io.amoc.xmpp.XmppLoginTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SASL mechanisms through Xmpp.connect against the sandbox: SCRAM-SHA-256 works, what cannot work is counted. */
@ExtendWith(XmppSandbox.class)
class SaslMechanismsTest {

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void scramSha256LogsInThroughXmppConnectAgainAndAgain() throws Exception {
        Config.global().set("xmpp_sasl", "SCRAM-SHA-256");
        for (int login = 1; login <= 2; login++) {   // Prosody derives and stores the credentials at the first
            AbstractXMPPConnection connection = Xmpp.connect(781);
            assertTrue(connection.isAuthenticated());
            assertEquals("user_781@localhost/amoc", connection.getUser().toString());
            Xmpp.disconnect(connection);
        }
        assertEquals(2, counter("connections"));
        assertEquals(0, counter("connection_failures"));
    }

    @Test
    void scramSha256WithAWrongPasswordIsARefusalCounted() {
        XmppSettings wrong = XmppSettings.fromConfig().withSasl("SCRAM-SHA-256").withCredentials("user_%d", "wrong_%d");

        XmppLoginException refused = assertThrows(XmppLoginException.class, () -> Xmpp.connect(782, wrong));

        assertTrue(refused.getMessage().contains("could not log in"), refused.getMessage());
        assertEquals(1, counter("connection_failures"));
    }

    @Test
    void aMechanismAScenarioGivesThatAmocLacksIsALoginFailureCountedWithTheMechanismsThatWork() {
        XmppSettings unknown = XmppSettings.fromConfig().withSasl("SCRAM-SHA3-512");

        XmppLoginException refused = assertThrows(XmppLoginException.class, () -> Xmpp.connect(783, unknown));

        assertTrue(refused.getMessage().contains("xmpp_sasl must be one of PLAIN, SCRAM-SHA-1, SCRAM-SHA-256, or \"\""
                + " (the strongest the server offers), got \"SCRAM-SHA3-512\""), refused.getMessage());
        assertEquals(1, counter("connection_failures"));
    }
}
