package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    @Test
    void theDatabaseOrAServiceUnreachableIsTransientWhereverItIsWrapped() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("mongo down"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new MalformedEventException("not an envelope", null))).isFalse();
    }
}
