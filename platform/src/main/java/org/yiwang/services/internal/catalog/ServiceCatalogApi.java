package org.yiwang.services.internal.catalog;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.Bundle;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;
import tools.jackson.databind.JsonNode;

/**
 * The service catalog: reading for anyone signed in; {@code PUT} (create or replace one definition, in the schema
 * of the definition files) for the data administrator.
 */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "services-catalog", description = "事项目录与一件事:读取、登记或替换定义")
class ServiceCatalogApi {

    private final StoredServiceCatalog catalog;
    private final Definitions definitions;

    ServiceCatalogApi(StoredServiceCatalog catalog, Definitions definitions) {
        this.catalog = catalog;
        this.definitions = definitions;
    }

    @GetMapping("/items")
    public List<ServiceItem> items() {
        return catalog.items();
    }

    @GetMapping("/items/{code}")
    public ServiceItem item(@PathVariable String code) {
        return catalog.requireItem(code);
    }

    /** The item's definition as a data admin edits it (the file schema, with guide-only fields). */
    @GetMapping("/items/{code}/definition")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public ItemDefinition itemDefinition(@PathVariable String code) {
        return catalog.stored(code).map(StoredItem::definition)
                .orElseThrow(() -> new NotFoundProblem("item", "事项不存在:" + code));
    }

    @PutMapping("/items/{code}")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public ServiceItem putItem(@PathVariable String code, @RequestBody JsonNode body, Actor actor) {
        ItemDefinition d = definitions.fromJson(body, ItemDefinition.class);
        return catalog.save(withCode(d, code), actor.username(), false);
    }

    @GetMapping("/bundles")
    public List<Bundle> bundles() {
        return catalog.bundles();
    }

    @GetMapping("/bundles/{code}")
    public Bundle bundle(@PathVariable String code) {
        return catalog.requireBundle(code);
    }

    @GetMapping("/bundles/{code}/definition")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public BundleDefinition bundleDefinition(@PathVariable String code) {
        return catalog.storedBundle(code).map(StoredBundle::definition)
                .orElseThrow(() -> new NotFoundProblem("bundle", "一件事不存在:" + code));
    }

    @PutMapping("/bundles/{code}")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public Bundle putBundle(@PathVariable String code, @RequestBody JsonNode body, Actor actor) {
        BundleDefinition d = definitions.fromJson(body, BundleDefinition.class);
        if (d.code() != null && !d.code().strip().equals(code)) throw mismatch(code);
        return catalog.save(new BundleDefinition(code, d.nameZh(), d.nameEn(), d.description(), d.items(), d.keywords()),
                actor.username(), false);
    }

    @GetMapping("/search")
    public ServiceCatalog.SearchResult search(@RequestParam(required = false) String q) {
        return catalog.search(q);
    }

    /** The path names the item; a body naming another one is refused rather than guessed at. */
    static ItemDefinition withCode(ItemDefinition d, String code) {
        if (d.code() != null && !d.code().strip().equals(code)) throw mismatch(code);
        return new ItemDefinition(code, d.implementationCode(), d.nameZh(), d.nameEn(), d.department(), d.itemType(),
                d.level(), d.legalDays(), d.promisedDays(), d.conditions(), d.modes(), d.fees(), d.applicantType(),
                d.purpose(), d.elements(), d.materials(), d.resultLicenseType(), d.resultHolder(), d.autoDecision(),
                d.paperForm(), d.legalBasis(), d.place(), d.keywords());
    }

    private static InvalidInputException mismatch(String code) {
        return InvalidInputException.of("code", "mismatch", code);
    }
}
