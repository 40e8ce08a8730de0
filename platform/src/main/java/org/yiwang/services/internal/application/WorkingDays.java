package org.yiwang.services.internal.application;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Time limits of service items count working days (Monday to Friday; public holidays are not modelled yet). */
final class WorkingDays {

    private WorkingDays() {}

    static LocalDate after(LocalDate start, int days) {
        LocalDate d = start;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) left--;
        }
        return d;
    }

    /** Working days from today until the due day; negative when overdue. */
    static int remaining(LocalDate today, LocalDate due) {
        int sign = due.isBefore(today) ? -1 : 1;
        LocalDate from = sign > 0 ? today : due;
        LocalDate to = sign > 0 ? due : today;
        int n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d.plusDays(1))) n++;
        }
        return sign * n;
    }

    private static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
