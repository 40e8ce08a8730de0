/**
 * Audit (留痕): every read and write of personal data — actor, role, department, purpose, subject, elements,
 * decision — in a hash chain that can be verified; a resident's view of who used their data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"catalog", "directory", "kernel"})
package org.yiwang.audit;
