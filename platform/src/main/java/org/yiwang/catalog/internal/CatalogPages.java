package org.yiwang.catalog.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.catalog.internal.ListEntries.Demand;
import org.yiwang.catalog.internal.ListEntries.Negative;
import org.yiwang.catalog.internal.ListEntries.Responsibility;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/** The data administrator's pages: elements, code tables, the three lists and the explain view. */
@Controller
@RequestMapping("/catalog")
@PreAuthorize("hasRole('DATA_ADMIN')")
class CatalogPages {

    private final Catalog catalog;
    private final CatalogSnapshots snapshots;
    private final SharingLists lists;
    private final SharingPolicy policy;
    private final Directory directory;
    private final ElementCreation creation;
    private final ViolationTexts texts;

    CatalogPages(Catalog catalog, CatalogSnapshots snapshots, SharingLists lists, SharingPolicy policy, Directory directory,
            ElementCreation creation, ViolationTexts texts) {
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.lists = lists;
        this.policy = policy;
        this.directory = directory;
        this.creation = creation;
        this.texts = texts;
    }

    @GetMapping("/elements")
    public String elements(@RequestParam(required = false) SubjectType subjectType, Model model) {
        return elementsPage(subjectType, Map.of("sensitivity", "1"), Map.of(), model);
    }

    /** Adds an element and its responsible department from the page; the messages stand beside the fields. */
    @PostMapping("/elements")
    public String createElement(@RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes redirect) {
        try {
            DataElement created = creation.create(new ElementForm(form.get("code"), form.get("nameZh"),
                    form.get("nameEn"), form.get("subjectType"), form.get("type"), form.get("formatRule"),
                    integer(form.get("maxLength")), form.get("codeTable"), integer(form.get("sensitivity"))),
                    form.get("responsible"), form.get("legalBasis"), actor.username());
            redirect.addFlashAttribute("created", created.code());
            return "redirect:/catalog/elements";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            texts.localise(e.violations()).forEach(v -> errors.putIfAbsent(v.field(), texts.text(
                    "catalog.elementForm.problem." + v.field() + "." + v.rule(), v.args().toArray(), v.detail())));
            return elementsPage(null, form, errors, model);
        }
    }

    private String elementsPage(SubjectType subjectType, Map<String, String> form, Map<String, String> errors,
            Model model) {
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("subjectType", subjectType);
        model.addAttribute("elements", subjectType == null ? catalog.elements() : catalog.elements(subjectType));
        model.addAttribute("responsible", snapshots.current().responsibility());
        model.addAttribute("valueTypes", DataElement.ValueType.values());
        model.addAttribute("codeTables", snapshots.current().codeTables().values());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("departmentNames", directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Department::name, (a, b) -> a)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "catalog/elements";
    }

    /** A number the form sent; what is not one is left to the element's own check (as missing). */
    private static Integer integer(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @GetMapping("/code-tables")
    public String codeTables(@RequestParam(required = false) String table, Model model) {
        var tables = snapshots.current().codeTables();
        model.addAttribute("tables", tables.values());
        model.addAttribute("table", table == null ? null : tables.get(table));
        return "catalog/code-tables";
    }

    @GetMapping("/lists/{list}")
    public String list(@PathVariable String list, Model model) {
        SharingList which = SharingList.of(list, texts);
        model.addAttribute("list", which.path);
        model.addAttribute("lists", List.of("responsibility", "demand", "negative"));
        model.addAttribute("entries", switch (which) {
            case RESPONSIBILITY -> lists.responsibility();
            case DEMAND -> lists.demand();
            case NEGATIVE -> lists.negative();
        });
        model.addAttribute("elements", catalog.elements());
        model.addAttribute("elementNames", catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, DataElement::nameZh)));
        List<Department> departments = directory.departments();
        model.addAttribute("departments", departments);
        model.addAttribute("departmentNames", departments.stream()
                .collect(Collectors.toMap(Department::code, Department::name)));
        model.addAttribute("purposes", catalog.purposes());
        return "catalog/lists";
    }

    @PostMapping("/lists/{list}")
    public String add(@PathVariable String list, @RequestParam Map<String, String> form, Actor actor,
            RedirectAttributes redirect) {
        SharingList which = SharingList.of(list, texts);
        if (which == SharingList.NEGATIVE && !confirmed(form.get("confirm"))) return unconfirmed(redirect, which);
        try {
            switch (which) {
                case RESPONSIBILITY -> lists.addResponsibility(new Responsibility(form.get("element"),
                        form.get("department"), form.get("legalBasis")), actor.username());
                case DEMAND -> lists.addDemand(new Demand(0, form.get("department"), form.get("purpose"),
                        form.get("element"), form.get("legalBasis"), form.containsKey("clear")), actor.username());
                case NEGATIVE -> lists.addNegative(new Negative(form.get("element"), form.get("reason"),
                        form.get("legalBasis")), actor.username());
            }
            redirect.addFlashAttribute("notice", "catalog.list.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", texts.localise(e.violations()));
        }
        return "redirect:/catalog/lists/" + which.path;
    }

    /**
     * Changing the negative list changes at once what every department may receive: the page asks first (a
     * confirmation page for a removal, a box to tick on the forms), and the server refuses an unconfirmed change.
     */
    private static boolean confirmed(String confirm) {
        return "yes".equals(confirm);
    }

    private String unconfirmed(RedirectAttributes redirect, SharingList which) {
        redirect.addFlashAttribute("violations",
                texts.localise(List.of(InvalidInputException.Violation.of("confirm", "confirmation-required"))));
        return "redirect:/catalog/lists/" + which.path;
    }

    @PostMapping("/lists/{list}/delete")
    public String remove(@PathVariable String list, @RequestParam String key,
            @RequestParam(required = false) String confirm, Actor actor, Model model, RedirectAttributes redirect) {
        SharingList which = SharingList.of(list, texts);
        if (which == SharingList.NEGATIVE && !confirmed(confirm)) {
            model.addAttribute("entry", lists.negative().stream().filter(n -> n.element().equals(key)).findFirst()
                    .orElse(null));
            model.addAttribute("key", key);
            model.addAttribute("elementName", catalog.element(key).map(DataElement::nameZh).orElse(key));
            return "catalog/confirm-negative";
        }
        switch (which) {
            case RESPONSIBILITY -> lists.removeResponsibility(key, actor.username());
            case DEMAND -> lists.removeDemand(Long.parseLong(key), actor.username());
            case NEGATIVE -> lists.removeNegative(key, actor.username());
        }
        redirect.addFlashAttribute("notice", "catalog.list.removed");
        return "redirect:/catalog/lists/" + which.path;
    }

    @PostMapping("/lists/{list}/import")
    public String importList(@PathVariable String list, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String confirm, Actor actor, RedirectAttributes redirect) throws IOException {
        SharingList which = SharingList.of(list, texts);
        if (which == SharingList.NEGATIVE && !confirmed(confirm)) return unconfirmed(redirect, which);
        try {
            int entries = lists.importWorkbook(which, SharingListApi.open(file), actor.username());
            redirect.addFlashAttribute("imported", entries);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", texts.localise(e.violations()));
        } catch (ListImportRejected e) {
            redirect.addFlashAttribute("rowErrors", e.errors());
        }
        return "redirect:/catalog/lists/" + which.path;
    }

    @GetMapping("/explain")
    public String explain(@RequestParam(required = false) String consumer, @RequestParam(required = false) String element,
            @RequestParam(required = false) String purpose, Model model) {
        model.addAttribute("departments", directory.departments());
        model.addAttribute("elements", catalog.elements());
        model.addAttribute("purposes", catalog.purposes());
        model.addAttribute("consumer", consumer);
        model.addAttribute("element", element);
        model.addAttribute("purpose", purpose);
        if (consumer != null && element != null && purpose != null) {
            try {
                model.addAttribute("explanation",
                        policy.explain(CatalogApi.consumer(directory, consumer), element.strip(), purpose.strip()));
            } catch (InvalidInputException e) {
                model.addAttribute("violations", texts.localise(e.violations()));
            }
        }
        model.addAttribute("elementNames", catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, DataElement::nameZh)));
        return "catalog/explain";
    }

}
