package org.yiwang.catalog;

import org.yiwang.kernel.SubjectType;

/**
 * A data element (数据元).
 *
 * @param code        stable identifier, e.g. {@code person.gender}
 * @param nameZh      Chinese name
 * @param nameEn      English name
 * @param subjectType the kind of subject it describes
 * @param type        value type
 * @param formatRule  optional regular expression the value must match
 * @param maxLength   maximum length of the value as text
 * @param codeTable   code table the value must be taken from, or {@code null}
 * @param sensitivity 1 public, 2 internal, 3 sensitive, 4 highly sensitive (personal identifiers)
 */
public record DataElement(String code, String nameZh, String nameEn, SubjectType subjectType, ValueType type,
                          String formatRule, int maxLength, String codeTable, int sensitivity) {

    public enum ValueType { STRING, INTEGER, DECIMAL, DATE, CODE, CITIZEN_ID, CREDIT_CODE, PHONE, DIVISION }

    /** Identifiers that are encrypted at rest and looked up through a blind index. */
    public boolean encryptedAtRest() {
        return type == ValueType.CITIZEN_ID || type == ValueType.PHONE;
    }

    /** Sensitive values are shown masked unless the demand entry grants them in clear. */
    public boolean sensitive() {
        return sensitivity >= 3;
    }
}
