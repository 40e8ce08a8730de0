package org.yiwang.services.internal.catalog;

import java.util.List;

/** A "one thing" bundle as written in a definition file, the admin's YAML box and the REST API. */
public record BundleDefinition(String code, String nameZh, String nameEn, String description, List<String> items,
                               List<String> keywords) {}
