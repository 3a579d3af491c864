package io.amoc.rmi;

import io.amoc.engine.NodeController;

import java.io.IOException;
import java.time.Duration;

/**
 * A slave JVM for the multi-JVM tests: listens on 127.0.0.1 with free ports, prints {@code READY <port>} and runs
 * until its standard input closes (the test JVM ended) or it is killed.
 * Arguments: the master silence timeout in milliseconds, the TLS material's directory, and optionally the registry
 * port (default: a free one).
 */
public final class TestSlaveMain {

    private TestSlaveMain() {
    }

    public static void main(String[] args) throws SlaveStartException, IOException {
        Duration silence = Duration.ofMillis(Long.parseLong(args[0]));
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SlaveServer server = SlaveServer.start(new SlaveOptions("127.0.0.1", port, 0, true, silence,
                java.nio.file.Path.of(args[1])), NodeController::new);
        System.out.println("READY " + server.registryPort() + " " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent goes away
        }
        server.close();
        System.exit(0);
    }
}
