/**
 * Shared kernel: value types every module needs (citizen ID, credit code, division code, the acting user,
 * problem exceptions, masking, field encryption). Open to all modules (and shared: in every module's test
 * bootstrap, {@code @Modulithic(sharedModules)}); depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.yiwang.kernel;
