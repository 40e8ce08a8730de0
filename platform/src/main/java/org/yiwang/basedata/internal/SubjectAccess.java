package org.yiwang.basedata.internal;

import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.yiwang.audit.AuditEntry;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.FieldCipher;

/** Answers "is the actor the data subject (or its representative)?" and gives audit keys for subjects. */
@Component
class SubjectAccess {

    private final ValueCodec codec;
    private final FieldCipher cipher;

    SubjectAccess(ValueCodec codec, FieldCipher cipher) {
        this.codec = codec;
        this.cipher = cipher;
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

    /** The key the audit log files a subject under: the audit's person key, the plain code otherwise. */
    String auditKey(SubjectKind kind, String key) {
        return kind == SubjectKind.PERSON ? personKey(key) : key;
    }

    /** Where a resident finds the uses of their data (see the audit's data-usage view). */
    String personKey(String citizenId) {
        return AuditEntry.personKey(cipher, new CitizenId(citizenId));
    }
}
