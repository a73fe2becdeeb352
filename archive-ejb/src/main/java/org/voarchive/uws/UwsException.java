package org.voarchive.uws;

/**
 * A UWS request the service refuses, with the HTTP status UWS 1.1 gives it:
 * 404 for a job that does not exist, 403 for another owner's job, a change
 * the job's phase does not allow or an owner at its cap on PENDING jobs, 401
 * when credentials would help, 400 for bad values, 413 for uploads over the
 * job's limit or the owner's storage quota (the request's content is what is
 * too large: the same request with smaller uploads succeeds).
 */
public class UwsException extends Exception {

    private final int status;

    public UwsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static UwsException notFound(String jobId) {
        return new UwsException(404, "no job " + jobId + " (it may have been destroyed)");
    }

    public static UwsException badRequest(String message) {
        return new UwsException(400, message);
    }

    public int status() {
        return status;
    }
}
