package io.haat.events.orders;

/** A position in WGS 84 degrees, as a delivery agent's device reports it. */
public record GeoPoint(double lat, double lng) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("lat must lie in [-90, 90] and lng in [-180, 180], not " + lat + ", "
                    + lng);
        }
    }
}
