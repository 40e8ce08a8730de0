package org.yiwang.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.catalog.internal.ListEntries.Demand;
import org.yiwang.catalog.internal.ListEntries.Negative;
import org.yiwang.catalog.internal.ListEntries.Responsibility;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.ViolationTexts;

/** The three lists: read by anyone signed in, changed by DATA_ADMIN, exported and imported as .xlsx. */
@RestController
@RequestMapping("/api/v1/catalog/lists")
@Tag(name = "catalog-lists", description = "三清单:责任清单、需求清单、负面清单")
class SharingListApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record DemandRequest(String department, String purpose, String element, String legalBasis, Boolean clear) {}

    record ImportResult(String list, int entries) {}

    private final SharingLists lists;
    private final ViolationTexts texts;

    SharingListApi(SharingLists lists, ViolationTexts texts) {
        this.lists = lists;
        this.texts = texts;
    }

    @GetMapping("/responsibility")
    public List<Responsibility> responsibility() {
        return lists.responsibility();
    }

    @PostMapping("/responsibility")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public Responsibility addResponsibility(@RequestBody Responsibility entry, Actor actor) {
        return lists.addResponsibility(entry, actor.username());
    }

    @DeleteMapping("/responsibility/{element}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public void removeResponsibility(@PathVariable String element, Actor actor) {
        lists.removeResponsibility(element, actor.username());
    }

    @GetMapping("/demand")
    public List<Demand> demand() {
        return lists.demand();
    }

    @PostMapping("/demand")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public Demand addDemand(@RequestBody DemandRequest entry, Actor actor) {
        return lists.addDemand(new Demand(0, entry.department(), entry.purpose(), entry.element(), entry.legalBasis(),
                Boolean.TRUE.equals(entry.clear())), actor.username());
    }

    @DeleteMapping("/demand/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public void removeDemand(@PathVariable long id, Actor actor) {
        lists.removeDemand(id, actor.username());
    }

    @GetMapping("/negative")
    public List<Negative> negative() {
        return lists.negative();
    }

    @PostMapping("/negative")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public Negative addNegative(@RequestBody Negative entry, Actor actor) {
        return lists.addNegative(entry, actor.username());
    }

    @DeleteMapping("/negative/{element}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public void removeNegative(@PathVariable String element, Actor actor) {
        lists.removeNegative(element, actor.username());
    }

    @GetMapping("/{list}.xlsx")
    public ResponseEntity<byte[]> export(@PathVariable String list) {
        SharingList which = SharingList.of(list, texts);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(which.path + ".xlsx").build().toString())
                .body(lists.export(which));
    }

    /** Replaces the list with the file's rows, all or nothing. */
    @PostMapping(path = "/{list}.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public ImportResult importList(@PathVariable String list, @RequestParam(required = false) MultipartFile file,
            Actor actor) throws IOException {
        SharingList which = SharingList.of(list, texts);
        return new ImportResult(which.path, lists.importWorkbook(which, open(file), actor.username()));
    }

    static InputStream open(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(Violation.keyed("file", "file-format", "catalog.problem.file-required")));
        }
        return file.getInputStream();
    }

    @ExceptionHandler(ListImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ListImportRejected e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(e));
    }

    ProblemDetail problem(ListImportRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                texts.text("catalog.problem.import-rejected", new Object[] {e.errors().size()},
                        e.errors().size() + " errors, nothing imported"));
        problem.setTitle(texts.text("problem.title.invalid-input", null, "Invalid input"));
        problem.setType(URI.create("https://yiwang.org/problems/invalid-input"));
        ListImportRejected.RowError first = e.errors().get(0);
        problem.setProperty("field", first.field());
        problem.setProperty("rule", first.rule());
        problem.setProperty("errors", e.errors().stream().map(r -> Map.of("row", r.row(),
                "column", r.column() == null ? "" : r.column(), "field", r.field(), "rule", r.rule(),
                "detail", r.detail())).toList());
        return problem;
    }
}
