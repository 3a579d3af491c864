package io.amoc.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: the bearer token (all but {@code GET /status} and the documentation need one; a read
 * token may only GET), and for requests that change something the {@code Host} (DNS rebinding: a name that is not
 * this API's) and the {@code Origin} (a page of another site) are refused with 403.
 */
final class AccessGuard {

    /** The request attribute holding the {@link ApiTokens.Caller}. */
    static final String CALLER = "amoc.caller";
    static final String DOCS = "/api-docs";
    private static final String STATUS = "/status";
    private static final String BEARER = "Bearer ";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ApiTokens tokens;
    private final String scheme;
    /** The host names a change may name in Host; empty = any (a wildcard address without api_hosts). */
    private final Set<String> hosts;

    AccessGuard(ApiTokens tokens, ApiOptions options) {
        this.tokens = tokens;
        this.scheme = options.scheme();
        this.hosts = allowedHosts(options);
    }

    private static Set<String> allowedHosts(ApiOptions options) {
        boolean wildcard;
        try {
            wildcard = InetAddress.getByName(options.bind()).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            wildcard = false;
        }
        if (wildcard && options.hosts().isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>(LOOPBACK_NAMES);
        names.add(bracketed(options.bind()).toLowerCase(Locale.ROOT));
        options.hosts().forEach(h -> names.add(bracketed(h).toLowerCase(Locale.ROOT)));
        return names;
    }

    void check(Context ctx) throws ApiError {
        boolean reads = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        String path = ctx.path();
        if (reads && (path.equals(DOCS) || path.startsWith(DOCS + "/"))) {
            return;
        }
        if (!reads) {
            checkHost(ctx);
            checkOrigin(ctx);
        }
        Optional<String> token = bearer(ctx);
        if (token.isEmpty() && reads && path.equals(STATUS)) {
            return;
        }
        ApiTokens.Caller caller = tokens.caller(token.orElse(null)).orElseThrow(() -> unauthorized(ctx, token));
        ctx.attribute(CALLER, caller);
        if (!reads && !caller.mayChange()) {
            throw new ApiError(ApiError.FORBIDDEN, "this token may only read (GET): send the full token of"
                    + " bin/amoc api-token to change anything");
        }
    }

    private static ApiError unauthorized(Context ctx, Optional<String> token) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"amoc\"");
        return new ApiError(ApiError.UNAUTHORIZED, token.isEmpty()
                ? "a bearer token is needed: send Authorization: Bearer $(bin/amoc api-token)"
                : "the bearer token is not this API's (rotated?): send the one bin/amoc api-token prints now");
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private void checkHost(Context ctx) throws ApiError {
        String host = hostName(ctx.header("Host"));
        if (!hosts.isEmpty() && host.isEmpty()) {
            throw new ApiError(ApiError.FORBIDDEN, "a change needs a Host header naming this API (DNS rebinding"
                    + " check): send Host: " + hostsShown().getFirst() + ", as HTTP/1.1 clients do");
        }
        if (!hosts.isEmpty() && !hosts.contains(host)) {
            throw new ApiError(ApiError.FORBIDDEN, "Host " + host + " is not a name of this API, so a change is"
                    + " refused (DNS rebinding): reach it as " + String.join(" or ", List.copyOf(hostsShown()))
                    + ", or add the name to config api_hosts");
        }
    }

    private void checkOrigin(Context ctx) throws ApiError {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String expected = scheme + "://" + ctx.header("Host");
        if (!sameOrigin(origin, expected)) {
            throw new ApiError(ApiError.FORBIDDEN, "a page of " + origin + " may not change anything here: only"
                    + " pages the API serves itself (" + expected + ") may");
        }
    }

    private static boolean sameOrigin(String origin, String expected) {
        try {
            URI o = new URI(origin);
            URI e = new URI(expected);
            return o.getScheme() != null && o.getScheme().equalsIgnoreCase(e.getScheme())
                    && o.getHost() != null && o.getHost().equalsIgnoreCase(e.getHost()) && port(o) == port(e);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private List<String> hostsShown() {
        return hosts.stream().sorted().toList();
    }

    /** The host of a Host header, without the port, lower case; IPv6 addresses keep their brackets. */
    static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String bracketed(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
