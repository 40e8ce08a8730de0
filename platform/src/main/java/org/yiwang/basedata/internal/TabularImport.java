package org.yiwang.basedata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.BulkImport;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.ImportReport.RowProblem;
import org.yiwang.basedata.SubjectsImported;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SpreadsheetCells;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/**
 * Bulk import of CSV/XLSX. Rows are processed in batches, one transaction per batch: a valid row is written
 * whole (value, history, audit), an invalid row is reported with its first broken rule and its original content
 * kept encrypted for the download. New subjects go in with COPY; existing ones are merged by authority.
 */
@Service
class TabularImport implements BulkImport {

    private static final Logger log = LoggerFactory.getLogger(TabularImport.class);
    private static final int BATCH = 1000;

    private final SubjectRepository subjects;
    private final SubjectAssembler assembler;
    private final SubjectMerger merger;
    private final FactValidator validator;
    private final SubjectAccess access;
    private final AttributionRules rules;
    private final ImportStore store;
    private final Catalog catalog;
    private final Directory directory;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TaskExecutor background;
    private final ViolationTexts texts;

    TabularImport(SubjectRepository subjects, SubjectAssembler assembler, SubjectMerger merger, FactValidator validator, SubjectAccess access,
                  AttributionRules rules, ImportStore store, Catalog catalog, Directory directory, AuditLog audit,
                  FieldCipher cipher, ApplicationEventPublisher events, TransactionTemplate tx,
                  @Qualifier("applicationTaskExecutor") TaskExecutor background, ViolationTexts texts) {
        this.texts = texts;
        this.subjects = subjects;
        this.assembler = assembler;
        this.merger = merger;
        this.validator = validator;
        this.access = access;
        this.rules = rules;
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.audit = audit;
        this.cipher = cipher;
        this.events = events;
        this.tx = tx;
        this.background = background;
    }

    /** What a batch needs to know about its import. */
    private record Context(UUID id, Actor actor, SubjectKind kind, List<String> columns, Attribution attribution) {}

    /** A valid row waiting for its batch's transaction, with its original cells. */
    private record Pending(String key, Map<String, String> values, long row, List<String> cells) {}

    @Override
    public ImportReport importFile(Actor actor, SubjectType type, String format, InputStream in, Attribution attribution)
            throws IOException {
        try (RowSource source = RowSource.open(format, in)) {
            Context context = begin(actor, type, source.header(), attribution, null, 0);
            try {
                run(context, source);
            } catch (RuntimeException e) {
                store.finish(context.id(), ImportReport.Status.FAILED, failure(e));
                throw e;
            }
            return report(context.id());
        }
    }

    /**
     * Checks the file's header now (a bad file is refused at once) and imports its rows in the background;
     * progress is read with {@link #report}. The file is deleted when done.
     */
    UUID start(Actor actor, SubjectType type, String format, String fileName, Path file, Attribution attribution)
            throws IOException {
        RowSource source = null;
        Context context;
        try {
            source = RowSource.open(format, Files.newInputStream(file));
            context = begin(actor, type, source.header(), attribution, fileName, estimateRows(format, file));
        } catch (RuntimeException | IOException e) {
            if (source != null) source.close();
            Files.deleteIfExists(file); // the spooled upload holds personal data in clear
            throw e;
        }
        RowSource rows = source;
        Locale locale = LocaleContextHolder.getLocale(); // the uploader's, for the rejected rows' details
        background.execute(() -> {
            LocaleContextHolder.setLocale(locale);
            try (rows) {
                run(context, rows);
            } catch (Exception e) {
                log.warn("Import {} failed: {}", context.id(), e.getMessage());
                store.finish(context.id(), ImportReport.Status.FAILED, failure(e));
            } finally {
                LocaleContextHolder.resetLocaleContext();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is cleaned by the OS
                }
            }
        });
        return context.id();
    }

    @Override
    public ImportReport report(UUID importId) {
        return store.report(importId, 200).orElseThrow(this::noSuchImport);
    }

    /** Rejected rows as CSV: the original columns plus the row number, field, rule and detail. */
    String rejectedCsv(UUID importId) throws IOException {
        ImportStore.Job job = store.job(importId)
                .orElseThrow(this::noSuchImport);
        StringBuilder out = new StringBuilder("\uFEFF");
        try (var printer = CSVFormat.DEFAULT.print(out)) {
            // labelled for people; the rule's code stays so that it can be looked up
            List<String> header = new ArrayList<>(List.of(label("basedata.import.row", "row"),
                    label("basedata.element", "element"), label("basedata.import.rule", "rule"),
                    label("basedata.import.detail", "detail")));
            header.addAll(List.of(job.header().split(",", -1)));
            printer.printRecord(header.stream().map(SpreadsheetCells::safe).toList());
            for (Object[] r : store.rejectedRows(importId)) {
                String field = (String) r[1];
                String element = catalog.element(field).map(e -> e.nameZh()).orElse(field);
                List<Object> line = new ArrayList<>(List.of(r[0], element, r[2], r[3]));
                if (r[4] != null) {
                    try (var parser = CSVFormat.DEFAULT.parse(new java.io.StringReader(cipher.decrypt((byte[]) r[4])))) {
                        parser.forEach(rec -> line.addAll(rec.toList()));
                    }
                }
                printer.printRecord(line.stream().map(SpreadsheetCells::safe).toList());
            }
        }
        return out.toString();
    }

    private String label(String key, String fallback) {
        return texts.text(key, null, fallback);
    }

    private NotFoundProblem noSuchImport() {
        return new NotFoundProblem("importId", texts.text("problem.no-such-import", null, "no such import"));
    }

    private Context begin(Actor actor, SubjectType type, List<String> header, Attribution attribution, String fileName,
                          long total) {
        rules.refusal(actor, attribution, false).ifPresent(r -> {
            throw new AccessDeniedProblem(r.field(), r.reason(), r.detail());
        });
        SubjectKind kind = SubjectKind.of(type);
        List<String> columns = columns(kind, header);
        AttributionRules.Rights rights = rules.rights(actor, attribution, false, kind, columns);
        if (!rights.refused().isEmpty()) {
            var noRight = rules.noWriteRight(rights.refused().iterator().next());
            throw new AccessDeniedProblem(noRight.field(), noRight.reason(), noRight.detail());
        }
        UUID id = UUID.randomUUID();
        store.create(id, type, fileName, attribution, ImportStore.uploader(actor), String.join(",", header), total);
        return new Context(id, actor, kind, columns, attribution);
    }

    /** Maps header cells (element codes or Chinese names) to element codes. */
    private List<String> columns(SubjectKind kind, List<String> header) {
        Map<String, String> byName = new HashMap<>();
        catalog.elements(kind.type).forEach(e -> {
            byName.put(e.code(), e.code());
            byName.put(e.nameZh(), e.code());
        });
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        for (String cell : header) {
            String code = byName.get(cell.strip());
            if (code == null) {
                violations.add(InvalidInputException.Violation.of(cell, "unknown-element", Text.printable(cell)));
            } else if (!seen.add(code)) {
                violations.add(InvalidInputException.Violation.of(cell, "duplicate-column"));
            }
            columns.add(code);
        }
        if (!seen.contains(kind.keyElement)) {
            violations.add(InvalidInputException.Violation.of(kind.keyElement, "key-column"));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return columns;
    }

    private void run(Context context, RowSource source) {
        long row = 1; // the header
        List<Map.Entry<Long, List<String>>> batch = new ArrayList<>(BATCH);
        long imported = 0;
        long rejected = 0;
        while (source.hasNext()) {
            batch.add(Map.entry(++row, source.next()));
            if (batch.size() == BATCH || !source.hasNext()) {
                long[] counts = writeBatch(context, batch);
                imported += counts[0];
                rejected += counts[1];
                batch.clear();
            }
        }
        long done = imported;
        long refused = rejected;
        tx.executeWithoutResult(status -> { // the event is registered for delivery with the import's completion
            store.finish(context.id(), ImportReport.Status.DONE, null);
            events.publishEvent(new SubjectsImported(context.id(), context.kind().type, done, refused,
                    context.attribution().sourceDepartment(), context.attribution().method()));
        });
        log.info("Import {} of {}: {} rows imported, {} rejected", context.id(), context.kind().type, imported, rejected);
    }

    /** One transaction; retried once when another import created one of the same subjects meanwhile. */
    private long[] writeBatch(Context context, List<Map.Entry<Long, List<String>>> rows) {
        try {
            return tx.execute(status -> writeBatchInTransaction(context, rows));
        } catch (DuplicateKeyException raced) {
            return tx.execute(status -> writeBatchInTransaction(context, rows));
        }
    }

    private long[] writeBatchInTransaction(Context context, List<Map.Entry<Long, List<String>>> rows) {
        SubjectKind kind = context.kind();
        Map<String, Pending> pending = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<Long, List<String>> rejectedRaw = new HashMap<>();
        for (Map.Entry<Long, List<String>> entry : rows) {
            try {
                Pending p = parse(context, entry.getKey(), entry.getValue());
                // a subject listed twice in a file: the later row adds to and overrides the earlier one
                pending.merge(assembler.keyIndexHex(p.key()), p, (a, b) -> {
                    Map<String, String> merged = new LinkedHashMap<>(a.values());
                    merged.putAll(b.values());
                    return new Pending(a.key(), merged, a.row(), a.cells());
                });
            } catch (InvalidInputException e) {
                InvalidInputException.Violation v = e.violations().get(0);
                problems.add(new RowProblem(entry.getKey(), v.field(), v.rule(), texts.detail(v)));
                rejectedRaw.put(entry.getKey(), entry.getValue());
            }
        }
        List<byte[]> keys = pending.values().stream().map(p -> assembler.keyIndex(p.key())).toList();
        Map<String, SubjectRow> existing = keys.isEmpty() ? Map.of() : subjects.findAllForUpdate(kind.type, keys);
        // a scoped actor may not reach, through a file, subjects already registered outside their scope
        pending.entrySet().removeIf(entry -> {
            SubjectRow before = existing.get(entry.getKey());
            if (before == null || directory.inScope(context.actor(), before.divisionCode())) return false;
            Pending p = entry.getValue();
            problems.add(new RowProblem(p.row(), kind.divisionElement, "OUT_OF_SCOPE",
                    texts.text("problem.out-of-scope", null, "the subject is outside your data scope")));
            rejectedRaw.put(p.row(), p.cells());
            return true;
        });
        List<SubjectRow> created = new ArrayList<>();
        List<ChangeRow> history = new ArrayList<>();
        List<AuditEntry> audits = new ArrayList<>();
        pending.forEach((keyHex, p) -> {
            SubjectMerger.Merged merged = merger.merge(kind, p.key(), p.values(), existing.get(keyHex),
                    context.attribution());
            if (merged.created()) created.add(merged.after());
            else if (merged.changed()) subjects.update(merged.after());
            merger.keepConflicts(merged);
            if (merged.changed()) {
                history.add(new ChangeRow(kind.type, merged.after().id(), merged.history(),
                        context.attribution().sourceDepartment(), context.attribution().method().name(),
                        context.attribution().at(), context.actor().username(), context.attribution().purpose(),
                        context.attribution().reason(), context.id()));
            }
            audits.add(new AuditEntry(context.actor(), AuditEntry.Action.WRITE, context.attribution().purpose(),
                    kind.type, access.auditKey(kind, p.key()), kind.display(p.key()), List.copyOf(p.values().keySet()),
                    true, merged.conflictElements().isEmpty() ? "IMPORTED" : "CONFLICT"));
        });
        if (!created.isEmpty()) subjects.copyInsert(created);
        if (!history.isEmpty()) subjects.copyChanges(history);
        audit.recordAll(audits);
        for (RowProblem problem : problems) {
            store.problem(context.id(), problem, cipher.encrypt(csvLine(rejectedRaw.get(problem.row()))));
        }
        store.progress(context.id(), rows.size(), pending.size(), problems.size());
        return new long[] {rows.size() - problems.size(), problems.size()};
    }

    private Pending parse(Context context, long row, List<String> cells) {
        SubjectKind kind = context.kind();
        if (cells.size() != context.columns().size()) {
            throw InvalidInputException.of("row", "column-count", cells.size(), context.columns().size());
        }
        List<Fact> facts = new ArrayList<>(cells.size());
        String rawKey = null;
        for (int i = 0; i < cells.size(); i++) {
            String element = context.columns().get(i);
            if (element.equals(kind.keyElement)) rawKey = cells.get(i);
            else facts.add(new Fact(element, cells.get(i)));
        }
        if (rawKey == null || rawKey.isBlank()) {
            throw InvalidInputException.of(kind.keyElement, "key-required");
        }
        String key = kind.normaliseKey(catalog, rawKey);
        facts.add(new Fact(kind.keyElement, key));
        Map<String, String> values = validator.validate(kind, facts);
        String division = values.get(kind.divisionElement);
        if (context.actor().scopeDivision() != null && (division == null || !directory.inScope(context.actor(), division))) {
            throw InvalidInputException.of(kind.divisionElement, "OUT_OF_SCOPE");
        }
        return new Pending(key, values, row, cells);
    }

    /** Why an import stopped, in words a person reads (a broken rule's text from the bundles). */
    private String failure(Exception e) {
        return e instanceof InvalidInputException invalid ? texts.detail(invalid.violations().get(0)) : e.getMessage();
    }

    private static String csvLine(List<String> cells) {
        return CSVFormat.DEFAULT.format(cells.toArray());
    }

    /** Lines after the header, counted in bytes: the file's encoding is not known yet. */
    private static long estimateRows(String format, Path file) throws IOException {
        if (!"csv".equalsIgnoreCase(format)) return 0;
        long lines = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) if (chunk[i] == '\n') lines++;
            }
        }
        return Math.max(0, lines - 1);
    }

}
