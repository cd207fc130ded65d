package io.dltrigger.engine.store.jdbc;

import io.dltrigger.engine.store.StoreException;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * The engine's H2 file served to other processes of this machine (opt-in: {@code db.h2_tcp_port}): bound to
 * 127.0.0.1 only (JdbcStore sets {@code h2.bindAddress}) and refusing other hosts, opened with the database's
 * password (kept in a 0600 file). Other processes connect with {@code jdbc:h2:tcp://127.0.0.1:PORT/FILE}.
 */
public final class H2TcpServer implements AutoCloseable {
    private final Server server;

    private H2TcpServer(Server server) {
        this.server = server;
    }

    public static H2TcpServer start(int port) {
        try {
            return new H2TcpServer(
                    Server.createTcpServer("-tcpPort", String.valueOf(port)).start());
        } catch (SQLException e) {
            throw new StoreException("cannot serve the H2 database on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
