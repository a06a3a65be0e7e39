package gov.civilaffairs.platform.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RegionAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RegionAutoConfiguration.class));

  @Test
  void loadsZhejiangByDefault() {
    runner.run(context -> {
      RegionDirectory regions = context.getBean(RegionDirectory.class);
      assertThat(regions.provinces()).containsExactly("33");
      assertThat(regions.require("330681").name()).isEqualTo("诸暨市");
    });
  }

  @Test
  void aProvinceCodeThatIsNotTwoDigitsStopsTheService() {
    runner.withPropertyValues("platform.regions.provinces=33,3306").run(context ->
        assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("platform.regions.provinces")
            .hasStackTraceContaining("must be a 2-digit province code"));
  }

  @Test
  void aProvinceWithoutDataStopsTheService() {
    runner.withPropertyValues("platform.regions.provinces=33,34").run(context ->
        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("No division data for province 34"));
  }

  @Test
  void anApplicationsOwnDirectoryWins() {
    RegionDirectory own = new RegionDirectory(List.of(Region.of("33", "浙江省")));
    runner.withBean(RegionDirectory.class, () -> own).run(context ->
        assertThat(context.getBean(RegionDirectory.class)).isSameAs(own));
  }
}
