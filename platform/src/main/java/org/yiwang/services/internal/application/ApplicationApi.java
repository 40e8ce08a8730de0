package org.yiwang.services.internal.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.basedata.Provenance;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.services.PartStatus;

/** 一网通办 for applicants and window clerks: the prefilled form, submission, status, corrections. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications", description = "一网通办:预填表单、一次提交、办件进度、补正")
@PreAuthorize("hasAnyRole('RESIDENT', 'ENTERPRISE', 'WINDOW_CLERK')")
class ApplicationApi {

    private final Submissions submissions;
    private final MyApplications mine;

    ApplicationApi(Submissions submissions, MyApplications mine) {
        this.submissions = submissions;
        this.mine = mine;
    }

    /** {@code applicant}: the enterprise's credit code, or at the window the person's ID number or credit code. */
    record FormRequest(@NotNull Target.Kind kind, @NotBlank String code, String applicant, String house) {}

    record FormJson(String kind, String code, String name, String applicant, String house, List<String> houses,
                    List<FieldJson> fields, List<MaterialJson> materials, int paperFacts, int paperLicenseCopies) {}

    /** {@code changes}: the target changes this value; {@code value} is the current one, the new one is sent. */
    record FieldJson(String element, String name, boolean required, String value, boolean masked, Provenance source,
                     boolean locked, boolean changes, List<String> departments) {}

    record MaterialJson(String key, String item, String name, boolean required, String licenseType, String license,
                        boolean upload) {}

    record UploadJson(@Schema(description = "the material's key in the form, item.material", example = "BARBER_HYGIENE.FLOOR_PLAN")
                      @NotBlank String material, @NotBlank String fileName, String contentType,
                      @Schema(format = "byte", description = "the file, base64") @NotBlank String contentBase64) {}

    record SubmissionJson(@NotNull Target.Kind kind, @NotBlank String code, String applicant, String house,
                          Map<String, String> values, Map<String, String> licenses, List<@Valid UploadJson> uploads,
                          @NotBlank String idempotencyKey) {}

    record Created(UUID id, String reference) {}

    static final String SUBMISSION_EXAMPLE = """
            {"kind": "ITEM", "code": "BARBER_HYGIENE", "applicant": "91310104MA1FL0QX48",
             "values": {"entity.premises_area": "85.5", "entity.employees": "6"},
             "uploads": [{"material": "BARBER_HYGIENE.FLOOR_PLAN", "fileName": "平面布局图.pdf",
                          "contentType": "application/pdf", "contentBase64": "JVBERi0xLjQKJcTl8uXrCg=="}],
             "idempotencyKey": "8d3c7f2a-1b4e-4c9d-a6f0-5e2b9c8d7a31"}""";

    record Summary(UUID id, String reference, String target, String applicantName, Instant submittedAt,
                   String channel, String status) {}

    record PartJson(UUID id, String item, String department, PartStatus status, List<String> elements,
                    Map<String, String> materials, List<String> questioned, String reason, LocalDate dueOn,
                    int workingDaysLeft, String licenseId, List<EventJson> timeline) {}

    record EventJson(Instant at, PartStatus from, PartStatus to, String role, String note) {}

    record ApplicationJson(UUID id, String reference, String target, String status, String applicantName,
                           Instant submittedAt, List<String> typed, int prefilled, int uploads, int licensesUsed,
                           List<PartJson> parts) {}

    @PostMapping("/forms")
    @Operation(operationId = "prefillForm", summary = "The prefilled form of an item or bundle for the applicant (an audited read)",
            description = "Every element is asked once: values the base holds are prefilled (authoritative ones locked),"
                    + " held e-licences satisfy their materials, the rest is typed or uploaded.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = FormRequest.class),
                    examples = {@ExampleObject(name = "item", summary = "one item for an enterprise, at the window",
                            value = "{\"kind\": \"ITEM\", \"code\": \"BARBER_HYGIENE\", \"applicant\": \"91310104MA1FL0QX48\"}"),
                            @ExampleObject(name = "bundle", summary = "a bundle (一件事)",
                            value = "{\"kind\": \"BUNDLE\", \"code\": \"HOTEL_CHANGE\", \"applicant\": \"91310104MA1FL0QX48\"}")})))
    FormJson form(Actor actor, @Valid @RequestBody FormRequest body) {
        ApplicationForm f = submissions.form(actor, body.kind(), body.code(), body.applicant(), body.house());
        return new FormJson(body.kind().name(), body.code(), f.target().nameZh(), f.applicantName(), f.house(),
                f.houses(), f.fields().stream().map(x -> new FieldJson(x.code(), x.element().nameZh(), x.required(),
                        x.value(), x.masked(), x.provenance(), x.locked(), x.changes(), x.departments())).toList(),
                f.materials().stream().map(m -> new MaterialJson(m.key(), m.item().code(), m.material().nameZh(),
                        m.material().required(), m.material().licenseType(),
                        m.license() == null ? null : m.license().id(), m.needsUpload())).toList(),
                f.paperFields(), f.paperCopies());
    }

    @PostMapping("/applications")
    @Operation(operationId = "submitApplication", summary = "Submit once: one application, one part per department; idempotent per key",
            description = "values: the typed elements; licenses: material →"
                    + " e-licence id; uploads: the other materials' files (base64). A repeated idempotencyKey is a 409.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = SubmissionJson.class),
                    examples = @ExampleObject(name = "item", summary = "a barber shop's hygiene licence",
                            value = SUBMISSION_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "the application and its reference",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class),
                    examples = @ExampleObject(value = "{\"id\": \"5b2f0c8e-93a1-4d6e-b7f4-0e1d2c3b4a59\","
                            + " \"reference\": \"YW20261202000123\"}")))
    ResponseEntity<Created> submit(Actor actor, @Valid @RequestBody SubmissionJson body) {
        List<Submission.Upload> uploads = body.uploads() == null ? List.of() : body.uploads().stream()
                .map(u -> new Submission.Upload(u.material(), u.fileName(), u.contentType(), decode(u))).toList();
        var submitted = submissions.submit(actor, new Submission(body.kind(), body.code(), body.applicant(),
                body.house(), body.values(), body.licenses(), uploads, body.idempotencyKey()));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + submitted.id()))
                .body(new Created(submitted.id(), submitted.reference()));
    }

    @GetMapping("/applications")
    @Operation(operationId = "listApplications", summary = "The caller's applications (at the window: those the clerk entered)")
    List<Summary> list(Actor actor) {
        var applications = mine.list(actor);
        var statuses = mine.statuses(applications);
        return applications.stream().map(a -> new Summary(a.id(), a.reference(), a.targetName(),
                a.applicantName(), a.submittedAt(), a.channel().name(),
                statuses.containsKey(a.id()) ? statuses.get(a.id()).name() : null)).toList();
    }

    @GetMapping("/applications/{id}")
    @Operation(operationId = "getApplication", summary = "An application with its parts: status, working days left, questioned elements, timeline")
    ApplicationJson get(Actor actor, @PathVariable UUID id) {
        ApplicationView v = mine.view(actor, id);
        var a = v.application();
        return new ApplicationJson(a.id(), a.reference(), a.targetName(), v.status().name(), a.applicantName(),
                a.submittedAt(), a.typed(), a.prefilled(), a.uploads(), a.licensesUsed(), v.parts().stream()
                .map(p -> new PartJson(p.row().id(), p.row().itemCode(), p.row().department(), p.row().status(),
                        p.row().elements(), p.materials(), p.row().questioned(), p.row().reason(), p.dueOn(),
                        p.workingDaysLeft(), p.row().licenseId(), p.timeline().stream()
                        .map(e -> new EventJson(e.at(), e.from(), e.to(), e.role(), e.note())).toList()))
                .toList());
    }

    record CorrectionJson(@NotNull Map<String, String> values) {}

    @PostMapping("/applications/{id}/parts/{part}/correction")
    @Operation(summary = "Correct exactly the questioned elements of a returned part and send it back")
    ApplicationJson correct(Actor actor, @PathVariable UUID id, @PathVariable UUID part,
                            @Valid @RequestBody CorrectionJson body) {
        mine.resubmit(actor, id, part, body.values());
        return get(actor, id);
    }

    private static byte[] decode(UploadJson u) {
        try {
            return Base64.getDecoder().decode(u.contentBase64());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("uploads.contentBase64", "upload-base64");
        }
    }
}
