package org.vietpol.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An administrative unit of the gazetteer: the country, a province, a district.
 *
 * @param id      stable path-like id, e.g. "hue", "quang-ninh/uong-bi" (unique within the gazetteer)
 * @param level   country, province, district or ward
 * @param name    canonical Vietnamese name without its type ("Huế", "Hồ Chí Minh")
 * @param type    Vietnamese unit type ("Tỉnh", "Thành phố", "Huyện" ...)
 * @param parent  id of the enclosing unit, or null for the country
 */
public record Unit(String id, String level, String name, String type, String parent, String gso,
                   LocalDate validFrom, LocalDate validTo, String successor, String nameEn, String wikidata,
                   String geonames, List<String> variants) {
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        variants = List.copyOf(variants);
    }

    public boolean isCountry() {
        return "country".equals(level);
    }
}
