package io.xstore.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client over kept-alive sockets, for the measured calls. The client runs on the same cores as
 * the server: the JDK's {@code HttpClient} spent about 0.35 ms of CPU per call (more than the server's whole answer
 * to an authenticated no-op), so it measured itself more than the server. This one writes the request bytes, reads
 * the status line, the headers and the body (by {@code Content-Length} or chunked), and nothing else. A connection
 * is taken from an idle pool per call and put back after it; one the server closes is opened again.
 */
final class HttpConnections implements AutoCloseable {

    /** One HTTP answer: its status and body. */
    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

    HttpConnections(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.hostHeader = host + ":" + port;
    }

    Response post(String path, String headers, String body) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = new Connection(new Socket(host, port));
        }
        Response response;
        try {
            response = connection.exchange(path, hostHeader, headers, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (connection.closing) {
            connection.close();
        } else {
            idle.offer(connection);
        }
        return response;
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder(128);
        private boolean closing;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Response exchange(String path, String hostHeader, String headers, byte[] body) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + headers
                    + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String statusLine = readLine();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = value.equalsIgnoreCase("close");
                }
            }
            byte[] bytes = chunked ? readChunked() : in.readNBytes(Math.max(length, 0));
            return new Response(status, new String(bytes, StandardCharsets.UTF_8));
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
            while (true) {
                String sizeLine = readLine();
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailers, none expected
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine();
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
