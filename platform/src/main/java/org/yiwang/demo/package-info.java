/**
 * Demo and benchmark data (演示数据): a deterministic synthetic 徐汇区 — persons in households, legal entities and
 * houses with valid identifiers, real division codes and their relations — the fixed demo subjects, and the loader
 * that imports them through the base data's bulk import on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"basedata", "directory", "exchange", "kernel", "licenses", "platform"})
package org.yiwang.demo;
