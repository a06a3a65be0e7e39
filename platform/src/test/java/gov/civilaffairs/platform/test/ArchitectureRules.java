package gov.civilaffairs.platform.test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules every service keeps (ARCHITECTURE.md, STYLE.md). A service includes them with
 * {@code @AnalyzeClasses(packages = "gov.civilaffairs.<service>")} and
 * {@code @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);}.
 */
public final class ArchitectureRules {

  private static final String[] SERVICE_ROOTS = {
      "gov.civilaffairs.registry", "gov.civilaffairs.relief", "gov.civilaffairs.eldercare",
      "gov.civilaffairs.veterans", "gov.civilaffairs.incomeverification", "gov.civilaffairs.gateway",
      "gov.civilaffairs.authserver"};

  private ArchitectureRules() {
  }

  /** A service never uses another service's code: cross-service facts travel as events or HTTP calls. */
  @ArchTest
  static final ArchRule servicesAreIndependent = classes()
      .should(new ArchCondition<JavaClass>("depend on no other service's classes") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          String own = serviceRoot(item.getPackageName());
          for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
            String target = serviceRoot(dependency.getTargetClass().getPackageName());
            if (target != null && !target.equals(own)) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      })
      .allowEmptyShould(true);

  private static String serviceRoot(String packageName) {
    for (String root : SERVICE_ROOTS) {
      if (packageName.equals(root) || packageName.startsWith(root + ".")) {
        return root;
      }
    }
    return null;
  }

  /**
   * The domain does not know its web adapter: only our {@code ..web..} packages use request/response records.
   * Spring's own {@code org.springframework.web..} (HTTP clients of other departments) is not an adapter of ours.
   */
  @ArchTest
  static final ArchRule domainDoesNotDependOnWeb = noClasses()
      .that().resideOutsideOfPackage("..web..")
      .should().dependOnClassesThat(resideInAPackage("gov.civilaffairs..web..")
          .and(resideOutsideOfPackage("gov.civilaffairs.platform..")))
      .allowEmptyShould(true)
      .as("feature code does not depend on a web adapter");

  /** Money and rates are BigDecimal (ARCHITECTURE.md "Time" and QUALITY.md "Money"): never float or double. */
  @ArchTest
  static final ArchRule noBinaryFloatingPoint = fields()
      .should().notHaveRawType(double.class)
      .andShould().notHaveRawType(float.class)
      .andShould().notHaveRawType(Double.class)
      .andShould().notHaveRawType(Float.class)
      .allowEmptyShould(true)
      .as("no field is a binary floating-point number (money is BigDecimal)");

  /** Civil dates and instants use java.time, never the legacy types. */
  @ArchTest
  static final ArchRule noLegacyDates = noClasses()
      .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar")
      .as("no use of java.util.Date or Calendar");

  /**
   * {@code java.sql.Timestamp} only at the JDBC boundary: a repository may bind or read one (MySQL
   * Connector/J against MariaDB keeps milliseconds only through it), nothing else sees it.
   */
  @ArchTest
  static final ArchRule timestampsStayInRepositories = noClasses()
      .that().haveSimpleNameNotEndingWith("Repository")
      .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Timestamp")
      .as("java.sql.Timestamp is used only by repositories");
}
