package io.amoc.compile;

import io.amoc.scenario.Scenario;

import java.util.Map;

/**
 * Loads one scenario bundle. Each bundle gets a fresh loader, so a changed scenario is a new class while a running
 * one keeps its version. The bundle's own classes are loaded first (child first); the rest comes from amoc's loader.
 */
public final class BundleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ScenarioBundle bundle;

    public BundleClassLoader(ScenarioBundle bundle) {
        this(bundle, Scenario.class.getClassLoader());
    }

    public BundleClassLoader(ScenarioBundle bundle, ClassLoader parent) {
        super("scenario-" + bundle.scenarioName() + "-" + shortSha(bundle.sha256()), parent);
        this.bundle = bundle;
    }

    public ScenarioBundle bundle() {
        return bundle;
    }

    /** The class implementing {@link Scenario}. */
    @SuppressWarnings("unchecked")
    public Class<? extends Scenario<?>> scenarioClass() throws ClassNotFoundException, NotAScenarioException {
        Class<?> loaded = loadClass(bundle.className());
        if (!Scenario.class.isAssignableFrom(loaded)) {
            throw new NotAScenarioException(bundle.className());
        }
        return (Class<? extends Scenario<?>>) loaded;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!bundle.classBytes().containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = bundle.classBytes().get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    private static String shortSha(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}
