package org.cim4j.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Creates the HikariCP pool that {@code JdbcStorage.builder().jdbcUrl(...)} owns. Kept in its own
 * class so HikariCP (an optional dependency) is loaded only when a URL is used.
 */
public final class HikariPools {
    private HikariPools() {
    }

    public static DataSource create(String url, @Nullable String user, @Nullable String password, int maxPoolSize,
                                    Duration connectionTimeout, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /** Closes a pool created here. */
    public static void close(DataSource pool) {
        ((HikariDataSource) pool).close();
    }
}
