package org.yiwang.licenses.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public verification URL of a license, as its QR code carries it: {@code /verify/t/{token}}, the license's
 * random verification token, never its serial identifier. Under {@code yiwang.licenses.public-url} when set (the
 * address the public reaches behind a proxy), else under the address of the current request.
 */
@Component
class VerifyUrls {

    private final String publicUrl;

    VerifyUrls(@Value("${yiwang.licenses.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String ofToken(String token) {
        UriComponentsBuilder base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl);
        return base.path("/verify/t/{token}").buildAndExpand(token).encode().toUriString();
    }
}
