package org.yiwang.services.internal.decision;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.services.AutoDecisionRule;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;

/**
 * 网约车驾驶员背景核查, per 《网络预约出租汽车经营服务管理暂行办法》第十四条: a licence for a passenger car held for at
 * least three years, no record of the listed offences, and (Shanghai practice) an age from 21 to 60.
 */
@Component
class RideHailingBackground implements AutoDecisionRule {

    private static final Set<String> CAR_CLASSES = Set.of("A1", "A2", "A3", "B1", "B2", "C1", "C2");
    /** Reasons go on the part's record, read by the applicant and the department: in Chinese. */
    private static final Locale RECORD = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    RideHailingBackground(MessageSource messages) {
        this.messages = messages;
    }

    private String text(String key, Object... args) {
        return messages.getMessage("services.rideHailing." + key, args, RECORD);
    }

    @Override
    public String name() {
        return "RIDE_HAILING_BACKGROUND";
    }

    @Override
    public List<String> reads() {
        return List.of("person.birth_date", "person.driver_license_class", "person.driver_license_first_issue",
                "person.criminal_record");
    }

    @Override
    public List<String> mustBeAuthoritative() {
        return List.of("person.birth_date", "person.driver_license_class", "person.driver_license_first_issue");
    }

    private static boolean isDate(String value) {
        try {
            return value != null && LocalDate.parse(value) != null;
        } catch (java.time.format.DateTimeParseException e) {
            return false; // masked or malformed: not something to decide on
        }
    }

    @Override
    public PartDecision decide(Map<String, String> values, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        String birth = values.get("person.birth_date");
        String classes = values.get("person.driver_license_class");
        String firstIssue = values.get("person.driver_license_first_issue");
        if (!isDate(birth) || classes == null || !isDate(firstIssue)) {
            return new PartDecision(PartAction.REJECT, text("missing"), List.of(), Map.of());
        }
        int age = Period.between(LocalDate.parse(birth), today).getYears();
        if (age < 21 || age > 60) refusals.add(text("age", age));
        if (List.of(classes.split(",")).stream().map(String::strip).noneMatch(CAR_CLASSES::contains)) {
            refusals.add(text("class", classes));
        }
        int years = Period.between(LocalDate.parse(firstIssue), today).getYears();
        if (years < 3) refusals.add(text("years", years));
        String record = values.get("person.criminal_record");
        if (record != null && !record.isBlank()) {
            refusals.add(text("record"));
        }
        if (!refusals.isEmpty()) {
            return new PartDecision(PartAction.REJECT, text("refused", String.join(";", refusals)), List.of(), Map.of());
        }
        return new PartDecision(PartAction.APPROVE, text("passed", age, classes, years), List.of(), Map.of());
    }
}
