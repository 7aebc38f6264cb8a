package io.haat.platform.messaging;

import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.haat.platform.feign.RemoteServerErrorException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures of the infrastructure under a service, not of the work itself: the database unreachable or restarting, a
 * connection dropped, no connection to be had in time; another service unreachable, its circuit open, or answering
 * 502/503/504 ("try again": its own database is restarting, or it has no instance up). Retrying the same work later succeeds once it is back, so a
 * consumer must not give up on a message for them (it would land in the dead-letter topic and not be applied) and an
 * HTTP call is answered 503 ("try again"), not 500.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /** Whether {@code error} or one of its causes is such a failure. */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause instanceof RetryableException || cause instanceof CallNotPermittedException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isTransient(rollback.getApplicationException())) {
                // the database went away mid-transaction, then the rollback failed on the dead connection too
                // ("JDBC rollback failed: Connection is closed"): the first failure is the one that tells
                return true;
            }
            if (cause instanceof TransactionSystemException failed && failed.getApplicationException() == null
                    && failed.getCause() instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                // the commit failed on a connection the database dropped (logged by Spring as "Commit exception
                // overridden by rollback exception"), then the rollback met Hikari's closed connection, which has
                // no SQLState: no work of the request's failed, its database did
                return true;
            }
            if (cause instanceof RemoteServerErrorException remote
                    && (remote.status() == 502 || remote.status() == 503 || remote.status() == 504)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; the server shutting down or restarting (PostgreSQL)
            }
        }
        return false;
    }
}
