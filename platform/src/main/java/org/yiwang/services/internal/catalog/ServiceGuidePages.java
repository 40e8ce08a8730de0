package org.yiwang.services.internal.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.services.Bundle;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * The public service guide (办事指南): search items and bundles, read what an item needs and how long it takes,
 * then go to the online application. No sign-in needed to read.
 */
@Controller
@RequestMapping("/services")
class ServiceGuidePages {

    private final StoredServiceCatalog catalog;
    private final ServiceGuideLabels labels;

    ServiceGuidePages(StoredServiceCatalog catalog, ServiceGuideLabels labels) {
        this.catalog = catalog;
        this.labels = labels;
    }

    @GetMapping
    public String search(@RequestParam(required = false) String q, Model model) {
        ServiceCatalog.SearchResult result = catalog.search(q);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("bundles", result.bundles());
        model.addAttribute("items", result.items().stream()
                .map(i -> catalog.stored(i.code()).orElseThrow()).toList());
        labels.addTo(model);
        return "services/guide/index";
    }

    @GetMapping("/items/{code}")
    public String item(@PathVariable String code, Model model, HttpServletResponse response) {
        StoredItem item = catalog.stored(code).orElse(null);
        if (item == null) return notFound(code, model, response);
        model.addAttribute("item", item);
        model.addAttribute("inBundles", catalog.bundlesContaining(code));
        model.addAttribute("covered", covered(item.item()));
        labels.addTo(model);
        return "services/guide/item";
    }

    @GetMapping("/bundles/{code}")
    public String bundle(@PathVariable String code, Model model, HttpServletResponse response) {
        Bundle bundle = catalog.bundle(code).orElse(null);
        if (bundle == null) return notFound(code, model, response);
        List<StoredItem> items = bundle.items().stream().map(c -> catalog.stored(c).orElseThrow()).toList();
        model.addAttribute("bundle", bundle);
        model.addAttribute("items", items);
        model.addAttribute("materials", materials(items));
        model.addAttribute("promisedDays", items.stream().mapToInt(i -> i.item().promisedDays()).max().orElse(0));
        model.addAttribute("departmentCount", items.stream().map(i -> i.item().department()).distinct().count());
        // the baseline: what the applicant wrote on each department's own form, repetitions included
        model.addAttribute("paperEntries", items.stream().mapToLong(i -> i.item().paperForm().stream()
                .filter(f -> f.element() != null).count()).sum());
        model.addAttribute("formEntries", items.stream().flatMap(i -> i.item().elements().stream())
                .map(ServiceItem.ItemElement::element).distinct().count());
        labels.addTo(model);
        return "services/guide/bundle";
    }

    /** The paper form's lines the online form now covers: a data element it asks, or an e-licence it reads. */
    private static java.util.Set<Integer> covered(ServiceItem item) {
        java.util.Set<String> elements = new java.util.HashSet<>();
        item.elements().forEach(e -> elements.add(e.element()));
        java.util.Set<String> licenses = new java.util.HashSet<>();
        item.materials().stream().filter(ServiceItem.Material::electronic).forEach(m -> licenses.add(m.licenseType()));
        java.util.Set<Integer> covered = new java.util.HashSet<>();
        for (int i = 0; i < item.paperForm().size(); i++) {
            ServiceItem.PaperField f = item.paperForm().get(i);
            if ((f.element() != null && elements.contains(f.element()))
                    || (f.licenseType() != null && licenses.contains(f.licenseType()))) {
                covered.add(i);
            }
        }
        return covered;
    }

    /** A friendly page rather than a problem document: the reader followed a stale link. */
    private String notFound(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("notFound", code);
        return search(null, model);
    }

    /** The bundle's materials once each (an e-licence several items need is still one entry), with the items needing it. */
    private static Map<String, BundleMaterial> materials(List<StoredItem> items) {
        Map<String, BundleMaterial> materials = new LinkedHashMap<>();
        for (StoredItem item : items) {
            for (ItemDefinition.MaterialEntry m : item.definition().materials()) {
                String key = m.licenseType() != null ? "license:" + m.licenseType() : item.item().code() + ":" + m.code();
                materials.computeIfAbsent(key, k -> new BundleMaterial(m, new java.util.ArrayList<>()))
                        .items().add(item.item().nameZh());
            }
        }
        return materials;
    }

    record BundleMaterial(ItemDefinition.MaterialEntry material, List<String> items) {}
}
