package gov.civilaffairs.platform.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Auto-configuration of the bureau's clock (Asia/Shanghai) and the working-day calendar. */
@AutoConfiguration
public class BureauTimeAutoConfiguration {
}
