package io.haat.seller.commission;

/** What a commission rule applies to; a store's rule wins over its seller's, which wins over the default. */
public enum CommissionScope {
    DEFAULT, SELLER, STORE
}
