package io.xstore.server.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.api.NewIds;
import io.xstore.server.rpc.versions.VersionAdapters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.RawResponse;
import io.xstore.protocol.Caller;
import io.xstore.protocol.ConsistencyBarrier;
import io.xstore.server.auth.RequestAuthenticator;
import io.xstore.server.consistency.CommandDispatchTracker;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The single entry point of the API port: parses {@code [/vX.Y/]service.action}, reads the parameters, resolves the
 * handler by version, authenticates, invokes it and writes the ClearML envelope. HTTP status = result code.
 */
@Component
public class RpcDispatcher extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(RpcDispatcher.class);

    private final transient EndpointRegistry registry;
    private final transient RequestAuthenticator authenticator;
    private final transient ConsistencyBarrier barrier;
    private final transient VersionAdapters versions;
    private final transient ObjectMapper mapper = ApiJson.create();

    public RpcDispatcher(EndpointRegistry registry, RequestAuthenticator authenticator, ConsistencyBarrier barrier,
                         VersionAdapters versions) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.barrier = barrier;
        this.versions = versions;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", origin(request));
        response.setHeader("Access-Control-Allow-Credentials", "true");
        if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "*");
            response.setStatus(200);
            return;
        }
        if (request.getHeader("Content-Encoding") != null) {
            response.setStatus(415);
            response.setContentType("text/plain");
            response.getWriter().write("Content encoding is not supported");
            return;
        }
        String callId = NewIds.hex();
        String trx = firstHeader(request, "X-ClearML-Trx", "X-Trains-Trx");
        CallState state = new CallState(callId, trx == null ? callId : trx);
        Envelope envelope;
        try {
            envelope = handle(request, response, state);
        } catch (ApiException e) {
            envelope = error(state, e);
        } catch (RuntimeException e) {
            envelope = error(state, translate(e));
        }
        write(response, envelope);
    }

    private Envelope handle(HttpServletRequest request, HttpServletResponse response, CallState state)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RpcPath rpcPath = RpcPath.parse(path);
        state.endpoint = rpcPath.endpoint();
        ApiVersion version = rpcPath.version();
        state.requestedVersion = version.toString();
        RequestBody body = RequestBody.read(request, mapper);
        EndpointHandler handler = registry.resolve(rpcPath.endpoint(), version);
        state.actualVersion = handler.sinceText();
        Caller caller = authenticator.authenticate(request, handler.authenticated());
        if (handler.authenticated() && !handler.allows(caller.role())) {
            throw ApiError.ROLE_NOT_ALLOWED.toException(Map.of("role", caller.role(), "endpoint", handler.name()));
        }
        CallContext context = new CallContext(state.callId, handler.name(), version, caller,
                versions.request(handler.name(), version, body.fields()),
                body.batch(), firstHeader(request, "X-ClearML-Worker", "X-Trains-Worker"), clientIp(request),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        RpcExchange.bind(request, response);
        CommandDispatchTracker.begin();
        try {
            Object data = invoke(handler, context);
            if (!(data instanceof RawResponse)) {
                data = versions.response(handler.name(), version, data);
            }
            if (CommandDispatchTracker.dispatched()) {
                barrier.awaitOwnWrites();
            }
            if (data instanceof RawResponse raw) {
                writeRaw(response, raw);
            }
            return Envelope.of(state.callId, state.trx, state.endpoint, state.requestedVersion, state.actualVersion,
                    200, 0, "OK", Map.of(), data);
        } finally {
            CommandDispatchTracker.end();
            RpcExchange.unbind();
        }
    }

    private Object invoke(EndpointHandler handler, CallContext context) {
        Method method = handler.method();
        Object[] args = new Object[method.getParameterCount()];
        args[0] = context;
        if (args.length > 1) {
            args[1] = bind(context.body(), method.getParameterTypes()[1]);
        }
        try {
            return method.invoke(handler.bean(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object bind(ObjectNode body, Class<?> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw ApiError.VALIDATION_ERROR.toException(reason);
        }
    }

    private Envelope error(CallState state, ApiException e) {
        if (e.code() >= 500) {
            log.error("{} {} failed: {}", state.endpoint, state.callId, e.getMessage());
        } else {
            log.info("{} -> {}/{} {}", state.endpoint, e.code(), e.subcode(), e.getMessage());
        }
        return Envelope.of(state.callId, state.trx, state.endpoint, state.requestedVersion, state.actualVersion,
                e.code(), e.subcode(), e.getMessage(), e.data(), Map.of());
    }

    private ApiException translate(RuntimeException e) {
        ApiException api = ApiExceptions.find(e);
        if (api != null) {
            return api;
        }
        log.error("unexpected failure", e);
        return ApiError.GENERAL_ERROR.toException(e.getClass().getSimpleName());
    }

    private void write(HttpServletResponse response, Envelope envelope) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        int code = (Integer) envelope.meta().get("result_code");
        response.setStatus(code);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Server", "clearml");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta", envelope.meta());
        body.put("data", envelope.data());
        mapper.writeValue(response.getOutputStream(), body);
    }

    private static void writeRaw(HttpServletResponse response, RawResponse raw) throws IOException {
        response.setStatus(200);
        response.setContentType(raw.contentType());
        response.setHeader("Server", "clearml");
        if (raw.fileName() != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + raw.fileName() + "\"");
        }
        raw.body().writeTo(response.getOutputStream());
        response.flushBuffer();
    }

    private static String firstHeader(HttpServletRequest request, String... names) {
        for (String name : names) {
            String value = request.getHeader(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static String clientIp(HttpServletRequest request) {
        String forwarded = firstHeader(request, "X-Forwarded-For", "X-Real-IP");
        return forwarded != null ? forwarded.split(",")[0].trim() : request.getRemoteAddr();
    }

    private static String origin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null ? "*" : origin;
    }

    /** What is known of the call so far, for the envelope of an error raised at any stage. */
    private static final class CallState {
        final String callId;
        final String trx;
        String endpoint = "";
        String requestedVersion = ApiVersion.MAX.toString();
        String actualVersion;

        CallState(String callId, String trx) {
            this.callId = callId;
            this.trx = trx;
        }
    }
}
