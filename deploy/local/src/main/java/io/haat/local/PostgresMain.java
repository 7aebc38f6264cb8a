package io.haat.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Starts PostgreSQL with data in a kept directory, creates one user and database per name given, and exits,
 * leaving the server running. Arguments: data directory, port, log file, database names.
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        File log = new File(args[2]);
        List<String> databases = Arrays.asList(args).subList(3, args.length);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the server outlives this JVM: the launcher stops it through its pid
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(90))
                // zonky's default is off: a commit is answered before its WAL is written, so a killed server loses
                // the last commits that clients (and Kafka offsets) already counted on: an order answered 201 then
                // gone, or an event marked consumed whose effect is lost (FaultsIT kills PostgreSQL mid-load)
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(Redirect.appendTo(log))
                .setErrorRedirector(Redirect.appendTo(log))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD 'postgres'");
            for (String database : databases) {
                createUserAndDatabase(connection, statement, database);
            }
        }
        System.out.println("PostgreSQL ready on port " + port + ", data in " + data + ", databases " + databases);
        System.exit(0);
    }

    private static void createUserAndDatabase(Connection connection, Statement statement, String name) throws SQLException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
            statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
        }
        if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
