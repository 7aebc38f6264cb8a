package io.haat.platform.feign;

/** The downstream service answered 404 Not Found. */
public final class RemoteNotFoundException extends RemoteServiceException {

    public RemoteNotFoundException(int status, String method, String url, RemoteProblem problem) {
        super(status, method, url, problem);
    }
}
