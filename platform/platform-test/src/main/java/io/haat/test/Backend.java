package io.haat.test;

/** Where PostgreSQL, Kafka and MongoDB come from: in-process (default) or Testcontainers. */
interface Backend {

    Running<TestPostgres> startPostgres() throws Exception;

    /** Returns the Kafka bootstrap servers. */
    Running<String> startKafka() throws Exception;

    /** Returns the MongoDB connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    Running<String> startMongo() throws Exception;

}
