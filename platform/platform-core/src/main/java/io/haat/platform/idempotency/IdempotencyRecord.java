package io.haat.platform.idempotency;

/** A remembered {@code Idempotency-Key}: which request claimed it and, once completed, its response. */
record IdempotencyRecord(String requestHash, Status status, StoredResponse response) {

    enum Status { IN_PROGRESS, COMPLETED }
}
