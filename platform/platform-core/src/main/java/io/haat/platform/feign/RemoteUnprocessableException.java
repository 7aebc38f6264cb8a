package io.haat.platform.feign;

/** The downstream service answered 422: the request broke one of its business rules. */
public final class RemoteUnprocessableException extends RemoteServiceException {

    public RemoteUnprocessableException(int status, String method, String url, RemoteProblem problem) {
        super(status, method, url, problem);
    }
}
