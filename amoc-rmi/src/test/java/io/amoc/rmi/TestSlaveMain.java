package io.amoc.rmi;

import io.amoc.engine.NodeController;

import java.io.IOException;
import java.time.Duration;

/**
 * A slave JVM for the multi-JVM tests: listens on 127.0.0.1 with free ports, prints {@code READY <port>} and runs
 * until its standard input closes (the test JVM ended) or it is killed.
 * Arguments: the master silence timeout in milliseconds, and optionally the registry port (default: a free one).
 */
public final class TestSlaveMain {

    private TestSlaveMain() {
    }

    public static void main(String[] args) throws SlaveStartException, IOException {
        Duration silence = Duration.ofMillis(Long.parseLong(args[0]));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        SlaveServer server = SlaveServer.start(new SlaveOptions("127.0.0.1", port, 0, true, silence), NodeController::new);
        System.out.println("READY " + server.registryPort() + " " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent goes away
        }
        server.close();
        System.exit(0);
    }
}
