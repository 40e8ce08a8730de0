package org.yiwang.services.internal.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.Bundle;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * The service catalog answered from the in-memory state, and the data admin's edits. An edit validates against
 * the freshest stored definitions under the catalog lock and is refused whole when any rule is broken.
 */
@Service
class StoredServiceCatalog implements ServiceCatalog {

    private final ServiceCatalogStates states;
    private final DefinitionStore store;
    private final DefinitionValidator validator;
    private final Directory directory;

    StoredServiceCatalog(ServiceCatalogStates states, DefinitionStore store, DefinitionValidator validator, Directory directory) {
        this.states = states;
        this.store = store;
        this.validator = validator;
        this.directory = directory;
    }

    @Override
    public List<ServiceItem> items() {
        return states.current().items().values().stream().map(StoredItem::item).toList();
    }

    @Override
    public Optional<ServiceItem> item(String code) {
        return stored(code).map(StoredItem::item);
    }

    @Override
    public ServiceItem requireItem(String code) {
        return item(code).orElseThrow(() -> new NotFoundProblem("item", "事项不存在:" + code));
    }

    @Override
    public List<Bundle> bundles() {
        return states.current().bundles().values().stream().map(StoredBundle::bundle).toList();
    }

    @Override
    public Optional<Bundle> bundle(String code) {
        return storedBundle(code).map(StoredBundle::bundle);
    }

    @Override
    public Bundle requireBundle(String code) {
        return bundle(code).orElseThrow(() -> new NotFoundProblem("bundle", "一件事不存在:" + code));
    }

    /**
     * Items matching by code, implementation code, name (Chinese or English), keyword or department (code or name);
     * bundles matching by code, name, keyword or description, or containing a matching item.
     */
    @Override
    public SearchResult search(String query) {
        CatalogState state = states.current();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return new SearchResult(bundles(), items());
        List<StoredItem> items = state.items().values().stream().filter(i -> matches(i.definition(), q)).toList();
        List<String> itemCodes = items.stream().map(i -> i.item().code()).toList();
        List<Bundle> bundles = state.bundles().values().stream()
                .filter(b -> matches(b.definition(), q) || b.bundle().items().stream().anyMatch(itemCodes::contains))
                .map(StoredBundle::bundle).toList();
        return new SearchResult(bundles, items.stream().map(StoredItem::item).toList());
    }

    // ---- for the pages and the API of this package

    Optional<StoredItem> stored(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(states.current().items().get(code));
    }

    Optional<StoredBundle> storedBundle(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(states.current().bundles().get(code));
    }

    List<StoredItem> storedItems() {
        return List.copyOf(states.current().items().values());
    }

    List<StoredBundle> storedBundles() {
        return List.copyOf(states.current().bundles().values());
    }

    /** The bundles an item belongs to. */
    List<Bundle> bundlesContaining(String itemCode) {
        return bundles().stream().filter(b -> b.items().contains(itemCode)).toList();
    }

    /** @param creating a new definition: an existing code is a 409 {@code duplicate} */
    @Transactional
    public ServiceItem save(ItemDefinition definition, String actor, boolean creating) {
        store.lock();
        DefinitionValidator.ValidItem valid = validator.item(definition, states.fresh().known(), creating);
        store.put(valid.definition(), actor);
        states.invalidateAfterCommit();
        return valid.item();
    }

    @Transactional
    public Bundle save(BundleDefinition definition, String actor, boolean creating) {
        store.lock();
        DefinitionValidator.ValidBundle valid = validator.bundle(definition, states.fresh().known(), creating);
        store.put(valid.definition(), actor);
        states.invalidateAfterCommit();
        return valid.bundle();
    }

    private boolean matches(ItemDefinition d, String q) {
        return Stream.concat(Stream.of(d.code(), d.implementationCode(), d.nameZh(), d.nameEn(), d.department(),
                                directory.department(d.department()).map(Department::name).orElse(null)),
                        d.keywords() == null ? Stream.empty() : d.keywords().stream())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(q));
    }

    private static boolean matches(BundleDefinition d, String q) {
        return Stream.concat(Stream.of(d.code(), d.nameZh(), d.nameEn(), d.description()),
                        d.keywords() == null ? Stream.empty() : d.keywords().stream())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(q));
    }
}
