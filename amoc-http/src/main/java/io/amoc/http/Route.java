package io.amoc.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One operation of the API: a method, a path (parameters as {@code {name}}) and its handler. */
record Route(HandlerType method, String path, Handler handler) {

    static Route get(String path, Handler handler) {
        return new Route(HandlerType.GET, path, handler);
    }

    static Route post(String path, Handler handler) {
        return new Route(HandlerType.POST, path, handler);
    }

    static Route put(String path, Handler handler) {
        return new Route(HandlerType.PUT, path, handler);
    }

    static Route patch(String path, Handler handler) {
        return new Route(HandlerType.PATCH, path, handler);
    }
}
