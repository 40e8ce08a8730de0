package org.yiwang.services.internal.application;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.services.ServiceCatalog;

/**
 * The applicant's pages: the prefilled form of an item or bundle, the applicant's applications with their
 * timelines, corrections of returned parts; and the window clerk's start page for applying on someone's behalf.
 * Applicant ID numbers travel in POST bodies only, never in URLs.
 */
@Controller
class ApplyPages {

    private static final String VALUE = "v.";
    private static final String FILE = "f.";
    private static final String LICENSE = "l.";

    private final Submissions submissions;
    private final MyApplications mine;
    private final CorrectionRequests corrections;
    private final Applicants applicants;
    private final ServiceCatalog services;
    private final Directory directory;
    private final Catalog catalog;
    private final ReceiptPdf receipts;
    private final ViolationTexts texts;

    ApplyPages(Submissions submissions, MyApplications mine, CorrectionRequests corrections, Applicants applicants,
               ServiceCatalog services, Directory directory, Catalog catalog, ReceiptPdf receipts,
               ViolationTexts texts) {
        this.receipts = receipts;
        this.texts = texts;
        this.submissions = submissions;
        this.mine = mine;
        this.corrections = corrections;
        this.applicants = applicants;
        this.services = services;
        this.directory = directory;
        this.catalog = catalog;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem myApplicationsMenu() {
            return new MenuItem("services.menu.mine", "/me/applications", Set.of(Role.RESIDENT, Role.ENTERPRISE), 12);
        }

        @Bean
        MenuItem windowMenu() {
            return new MenuItem("services.menu.window", "/window", Set.of(Role.WINDOW_CLERK), 30);
        }
    }

    @GetMapping("/apply/{kind}/{code}")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE')")
    String form(Actor actor, @PathVariable String kind, @PathVariable String code,
                @RequestParam(required = false) String applicant, @RequestParam(required = false) String house,
                Model model) {
        try {
            var running = mine.inProgress(actor, kind(kind), code, applicant);
            if (running.isPresent()) return inProgress(running.get(), model);
            return render(actor, kind(kind), code, applicant, house, Map.of(), Map.of(), model);
        } catch (ApplicationInProgress e) {
            return inProgress(e, model);
        } catch (InvalidInputException e) {
            // e.g. a house sale after the house was sold: nothing to apply for, said in words
            model.addAttribute("message", texts.detail(e.violations().get(0)));
            return "services/apply/unavailable";
        }
    }

    private String inProgress(ApplicationStore.InProgress running, Model model) {
        model.addAttribute("message", texts.text("problem.application-in-progress",
                new Object[] {running.reference(), running.itemName()}, running.reference()));
        model.addAttribute("inProgress", running);
        return "services/apply/unavailable";
    }

    private String inProgress(ApplicationInProgress e, Model model) {
        model.addAttribute("message", texts.detail(e.violations().get(0)));
        model.addAttribute("inProgress", new ApplicationStore.InProgress(e.applicationId(), e.reference(), null));
        return "services/apply/unavailable";
    }

    @PostMapping("/window/start")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    String windowStart(Actor actor, @RequestParam(required = false) String target,
                       @RequestParam(required = false) String applicant, Model model) {
        String[] t = target == null ? new String[0] : target.split(":", 2);
        try {
            if (t.length != 2 || !(t[0].equals("items") || t[0].equals("bundles"))) {
                throw InvalidInputException.of("target", "window-target");
            }
            if (applicant == null || applicant.isBlank()) throw InvalidInputException.of("applicant", "window-applicant");
            var running = mine.inProgress(actor, kind(t[0]), t[1], applicant.strip());
            if (running.isPresent()) {
                model.addAttribute("inProgress", running.get());
                model.addAttribute("error", texts.text("problem.application-in-progress",
                        new Object[] {running.get().reference(), running.get().itemName()}, running.get().reference()));
                return window(actor, target, applicant, null, model);
            }
            return render(actor, kind(t[0]), t[1], applicant.strip(), null, Map.of(), Map.of(), model);
        } catch (InvalidInputException e) {
            var v = e.violations().get(0);
            String field = v.field().equals("target") || v.field().equals("applicant") ? v.field() : null;
            model.addAttribute("error", texts.detail(v));
            return window(actor, target, applicant, field, model);
        } catch (NotFoundProblem e) {
            model.addAttribute("error", texts.text("problem.window-unknown-subject", null, e.getMessage()));
            return window(actor, target, applicant, "applicant", model);
        }
    }

    @GetMapping("/window")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    String window(Actor actor, Model model) {
        return window(actor, null, null, null, model);
    }

    private String window(Actor actor, String target, String applicant, String errorField, Model model) {
        model.addAttribute("bundles", services.bundles());
        model.addAttribute("items", services.items());
        model.addAttribute("target", target);
        model.addAttribute("applicant", applicant);
        model.addAttribute("errorField", errorField);
        var entered = mine.enteredAtWindow(actor);
        model.addAttribute("entered", entered);
        model.addAttribute("statuses", mine.statuses(entered));
        return "services/apply/window";
    }

    /** The printable 受理回执 of an application, for its applicant and the window that entered it. */
    @GetMapping("/me/applications/{id}/receipt.pdf")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    org.springframework.http.ResponseEntity<byte[]> receipt(Actor actor, @PathVariable UUID id) {
        ApplicationView view = mine.view(actor, id);
        var a = view.application();
        byte[] pdf = receipts.render(a, mine.applicantKey(a), view.parts().stream().map(ApplicationView.PartView::row).toList());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename(a.reference() + ".pdf").build().toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    /** An uploaded material, for the applicant (or the window that entered it). */
    @GetMapping("/me/applications/{id}/uploads/{upload}")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    org.springframework.http.ResponseEntity<byte[]> upload(Actor actor, @PathVariable UUID id, @PathVariable UUID upload) {
        return Materials.response(mine.upload(actor, id, upload));
    }

    @PostMapping("/apply/{kind}/{code}")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String submit(Actor actor, @PathVariable String kind, @PathVariable String code,
                  @RequestParam MultiValueMap<String, String> params, jakarta.servlet.http.HttpServletRequest request,
                  Model model)
            throws IOException {
        Map<String, String> values = prefixed(params, VALUE);
        Map<String, String> licenses = prefixed(params, LICENSE);
        List<Submission.Upload> uploads = new ArrayList<>();
        var files = request instanceof MultipartHttpServletRequest multipart ? multipart.getFileMap() : Map.<String, MultipartFile>of();
        for (var entry : files.entrySet()) {
            MultipartFile f = entry.getValue();
            if (entry.getKey().startsWith(FILE) && !f.isEmpty()) {
                uploads.add(new Submission.Upload(entry.getKey().substring(FILE.length()), f.getOriginalFilename(),
                        f.getContentType(), f.getBytes()));
            }
        }
        String applicant = params.getFirst("applicant");
        String house = params.getFirst("house");
        try {
            var submitted = submissions.submit(actor, new Submission(kind(kind), code, applicant, house, values,
                    licenses, uploads, params.getFirst("idempotencyKey")));
            return "redirect:/me/applications/" + submitted.id();
        } catch (ReplayedSubmission e) {
            return "redirect:/me/applications/" + e.applicationId();
        } catch (ApplicationInProgress e) {
            return inProgress(e, model);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            texts.localise(e.violations()).forEach(v -> errors.putIfAbsent(v.field(), v.detail()));
            return render(actor, kind(kind), code, applicant, house, values, errors, model);
        }
    }

    /** "This is wrong": a correction request to the department responsible for the element. */
    @PostMapping("/apply/correction-request")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String correctionRequest(Actor actor, @RequestParam String subjectType, @RequestParam String subject,
                             @RequestParam String element, @RequestParam String note, Model model) {
        SubjectRef ref = new SubjectRef(org.yiwang.kernel.SubjectType.valueOf(subjectType), subject);
        applicants.resolve(actor, ref.type(), ref.key()); // only for oneself or whom one represents
        String department = corrections.file(actor, ref, element, note);
        model.addAttribute("department", directory.department(department).map(Department::name).orElse(department));
        model.addAttribute("clerk", actor.role() == Role.WINDOW_CLERK);
        return "services/apply/correction-filed";
    }

    @GetMapping("/me/applications")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String list(Actor actor, Model model) {
        var applications = mine.list(actor);
        model.addAttribute("applications", applications);
        model.addAttribute("statuses", mine.statuses(applications));
        model.addAttribute("notices", mine.notices(actor));
        mine.markRead(actor);
        return "services/apply/mine";
    }

    @GetMapping("/me/applications/{id}")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String application(Actor actor, @PathVariable UUID id, Model model) {
        ApplicationView view = mine.view(actor, id);
        Map<String, String> elements = elementNames();
        Map<UUID, String> sent = new HashMap<>();
        view.parts().forEach(p -> sent.put(p.row().id(), String.join("、",
                p.row().elements().stream().map(e -> elements.getOrDefault(e, e)).toList())));
        model.addAttribute("view", view);
        model.addAttribute("sent", sent);
        model.addAttribute("departments", departmentNames());
        model.addAttribute("elements", elements);
        model.addAttribute("clerk", actor.role() == Role.WINDOW_CLERK);
        Map<String, String> uploads = new HashMap<>();
        mine.uploadNames(id).forEach((k, v) -> uploads.put(k.toString(), v));
        model.addAttribute("uploads", uploads);
        Map<String, String> materialNames = new HashMap<>();
        view.parts().forEach(p -> services.item(p.row().itemCode()).ifPresent(item -> item.materials()
                .forEach(m -> materialNames.put(item.code() + "." + m.code(), m.nameZh()))));
        model.addAttribute("materialNames", materialNames);
        return "services/apply/application";
    }

    @PostMapping("/me/applications/{id}/parts/{part}/correction")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String correct(Actor actor, @PathVariable UUID id, @PathVariable UUID part,
                   @RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            mine.resubmit(actor, id, part, prefixed(params, VALUE));
            return "redirect:/me/applications/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("correctionErrors", texts.localise(e.violations()));
            return application(actor, id, model);
        }
    }

    private String render(Actor actor, Target.Kind kind, String code, String applicant, String house,
                          Map<String, String> typed, Map<String, String> errors, Model model) {
        ApplicationForm form = submissions.form(actor, kind, code, applicant, house);
        model.addAttribute("form", form);
        model.addAttribute("kind", kind == Target.Kind.ITEM ? "items" : "bundles");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("onBehalf", actor.role() == Role.WINDOW_CLERK);
        Map<String, String> departments = departmentNames();
        model.addAttribute("departments", departments);
        Map<String, String> usedBy = new HashMap<>();
        form.fields().forEach(f -> usedBy.put(f.code(), String.join("、",
                f.departments().stream().map(d -> departments.getOrDefault(d, d)).toList())));
        model.addAttribute("usedBy", usedBy);
        model.addAttribute("codes", codeOptions(form));
        Map<String, String> labels = new HashMap<>();
        form.fields().forEach(f -> {
            if (f.element().codeTable() != null && f.value() != null && !f.masked()) {
                labels.put(f.code(), catalog.codeLabel(f.element().codeTable(), f.value()));
            }
        });
        model.addAttribute("labels", labels);
        return "services/apply/form";
    }

    private Map<String, List<org.yiwang.catalog.CodeValue>> codeOptions(ApplicationForm form) {
        Map<String, List<org.yiwang.catalog.CodeValue>> options = new HashMap<>();
        form.fields().forEach(f -> {
            if (f.element().codeTable() != null) options.put(f.code(), catalog.codes(f.element().codeTable()));
        });
        return options;
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new HashMap<>();
        directory.departments().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    private Map<String, String> elementNames() {
        Map<String, String> names = new HashMap<>();
        catalog.elements().forEach(e -> names.put(e.code(), e.nameZh()));
        return names;
    }

    static Target.Kind kind(String path) {
        return switch (path) {
            case "items" -> Target.Kind.ITEM;
            case "bundles" -> Target.Kind.BUNDLE;
            default -> throw new NotFoundProblem("kind", "没有该类办理事项");
        };
    }

    private static Map<String, String> prefixed(MultiValueMap<String, String> params, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix) && !v.isEmpty()) out.put(k.substring(prefix.length()), v.get(0));
        });
        return out;
    }
}
