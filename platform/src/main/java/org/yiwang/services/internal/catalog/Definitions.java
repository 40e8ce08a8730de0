package org.yiwang.services.internal.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes definitions: YAML (files, the admin's YAML box) and JSON (the jsonb column, the REST API), both
 * strict — an unknown property is refused ({@code unknown-field}) rather than silently dropped, so a typo in a file
 * cannot lose a rule.
 */
@Component
class Definitions {

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS) // itemType "01" must stay a string
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR) // lists look like the shipped files
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    DefinitionFile file(String text) {
        return read(() -> yaml.readValue(text, DefinitionFile.class));
    }

    ItemDefinition itemFromYaml(String text) {
        return read(() -> yaml.readValue(text, ItemDefinition.class));
    }

    BundleDefinition bundleFromYaml(String text) {
        return read(() -> yaml.readValue(text, BundleDefinition.class));
    }

    <T> T fromJson(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "type");
        }
        return read(() -> json.treeToValue(body, type));
    }

    <T> T fromStored(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    String toJson(Object definition) {
        return json.writeValueAsString(definition);
    }

    String toYaml(Object definition) {
        return yaml.writeValueAsString(definition);
    }

    /** SHA-256 of the definition's canonical JSON: formatting and comments in the file do not count as a change. */
    String hash(Object definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson(definition).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(java.util.function.Supplier<T> reader) {
        try {
            T value = reader.get();
            if (value == null) throw InvalidInputException.of("body", "required");
            return value;
        } catch (JacksonException e) {
            String field = path(e);
            if (e instanceof UnrecognizedPropertyException unknown) {
                throw InvalidInputException.of(field, "unknown-field", unknown.getPropertyName());
            }
            throw InvalidInputException.of(field.isEmpty() ? "body" : field, "type");
        }
    }

    /** {@code elements[2].required} from Jackson's reference chain. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        List<JacksonException.Reference> refs = e.getPath();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
