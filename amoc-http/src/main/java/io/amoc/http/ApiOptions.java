package io.amoc.http;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
import io.amoc.rmi.tls.CertificateAuthority;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and how the API listens, read from the configuration ({@code api_*} keys, docs/http-api.md).
 *
 * @param bind     the address to listen on
 * @param port     the port (0 = a free one, for tests)
 * @param tls      HTTPS with this context, or plain HTTP when empty
 * @param hosts    the host names clients may send in {@code Host} besides localhost and {@code bind}
 * @param tokenDir where the tokens live ({@link ApiTokens})
 */
public record ApiOptions(String bind, int port, Optional<SSLContext> tls, List<String> hosts, Path tokenDir) {

    public ApiOptions {
        hosts = List.copyOf(hosts);
    }

    /** Plain HTTP on loopback, as the tests and a console on a developer's machine use it. */
    public static ApiOptions loopback(int port, Path tokenDir) {
        return new ApiOptions(InetAddress.getLoopbackAddress().getHostAddress(), port, Optional.empty(), List.of(),
                tokenDir);
    }

    /**
     * The options the configuration gives; empty when {@code api_port} is 0 (the API is off).
     *
     * @param home     the install root, under which a relative {@code tls_dir} lies
     * @param tokenDir the var directory, where the tokens live
     * @throws ApiConfigException the address is not this machine's, the TLS material cannot be read, or the API
     *                            would listen beyond loopback without TLS
     */
    public static Optional<ApiOptions> from(Config config, Path home, Path tokenDir) throws ApiConfigException {
        int port = ConfigKeys.API_PORT.get(config);
        if (port == 0) {
            return Optional.empty();
        }
        String bind = ConfigKeys.API_BIND.get(config).strip();
        InetAddress address = resolve(bind);
        Optional<SSLContext> tls = "on".equals(ConfigKeys.API_TLS.get(config))
                ? Optional.of(ApiTls.context(config, home)) : Optional.empty();
        if (tls.isEmpty() && !address.isLoopbackAddress() && !ConfigKeys.API_INSECURE_IN_CONTAINER.get(config)) {
            throw new ApiConfigException("the HTTP API would listen on " + bind + " without TLS, sending its token"
                    + " in the clear: set api_tls = on (HTTPS with the cluster's material of bin/amoc tls init, or"
                    + " api_keystore), or api_bind = 127.0.0.1, or api_port = 0 to turn the API off");
        }
        List<String> hosts = new ArrayList<>(ConfigKeys.API_HOSTS.get(config));
        if (tls.isPresent() && ApiTls.servesClusterMaterial(config)) {
            hosts.add(CertificateAuthority.CLUSTER_NAME);   // the name clients reach it by: the certificate's
        }
        return Optional.of(new ApiOptions(bind, port, tls, hosts, tokenDir));
    }

    /** True when the API answers only this machine. */
    public boolean onLoopback() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    private static InetAddress resolve(String bind) throws ApiConfigException {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ApiConfigException("api_bind " + bind + " is no address of this machine: give one of its"
                    + " addresses, e.g. 127.0.0.1 (or 0.0.0.0 for all, with api_tls = on)", e);
        }
    }
}
