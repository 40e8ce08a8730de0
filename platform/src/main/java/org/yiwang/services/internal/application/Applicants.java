package org.yiwang.services.internal.application;

import org.springframework.stereotype.Component;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.Subjects;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;

/**
 * Decides for whom an actor may apply: a resident for themself or for an enterprise they legally represent, an
 * enterprise user for the enterprises they are authorised for, a window clerk for anyone (audited as such).
 */
@Component
class Applicants {

    private final Subjects subjects;

    Applicants(Subjects subjects) {
        this.subjects = subjects;
    }

    Applicant resolve(Actor actor, SubjectType type, String key) {
        return switch (actor.role()) {
            case RESIDENT -> new Applicant(forResident(actor, type, key), Applicant.Channel.ONLINE);
            case ENTERPRISE -> new Applicant(forEnterprise(actor, type, key), Applicant.Channel.ONLINE);
            case WINDOW_CLERK -> new Applicant(named(type, key), Applicant.Channel.WINDOW);
            default -> throw new AccessDeniedProblem("applicant", "NOT_AN_APPLICANT", "该角色不能提交办件申请");
        };
    }

    private SubjectRef forResident(Actor actor, SubjectType type, String key) {
        if (type == SubjectType.PERSON) {
            if (key != null && !key.isBlank() && !actor.isSelf(CitizenId.parse("applicant", key))) {
                throw notRepresented();
            }
            return SubjectRef.person(actor.citizenId().value());
        }
        CreditCode code = CreditCode.parse("applicant", required(key));
        if (!subjects.entitiesRepresentedBy(actor.citizenId()).contains(code)) throw notRepresented();
        return SubjectRef.legalEntity(code.value());
    }

    private SubjectRef forEnterprise(Actor actor, SubjectType type, String key) {
        if (type != SubjectType.LEGAL_ENTITY) {
            throw InvalidInputException.of("applicant", "applicant-person");
        }
        if ((key == null || key.isBlank()) && actor.creditCodes().size() == 1) {
            return SubjectRef.legalEntity(actor.creditCodes().iterator().next().value());
        }
        CreditCode code = CreditCode.parse("applicant", required(key));
        if (!actor.creditCodes().contains(code)) throw notRepresented();
        return SubjectRef.legalEntity(code.value());
    }

    private static SubjectRef named(SubjectType type, String key) {
        return type == SubjectType.PERSON
                ? SubjectRef.person(CitizenId.parse("applicant", required(key)).value())
                : SubjectRef.legalEntity(CreditCode.parse("applicant", required(key)).value());
    }

    private static String required(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of("applicant", "applicant-required");
        }
        return key;
    }

    private static AccessDeniedProblem notRepresented() {
        return new AccessDeniedProblem("applicant", "NOT_REPRESENTATIVE", "您不是该申请人本人或其法定代表人、授权经办人");
    }
}
