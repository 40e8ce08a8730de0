package org.yiwang.kernel;

import java.util.regex.Pattern;

/**
 * Mainland China's mobile numbers: 11 digits in a segment the MIIT has assigned to public mobile service
 * (13x, 145–149, 15x but 154, 162/165–167, 170/171/173/175–178, 18x, 19x but 194). Data-only and IoT
 * segments (140–144, 172, 174) and unassigned ones are not numbers a person can be reached at.
 */
public final class MobileNumbers {

    private static final Pattern ASSIGNED =
            Pattern.compile("1(3\\d|4[5-9]|5[0-35-9]|6[25-7]|7[0135678]|8\\d|9[0-35-9])\\d{8}");

    private MobileNumbers() {}

    public static boolean isAssigned(String number) {
        return number != null && ASSIGNED.matcher(number).matches();
    }
}
