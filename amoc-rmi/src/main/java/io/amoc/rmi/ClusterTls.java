package io.amoc.rmi;

import io.amoc.rmi.tls.TlsMaterial;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;

/**
 * The TLS material this JVM talks to other members with. A slave's stub carries only the class of its client
 * socket factory, never key material: the master's connections use the material installed here.
 */
public final class ClusterTls {

    private static volatile TlsMaterial current;

    private ClusterTls() {
    }

    /** The material every connection this JVM opens from now on uses. */
    public static void install(TlsMaterial material) {
        current = material;
    }

    static TlsMaterial current() throws IOException {
        TlsMaterial material = current;
        if (material == null) {
            throw new IOException("this JVM has no TLS material to talk to a slave with");
        }
        return material;
    }

    /**
     * TLS 1.3 only, and the peer must show a certificate of the cluster CA. No host name is checked: every member
     * holds the same key pair, whose certificate names the cluster ({@code amoc-cluster}) rather than a host, so a
     * slave may be reached under any address; what a peer proves is that it holds the cluster's material.
     */
    static void configure(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[]{TlsMaterial.PROTOCOL});
        parameters.setEndpointIdentificationAlgorithm(null);
        parameters.setNeedClientAuth(true);
        socket.setSSLParameters(parameters);
    }
}
