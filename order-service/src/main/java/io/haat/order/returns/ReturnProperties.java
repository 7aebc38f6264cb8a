package io.haat.order.returns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.order.returns.*}: the defaults of a store's return policy, the store's time to decide, the approval
 * job, and the limits of return photos.
 *
 * @param windowDays     days after delivery a return may be asked for, for a store that set no policy
 * @param shippingRefund shipping refund policy of a store that set none
 * @param approvalPeriod a request the store has not decided within this is approved automatically
 * @param jobInterval    how often {@link ReturnApprovalJob} runs
 * @param jobBatch       returns approved per transaction
 * @param photos         limits of each photo (bytes, pixels, the stored size)
 */
@ConfigurationProperties("haat.order.returns")
public record ReturnProperties(@DefaultValue("7") int windowDays,
                               @DefaultValue("SELLER_FAULT") ShippingRefund shippingRefund,
                               @DefaultValue("3d") Duration approvalPeriod,
                               @DefaultValue("1m") Duration jobInterval,
                               @DefaultValue("100") int jobBatch,
                               @DefaultValue Photos photos) {

    /**
     * @param maxBytes      largest accepted upload (and, re-encoded, stored)
     * @param maxPixels     largest width × height, checked before decoding
     * @param maxSide       largest width or height
     * @param storedMaxSide the stored photo is scaled down to fit this
     */
    public record Photos(@DefaultValue("5242880") long maxBytes, @DefaultValue("40000000") long maxPixels,
                         @DefaultValue("12000") int maxSide, @DefaultValue("1600") int storedMaxSide,
                         @DefaultValue("2") int concurrentDecodes) {
    }
}
