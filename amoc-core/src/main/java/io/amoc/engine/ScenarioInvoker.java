package io.amoc.engine;

import io.amoc.compile.BundleClassLoader;
import io.amoc.compile.NotAScenarioException;
import io.amoc.compile.ScenarioBundle;
import io.amoc.scenario.Scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * The one place that calls user code: a scenario's constructor, {@code init}, {@code start} and {@code terminate},
 * each with the scenario's class loader as the thread's context loader.
 */
final class ScenarioInvoker {

    private final Scenario<Object> scenario;
    private final ClassLoader loader;
    private final StackTraceElement frame;

    private ScenarioInvoker(Scenario<Object> scenario, ClassLoader loader) {
        this.scenario = scenario;
        this.loader = loader;
        Class<?> type = scenario.getClass();
        this.frame = new StackTraceElement(type.getName(), "start", type.getSimpleName() + ".java", -1);
    }

    /** Loads the bundle in a fresh class loader and creates the scenario instance. */
    @SuppressWarnings("unchecked")
    static ScenarioInvoker load(ScenarioBundle bundle) throws ScenarioInitException {
        BundleClassLoader loader = new BundleClassLoader(bundle);
        ClassLoader previous = swapContextLoader(loader);
        try {
            Constructor<? extends Scenario<?>> constructor = loader.scenarioClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return new ScenarioInvoker((Scenario<Object>) constructor.newInstance(), loader);
        } catch (InvocationTargetException e) {
            throw ScenarioInitException.cannotLoad(bundle.scenarioName(), e.getCause());
        } catch (ReflectiveOperationException | NotAScenarioException | LinkageError | RuntimeException e) {
            throw ScenarioInitException.cannotLoad(bundle.scenarioName(), e);
        } finally {
            swapContextLoader(previous);
        }
    }

    ClassLoader loader() {
        return loader;
    }

    /** The scenario as a stack frame (its class and source file, no line), for a failure raised outside its code. */
    StackTraceElement frame() {
        return frame;
    }

    Object init() throws Exception {
        ClassLoader previous = swapContextLoader(loader);
        try {
            return scenario.init();
        } finally {
            swapContextLoader(previous);
        }
    }

    /** Runs on the user's own thread, whose context loader is already the scenario's. */
    void start(long userId, Object state) throws Exception {
        scenario.start(userId, state);
    }

    void terminate(Object state) throws Exception {
        ClassLoader previous = swapContextLoader(loader);
        try {
            scenario.terminate(state);
        } finally {
            swapContextLoader(previous);
        }
    }

    private static ClassLoader swapContextLoader(ClassLoader next) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(next);
        return previous;
    }
}
