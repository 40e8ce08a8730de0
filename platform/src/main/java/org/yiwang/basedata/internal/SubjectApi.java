package org.yiwang.basedata.internal;

import io.swagger.v3.oas.annotations.Operation;
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

    /** {@code partial} is optional: absent means a refused element refuses the whole read. */
    record ReadBody(@NotNull SubjectType type, @NotBlank String key, @NotEmpty List<String> elements, String purpose,
                    Boolean partial) {}

    record WriteBody(@NotNull SubjectType type, @NotBlank String key, @NotEmpty List<@Valid Fact> facts,
                     String sourceDepartment, @NotNull Method method, @NotBlank String purpose, String reason) {}

    record DossierBody(@NotNull SubjectType type, @NotBlank String key, @NotBlank String purpose) {}

    @PostMapping("/read")
    @Operation(summary = "Policy-checked, audited read of data elements of one subject")
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
