package org.yiwang.licenses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Mod3736Test {

    @Test
    void matchesThePublishedExample() {
        // the worked example of ISO/IEC 7064 MOD 37,36 (as in python-stdnum's iso7064.mod_37_36)
        assertThat(Mod3736.checkCharacter("A12425GABC1234002")).isEqualTo('M');
        assertThat(Mod3736.valid("A12425GABC1234002M")).isTrue();
    }

    @Test
    void catchesEverySingleSubstitutionAndAdjacentTransposition() {
        String id = new LicenseId("202", "310104WJW", 42, 1).value();
        String body = id.replace(".", "");
        assertThat(Mod3736.valid(body)).isTrue();
        for (int i = 0; i < body.length(); i++) {
            for (char c : Mod3736.ALPHABET.toCharArray()) {
                if (c == body.charAt(i)) continue;
                String changed = body.substring(0, i) + c + body.substring(i + 1);
                assertThat(Mod3736.valid(changed)).as("substitution at %d by %s", i, c).isFalse();
            }
            if (i + 1 < body.length() && body.charAt(i) != body.charAt(i + 1)) {
                String swapped = body.substring(0, i) + body.charAt(i + 1) + body.charAt(i) + body.substring(i + 2);
                assertThat(Mod3736.valid(swapped)).as("transposition at %d", i).isFalse();
            }
        }
    }

    @Test
    void identifiersFollowGbT36904() {
        String id = new LicenseId("101", LicenseId.issuerToken("310104-GA"), 7, 2).value();
        assertThat(id).matches("1\\.2\\.156\\.3005\\.2\\.101\\.310104GA\\.00000007\\.002\\.[0-9A-Z]");
        assertThat(LicenseId.parse(id)).isInstanceOf(LicenseId.Ok.class);
        assertThat(LicenseId.parse(id.toLowerCase() + " ")).isInstanceOf(LicenseId.Ok.class);
        char wrong = id.charAt(id.length() - 1) == '0' ? '1' : '0';
        assertThat(LicenseId.parse(id.substring(0, id.length() - 1) + wrong)).isInstanceOf(LicenseId.WrongCheck.class);
        assertThat(LicenseId.parse("1.2.156.3005.2.101")).isInstanceOf(LicenseId.Malformed.class);
        assertThat(((LicenseId.Ok) LicenseId.parse(id)).id()).isEqualTo(new LicenseId("101", "310104GA", 7, 2));
    }
}
