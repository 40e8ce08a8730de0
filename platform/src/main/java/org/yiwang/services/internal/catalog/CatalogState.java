package org.yiwang.services.internal.catalog;

import java.util.Map;

/** One consistent view of the stored items and bundles, keyed by code, in display order. */
record CatalogState(long version, Map<String, StoredItem> items, Map<String, StoredBundle> bundles) {

    DefinitionValidator.Known known() {
        Map<String, ItemDefinition> items = new java.util.LinkedHashMap<>();
        this.items.forEach((code, stored) -> items.put(code, stored.definition()));
        Map<String, BundleDefinition> bundles = new java.util.LinkedHashMap<>();
        this.bundles.forEach((code, stored) -> bundles.put(code, stored.definition()));
        return new DefinitionValidator.Known(items, bundles);
    }
}
