package org.yiwang.services;

import java.util.List;

/**
 * A "one thing" (一件事): several service items, possibly of several departments, applied for together with one form.
 *
 * @param code        stable code
 * @param nameZh      Chinese name
 * @param nameEn      English name
 * @param description what situation it is for
 * @param items       the item codes, in the order shown
 */
public record Bundle(String code, String nameZh, String nameEn, String description, List<String> items) {

    public Bundle {
        items = List.copyOf(items);
    }
}
