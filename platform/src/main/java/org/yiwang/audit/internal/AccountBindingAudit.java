package org.yiwang.audit.internal;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.directory.AccountBinding;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.SubjectType;

/**
 * An administrator's request or approval of a resident account's binding is an admin use of the person's ID
 * number: recorded in the chain, in the action's transaction (a synchronous listener), and visible to the person.
 */
@Component
class AccountBindingAudit {

    static final String PURPOSE = "ACCOUNT_BINDING";

    private final AuditLog audit;
    private final FieldCipher cipher;

    AccountBindingAudit(AuditLog audit, FieldCipher cipher) {
        this.audit = audit;
        this.cipher = cipher;
    }

    @EventListener
    void on(AccountBinding binding) {
        audit.record(new AuditEntry(binding.admin(), AuditEntry.Action.WRITE, PURPOSE, SubjectType.PERSON,
                AuditEntry.personKey(cipher, binding.citizenId()), binding.citizenId().masked(),
                List.of(), true, "BINDING_" + binding.step().name()));
    }
}
