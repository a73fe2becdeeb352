package org.voarchive.uws;

/**
 * A UWS request the service refuses, with the HTTP status UWS 1.1 gives it:
 * 404 for a job that does not exist, 403 for another owner's job or a change
 * the job's phase does not allow, 401 when credentials would help, 400 for bad values.
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
