package org.yiwang.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo district 徐汇区 (310104): its 13 streets with their real statistics-bureau codes and the real
 * communities beneath them ({@code demo/communities-310104.csv}, from china-division 2.7.0). Roads and house
 * numbers are synthetic, built from the street's name so that an address reads plausibly without being a real
 * dwelling.
 */
final class Xuhui {

    static final String DISTRICT = "310104";
    static final String ADDRESS_PREFIX = "上海市徐汇区";

    record Community(String code, String name) {}

    /** A street (街道) or town (镇); people are spread over streets by their number of communities. */
    record Street(String code, String name, String roadStem, List<Community> communities) {

        Community community(SplittableRandom random) {
            return communities.get(random.nextInt(communities.size()));
        }

        String road(SplittableRandom random) {
            return roadStem + ROAD_SUFFIXES[random.nextInt(ROAD_SUFFIXES.length)];
        }
    }

    private static final String[] ROAD_SUFFIXES = {"一路", "二路", "三路", "东路", "西路", "南路", "北路", "中路", "支路", "新路"};

    private static final String[][] STREETS = {
            {"310104003", "天平路街道", "天平"}, {"310104004", "湖南路街道", "湖南"},
            {"310104007", "斜土路街道", "斜土"}, {"310104008", "枫林路街道", "枫林"},
            {"310104010", "长桥街道", "长桥"}, {"310104011", "田林街道", "田林"},
            {"310104012", "虹梅路街道", "虹梅"}, {"310104013", "康健新村街道", "康健"},
            {"310104014", "徐家汇街道", "徐家汇"}, {"310104015", "凌云路街道", "凌云"},
            {"310104016", "龙华街道", "龙华"}, {"310104017", "漕河泾街道", "漕河泾"},
            {"310104103", "华泾镇", "华泾"}};

    private static final Xuhui INSTANCE = load();

    private final List<Street> streets;
    private final Map<String, Street> byCode = new LinkedHashMap<>();
    private final int communityCount;

    private Xuhui(List<Street> streets) {
        this.streets = List.copyOf(streets);
        streets.forEach(s -> byCode.put(s.code(), s));
        this.communityCount = streets.stream().mapToInt(s -> s.communities().size()).sum();
    }

    static Xuhui get() {
        return INSTANCE;
    }

    List<Street> streets() {
        return streets;
    }

    Street street(String code) {
        Street street = byCode.get(code);
        if (street == null) throw new IllegalArgumentException("not a street of 徐汇区: " + code);
        return street;
    }

    /** A street, weighted by its number of communities (a stand-in for its population). */
    Street street(SplittableRandom random) {
        int pick = random.nextInt(communityCount);
        for (Street street : streets) {
            pick -= street.communities().size();
            if (pick < 0) return street;
        }
        throw new IllegalStateException("unreachable");
    }

    /** {@code 上海市徐汇区天平二路128弄7号602室}: a dwelling (弄 in most residential compounds). */
    static String dwellingAddress(Street street, SplittableRandom random) {
        StringBuilder address = new StringBuilder(ADDRESS_PREFIX).append(street.road(random))
                .append(1 + random.nextInt(999));
        if (random.nextInt(10) < 6) address.append("弄").append(1 + random.nextInt(40)).append("号");
        else address.append("号");
        return address.append(room(random)).append("室").toString();
    }

    /** {@code 上海市徐汇区龙华中路88号1203室}: an office or shop. */
    static String businessAddress(Street street, SplittableRandom random) {
        return ADDRESS_PREFIX + street.road(random) + (1 + random.nextInt(999)) + "号" + room(random) + "室";
    }

    private static int room(SplittableRandom random) {
        return (1 + random.nextInt(25)) * 100 + 1 + random.nextInt(6);
    }

    private static Xuhui load() {
        Map<String, List<Community>> communities = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = Xuhui.class.getResourceAsStream("/demo/communities-310104.csv")) {
            if (in == null) throw new IllegalStateException("demo/communities-310104.csv missing from the classpath");
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                communities.computeIfAbsent(row.get("street_code"), k -> new ArrayList<>())
                        .add(new Community(row.get("code"), row.get("name")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Street> streets = new ArrayList<>();
        for (String[] s : STREETS) {
            List<Community> ofStreet = communities.get(s[0]);
            if (ofStreet == null) throw new IllegalStateException("no communities for street " + s[0]);
            streets.add(new Street(s[0], s[1], s[2], List.copyOf(ofStreet)));
        }
        return new Xuhui(streets);
    }
}
