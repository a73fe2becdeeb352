package org.voarchive.usertables;

import jakarta.servlet.http.HttpServletRequest;
import org.voarchive.metadata.Caller;
import org.voarchive.web.CallerName;

/** The signed-in caller every write on personal tables needs (the one lookup: {@code web.CallerAuthentication}). */
public final class TableCallers {

    private TableCallers() {
    }

    /**
     * @throws TableRequestException 401 for an anonymous request (mapped with the Basic challenge)
     */
    public static Caller signedIn(HttpServletRequest request) {
        return CallerName.authenticated(request).map(CallerName.Authenticated::caller)
            .orElseThrow(TableCallers::anonymous);
    }

    /** The refusal of an anonymous write. */
    static TableRequestException anonymous() {
        return new TableRequestException(401, "personal tables are their owners': sign in (HTTP Basic with your "
            + "password or a personal token, or a Bearer token)");
    }

    /** The caller, anonymous if nobody signed in (reads of shared tables). */
    public static Caller of(HttpServletRequest request) {
        return CallerName.authenticated(request).map(CallerName.Authenticated::caller).orElse(Caller.ANONYMOUS);
    }
}
