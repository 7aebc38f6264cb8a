package io.haat.payment.wallet;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.Currency;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A seller's own wallet: balances and the ledger entries behind them. There is no way to name another seller's. */
@RestController
@PreAuthorize("hasRole('SELLER')")
public class WalletController {

    private final WalletService wallets;
    private final CurrentUser currentUser;

    public WalletController(WalletService wallets, CurrentUser currentUser) {
        this.wallets = wallets;
        this.currentUser = currentUser;
    }

    @GetMapping("/wallet")
    public WalletResponse wallet(@RequestParam(required = false) String currency) {
        return wallets.wallet(currentUser.subject(), currency == null ? null : isoCurrency(currency));
    }

    @GetMapping("/wallet/entries")
    public PageResponse<WalletEntryResponse> entries(@RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return wallets.entries(currentUser.subject(), Paging.of(page, size));
    }

    private static String isoCurrency(String code) {
        try {
            if (code.equals(code.toUpperCase()) && Currency.getInstance(code) != null) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidRequestException("currency", "must be an ISO 4217 code in upper case, e.g. NPR");
    }
}
