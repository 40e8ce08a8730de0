package org.yiwang.basedata.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.yiwang.basedata.Subjects;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.SubjectType;

@Service
class JdbcSubjects implements Subjects {

    private final SubjectRepository subjects;
    private final ValueCodec codec;

    JdbcSubjects(SubjectRepository subjects, ValueCodec codec) {
        this.subjects = subjects;
        this.codec = codec;
    }

    @Override
    public List<CreditCode> entitiesRepresentedBy(CitizenId person) {
        return subjects.keysReferencing(SubjectType.LEGAL_ENTITY, codec.index(person.value())).stream()
                .map(CreditCode::new).toList();
    }

    @Override
    public List<String> housesOwnedBy(CitizenId person) {
        return subjects.keysReferencing(SubjectType.HOUSE, codec.index(person.value()));
    }

    @Override
    public long count(SubjectType type) {
        return subjects.count(type);
    }
}
