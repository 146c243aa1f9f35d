package io.xstore.server.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Runs a main class from an unpacked copy of the executable jar's class path instead of from its nested jars.
 * <p>
 * Spring Boot's loader finds a class by asking each of the ~160 nested jars in turn, building a URL and opening a
 * connection for every jar it asks; at start (tens of thousands of classes, on two cores shared by the server's
 * own embedded services) that costs about a sixth of the CPU of a start, which the JDK's loader over plain jar files
 * does not. So the first start from a jar copies its nested jars once into {@code .<jar name>.unpacked/<stamp>/}
 * beside it ({@code classes.jar}: the application's classes under the jar's own manifest, so package versions stay;
 * {@code lib/}: the libraries byte for byte), and every start loads from there. The stamp is the jar's path, size
 * and modification time: a rebuilt jar gets a new copy, and copies no running server holds (a shared lock on their
 * {@code in-use} file, released by the OS when the process ends, even on kill -9) are deleted.
 * <p>
 * Anything unusual (not launched from a Spring Boot jar, a directory that cannot be written, a full disk) keeps the
 * nested class path, as before, with one line on stderr when something failed; {@code -Dxstore.unpack=false} keeps it
 * always.
 */
public final class UnpackedClassPath {

    static final String COMPLETE = "complete";
    private static final String IN_USE = "in-use";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String NESTED_PREFIX = "jar:nested:";
    /** Held (shared lock) for the life of the JVM: while it is, no other start deletes the copy this JVM loads from. */
    private static FileChannel inUse;

    private UnpackedClassPath() {
    }

    /**
     * Runs {@code mainClass.main(args)} again from the unpacked class path and returns true once it returned; false
     * (nothing run) when the caller should go on as it is: already unpacked, or unpacking is off or impossible.
     */
    public static boolean relaunch(Class<?> mainClass, String[] args) {
        ClassLoader own = mainClass.getClassLoader();
        if ("false".equals(System.getProperty("xstore.unpack"))
                || !(own instanceof URLClassLoader nested)
                || !own.getClass().getName().startsWith("org.springframework.boot.loader.")) {
            return false;
        }
        Path jar = Path.of(System.getProperty("java.class.path", ""));
        URL[] unpacked;
        try {
            if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
                return false;
            }
            unpacked = unpack(jar.toAbsolutePath(), nested.getURLs());
        } catch (IOException | RuntimeException e) {
            System.err.println("xstore: loading classes from the nested jars of " + jar + " (slower start): cannot "
                    + "unpack them beside it: " + e);
            return false;
        }
        URLClassLoader loader = new URLClassLoader("xstore-unpacked", unpacked, own.getParent());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(mainClass.getName(), true, loader).getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run " + mainClass.getName() + " from the unpacked class path", e);
        }
        return true;
    }

    /** The unpacked copies of {@code nestedUrls}, in the same order; a URL not inside {@code jar} stays as it is. */
    static URL[] unpack(Path jar, URL[] nestedUrls) throws IOException {
        Path root = jar.resolveSibling("." + jar.getFileName() + ".unpacked");
        Path dir = root.resolve(stamp(jar));
        if (!Files.exists(dir.resolve(COMPLETE))) {
            copy(jar, root, dir);
        }
        if (inUse == null) {
            inUse = lockInUse(dir);
        }
        if (!Files.exists(dir.resolve(COMPLETE))) {
            throw new IOException(dir + " was deleted while this start was about to use it");
        }
        deleteUnused(root, dir);
        List<URL> urls = new ArrayList<>();
        for (URL url : nestedUrls) {
            String entry = nestedEntry(url);
            if (entry == null) {
                urls.add(url);
            } else if (entry.equals(CLASSES)) {
                urls.add(dir.resolve("classes.jar").toUri().toURL());
            } else {
                urls.add(libraryFile(dir, entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** {@code BOOT-INF/lib/x.jar} or {@code BOOT-INF/classes/} of a {@code jar:nested:<jar>/!<entry>!/} URL. */
    static String nestedEntry(URL url) {
        String spec = url.toString();
        int separator = spec.indexOf("/!");
        if (!spec.startsWith(NESTED_PREFIX) || separator < 0 || !spec.endsWith("!/")) {
            return null;
        }
        String entry = spec.substring(separator + 2, spec.length() - 2);
        return entry.equals(CLASSES) || isLibrary(entry) ? entry : null;
    }

    private static boolean isLibrary(String entry) {
        return entry.startsWith(LIB) && entry.endsWith(".jar") && entry.indexOf('/', LIB.length()) < 0;
    }

    private static Path libraryFile(Path dir, String entry) {
        return dir.resolve("lib").resolve(entry.substring(LIB.length()));
    }

    private static String stamp(Path jar) throws IOException {
        String identity = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies into a directory of this process, then renames it into place: a copy in place is always whole. */
    private static void copy(Path jar, Path root, Path dir) throws IOException {
        long begin = System.nanoTime();
        Files.createDirectories(root);
        Path partial = root.resolve(".partial-" + ProcessHandle.current().pid());
        deleteRecursively(partial);
        Files.createDirectories(partial.resolve("lib"));
        try (JarFile source = new JarFile(jar.toFile(), false)) {
            Manifest manifest = source.getManifest();
            try (JarOutputStream classes = new JarOutputStream(
                    Files.newOutputStream(partial.resolve("classes.jar")), manifest == null ? new Manifest() : manifest)) {
                Enumeration<JarEntry> entries = source.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(CLASSES) && name.length() > CLASSES.length()) {
                        classes.putNextEntry(new ZipEntry(name.substring(CLASSES.length())));
                        if (!entry.isDirectory()) {
                            try (InputStream in = source.getInputStream(entry)) {
                                in.transferTo(classes);
                            }
                        }
                        classes.closeEntry();
                    } else if (isLibrary(name)) {
                        try (InputStream in = source.getInputStream(entry);
                             OutputStream out = Files.newOutputStream(libraryFile(partial, name))) {
                            in.transferTo(out);
                        }
                    }
                }
            }
        }
        Files.writeString(partial.resolve(COMPLETE), jar + "\n");
        // locked before it is in place: a start of another build cleaning up never takes it for an unused copy
        FileChannel lock = lockInUse(partial);
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            inUse = lock;
            System.err.printf(Locale.ROOT, "xstore: unpacked the class path of %s into %s in %.1f s (once per build "
                    + "of the jar: later starts load from there)%n", jar, dir, (System.nanoTime() - begin) / 1e9);
        } catch (IOException raced) {
            lock.close();
            deleteRecursively(partial);
            if (!Files.exists(dir.resolve(COMPLETE))) {
                throw raced;
            } // else another start unpacked the same jar first
        }
    }

    private static FileChannel lockInUse(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(IN_USE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.lock(0, Long.MAX_VALUE, true);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Copies of earlier builds no running server holds, and partial copies of processes that ended. */
    private static void deleteUnused(Path root, Path current) {
        try (var children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (child.equals(current)) {
                    continue;
                }
                if (name.startsWith(".partial-")) {
                    long pid = Long.parseLong(name.substring(".partial-".length()));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    deleteRecursively(child);
                } else if (unused(child)) {
                    deleteRecursively(child);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("xstore: could not delete old unpacked class paths in " + root + ": " + e);
        }
    }

    private static boolean unused(Path copy) throws IOException {
        Path lockFile = copy.resolve(IN_USE);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock(0, Long.MAX_VALUE, false);
            if (lock == null) {
                return false;
            }
            // deleting under the exclusive lock: a start locking it now finds no COMPLETE and does not use it
            Files.deleteIfExists(copy.resolve(COMPLETE));
            lock.release();
            return true;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
