package org.yiwang.services.internal.application;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.FieldCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A part's values are personal data: kept as encrypted JSON (AES-GCM), opened only for the part's readers. */
@Component
class PartValues {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final FieldCipher cipher;
    private final JsonMapper json;

    PartValues(FieldCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    byte[] seal(Map<String, String> values) {
        return cipher.encrypt(json.writeValueAsString(values));
    }

    Map<String, String> open(byte[] sealed) {
        return json.readValue(cipher.decrypt(sealed), MAP);
    }

    String materials(Map<String, String> refs) {
        return json.writeValueAsString(refs);
    }

    Map<String, String> materials(String stored) {
        return json.readValue(stored, MAP);
    }

    byte[] seal(String key) {
        return cipher.encrypt(key);
    }

    String openKey(byte[] sealed) {
        return cipher.decrypt(sealed);
    }

    byte[] index(String key) {
        return cipher.blindIndex(key);
    }
}
