package io.haat.platform.feign;

/** The downstream service failed (5xx), or was unreachable after the allowed retries. */
public final class RemoteServerErrorException extends RemoteServiceException {

    public RemoteServerErrorException(int status, String method, String url, RemoteProblem problem) {
        super(status, method, url, problem);
    }
}
