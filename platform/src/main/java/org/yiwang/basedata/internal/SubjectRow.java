package org.yiwang.basedata.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/** A row of {@code basedata_subject}: stored values (identifiers encrypted) and promoted columns. */
record SubjectRow(UUID id, SubjectType type, byte[] keyIdx, String keyDisplay, String divisionCode, String gridCode,
                  LocalDate birthDate, String gender, String status, byte[] phoneIdx, byte[] refIdx,
                  Map<String, StoredValue> attrs, long version) {}
