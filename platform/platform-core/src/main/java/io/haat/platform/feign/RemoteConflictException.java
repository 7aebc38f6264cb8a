package io.haat.platform.feign;

/** The downstream service answered 409 Conflict. */
public final class RemoteConflictException extends RemoteServiceException {

    public RemoteConflictException(int status, String method, String url, RemoteProblem problem) {
        super(status, method, url, problem);
    }
}
