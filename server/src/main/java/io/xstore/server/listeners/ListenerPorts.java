package io.xstore.server.listeners;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The three listeners: API (Tomcat's main connector), file server and web app (extra connectors). */
@ConfigurationProperties("xstore")
public record ListenerPorts(Listener api, Listener fileserver, Listener webapp) {

    public record Listener(int port) {
    }
}
