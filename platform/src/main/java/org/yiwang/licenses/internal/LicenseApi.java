package org.yiwang.licenses.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Verification;

/**
 * REST API of electronic licenses. Public (no sign-in): the verification of an identifier and the issuers' public
 * keys. Issuing and revoking: the issuing department's officers and systems. The wallet: the holder.
 */
@RestController
@RequestMapping("/api/v1")
class LicenseApi {

    private final LicenseService licenses;
    private final SigningKeys keys;
    private final VerificationThrottle throttle;
    private final ViolationTexts texts;

    LicenseApi(LicenseService licenses, SigningKeys keys, VerificationThrottle throttle, ViolationTexts texts) {
        this.licenses = licenses;
        this.keys = keys;
        this.throttle = throttle;
        this.texts = texts;
    }

    record Revocation(String reason) {}

    /** A license with the issuer's signature over its canonical form (see docs/architecture.md, e-licenses). */
    record SignedLicenseView(License license, String keyId, String algorithm, String signature) {}

    @GetMapping("/licenses/types")
    List<LicenseType> types() {
        return licenses.types();
    }

    @PostMapping("/licenses")
    ResponseEntity<License> issue(Actor actor, @RequestBody IssueRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(licenses.issue(actor, request));
    }

    /** The whole license, for its holder and its issuing department only. */
    @GetMapping("/licenses/{id}")
    SignedLicenseView license(Actor actor, @PathVariable String id) {
        LicenseService.SignedLicense signed = licenses.signed(id).orElseThrow(licenses::notFound);
        License license = signed.license();
        if (!LicenseService.isIssuer(actor, license.issuingDepartment()) && !holds(actor, license)) {
            throw new AccessDeniedProblem("licenseId", "NOT_HOLDER",
                    texts.text("licenses.problem.not-holder", null, "NOT_HOLDER"));
        }
        return new SignedLicenseView(license, signed.keyId(), signed.algorithm(),
                Base64.getEncoder().encodeToString(signed.signature()));
    }

    @PostMapping("/licenses/{id}/revocation")
    License revoke(Actor actor, @PathVariable String id, @RequestBody Revocation revocation) {
        return maskedHolderKey(licenses.revoke(actor, id, revocation == null ? null : revocation.reason()));
    }

    /**
     * Public: what anyone holding the printed identifier may learn. Limited per client address
     * ({@code yiwang.licenses.verify-per-minute}, 20 a minute): beyond it a 429 problem response.
     */
    @GetMapping("/licenses/{id}/verification")
    @Operation(summary = "Verify a license by its identifier: VALID, EXPIRED, REVOKED, SUPERSEDED, UNKNOWN or FORGED (public, rate-limited)")
    @SecurityRequirements
    ResponseEntity<?> verification(@PathVariable String id, HttpServletRequest request) {
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    texts.text("problem.verify-rate", new Object[] {throttle.perMinute()}, "too many verifications"));
            problem.setTitle(texts.text("problem.title.too-many", null, "Too many requests"));
            problem.setType(URI.create("https://yiwang.org/problems/too-many-requests"));
            problem.setProperty("rule", "verify-rate");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                    .cacheControl(CacheControl.noStore()).body(problem);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(licenses.verify(id));
    }

    /** Public: verification by the random token a license's QR code carries ({@code /verify/t/{token}}). */
    @GetMapping("/licenses/verification/{token}")
    @Operation(summary = "Verify a license by the token its QR code carries (public)")
    @SecurityRequirements
    ResponseEntity<Verification> verificationByToken(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(licenses.verifyToken(token));
    }

    /** Public: the issuing departments' Ed25519 public keys (X.509 SubjectPublicKeyInfo, base64). */
    @GetMapping("/licenses/signing-keys")
    @Operation(summary = "The issuing departments' Ed25519 public keys (public)")
    @SecurityRequirements
    List<SigningKeys.PublicKeyInfo> signingKeys() {
        return keys.publicKeys();
    }

    /** The signed-in resident's or enterprise's licenses: valid, expired and revoked; replaced versions left out. */
    @GetMapping("/me/licenses")
    @PreAuthorize("hasAnyRole('RESIDENT','ENTERPRISE')")
    List<License> mine(Actor actor) {
        return walletOf(actor, licenses);
    }

    static List<License> walletOf(Actor actor, LicenseService licenses) {
        List<License> result = new ArrayList<>();
        if (actor.role() == Role.RESIDENT && actor.citizenId() != null) {
            result.addAll(licenses.wallet(SubjectType.PERSON, actor.citizenId().value()));
        }
        if (actor.role() == Role.ENTERPRISE) {
            actor.creditCodes().stream().sorted((a, b) -> a.value().compareTo(b.value()))
                    .forEach(code -> result.addAll(licenses.wallet(SubjectType.LEGAL_ENTITY, code.value())));
        }
        return result;
    }

    static boolean holds(Actor actor, License license) {
        return switch (license.holderType()) {
            case PERSON -> actor.role() == Role.RESIDENT && actor.citizenId() != null
                    && actor.citizenId().value().equals(license.holderKey());
            case LEGAL_ENTITY -> actor.role() == Role.ENTERPRISE
                    && actor.creditCodes().stream().anyMatch(c -> c.value().equals(license.holderKey()));
            case HOUSE -> false;
        };
    }

    private static License maskedHolderKey(License l) {
        String key = l.holderType() == SubjectType.PERSON ? Masking.citizenId(l.holderKey()) : l.holderKey();
        return new License(l.id(), l.typeCode(), l.holderType(), key, l.holderName(), l.fields(), l.issuingDepartment(),
                l.issuedOn(), l.validUntil(), l.status());
    }
}
