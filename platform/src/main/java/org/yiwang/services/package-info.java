/**
 * 一网通办: the service item catalog (事项) and "one thing" bundles (一件事), prefilled applications with one part per
 * department, the part's state machine driven by the built-in workbench or a department system, automatic decisions,
 * notifications, the window clerk, and the once-only report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services",
        allowedDependencies = {"audit", "basedata", "catalog", "directory", "kernel", "licenses"})
package org.yiwang.services;
