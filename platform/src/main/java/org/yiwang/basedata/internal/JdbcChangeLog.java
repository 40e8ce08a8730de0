package org.yiwang.basedata.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.basedata.ChangeLog;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.ValueChange;

@Service
class JdbcChangeLog implements ChangeLog {

    private final JdbcClient jdbc;
    private final SubjectRepository subjects;
    private final StoredForm form;
    private final ValueCodec codec;

    JdbcChangeLog(JdbcClient jdbc, SubjectRepository subjects, StoredForm form, ValueCodec codec) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.form = form;
        this.codec = codec;
    }

    @Override
    public List<ValueChange> changes(long changeId) {
        return jdbc.sql("SELECT changes FROM basedata_change WHERE id = ?").param(changeId).query(String.class)
                .optional().map(form::changes).orElse(List.of()).stream()
                .map(e -> new ValueChange(e.e(), reveal(e.e(), e.o()), reveal(e.e(), e.n())))
                .toList();
    }

    @Override
    public Optional<SubjectRef> subject(UUID subjectId) {
        return subjects.findById(subjectId).map(row -> {
            SubjectKind kind = SubjectKind.of(row.type());
            return new SubjectRef(row.type(), codec.reveal(kind.keyElement, row.attrs().get(kind.keyElement).v()));
        });
    }

    private String reveal(String element, String stored) {
        return stored == null ? null : codec.reveal(element, stored);
    }
}
