package org.yiwang.services.internal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * What applicants see of their applications: those made for them (by themselves, their enterprise's agents or a
 * window clerk), and the ones a clerk entered, for that clerk.
 */
@Service
class MyApplications {

    private final ApplicationStore store;
    private final PartValues values;
    private final PartWorkflow workflow;
    private final Notifications notifications;
    private final Clock clock;
    private final Applicants applicants;
    private final ServiceCatalog services;

    MyApplications(ApplicationStore store, PartValues values, PartWorkflow workflow, Notifications notifications,
                   Clock clock, Applicants applicants, ServiceCatalog services) {
        this.clock = clock;
        this.applicants = applicants;
        this.services = services;
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
        LocalDate today = LocalDate.now(clock);
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

    /**
     * The applicant, or a clerk of the service centre whose window entered it; anyone else learns nothing, not even
     * that it exists.
     */
    ApplicationStore.ApplicationRow accessible(Actor actor, UUID id) {
        return store.application(id)
                .filter(a -> a.submittedBy().equals(actor.username()) || store.isApplicant(id, identities(actor))
                        || (actor.role() == Role.WINDOW_CLERK && actor.departmentCode() != null
                            && store.enteredAt(id).map(actor.departmentCode()::equals).orElse(false)))
                .orElseThrow(() -> new NotFoundProblem("application", "没有该办件"));
    }

    /**
     * The undecided application the applicant already has for one of the target's items, if any — asked before
     * the form is filled in vain. For a house the submission decides (the house is chosen on the form).
     */
    @Transactional(readOnly = true)
    Optional<ApplicationStore.InProgress> inProgress(Actor actor, Target.Kind kind, String code, String applicantKey) {
        Target target = Target.resolve(services, kind, code);
        if (target.needsHouse()) return Optional.empty();
        Applicant applicant = applicants.resolve(actor, target.applicantType(), applicantKey);
        return store.inProgress(values.index(applicant.subject().key()),
                target.items().stream().map(ServiceItem::code).toList(), null);
    }

    String applicantKey(ApplicationStore.ApplicationRow a) {
        return values.openKey(a.applicantEnc());
    }

    Map<UUID, String> uploadNames(UUID application) {
        return store.uploadNames(application);
    }

    /** The applications the actor's service centre entered at its window, newest first. */
    @Transactional(readOnly = true)
    List<ApplicationStore.ApplicationRow> enteredAtWindow(Actor actor) {
        return actor.departmentCode() == null ? List.of() : store.enteredAtWindow(actor.departmentCode(), 200);
    }

    /** Each application's overall status, for the list pages. */
    @Transactional(readOnly = true)
    Map<UUID, ApplicationView.Status> statuses(List<ApplicationStore.ApplicationRow> applications) {
        Map<UUID, ApplicationView.Status> out = new java.util.HashMap<>();
        store.partStatuses(applications.stream().map(ApplicationStore.ApplicationRow::id).toList())
                .forEach((id, parts) -> out.put(id, ApplicationView.status(parts)));
        return out;
    }

    /** An upload of the application, for its applicant (or the clerk who entered it). */
    @Transactional(readOnly = true)
    ApplicationStore.Upload upload(Actor actor, UUID application, UUID upload) {
        accessible(actor, application);
        return store.upload(upload).filter(u -> u.applicationId().equals(application))
                .orElseThrow(() -> new NotFoundProblem("upload", "没有该材料"));
    }
}
