/**
 * The transactional outbox of every service that publishes events: Spring Modulith's event publication
 * registry in the service's database, externalised to Kafka (ADR 0003, EVENTS.md). A change and its
 * event are committed together; the event leaves after the commit, and a send that failed (broker down)
 * is resubmitted by {@link gov.civilaffairs.platform.outbox.OutboxResubmission}
 * ({@code platform.outbox.*}). A service adopts it by adding {@code spring-modulith-starter-jdbc},
 * {@code spring-modulith-events-kafka} and the Flyway migration of Modulith's tables
 * ({@code EVENT_PUBLICATION} and {@code EVENT_PUBLICATION_ARCHIVE}).
 */
package gov.civilaffairs.platform.outbox;
