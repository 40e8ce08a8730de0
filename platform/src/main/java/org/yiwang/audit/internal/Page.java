package org.yiwang.audit.internal;

import java.util.List;

/** A page of results, newest first; {@code hasMore} says whether a next page exists (no costly count). */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {}
