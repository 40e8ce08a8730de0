package org.yiwang.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Work that must happen once in the cluster, not once per node (the audit sealer, result pollers, purges, and the
 * operations module's time limits later): db-scheduler on the application's own PostgreSQL (table
 * {@code scheduled_tasks}, migration {@code platform/V46_1}). Every node runs a scheduler; each due execution is
 * claimed by exactly one of them ({@code FOR UPDATE SKIP LOCKED}), and one that dies mid-run is picked up by
 * another after its missed heartbeats.
 *
 * <p>A module contributes a task as a bean: a {@code RecurringTask} ({@code Tasks.recurring(name, schedule)}) is
 * scheduled at start, any other {@code Task} (a one-time task such as a time limit) is known so that
 * the {@code SchedulerClient} bean can schedule instances of it, in the caller's transaction.
 *
 * <p>Configured here from db-scheduler's core rather than through its Spring Boot starter: the starter (16.7.1) is
 * built against Boot 3 and names Boot 3's auto-configuration classes (data source ordering, health, metrics), which
 * Boot 4 moved, so with a server data source it could silently create no scheduler at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerConfiguration.Settings.class)
class SchedulerConfiguration {

    /**
     * {@code yiwang.scheduler.*}
     *
     * @param pollingInterval how often each node looks for due executions (a recurring task's delay is counted from
     *                        its last completion, so it may run up to this much later)
     * @param heartbeat       how often a running execution proves its node alive; after 6 missed ones another node
     *                        takes it over
     */
    @ConfigurationProperties("yiwang.scheduler")
    record Settings(@DefaultValue("1s") Duration pollingInterval, @DefaultValue("4") int threads,
                    @DefaultValue("10s") Duration heartbeat, @DefaultValue("10s") Duration shutdownMaxWait) {}

    /**
     * Schedules instances of the contributed tasks (a time limit, say) in the caller's transaction: the row is
     * written through a transaction-aware data source, so it commits or rolls back with the work that asked for it.
     */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> contributed) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource),
                contributed.orderedStream().toList()).build();
    }

    /**
     * Starts a scheduler once the application is up (migrations done) and stops it before the data source closes.
     * A stopped db-scheduler cannot start again, so every start builds a new one: the test framework stops the
     * lifecycle of a cached context it pauses and starts it again when a test needs that context.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(DataSource dataSource, ObjectProvider<Task<?>> contributed, Settings settings,
                                      MeterRegistry meters) {
        return new SmartLifecycle() {
            private volatile Scheduler running;

            @Override
            public synchronized void start() {
                if (running == null) {
                    running = scheduler(dataSource, contributed.orderedStream().toList(), settings, meters);
                    running.start();
                }
            }

            @Override
            public synchronized void stop() {
                if (running != null) {
                    running.stop();
                    running = null;
                }
            }

            @Override
            public boolean isRunning() {
                return running != null;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Settings settings,
                                       MeterRegistry meters) {
        List<Task<?>> known = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        List startup = tasks.stream().filter(task -> task instanceof OnStartup).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(startup)
                .schedulerName(new SchedulerName.Fixed(nodeName()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(settings.heartbeat())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enableImmediateExecution()
                .statsRegistry(new MicrometerStatsRegistry(meters, tasks))
                .build();
    }

    /** The host, the process and a random part: two nodes in one JVM (a test) or on one host still differ. */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
