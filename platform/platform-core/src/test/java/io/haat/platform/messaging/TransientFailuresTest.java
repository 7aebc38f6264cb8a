package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.feign.RemoteProblem;
import io.haat.platform.feign.RemoteServerErrorException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
    void anotherServiceSayingTryAgainIsTransientItsRefusalIsNot() {
        // e.g. payment-service's commission look-up while seller-service's database restarts: wrapped by the caller
        assertThat(TransientFailures.isTransient(new IllegalStateException("no commission rule known",
                new RemoteServerErrorException(503, "GET", "http://seller-service/x", RemoteProblem.NONE)))).isTrue();
        assertThat(TransientFailures.isTransient(
                new RemoteServerErrorException(504, "GET", "http://seller-service/x", RemoteProblem.NONE))).isTrue();
        assertThat(TransientFailures.isTransient(
                new RemoteServerErrorException(500, "GET", "http://seller-service/x", RemoteProblem.NONE))).isFalse();
        assertThat(TransientFailures.isTransient(new io.haat.platform.feign.RemoteNotFoundException(404, "GET",
                "http://seller-service/x", RemoteProblem.NONE))).isFalse();
    }

    @Test
    void aRollbackThatFailedAfterTheDatabaseWentAwayIsTransient() {
        // seen in the fault suite: checkout's INSERT failed on a killed PostgreSQL, then the rollback failed as well
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(TransientFailures.isTransient(rollback)).isTrue();

        TransactionSystemException afterABug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("bug"));
        assertThat(TransientFailures.isTransient(afterABug)).isFalse();
    }

    @Test
    void aCommitThatFailedOnADroppedConnectionThenARollbackOnHikarisClosedOneIsTransient() {
        // seen in the fault suite (payment-service, POST /payments answered 500): Spring logs the commit's failure
        // and throws the rollback's, with no application exception and Hikari's closed connection as its cause
        assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
                new SQLException("something else")))).isFalse();
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new MalformedEventException("not an envelope", null))).isFalse();
    }
}
