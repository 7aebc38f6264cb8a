package io.haat.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the MongoDB wire protocol on 127.0.0.1 with data kept in an H2 MVStore file; on SIGTERM it closes the
 * store so nothing written is lost. Arguments: store file, port.
 */
public final class MongoMain {

    private MongoMain() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB wire protocol on 127.0.0.1:" + port + ", data in " + file);
    }
}
