package org.yiwang.services;

import java.util.List;
import java.util.Optional;
import org.yiwang.kernel.NotFoundProblem;

/** The service items and bundles on offer, as loaded from the definition files and edited by data admins. */
public interface ServiceCatalog {

    List<ServiceItem> items();

    Optional<ServiceItem> item(String code);

    /** @throws NotFoundProblem (field {@code item}) */
    ServiceItem requireItem(String code);

    List<Bundle> bundles();

    Optional<Bundle> bundle(String code);

    /** @throws NotFoundProblem (field {@code bundle}) */
    Bundle requireBundle(String code);

    /** Items and bundles whose name or code contains the query; everything for a blank query. */
    SearchResult search(String query);

    record SearchResult(List<Bundle> bundles, List<ServiceItem> items) {}
}
