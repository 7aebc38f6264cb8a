package io.haat.platform.feign;

/** The downstream service rejected the call with another 4xx (400, 401, 403...): a bug or misconfiguration on the calling side. */
public final class RemoteClientErrorException extends RemoteServiceException {

    public RemoteClientErrorException(int status, String method, String url, RemoteProblem problem) {
        super(status, method, url, problem);
    }
}
