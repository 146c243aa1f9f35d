package io.xstore.server.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lays out {@code <home>/modules/transport-netty4} from the module jars that the build copies into the class path
 * resources (they must not be on the class path itself, or Elasticsearch reports jar hell). Rewritten whenever
 * the shipped jars differ from the unpacked ones, so an upgrade never mixes module versions.
 */
final class ElasticsearchHome {

    static final String MODULE_RESOURCES = "xstore/elasticsearch-modules/";
    private static final String TRANSPORT = "transport-netty4";
    private static final String DESCRIPTOR = "plugin-descriptor.properties";

    private ElasticsearchHome() {
    }

    static void prepare(Path home) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("plugins"));
        Path module = home.resolve("modules").resolve(TRANSPORT);
        Resource[] jars = new PathMatchingResourcePatternResolver(ElasticsearchHome.class.getClassLoader())
                .getResources("classpath*:" + MODULE_RESOURCES + TRANSPORT + "/*.jar");
        if (jars.length == 0) {
            throw new IllegalStateException("Elasticsearch module jars missing from the class path resources "
                    + MODULE_RESOURCES + TRANSPORT + " (built by the server module's maven-dependency-plugin)");
        }
        if (isUnpacked(module, jars)) {
            return;
        }
        deleteRecursively(module);
        Files.createDirectories(module);
        for (Resource jar : jars) {
            try (InputStream in = jar.getInputStream()) {
                Files.copy(in, module.resolve(jar.getFilename()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeDescriptor(module);
    }

    /** Same jar names and sizes, and the descriptor written last is there. */
    private static boolean isUnpacked(Path module, Resource[] jars) throws IOException {
        if (!Files.exists(module.resolve(DESCRIPTOR))) {
            return false;
        }
        try (Stream<Path> files = Files.list(module)) {
            if (files.filter(p -> p.toString().endsWith(".jar")).count() != jars.length) {
                return false;
            }
        }
        for (Resource jar : jars) {
            Path unpacked = module.resolve(jar.getFilename());
            if (!Files.exists(unpacked) || Files.size(unpacked) != jar.contentLength()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The descriptor ships inside the module jar. Its {@code modulename=} line must go: on the class path the server
     * is not a named module, so the transport must load as a classic (non-modular) plugin.
     */
    private static void writeDescriptor(Path module) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(module)) {
            jar = files.filter(p -> p.getFileName().toString().startsWith(TRANSPORT + "-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + TRANSPORT + " jar in " + module));
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            List<String> lines = Files.readAllLines(zip.getPath("META-INF/es-plugins", TRANSPORT, DESCRIPTOR));
            lines.removeIf(line -> line.trim().startsWith("modulename="));
            Files.write(module.resolve(DESCRIPTOR), lines);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
