package io.haat.order.shipping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of shipping methods for the HTTP tests; {@link #with} changes one field (null removes it). */
final class ShippingBodies {

    private ShippingBodies() {
    }

    static Map<String, Object> flat(String name, long rate) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "FLAT");
        body.put("currency", "NPR");
        body.put("flatRate", rate);
        body.put("minDays", 2);
        body.put("maxDays", 4);
        body.put("everywhere", true);
        return body;
    }

    static Map<String, Object> byWeight(String name, long base, long perKg) {
        Map<String, Object> body = with(flat(name, 0), "flatRate", null);
        body.put("type", "BY_WEIGHT");
        body.put("baseRate", base);
        body.put("perKgRate", perKg);
        return body;
    }

    static Map<String, Object> freeOver(String name, long threshold, long fee) {
        Map<String, Object> body = flat(name, fee);
        body.put("type", "FREE_OVER");
        body.put("freeOver", threshold);
        return body;
    }

    /** Only in these regions: country followed by its provinces, e.g. {@code region("NP", "Bagmati")}. */
    static Map<String, Object> in(Map<String, Object> body, List<Map<String, Object>> regions) {
        return with(with(body, "everywhere", null), "regions", regions);
    }

    static Map<String, Object> region(String country, String... provinces) {
        return provinces.length == 0 ? Map.of("country", country)
                : Map.of("country", country, "provinces", List.of(provinces));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }
}
