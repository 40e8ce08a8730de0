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
    private final ViolationTexts texts;

    ApplyPages(Submissions submissions, MyApplications mine, CorrectionRequests corrections, Applicants applicants,
               ServiceCatalog services, Directory directory, Catalog catalog, ViolationTexts texts) {
        this.submissions = submissions;
        this.mine = mine;
        this.corrections = corrections;
        this.applicants = applicants;
        this.services = services;
        this.directory = directory;
        this.catalog = catalog;
        this.texts = texts;
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
        return render(actor, kind(kind), code, applicant, house, Map.of(), Map.of(), model);
    }

    @PostMapping("/window/start")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    String windowStart(Actor actor, @RequestParam String target, @RequestParam String applicant, Model model) {
        String[] t = target.split(":", 2);
        if (t.length != 2) throw new InvalidInputException("target", "format", "请选择事项 / choose an item");
        return render(actor, kind(t[0]), t[1], applicant, null, Map.of(), Map.of(), model);
    }

    @GetMapping("/window")
    @PreAuthorize("hasRole('WINDOW_CLERK')")
    String window(Model model) {
        model.addAttribute("bundles", services.bundles());
        model.addAttribute("items", services.items());
        return "services/apply/window";
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
        return "services/apply/correction-filed";
    }

    @GetMapping("/me/applications")
    @PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
    String list(Actor actor, Model model) {
        model.addAttribute("applications", mine.list(actor));
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
            model.addAttribute("correctionErrors", e.violations());
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
            default -> throw new NotFoundProblem("kind", "items 或 bundles / items or bundles");
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
