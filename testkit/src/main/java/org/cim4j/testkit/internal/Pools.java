package org.cim4j.testkit.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.cim4j.customer.PostalAddress;

/**
 * Name, phone, e-mail and address pools shared by the arbitraries and the synthetic data
 * generator. Phone numbers are built from number ranges libphonenumber accepts as valid mobiles
 * (CN, DE, GB) or fixed/mobile lines (US), already in E.164. Not API.
 */
public final class Pools {
    /** Supported countries of generated people. */
    public static final List<String> COUNTRIES = List.of("CN", "DE", "US", "GB");

    public static final List<String> CN_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗");
    static final List<String> CN_SURNAMES_PINYIN = List.of("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao",
            "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo");
    public static final List<String> CN_GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "小明", "建华", "桂兰", "梅梅", "雷", "晓东");
    static final List<String> CN_GIVEN_PINYIN = List.of("wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun",
            "yang", "yong", "yan", "jie", "juan", "tao", "ming", "chao", "xiuying", "xiaoming", "jianhua", "guilan",
            "meimei", "lei", "xiaodong");
    public static final List<String> WESTERN_GIVEN = List.of("Anna", "Lukas", "Emma", "Jonas", "Olivia", "Liam",
            "Sophie", "Noah", "Mia", "James", "Charlotte", "Oliver", "Amelia", "Jürgen", "Zoë", "Émile", "Søren",
            "Chloé", "Hannah", "Finn", "Grace", "Harry", "Lena", "Paul");
    public static final List<String> WESTERN_FAMILY = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Taylor", "Davies", "Evans", "O'Brien", "García",
            "Dubois", "Wagner", "Becker", "Walker", "Wright");
    static final List<String> DOMAINS_CN = List.of("qq.com", "163.com", "126.com", "example.cn");
    static final List<String> DOMAINS_WEST = List.of("example.com", "example.org", "mail.example.de", "example.co.uk");

    private static final String[] CN_MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
            "150", "151", "152", "153", "155", "156", "158", "159", "186", "187", "188", "189"};
    private static final String[] DE_MOBILE_PREFIXES = {"151", "152", "157", "160", "162", "170", "171", "172", "173",
            "174", "175", "176", "177", "178", "179"};
    private static final String[] US_AREA_CODES = {"212", "213", "206", "305", "312", "415", "512", "617", "646",
            "702", "718", "917"};
    private static final String[] GB_MOBILE_PREFIXES = {"740", "741", "742", "743", "744", "746", "747", "748", "749",
            "753", "754", "757", "758", "759", "771", "772", "773", "775", "776", "777"};

    private Pools() {
    }

    /** A person's name parts: display name, given name, family name, an e-mail local part. */
    public record Name(String display, String given, String family, String emailLocal) {
    }

    public static Name chineseName(Random r) {
        int s = r.nextInt(CN_SURNAMES.size());
        int g = r.nextInt(CN_GIVEN.size());
        return new Name(CN_SURNAMES.get(s) + CN_GIVEN.get(g), CN_GIVEN.get(g), CN_SURNAMES.get(s),
                CN_GIVEN_PINYIN.get(g) + "." + CN_SURNAMES_PINYIN.get(s));
    }

    public static Name westernName(Random r) {
        String given = WESTERN_GIVEN.get(r.nextInt(WESTERN_GIVEN.size()));
        String family = WESTERN_FAMILY.get(r.nextInt(WESTERN_FAMILY.size()));
        return new Name(given + " " + family, given, family, ascii(given) + "." + ascii(family));
    }

    /** A name fitting {@code country}: Chinese for CN, Western otherwise. */
    public static Name name(String country, Random r) {
        return country.equals("CN") ? chineseName(r) : westernName(r);
    }

    /** Lower-case ASCII letters and digits only, e.g. {@code "Jürgen"} becomes {@code "jurgen"}. */
    public static String ascii(String s) {
        String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replace("ø", "o").replaceAll("[^a-z0-9]", "");
    }

    /** A normalised (lower-case) e-mail for a person of {@code country}; {@code serial} keeps it unique. */
    public static String email(Name name, String country, long serial, Random r) {
        List<String> domains = country.equals("CN") ? DOMAINS_CN : DOMAINS_WEST;
        return name.emailLocal() + serial + "@" + domains.get(r.nextInt(domains.size()));
    }

    /** A mobile (or, for US, geographic) number valid in {@code country}, in E.164. */
    public static String phone(String country, Random r) {
        return switch (country) {
            case "CN" -> "+86" + pick(CN_MOBILE_PREFIXES, r) + digits(8, r);
            case "DE" -> "+49" + pick(DE_MOBILE_PREFIXES, r) + digits(8, r);
            case "US" -> "+1" + pick(US_AREA_CODES, r) + usExchange(r) + digits(4, r);
            case "GB" -> "+44" + pick(GB_MOBILE_PREFIXES, r) + digits(7, r);
            default -> throw new IllegalArgumentException("unsupported country " + country);
        };
    }

    private static String usExchange(Random r) {
        while (true) {
            int e = 200 + r.nextInt(800);
            if (e % 100 != 11 && e != 555) {
                return Integer.toString(e);
            }
        }
    }

    /** A postal address in {@code country}. */
    public static PostalAddress address(String country, String label, boolean primary, Random r) {
        int n = 1 + r.nextInt(199);
        return switch (country) {
            case "CN" -> {
                String[][] cities = {{"北京", "北京市", "100"}, {"上海", "上海市", "200"}, {"广州", "广东省", "510"},
                        {"深圳", "广东省", "518"}, {"杭州", "浙江省", "310"}, {"成都", "四川省", "610"}};
                String[] c = cities[r.nextInt(cities.length)];
                String[] streets = {"建国路", "人民路", "中山路", "解放路", "南京路", "长安街"};
                yield new PostalAddress(label, List.of(pick(streets, r) + n + "号", (1 + r.nextInt(30)) + "栋"
                        + (101 + r.nextInt(2000)) + "室"), c[0], c[1], c[2] + digits(3, r), "CN", primary);
            }
            case "DE" -> {
                String[][] cities = {{"Berlin", "Berlin", "10"}, {"München", "Bayern", "80"}, {"Hamburg", "Hamburg", "20"},
                        {"Köln", "Nordrhein-Westfalen", "50"}, {"Leipzig", "Sachsen", "04"}};
                String[] c = cities[r.nextInt(cities.length)];
                String[] streets = {"Hauptstraße", "Schulstraße", "Gartenweg", "Bahnhofstraße", "Lindenallee"};
                yield new PostalAddress(label, List.of(pick(streets, r) + " " + n), c[0], c[1], c[2] + digits(3, r), "DE",
                        primary);
            }
            case "US" -> {
                String[][] cities = {{"New York", "NY", "100"}, {"San Francisco", "CA", "941"}, {"Chicago", "IL", "606"},
                        {"Austin", "TX", "787"}, {"Seattle", "WA", "981"}};
                String[] c = cities[r.nextInt(cities.length)];
                String[] streets = {"Main St", "Oak Ave", "Maple Dr", "Broadway", "Pine St"};
                yield new PostalAddress(label, List.of(n + " " + pick(streets, r), "Apt " + (1 + r.nextInt(40))), c[0], c[1],
                        c[2] + digits(5 - c[2].length(), r), "US", primary);
            }
            case "GB" -> {
                String[][] cities = {{"London", "SW1A"}, {"Manchester", "M1"}, {"Edinburgh", "EH1"}, {"Bristol", "BS1"}};
                String[] c = cities[r.nextInt(cities.length)];
                String[] streets = {"High Street", "Station Road", "Church Lane", "Victoria Road"};
                yield new PostalAddress(label, List.of(n + " " + pick(streets, r)), c[0], null,
                        c[1] + " " + r.nextInt(10) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)), "GB", primary);
            }
            default -> throw new IllegalArgumentException("unsupported country " + country);
        };
    }

    /** A UUIDv7-shaped id from {@code r}: time-ordered by {@code millis}, version 7, RFC variant. */
    public static UUID uuidV7(long millis, Random r) {
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | r.nextInt(1 << 12);
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    public static String digits(int n, Random r) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    static <T> T pick(T[] items, Random r) {
        return items[r.nextInt(items.length)];
    }
}
