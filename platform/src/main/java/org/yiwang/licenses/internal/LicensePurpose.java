package org.yiwang.licenses.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;

/** Registers the purpose the base audits license writes under, before anything issues (demo data included). */
@Component
class LicensePurpose {

    private final Catalog catalog;

    LicensePurpose(Catalog catalog) {
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void register() {
        catalog.definePurpose(LicenseService.PURPOSE, "电子证照签发", "Issuing electronic licenses");
    }
}
