package io.xstore.server.rpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP exchange of the call being served, for the few endpoints that go beyond the envelope: the login cookie,
 * logout's raw token, raw downloads. Bound to the serving thread by the dispatcher.
 */
public final class RpcExchange {

    private static final ThreadLocal<RpcExchange> CURRENT = new ThreadLocal<>();

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    private RpcExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    static void bind(HttpServletRequest request, HttpServletResponse response) {
        CURRENT.set(new RpcExchange(request, response));
    }

    static void unbind() {
        CURRENT.remove();
    }

    public static RpcExchange current() {
        RpcExchange exchange = CURRENT.get();
        if (exchange == null) {
            throw new IllegalStateException("no API call is being served on this thread");
        }
        return exchange;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }
}
