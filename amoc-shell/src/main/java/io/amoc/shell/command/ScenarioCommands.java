package io.amoc.shell.command;

import io.amoc.command.CompiledScenario;
import io.amoc.command.ScenarioEntry;
import io.amoc.command.ScenarioLibrary;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.StatusView;
import io.amoc.shell.render.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** scenarios and compile(Name) over the master's {@link ScenarioLibrary}. */
public final class ScenarioCommands {

    private ScenarioCommands() {
    }

    public static List<Command> of(ScenarioLibrary scenarios) {
        return List.of(
                Command.of("scenarios", "list the scenarios and their directories", args -> list(scenarios)),
                new Command("compile", "compile a scenario without running it",
                        List.of(Param.required("scenario", ArgTypes.SCENARIO)),
                        args -> compiled(scenarios.compile(args.text("scenario")))));
    }

    private static Reply list(ScenarioLibrary scenarios) {
        List<ScenarioEntry> entries = scenarios.list();
        if (entries.isEmpty()) {
            return Reply.ok("no scenarios in " + directories(scenarios)
                    + ": add a .java file with a class implementing io.amoc.scenario.Scenario");
        }
        Table table = new Table("scenario", "directory");
        entries.forEach(entry -> table.row(entry.name(), entry.source().getParent()));
        return Reply.ok(table.render());
    }

    private static Reply compiled(CompiledScenario scenario) {
        return Reply.ok(scenario.name() + " compiles: " + scenario.className() + "@" + StatusView.shortSha(scenario.sha256())
                + " (" + scenario.classes() + (scenario.classes() == 1 ? " class)" : " classes)"));
    }

    private static String directories(ScenarioLibrary scenarios) {
        List<Path> existing = scenarios.directories().stream().filter(Files::isDirectory).toList();
        return existing.isEmpty() ? "the scenario path (it is empty: use --scenarios DIR)"
                : existing.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
