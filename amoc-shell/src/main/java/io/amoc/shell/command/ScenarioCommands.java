package io.amoc.shell.command;

import io.amoc.compile.ScenarioBundle;
import io.amoc.compile.ScenarioCatalog;
import io.amoc.shell.Reply;
import io.amoc.shell.render.StatusView;
import io.amoc.shell.render.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** scenarios and compile(Name): what the scenario path holds, and whether a scenario compiles. */
public final class ScenarioCommands {

    private ScenarioCommands() {
    }

    public static List<Command> of(ScenarioCatalog catalog) {
        return List.of(
                Command.of("scenarios", "list the scenarios and their directories",
                        args -> list(catalog)),
                new Command("compile", "compile a scenario without running it",
                        List.of(Param.required("scenario", ArgTypes.SCENARIO)),
                        args -> compile(catalog, args.text("scenario"))));
    }

    private static Reply list(ScenarioCatalog catalog) {
        List<String> names = catalog.names();
        if (names.isEmpty()) {
            return Reply.ok("no scenarios in " + directories(catalog)
                    + ": add a .java file with a class implementing io.amoc.scenario.Scenario");
        }
        Table table = new Table("scenario", "directory");
        for (String name : names) {
            table.row(name, catalog.sourceFile(name).map(Path::getParent).map(Path::toString).orElse("?"));
        }
        return Reply.ok(table.render());
    }

    private static Reply compile(ScenarioCatalog catalog, String name) throws Exception {
        ScenarioBundle bundle = catalog.bundle(name);
        return Reply.ok(name + " compiles: " + bundle.className() + "@" + StatusView.shortSha(bundle.sha256())
                + " (" + bundle.classBytes().size() + (bundle.classBytes().size() == 1 ? " class)" : " classes)"));
    }

    private static String directories(ScenarioCatalog catalog) {
        return catalog.directories().isEmpty() ? "the scenario path (it is empty: use --scenarios DIR)"
                : catalog.directories().stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
