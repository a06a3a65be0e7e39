package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local values of disaster relief, under {@code relief.disaster}.
 *
 * @param examPassScore the lowest exam score (0-100) that passes a disaster information officer's training exam;
 *     default 60 (city training practice, verify with the city's emergency-management bureau)
 * @param initialReportHours a disaster's initial report (初报) is due within this many hours of the event; default 2
 *     (应急管理部《自然灾害情况统计调查制度》: the county reports within 2 hours of learning of the disaster; verify the
 *     edition in force)
 * @param followUpReportDays during an open event a follow-up report (续报) is due at most this many days after the
 *     previous report; default 7 (same 制度: 续报 at least every 7 days while the disaster goes on)
 * @param finalReportDays the final report (核报) is due within this many days after the disaster stabilised
 *     ({@code stabilisedOn}); default 5 (same 制度: 灾情稳定后 5 日内核报)
 */
@Validated
@ConfigurationProperties("relief.disaster")
public record DisasterReliefProperties(
    @NotNull @DecimalMin("0") @DecimalMax("100") @DefaultValue("60") BigDecimal examPassScore,
    @Min(1) @DefaultValue("2") int initialReportHours,
    @Min(1) @DefaultValue("7") int followUpReportDays,
    @Min(1) @DefaultValue("5") int finalReportDays) {
}
