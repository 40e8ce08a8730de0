package org.yiwang.audit;

import java.util.List;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.SubjectType;

/**
 * One use of personal data, as recorded.
 *
 * @param actor          who acted (user or API client)
 * @param action         {@code READ} or {@code WRITE}
 * @param purpose        the declared purpose or service item code
 * @param subjectType    kind of subject
 * @param subjectKey     the subject's stable non-identifying key: the blind index (hex) of its citizen ID, or
 *                       the credit code / house code for non-personal subjects
 * @param subjectDisplay what may be shown of the subject (masked ID, credit code)
 * @param elements       the data element codes concerned
 * @param allowed        whether the use was allowed
 * @param reason         the decision's reason code (see the catalog's SharingDecision), or a rule name
 */
public record AuditEntry(Actor actor, Action action, String purpose, SubjectType subjectType, String subjectKey,
                         String subjectDisplay, List<String> elements, boolean allowed, String reason) {

    public enum Action { READ, WRITE }

    /**
     * The subject key of a person: the blind index (hex) of their citizen ID. Use this everywhere a person is
     * audited, so that the person's own view ({@code /me/data-usage}) finds the record.
     */
    public static String personKey(FieldCipher cipher, CitizenId citizenId) {
        return cipher.blindIndexHex(citizenId.value());
    }

    public AuditEntry {
        java.util.Objects.requireNonNull(actor, "actor");
        java.util.Objects.requireNonNull(action, "action");
        java.util.Objects.requireNonNull(subjectType, "subjectType");
        java.util.Objects.requireNonNull(subjectKey, "subjectKey");
        elements = elements == null ? List.of() : List.copyOf(elements);
    }
}
