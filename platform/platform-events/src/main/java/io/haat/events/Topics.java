package io.haat.events;

/** Kafka topic names, one per event family, named {@code <service>.<aggregate>}. */
public final class Topics {

    public static final String IDENTITY_USER = "identity.user";
    public static final String SECURITY_ALERTS = "identity.security-alert";
    public static final String SELLER_SELLER = "seller.seller";
    public static final String SELLER_STORE = "seller.store";
    public static final String SELLER_INVENTORY = "seller.inventory";
    public static final String SELLER_COMMISSION = "seller.commission";
    public static final String CATALOG_PRODUCT = "catalog.product";
    public static final String CATALOG_REVIEW = "catalog.review";
    public static final String CATALOG_TRACKING = "catalog.tracking";
    public static final String ORDERS_ORDER = "orders.order";
    public static final String PAYMENT_PAYMENT = "payment.payment";
    public static final String PAYMENT_PAYOUT = "payment.payout";
    public static final String AUDIT_EVENTS = "audit.events";
    /** {@code RequestDenied} signals of every service (403/404 answers to signed-in users), keyed by user id. */
    public static final String ACCESS_DENIED = "platform.access-denied";

    /** Suffix of the dead-letter topic that receives messages a consumer could not handle. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
