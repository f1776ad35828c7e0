package org.vietpol.generate;

import java.util.SplittableRandom;
import org.vietpol.extract.Unit;

/** How news names a unit and its bodies: "Tỉnh ủy", "huyện", "TP. Hồ Chí Minh". */
final class Places {
    private Places() {}

    /** Centrally governed cities before 2025-07-01 (the gazetteer gives today's types). */
    private static final java.util.Set<String> CITIES = java.util.Set.of("ha-noi", "hai-phong", "da-nang", "ho-chi-minh", "can-tho");

    static boolean isCity(Unit u) {
        return "province".equals(u.level()) && CITIES.contains(u.id());
    }

    /** The party committee's word: Tỉnh ủy, Thành ủy, Huyện ủy, Quận ủy, Thị ủy. */
    static String uy(Unit u) {
        if ("province".equals(u.level())) return isCity(u) ? "Thành ủy" : "Tỉnh ủy";
        return switch (u.type()) {
            case "Quận" -> "Quận ủy";
            case "Thị xã" -> "Thị ủy";
            case "Thành phố" -> "Thành ủy";
            default -> "Huyện ủy";
        };
    }

    /** The level word: tỉnh, thành phố, huyện, quận, thị xã. */
    static String lv(Unit u) {
        if ("province".equals(u.level())) return isCity(u) ? "thành phố" : "tỉnh";
        return u.type().toLowerCase(java.util.Locale.ROOT);
    }

    /** The name as written after a body's word ("Thành ủy TP. Hồ Chí Minh", "Tỉnh ủy Hà Tĩnh"). */
    static String name(Unit u, SplittableRandom r) {
        if (u.id().equals("ho-chi-minh")) return r.nextInt(3) == 0 ? "Thành phố Hồ Chí Minh" : "TP. Hồ Chí Minh";
        return u.name();
    }

    /** The level word and name: "tỉnh Hà Tĩnh", "TP. Đà Nẵng", "huyện Thoại Sơn". */
    static String lvName(Unit u, SplittableRandom r) {
        String lv = lv(u);
        if (lv.equals("thành phố") && r.nextInt(3) > 0) return "TP. " + u.name();
        return lv + " " + u.name();
    }

    /** The committee's code in document numbers: TU, HU, QU, ThU. */
    static String code(Unit u) {
        if ("province".equals(u.level())) return "TU";
        return switch (u.type()) {
            case "Quận" -> "QU";
            case "Thị xã" -> "ThU";
            case "Thành phố" -> "TU";
            default -> "HU";
        };
    }
}
