package io.xstore.server.listeners;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.net.InetAddress;

/** Adds the file-server and web-app connectors to Tomcat and routes every request by the port it arrived on. */
@Configuration
class ListenersConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> extraConnectors(ListenerPorts ports,
                                                                              ServerProperties server) {
        return factory -> {
            factory.addAdditionalTomcatConnectors(connector(ports.fileserver().port(), server.getAddress()));
            factory.addAdditionalTomcatConnectors(connector(ports.webapp().port(), server.getAddress()));
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(-1));
        };
    }

    private static Connector connector(int port, InetAddress address) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        connector.setMaxPostSize(-1);
        if (address != null) {
            connector.setProperty("address", address.getHostAddress());
        }
        return connector;
    }

    @Bean
    FilterRegistrationBean<PortRoutingFilter> portRouting(PortRoutingFilter filter) {
        FilterRegistrationBean<PortRoutingFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
