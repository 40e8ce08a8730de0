package org.yiwang.services.internal.catalog;

import java.util.List;

/** One definition file: items and bundles, either list may be absent. */
record DefinitionFile(List<ItemDefinition> items, List<BundleDefinition> bundles) {

    DefinitionFile {
        items = items == null ? List.of() : items;
        bundles = bundles == null ? List.of() : bundles;
    }
}
