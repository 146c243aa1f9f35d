package io.xstore.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedClassPathTest {

    @TempDir
    Path dir;

    @Test
    void theNestedClassPathIsUnpackedBesideTheJarInTheSameOrderAndTheApplicationKeepsTheJarsManifest() throws Exception {
        Path jar = bootJar(dir.resolve("app.jar"));
        URL other = dir.resolve("other.jar").toUri().toURL();

        URL[] urls = UnpackedClassPath.unpack(jar, new URL[] {
                nested(jar, "BOOT-INF/classes/"), nested(jar, "BOOT-INF/lib/one.jar"), other});

        assertThat(urls).hasSize(3);
        assertThat(urls[0].getProtocol()).isEqualTo("file");
        assertThat(urls[0].getPath()).endsWith("/classes.jar");
        assertThat(urls[1].getPath()).endsWith("/lib/one.jar");
        assertThat(urls[2]).as("a URL that is not a nested jar stays").isEqualTo(other);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {urls[0], urls[1]}, null)) {
            assertThat(read(loader, "app.txt")).isEqualTo("application");
            assertThat(read(loader, "lib.txt")).isEqualTo("library");
            assertThat(read(loader, "META-INF/MANIFEST.MF")).contains("Implementation-Version: 9.9.9");
        }
    }

    @Test
    void aSecondStartUsesTheCopyAndCopiesOfOtherBuildsNoServerHoldsAreDeleted() throws Exception {
        Path jar = bootJar(dir.resolve("app.jar"));
        URL[] first = UnpackedClassPath.unpack(jar, new URL[] {nested(jar, "BOOT-INF/lib/one.jar")});
        Path root = dir.resolve(".app.jar.unpacked");
        Path earlierBuild = Files.createDirectories(root.resolve("0123456789abcdef"));
        Files.writeString(earlierBuild.resolve(UnpackedClassPath.COMPLETE), "old");
        Path partialOfEndedProcess = Files.createDirectories(root.resolve(".partial-" + Integer.MAX_VALUE));

        URL[] second = UnpackedClassPath.unpack(jar, new URL[] {nested(jar, "BOOT-INF/lib/one.jar")});

        assertThat(second).containsExactly(first);
        assertThat(earlierBuild).doesNotExist();
        assertThat(partialOfEndedProcess).doesNotExist();
        try (var copies = Files.list(root)) {
            assertThat(copies.toList()).hasSize(1);
        }
    }

    @Test
    void onlyTheApplicationClassesAndTheLibrariesOfABootJarAreNestedEntries() throws Exception {
        Path jar = dir.resolve("app.jar");
        assertThat(UnpackedClassPath.nestedEntry(nested(jar, "BOOT-INF/lib/one.jar"))).isEqualTo("BOOT-INF/lib/one.jar");
        assertThat(UnpackedClassPath.nestedEntry(nested(jar, "BOOT-INF/classes/"))).isEqualTo("BOOT-INF/classes/");
        assertThat(UnpackedClassPath.nestedEntry(nested(jar, "BOOT-INF/lib/x/../two.jar"))).isNull();
        assertThat(UnpackedClassPath.nestedEntry(dir.toUri().toURL())).isNull();
    }

    /** As Spring Boot's launcher names them; its URL handlers are not registered here, none is ever opened. */
    private static URL nested(Path jar, String entry) throws IOException {
        return new URL(null, "jar:nested:" + jar + "/!" + entry + "!/", new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                throw new UnsupportedOperationException();
            }
        });
    }

    private static Path bootJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("BOOT-INF/classes/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/classes/app.txt"));
            out.write("application".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("BOOT-INF/lib/one.jar"));
            out.write(library());
            out.closeEntry();
        }
        return jar;
    }

    private static byte[] library() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("lib.txt"));
            zip.write("library".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (var in = loader.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
