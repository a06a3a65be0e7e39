/**
 * Kafka wiring every service shares (EVENTS.md): events are CloudEvents 1.0 in Kafka binary mode with a
 * JSON value, keyed by aggregate id, on declared topics {@code <service>.<aggregate>.v<N>}.
 *
 * <ul>
 *   <li>Publish: {@link gov.civilaffairs.platform.kafka.CloudEventPublisher#publish} with an
 *   {@link gov.civilaffairs.platform.kafka.EventEnvelope}; or, from the outbox (Spring Modulith's Kafka
 *   externalisation), {@link gov.civilaffairs.platform.kafka.CloudEventPublisher#headersFor} in the
 *   externalisation's {@code headers(...)}, so that both paths put the same headers on the wire. Take
 *   it as {@code ObjectProvider<CloudEventPublisher>} in the {@code EventExternalizationConfiguration}
 *   bean and call {@code getObject()} when an event is sent: Modulith builds that configuration before
 *   the Kafka template exists, and injecting the publisher itself breaks start-up (example in
 *   {@link gov.civilaffairs.platform.kafka.CloudEventPublisher}). Failed sends are resubmitted by
 *   {@link gov.civilaffairs.platform.outbox}.</li>
 *   <li>Consume: {@code @KafkaListener} methods take {@code ConsumerRecord<String, JsonNode>} and read it
 *   with {@link gov.civilaffairs.platform.kafka.IncomingEvent#from}; {@code id} is the idempotency key. A consumer
 *   that must keep up with bursts (the death flow) takes a poll's {@code List<ConsumerRecord<String, JsonNode>>}
 *   ({@code batch = "true"}) and applies it through {@link gov.civilaffairs.platform.kafka.EventBatchProcessor}:
 *   one transaction per poll, same order, retries and dead letters.</li>
 *   <li>Fail: bounded retries ({@code platform.kafka.retry.*}), then {@code <topic>-dlt} and the
 *   {@code platform.kafka.dead.letters{topic}} counter
 *   ({@link gov.civilaffairs.platform.kafka.PlatformKafkaAutoConfiguration}).</li>
 *   <li>Declare: {@link gov.civilaffairs.platform.kafka.TopicDeclarations} ({@code platform.kafka.topic-defaults.*},
 *   {@code platform.kafka.topics.<name>.*}).</li>
 * </ul>
 */
package gov.civilaffairs.platform.kafka;
