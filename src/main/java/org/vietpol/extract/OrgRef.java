package org.vietpol.extract;

import java.util.Objects;

/**
 * An organization as the text names it, resolved to a kind and a jurisdiction.
 *
 * @param kind   one of the contract's organization kinds
 * @param unit   its jurisdiction (the country for central bodies)
 * @param name   its own name for named kinds (Department, Other), else null
 * @param parent the body it belongs to ("Ban Thường vụ" of a "Thành ủy"), or null
 */
public record OrgRef(String kind, Unit unit, String name, OrgRef parent) {
    public OrgRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
    }

    /** Identity: same kind, same place, same name. The parent is a fact about it, not part of it. */
    public String key() {
        return kind + "|" + unit.id() + "|" + (name == null ? "" : name);
    }

    public boolean sameAs(OrgRef o) {
        return o != null && key().equals(o.key());
    }
}
