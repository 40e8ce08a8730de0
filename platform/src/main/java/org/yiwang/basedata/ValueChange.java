package org.yiwang.basedata;

/** One element of an accepted write: its value before and after ({@code null} when absent). */
public record ValueChange(String element, String oldValue, String newValue) {}
