package org.yiwang.licenses.internal;

import java.util.Optional;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.LicenseType;

/**
 * A license type with what only this module needs: the number code in identifiers, and — for a license whose
 * element fields describe another subject than its holder (a property certificate describes a house) — the field
 * naming that subject and the elements recording the holder as its owner; and whether one holder may hold several
 * valid licenses of the type at once (a person may own several houses), else one valid license per holder.
 */
record TypeDefinition(LicenseType type, String numberCode, String subjectField, String ownerElement,
                      String ownerNameElement, boolean multiplePerHolder) {

    Optional<LicenseField> field(String name) {
        return type.fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
