package org.ketaminepk.cli.explore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An explorer server on a loopback port, started before and closed after each test class that extends this, with
 * an HTTP/1.1 client and the ways the tests send requests.
 */
abstract class LoopbackExplorer {
    private static final ObjectMapper JSON = new ObjectMapper();
    static ExplorerServer server;
    static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        server = ExplorerServer.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends a whole request as bytes (a request line no URI class would build) and returns the status code of the
     * answer, or 0 when the server closes the connection without one.
     */
    static int raw(String request) throws IOException {
        URI u = server.uri();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            s.shutdownOutput();
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            // the JDK server closes a connection with a malformed request line without an answer
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : 0;
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
