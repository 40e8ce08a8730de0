package org.yiwang.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Modules guard their controllers and services with {@code @PreAuthorize("hasRole('...')")}. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {}
