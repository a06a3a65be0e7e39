package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The payment rolls of a month (one per scheme and township) that a caller may see, with control totals summed
 * over them.
 *
 * @param scheme the scheme asked for; null for all schemes
 * @param status {@code SENT} once every roll is sent (and there is at least one), else {@code DRAFT}
 * @param lineCount sum of the rolls' line counts (control total)
 * @param totalAmount sum of the rolls' totals, yuan (control total)
 * @param sentAt the latest {@code sentAt} once every roll is sent; else null
 */
public record MonthlyRolls(YearMonth month, String scheme, RollStatus status, int lineCount, BigDecimal totalAmount,
    Instant sentAt, List<PaymentRoll> rolls) {

  static MonthlyRolls of(YearMonth month, String scheme, List<PaymentRoll> rolls) {
    boolean allSent = !rolls.isEmpty() && rolls.stream().allMatch(r -> r.status() == RollStatus.SENT);
    BigDecimal total = rolls.stream().map(PaymentRoll::totalAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    Instant sentAt = allSent ? rolls.stream().map(PaymentRoll::sentAt).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null) : null;
    return new MonthlyRolls(month, scheme, allSent ? RollStatus.SENT : RollStatus.DRAFT,
        rolls.stream().mapToInt(PaymentRoll::lineCount).sum(), total, sentAt, List.copyOf(rolls));
  }
}
