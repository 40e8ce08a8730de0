package org.yiwang.basedata.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.ImportReport.RowProblem;
import org.yiwang.kernel.SubjectType;

/** Import jobs and their rejected rows, in PostgreSQL so that any node can report on any import. */
@Repository
class ImportStore {

    record Job(UUID id, SubjectType type, String actor, String header, ImportReport.Status status, long total,
               long processed) {}

    private final JdbcClient jdbc;

    /** Who started an import; users and API clients may share a name, so the role is part of it. */
    static String uploader(org.yiwang.kernel.Actor actor) {
        return actor.role() + ":" + actor.username();
    }

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, SubjectType type, String fileName, Attribution attribution, String actor, String header,
                long total) {
        jdbc.sql("""
                INSERT INTO basedata_import (id, subject_type, file_name, source_department, method, actor, status, header, total)
                VALUES (?,?,?,?,?,?,'RUNNING',?,?)""")
                .params(id, type.name(), fileName, attribution.sourceDepartment(), attribution.method().name(), actor,
                        header, total)
                .update();
    }

    void progress(UUID id, long processed, long imported, long rejected) {
        jdbc.sql("UPDATE basedata_import SET processed = processed + ?, imported = imported + ?, rejected = rejected + ? WHERE id = ?")
                .params(processed, imported, rejected, id).update();
    }

    void finish(UUID id, ImportReport.Status status, String error) {
        jdbc.sql("""
                UPDATE basedata_import SET status = ?, error = ?, finished_at = now(),
                       total = CASE WHEN ? = 'DONE' THEN processed ELSE total END WHERE id = ?""")
                .params(status.name(), error, status.name(), id).update();
    }

    void problem(UUID id, RowProblem p, byte[] rawRow) {
        jdbc.sql("INSERT INTO basedata_import_problem (import_id, row_no, field, rule, detail, raw_row) VALUES (?,?,?,?,?,?)")
                .params(id, p.row(), p.field(), p.rule(), p.detail(), rawRow).update();
    }

    Optional<ImportReport> report(UUID id, int problemLimit) {
        List<RowProblem> problems = jdbc.sql(
                "SELECT row_no, field, rule, detail FROM basedata_import_problem WHERE import_id = ? ORDER BY row_no LIMIT ?")
                .params(id, problemLimit)
                .query((rs, n) -> new RowProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return jdbc.sql("SELECT status, total, imported, rejected, processed FROM basedata_import WHERE id = ?").param(id)
                .query((rs, n) -> new ImportReport(id, ImportReport.Status.valueOf(rs.getString(1)),
                        Math.max(rs.getLong(2), rs.getLong(5)), rs.getLong(3), rs.getLong(4), problems))
                .optional();
    }

    Optional<Job> job(UUID id) {
        return jdbc.sql("SELECT subject_type, actor, header, status, total, processed FROM basedata_import WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Job(id, SubjectType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        ImportReport.Status.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)))
                .optional();
    }

    /** Rejected rows with their encrypted originals, in file order. */
    List<Object[]> rejectedRows(UUID id) {
        return jdbc.sql("SELECT row_no, field, rule, detail, raw_row FROM basedata_import_problem WHERE import_id = ? ORDER BY row_no")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)})
                .list();
    }
}
