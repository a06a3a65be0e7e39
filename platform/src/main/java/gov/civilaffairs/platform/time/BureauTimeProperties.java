package gov.civilaffairs.platform.time;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The bureau's time settings, {@code platform.time.*}.
 *
 * @param zone the zone in which civil dates (dates of death, benefit months, deadlines) are read;
 *     default {@code Asia/Shanghai}, the zone of every mainland Chinese bureau (ARCHITECTURE.md
 *     "Time"). An unknown zone id stops the service at startup.
 * @param holidays the official holiday data the {@link WorkingDayCalendar} is built from, in the
 *     format of {@code cn-holidays.json} (see SOURCE.md beside it); default the copy in this jar.
 *     Point it at a newer file to add a year as soon as the State Council publishes its notice
 *     (usually in November), without a release.
 */
@ConfigurationProperties("platform.time")
@Validated
public record BureauTimeProperties(
    @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
    @DefaultValue("classpath:gov/civilaffairs/platform/time/cn-holidays.json") @NotNull Resource holidays) {
}
