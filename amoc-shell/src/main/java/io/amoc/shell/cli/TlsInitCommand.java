package io.amoc.shell.cli;

import io.amoc.config.Config;
import io.amoc.rmi.tls.TlsDirectory;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.rmi.tls.TlsMaterialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code bin/amoc tls init [--dir DIR] [--force]}: a new CA and the cluster's key pair, 0600 files in a 0700 dir. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the cluster's TLS material: a private CA and one key pair it signed, valid one year.",
                "Every member (the master and each slave) needs the same material; whoever holds it may drive the slaves."})
public final class TlsInitCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to write it (default: config tls_dir, env AMOC_TLS_DIR, else conf/tls of the install).")
    private Path dir;

    @Option(names = "--force", description = "Replace existing material (then copy it to every member again).")
    private boolean force;

    private final ShellEnvironment environment;

    public TlsInitCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Path target = dir != null ? dir.toAbsolutePath().normalize()
                : TlsDirectory.of(Config.fromEnvironmentAndFile(environment.defaultConfigFile()), environment.home());
        TlsMaterial material;
        try {
            material = TlsFiles.createCluster(target, force);
        } catch (TlsMaterialException e) {
            environment.err().println("amoc: " + e.getMessage());
            return ExitCode.COMMAND_FAILED.status();
        }
        LocalDate until = LocalDate.ofInstant(material.notAfter(), ZoneOffset.UTC);
        environment.out().println("wrote the cluster's TLS material to " + target + " (directory 0700, files 0600),"
                + " valid until " + until + ":");
        environment.out().println("  " + TlsFiles.KEYSTORE + "   the cluster CA's certificate and the members' key pair (PKCS12)");
        environment.out().println("  " + TlsFiles.PASSWORD + "  its password");
        environment.out().println("next: copy " + target + " to the same place on every slave, keeping it 0700/0600 (e.g."
                + " scp -rp " + target + " slave1:" + target.getParent() + "/), or run make deploy, which copies it"
                + " (ansible)");
        return ExitCode.OK.status();
    }
}
