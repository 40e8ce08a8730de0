/**
 * Platform infrastructure: the embedded PostgreSQL default, key material, problem responses, page layout and
 * web configuration. Owns no business data.
 */
package org.yiwang.platform;
