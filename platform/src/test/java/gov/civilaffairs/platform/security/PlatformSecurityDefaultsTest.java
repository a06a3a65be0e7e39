package gov.civilaffairs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.platform.masking.MaskType;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The documented defaults of {@code platform.security} in platform-defaults.yml bind as intended. */
class PlatformSecurityDefaultsTest {

  @Test
  void defaultsTrustTheLocalAuthServerAndMaskForRolesThatDoNotNeedTheData() throws Exception {
    MutablePropertySources sources = new MutablePropertySources();
    for (PropertySource<?> source : new YamlPropertySourceLoader()
        .load("defaults", new ClassPathResource("META-INF/platform-defaults.yml"))) {
      sources.addLast(source);
    }
    Binder binder = new Binder(ConfigurationPropertySources.from(sources),
        new PropertySourcesPlaceholdersResolver(sources));

    PlatformSecurityProperties properties = binder.bind("platform.security", PlatformSecurityProperties.class).get();

    assertThat(properties.jwt().issuerUri()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(properties.openPaths()).contains("/v3/api-docs/**");
    assertThat(properties.unmaskedRoles().get(MaskType.NATIONAL_ID_NUMBER))
        .contains(Role.TOWNSHIP_CASEWORKER).doesNotContain(Role.VILLAGE_ASSISTANT, Role.OPERATIONS);
    assertThat(properties.unmaskedRoles().get(MaskType.MOBILE_PHONE)).contains(Role.VILLAGE_ASSISTANT);
    assertThat(properties.unmaskedRoles().get(MaskType.BANK_ACCOUNT))
        .contains(Role.EXTERNAL_SYSTEM).doesNotContain(Role.TOWNSHIP_CASEWORKER);
    assertThat(properties.unmaskedRoles().values()).noneMatch(roles -> roles.contains(Role.OPERATIONS));
    assertThat(List.of(MaskType.values())).allMatch(properties.unmaskedRoles()::containsKey);
  }
}
