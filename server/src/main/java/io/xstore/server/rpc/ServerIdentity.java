package io.xstore.server.rpc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** This installation's stable id (kept in the data directory) and the build it runs. */
@Component
public class ServerIdentity {

    private final String uid;

    public ServerIdentity(@Value("${xstore.data-dir:./data}") Path dataDir) {
        Path file = dataDir.resolve("server-uid");
        try {
            if (Files.exists(file)) {
                uid = Files.readString(file).trim();
            } else {
                Files.createDirectories(dataDir);
                uid = UUID.randomUUID().toString().replace("-", "");
                Files.writeString(file, uid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    public String uid() {
        return uid;
    }

    public String build() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public String commit() {
        return "";
    }
}
