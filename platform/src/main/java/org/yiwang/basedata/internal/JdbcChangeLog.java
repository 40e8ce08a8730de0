package org.yiwang.basedata.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.basedata.ChangeLog;
import org.yiwang.basedata.SubjectRef;

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
    public Set<ChangeCondition> met(long changeId, Collection<ChangeCondition> conditions) {
        if (conditions.isEmpty()) return Set.of();
        Map<String, ChangeRow.Entry> changes = new HashMap<>();
        jdbc.sql("SELECT changes FROM basedata_change WHERE id = ?").param(changeId).query(String.class)
                .optional().map(form::changes).orElse(List.of()).forEach(e -> changes.put(e.e(), e));
        Set<ChangeCondition> met = new HashSet<>();
        for (ChangeCondition c : conditions) {
            ChangeRow.Entry e = changes.get(c.element());
            if (e != null && c.test(reveal(e.e(), e.o()), reveal(e.e(), e.n()))) met.add(c);
        }
        return met;
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
