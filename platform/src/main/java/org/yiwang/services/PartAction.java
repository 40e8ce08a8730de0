package org.yiwang.services;

/** What a department (or its system, or an automatic rule) or the applicant does to a part. */
public enum PartAction {
    /** 受理 */
    ACCEPT,
    /** 退回补正: the applicant corrects only the questioned elements */
    RETURN,
    /** 准予许可: issues the item's result license */
    APPROVE,
    /** 不予许可 */
    REJECT,
    /** the applicant sends the corrected part back */
    RESUBMIT
}
