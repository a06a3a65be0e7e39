package gov.civilaffairs.platform.region;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Auto-configuration of the administrative-division (GB/T 2260) directory. */
@AutoConfiguration
public class RegionAutoConfiguration {
}
