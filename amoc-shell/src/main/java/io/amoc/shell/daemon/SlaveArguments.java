package io.amoc.shell.daemon;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bin/amoc slave start} needs to know of the slave's own options ({@code --bind}, {@code --port}):
 * where its RMI registry will listen, to tell when it is up.
 */
public final class SlaveArguments {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final List<String> args;

    public SlaveArguments(List<String> args) {
        this.args = List.copyOf(args);
    }

    public Optional<String> value(String option) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(option) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (arg.startsWith(option + "=")) {
                return Optional.of(arg.substring(option.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The registry port: --port, else slave_port of the configuration (--config, else the install's), else its default. */
    public int port(Path defaultConfigFile) {
        Optional<String> given = value("--port");
        if (given.isPresent()) {
            return Integer.parseInt(given.get());
        }
        Path configFile = value("--config").map(Path::of).orElse(defaultConfigFile);
        try {
            return ConfigKeys.SLAVE_PORT.get(Config.fromEnvironmentAndFile(configFile));
        } catch (IOException | RuntimeException e) {
            return ConfigKeys.SLAVE_PORT.defaultValue().orElseThrow();
        }
    }

    /** Where to knock: the --bind address, else this host's address (the slave's default), and loopback. */
    public List<String> hostsToTry() {
        List<String> hosts = new ArrayList<>();
        Optional<String> bind = value("--bind").filter(address -> !address.equals("0.0.0.0") && !address.equals("::"));
        if (bind.isPresent()) {
            hosts.add(bind.get());
        } else {
            thisHost().ifPresent(hosts::add);
        }
        hosts.add("127.0.0.1");
        return hosts;
    }

    private static Optional<String> thisHost() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** True when something accepts TCP connections on the slave's registry port. */
    public boolean registryAnswers(Path configFile) {
        int port = port(configFile);
        for (String host : hostsToTry()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                return true;
            } catch (IOException notYet) {
                // try the next address
            }
        }
        return false;
    }
}
