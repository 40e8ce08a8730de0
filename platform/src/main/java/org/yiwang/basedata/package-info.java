/**
 * Base data (基础库): persons, legal entities and houses — current values with provenance, an append-only change
 * history, authority resolution with recorded conflicts, encrypted identifiers, bulk import — and the one
 * policy-checked, audited read path ({@link org.yiwang.basedata.PersonalData}) and write path
 * ({@link org.yiwang.basedata.Facts}) every other module uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base data",
        allowedDependencies = {"audit", "catalog", "directory", "kernel"})
package org.yiwang.basedata;
