package io.xstore.server.listeners;

import io.xstore.fileserver.FileServerServlet;
import io.xstore.server.rpc.RpcDispatcher;
import io.xstore.webapp.WebAppServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One Tomcat, three listeners: a request is served by the API dispatcher, the file server or the web app according
 * to the port it arrived on. The web app's {@code /api/} and {@code /files/} prefixes reach the other two with the
 * prefix stripped, as the reference's nginx does. Actuator endpoints stay with Spring MVC on the API port.
 */
@Component
public class PortRoutingFilter extends OncePerRequestFilter {

    private final ListenerPorts ports;
    private final RpcDispatcher api;
    private final FileServerServlet files;
    private final WebAppServlet webapp;

    public PortRoutingFilter(ListenerPorts ports, RpcDispatcher api, FileServerServlet files, WebAppServlet webapp) {
        this.ports = ports;
        this.api = api;
        this.files = files;
        this.webapp = webapp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int port = request.getLocalPort();
        String path = request.getRequestURI();
        if (port == ports.fileserver().port()) {
            files.service(request, response);
        } else if (port == ports.webapp().port()) {
            if (path.startsWith("/api/")) {
                forward(api, request, response, "/api");
            } else if (path.equals("/files") || path.startsWith("/files/")) {
                forward(files, request, response, "/files");
            } else {
                webapp.service(request, response);
            }
        } else if (path.startsWith("/actuator")) {
            chain.doFilter(request, response);
        } else {
            api.service(request, response);
        }
    }

    private static void forward(HttpServlet target, HttpServletRequest request, HttpServletResponse response,
                                String prefix) throws ServletException, IOException {
        target.service(new StrippedPrefix(request, prefix), response);
    }

    /** The request as it would have arrived without the proxy prefix. */
    private static final class StrippedPrefix extends HttpServletRequestWrapper {
        private final String uri;

        StrippedPrefix(HttpServletRequest request, String prefix) {
            super(request);
            this.uri = request.getRequestURI().substring(prefix.length());
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return uri;
        }

        @Override
        public String getContextPath() {
            return "";
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer();
            url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
                    .append(uri);
            return url;
        }
    }
}
