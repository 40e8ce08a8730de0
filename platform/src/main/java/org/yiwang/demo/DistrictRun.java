package org.yiwang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.yiwang.demo.SyntheticDistrict.House;
import org.yiwang.demo.SyntheticDistrict.Household;
import org.yiwang.demo.SyntheticDistrict.LegalEntity;
import org.yiwang.demo.SyntheticDistrict.Person;
import org.yiwang.demo.Xuhui.Street;

/**
 * One pass of the generator: households one after another from a single seeded random sequence, with the only
 * state being counters (IDs issued per day, households, entities, houses) — never the persons themselves.
 */
final class DistrictRun implements Iterator<Household> {

    /** Where citizen IDs were issued: mostly here, some in other real counties (南京玄武, 杭州西湖, 武汉武昌, 成都锦江, 北京朝阳). */
    private static final List<String> REGISTRATIONS = List.of(Xuhui.DISTRICT, "320102", "330106", "420106", "510104", "110105");
    private static final String[] ETHNICITIES = {"02", "03", "04", "05", "06", "08", "10", "11", "15"};
    private static final String[] LICENSE_CLASSES = {"C1", "C1", "C1", "C1", "C1", "C1", "C1", "C1", "C1", "C1", "C1",
            "C1", "C1", "C1", "C1", "C1", "C2", "C2", "B2", "A2", "A1", "B1"};
    private static final String[][] INDUSTRIES = {
            {"餐饮管理", "餐饮服务;食品销售"},
            {"餐饮管理", "餐饮服务;食品销售;酒类经营"},
            {"美容美发", "理发服务;生活美容服务;化妆品零售"},
            {"科技", "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发"},
            {"信息技术", "信息系统集成服务;软件开发;数据处理和存储支持服务"},
            {"商贸", "日用百货销售;服装服饰零售;食品销售"},
            {"物业管理", "物业管理;停车场服务;家政服务"},
            {"文化传播", "组织文化艺术交流活动;会议及展览服务;广告设计、代理"},
            {"建筑装饰工程", "住宅室内装饰装修;建设工程施工"},
            {"企业管理咨询", "企业管理咨询;信息咨询服务(不含许可类信息咨询服务)"},
            {"教育科技", "教育咨询服务(不含涉许可审批的教育培训活动);技术服务"},
            {"健康管理", "健康咨询服务(不含诊疗服务);养生保健服务(非医疗)"},
            {"酒店管理", "住宿服务;餐饮服务"},
            {"便利店", "食品销售;日用百货销售;烟草制品零售"}};
    private static final String TRADE_NAME_CHARS = "汇景华康宁安和丰桂梅林乐泰盛源祥瑞兴隆鑫达诚信恒通嘉禾明德美佳新宏远博睿云帆启航"
            + "凯越锦程星辰光合众创金石佰润龙腾悦享";
    private static final int[] CAPITALS = {3, 5, 10, 10, 20, 30, 50, 50, 100, 100, 200, 500, 1000};

    private static final LocalDate AS_OF_MINUS_DAY = SyntheticDistrict.AS_OF.minusDays(1);

    private final SplittableRandom random;
    private final int personLimit;
    private final Set<String> reserved;
    private final CitizenIdAllocator citizenIds;
    private final Xuhui xuhui = Xuhui.get();
    private int persons;
    private long households;
    private long entities;
    private long houses;

    DistrictRun(long seed, int personLimit, Set<String> reserved) {
        if (personLimit < 0) throw new IllegalArgumentException("persons must not be negative");
        this.random = new SplittableRandom(seed);
        this.personLimit = personLimit;
        this.reserved = reserved;
        this.citizenIds = new CitizenIdAllocator(REGISTRATIONS, reserved, random.nextInt(500));
    }

    @Override
    public boolean hasNext() {
        return persons < personLimit;
    }

    @Override
    public Household next() {
        if (!hasNext()) throw new NoSuchElementException();
        Street street = xuhui.street(random);
        String grid = street.community(random).code() + "00" + (1 + random.nextInt(3));
        Home home = new Home(householdId(), street, grid, Xuhui.dwellingAddress(street, random));
        List<Person> members = members(Math.min(householdSize(), personLimit - persons), home);
        persons += members.size();
        return new Household(home.householdId(), street.code(), grid, home.address(), members,
                houses(members, home), entities(members));
    }

    /** Where a household is registered and lives. */
    private record Home(String householdId, Street street, String grid, String address) {}

    // ---- persons

    private int householdSize() {
        int pick = random.nextInt(100);
        return pick < 20 ? 1 : pick < 50 ? 2 : pick < 80 ? 3 : pick < 92 ? 4 : 5;
    }

    private List<Person> members(int size, Home home) {
        List<Person> members = new ArrayList<>(size);
        boolean headMale = random.nextInt(100) < 55;
        LocalDate headBirth = date(LocalDate.of(1940, 1, 1), LocalDate.of(size >= 3 ? 1995 : 2000, 12, 31));
        String headSurname = ChineseNames.surname(random);
        members.add(person(home, "01", headBirth, headMale, headSurname, size >= 2, false));
        if (size == 1) return members;
        LocalDate spouseBirth = clamp(headBirth.plusDays(random.nextInt(-5 * 365, 5 * 365 + 1)),
                CitizenIdAllocator.FIRST_BIRTH, LocalDate.of(2002, 12, 31));
        String spouseSurname = ChineseNames.surname(random);
        members.add(person(home, "02", spouseBirth, !headMale, spouseSurname, true, false));
        String familyName = headMale ? headSurname : spouseSurname;
        int headYear = headBirth.getYear();
        for (int i = 2; i < size; i++) {
            if (i == 4 && headYear >= 1965) {
                boolean father = random.nextBoolean();
                LocalDate birth = date(LocalDate.of(Math.max(1940, headYear - 35), 1, 1), LocalDate.of(headYear - 22, 12, 31));
                members.add(person(home, "05", birth, father, father ? headSurname : ChineseNames.surname(random),
                        false, true));
                continue;
            }
            int from = headYear + 22;
            int to = Math.min(2020, headYear + 42);
            if (from > to) break;
            boolean son = random.nextBoolean();
            LocalDate birth = date(LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31));
            members.add(person(home, son ? "03" : "04", birth, son, familyName, false, false));
        }
        return members;
    }

    private Person person(Home home, String relation, LocalDate wantedBirth, boolean male, String surname,
                          boolean married, boolean elderParent) {
        boolean child = relation.equals("03") || relation.equals("04");
        String registration = random.nextInt(100) < (child ? 95 : 85) ? Xuhui.DISTRICT
                : REGISTRATIONS.get(1 + random.nextInt(REGISTRATIONS.size() - 1));
        String id = citizenIds.allocate(registration, wantedBirth, male);
        LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
        int age = age(birth);
        String residence = random.nextInt(100) < 10 && age >= 18
                ? Xuhui.dwellingAddress(home.street(), random) : home.address();
        String licenseClass = null;
        LocalDate firstIssue = null;
        if (age >= 19 && age <= 75 && random.nextInt(100) < 40) {
            LocalDate earliest = max(birth.plusYears(18), LocalDate.of(1990, 1, 1));
            licenseClass = LICENSE_CLASSES[random.nextInt(LICENSE_CLASSES.length)];
            firstIssue = date(earliest, AS_OF_MINUS_DAY);
        }
        return new Person(id, surname + ChineseNames.givenName(male, random), male ? "1" : "2", ethnicity(),
                birth, age >= 12 ? phone() : null, home.address(), residence, home.street().code(), home.grid(),
                home.householdId(),
                relation, marital(age, married, elderParent), education(age, birth.getYear()), "1", licenseClass,
                firstIssue);
    }

    private String ethnicity() {
        return random.nextInt(1000) < 955 ? "01" : ETHNICITIES[random.nextInt(ETHNICITIES.length)];
    }

    /** GB/T 2261.2: 10 unmarried, 20 married, 30 widowed, 40 divorced. */
    private String marital(int age, boolean married, boolean elderParent) {
        if (married) return "20";
        if (elderParent) return random.nextInt(100) < 70 ? "30" : "20";
        if (age < 28) return "10";
        int pick = random.nextInt(100);
        if (age >= 65) return pick < 60 ? "30" : pick < 85 ? "40" : "10";
        return pick < 65 ? "10" : "40";
    }

    /** GB/T 4658: pupils by age, adults by the schooling usual for their generation. */
    private String education(int age, int birthYear) {
        if (age < 6) return "90";
        if (age < 12) return "80";
        if (age < 15) return "70";
        if (age < 19) return "60";
        int pick = random.nextInt(100);
        if (age < 23) return pick < 40 ? "60" : pick < 75 ? "30" : "40";
        if (birthYear >= 1980) {
            return pick < 12 ? "10" : pick < 52 ? "20" : pick < 72 ? "30" : pick < 80 ? "40" : pick < 94 ? "60" : "70";
        }
        if (birthYear >= 1960) {
            return pick < 4 ? "10" : pick < 24 ? "20" : pick < 42 ? "30" : pick < 54 ? "40" : pick < 80 ? "60"
                    : pick < 97 ? "70" : "80";
        }
        return pick < 8 ? "20" : pick < 16 ? "30" : pick < 26 ? "40" : pick < 56 ? "60" : pick < 86 ? "70" : "80";
    }

    /** Assigned mobile segments only (see {@link org.yiwang.kernel.MobileNumbers}), the common ones more often. */
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181",
            "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"};

    private String phone() {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    // ---- houses and legal entities

    /** Six households in ten own their home; a few also own a shop or an office. */
    private List<House> houses(List<Person> members, Home home) {
        List<House> owned = new ArrayList<>(2);
        Person head = members.get(0);
        if (random.nextInt(100) < 60) {
            Person owner = members.size() > 1 && random.nextInt(100) < 25 ? members.get(1) : head;
            owned.add(house(home.street(), home.address(), area(35, 160), "10", owner));
        }
        if (age(head.birthDate()) >= 25 && random.nextInt(1000) < 45) {
            Street elsewhere = xuhui.street(random);
            owned.add(house(elsewhere, Xuhui.businessAddress(elsewhere, random), area(20, 500),
                    random.nextBoolean() ? "20" : "30", head));
        }
        return List.copyOf(owned);
    }

    private House house(Street street, String address, String area, String use, Person owner) {
        String code;
        do {
            code = street.code() + scrambled(++houses, 38_196_601L, 1_234_567L);
        } while (reserved.contains(code));
        String cert = "沪(" + (2016 + random.nextInt(9)) + ")徐字不动产权第0" + String.format("%06d", random.nextInt(1_000_000)) + "号";
        return new House(code, address, street.code(), area, use, owner.citizenId(), owner.name(), cert);
    }

    private String area(int min, int max) {
        int hundredths = min * 100 + random.nextInt((max - min) * 100);
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }

    /** About one adult in seven of working age represents a legal entity registered in the district. */
    private List<LegalEntity> entities(List<Person> members) {
        List<LegalEntity> represented = new ArrayList<>(1);
        for (Person member : members) {
            int age = age(member.birthDate());
            if (age >= 22 && age <= 70 && random.nextInt(100) < 14) represented.add(entity(member));
        }
        return List.copyOf(represented);
    }

    private LegalEntity entity(Person rep) {
        String organization;
        String code;
        do {
            String body = "MA" + base31(scrambledLong(++entities), 6);
            organization = body + IdentityCodes.organizationCodeCheck(body);
            String first17 = "91" + Xuhui.DISTRICT + organization;
            code = first17 + IdentityCodes.creditCodeCheck(first17);
        } while (reserved.contains(code));
        String[] industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        int pick = random.nextInt(100);
        String type = pick < 85 ? "1100" : pick < 89 ? "1200" : pick < 96 ? "4100" : "4500";
        String tradeName = "" + TRADE_NAME_CHARS.charAt(random.nextInt(TRADE_NAME_CHARS.length()))
                + TRADE_NAME_CHARS.charAt(random.nextInt(TRADE_NAME_CHARS.length()));
        String name = "上海" + tradeName + industry[0] + switch (type) {
            case "1200" -> "股份有限公司";
            case "4100" -> "个人独资企业";
            case "4500" -> "合伙企业(有限合伙)";
            default -> "有限公司";
        };
        Street street = xuhui.street(random);
        LocalDate established = date(max(rep.birthDate().plusYears(20), LocalDate.of(1995, 1, 1)), AS_OF_MINUS_DAY);
        return new LegalEntity(code, name, type, rep.name(), rep.citizenId(), Xuhui.businessAddress(street, random),
                street.code(), industry[1], String.valueOf(CAPITALS[random.nextInt(CAPITALS.length)]), established,
                "1", phone());
    }

    // ---- identifiers and dates

    private String householdId() {
        String id;
        do {
            id = "H" + Xuhui.DISTRICT + scrambled(++households, 61_803_399L, 20_240_101L);
        } while (reserved.contains(id));
        return id;
    }

    /**
     * Eight digits, distinct for distinct counters below 10^8: an affine map (the multiplier is coprime to 10), the
     * digits reversed, and the affine map again — each step a bijection, together enough to hide the counter.
     */
    private static String scrambled(long counter, long multiplier, long offset) {
        long once = Math.floorMod(counter * multiplier + offset, 100_000_000L);
        long reversed = Long.parseLong(new StringBuilder(String.format("%08d", once)).reverse().toString());
        return String.format("%08d", Math.floorMod(reversed * multiplier + offset, 100_000_000L));
    }

    /** Distinct for distinct counters below 31^6 (the multiplier, 3^18, is coprime to 31). */
    private static long scrambledLong(long counter) {
        return Math.floorMod(counter * 387_420_489L + 104_729L, 887_503_681L);
    }

    private static String base31(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--, value /= 31) {
            out[i] = IdentityCodes.CREDIT_CHARSET.charAt((int) (value % 31));
        }
        return new String(out);
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return from;
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    private static int age(LocalDate birth) {
        return java.time.Period.between(birth, SyntheticDistrict.AS_OF).getYears();
    }

    private static LocalDate clamp(LocalDate date, LocalDate min, LocalDate max) {
        return date.isBefore(min) ? min : date.isAfter(max) ? max : date;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
