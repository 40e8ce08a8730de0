package org.yiwang.services.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Licenses;

/** Names for the codes the pages show: departments, data elements, license types. */
@Component
class ServiceGuideLabels {

    private final Directory directory;
    private final Catalog catalog;
    private final ObjectProvider<Licenses> licenses;

    ServiceGuideLabels(Directory directory, Catalog catalog, ObjectProvider<Licenses> licenses) {
        this.directory = directory;
        this.catalog = catalog;
        this.licenses = licenses;
    }

    void addTo(Model model) {
        model.addAttribute("departmentNames", departments());
        model.addAttribute("elementNames", elements());
        model.addAttribute("licenseNames", licenseTypes());
        model.addAttribute("allModes", java.util.List.of(org.yiwang.services.ServiceItem.HandlingMode.values()));
    }

    Map<String, Department> departments() {
        Map<String, Department> names = new LinkedHashMap<>();
        directory.departments().forEach(d -> names.put(d.code(), d));
        return names;
    }

    Map<String, DataElement> elements() {
        Map<String, DataElement> names = new LinkedHashMap<>();
        catalog.elements().forEach(e -> names.put(e.code(), e));
        return names;
    }

    Map<String, LicenseType> licenseTypes() {
        Map<String, LicenseType> names = new LinkedHashMap<>();
        Licenses registry = licenses.getIfAvailable();
        if (registry != null) registry.types().forEach(t -> names.put(t.code(), t));
        return names;
    }
}
