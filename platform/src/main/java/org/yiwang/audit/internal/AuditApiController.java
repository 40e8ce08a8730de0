package org.yiwang.audit.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.audit.AuditChain;
import org.yiwang.audit.ChainVerification;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.ViolationTexts;

/** The audit log over REST: chain verification, the data administrator's search, and a subject's own log. */
@RestController
@RequestMapping("/api/v1")
class AuditApiController {

    private final AuditChain chain;
    private final AuditQueries queries;
    private final FieldCipher cipher;
    private final ViolationTexts texts;

    AuditApiController(AuditChain chain, AuditQueries queries, FieldCipher cipher, ViolationTexts texts) {
        this.chain = chain;
        this.queries = queries;
        this.cipher = cipher;
        this.texts = texts;
    }

    /** Walks the whole chain and reports the first broken link. */
    @PostMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
    ChainVerification verify() {
        return chain.verify();
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
    ChainVerification verifyByGet() {
        return chain.verify();
    }

    /**
     * Searches the audit log. {@code subjectKey} takes a citizen ID (matched through its blind index), a credit
     * code, a house code or a raw subject key; an 18-digit string is searched as each of ID number and credit code
     * whose check character holds, and a malformed identifier is a 400 problem ({@code subject-format},
     * {@code check-digit}), never searched for.
     */
    @GetMapping("/audit/records")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    Page<AuditRecordView> records(@RequestParam(required = false) String subjectKey,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String department,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.search(AuditSearch.parse(cipher, texts, queries.zone(), subjectKey, actor, department, from, to,
                page, size));
    }

    /** 我的数据使用记录: every recorded use of the signed-in resident's or enterprise's data, newest first. */
    @GetMapping("/me/data-usage")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE')")
    Page<DataUsage> dataUsage(Actor actor, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        AuditSearch paging = AuditSearch.parse(cipher, texts, queries.zone(), null, null, null, null, null, page, size);
        return queries.dataUsage(actor, paging.page(), paging.size());
    }
}
