package org.yiwang.services.internal.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.NotFoundProblem;

/**
 * What applicants see of their applications: those made for them (by themselves, their enterprise's agents or a
 * window clerk), and the ones a clerk entered, for that clerk.
 */
@Service
class MyApplications {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ApplicationStore store;
    private final PartValues values;
    private final PartWorkflow workflow;
    private final Notifications notifications;

    MyApplications(ApplicationStore store, PartValues values, PartWorkflow workflow, Notifications notifications) {
        this.store = store;
        this.values = values;
        this.workflow = workflow;
        this.notifications = notifications;
    }

    /** The blind indexes of the subjects the actor applies as: themself and the enterprises they act for. */
    List<byte[]> identities(Actor actor) {
        List<byte[]> ids = new ArrayList<>();
        if (actor.citizenId() != null) ids.add(values.index(actor.citizenId().value()));
        for (CreditCode c : actor.creditCodes()) ids.add(values.index(c.value()));
        return ids;
    }

    @Transactional(readOnly = true)
    List<ApplicationStore.ApplicationRow> list(Actor actor) {
        return store.applicationsOf(identities(actor));
    }

    @Transactional(readOnly = true)
    ApplicationView view(Actor actor, UUID id) {
        ApplicationStore.ApplicationRow a = accessible(actor, id);
        List<ApplicationStore.Event> events = store.events(id);
        LocalDate today = LocalDate.now(SHANGHAI);
        List<ApplicationView.PartView> parts = store.parts(id).stream().map(p -> new ApplicationView.PartView(p,
                values.open(p.valuesEnc()), values.materials(p.materials()),
                events.stream().filter(e -> e.partId().equals(p.id())).toList(),
                WorkingDays.remaining(today, p.dueOn()))).toList();
        return new ApplicationView(a, parts);
    }

    @Transactional
    ApplicationStore.PartRow resubmit(Actor actor, UUID application, UUID part, Map<String, String> corrected) {
        return workflow.resubmit(actor, accessible(actor, application), part, corrected);
    }

    List<Notifications.Notice> notices(Actor actor) {
        return notifications.of(identities(actor));
    }

    void markRead(Actor actor) {
        notifications.markRead(identities(actor));
    }

    /** The applicant, or the clerk who entered it; anyone else learns nothing, not even that it exists. */
    private ApplicationStore.ApplicationRow accessible(Actor actor, UUID id) {
        return store.application(id)
                .filter(a -> a.submittedBy().equals(actor.username()) || store.isApplicant(id, identities(actor)))
                .orElseThrow(() -> new NotFoundProblem("application", "没有该办件 / no such application"));
    }
}
