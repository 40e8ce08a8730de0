package org.yiwang.demo;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Licenses;

/**
 * The demo subjects' licenses, issued by their departments' system actors once the subjects are in the base: 张伟's
 * identity card, household register, driving licence, marriage certificate and property certificate, and his
 * company's business licence plus the four permits of its hotel business. A license the holder already holds
 * (valid) is not issued again, so a restart issues nothing twice. Values agree with {@link DemoSubjects}.
 */
@Component
class DemoLicenses {

    private static final Logger log = LoggerFactory.getLogger(DemoLicenses.class);

    private final Licenses licenses;
    private final JdbcClient jdbc;

    DemoLicenses(Licenses licenses, JdbcClient jdbc) {
        this.licenses = licenses;
        this.jdbc = jdbc;
    }

    record Holding(String type, SubjectType holderType, String holderKey, String holderName, Map<String, String> fields) {}

    static List<Holding> holdings() {
        SyntheticDistrict.Person p = DemoSubjects.RESIDENT;
        SyntheticDistrict.LegalEntity e = DemoSubjects.ENTERPRISE;
        SyntheticDistrict.House h = DemoSubjects.HOUSE;
        return List.of(
                person("ID_CARD", Map.of("name", p.name(), "gender", p.gender(), "ethnicity", p.ethnicity(),
                        "birth_date", p.birthDate().toString(), "address", p.householdAddress())),
                person("HOUSEHOLD_REGISTER", Map.of("household_id", p.householdId(), "relation", p.relationToHead(),
                        "address", p.householdAddress())),
                person("DRIVER_LICENSE", Map.of("class", p.driverLicenseClass(),
                        "first_issue", p.driverLicenseFirstIssue().toString())),
                person("MARRIAGE_CERT", Map.of("marital_status", p.maritalStatus())),
                person("PROPERTY_CERT", Map.of("house_code", h.code(), "address", h.address(), "area", h.area(),
                        "use", h.use(), "cert_no", h.certNo())),
                entity("BUSINESS_LICENSE", Map.of("name", e.name(), "type", e.type(), "legal_rep", e.legalRepName(),
                        "address", e.address(), "scope", e.businessScope(), "capital", e.registeredCapital(),
                        "established", e.establishedDate().toString())),
                entity("PUBLIC_HYGIENE", Map.of("name", e.name(), "address", e.address(), "premises_area", "680.5",
                        "hygiene_scope", "旅店业")),
                entity("LIQUOR_RETAIL", Map.of("name", e.name(), "address", e.address(),
                        "liquor_categories", "啤酒、葡萄酒、黄酒")),
                entity("SPECIAL_TRADE", Map.of("name", e.name(), "address", e.address(), "trade", "旅馆业",
                        "hotel_rooms", "30", "hotel_beds", "52")),
                entity("FOOD_BUSINESS", Map.of("name", e.name(), "address", e.address(),
                        "food_business_items", "热食类食品制售;冷食类食品制售;预包装食品(含冷藏冷冻食品)销售",
                        "food_safety_officer", "李敏")));
    }

    private static Holding person(String type, Map<String, String> fields) {
        return new Holding(type, SubjectType.PERSON, DemoSubjects.RESIDENT_CITIZEN_ID, DemoSubjects.RESIDENT.name(), fields);
    }

    private static Holding entity(String type, Map<String, String> fields) {
        return new Holding(type, SubjectType.LEGAL_ENTITY, DemoSubjects.ENTERPRISE_CREDIT_CODE,
                DemoSubjects.ENTERPRISE.name(), fields);
    }

    /**
     * Issues what the demo subjects do not hold yet, all or nothing; returns how many were issued. Nodes starting
     * together take turns (a transaction-scoped advisory lock), so the second finds the first one's licenses.
     */
    @Transactional
    int issueMissing() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('yiwang-demo-licenses'))").query((rs, n) -> 1).list();
        int issued = 0;
        for (Holding holding : holdings()) {
            List<License> held = licenses.heldBy(holding.holderType(), holding.holderKey());
            if (held.stream().anyMatch(l -> l.typeCode().equals(holding.type()))) continue;
            String department = licenses.type(holding.type()).map(LicenseType::issuingDepartment).orElseThrow();
            licenses.issue(Actor.system(department), new IssueRequest(holding.type(), holding.holderType(),
                    holding.holderKey(), holding.holderName(), holding.fields(), null, "demo data"));
            issued++;
        }
        if (issued > 0) log.info("Demo data: issued {} licenses to the demo resident and enterprise", issued);
        return issued;
    }
}
