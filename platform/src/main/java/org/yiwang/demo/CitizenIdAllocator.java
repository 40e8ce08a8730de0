package org.yiwang.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Hands out unique citizen ID numbers without remembering them: a counter per (division of registration, birth
 * date, gender) picks the sequence code, scrambled so that numbers do not look consecutive. Each counter has 500
 * numbers (the 17th digit's parity is the gender); a full day moves the birth date to the next day. A per-run
 * offset keeps runs with different seeds from handing out the same first numbers of a day.
 */
final class CitizenIdAllocator {

    static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    static final LocalDate LAST_BIRTH = LocalDate.of(2020, 12, 31);

    private static final int PER_DAY_AND_GENDER = 500;
    private static final int DAYS = (int) (LAST_BIRTH.toEpochDay() - FIRST_BIRTH.toEpochDay() + 1);

    private final List<String> divisions;
    private final short[][] issued;
    private final Set<String> reserved;
    private final int offset;

    CitizenIdAllocator(List<String> divisions, Set<String> reserved, int offset) {
        this.divisions = List.copyOf(divisions);
        this.issued = new short[divisions.size()][DAYS * 2];
        this.reserved = reserved;
        this.offset = Math.floorMod(offset, PER_DAY_AND_GENDER);
    }

    /** A fresh valid ID; its birth date is {@code birth} or, when that day is used up, a later day. */
    String allocate(String division, LocalDate birth, boolean male) {
        int d = divisions.indexOf(division);
        if (d < 0) throw new IllegalArgumentException("unknown division of registration " + division);
        for (LocalDate day = birth; !day.isAfter(LAST_BIRTH); day = day.plusDays(1)) {
            int dayIndex = (int) (day.toEpochDay() - FIRST_BIRTH.toEpochDay());
            int slot = dayIndex * 2 + (male ? 1 : 0);
            while (issued[d][slot] < PER_DAY_AND_GENDER) {
                int k = issued[d][slot]++;
                String id = format(division, day, (k * 37 + dayIndex * 7 + d * 13 + offset) % PER_DAY_AND_GENDER, male);
                if (!reserved.contains(id)) return id;
            }
        }
        throw new IllegalStateException("no citizen ID numbers left after " + birth);
    }

    /** Sequence code: two free digits, then a digit whose parity is the gender (odd = male). */
    private static String format(String division, LocalDate day, int scrambled, boolean male) {
        int sequence = scrambled / 5 * 10 + scrambled % 5 * 2 + (male ? 1 : 0);
        StringBuilder id = new StringBuilder(18).append(division)
                .append(String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                .append(String.format("%03d", sequence));
        return id.append(IdentityCodes.citizenIdCheck(id)).toString();
    }
}
