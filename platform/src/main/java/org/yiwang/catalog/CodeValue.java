package org.yiwang.catalog;

/** One value of a code table (代码表), e.g. gender {@code 1} 男 / Male. */
public record CodeValue(String code, String labelZh, String labelEn) {}
