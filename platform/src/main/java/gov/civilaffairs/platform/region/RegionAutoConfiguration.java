package gov.civilaffairs.platform.region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the administrative-division (GB/T 2260) directory: the divisions of
 * {@code platform.regions.provinces} are loaded once at startup, so that a missing or broken data
 * file stops the service rather than the first request that needs it.
 */
@AutoConfiguration
@EnableConfigurationProperties(RegionProperties.class)
public class RegionAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RegionAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  RegionDirectory regionDirectory(RegionProperties properties) {
    long start = System.nanoTime();
    RegionDirectory directory = RegionDirectory.load(properties.provinces());
    log.info("Loaded {} administrative divisions of provinces {} in {} ms", directory.size(),
        directory.provinces(), (System.nanoTime() - start) / 1_000_000);
    return directory;
  }
}
