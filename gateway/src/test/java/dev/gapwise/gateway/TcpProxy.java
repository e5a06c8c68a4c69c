package dev.gapwise.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a local port, which a test stops (listener and every open connection
 * closed: the database is "down") and starts again on the same port. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private TcpProxy(int targetPort, int port) {
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A running proxy to {@code 127.0.0.1:targetPort} on a free port. */
    public static TcpProxy to(int targetPort) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TcpProxy proxy = new TcpProxy(targetPort, port);
        proxy.start();
        return proxy;
    }

    /** A stopped proxy: connections are refused until {@link #start}. */
    public static TcpProxy stoppedTo(int targetPort) {
        TcpProxy proxy = to(targetPort);
        proxy.stop();
        return proxy;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = server;
            Thread.ofVirtual().start(() -> accept(server));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    public synchronized void stop() {
        ServerSocket server = listener;
        listener = null;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closed already
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
        sockets.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                Thread.ofVirtual().start(() -> pipe(client, target));
                Thread.ofVirtual().start(() -> pipe(target, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
