package org.yiwang.basedata.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.Method;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/** Bulk imports: upload, follow progress, download the rejected rows. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Bulk import", description = "CSV/XLSX批量导入,逐行校验,下载未通过的行")
@PreAuthorize("hasAnyRole('DATA_ADMIN','SYSTEM_ADMIN','DEPARTMENT_OFFICER','GRID_WORKER')")
class ImportApi {

    private final Uploads uploads;

    ImportApi(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "startImport", summary = "Start an import; rows are checked one by one, valid rows imported, the rest reported")
    ResponseEntity<Map<String, Object>> start(Actor actor,
            @Parameter(description = "CSV (UTF-8, header row of element codes) or XLSX") @RequestParam("file") MultipartFile file,
            @RequestParam String type, @RequestParam(required = false) String sourceDepartment,
            @RequestParam Method method, @RequestParam(defaultValue = "DATA_GOVERNANCE") String purpose)
            throws IOException {
        UUID id = uploads.start(actor, file, subjectType(type), sourceDepartment, method, purpose);
        return ResponseEntity.accepted().body(Map.of("importId", id, "status", "/api/v1/imports/" + id));
    }

    /** An unknown type is the caller's mistake, named like any other broken rule. */
    static SubjectType subjectType(String type) {
        try {
            return SubjectType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "unknown-subject-type");
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and outcome of an import (rows imported, rejected with reasons)")
    ImportReport report(Actor actor, @PathVariable UUID id) {
        return uploads.report(actor, id);
    }

    @GetMapping("/{id}/rejected.csv")
    @Operation(summary = "The rejected rows as uploaded, with the reasons; only for the uploader")
    ResponseEntity<byte[]> rejected(Actor actor, @PathVariable UUID id) throws IOException {
        return uploads.rejectedCsv(actor, id);
    }

    /** The upload handling shared by the API and the import page. */
    @Component
    static class Uploads {

        private static final Set<Role> SEE_ALL_IMPORTS = Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN);

        private final TabularImport imports;
        private final ImportStore store;
        private final Clock clock;
        private final ViolationTexts texts;

        Uploads(TabularImport imports, ImportStore store, Clock clock, ViolationTexts texts) {
            this.clock = clock;
            this.texts = texts;
            this.imports = imports;
            this.store = store;
        }

        UUID start(Actor actor, MultipartFile file, SubjectType type, String sourceDepartment, Method method,
                   String purpose) throws IOException {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "file-required");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
            String format = name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".csv") ? "csv" : null;
            if (format == null) {
                throw InvalidInputException.of("file", "file-format");
            }
            Path spool = Files.createTempFile("yiwang-import-", "." + format);
            file.transferTo(spool);
            return imports.start(actor, type, format, file.getOriginalFilename(), spool,
                    Attribution.of(clock, sourceDepartment == null || sourceDepartment.isBlank() ? null : sourceDepartment,
                            method, purpose, "bulk import " + file.getOriginalFilename()));
        }

        ImportReport report(Actor actor, UUID id) {
            checkOwner(actor, id);
            return imports.report(id);
        }

        /** The original rejected rows hold personal data in clear: only the uploader gets them back. */
        ResponseEntity<byte[]> rejectedCsv(Actor actor, UUID id) throws IOException {
            store.job(id).ifPresent(job -> {
                if (!job.actor().equals(ImportStore.uploader(actor))) {
                    throw new AccessDeniedProblem("importId", "NOT_OWNER", texts.text("problem.not-owner", null, "not your import"));
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
            headers.setContentDisposition(ContentDisposition.attachment().filename("rejected-" + id + ".csv").build());
            return new ResponseEntity<>(imports.rejectedCsv(id).getBytes(StandardCharsets.UTF_8), headers, HttpStatus.OK);
        }

        private void checkOwner(Actor actor, UUID id) {
            store.job(id).ifPresent(job -> {
                if (!job.actor().equals(ImportStore.uploader(actor)) && !SEE_ALL_IMPORTS.contains(actor.role())) {
                    throw new AccessDeniedProblem("importId", "NOT_OWNER", texts.text("problem.not-owner", null, "not your import"));
                }
            });
        }
    }
}
