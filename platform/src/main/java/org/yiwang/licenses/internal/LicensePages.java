package org.yiwang.licenses.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.Verification;

/**
 * Pages: the holder's wallet and the full-screen 亮证 view, the issuing department's register with revocation,
 * and the public verification (no sign-in) that a license's QR code leads to.
 */
@Controller
class LicensePages {

    private static final int REGISTER_ROWS = 50;

    private final LicenseService licenses;
    private final LicenseTypes types;
    private final Catalog catalog;
    private final Directory directory;
    private final VerifyUrls verifyUrls;
    private final VerificationThrottle throttle;
    private final ViolationTexts texts;

    LicensePages(LicenseService licenses, LicenseTypes types, Catalog catalog, Directory directory, VerifyUrls verifyUrls,
                 VerificationThrottle throttle, ViolationTexts texts) {
        this.licenses = licenses;
        this.types = types;
        this.catalog = catalog;
        this.directory = directory;
        this.verifyUrls = verifyUrls;
        this.throttle = throttle;
        this.texts = texts;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem licensesWallet() {
            return new MenuItem("licenses.menu.wallet", "/me/licenses", Set.of(Role.RESIDENT, Role.ENTERPRISE), 12);
        }

        @Bean
        MenuItem licensesRegister() {
            return new MenuItem("licenses.menu.register", "/licenses", Set.of(Role.DEPARTMENT_OFFICER), 300);
        }

        @Bean
        MenuItem licensesVerify() {
            return new MenuItem("licenses.menu.verify", "/verify", Set.of(Role.WINDOW_CLERK, Role.DEPARTMENT_OFFICER,
                    Role.GRID_WORKER, Role.COMMAND_CENTER), 310);
        }
    }

    /** One line of a license face: label and displayed value (code values as their label). */
    record Line(String label, String value) {}

    /** A license as shown: its face in the page's language; {@code verifyUrl} (the QR code's) on the holder's pages. */
    record Card(License license, String typeName, String issuerName, List<Line> lines, String holderKeyMasked,
                String verifyUrl) {

        public String status() {
            return license.status().name();
        }
    }

    @GetMapping("/me/licenses")
    @PreAuthorize("hasAnyRole('RESIDENT','ENTERPRISE')")
    String wallet(Actor actor, Model model, Locale locale) {
        model.addAttribute("cards", LicenseApi.walletOf(actor, licenses).stream().map(l -> card(l, locale, true)).toList());
        return "licenses/wallet";
    }

    /** 亮证: the license full screen with its QR code and the time of showing, for an inspector to look at. */
    @GetMapping("/me/licenses/{id}")
    @PreAuthorize("hasAnyRole('RESIDENT','ENTERPRISE')")
    String show(Actor actor, @PathVariable String id, Model model, Locale locale) {
        License license = licenses.require(id);
        if (!LicenseApi.holds(actor, license)) throw licenses.notFound();
        model.addAttribute("card", card(license, locale, true));
        return "licenses/show";
    }

    @GetMapping("/licenses")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String register(Actor actor, @RequestParam(required = false) String id, Model model, Locale locale) {
        String department = actor.departmentCode();
        List<License> found = department == null ? List.of() : licenses.issuedBy(department, id, REGISTER_ROWS);
        model.addAttribute("cards", found.stream().map(l -> card(l, locale, false)).toList());
        model.addAttribute("id", id);
        model.addAttribute("department", department == null ? null : departmentName(department, locale));
        return "licenses/register";
    }

    /**
     * Revocation is irreversible, so it takes two steps: the first post shows the license and the reason and asks
     * for confirmation (works without JavaScript); only the confirmed post revokes.
     */
    @PostMapping("/licenses/revocation")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String revoke(Actor actor, @RequestParam String id, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "false") boolean confirmed, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            if (!confirmed) {
                License license = licenses.require(id);
                if (!LicenseService.isIssuer(actor, license.issuingDepartment())) throw licenses.notFound();
                if (reason == null || reason.isBlank()) throw InvalidInputException.of("reason", "revocation-reason");
                model.addAttribute("card", card(license, locale, false));
                model.addAttribute("reason", reason.strip());
                return "licenses/revoke-confirm";
            }
            License revoked = licenses.revoke(actor, id, reason);
            redirect.addFlashAttribute("revoked", revoked.id());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", texts.detail(e.violations().get(0)));
        } catch (AccessDeniedProblem | NotFoundProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("id", id);
        return "redirect:/licenses";
    }

    /**
     * The QR code of a license: its public verification URL with the license's random token, never the serial
     * identifier. For the holder and the issuing department only, since the token is what proves possession.
     */
    @GetMapping(value = "/licenses/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "240") int size) {
        License license = licenses.require(id);
        if (!LicenseApi.holds(actor, license) && !LicenseService.isIssuer(actor, license.issuingDepartment())) {
            throw licenses.notFound();
        }
        int pixels = Math.max(120, Math.min(size, 800));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(verifyUrls.ofToken(licenses.tokenOf(license.id())), pixels));
    }

    /** Public form; a submitted identifier goes to its own page so that a scanned URL and a typed one look alike. */
    @GetMapping("/verify")
    String verifyForm(@RequestParam(required = false) String id) {
        if (id != null && !id.isBlank()) {
            return "redirect:" + UriComponentsBuilder.fromPath("/verify/{id}").buildAndExpand(id.strip()).encode().toUriString();
        }
        return "licenses/verify";
    }

    /** Verification by printed identifier: limited per client address, since identifiers can be walked. */
    @GetMapping("/verify/{id}")
    String verify(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
                  Locale locale) {
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            model.addAttribute("limited", throttle.perMinute());
            return "licenses/verify";
        }
        return verified(licenses.verify(id), model, locale);
    }

    /** Verification by the token of a QR code. */
    @GetMapping("/verify/t/{token}")
    String verifyToken(@PathVariable String token, Model model, Locale locale) {
        return verified(licenses.verifyToken(token), model, locale);
    }

    private String verified(Verification verification, Model model, Locale locale) {
        model.addAttribute("verification", verification);
        boolean en = english(locale);
        model.addAttribute("typeName", verification.typeName() == null || !en ? verification.typeName()
                : types.all().stream().filter(t -> t.type().nameZh().equals(verification.typeName()))
                        .map(t -> t.type().nameEn()).findFirst().orElse(verification.typeName()));
        model.addAttribute("issuerName", verification.issuer() == null || !en ? verification.issuer()
                : directory.departments().stream().filter(d -> d.name().equals(verification.issuer()))
                        .map(Department::nameEn).findFirst().orElse(verification.issuer()));
        return "licenses/verify";
    }

    private Card card(License license, Locale locale, boolean withToken) {
        boolean en = english(locale);
        Optional<TypeDefinition> definition = types.find(license.typeCode());
        String typeName = definition.map(d -> en ? d.type().nameEn() : d.type().nameZh()).orElse(license.typeCode());
        List<Line> lines = new ArrayList<>();
        for (LicenseField field : definition.map(d -> d.type().fields()).orElse(List.of())) {
            String value = license.fields().get(field.name());
            if (value == null) continue;
            lines.add(new Line(en ? field.labelEn() : field.labelZh(), display(field, value, en)));
        }
        String masked = license.holderType() == SubjectType.PERSON ? Masking.citizenId(license.holderKey())
                : license.holderKey();
        return new Card(license, typeName, departmentName(license.issuingDepartment(), locale), lines, masked,
                withToken && license.status() == License.Status.VALID
                        ? verifyUrls.ofToken(licenses.tokenOf(license.id())) : null);
    }

    private String display(LicenseField field, String value, boolean en) {
        if (field.element() == null) return value;
        return catalog.element(field.element()).map(DataElement::codeTable)
                .flatMap(table -> catalog.codes(table).stream().filter(c -> c.code().equals(value)).findFirst())
                .map(c -> en ? c.labelEn() : c.labelZh())
                .orElse(value);
    }

    private String departmentName(String code, Locale locale) {
        return directory.department(code).map(d -> english(locale) ? d.nameEn() : d.name()).orElse(code);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
