package org.yiwang.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.audit.AuditChain;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.ViolationTexts;

/** Pages: 我的数据使用记录 for residents and enterprises; the audit log search and chain check for administrators. */
@Controller
class AuditPageController {

    private final AuditChain chain;
    private final AuditQueries queries;
    private final FieldCipher cipher;
    private final ViolationTexts texts;

    AuditPageController(AuditChain chain, AuditQueries queries, FieldCipher cipher, ViolationTexts texts) {
        this.chain = chain;
        this.queries = queries;
        this.cipher = cipher;
        this.texts = texts;
    }

    @GetMapping("/me/data-usage")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE')")
    String dataUsage(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("usage", queries.dataUsage(actor, Math.max(page, 0), 20));
        return "audit/data-usage";
    }

    /** Data administrators search; system administrators only check the chain (separation of duties). */
    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
    String audit(Actor actor, @RequestParam(required = false) String subjectKey,
            @RequestParam(required = false) String actorName, @RequestParam(required = false) String department,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, Model model) {
        boolean canSearch = actor.role() == Role.DATA_ADMIN;
        model.addAttribute("canSearch", canSearch);
        if (canSearch) {
            try {
                model.addAttribute("results", queries.search(AuditSearch.parse(cipher, texts, queries.zone(), subjectKey,
                        actorName, department, from, to, page, 20)));
            } catch (InvalidInputException e) {
                // nothing is searched; each message goes beside its field
                Map<String, String> errors = new LinkedHashMap<>();
                texts.localise(e.violations()).forEach(v -> errors.merge(v.field(), v.detail(), (a, b) -> a + ";" + b));
                model.addAttribute("errors", errors);
            }
        }
        return "audit/audit";
    }

    /** Verifies the chain: htmx gets the result fragment, a plain form post (no JavaScript) the whole page. */
    @PostMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
    String verify(Actor actor, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("verification", chain.verify());
        if (htmx != null) {
            return "audit/audit :: verification";
        }
        model.addAttribute("canSearch", false);
        return "audit/audit";
    }
}
