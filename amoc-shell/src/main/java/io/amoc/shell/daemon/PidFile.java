package io.amoc.shell.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The pid file of a daemon: its process id in decimal, written by the daemon itself. */
public final class PidFile {

    private PidFile() {
    }

    /** Writes {@code pid} atomically, so a reader never sees half a number. */
    public static void write(Path file, long pid) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, pid + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The pid in the file, if there is a readable one. */
    public static Optional<Long> read(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process the file names, if it is another Java process: a pid reused after a crash by something else,
     * or by this very process (a container restarted after a crash gives its JVM the same pid), does not count.
     */
    public static Optional<ProcessHandle> liveProcess(Path file) {
        long self = ProcessHandle.current().pid();
        return read(file).filter(pid -> pid != self).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(PidFile::isJava);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .orElse(true);
    }

    /** Removes the file if it still names {@code pid} (a newer daemon's file is left alone). */
    public static void deleteIfOwnedBy(Path file, long pid) {
        if (read(file).filter(p -> p == pid).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next start sees a pid without a process and replaces the file
            }
        }
    }
}
