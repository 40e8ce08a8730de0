package org.yiwang.basedata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yiwang.basedata.Provenance;

/**
 * Decides which value becomes current when a source asserts one: a higher authority wins; among equal
 * authority the newer assertion wins; anything else is a conflict to keep. Works on plain values; pure.
 */
final class AuthorityResolver {

    /** An element's value changed (old may be null). Provenance-only upgrades have equal old and new. */
    record Change(String element, String oldValue, String newValue) {}

    /** An offered value that lost against the current one. */
    record Conflict(String element, String offered, Provenance offeredProvenance, Provenance current) {}

    record Outcome(Map<String, Current> values, List<Change> changes, List<Conflict> conflicts) {}

    /** A current value in plain text with its provenance. */
    record Current(String value, Provenance provenance) {}

    private AuthorityResolver() {}

    /**
     * @param current  current values (plain)
     * @param offered  offered values (plain, validated), each with the provenance it would get
     */
    static Outcome merge(Map<String, Current> current, Map<String, Current> offered) {
        Map<String, Current> values = new LinkedHashMap<>(current);
        List<Change> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        offered.forEach((element, offer) -> {
            Current now = current.get(element);
            if (now == null) {
                values.put(element, offer);
                changes.add(new Change(element, null, offer.value()));
                return;
            }
            int byRank = Integer.compare(offer.provenance().method().rank(), now.provenance().method().rank());
            boolean newer = !offer.provenance().at().isBefore(now.provenance().at());
            boolean wins = byRank > 0 || (byRank == 0 && newer);
            if (Objects.equals(now.value(), offer.value())) {
                if (byRank > 0) { // the same value confirmed by a stronger source: keep the stronger provenance
                    values.put(element, offer);
                    changes.add(new Change(element, now.value(), offer.value()));
                }
            } else if (wins) {
                values.put(element, offer);
                changes.add(new Change(element, now.value(), offer.value()));
            } else {
                conflicts.add(new Conflict(element, offer.value(), offer.provenance(), now.provenance()));
            }
        });
        return new Outcome(values, changes, conflicts);
    }
}
