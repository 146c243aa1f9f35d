package io.xstore.server.infra;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line when the whole server is ready: where it listens, how long the cold start took, how much memory it holds. */
@Component
public class ReadyLogLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLogLine.class);
    private static final long MB = 1024 * 1024;

    private final String apiPort;
    private final String fileServerPort;
    private final String webappPort;
    private final String dataDir;

    public ReadyLogLine(@Value("${xstore.api.port:8008}") String apiPort,
            @Value("${xstore.fileserver.port:8081}") String fileServerPort,
            @Value("${xstore.webapp.port:8080}") String webappPort,
            @Value("${xstore.data-dir:./data}") String dataDir) {
        this.apiPort = apiPort;
        this.fileServerPort = fileServerPort;
        this.webappPort = webappPort;
        this.dataDir = dataDir;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        String api = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? String.valueOf(web.getWebServer().getPort()) : apiPort;
        double coldStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
        log.info(String.format(Locale.ROOT,
                "xstore ready: api :%s, fileserver :%s, webapp :%s, data in %s; cold start %.1f s, RSS %s MB, heap used %d MB",
                api, fileServerPort, webappPort, dataDir, coldStart, residentMegabytes(), heapUsed));
    }

    /** VmRSS from /proc/self/status (Linux); "?" elsewhere. */
    static String residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.valueOf(kb / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs
        }
        return "?";
    }
}
