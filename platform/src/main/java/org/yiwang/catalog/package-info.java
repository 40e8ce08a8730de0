/**
 * Data catalog (数据目录): data elements (数据元), code tables (代码表), the three lists (三清单: responsibility,
 * demand, negative) and the one sharing decision every read of personal data goes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = {"directory", "kernel"})
package org.yiwang.catalog;
