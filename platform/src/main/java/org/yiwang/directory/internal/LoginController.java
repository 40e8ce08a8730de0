package org.yiwang.directory.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Our own login page (Spring Security handles its POST) and the second step of administrators: the TOTP code,
 * which adds the factor {@value SecondFactor#AUTHORITY} to the sign-in. The first time, the step enrols the
 * account (QR code and secret).
 */
@Controller
class LoginController {

    static final String ISSUER = "yiwang";

    private final SecondFactor factor;
    private final LoginAttempts attempts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

    LoginController(SecondFactor factor, LoginAttempts attempts, ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.factor = factor;
        this.attempts = attempts;
        this.oidcProviders = oidcProviders;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", oidcProviders.getIfAvailable() != null);
        return "login";
    }

    /** The provider signed the person in, but the directory has no (enabled) user for them. */
    @GetMapping("/login/oidc-unknown")
    String oidcUnknown(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "directory/oidc-unknown";
    }

    @GetMapping("/login/totp")
    String totp(Model model) {
        Authentication auth = holder.getContext().getAuthentication();
        if (!SecondFactor.required(auth)) return "redirect:/login";
        if (SecondFactor.proven(auth)) return "redirect:/";
        return page(model, auth.getName());
    }

    @PostMapping("/login/totp")
    String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication auth = holder.getContext().getAuthentication();
        if (!SecondFactor.required(auth)) return "redirect:/login";
        String username = auth.getName();
        // codes are guessed at the same pace as passwords: the same throttling, on a key of its own
        String key = "totp:" + username;
        String ip = request.getRemoteAddr();
        Optional<Duration> wait = attempts.blocked(key, ip);
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("waitSeconds", Math.max(1, wait.get().toSeconds()));
            return page(model, username);
        }
        if (!factor.verify(username, code)) {
            attempts.record(key, ip, LoginAttempts.Outcome.FAILURE);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("wrongCode", true);
            return page(model, username);
        }
        attempts.record(key, ip, LoginAttempts.Outcome.SUCCESS);
        Authentication upgraded = auth.toBuilder()
                .authorities(a -> a.add(FactorGrantedAuthority.fromAuthority(SecondFactor.AUTHORITY))).build();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(upgraded);
        holder.setContext(context);
        request.changeSessionId(); // a new session id for the fully signed-in session
        contexts.saveContext(context, request, response);
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/");
    }

    private String page(Model model, String username) {
        String secret = factor.enrolment(username);
        if (secret != null) {
            String uri = Totp.uri(ISSUER, username, secret);
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("secretRaw", secret);
            model.addAttribute("qr", "data:image/png;base64," + qrPng(uri));
        }
        model.addAttribute("username", username);
        return "directory/totp";
    }

    static String qrPng(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            int scale = 6;
            BufferedImage image = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
