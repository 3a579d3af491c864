package io.amoc.rmi;

import io.amoc.cluster.NodeException;
import io.amoc.cluster.NodeUnreachableException;
import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.ConfigValueException;
import io.amoc.config.ConfigValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real slave JVM on 127.0.0.1: what it refuses to read, and what happens when it stops answering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaveTransportSafetyTest {

    private static final Duration SILENCE = Duration.ofSeconds(30);
    /** Short calls' deadline here: well above a cold first call on a loaded machine, well below the test's patience. */
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(4);

    @TempDir
    static Path dir;
    private SlaveProcess slave;
    private RemoteNodeHandle handle;

    @BeforeAll
    void startSlave() throws Exception {
        RmiTimeouts.install(new RmiTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), CALL_DEADLINE));
        slave = SlaveProcess.start(dir.resolve("slave"), SILENCE);
        handle = new RemoteNodeHandle(SlaveAddress.parse(slave.address()), MasterIdentity.ofThisProcess());
        handle.heartbeat();
    }

    @AfterAll
    void stopSlave() throws Exception {
        slave.close();
    }

    @Test
    void aSerializableOutsideTheAllowlistIsRejectedBeforeItsReadObjectRuns() throws Exception {
        Path marker = dir.resolve("read-object-ran");

        NodeException refused = assertThrows(NodeException.class,
                () -> handle.setConfigUnchecked("payload", new RecordsItsDeserialization(marker)));

        assertTrue(refused.getMessage().contains("REJECTED"), refused.getMessage());
        assertFalse(Files.exists(marker), "readObject ran on the slave");
        handle.setConfig("payload", 42L);
        assertEquals("idle", handle.heartbeat().stateLabel(), "the slave keeps serving after a rejection");
    }

    @Test
    void aSlaveAnswerOutsideTheAllowlistIsRejectedByTheMasterBeforeItsReadObjectRuns() throws Exception {
        Path marker = dir.resolve("read-object-ran-on-the-master");
        try (SlaveProcess rogue = SlaveProcess.start(dir.resolve("rogue"), RogueSlaveMain.class, marker.toString(),
                SlaveProcess.tlsDir())) {
            RemoteNodeHandle toRogue = new RemoteNodeHandle(SlaveAddress.parse(rogue.address()), MasterIdentity.ofThisProcess());
            assertEquals("idle", toRogue.heartbeat().stateLabel(), "allowed answers are read");

            NodeException refused = assertThrows(NodeException.class, toRogue::metrics);

            assertTrue(refused.getMessage().contains("answer was refused"), refused.getMessage());
            assertFalse(Files.exists(marker), "readObject ran on the master");
        }
    }

    @Test
    void theMarkerOfTheRejectedClassWouldAppearIfItWereDeserialized() throws Exception {
        Path marker = dir.resolve("control-marker");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new RecordsItsDeserialization(marker));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
        }
        assertTrue(Files.exists(marker), "the control deserialization should have left its marker");
    }

    @Test
    void aBundleWhoseClassesDoNotHashToItsSha256IsRefused() {
        ScenarioBundle tampered = new ScenarioBundle("Tampered", "Tampered",
                Map.of("Tampered", new byte[]{(byte) 0xCA, (byte) 0xFE}), "0".repeat(64));

        NodeException refused = assertThrows(NodeException.class, () -> handle.start(tampered, Map.of()));

        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        assertFalse(refused instanceof NodeUnreachableException);
    }

    @Test
    void theLargestAndDeepestValueConfigSetAcceptsReachesASlaveBothWaysItTravels() throws Exception {
        Object deepest = ConfigValues.checked("deep", deepestAcceptedValue());
        assertThrows(ConfigValueException.class, () -> ConfigValues.checked("deep", List.of(deepest)),
                "one level deeper is refused when set");

        handle.setConfig("deep", deepest);

        Path scenarios = Files.createDirectories(dir.resolve("deep-scenarios"));
        Files.writeString(scenarios.resolve("ChecksTheDeepValue.java"), """
                import io.amoc.scenario.AmocConfig;
                import io.amoc.scenario.Scenario;
                import java.util.List;

                public class ChecksTheDeepValue implements Scenario<Void> {
                    @Override
                    public Void init() {
                        List<?> outer = (List<?>) AmocConfig.get("deep_at_start");
                        List<?> inner = (List<?>) ((List<?>) outer.get(9)).get(9);
                        if (outer.size() != 10 || inner.size() != 98 || ((String) inner.get(97)).length() != 100) {
                            throw new IllegalStateException("the deep value arrived changed");
                        }
                        return null;
                    }

                    @Override
                    public void start(long userId, Void state) {
                    }
                }
                """);
        ScenarioBundle bundle = new ScenarioCatalog(List.of(scenarios)).bundle("ChecksTheDeepValue");
        handle.start(bundle, Map.of("deep_at_start", deepest));
        handle.stop();
    }

    /** Lists 3 deep, 9,911 items in all, 980,000 characters of text: at the limits of ConfigValues. */
    private static List<Object> deepestAcceptedValue() {
        String text = "t".repeat(100);
        List<Object> outer = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Object> middle = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                middle.add(new ArrayList<>(Collections.nCopies(98, text)));
            }
            outer.add(middle);
        }
        return outer;
    }

    @Test
    void aSlaveThatStopsAnsweringTimesOutInsteadOfBlockingTheCaller() throws Exception {
        handle.heartbeat();
        slave.signal("STOP");
        try {
            NodeUnreachableException timedOut = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(NodeUnreachableException.class, handle::metrics));
            assertTrue(timedOut.getMessage().contains("no answer within 4 s (rmi_call_deadline)"),
                    timedOut.getMessage());
            assertEquals("idle", handle.status().stateLabel(), "status is the last heartbeat's, without a call");
        } finally {
            slave.signal("CONT");
        }
        Eventually.until("the thawed slave to answer again", Duration.ofSeconds(10), () -> {
            try {
                return handle.heartbeat() != null;
            } catch (NodeException e) {
                return false;
            }
        });
    }
}
