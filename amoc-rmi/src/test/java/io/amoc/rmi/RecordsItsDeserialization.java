package io.amoc.rmi;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Serializable outside the slave's allowlist whose readObject leaves a marker file when it runs. It is also a
 * {@link java.rmi.Remote} (never exported), so that a registry's bind takes it as an argument.
 */
final class RecordsItsDeserialization implements Serializable, java.rmi.Remote {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String markerFile;

    RecordsItsDeserialization(Path markerFile) {
        this.markerFile = markerFile.toString();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(markerFile), "readObject ran in pid " + ProcessHandle.current().pid());
    }
}
