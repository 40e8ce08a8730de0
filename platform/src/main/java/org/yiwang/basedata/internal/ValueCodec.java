package org.yiwang.basedata.internal;

import java.util.Base64;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Masking;

/** Turns values into their stored form (encrypted identifiers) and back, and masks them for display. */
@Component
class ValueCodec {

    private final Catalog catalog;
    private final FieldCipher cipher;

    ValueCodec(Catalog catalog, FieldCipher cipher) {
        this.catalog = catalog;
        this.cipher = cipher;
    }

    String store(String element, String plain) {
        if (plain == null || !encrypted(element)) return plain;
        return Base64.getEncoder().encodeToString(cipher.encrypt(plain));
    }

    String reveal(String element, String stored) {
        if (stored == null || !encrypted(element)) return stored;
        return cipher.decrypt(Base64.getDecoder().decode(stored));
    }

    boolean encrypted(String element) {
        return catalog.element(element).map(DataElement::encryptedAtRest).orElse(false);
    }

    byte[] index(String plain) {
        return cipher.blindIndex(plain);
    }

    String indexHex(String plain) {
        return cipher.blindIndexHex(plain);
    }

    /** The masked form of a value, by the element's type. */
    String mask(String element, String plain) {
        if (plain == null) return null;
        DataElement e = catalog.element(element).orElse(null);
        if (e == null) return Masking.generic(plain);
        return switch (e.type()) {
            case CITIZEN_ID -> Masking.citizenId(plain);
            case PHONE -> Masking.phone(plain);
            default -> element.endsWith("name") ? Masking.name(plain) : Masking.generic(plain);
        };
    }
}
