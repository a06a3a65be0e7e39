/**
 * The transactional outboxes of the services that publish events; a change and its events are committed together
 * and the events leave after the commit (EVENTS.md).
 * <ul>
 *   <li>Spring Modulith's event publication registry in the service's database, externalised to Kafka (ADR 0003): a
 *   send that failed (broker down) is resubmitted by {@link gov.civilaffairs.platform.outbox.OutboxResubmission}
 *   ({@code platform.outbox.resubmit-older-than}, {@code resubmission-*}). A service adopts it by adding
 *   {@code spring-modulith-starter-jdbc}, {@code spring-modulith-events-kafka} and the Flyway migration of Modulith's
 *   tables ({@code EVENT_PUBLICATION} and {@code EVENT_PUBLICATION_ARCHIVE}). One insert per event and one
 *   completion transaction per send.</li>
 *   <li>The platform's event outbox for high-volume events (ADR 0008): {@link gov.civilaffairs.platform.outbox.EventOutbox}
 *   writes a transaction's events as one multi-row INSERT into {@code event_outbox} (platform migration V3) at its
 *   commit, {@link gov.civilaffairs.platform.outbox.EventOutboxRelay} sends them in batches
 *   ({@code platform.outbox.enabled}, {@code relay-interval}, {@code relay-batch-size}, {@code send-timeout}).</li>
 * </ul>
 */
package gov.civilaffairs.platform.outbox;
