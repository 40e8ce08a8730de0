package org.yiwang.services.internal.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yiwang.services.PartStatus;

/** An application as its applicant follows it: the parts per department with their timelines. */
record ApplicationView(ApplicationStore.ApplicationRow application, List<PartView> parts) {

    enum Status { IN_PROGRESS, NEEDS_CORRECTION, COMPLETED, CLOSED }

    /**
     * @param values element → value sent to this department (the applicant's own data)
     */
    record PartView(ApplicationStore.PartRow row, Map<String, String> values, Map<String, String> materials,
                    List<ApplicationStore.Event> timeline, int workingDaysLeft) {

        public LocalDate dueOn() {
            return row.dueOn();
        }
    }

    public Status status() {
        return status(parts.stream().map(p -> p.row().status()).toList());
    }

    /** An application's status from its parts': one returned part needs the applicant; all decided is done. */
    static Status status(List<PartStatus> statuses) {
        if (statuses.contains(PartStatus.RETURNED)) return Status.NEEDS_CORRECTION;
        if (statuses.stream().allMatch(s -> s == PartStatus.APPROVED)) return Status.COMPLETED;
        if (statuses.stream().allMatch(PartStatus::isFinal)) return Status.CLOSED;
        return Status.IN_PROGRESS;
    }
}
