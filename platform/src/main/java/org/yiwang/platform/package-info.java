/**
 * Platform infrastructure: the embedded PostgreSQL default, key material, city settings and clock, problem
 * responses, message bundles, page layout and web configuration. Owns no business data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {"kernel"})
package org.yiwang.platform;
