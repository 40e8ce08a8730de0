package org.yiwang.licenses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Verification;

/** What needs the module's inside: a license issued in the past, and verifying a signature as a third party. */
@IntegrationTest
class LicenseSignatureTest {

    static final Actor TRANSPORT = new Actor("lic-jt", Role.DEPARTMENT_OFFICER, "310104-JT", null, null, Set.of());

    @Autowired LicenseService licenses;
    @Autowired SigningKeys keys;

    IssueRequest rideHailing(String citizenId) {
        return new IssueRequest("RIDE_HAILING_DRIVER", SubjectType.PERSON, citizenId, "孙师傅",
                Map.of("vehicle_plate", "沪A12345"), null, "网约车驾驶员证");
    }

    @Test
    void aLicensePastItsValidityVerifiesAsExpiredAndIsNoLongerHeld() {
        String id = TestSubjects.citizenId();
        License old = licenses.issue(TRANSPORT, rideHailing(id), licenses.today().minusYears(6).minusDays(1));

        assertThat(old.validUntil()).isEqualTo(licenses.today().minusDays(1));
        Verification verification = licenses.verify(old.id());
        assertThat(verification.result()).isEqualTo(Verification.Result.EXPIRED);
        assertThat(verification.validUntil()).isEqualTo(old.validUntil());
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).isEmpty();
        assertThat(licenses.wallet(SubjectType.PERSON, id)).extracting(License::status)
                .containsExactly(License.Status.EXPIRED);

        License lastDay = licenses.issue(TRANSPORT, rideHailing(TestSubjects.citizenId()),
                licenses.today().minusYears(6));
        assertThat(licenses.verify(lastDay.id()).result()).isEqualTo(Verification.Result.VALID);
    }

    @Test
    void anExpiredLicenseGivesWayToAFreshOneOfTheSameType() {
        String id = TestSubjects.citizenId();
        License old = licenses.issue(TRANSPORT, rideHailing(id), licenses.today().minusYears(6).minusDays(1));

        License renewed = licenses.issue(TRANSPORT, rideHailing(id));

        assertThat(licenses.require(old.id()).status()).isEqualTo(License.Status.SUPERSEDED);
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).extracting(License::id).containsExactly(renewed.id());
    }

    @Test
    void aTokenVerifiesAndNamesNothingElse() {
        License license = licenses.issue(TRANSPORT, rideHailing(TestSubjects.citizenId()));
        String token = licenses.tokenOf(license.id());

        assertThat(token).matches("[A-Za-z0-9_-]{22}").doesNotContain(license.id().split("\\.")[7]);
        assertThat(licenses.tokenOf(license.id())).isEqualTo(token);
        assertThat(licenses.verifyToken(token).result()).isEqualTo(Verification.Result.VALID);
        assertThat(licenses.verifyToken(token).licenseId()).isEqualTo(license.id());
        char last = token.charAt(token.length() - 1);
        String other = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(licenses.verifyToken(other).result()).isEqualTo(Verification.Result.UNKNOWN);
        assertThat(licenses.verifyToken("../../etc").result()).isEqualTo(Verification.Result.UNKNOWN);
    }

    @Test
    void aDepartmentSystemVerifiesTheSignatureWithThePublishedKey() throws Exception {
        License license = licenses.issue(TRANSPORT, rideHailing(TestSubjects.citizenId()), licenses.today());
        LicenseService.SignedLicense signed = licenses.signed(license.id()).orElseThrow();
        SigningKeys.PublicKeyInfo published = keys.publicKeys().stream()
                .filter(k -> k.department().equals("310104-JT")).findFirst().orElseThrow();
        assertThat(published.keyId()).isEqualTo(signed.keyId());

        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(published.publicKey())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(CanonicalForm.of(signed.license()));
        assertThat(verifier.verify(signed.signature())).isTrue();

        verifier.initVerify(key);
        verifier.update(CanonicalForm.of(new License(license.id(), license.typeCode(), license.holderType(),
                license.holderKey(), "孙大师傅", license.fields(), license.issuingDepartment(), license.issuedOn(),
                license.validUntil(), license.status())));
        assertThat(verifier.verify(signed.signature())).isFalse();
    }
}
