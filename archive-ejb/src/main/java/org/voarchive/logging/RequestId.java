package org.voarchive.logging;

/**
 * The id of the HTTP request (or UWS job) a thread works for, so that every
 * log line and error document of it can be found with one grep. JUL has no
 * diagnostic context, so the id also goes into the thread's name while the
 * work lasts: Payara writes the thread name into each log record
 * (ThreadName in its JSON log format), whichever code logs.
 */
public final class RequestId {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    /** @return the id of the work at hand, or null outside a request or job */
    public static String current() {
        return CURRENT.get();
    }

    /** Ends the work's id on this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** @param id e.g. "r-3f2a9c1b0d4e" for a request, "job-..." for a job */
    public static Scope open(String id) {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        String outer = CURRENT.get();
        CURRENT.set(id);
        thread.setName(name + " [" + id + "]");
        return () -> {
            thread.setName(name);
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }
}
