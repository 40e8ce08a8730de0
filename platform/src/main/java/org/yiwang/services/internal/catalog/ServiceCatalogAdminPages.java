package org.yiwang.services.internal.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.ServiceItem;

/**
 * The data administrator's pages: the list of items and bundles, a form per definition (scalar fields and rows for
 * the lists) and a YAML box to export or import one definition. A refused save shows every broken rule next to
 * its input and changes nothing.
 */
@Controller
@RequestMapping("/services/admin")
@PreAuthorize("hasRole('DATA_ADMIN')")
class ServiceCatalogAdminPages {

    private final StoredServiceCatalog catalog;
    private final DefinitionValidator validator;
    private final Definitions definitions;
    private final ServiceGuideLabels labels;
    private final Catalog dataCatalog;
    private final ViolationTexts texts;

    ServiceCatalogAdminPages(StoredServiceCatalog catalog, DefinitionValidator validator, Definitions definitions,
            ServiceGuideLabels labels, Catalog dataCatalog, ViolationTexts texts) {
        this.catalog = catalog;
        this.validator = validator;
        this.definitions = definitions;
        this.labels = labels;
        this.dataCatalog = dataCatalog;
        this.texts = texts;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("items", catalog.storedItems());
        model.addAttribute("bundles", catalog.storedBundles());
        labels.addTo(model);
        return "services/catalog/admin";
    }

    // ---- items

    @GetMapping("/items/new")
    public String newItem(Model model) {
        return itemPage(model, new ItemForm(), true, "", List.of());
    }

    @GetMapping("/items/{code}")
    public String item(@PathVariable String code, Model model) {
        StoredItem stored = catalog.stored(code)
                .orElseThrow(() -> new NotFoundProblem("item", "事项不存在:" + code));
        return itemPage(model, ItemForm.of(stored.definition()), false, definitions.toYaml(stored.definition()), List.of());
    }

    @PostMapping("/items")
    public String createItem(@ModelAttribute("form") ItemForm form, BindingResult binding, Actor actor, Model model,
            RedirectAttributes redirect) {
        return saveItem(form, binding, true, actor, model, redirect);
    }

    @PostMapping("/items/{code}")
    public String updateItem(@PathVariable String code, @ModelAttribute("form") ItemForm form, BindingResult binding,
            Actor actor, Model model, RedirectAttributes redirect) {
        requireItem(code);
        form.setCode(code);
        return saveItem(form, binding, false, actor, model, redirect);
    }

    /** One definition pasted as YAML; on the page of an existing item it must be that item. */
    @PostMapping("/items/import")
    public String importItem(@RequestParam String yaml, @RequestParam(required = false) String page, Actor actor,
            Model model, RedirectAttributes redirect) {
        boolean creating = page == null || page.isBlank();
        ItemDefinition d;
        try {
            d = definitions.itemFromYaml(yaml);
        } catch (InvalidInputException e) {
            ItemForm form = creating ? new ItemForm() : ItemForm.of(requireItem(page).definition());
            return itemPage(model, form, creating, yaml, e.violations());
        }
        try {
            if (!creating) d = ServiceCatalogApi.withCode(d, page);
            ServiceItem saved = catalog.save(d, actor.username(), creating);
            redirect.addFlashAttribute("notice", "services.catalog.admin.imported");
            return "redirect:/services/admin/items/" + encode(saved.code());
        } catch (InvalidInputException e) {
            return itemPage(model, ItemForm.of(DefinitionValidator.normalise(d)), creating, yaml, e.violations());
        }
    }

    private String saveItem(ItemForm form, BindingResult binding, boolean creating, Actor actor, Model model,
            RedirectAttributes redirect) {
        ItemDefinition d = form.toDefinition();
        List<Violation> bindingErrors = bindingErrors(binding);
        try {
            if (!bindingErrors.isEmpty()) {
                validator.item(d, new DefinitionValidator.Known(Map.of(), Map.of()), false);
                throw new InvalidInputException(bindingErrors);
            }
            ServiceItem saved = catalog.save(d, actor.username(), creating);
            redirect.addFlashAttribute("notice", "services.catalog.admin.saved");
            return "redirect:/services/admin/items/" + encode(saved.code());
        } catch (InvalidInputException e) {
            String yaml = creating ? "" : definitions.toYaml(requireItem(form.getCode()).definition());
            return itemPage(model, ItemForm.of(DefinitionValidator.normalise(d)), creating, yaml,
                    merge(bindingErrors, e.violations()));
        }
    }

    private String itemPage(Model model, ItemForm form, boolean creating, String yaml, List<Violation> raw) {
        List<Violation> violations = texts.localise(raw);
        model.addAttribute("form", form.withBlankRows());
        model.addAttribute("creating", creating);
        model.addAttribute("yaml", yaml);
        model.addAttribute("violations", violations);
        model.addAttribute("errors", byField(violations));
        if (!creating) model.addAttribute("stored", catalog.stored(form.getCode()).orElse(null));
        model.addAttribute("itemTypes", DefinitionValidator.ITEM_TYPES);
        model.addAttribute("levels", DefinitionValidator.LEVELS);
        model.addAttribute("applicantTypes", DefinitionValidator.APPLICANT_TYPES);
        model.addAttribute("modes", Arrays.asList(ServiceItem.HandlingMode.values()));
        model.addAttribute("purposes", dataCatalog.purposes());
        model.addAttribute("autoDecisions", validator.autoDecisionRules());
        labels.addTo(model);
        return "services/catalog/item-form";
    }

    // ---- bundles

    @GetMapping("/bundles/new")
    public String newBundle(Model model) {
        return bundlePage(model, new BundleForm(), true, "", List.of());
    }

    @GetMapping("/bundles/{code}")
    public String bundle(@PathVariable String code, Model model) {
        StoredBundle stored = requireBundle(code);
        return bundlePage(model, BundleForm.of(stored.definition()), false, definitions.toYaml(stored.definition()),
                List.of());
    }

    @PostMapping("/bundles")
    public String createBundle(@ModelAttribute("form") BundleForm form, Actor actor, Model model,
            RedirectAttributes redirect) {
        return saveBundle(form.toDefinition(), true, actor, model, redirect, "");
    }

    @PostMapping("/bundles/{code}")
    public String updateBundle(@PathVariable String code, @ModelAttribute("form") BundleForm form, Actor actor,
            Model model, RedirectAttributes redirect) {
        StoredBundle stored = requireBundle(code);
        form.setCode(code);
        return saveBundle(form.toDefinition(), false, actor, model, redirect, definitions.toYaml(stored.definition()));
    }

    @PostMapping("/bundles/import")
    public String importBundle(@RequestParam String yaml, @RequestParam(required = false) String page, Actor actor,
            Model model, RedirectAttributes redirect) {
        boolean creating = page == null || page.isBlank();
        BundleDefinition d;
        try {
            d = definitions.bundleFromYaml(yaml);
            if (!creating && d.code() != null && !d.code().strip().equals(page)) {
                throw InvalidInputException.of("code", "mismatch", page);
            }
        } catch (InvalidInputException e) {
            BundleForm form = creating ? new BundleForm() : BundleForm.of(requireBundle(page).definition());
            return bundlePage(model, form, creating, yaml, e.violations());
        }
        if (!creating) d = new BundleDefinition(page, d.nameZh(), d.nameEn(), d.description(), d.items(), d.keywords());
        return saveBundle(d, creating, actor, model, redirect, yaml);
    }

    private String saveBundle(BundleDefinition d, boolean creating, Actor actor, Model model,
            RedirectAttributes redirect, String yaml) {
        try {
            var saved = catalog.save(d, actor.username(), creating);
            redirect.addFlashAttribute("notice", "services.catalog.admin.saved");
            return "redirect:/services/admin/bundles/" + encode(saved.code());
        } catch (InvalidInputException e) {
            return bundlePage(model, BundleForm.of(DefinitionValidator.normalise(d)), creating, yaml, e.violations());
        }
    }

    private String bundlePage(Model model, BundleForm form, boolean creating, String yaml, List<Violation> raw) {
        List<Violation> violations = texts.localise(raw);
        model.addAttribute("form", form.withBlankRows());
        model.addAttribute("creating", creating);
        model.addAttribute("yaml", yaml);
        model.addAttribute("violations", violations);
        model.addAttribute("errors", byField(violations));
        if (!creating) model.addAttribute("stored", catalog.storedBundle(form.getCode()).orElse(null));
        model.addAttribute("allItems", catalog.storedItems());
        labels.addTo(model);
        return "services/catalog/bundle-form";
    }

    // ---- helpers

    private StoredItem requireItem(String code) {
        return catalog.stored(code).orElseThrow(() -> new NotFoundProblem("item", "事项不存在:" + code));
    }

    private StoredBundle requireBundle(String code) {
        return catalog.storedBundle(code).orElseThrow(() -> new NotFoundProblem("bundle", "一件事不存在:" + code));
    }

    private static List<Violation> bindingErrors(BindingResult binding) {
        return binding.getFieldErrors().stream()
                .map(f -> Violation.of(f.getField(), "type"))
                .toList();
    }

    /** A field that could not even be bound reports that, not the "required" that follows from it. */
    private static List<Violation> merge(List<Violation> binding, List<Violation> validation) {
        Set<String> bound = binding.stream().map(Violation::field).collect(Collectors.toSet());
        List<Violation> all = new ArrayList<>(binding);
        validation.stream().filter(v -> !bound.contains(v.field())).forEach(all::add);
        return all;
    }

    /** Violations keyed by the form input they belong to (the paper form's fields are flattened in the form). */
    static Map<String, List<Violation>> byField(List<Violation> violations) {
        Map<String, List<Violation>> map = new LinkedHashMap<>();
        for (Violation v : violations) {
            String field = v.field().replace("paperForm.fields", "paperFields").replace("paperForm.title", "paperTitle")
                    .replaceAll("^keywords\\[\\d+]$", "keywords");
            map.computeIfAbsent(field, k -> new ArrayList<>()).add(v);
        }
        return map;
    }

    private static String encode(String code) {
        return UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }
}
