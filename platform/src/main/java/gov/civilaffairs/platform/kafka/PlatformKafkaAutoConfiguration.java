package gov.civilaffairs.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Auto-configuration of the Kafka wiring: CloudEvents headers, error-handling deserializer, bounded retries, dead-letter topics. */
@AutoConfiguration
public class PlatformKafkaAutoConfiguration {
}
