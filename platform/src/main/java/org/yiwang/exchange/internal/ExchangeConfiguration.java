package org.yiwang.exchange.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.CitySettings;

/**
 * The exchange's cluster-once jobs (db-scheduler, see the platform's scheduler): reading results from department
 * tables and folders, and purging delivered rows. The outbox drain ({@link DeliveryEngine}) stays on every node:
 * each claims its own batch with {@code SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
class ExchangeConfiguration {

    @Bean
    RecurringTask<Void> exchangeResultPollTask(ResultPoller poller, ExchangeProperties properties) {
        return Tasks.recurring("exchange-result-poll", Schedules.fixedDelay(properties.resultPoll()))
                .execute((instance, context) -> poller.poll());
    }

    @Bean
    RecurringTask<Void> exchangePurgeTask(Operations operations, CitySettings city,
            @Value("${yiwang.exchange.purge-cron:0 30 3 * * *}") String cron) {
        return Tasks.recurring("exchange-purge", Schedules.cron(cron, city.zone()))
                .execute((instance, context) -> operations.purge());
    }
}
