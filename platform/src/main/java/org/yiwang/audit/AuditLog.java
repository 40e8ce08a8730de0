package org.yiwang.audit;

/**
 * Records uses of personal data. Called inside the caller's transaction, so a use and its record commit or
 * roll back together; denied attempts are recorded in a transaction of their own so that they survive the
 * rollback of the refused command.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Records many uses at once (bulk imports), in the caller's transaction. */
    void recordAll(java.util.List<AuditEntry> entries);

    /** Records a refused use even though the caller's transaction is about to roll back. */
    void recordDenial(AuditEntry entry);
}
