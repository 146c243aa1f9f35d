package io.xstore.fileserver;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real Tomcat on a random port that hands every request to a servlet from a filter, the way the server
 * module does for the file server port (the servlet is not registered or initialized by the container).
 */
final class EmbeddedTomcat implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();

    EmbeddedTomcat(HttpServlet target, Path workDir) throws LifecycleException {
        tomcat.setBaseDir(workDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", workDir.toString());
        // a mapped servlet is needed for the filter chain to run; it is never reached
        Tomcat.addServlet(context, "unreached", new HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(599);
            }
        });
        context.addServletMappingDecoded("/", "unreached");
        FilterDef def = new FilterDef();
        def.setFilterName("route");
        def.setFilter(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
                try {
                    target.service(request, response);
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
            }
        });
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("route");
        map.addURLPatternDecoded("/*");
        context.addFilterMap(map);
        tomcat.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
