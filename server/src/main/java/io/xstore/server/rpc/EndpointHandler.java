package io.xstore.server.rpc;

import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiVersion;

import java.lang.reflect.Method;
import java.util.Set;

/** One {@link ApiEndpoint} method of a bean, ready to be invoked. */
record EndpointHandler(String name, ApiVersion since, String sinceText, boolean authenticated, Set<String> roles,
                       Object bean, Method method) {

    static EndpointHandler of(Object bean, Method method, ApiEndpoint annotation) {
        method.setAccessible(true);
        return new EndpointHandler(annotation.value(), ApiVersion.parse(annotation.since()), annotation.since(),
                annotation.authenticated(), Set.of(annotation.roles()), bean, method);
    }

    boolean allows(String role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
