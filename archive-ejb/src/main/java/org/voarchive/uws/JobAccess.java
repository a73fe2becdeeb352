package org.voarchive.uws;

import java.util.Objects;

/**
 * Who may see and change a job: its owner; anonymous jobs anyone holding
 * their id. Without credentials, an owned job answers 401 (log in); with
 * another user's, 403.
 */
public final class JobAccess {

    private JobAccess() {
    }

    public static Job check(Job job, String caller) throws UwsException {
        if (job.ownerId() == null || Objects.equals(job.ownerId(), caller)) {
            return job;
        }
        if (caller == null) {
            throw new UwsException(401, "job " + job.id() + " belongs to a user: authenticate to see it");
        }
        throw new UwsException(403, "job " + job.id() + " belongs to another user");
    }
}
