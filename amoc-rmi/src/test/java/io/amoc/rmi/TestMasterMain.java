package io.amoc.rmi;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.RunOptions;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.config.Config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A master JVM for the hand-over tests: drives the slaves given, starts users 1..N of {@link RecordingScenario},
 * prints {@code READY <pid>}, and when its standard input closes it leaves as the shell does (stops the run, closes
 * the distribution, which releases the slaves). Killing it instead is a crash.
 * Arguments: TLS directory, record directory, scenario directory, users, then the slaves' addresses.
 */
public final class TestMasterMain {

    private TestMasterMain() {
    }

    public static void main(String[] args) throws Exception {
        Config.install(new Config(Map.of(), Map.of()));
        Config.global().set("interarrival", 0L);
        Config.global().set("record_dir", args[1]);
        String hosts = String.join(",", List.of(args).subList(4, args.length));
        Distribution master = Distribution.start(new Config(Map.of(), Map.of("hosts", hosts,
                "tls_dir", "\"" + args[0] + "\"", "rmi_connect_timeout", "2", "rmi_read_timeout", "10")));
        ClusterResult<Void> started = master.cluster().start(new ScenarioCatalog(List.of(Path.of(args[2])))
                .bundle(RecordingScenario.NAME), 1, Long.parseLong(args[3]), RunOptions.all());
        if (!started.allOk()) {
            System.out.println("FAILED " + started);
            System.exit(1);
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the test closes our standard input
        }
        master.cluster().stop();
        master.close();
        System.exit(0);
    }
}
