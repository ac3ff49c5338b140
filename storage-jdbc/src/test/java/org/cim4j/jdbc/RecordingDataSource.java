package org.cim4j.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and remembers, per thread, the connection it last handed out (to find its backend id),
 * and how many connections it handed out in all (one per transaction attempt).
 */
final class RecordingDataSource implements DataSource {
    private final DataSource delegate;
    private final ThreadLocal<Connection> last = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicInteger borrowed = new java.util.concurrent.atomic.AtomicInteger();

    RecordingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    Connection current() {
        return last.get();
    }

    /** Connections handed out so far. */
    int borrowed() {
        return borrowed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = delegate.getConnection();
        borrowed.incrementAndGet();
        last.set(c);
        return c;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Connection c = delegate.getConnection(user, password);
        borrowed.incrementAndGet();
        last.set(c);
        return c;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
