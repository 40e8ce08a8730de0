package org.yiwang.licenses.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.yiwang.licenses.License;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the issuing department signs: a compact UTF-8 JSON array
 * {@code ["yiwang-license/1", id, type, holderType, holderKey, holderName, issuer, issuedOn, validUntil|null,
 * [[field, value], ...]]} with the fields sorted by name and dates in ISO-8601. The status is not signed: it
 * changes (revocation, replacement) and is answered from the issuer's register.
 */
final class CanonicalForm {

    static final String VERSION = "yiwang-license/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CanonicalForm() {}

    static byte[] of(License license) {
        List<Object> parts = new ArrayList<>(Arrays.asList(VERSION, license.id(), license.typeCode(),
                license.holderType().name(), license.holderKey(), license.holderName(), license.issuingDepartment(),
                license.issuedOn().toString(), license.validUntil() == null ? null : license.validUntil().toString()));
        List<List<String>> fields = new ArrayList<>();
        new TreeMap<>(license.fields()).forEach((name, value) -> fields.add(List.of(name, value)));
        parts.add(fields);
        return JSON.writeValueAsString(parts).getBytes(StandardCharsets.UTF_8);
    }
}
