package io.xstore.fileserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that goes away in the middle of an upload leaves neither the file nor its temp file behind. */
class FileServerInterruptedUploadTest {

    @TempDir
    Path temp;

    @Test
    void aConnectionDroppedMidUploadStoresNothingAndLeavesNoTempFile() throws Exception {
        try (TestFileServer server = new TestFileServer(temp)) {
            server.upload(new MultipartBody().file("/cut/previous.bin", null, new byte[] {7}));
            String head = "--" + MultipartBody.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"/cut/big.bin\";"
                    + " filename=\"/cut/big.bin\"\r\n\r\n";
            long announced = 100L * 1024 * 1024;

            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestFileServer.TOKEN
                        + "\r\nContent-Type: " + MultipartBody.contentType() + "\r\nContent-Length: " + announced
                        + "\r\n\r\n" + head).getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) { // 4 MB of the announced 100 MB
                    out.write(chunk);
                }
                out.flush();
                waitForTempFile(server.root.resolve("cut"));
            } // closed without the rest

            long deadline = System.currentTimeMillis() + 30_000;
            while (names(server.root.resolve("cut")).length > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(names(server.root.resolve("cut"))).containsExactly("previous.bin");
        }
    }

    private static void waitForTempFile(Path folder) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (names(folder).length < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(names(folder)).as("the upload reached the disk").hasSize(2);
    }

    private static String[] names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
