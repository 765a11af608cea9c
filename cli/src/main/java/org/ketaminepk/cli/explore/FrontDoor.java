package org.ketaminepk.cli.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;

/**
 * The explorer's listening socket, in front of the JDK's HTTP server. That server refuses a request whose target is
 * not a valid URI ({@code ?dose=10%}, {@code &%ZZ=1}, a {@code |} in the query) before any handler runs, with its own
 * HTML page ({@code <h1>400 Bad Request</h1>URISyntaxException thrown}) and none of the API's headers; nothing in
 * {@code com.sun.net.httpserver} lets a handler see such a request. So the server listens on a loopback port of its
 * own, and this door, on the address the user chose, reads the request line of each connection: a target the JDK
 * would refuse is answered here with the API's JSON error, naming the bad part, and the API's headers; every other
 * connection is relayed to the server byte for byte, both ways. The server closes every connection after its answer
 * ({@code Connection: close}), so each connection carries one request and the door sees every request line.
 *
 * <p>At most {@value #MAX_CONNECTIONS} connections are served at once (more wait in the listen backlog); a request
 * line must arrive within {@value #READ_TIMEOUT_S} s, and a connection is closed after
 * {@value #MAX_CONNECTION_S} s, longer than the server's own limits (30 s to read a request, 20 s to compute, 60 s
 * to answer) add up to, so a client that stops reading cannot hold a thread for ever.
 */
final class FrontDoor implements AutoCloseable {
    /** Connections served at once; each takes two threads while it is relayed. */
    static final int MAX_CONNECTIONS = 64;
    /** Seconds the request line may take to arrive (the JDK server's own default limit for a request). */
    static final int READ_TIMEOUT_S = 30;
    /** Seconds after which a connection is closed, whatever it is doing. */
    static final int MAX_CONNECTION_S = 150;
    /** Longest request line read before the connection is relayed unread (the server then answers 413). */
    private static final int MAX_LINE_BYTES = ExplorerServer.MAX_BODY_BYTES + 8 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ExecutorService threads;
    private final ScheduledExecutorService deadlines;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;

    private FrontDoor(ServerSocket listener, InetSocketAddress server) {
        this.listener = listener;
        this.server = server;
        this.threads = Executors.newCachedThreadPool(daemon("explore-door"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("explore-door-deadline"));
    }

    /**
     * Listens on {@code address} and relays to {@code server}.
     *
     * @param address where the user reaches the explorer
     * @param server the JDK server's own (loopback) address
     * @return the open door
     * @throws IOException if the address cannot be bound
     */
    static FrontDoor open(InetSocketAddress address, InetSocketAddress server) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(address, 64);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        FrontDoor door = new FrontDoor(s, server);
        Thread t = daemon("explore-door-accept").newThread(door::accept);
        t.start();
        return door;
    }

    /** @return the address the door listens on */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
        deadlines.shutdownNow();
    }

    private void accept() {
        while (!closed) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Socket c;
            try {
                c = listener.accept();
            } catch (IOException e) {
                slots.release();
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                threads.execute(() -> {
                    try {
                        serve(c);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                quietlyClose(c);
                slots.release();
            }
        }
    }

    private void serve(Socket client) {
        ScheduledFuture<?> deadline;
        try {
            deadline = deadlines.schedule(() -> quietlyClose(client), MAX_CONNECTION_S, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            quietlyClose(client);
            return;
        }
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_S * 1000);
            InputStream in = client.getInputStream();
            byte[] head = new byte[8192];
            int n = 0;
            int lineStart = 0;
            String line = null;
            // the request line, after any empty lines (which the JDK server skips too)
            while (line == null && n < MAX_LINE_BYTES) {
                if (n == head.length) {
                    head = Arrays.copyOf(head, Math.min(2 * head.length, MAX_LINE_BYTES));
                }
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    return;
                }
                int from = n;
                n += r;
                for (int i = from; i < n && line == null; i++) {
                    if (head[i] != '\n') {
                        continue;
                    }
                    if (i == lineStart + 1 && head[lineStart] == '\r') {
                        lineStart = i + 1;
                    } else {
                        // as the JDK server reads it: a byte is a character
                        line = new String(head, lineStart, i - lineStart, StandardCharsets.ISO_8859_1);
                    }
                }
            }
            ExplorerServer.HttpError bad = line != null && line.endsWith("\r") ? badTarget(line) : null;
            if (bad != null) {
                refuse(client, bad, line.startsWith("HEAD "));
                return;
            }
            client.setSoTimeout(0);
            relay(client, head, n);
        } catch (IOException | RejectedExecutionException e) {
            // the client went away, the deadline closed the connection, or the explorer is closing
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The error the API gives for a request line whose target the JDK server would refuse, read as that server reads
     * it (the text between the first and the second space, given to {@link URI#URI(String)}).
     *
     * @param line the request line, ending in CR
     * @return the error naming the bad part of the query (or path), or null when the server can read the target
     */
    static ExplorerServer.HttpError badTarget(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0) {
            return null; // not a request line: the server refuses it itself, and closes
        }
        String target = line.substring(first + 1, second);
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            int at = Math.max(0, Math.min(e.getIndex(), target.length() - 1));
            int q = target.indexOf('?');
            boolean inQuery = q >= 0 && at > q;
            int start = inQuery ? Math.max(q, target.lastIndexOf('&', at)) + 1 : 0;
            int end = inQuery ? target.indexOf('&', at) : q;
            String part = target.substring(start, end < 0 ? target.length() : end);
            String field = null;
            String value = part;
            int eq = part.indexOf('=');
            if (inQuery && eq >= 0 && at - start > eq) {
                // the bad part is in the value of a parameter whose name can be read
                try {
                    field = URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8);
                    value = part.substring(eq + 1);
                } catch (IllegalArgumentException unreadableName) {
                    field = null;
                }
            }
            char c = target.isEmpty() ? ' ' : target.charAt(at);
            String problem;
            if (c == '%') {
                problem = "malformed percent-encoding: a '%' must be followed by two hex digits (write a % sign as "
                        + "%25)";
            } else if (c > ' ' && c < 0x7f) {
                problem = "the character '" + c + "', which must be percent-encoded in an address (as "
                        + String.format(Locale.ROOT, "%%%02X", (int) c) + ")";
            } else {
                problem = "a character that must be percent-encoded in an address (as UTF-8 bytes, e.g. %C2%B5 for µ)";
            }
            return new ExplorerServer.HttpError(400, field == null ? null : ExplorerServer.clip(field),
                    ExplorerServer.clip(value), (inQuery ? "the query" : "the path") + " part '"
                    + ExplorerServer.clip(part) + "' has " + problem);
        }
    }

    /** Answers with the API's JSON error and headers, then closes, reading what the client still sends first. */
    private static void refuse(Socket client, ExplorerServer.HttpError e, boolean head) throws IOException {
        byte[] body = ApiJson.error(e.status, e.field, e.value, e.getMessage(), null)
                .getBytes(StandardCharsets.UTF_8);
        Headers h = new Headers();
        ExplorerServer.securityHeaders(h);
        StringBuilder b = new StringBuilder(512);
        b.append("HTTP/1.1 ").append(e.status).append(" Bad Request\r\n");
        b.append("Content-Type: application/json; charset=utf-8\r\n");
        b.append("Content-Length: ").append(body.length).append("\r\n");
        b.append("Connection: close\r\n");
        for (Map.Entry<String, List<String>> x : h.entrySet()) {
            for (String v : x.getValue()) {
                b.append(x.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        b.append("\r\n");
        OutputStream out = client.getOutputStream();
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
        client.shutdownOutput();
        // unread bytes at close would reset the connection, and the client might lose the answer
        client.setSoTimeout(1000);
        client.getInputStream().skip(ExplorerServer.MAX_DRAINED_BYTES);
    }

    /** Relays the connection to the server: what was read so far, then both directions until either side closes. */
    private void relay(Socket client, byte[] head, int n) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5000);
            s.getOutputStream().write(head, 0, n);
            s.getOutputStream().flush();
            threads.execute(() -> {
                try {
                    client.getInputStream().transferTo(s.getOutputStream());
                    s.shutdownOutput();
                } catch (IOException e) {
                    // either side closed
                }
            });
            s.getInputStream().transferTo(client.getOutputStream());
        }
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
