package org.yiwang.basedata.internal;

import java.time.Instant;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.Provenance;

/**
 * A current value as kept in {@code attrs}: the value (ciphertext for encrypted elements) with its provenance.
 * Short property names keep the jsonb of 25M persons small.
 */
record StoredValue(String v, String s, String m, String t) {

    static StoredValue of(String value, Provenance provenance) {
        return new StoredValue(value, provenance.sourceDepartment(), provenance.method().name(),
                provenance.at().toString());
    }

    Provenance provenance() {
        return new Provenance(s, Method.valueOf(m), Instant.parse(t));
    }
}
