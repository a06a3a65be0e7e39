package gov.civilaffairs.incomeverification.department;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pool that queries departments in parallel ({@code income-verification.queries.*}). Java 17 has no
 * virtual threads, so the pool is bounded; each department's own bulkhead
 * ({@code resilience4j.bulkhead.instances.<id>}) caps its share of it.
 *
 * @param threads pool threads; default 32 (8 departments x 4 households at once)
 * @param queueCapacity queries waiting for a thread; default 256; beyond it a source is {@code BUSY}
 */
@Validated
@ConfigurationProperties("income-verification.queries")
public record QueryPoolProperties(@DefaultValue("32") @Min(1) int threads,
    @DefaultValue("256") @Min(0) int queueCapacity) {
}
