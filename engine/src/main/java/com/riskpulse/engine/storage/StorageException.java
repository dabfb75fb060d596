package com.riskpulse.engine.storage;

import java.sql.SQLException;

/**
 * A database could not be opened, or a storage operation failed. Unchecked, because callers can rarely
 * do more than report it; the message names what was attempted and never contains a password.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps an SQL failure; PostgreSQL hides the real reason of a failed batch in the next exception. */
    public static StorageException of(String attempted, SQLException e) {
        StringBuilder message = new StringBuilder(attempted).append(" failed: ").append(e.getMessage());
        SQLException next = e.getNextException();
        if (next != null && next.getMessage() != null && !next.getMessage().equals(e.getMessage())) {
            message.append(" (").append(next.getMessage()).append(')');
        }
        return new StorageException(message.toString(), e);
    }
}
