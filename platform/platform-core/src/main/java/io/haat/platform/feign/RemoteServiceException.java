package io.haat.platform.feign;

/**
 * A downstream service answered a Feign call with an error status. Thrown by {@link ProblemErrorDecoder};
 * catch the subclass you can handle ({@link RemoteNotFoundException}...), let the rest reach the problem
 * handler, which answers 404/409/422 as the downstream did, 503 for a 5xx and 502 for other 4xx.
 */
public abstract sealed class RemoteServiceException extends RuntimeException
        permits RemoteNotFoundException, RemoteConflictException, RemoteUnprocessableException,
        RemoteClientErrorException, RemoteServerErrorException {

    private final int status;
    private final String method;
    private final String url;
    private final RemoteProblem problem;

    protected RemoteServiceException(int status, String method, String url, RemoteProblem problem) {
        super(method + " " + url + " answered " + status
                + (problem.detail() != null ? ": " + problem.detail() : ""));
        this.status = status;
        this.method = method;
        this.url = url;
        this.problem = problem;
    }

    /** The HTTP status the downstream service answered with. */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public RemoteProblem problem() {
        return problem;
    }
}
