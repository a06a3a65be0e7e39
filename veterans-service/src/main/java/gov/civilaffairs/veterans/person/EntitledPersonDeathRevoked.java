package gov.civilaffairs.veterans.person;

/**
 * An application event inside this service, raised in the transaction that restores an entitled person whose
 * death record the registry revoked: what {@link EntitledPersonDied} took away is restored in the same
 * transaction. Not published to Kafka.
 *
 * @param deathRecordId the revoked death record
 */
public record EntitledPersonDeathRevoked(long entitledPersonId, long deathRecordId) {
}
