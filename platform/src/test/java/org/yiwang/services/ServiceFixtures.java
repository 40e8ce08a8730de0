package org.yiwang.services;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;

/**
 * Fresh subjects for the 一网通办 scenarios, put into the base by their authoritative departments and holding the
 * licenses those departments issued — so each test starts from what a real applicant would find.
 */

public class ServiceFixtures {

    private final Facts facts;
    private final Licenses licenses;

    public ServiceFixtures(Facts facts, Licenses licenses) {
        this.facts = facts;
        this.licenses = licenses;
    }

    public record Hotel(String creditCode, String legalRep, ActorPrincipal enterpriseUser, ActorPrincipal legalRepUser) {}

    public record Resident(String citizenId, ActorPrincipal user) {}

    public record Seller(String citizenId, String houseCode, ActorPrincipal user) {}

    /** The name a hotel of {@link #hotel()} takes in a hotel change (旅馆更名). */
    public static final String NEW_HOTEL_NAME = "上海徐汇衡山酒店有限公司";

    /** A hotel company with its business license and the four permits of its hotel, as before a change. */
    public Hotel hotel() {
        String code = TestSubjects.creditCode();
        String rep = person("王丽", "2", "1980-04-12", false).citizenId();
        write("310104-SCJG", SubjectRef.legalEntity(code), pairs("entity.name", "上海徐汇衡山宾馆有限公司",
                "entity.type", "1100", "entity.legal_rep_name", "王丽", "entity.legal_rep_citizen_id", rep,
                "entity.address", "上海市徐汇区衡山路8号", "entity.division", "310104014",
                "entity.business_scope", "住宿服务;餐饮服务;酒类零售", "entity.status", "1",
                "entity.registered_capital", "800", "entity.established_date", "2008-06-18",
                "entity.phone", "02164370000", "entity.business_premises", "上海市徐汇区衡山路8号1-3层",
                "entity.food_business_format", "2"));
        issue("BUSINESS_LICENSE", SubjectType.LEGAL_ENTITY, code, "上海徐汇衡山宾馆有限公司", Map.of(
                "name", "上海徐汇衡山宾馆有限公司", "type", "1100", "legal_rep", "王丽", "address", "上海市徐汇区衡山路8号",
                "scope", "住宿服务;餐饮服务;酒类零售", "capital", "800", "established", "2008-06-18"));
        issue("PUBLIC_HYGIENE", SubjectType.LEGAL_ENTITY, code, "上海徐汇衡山宾馆有限公司", Map.of(
                "name", "上海徐汇衡山宾馆有限公司", "address", "上海市徐汇区衡山路8号", "premises_area", "1200.5",
                "hygiene_scope", "旅店业"));
        issue("LIQUOR_RETAIL", SubjectType.LEGAL_ENTITY, code, "上海徐汇衡山宾馆有限公司", Map.of(
                "name", "上海徐汇衡山宾馆有限公司", "address", "上海市徐汇区衡山路8号", "liquor_categories", "啤酒、葡萄酒"));
        issue("SPECIAL_TRADE", SubjectType.LEGAL_ENTITY, code, "上海徐汇衡山宾馆有限公司", Map.of(
                "name", "上海徐汇衡山宾馆有限公司", "address", "上海市徐汇区衡山路8号", "trade", "旅馆业",
                "hotel_rooms", "48", "hotel_beds", "80"));
        issue("FOOD_BUSINESS", SubjectType.LEGAL_ENTITY, code, "上海徐汇衡山宾馆有限公司", Map.of(
                "name", "上海徐汇衡山宾馆有限公司", "address", "上海市徐汇区衡山路8号",
                "food_business_items", "热食类食品制售", "food_safety_officer", "陈刚"));
        return new Hotel(code, rep, principal(new Actor("hotel-" + code, Role.ENTERPRISE, null, null, null,
                Set.of(new CreditCode(code)))), resident(rep));
    }

    /** A resident with identity card, household register and driving licence (C1 since 2012); optionally a record. */
    public Resident driver(boolean criminalRecord) {
        return driver(criminalRecord, "刘强", "1");
    }

    public Resident driver(boolean criminalRecord, String name, String gender) {
        Resident r = person(name, gender, "1988-06-18", true);
        write("310104-GA", SubjectRef.person(r.citizenId()), criminalRecord
                ? Map.of("person.driver_license_class", "C1", "person.driver_license_first_issue", "2012-03-01",
                        "person.criminal_record", "2019年 危险驾驶罪")
                : Map.of("person.driver_license_class", "C1", "person.driver_license_first_issue", "2012-03-01"));
        issue("DRIVER_LICENSE", SubjectType.PERSON, r.citizenId(), name,
                Map.of("class", "C1", "first_issue", "2012-03-01"));
        issue("HOUSEHOLD_REGISTER", SubjectType.PERSON, r.citizenId(), name,
                Map.of("household_id", "H" + r.citizenId().substring(6, 18), "relation", "01",
                        "address", "上海市徐汇区天平路100号"));
        return r;
    }

    /** A married owner of a flat with its property certificate. */
    public Seller seller() {
        Resident r = person("赵敏", "2", "1975-09-30", true);
        write("310104-MZ", SubjectRef.person(r.citizenId()), Map.of("person.marital_status", "20"));
        issue("MARRIAGE_CERT", SubjectType.PERSON, r.citizenId(), "赵敏", Map.of("marital_status", "20"));
        String house = TestSubjects.houseCode("310104014");
        write("310104-FG", SubjectRef.house(house), Map.of("house.address", "上海市徐汇区宛平路22弄5号301室",
                "house.division", "310104014", "house.area", "76.30", "house.use", "10",
                "house.owner_citizen_id", r.citizenId(), "house.owner_name", "赵敏",
                "house.cert_no", "沪(2015)徐字不动产权第00" + house.substring(12, 17) + "号"));
        issue("PROPERTY_CERT", SubjectType.PERSON, r.citizenId(), "赵敏", Map.of("house_code", house,
                "address", "上海市徐汇区宛平路22弄5号301室", "area", "76.30", "use", "10",
                "cert_no", "沪(2015)徐字不动产权第00" + house.substring(12, 17) + "号"));
        return new Seller(r.citizenId(), house, r.user());
    }

    /** A person in the base (police as the authority), with an identity card when {@code idCard}. */
    public Resident person(String name, String gender, String birthDate, boolean idCard) {
        String id = TestSubjects.citizenId(gender, birthDate);
        write("310104-GA", SubjectRef.person(id), Map.of("person.name", name, "person.gender", gender,
                "person.birth_date", birthDate, "person.household_address", "上海市徐汇区天平路100号",
                "person.division", "310104014", "person.status", "1", "person.ethnicity", "01",
                "person.phone", "139" + id.substring(6, 14)));
        if (idCard) {
            issue("ID_CARD", SubjectType.PERSON, id, name, Map.of("name", name, "gender", gender, "ethnicity", "01",
                    "birth_date", birthDate, "address", "上海市徐汇区天平路100号"));
        }
        return new Resident(id, resident(id));
    }

    public License issue(String type, SubjectType holderType, String key, String name, Map<String, String> fields) {
        String department = licenses.type(type).orElseThrow().issuingDepartment();
        return licenses.issue(Actor.system(department), new IssueRequest(type, holderType, key, name, fields, null,
                "test fixture"));
    }

    public static ActorPrincipal resident(String citizenId) {
        return principal(new Actor("resident-" + citizenId.substring(10), Role.RESIDENT, null, null,
                new CitizenId(citizenId), Set.of()));
    }

    public static ActorPrincipal officer(String department) {
        return principal(new Actor("officer-" + department, Role.DEPARTMENT_OFFICER, department, null, null, Set.of()));
    }

    public static ActorPrincipal clerk() {
        return principal(new Actor("clerk-test", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of()));
    }

    private static ActorPrincipal principal(Actor actor) {
        return new ActorPrincipal(actor, "", true);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    /** Authoritative values from a department, as its own system would write them. */
    public void write(String department, SubjectRef subject, Map<String, String> values) {
        List<Fact> list = values.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
        facts.write(Actor.system(department), subject, list,
                Attribution.of(department, Method.AUTHORITATIVE, "DATA_GOVERNANCE", "test fixture"));
    }
}
