package io.haat.catalog.product;

/**
 * A product's rating from its visible reviews: count, sum and how many of each star. Maintained with atomic
 * {@code $inc} updates (see {@code ProductRatings}); {@code average} is derived, stored for sorting only.
 */
public record Rating(long count, long sum, double average, long star1, long star2, long star3, long star4,
                     long star5) {

    public static final Rating NONE = new Rating(0, 0, 0, 0, 0, 0, 0, 0);

    /** The average rounded to one decimal, 0 when there is no review. */
    public double displayAverage() {
        return count == 0 ? 0 : Math.round(sum * 10.0 / count) / 10.0;
    }

    public java.util.Map<String, Long> distribution() {
        var map = new java.util.LinkedHashMap<String, Long>();
        map.put("1", star1);
        map.put("2", star2);
        map.put("3", star3);
        map.put("4", star4);
        map.put("5", star5);
        return map;
    }
}
