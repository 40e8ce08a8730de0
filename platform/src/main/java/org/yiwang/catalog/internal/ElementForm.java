package org.yiwang.catalog.internal;

/** A data element as submitted by a data administrator (create or update); checked by {@link ElementStore}. */
public record ElementForm(String code, String nameZh, String nameEn, String subjectType, String type, String formatRule,
                          Integer maxLength, String codeTable, Integer sensitivity) {}
