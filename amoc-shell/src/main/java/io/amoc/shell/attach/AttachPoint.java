package io.amoc.shell.attach;

import java.nio.file.Path;

/**
 * Where a client finds a daemon to attach to.
 *
 * @param socketFile the daemon's Unix-domain socket (0600)
 * @param tokenFile  the file holding the access token (0600)
 * @param logFile    the daemon's log, named when the daemon goes away
 */
public record AttachPoint(Path socketFile, Path tokenFile, Path logFile) {
}
