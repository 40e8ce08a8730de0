package org.yiwang.basedata.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Dossier;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.basedata.WriteResult;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;

/**
 * Reads and writes of base data. Keys travel in request bodies, never in URLs, so that ID numbers do not end up
 * in access logs.
 */
@RestController
@RequestMapping("/api/v1/subjects")
@Tag(name = "Base data", description = "人口、法人、房屋基础库:经共享判定和留痕的读取与写入")
class SubjectApi {

    private final PersonalData personalData;
    private final Facts facts;
    private final Clock clock;

    SubjectApi(PersonalData personalData, Facts facts, Clock clock) {
        this.clock = clock;
        this.personalData = personalData;
        this.facts = facts;
    }

    static final String READ_EXAMPLE = """
            {"type": "PERSON", "key": "310104199003074211", "elements": ["person.name", "person.religion"],
             "purpose": "DATA_GOVERNANCE", "partial": true}""";
    static final String READ_ANSWER = """
            {"type": "PERSON", "id": "0b9f3a52-5c1e-4a57-9d0e-2f1c6b7a8e90", "display": "张*", "divisionCode": "310104014",
             "values": {"person.name": {"element": "person.name", "value": "张伟", "masked": false,
               "provenance": {"sourceDepartment": "310104-GA", "method": "AUTHORITATIVE", "at": "2026-11-30T02:15:00Z"}}},
             "denied": {"person.religion": "NEGATIVE_LIST"}}""";

    /** {@code partial} is optional: absent means a refused element refuses the whole read. */
    record ReadBody(@NotNull SubjectType type, @NotBlank String key, @NotEmpty List<String> elements, String purpose,
                    Boolean partial) {}

    record WriteBody(@NotNull SubjectType type, @NotBlank String key, @NotEmpty List<@Valid Fact> facts,
                     String sourceDepartment, @NotNull Method method, @NotBlank String purpose, String reason) {}

    record DossierBody(@NotNull SubjectType type, @NotBlank String key, @NotBlank String purpose) {}

    @PostMapping("/read")
    @Operation(operationId = "readSubject", summary = "Policy-checked, audited read of data elements of one subject",
            description = "Each element is decided by the three lists; sensitive values are masked as the demand entry"
                    + " says; every read is audited. Without partial, one refused element refuses the whole read"
                    + " (403 problem naming the element and the reason).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = ReadBody.class),
                    examples = @ExampleObject(name = "person", summary = "two elements, partial",
                            value = READ_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "the allowed values with provenance and, for a partial read, the"
            + " refused elements with their reason",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectView.class),
                    examples = @ExampleObject(name = "person", value = READ_ANSWER)))
    SubjectView read(Actor actor, @Valid @RequestBody ReadBody body) {
        return personalData.read(actor, new ReadRequest(new SubjectRef(body.type(), body.key()), body.elements(),
                body.purpose(), Boolean.TRUE.equals(body.partial())));
    }

    @PostMapping("/write")
    @Operation(summary = "Assert facts about a subject; resolved by authority, recorded in history, audited")
    WriteResult write(Actor actor, @Valid @RequestBody WriteBody body) {
        return facts.write(actor, new SubjectRef(body.type(), body.key()), body.facts(),
                Attribution.of(clock, blankToNull(body.sourceDepartment()), body.method(), body.purpose(), body.reason()));
    }

    @PostMapping("/dossier")
    @Operation(summary = "Every value the caller may see of a subject, with provenance, history and conflicts")
    Dossier dossier(Actor actor, @Valid @RequestBody DossierBody body) {
        return personalData.dossier(actor, new SubjectRef(body.type(), body.key()), body.purpose());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
