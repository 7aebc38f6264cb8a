package io.haat.payment.wallet;

import io.haat.events.Money;
import io.haat.payment.ledger.AccountKind;
import io.haat.payment.ledger.LedgerRepository;
import io.haat.payment.ledger.LedgerRepository.SellerBalance;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's wallet, read from the ledger: balances are sums of entries, computed on every request. */
@Service
public class WalletService {

    private final SellerOwners owners;
    private final LedgerRepository ledger;
    private final String defaultCurrency;

    public WalletService(SellerOwners owners, LedgerRepository ledger,
                         @Value("${haat.payment.wallet.default-currency:NPR}") String defaultCurrency) {
        this.owners = owners;
        this.ledger = ledger;
        this.defaultCurrency = defaultCurrency;
    }

    @Transactional(readOnly = true)
    public WalletResponse wallet(String userId, String currency) {
        String sellerId = sellerOf(userId);
        List<SellerBalance> balances = ledger.sellerBalances(sellerId);
        TreeSet<String> currencies = new TreeSet<>();
        balances.forEach(balance -> currencies.add(balance.account().currency()));
        String shown = currency != null ? currency : ledger.sellerEntries(sellerId, 0, 1).stream()
                .map(entry -> entry.amount().currency()).findFirst().orElse(defaultCurrency);
        currencies.add(shown);
        List<WalletResponse.Balance> all = new ArrayList<>();
        for (String each : currencies) {
            all.add(new WalletResponse.Balance(each, balance(balances, AccountKind.SELLER_PENDING, each),
                    balance(balances, AccountKind.SELLER_AVAILABLE, each)));
        }
        WalletResponse.Balance main = all.stream().filter(b -> b.currency().equals(shown)).findFirst().orElseThrow();
        return new WalletResponse(sellerId, shown, main.pending(), main.available(), all);
    }

    @Transactional(readOnly = true)
    public PageResponse<WalletEntryResponse> entries(String userId, Paging paging) {
        String sellerId = sellerOf(userId);
        return PageResponse.of(ledger.sellerEntries(sellerId, paging.offset(), paging.size()), paging,
                ledger.countSellerEntries(sellerId)).map(WalletEntryResponse::from);
    }

    private String sellerOf(String userId) {
        return owners.sellerOf(userId).orElseThrow(() -> new NotFoundException("seller-not-found",
                "Seller not found", "You have no seller account yet: apply as a seller first."));
    }

    private static Money balance(List<SellerBalance> balances, AccountKind kind, String currency) {
        long sum = balances.stream().filter(b -> b.account().kind() == kind && b.account().currency().equals(currency))
                .mapToLong(SellerBalance::balanceMinor).sum();
        return new Money(sum, currency);
    }
}
