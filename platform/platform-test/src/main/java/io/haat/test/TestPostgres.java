package io.haat.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A running PostgreSQL server that hands out a fresh, empty database per caller. */
public final class TestPostgres {

    private static final int MAX_PREFIX = 40;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final AtomicInteger counter = new AtomicInteger();

    TestPostgres(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * Creates a new empty database whose name starts with the (sanitised) prefix and returns its JDBC URL.
     * Each call returns a different database, so tests and Spring contexts never see each other's rows.
     */
    public String createDatabase(String prefix) {
        String name = sanitise(prefix) + "_" + counter.incrementAndGet() + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        // CREATE DATABASE cannot run inside a transaction; the admin connection is in auto-commit
        try (Connection connection = dataSource(jdbcUrl("postgres")).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name, ex);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of an existing database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** An unpooled DataSource for a JDBC URL returned by {@link #createDatabase(String)}. */
    public DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Lower-case letters, digits and underscores only, starting with a letter: safe as an identifier. */
    static String sanitise(String prefix) {
        String name = (prefix == null ? "" : prefix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            name = "test";
        }
        else if (!Character.isLetter(name.charAt(0))) {
            name = "db_" + name;
        }
        return name.length() > MAX_PREFIX ? name.substring(0, MAX_PREFIX) : name;
    }

}
