package io.amoc.compile;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What scenario sources see while they compile: the JDK, the class path without amoc's internals (only the
 * packages {@code io.amoc.scenario} and {@code io.amoc.xmpp} of amoc are visible, not their sub-packages such as
 * the XMPP transport's), and an in-memory class output.
 * Works the same whether amoc's classes come from directories or from jars.
 */
final class ScenarioFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private static final String AMOC = "io.amoc";
    private static final List<String> VISIBLE_AMOC_PACKAGES = List.of("io.amoc.scenario", "io.amoc.xmpp");

    private final Map<String, ByteArrayOutputStream> output = new TreeMap<>();

    ScenarioFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    /** Whether scenario code may see classes of this package. */
    static boolean visible(String packageName) {
        if (!packageName.equals(AMOC) && !packageName.startsWith(AMOC + ".")) {
            return true;
        }
        return VISIBLE_AMOC_PACKAGES.contains(packageName);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        if (!visible(packageName)) {
            return List.of();
        }
        List<JavaFileObject> shown = new ArrayList<>();
        for (JavaFileObject file : super.list(location, packageName, kinds, recurse)) {
            if (!recurse || visible(packageOf(inferBinaryName(location, file)))) {
                shown.add(file);
            }
        }
        return shown;
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        if (location == StandardLocation.CLASS_PATH && !visible(packageOf(className))) {
            return null;
        }
        return super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        output.put(className, bytes);
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
            @Override
            public OutputStream openOutputStream() {
                return bytes;
            }
        };
    }

    /** The class bytes written so far, by binary name. */
    Map<String, byte[]> classBytes() {
        Map<String, byte[]> classes = new TreeMap<>();
        output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static String packageOf(String binaryName) {
        if (binaryName == null) {
            return "";
        }
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
