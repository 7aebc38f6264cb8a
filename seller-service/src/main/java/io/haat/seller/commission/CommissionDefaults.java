package io.haat.seller.commission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On first start, sets the platform default commission ({@code haat.seller.commission.default-basis-points}; negative: none). */
@Component
public class CommissionDefaults implements ApplicationRunner {

    private final CommissionService commissions;
    private final int basisPoints;

    public CommissionDefaults(CommissionService commissions,
                              @Value("${haat.seller.commission.default-basis-points:1000}") int basisPoints) {
        this.commissions = commissions;
        this.basisPoints = basisPoints;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (basisPoints >= 0) {
            commissions.seedDefault(Math.min(basisPoints, 10_000));
        }
    }
}
