package io.xstore.fileserver.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small text and JSON responses (no envelope: the file server speaks plain HTTP). */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    /** Headers on every file server response, as the reference server sends them. */
    public static void commonHeaders(HttpServletResponse response) {
        response.setHeader("Server", "clearml");
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    public static void text(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        write(request, response, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    public static void json(HttpServletRequest request, HttpServletResponse response, int status, Object body)
            throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        write(request, response, status, "application/json", bytes);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status,
                              String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
