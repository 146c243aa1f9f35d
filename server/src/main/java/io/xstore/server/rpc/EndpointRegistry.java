package io.xstore.server.rpc;

import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.ApiVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every {@link ApiEndpoint} method of every bean, by endpoint name and version. */
@Component
public class EndpointRegistry implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EndpointRegistry.class);

    private final ApplicationContext context;
    private final Map<String, List<EndpointHandler>> handlers = new HashMap<>();

    public EndpointRegistry(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String beanName : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(beanName);
            if (type == null) {
                continue;
            }
            Class<?> userType = AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(type) : type;
            for (Method method : userType.getMethods()) {
                ApiEndpoint annotation = method.getAnnotation(ApiEndpoint.class);
                if (annotation != null) {
                    register(EndpointHandler.of(context.getBean(beanName), method, annotation));
                }
            }
        }
        handlers.values().forEach(list -> list.sort(Comparator.comparing(EndpointHandler::since)));
        log.info("registered {} API endpoints", handlers.size());
    }

    private void register(EndpointHandler handler) {
        List<EndpointHandler> list = handlers.computeIfAbsent(handler.name(), k -> new ArrayList<>());
        if (list.stream().anyMatch(h -> h.since().equals(handler.since()))) {
            throw new IllegalStateException("two handlers for " + handler.name() + " since " + handler.sinceText());
        }
        list.add(handler);
    }

    /** The handler with the highest minimum version at or below the requested one; 404 if none. */
    EndpointHandler resolve(String name, ApiVersion requested) {
        List<EndpointHandler> candidates = handlers.getOrDefault(name, List.of());
        EndpointHandler chosen = null;
        for (EndpointHandler candidate : candidates) {
            if (candidate.since().compareTo(requested) <= 0) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new ApiException(404, 0,
                    "Unable to find endpoint for name " + name + " and version " + requested, Map.of());
        }
        return chosen;
    }

    public int size() {
        return handlers.size();
    }

    public java.util.Set<String> names() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    public boolean isRegistered(String name) {
        return handlers.containsKey(name);
    }
}
