package gov.civilaffairs.veterans.person;

import java.time.LocalDate;

/**
 * An application event inside this service, raised in the transaction that applies a confirmed death to an
 * entitled person: features that keep the person's records (certificates) act on it in the same transaction.
 * Not published to Kafka ({@code veterans.pension-terminated.v1} is the published fact).
 *
 * @param deathRecordId the registry's death record
 * @param dateOfDeath civil date in Asia/Shanghai
 */
public record EntitledPersonDied(long entitledPersonId, long deathRecordId, LocalDate dateOfDeath) {
}
