package io.amoc.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The API's documentation, open without a token: the OpenAPI 3 document ({@code /api-docs/openapi.json}, written by
 * hand beside this class; a test holds it to the routes) and Swagger UI ({@code /api-docs}) from the
 * {@code org.webjars:swagger-ui} jar, so no page reaches beyond this server.
 */
final class DocsEndpoints {

    private static final String OWN = "/io/amoc/http/docs/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String WEBJAR_FILES = "/META-INF/resources/webjars/swagger-ui/%s/";
    /** The files of Swagger UI the page loads, and their types. */
    private static final Map<String, String> WEBJAR_ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    /** Only this server's own files, scripts and styles; no inline script; images also as data: URIs. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";
    private static final int OK = 200;

    private final String webjarFiles;

    private DocsEndpoints() {
        this.webjarFiles = String.format(WEBJAR_FILES, webjarVersion());
    }

    static List<Route> of() {
        DocsEndpoints docs = new DocsEndpoints();
        return List.of(
                Route.get(AccessGuard.DOCS, ctx -> docs.own(ctx, "index.html", "text/html; charset=utf-8")),
                Route.get(AccessGuard.DOCS + "/openapi.json", ctx -> docs.own(ctx, "openapi.json", Json.CONTENT_TYPE)),
                Route.get(AccessGuard.DOCS + "/swagger-initializer.js",
                        ctx -> docs.own(ctx, "swagger-initializer.js", "text/javascript; charset=utf-8")),
                Route.get(AccessGuard.DOCS + "/{asset}", docs::asset));
    }

    /** The OpenAPI document as served. */
    static InputStream openApiDocument() {
        return DocsEndpoints.class.getResourceAsStream(OWN + "openapi.json");
    }

    private void own(Context ctx, String file, String type) {
        send(ctx, OWN + file, type);
    }

    private void asset(Context ctx) throws ApiError {
        String name = ctx.pathParam("asset");
        String type = WEBJAR_ASSETS.get(name);
        if (type == null) {
            throw new ApiError(ApiError.NOT_FOUND, "no such file of the documentation: " + name);
        }
        send(ctx, webjarFiles + name, type);
    }

    private static void send(Context ctx, String resource, String type) {
        InputStream in = DocsEndpoints.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path: the build lost it");
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.status(OK).contentType(type).result(in);
    }

    private static String webjarVersion() {
        try (InputStream in = DocsEndpoints.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the class path");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
        }
    }
}
