package org.yiwang.basedata.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/** Pages: a data administrator finds a subject and imports files; a resident sees their own data. */
@Controller
class BaseDataPages {

    private final PersonalData personalData;
    private final ImportApi.Uploads uploads;
    private final Catalog catalog;
    private final Directory directory;
    private final ViolationTexts texts;

    BaseDataPages(PersonalData personalData, ImportApi.Uploads uploads, Catalog catalog, Directory directory,
                  ViolationTexts texts) {
        this.texts = texts;
        this.personalData = personalData;
        this.uploads = uploads;
        this.catalog = catalog;
        this.directory = directory;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem baseDataFind() {
            return new MenuItem("basedata.menu.find", "/basedata", Set.of(Role.DATA_ADMIN), 20);
        }

        @Bean
        MenuItem baseDataImport() {
            return new MenuItem("basedata.menu.import", "/basedata/import",
                    Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN, Role.DEPARTMENT_OFFICER, Role.GRID_WORKER), 21);
        }

        @Bean
        MenuItem myData() {
            return new MenuItem("basedata.menu.mine", "/me/data", Set.of(Role.RESIDENT), 10);
        }
    }

    @GetMapping("/basedata")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    String find(Model model) {
        model.addAttribute("types", SubjectType.values());
        return "basedata/find";
    }

    /** POST so that the ID number stays out of URLs and access logs. */
    @PostMapping("/basedata/find")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    String dossier(Actor actor, @RequestParam SubjectType type, @RequestParam String key,
                   @RequestParam(defaultValue = "DATA_GOVERNANCE") String purpose, Model model) {
        try {
            model.addAttribute("dossier", personalData.dossier(actor, new SubjectRef(type, key), purpose));
            labels(model, type);
            return "basedata/dossier";
        } catch (InvalidInputException e) {
            model.addAttribute("error", texts.detail(e.violations().get(0)));
            model.addAttribute("errorRule", e.violations().get(0).rule());
        } catch (AccessDeniedProblem e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorRule", e.reason());
        } catch (NotFoundProblem e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorRule", "not-found");
        }
        return find(model);
    }

    @GetMapping("/me/data")
    @PreAuthorize("hasRole('RESIDENT')")
    String mine(Actor actor, Model model) {
        labels(model, SubjectType.PERSON);
        if (actor.citizenId() == null) {
            // an account whose binding to a person still waits for a second administrator's approval
            model.addAttribute("error", texts.text("basedata.mine.unbound", null, "not yet bound to a person"));
            return "basedata/mine";
        }
        List<String> elements = catalog.elements(SubjectType.PERSON).stream().map(DataElement::code).toList();
        try {
            model.addAttribute("view", personalData.read(actor,
                    new ReadRequest(SubjectRef.person(actor.citizenId().value()), elements, AuditedPersonalData.SELF_SERVICE, true)));
        } catch (NotFoundProblem e) {
            model.addAttribute("error", e.getMessage());
        }
        return "basedata/mine";
    }

    @GetMapping("/basedata/import")
    @PreAuthorize("hasAnyRole('DATA_ADMIN','SYSTEM_ADMIN','DEPARTMENT_OFFICER','GRID_WORKER')")
    String importForm(Actor actor, Model model) {
        model.addAttribute("types", SubjectType.values());
        model.addAttribute("methods", Method.values());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("defaultDepartment", actor.departmentCode());
        return "basedata/import";
    }

    @PostMapping("/basedata/import")
    @PreAuthorize("hasAnyRole('DATA_ADMIN','SYSTEM_ADMIN','DEPARTMENT_OFFICER','GRID_WORKER')")
    String startImport(Actor actor, @RequestParam("file") MultipartFile file, @RequestParam SubjectType type,
                       @RequestParam(required = false) String sourceDepartment, @RequestParam Method method,
                       Model model) throws IOException {
        try {
            UUID id = uploads.start(actor, file, type, sourceDepartment, method, "DATA_GOVERNANCE");
            return "redirect:/basedata/import/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", texts.localise(e.violations()));
        } catch (AccessDeniedProblem e) {
            model.addAttribute("errors", List.of(new InvalidInputException.Violation(e.field(), e.reason(), e.getMessage())));
        }
        return importForm(actor, model);
    }

    @GetMapping("/basedata/import/{id}")
    @PreAuthorize("isAuthenticated()")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("report", uploads.report(actor, id));
        return "basedata/import-progress";
    }

    /** The progress card alone, polled by htmx until the import is done. */
    @GetMapping("/basedata/import/{id}/progress")
    @PreAuthorize("isAuthenticated()")
    String progressFragment(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("report", uploads.report(actor, id));
        return "basedata/import-progress :: progress";
    }

    @GetMapping("/basedata/import/{id}/rejected.csv")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> rejected(Actor actor, @PathVariable UUID id) throws IOException {
        return uploads.rejectedCsv(actor, id);
    }

    /** The shipped demo file: ~50 persons and three deliberately broken rows. */
    @GetMapping("/basedata/import/demo-persons.csv")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Resource> demoFile() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename("persons-demo.csv").build());
        return ResponseEntity.ok().headers(headers).body(new ClassPathResource("demo/persons-demo.csv"));
    }

    private void labels(Model model, SubjectType type) {
        Map<String, DataElement> elements = new HashMap<>();
        catalog.elements(type).forEach(e -> elements.put(e.code(), e));
        Map<String, String> departments = new HashMap<>();
        directory.departments().forEach(d -> departments.put(d.code(), d.name()));
        model.addAttribute("elements", elements);
        model.addAttribute("departments", departments);
        model.addAttribute("catalog", catalog);
        model.addAttribute("labels", new Labels(elements, catalog));
    }

    /** What a person reads for a stored value: a code table's label (性别 1 → 男), anything else as it is. */
    record Labels(Map<String, DataElement> elements, Catalog catalog) {

        public String of(String element, String value) {
            DataElement e = elements.get(element);
            if (value == null || e == null || e.type() != DataElement.ValueType.CODE) return value;
            return catalog.codeLabel(e.codeTable(), value);
        }
    }

}
