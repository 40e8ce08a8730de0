package org.yiwang.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.demo.SyntheticDistrict;
import org.yiwang.directory.NewUser;
import org.yiwang.directory.Users;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.Licenses;

/**
 * The hotels of the 一网通办 figures, put into the base the way a real one gets there: the market regulator registers
 * the enterprise (authoritative facts), and the four departments issue its business license and the four permits of
 * its hotel (each issue also writes the facts it states). Then the enterprise users who act for them.
 */
final class Hotels {

    /** A hotel enterprise: its credit code and the id of its row in the base. */
    record Hotel(String creditCode, UUID subjectId) {}

    /** An enterprise account and the hotels it may apply for. */
    record Account(String username, String password, List<Hotel> hotels) {}

    private static final String REGISTRAR = "310104-SCJG";
    private static final int WRITERS = 4;
    private static final String[] OFFICERS = {"陈刚", "李娜", "张伟", "王芳", "刘洋", "赵敏", "孙建国", "周杰", "吴静", "郑磊"};

    private Hotels() {}

    /**
     * Creates {@code count} hotels from the legal entities of the generated district (their legal representatives
     * are imported persons), a few writers at a time.
     */
    static List<Hotel> create(ApplicationContext platform, long seed, int persons, int count) throws Exception {
        Facts facts = platform.getBean(Facts.class);
        Licenses licenses = platform.getBean(Licenses.class);
        List<SyntheticDistrict.LegalEntity> entities = new SyntheticDistrict(seed).legalEntities(persons).limit(count)
                .toList();
        if (entities.size() < count) {
            throw new IllegalArgumentException("only " + entities.size() + " legal entities among " + persons
                    + " persons: lower bench.hotels or raise bench.persons");
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Hotel>> futures = new ArrayList<>();
            for (SyntheticDistrict.LegalEntity entity : entities) {
                futures.add(pool.submit(() -> create(facts, licenses, entity)));
            }
            List<Hotel> hotels = new ArrayList<>(count);
            for (Future<Hotel> f : futures) hotels.add(f.get());
            Results.note(String.format("%d hotels with 5 licenses each created in %.1f s", count,
                    (System.nanoTime() - start) / 1e9));
            return hotels;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Hotel create(Facts facts, Licenses licenses, SyntheticDistrict.LegalEntity e) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> columns = SyntheticDistrict.columns(SubjectType.LEGAL_ENTITY);
        List<String> values = e.values();
        List<Fact> registered = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equals("entity.credit_code") && !values.get(i).isEmpty()) {
                registered.add(new Fact(columns.get(i), values.get(i)));
            }
        }
        UUID id = facts.write(Actor.system(REGISTRAR), SubjectRef.legalEntity(e.creditCode()), registered,
                Attribution.of(REGISTRAR, Method.AUTHORITATIVE, "DATA_GOVERNANCE", "benchmark")).subjectId();
        int rooms = 20 + random.nextInt(280);
        issue(licenses, e, "BUSINESS_LICENSE", Map.of("type", e.type(), "legal_rep", e.legalRepName(),
                "scope", e.businessScope(), "capital", e.registeredCapital(),
                "established", e.establishedDate().toString()));
        issue(licenses, e, "PUBLIC_HYGIENE", Map.of("premises_area", (200 + random.nextInt(3000)) + ".5",
                "hygiene_scope", "旅店业"));
        issue(licenses, e, "LIQUOR_RETAIL", Map.of("liquor_categories", "啤酒、葡萄酒"));
        issue(licenses, e, "SPECIAL_TRADE", Map.of("trade", "旅馆业", "hotel_rooms", String.valueOf(rooms),
                "hotel_beds", String.valueOf(rooms * 3 / 2)));
        issue(licenses, e, "FOOD_BUSINESS", Map.of("food_business_items", "热食类食品制售",
                "food_safety_officer", officer()));
        return new Hotel(e.creditCode(), id);
    }

    /** Every license states the holder's name and address as the registrar has them, so no conflict arises. */
    private static void issue(Licenses licenses, SyntheticDistrict.LegalEntity e, String type, Map<String, String> own) {
        Map<String, String> fields = new LinkedHashMap<>(own);
        fields.put("name", e.name());
        fields.put("address", e.address());
        String department = licenses.type(type).orElseThrow().issuingDepartment();
        licenses.issue(Actor.system(department), new IssueRequest(type, SubjectType.LEGAL_ENTITY, e.creditCode(),
                e.name(), fields, null, "benchmark"));
    }

    static String officer() {
        return OFFICERS[ThreadLocalRandom.current().nextInt(OFFICERS.length)];
    }

    /** {@code count} enterprise accounts, the hotels dealt round-robin among them. */
    static List<Account> accounts(ApplicationContext platform, List<Hotel> hotels, int count) {
        Users users = platform.getBean(Users.class);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Account> accounts = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            int of = a;
            List<Hotel> own = new ArrayList<>();
            for (int h = a; h < hotels.size(); h += count) own.add(hotels.get(h));
            String username = "bench-" + run + "-" + of;
            String password = UUID.randomUUID().toString();
            users.create(new NewUser(username, password, "基准测试企业 " + of, Role.ENTERPRISE, null, null, null,
                    own.stream().map(Hotel::creditCode).collect(Collectors.toSet())));
            accounts.add(new Account(username, password, List.copyOf(own)));
        }
        return accounts;
    }
}
