package gov.civilaffairs.incomeverification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import gov.civilaffairs.platform.test.ArchitectureRules;

/** The platform's architecture rules, applied to this service's production code. */
@AnalyzeClasses(packages = "gov.civilaffairs.incomeverification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
