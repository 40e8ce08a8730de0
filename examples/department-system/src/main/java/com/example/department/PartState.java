package com.example.department;

import java.time.Instant;

/** Where a part stands in yiwang, as this system last learnt it (public: the page template reads it). */
public record PartState(String status, Instant at) {

    /** Approved or rejected: final, nothing left to do here. */
    public boolean decided() {
        return "APPROVED".equals(status) || "REJECTED".equals(status);
    }
}
