package org.voarchive.account;

/**
 * A request about a user's sessions or tokens that cannot be done as asked, with the HTTP status that says
 * why (400: a bad value, named; 404: no such token of the caller's, or no such user any more; 409: a name
 * taken or the limit reached). Unchecked, so that it rolls back the transaction it leaves
 * ({@link org.voarchive.database.Transactions}); the beans that throw it are CDI beans, so it reaches the
 * resource as it is.
 */
public class AccountRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public AccountRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
