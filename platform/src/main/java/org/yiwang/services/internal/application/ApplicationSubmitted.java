package org.yiwang.services.internal.application;

import java.util.UUID;

/** An application was stored; the applicant gets one notice for all its parts. */
record ApplicationSubmitted(UUID applicationId) {}
