package org.yiwang.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CodeValue;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.catalog.SharingExplanation;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;

/** Data elements, code tables, purposes and the explain view. Reading is for anyone signed in; changes for DATA_ADMIN. */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "数据目录:数据元、代码表、用途、共享判定")
class CatalogApi {

    record CodeTableSummary(String code, String nameZh, String nameEn, String standard, int size) {}

    record CodeTableView(String code, String nameZh, String nameEn, String standard, List<CodeValue> codes) {}

    private final Catalog catalog;
    private final CatalogSnapshots snapshots;
    private final ElementStore elements;
    private final PurposeStore purposes;
    private final SharingPolicy policy;
    private final Directory directory;
    private final ViolationTexts texts;

    CatalogApi(Catalog catalog, CatalogSnapshots snapshots, ElementStore elements, PurposeStore purposes,
            SharingPolicy policy, Directory directory, ViolationTexts texts) {
        this.texts = texts;
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.elements = elements;
        this.purposes = purposes;
        this.policy = policy;
        this.directory = directory;
    }

    @GetMapping("/elements")
    public List<DataElement> elements(@RequestParam(required = false) SubjectType subjectType) {
        return subjectType == null ? catalog.elements() : catalog.elements(subjectType);
    }

    @GetMapping("/elements/{code}")
    public DataElement element(@PathVariable String code) {
        return catalog.element(code).orElseThrow(() -> new NotFoundProblem("code",
                texts.text("catalog.problem.no-such-element", new Object[] {code}, "no such data element: " + code)));
    }

    @PostMapping("/elements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public DataElement createElement(@RequestBody ElementForm form, Actor actor) {
        return elements.create(form, actor.username());
    }

    @PutMapping("/elements/{code}")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public DataElement updateElement(@PathVariable String code, @RequestBody ElementForm form, Actor actor) {
        return elements.update(code, form, actor.username());
    }

    @GetMapping("/code-tables")
    public List<CodeTableSummary> codeTables() {
        return snapshots.current().codeTables().values().stream()
                .map(t -> new CodeTableSummary(t.code(), t.nameZh(), t.nameEn(), t.standard(), t.values().size())).toList();
    }

    @GetMapping("/code-tables/{code}")
    public CodeTableView codeTable(@PathVariable String code) {
        var t = snapshots.current().codeTables().get(code);
        if (t == null) {
            throw new NotFoundProblem("code",
                    texts.text("catalog.problem.unknown-code-table", new Object[] {code}, "no such code table: " + code));
        }
        return new CodeTableView(t.code(), t.nameZh(), t.nameEn(), t.standard(), List.copyOf(t.values().values()));
    }

    @GetMapping("/purposes")
    public List<Purpose> purposes() {
        return catalog.purposes();
    }

    @PostMapping("/purposes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public Purpose addPurpose(@RequestBody Purpose purpose, Actor actor) {
        return purposes.add(purpose, actor.username());
    }

    /** Why would {@code consumer} (a department code, or {@code SELF}) get or not get an element for a purpose. */
    @GetMapping("/sharing/explain")
    @PreAuthorize("hasRole('DATA_ADMIN')")
    public SharingExplanation explain(@RequestParam(required = false) String consumer,
            @RequestParam(required = false) String element, @RequestParam(required = false) String purpose) {
        return policy.explain(consumer(directory, consumer), require("element", element), require("purpose", purpose));
    }

    static Consumer consumer(Directory directory, String consumer) {
        String code = require("consumer", consumer);
        if (code.equalsIgnoreCase("SELF")) return Consumer.self();
        if (directory.department(code).isEmpty()) {
            throw new InvalidInputException(List.of(
                    Violation.keyed("consumer", "unknown-department", "catalog.problem.unknown-department", code)));
        }
        return Consumer.department(code);
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(List.of(Violation.keyed(field, "required", "catalog.problem.required")));
        }
        return value.strip();
    }
}
