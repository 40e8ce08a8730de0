package org.yiwang.basedata.internal;

import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;

/** Answers "is the actor the data subject (or its representative)?" and gives audit keys for subjects. */
@Component
class SubjectAccess {

    private final ValueCodec codec;

    SubjectAccess(ValueCodec codec) {
        this.codec = codec;
    }

    /** The subject themself: the person, the enterprise's user or legal representative, the house's owner. */
    boolean isSelf(Actor actor, SubjectKind kind, String key, byte[] refIdx) {
        return switch (kind) {
            case PERSON -> actor.citizenId() != null && actor.citizenId().value().equals(key);
            case LEGAL_ENTITY -> actor.creditCodes().contains(new CreditCode(key)) || isReferenced(actor, refIdx);
            case HOUSE -> isReferenced(actor, refIdx);
        };
    }

    private boolean isReferenced(Actor actor, byte[] refIdx) {
        return actor.citizenId() != null && refIdx != null
                && Arrays.equals(refIdx, codec.index(actor.citizenId().value()));
    }

    /** The key the audit log files a subject under: a blind index for persons, the plain code otherwise. */
    String auditKey(SubjectKind kind, String key) {
        return kind == SubjectKind.PERSON ? codec.indexHex(key) : key;
    }
}
