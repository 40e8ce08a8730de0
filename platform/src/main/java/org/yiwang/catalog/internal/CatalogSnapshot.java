package org.yiwang.catalog.internal;

import java.util.List;
import java.util.Map;
import org.yiwang.catalog.CodeValue;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;

/**
 * An immutable copy of the whole catalog at one version of {@code catalog_version}: a few hundred rows, so
 * every lookup on the read path is a map access.
 *
 * @param demand department → purpose → element → entry
 */
record CatalogSnapshot(long version, Map<String, DataElement> elements, Map<String, CodeTable> codeTables,
                       Map<String, Purpose> purposes, Map<String, ListEntries.Responsibility> responsibility,
                       Map<String, Map<String, Map<String, ListEntries.Demand>>> demand,
                       Map<String, ListEntries.Negative> negative) {

    record CodeTable(String code, String nameZh, String nameEn, String standard, Map<String, CodeValue> values) {}

    ListEntries.Demand demand(String department, String purpose, String element) {
        var byPurpose = demand.get(department);
        if (byPurpose == null) return null;
        var byElement = byPurpose.get(purpose);
        return byElement == null ? null : byElement.get(element);
    }

    List<ListEntries.Demand> demandEntries() {
        return demand.values().stream().flatMap(p -> p.values().stream()).flatMap(e -> e.values().stream())
                .sorted(java.util.Comparator.comparing(ListEntries.Demand::department)
                        .thenComparing(ListEntries.Demand::purpose).thenComparing(ListEntries.Demand::element))
                .toList();
    }
}
