package io.amoc.shell.attach;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Who may talk to the daemon: a client of the same OS user (checked with the peer's credentials where the OS gives
 * them) that presents the access token as its first frame.
 */
final class ClientPolicy {

    private static final Logger log = LoggerFactory.getLogger(ClientPolicy.class);
    static final String WRONG_TOKEN = "access refused: wrong token (attach as the OS user who started amoc, on the same machine)";
    static final String WRONG_USER = "access refused: the daemon belongs to another OS user (attach as that user)";

    private final AccessToken token;
    private final String ownUser = System.getProperty("user.name");

    ClientPolicy(AccessToken token) {
        this.token = token;
    }

    /** Reads the client's hello and answers it; true if the client may go on. */
    boolean admit(SocketChannel channel, Connection connection) throws IOException {
        String refusal = peerUser(channel).filter(user -> !user.equals(ownUser)).map(user -> WRONG_USER).orElse(null);
        Frame hello = connection.readOrNull();
        if (hello == null) {
            return false;
        }
        if (refusal == null && (hello.kind() != FrameKind.HELLO || !token.matches(hello.text()))) {
            refusal = WRONG_TOKEN;
        }
        if (refusal != null) {
            log.warn("refused an attach connection: {}", refusal);
            connection.write(new Frame(FrameKind.ERROR, refusal));
            return false;
        }
        connection.write(new Frame(FrameKind.OK, "welcome"));
        return true;
    }

    private static java.util.Optional<String> peerUser(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return java.util.Optional.of(peer.user().getName());
        } catch (UnsupportedOperationException | IOException e) {
            return java.util.Optional.empty();
        }
    }
}
