package org.yiwang.licenses;

import java.util.List;
import java.util.Optional;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;

/** Electronic licenses as the other modules see them. */
public interface Licenses {

    List<LicenseType> types();

    Optional<LicenseType> type(String code);

    /**
     * Issues (and signs) a license and writes the facts it states into the base as authoritative values of the
     * issuing department, in one transaction.
     *
     * @throws AccessDeniedProblem   when the actor is not of the issuing department (system actors of it included)
     * @throws InvalidInputException unknown type, holder type mismatch, invalid key or field value, replacing a
     *                               license that is not valid or not the same holder and type
     */
    License issue(Actor issuer, IssueRequest request);

    /** @throws AccessDeniedProblem unless the actor is of the issuing department */
    License revoke(Actor actor, String licenseId, String reason);

    /** The valid (current, unexpired, unrevoked) licenses the holder has, newest first. */
    List<License> heldBy(SubjectType holderType, String holderKey);

    /** @throws NotFoundProblem when there is no such license */
    License require(String licenseId);

    /** Valid / revoked / superseded / expired / forged / unknown, recomputing the signature. */
    Verification verify(String licenseId);
}
