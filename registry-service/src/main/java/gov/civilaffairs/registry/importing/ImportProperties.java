package gov.civilaffairs.registry.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the bulk death import (QUALITY.md: bulk endpoints have size limits), under {@code registry.import}.
 *
 * @param maxFileSize largest accepted file; default 10 MB (a day's feed of a city of a few million is
 *     well under 1 MB). Also the multipart limit.
 * @param maxRows most data rows in one file; default 20,000
 * @param chunkSize rows registered in one transaction, their persons and earlier reports looked up in one
 *     round trip per kind, their records written in JDBC batches; default 100. A chunk's deaths reach Kafka
 *     when the chunk commits, so the time a chunk takes is part of each of its deaths' latency: measured on the
 *     demo city (bench/README.md), chunks of 500 gave a p99 of 4.6 s from confirmation to the last service's
 *     effect, chunks of 100 gave 1.4-1.8 s (issue 4's floor: 2 s), at some CPU more per death
 * @param lockRetries how often a chunk that lost a lock conflict (deadlock, lock wait timeout) is run
 *     again before the import fails; default 5
 */
@Validated
@ConfigurationProperties("registry.import")
public record ImportProperties(
    @NotNull @DefaultValue("10MB") DataSize maxFileSize,
    @Min(1) @DefaultValue("20000") int maxRows,
    @Min(1) @Max(5000) @DefaultValue("100") int chunkSize,
    @Min(0) @Max(100) @DefaultValue("5") int lockRetries) {
}
