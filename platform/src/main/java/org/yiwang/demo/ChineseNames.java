package org.yiwang.demo;

import java.util.SplittableRandom;

/**
 * Chinese personal names: common surnames weighted by their approximate share of the population (per mille), and
 * given names of one or two characters from gendered pools.
 */
final class ChineseNames {

    private static final String[] SURNAMES = {
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
            "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
            "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
            "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "顾", "钱", "严", "施", "欧阳", "上官", "诸葛"};
    private static final int[] SURNAME_WEIGHTS = {
            71, 70, 65, 54, 46, 31, 22, 20, 20, 19, 13, 12, 12, 11, 10, 10, 9, 9,
            9, 8, 8, 7, 6, 6, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4,
            4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2,
            2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 2, 3, 1, 1, 1};
    private static final int SURNAME_TOTAL = java.util.Arrays.stream(SURNAME_WEIGHTS).sum();

    private static final String MALE = "伟强磊军勇杰涛明超华平刚辉鹏斌宇浩凯俊峰建国志文东海波晨阳博睿轩翔嘉泽宏成林亮飞彬健毅德昊宁子然天一铭";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲婷雪慧颖琳欣怡佳梦雨诗涵萱晓丹蕾倩洁月春梅兰红萍燕琪悦瑶璐妍馨岚云薇琴";

    private ChineseNames() {}

    static String surname(SplittableRandom random) {
        int pick = random.nextInt(SURNAME_TOTAL);
        for (int i = 0; i < SURNAMES.length; i++) {
            pick -= SURNAME_WEIGHTS[i];
            if (pick < 0) return SURNAMES[i];
        }
        throw new IllegalStateException("unreachable");
    }

    /** One character in three names, two in the others. */
    static String givenName(boolean male, SplittableRandom random) {
        String pool = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(3) > 0) name.append(pool.charAt(random.nextInt(pool.length())));
        return name.toString();
    }
}
