package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A payment roll (one scheme, township and month) was marked sent to the bank: from then on it never changes.
 * Published through the outbox on topic {@value ReliefEventsConfiguration#ROLL_TOPIC}, keyed by roll id, as
 * CloudEvent {@value ReliefEventsConfiguration#PAYMENT_ROLL_CLOSED}; contract
 * {@code contracts/events/relief.payment-roll-closed.v1.schema.json}.
 *
 * @param townshipCode 9-digit township code
 * @param lineCount control total: number of lines
 * @param totalAmount control total: yuan, scale 2
 * @param closedAt when it was marked sent (UTC instant); equals {@code ce_time}
 */
public record PaymentRollClosed(UUID eventId, long rollId, String scheme, String townshipCode, YearMonth month,
    int lineCount, BigDecimal totalAmount, Instant closedAt) {
}
