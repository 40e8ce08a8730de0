package org.yiwang.licenses;

import java.time.LocalDate;

/**
 * The public answer about a license: only what the license itself shows, with the holder masked.
 *
 * @param licenseId   the identifier asked about
 * @param result      the verdict
 * @param typeName    license type name, {@code null} when unknown
 * @param issuer      issuing department name, {@code null} when unknown
 * @param holderName  holder's name masked, {@code null} when unknown
 * @param validUntil  last valid day or {@code null}
 */
public record Verification(String licenseId, Result result, String typeName, String issuer, String holderName,
                           LocalDate validUntil) {

    /** {@code FORGED}: the identifier's check character or the signature does not match what the issuer signed. */
    public enum Result { VALID, REVOKED, SUPERSEDED, EXPIRED, FORGED, UNKNOWN }
}
