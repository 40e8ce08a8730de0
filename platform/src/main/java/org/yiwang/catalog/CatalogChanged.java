package org.yiwang.catalog;

import java.time.Instant;

/**
 * Published when the catalog changes: a data element, a code table, a purpose, or an entry of one of the three
 * lists. Every node re-reads its in-memory catalog on such a change (this node at once, the others within
 * seconds), so listeners need not refresh anything themselves.
 *
 * @param part   what changed
 * @param change added, updated, removed, or a whole list replaced by an import
 * @param key    the element code, purpose code or code table concerned ({@code null} for an import)
 * @param actor  username of whoever made the change
 * @param at     when
 */
public record CatalogChanged(Part part, Change change, String key, String actor, Instant at) {

    public enum Part { ELEMENT, CODE_TABLE, PURPOSE, RESPONSIBILITY_LIST, DEMAND_LIST, NEGATIVE_LIST }

    public enum Change { ADDED, UPDATED, REMOVED, IMPORTED }
}
