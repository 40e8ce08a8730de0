package org.yiwang.demo;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.yiwang.demo.SyntheticDistrict.House;
import org.yiwang.demo.SyntheticDistrict.LegalEntity;
import org.yiwang.demo.SyntheticDistrict.Person;

/**
 * The fixed demo subjects the demo accounts and scenarios use: the resident 张伟 of 徐家汇街道, the restaurant
 * company he represents, and the flat he owns. The generator never produces their keys.
 */
public final class DemoSubjects {

    /** 张伟, born 1990-03-07, male; GB 11643 check digit 1. */
    public static final String RESIDENT_CITIZEN_ID = "310104199003074211";
    /** 上海徐汇小笼包餐饮管理有限公司; GB 32100 check character 8. */
    public static final String ENTERPRISE_CREDIT_CODE = "91310104MA1FL0QX48";
    public static final String HOUSE_CODE = "31010401400000001";

    private static final String STREET = "310104014";
    private static final String HOUSEHOLD_ID = "H31010400000001";
    private static final String HOME = "上海市徐汇区徐家汇中路88弄3号502室";

    public static final Person RESIDENT = new Person(RESIDENT_CITIZEN_ID, "张伟", "1", "01", LocalDate.of(1990, 3, 7),
            "13916880307", HOME, HOME, STREET, "310104014001001", HOUSEHOLD_ID, "01", "20", "20", "1", "C1",
            LocalDate.of(2010, 8, 16));

    public static final LegalEntity ENTERPRISE = new LegalEntity(ENTERPRISE_CREDIT_CODE, "上海徐汇小笼包餐饮管理有限公司",
            "1100", "张伟", RESIDENT_CITIZEN_ID, "上海市徐汇区徐家汇东路18号101室", STREET, "餐饮服务;食品销售", "50",
            LocalDate.of(2019, 5, 20), "1", "13916880520");

    public static final House HOUSE = new House(HOUSE_CODE, HOME, STREET, "89.50", "10", RESIDENT_CITIZEN_ID, "张伟",
            "沪(2019)徐字不动产权第0012345号");

    private DemoSubjects() {}

    public static Stream<Person> persons() {
        return Stream.of(RESIDENT);
    }

    public static Stream<LegalEntity> legalEntities() {
        return Stream.of(ENTERPRISE);
    }

    public static Stream<House> houses() {
        return Stream.of(HOUSE);
    }

    /** Keys and household numbers the generator must not hand out again. */
    static Set<String> reservedKeys() {
        return Set.of(RESIDENT_CITIZEN_ID, ENTERPRISE_CREDIT_CODE, HOUSE_CODE, HOUSEHOLD_ID);
    }
}
