package io.amoc.compile;

import io.amoc.scenario.Scenario;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads one scenario bundle. Each bundle gets a fresh loader, so a changed scenario is a new class while a running
 * one keeps its version. The bundle's own classes come first, then its library jars (so two scenarios may use two
 * versions of a library, and a jar's version wins over one amoc happens to carry), then amoc's loader. The JDK, amoc's
 * scenario API, slf4j and Smack always come from amoc, so the types a scenario shares with amoc are amoc's.
 */
public final class BundleClassLoader extends URLClassLoader {

    /** Packages whose classes always come from amoc's loader, even when a scenario's jar carries them too. */
    private static final List<String> SHARED_WITH_AMOC = List.of("java.", "javax.", "jdk.", "sun.", "io.amoc.",
            "org.slf4j.", "org.jivesoftware.", "org.jxmpp.", "org.minidns.");

    static {
        registerAsParallelCapable();
    }

    private final ScenarioBundle bundle;

    public BundleClassLoader(ScenarioBundle bundle) {
        this(bundle, Scenario.class.getClassLoader());
    }

    /** @throws java.io.UncheckedIOException when the bundle's jars cannot be written to a temporary directory */
    public BundleClassLoader(ScenarioBundle bundle, ClassLoader parent) {
        super("scenario-" + bundle.scenarioName() + "-" + shortSha(bundle.sha256()),
                LibraryFiles.urls(bundle.libraries()), parent);
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
        boolean own = bundle.classBytes().containsKey(name);
        if (!own && (getURLs().length == 0 || sharedWithAmoc(name))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = own ? defineOwn(name) : fromJarsOrAmoc(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineOwn(String name) {
        byte[] bytes = bundle.classBytes().get(name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    private Class<?> fromJarsOrAmoc(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInTheJars) {
            return getParent().loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    private static boolean sharedWithAmoc(String name) {
        return SHARED_WITH_AMOC.stream().anyMatch(name::startsWith);
    }

    private static String shortSha(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }
}
