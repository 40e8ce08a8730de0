package org.yiwang.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;

/** The audit module's menu entries, its sealing schedule and its gauge. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    private final JdbcAuditChain chain;

    AuditConfiguration(JdbcAuditChain chain, MeterRegistry meters) {
        this.chain = chain;
        Gauge.builder("yiwang.audit.unsealed", this, AuditConfiguration::unsealedOrNaN)
                .description("Audit records not yet linked into the hash chain")
                .register(meters);
    }

    @Bean
    MenuItem dataUsageMenuItem() {
        return new MenuItem("audit.menu.dataUsage", "/me/data-usage", Set.of(Role.RESIDENT, Role.ENTERPRISE), 20);
    }

    @Bean
    MenuItem auditMenuItem() {
        return new MenuItem("audit.menu.audit", "/audit", Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN), 90);
    }

    /** Once in the cluster (db-scheduler): one node seals at a time, the others leave the chain to it. */
    @Bean
    RecurringTask<Void> auditSealTask(@Value("${yiwang.audit.seal-interval:1s}") Duration interval) {
        return Tasks.recurring("audit-seal", Schedules.fixedDelay(interval)).execute((instance, context) -> seal());
    }

    void seal() {
        try {
            int sealed = chain.sealPending();
            if (sealed > 0) {
                log.debug("Sealed {} audit records", sealed);
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the audit chain failed; retrying at the next run", e);
        }
    }

    private double unsealedOrNaN() {
        try {
            return chain.unsealed();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
