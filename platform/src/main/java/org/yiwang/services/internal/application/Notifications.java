package org.yiwang.services.internal.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitySettings;
import org.yiwang.kernel.SubjectType;
import org.yiwang.services.PartStatus;
import org.yiwang.services.PartStatusChanged;
import org.yiwang.services.SmsGateway;

/**
 * Tells applicants what happened, in the page and by SMS. Runs after the change committed (Modulith's event
 * publication registry retries it after a crash); the phone number is read through the audited read path under
 * the purpose SERVICE_NOTIFICATION, so the applicant sees that use too.
 */
@Component
class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** Notices and SMS go out in Chinese, whatever language the officer's page was in. */
    private static final Locale NOTICE_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final PartValues values;
    private final PersonalData personalData;
    private final SmsGateway sms;
    private final MessageSource messages;
    private final Clock clock;
    private final Actor notifier;

    Notifications(JdbcClient jdbc, ApplicationStore store, PartValues values, PersonalData personalData,
                  SmsGateway sms, MessageSource messages, Clock clock, CitySettings city) {
        this.jdbc = jdbc;
        this.store = store;
        this.values = values;
        this.personalData = personalData;
        this.sms = sms;
        this.messages = messages;
        this.clock = clock;
        this.notifier = Actor.system(city.serviceCentre());
    }

    record Notice(long id, UUID applicationId, String message, Instant createdAt, boolean read) {}

    @ApplicationModuleListener
    void on(ApplicationSubmitted event) {
        store.application(event.applicationId()).ifPresent(a -> notify(a,
                text("services.notice.submitted", a.targetName(), a.reference())));
    }

    @ApplicationModuleListener
    void on(PartStatusChanged event) {
        if (event.to() == PartStatus.SUBMITTED) return; // a resubmission the applicant made themself
        store.application(event.applicationId()).ifPresent(a -> {
            String item = store.part(event.partId(), false).map(ApplicationStore.PartRow::itemName).orElse("");
            notify(a, text("services.notice." + event.to().name(), a.reference(), item));
        });
    }

    private void notify(ApplicationStore.ApplicationRow a, String message) {
        String key = values.openKey(a.applicantEnc());
        jdbc.sql("INSERT INTO services_notification (recipient_idx, application_id, message, created_at) VALUES (?, ?, ?, ?)")
                .params(values.index(key), a.id(), message, Timestamp.from(clock.instant())).update();
        String phone = phone(a.applicantType(), key);
        if (phone != null) sms.send(phone, text("services.notice.sms", message));
        else log.info("No phone on file for the applicant of {}; page notice only", a.reference());
    }

    private String phone(SubjectType type, String key) {
        String element = type == SubjectType.PERSON ? "person.phone" : "entity.phone";
        SubjectView view = personalData.read(notifier, new ReadRequest(new SubjectRef(type, key), List.of(element),
                "SERVICE_NOTIFICATION", true));
        var value = view.values().get(element);
        return value == null || value.masked() ? null : value.value();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, NOTICE_LANGUAGE);
    }

    List<Notice> of(Collection<byte[]> recipientIdx) {
        if (recipientIdx.isEmpty()) return List.of();
        return jdbc.sql("""
                SELECT id, application_id, message, created_at, read_at IS NOT NULL FROM services_notification
                 WHERE recipient_idx = ANY(?) ORDER BY created_at DESC, id DESC LIMIT 50""")
                .param(recipientIdx.toArray(byte[][]::new))
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
    }

    void markRead(Collection<byte[]> recipientIdx) {
        if (recipientIdx.isEmpty()) return;
        jdbc.sql("UPDATE services_notification SET read_at = ? WHERE recipient_idx = ANY(?) AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), recipientIdx.toArray(byte[][]::new)).update();
    }
}
