package io.amoc.command;

import io.amoc.compile.ScenarioBundle;

/**
 * A scenario that compiles: the version that would run.
 *
 * @param name      the scenario's name
 * @param className the class that runs, with its package
 * @param sha256    the SHA-256 of its compiled classes
 * @param classes   how many classes it compiled to
 */
public record CompiledScenario(String name, String className, String sha256, int classes) {

    static CompiledScenario of(ScenarioBundle bundle) {
        return new CompiledScenario(bundle.scenarioName(), bundle.className(), bundle.sha256(),
                bundle.classBytes().size());
    }
}
