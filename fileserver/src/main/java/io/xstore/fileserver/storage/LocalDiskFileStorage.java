package io.xstore.fileserver.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files under a root folder on the local disk; uploads go to a temp file in the target folder, then are renamed.
 * Symbolic links are followed only while they stay inside the root: a path that leads outside through one is
 * refused with {@link InvalidStoragePathException} ({@code escapesRoot}).
 */
@Component
public class LocalDiskFileStorage implements FileStorage {

    static final String TEMP_PREFIX = ".xstore-upload-";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int COPY_BUFFER = 64 * 1024;

    private final Path root;
    /** The root with every symlink resolved: what real locations are compared against. */
    private final Path realRoot;

    public LocalDiskFileStorage(@Value("${xstore.fileserver.root:${xstore.data-dir:./data}/files}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file server root " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<FileInfo> stat(StoragePath path) throws IOException {
        BasicFileAttributes attributes = attributes(resolve(path));
        if (attributes == null || !attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileInfo(attributes.size(), attributes.lastModifiedTime().toInstant()));
    }

    @Override
    public InputStream open(StoragePath path, long offset) throws IOException {
        FileChannel channel = FileChannel.open(resolve(path), StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return Channels.newInputStream(channel);
    }

    @Override
    public void write(StoragePath path, InputStream content) throws IOException {
        Path target = resolve(path);
        Path folder = target.getParent();
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new PathConflictException(path, null);
        }
        createFoldersDurably(path, folder);
        Path temp = folder.resolve(TEMP_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copy(content, out);
                out.force(true);
            }
            moveIntoPlace(path, temp, target);
            moved = true;
            syncFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public boolean deleteFile(StoragePath path) throws IOException {
        Path target = resolve(path);
        BasicFileAttributes attributes = attributes(target);
        if (attributes == null || !attributes.isRegularFile()) {
            return false;
        }
        try {
            Files.delete(target);
        } catch (NoSuchFileException e) {
            return false;
        }
        syncFolder(target.getParent());
        return true;
    }

    @Override
    public DeleteOutcome deleteFileOrFolder(StoragePath path) throws IOException {
        Path target = resolve(path);
        BasicFileAttributes attributes = attributes(target);
        if (attributes == null) {
            return DeleteOutcome.NOT_FOUND;
        }
        if (attributes.isRegularFile()) {
            return deleteFile(path) ? DeleteOutcome.DELETED_FILE : DeleteOutcome.NOT_FOUND;
        }
        if (!attributes.isDirectory()) {
            return DeleteOutcome.NOT_FILE_OR_FOLDER;
        }
        deleteTree(target);
        syncFolder(target.getParent());
        return DeleteOutcome.DELETED_FOLDER;
    }

    /**
     * Removes temp files of uploads that were cut off by a crash (an upload that fails while the server runs
     * removes its own): those last modified before {@code before}, which should be the time this server started.
     *
     * @return how many were removed
     */
    public int removeAbandonedUploads(Instant before) throws IOException {
        int[] removed = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)
                        && attrs.lastModifiedTime().toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE; // vanished or unreadable: not ours to judge here
            }
        });
        return removed[0];
    }

    /** The location of {@code path} on disk, after checking that no symlink along it leads outside the root. */
    private Path resolve(StoragePath path) throws IOException {
        Path resolved = root;
        for (String segment : path.segments()) {
            resolved = resolved.resolve(segment);
        }
        requireInsideRoot(path, resolved);
        return resolved;
    }

    /**
     * The deepest part of {@code location} that exists, with every symlink resolved, must lie under the real root
     * (the segments themselves never climb: {@link StoragePath} removed every "..").
     */
    private void requireInsideRoot(StoragePath path, Path location) throws IOException {
        for (Path existing = location; existing != null; existing = existing.getParent()) {
            Path real;
            try {
                real = existing.toRealPath();
            } catch (NoSuchFileException | NotDirectoryException e) {
                continue;
            } catch (java.nio.file.FileSystemException e) {
                if (isNotADirectory(e)) {
                    continue;
                }
                throw e;
            }
            if (!real.startsWith(realRoot)) {
                throw new InvalidStoragePathException(path.toString(), true, "Path escapes the storage root");
            }
            return;
        }
    }

    /** Attributes, following symlinks; null when nothing is there (or a parent is a file). */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        } catch (java.nio.file.FileSystemException e) {
            if (isNotADirectory(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isNotADirectory(java.nio.file.FileSystemException e) {
        return e.getReason() != null && e.getReason().contains("Not a directory");
    }

    /** Creates missing folders and syncs each new folder's parent, so the new entries survive a crash too. */
    private void createFoldersDurably(StoragePath path, Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder; p != null && !p.equals(root) && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new PathConflictException(path, e);
        } catch (java.nio.file.FileSystemException e) {
            if (isNotADirectory(e)) {
                throw new PathConflictException(path, e);
            }
            throw e;
        }
        for (Path created : missing) {
            syncFolder(created.getParent());
        }
    }

    private static void copy(InputStream content, FileChannel out) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        for (int n; (n = content.read(buffer)) != -1; ) {
            wrapper.clear().limit(n);
            while (wrapper.hasRemaining()) {
                out.write(wrapper);
            }
        }
    }

    private static void moveIntoPlace(StoragePath path, Path temp, Path target) throws IOException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new PathConflictException(path, e);
        } catch (java.nio.file.FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Is a directory")) {
                throw new PathConflictException(path, e);
            }
            throw e;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** fsync of a folder makes renames and new entries in it durable (Linux); unsupported elsewhere, then skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every platform lets a folder be opened or synced
        }
    }
}
