package io.haat.notification.events;

import static io.haat.notification.events.OrderEventsListener.id;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.identity.UserBanned;
import io.haat.events.identity.UserProfileChanged;
import io.haat.events.identity.UserRegistered;
import io.haat.events.inventory.LowStock;
import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.notification.directory.Directory;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accounts, sellers, stores and stock: keeps the local copies of who is who ({@code identity.user},
 * {@code seller.seller}, {@code seller.store}) and sends the welcome, seller decision, suspension and low-stock
 * messages.
 */
@Component
class AccountEventsListener {

    private static final String GROUP = OrderEventsListener.GROUP;

    private final Notifier notifier;
    private final Directory directory;
    private final Recipients recipients;
    private final EventRouter users;
    private final EventRouter sellers;
    private final EventRouter stores;
    private final EventRouter inventory;

    AccountEventsListener(EventEnvelopes envelopes, Notifier notifier, Directory directory, Recipients recipients) {
        this.notifier = notifier;
        this.directory = directory;
        this.recipients = recipients;
        this.users = EventRouter.builder(envelopes)
                .on(UserRegistered.class, this::registered)
                .on(UserProfileChanged.class, this::profileChanged)
                .on(UserBanned.class, this::banned)
                .build();
        this.sellers = EventRouter.builder(envelopes).on(SellerStatusChanged.class, this::sellerChanged).build();
        this.stores = EventRouter.builder(envelopes).on(StoreChanged.class, this::storeChanged).build();
        this.inventory = EventRouter.builder(envelopes).on(LowStock.class, this::lowStock).build();
    }

    @KafkaListener(topics = Topics.IDENTITY_USER, groupId = GROUP)
    void onUserEvent(String value) {
        users.dispatch(value);
    }

    @KafkaListener(topics = Topics.SELLER_SELLER, groupId = GROUP)
    void onSellerEvent(String value) {
        sellers.dispatch(value);
    }

    @KafkaListener(topics = Topics.SELLER_STORE, groupId = GROUP)
    void onStoreEvent(String value) {
        stores.dispatch(value);
    }

    @KafkaListener(topics = Topics.SELLER_INVENTORY, groupId = GROUP)
    void onInventoryEvent(String value) {
        inventory.dispatch(value);
    }

    private void registered(EventEnvelope<UserRegistered> event) {
        UserRegistered user = event.payload();
        directory.user(user.userId(), user.email(), user.fullName(), event.aggregateVersion());
        boolean seller = "SELLER".equalsIgnoreCase(user.role());
        notifier.notify(new Notice(id(event), user.userId(), NotificationType.WELCOME, "Welcome to Haat",
                seller ? "Your seller account is ready: apply with your business details to open your store."
                        : "Your account is ready. Discover products from independent stores near you.",
                seller ? "/seller/apply" : "/", Map.of("role", user.role() == null ? "CUSTOMER" : user.role())));
    }

    private void profileChanged(EventEnvelope<UserProfileChanged> event) {
        UserProfileChanged user = event.payload();
        directory.user(user.userId(), user.email(), user.fullName(), event.aggregateVersion());
    }

    private void banned(EventEnvelope<UserBanned> event) {
        UserBanned ban = event.payload();
        notifier.notify(new Notice(id(event), ban.userId(), NotificationType.ACCOUNT_SUSPENDED,
                "Your account was suspended",
                "Your account was suspended" + (ban.reason() != null ? ": " + ban.reason() : ".")
                        + " If you think this is a mistake, contact our support.", "/help", Map.of()));
    }

    private void sellerChanged(EventEnvelope<SellerStatusChanged> event) {
        SellerStatusChanged seller = event.payload();
        directory.seller(seller.sellerId(), seller.userId(), seller.businessName(), event.aggregateVersion());
        if (seller.userId() == null) {
            return;
        }
        Map<String, Object> data = Map.of("sellerId", seller.sellerId(), "businessName",
                seller.businessName() == null ? "" : seller.businessName());
        if (seller.status() == SellerStatus.APPROVED) {
            notifier.notify(new Notice(id(event), seller.userId(), NotificationType.SELLER_APPROVED,
                    "Your seller application was approved",
                    "Welcome aboard! You can now open your store and list your products.", "/seller", data));
        } else if (seller.status() == SellerStatus.REJECTED) {
            notifier.notify(new Notice(id(event), seller.userId(), NotificationType.SELLER_REJECTED,
                    "Your seller application was not approved",
                    "We could not approve your application" + (seller.reason() != null ? ": " + seller.reason() : ".")
                            + " You can correct it and apply again.", "/seller/apply", data));
        }
    }

    private void storeChanged(EventEnvelope<StoreChanged> event) {
        StoreChanged store = event.payload();
        directory.store(store.storeId(), store.sellerId(), store.name(), event.aggregateVersion());
    }

    private void lowStock(EventEnvelope<LowStock> event) {
        LowStock low = event.payload();
        notifier.notify(new Notice(id(event), recipients.storeOwner(low.storeId(), low.sellerId()),
                NotificationType.LOW_STOCK, "Low stock: " + low.sku(),
                "Only " + low.available() + " left of " + low.sku() + " (your alert is at " + low.threshold() + ").",
                "/seller/stores/" + low.storeId() + "/inventory",
                Map.of("storeId", low.storeId(), "sku", low.sku(), "available", low.available(),
                        "threshold", low.threshold())));
    }
}
