package io.amoc.xmpp;

import io.amoc.config.Config;
import io.amoc.metrics.NodeMetrics;

import java.util.Map;

/** A fresh configuration aimed at the running {@link XmppSandbox}, and fresh metrics, for one test. */
final class SandboxConfig {

    private SandboxConfig() {
    }

    static void freshConfigAimedAtTheSandbox() {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("xmpp_port", (long) XmppSandbox.server().port());
        NodeMetrics.install(new NodeMetrics());
    }
}
