package org.yiwang.basedata;

import java.time.Instant;
import java.util.List;

/**
 * Everything a reader may see of one subject: current values with provenance, the change history and open
 * conflicts — each limited to the elements the sharing policy allows and masked the same way.
 */
public record Dossier(SubjectView current, List<HistoryEntry> history, List<ConflictView> conflicts) {

    /** One accepted write: which elements changed from what to what, by whom and how. */
    public record HistoryEntry(Instant at, String sourceDepartment, Method method, String actor, String purpose,
                               String reason, List<ValueChange> changes) {}

    public record ValueChange(String element, String oldValue, String newValue) {}

    /** A value that lost to the current one and waits for a data administrator. */
    public record ConflictView(long id, String element, String offeredValue, Provenance offered, Provenance current) {}
}
