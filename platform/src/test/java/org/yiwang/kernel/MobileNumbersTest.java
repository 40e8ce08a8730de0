package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobileNumbersTest {

    @Test
    void numbersInAssignedMobileSegmentsAreAccepted() {
        for (String n : new String[] {"13012345678", "13912345678", "14712345678", "15012345678", "15912345678",
                "16612345678", "17712345678", "18012345678", "18912345678", "19112345678", "19912345678"}) {
            assertThat(MobileNumbers.isAssigned(n)).as(n).isTrue();
        }
    }

    @Test
    void unassignedDataOnlyAndMalformedNumbersAreRefused() {
        for (String n : new String[] {"10012345678", "11012345678", "12012345678", "14012345678", "15412345678",
                "17212345678", "19412345678", "1391234567", "139123456789", "1391234567X", "", "021-64871234"}) {
            assertThat(MobileNumbers.isAssigned(n)).as(n).isFalse();
        }
        assertThat(MobileNumbers.isAssigned(null)).isFalse();
    }
}
