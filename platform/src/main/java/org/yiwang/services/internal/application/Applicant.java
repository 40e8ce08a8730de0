package org.yiwang.services.internal.application;

import org.yiwang.basedata.SubjectRef;

/**
 * Who an application is for and how it came in.
 *
 * @param subject the person or legal entity applying
 * @param channel ONLINE (the applicant or their representative) or WINDOW (a clerk on their behalf)
 */
record Applicant(SubjectRef subject, Channel channel) {

    enum Channel { ONLINE, WINDOW }

    /** Reads at the window are audited under the clerk's purpose; online ones under the target's. */
    String readPurpose(Target target) {
        return channel == Channel.WINDOW ? "WINDOW_SERVICE" : target.readPurpose();
    }
}
