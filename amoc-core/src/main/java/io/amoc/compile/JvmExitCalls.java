package io.amoc.compile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the calls in a scenario's compiled classes that would end the whole JVM (and with it every user of the node,
 * the slave or the console): {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, called directly, from
 * a lambda, or named by a method reference, in any class of the bundle. A scenario ends a user by returning or
 * throwing. Reflection is not followed: scenario code is trusted, this catches mistakes.
 */
final class JvmExitCalls {

    private static final Set<String> EXITS = Set.of("java/lang/System.exit", "java/lang/Runtime.exit",
            "java/lang/Runtime.halt");

    private JvmExitCalls() {
    }

    /** One diagnostic per call found, at the line javac recorded for it, in the file under {@code sourceRoot}. */
    static List<CompileDiagnostic> find(Map<String, byte[]> classes, Path sourceRoot) {
        List<CompileDiagnostic> found = new ArrayList<>();
        classes.values().forEach(bytes -> new ClassReader(bytes).accept(new Finder(sourceRoot, found),
                ClassReader.SKIP_FRAMES));
        return found.stream().sorted(java.util.Comparator.comparing(CompileDiagnostic::file)
                .thenComparingLong(CompileDiagnostic::line)).toList();
    }

    private static final class Finder extends ClassVisitor {

        private final Path sourceRoot;
        private final List<CompileDiagnostic> found;
        private String packagePath = "";
        private String sourceFile = "?.java";

        Finder(Path sourceRoot, List<CompileDiagnostic> found) {
            super(Opcodes.ASM9);
            this.sourceRoot = sourceRoot;
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            int slash = name.lastIndexOf('/');
            packagePath = slash < 0 ? "" : name.substring(0, slash);
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null) {
                sourceFile = source;
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    check(owner, method, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            check(handle.getOwner(), handle.getName(), line);
                        }
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Handle handle) {
                        check(handle.getOwner(), handle.getName(), line);
                    }
                }
            };
        }

        private void check(String owner, String method, int line) {
            String call = owner + "." + method;
            if (EXITS.contains(call)) {
                String shown = call.substring("java/lang/".length());
                Path file = sourceRoot.resolve(packagePath).resolve(sourceFile);
                found.add(new CompileDiagnostic(file.toString(), line, 0, "calls " + shown + ", which would end"
                        + " this node and every user on it: end a user by returning from start() or by throwing"));
            }
        }
    }
}
