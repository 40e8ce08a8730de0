/**
 * Shared kernel: value types every module needs (citizen ID, credit code, division code, the acting user,
 * problem exceptions, masking, field encryption). Open to all modules; depends on none.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yiwang.kernel;
